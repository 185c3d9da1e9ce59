//! The one place reports reach the disk.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::ReportError;

/// Writes a rendered report to `path`, atomically.
///
/// The text goes to a temporary file in the same folder, is flushed to disk and then
/// renamed over `path`, so readers see either the old file or the whole new one, never
/// half a report. On error nothing at `path` changes and the temporary file is removed.
/// A read-only file is not replaced; a symbolic link keeps pointing at the (replaced)
/// file it names.
///
/// ```
/// use claimdesk::report;
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("report.md");
/// report::write(&path, "# Report\n")?;
/// assert_eq!(std::fs::read_to_string(&path)?, "# Report\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write(path: &Path, contents: &str) -> Result<(), ReportError> {
    let fail = |step: &'static str, source: io::Error| ReportError::Write {
        path: path.to_path_buf(),
        step,
        source,
    };
    if path.file_name().is_none() {
        return Err(fail(
            "the path does not name a file",
            io::Error::from(io::ErrorKind::InvalidInput),
        ));
    }
    let target = resolve_link(path);
    let existing = fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(fs::Metadata::is_dir) {
        return Err(fail(
            "it is a folder",
            io::Error::from(io::ErrorKind::IsADirectory),
        ));
    }
    // Replacing by rename would get past a read-only flag; respect it instead.
    if existing
        .as_ref()
        .is_some_and(|m| m.permissions().readonly())
    {
        return Err(fail(
            "the file is read-only",
            io::Error::from(io::ErrorKind::PermissionDenied),
        ));
    }
    let (tmp_path, mut tmp) = create_temp(&target)
        .map_err(|e| fail("could not create a temporary file in its folder", e))?;
    let written = (|| {
        tmp.write_all(contents.as_bytes())?;
        if let Some(meta) = &existing {
            tmp.set_permissions(meta.permissions())?;
        }
        tmp.sync_all()
    })();
    drop(tmp);
    if let Err(e) = written {
        fs::remove_file(&tmp_path).ok();
        return Err(fail("could not write the temporary file", e));
    }
    if let Err(e) = fs::rename(&tmp_path, &target) {
        fs::remove_file(&tmp_path).ok();
        return Err(fail("could not replace the file", e));
    }
    sync_folder(folder_of(&target));
    Ok(())
}

/// The file a symbolic link points to, so writing replaces it rather than the link.
fn resolve_link(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    } else {
        path.to_path_buf()
    }
}

/// The folder holding `path` ("." for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Creates `.NAME.tmpPID-N` next to `path`, never reusing an existing file.
fn create_temp(path: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let mut last_err = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..64 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut name = OsString::from(".");
        name.push(path.file_name().unwrap_or_default());
        name.push(format!(".tmp{}-{n}", std::process::id()));
        let tmp = path.with_file_name(name);
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_err = e,
            Err(e) => return Err(e),
        }
    }
    Err(last_err)
}

/// Flushes the rename to disk where the platform allows it; a folder that cannot be
/// synced only weakens durability after a power cut, so it does not fail the write.
fn sync_folder(dir: &Path) {
    if cfg!(unix)
        && let Ok(folder) = File::open(dir)
    {
        folder.sync_all().ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut out: Vec<String> = fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        out
    }

    #[test]
    fn write_replaces_and_leaves_no_temporary_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("r.html");
        write(&path, "one")?;
        write(&path, "two")?;
        assert_eq!(fs::read_to_string(&path)?, "two");
        assert_eq!(names(dir.path()), ["r.html"]);
        Ok(())
    }

    #[test]
    fn missing_folder_is_an_error_naming_the_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("gone").join("r.md");
        let err = write(&path, "x").map_err(|e| e.to_string());
        let message = err.err().unwrap_or_default();
        assert!(
            message.starts_with(&format!(
                "{}: report not written, could not create a temporary file",
                path.display()
            )),
            "{message}"
        );
        assert!(!message.contains('\n'));
        Ok(())
    }

    #[test]
    fn read_only_file_is_kept() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("r.csv");
        fs::write(&path, "old")?;
        let mut perms = fs::metadata(&path)?.permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms)?;
        assert!(matches!(
            write(&path, "new"),
            Err(ReportError::Write { .. })
        ));
        assert_eq!(fs::read_to_string(&path)?, "old");
        assert_eq!(names(dir.path()), ["r.csv"]);
        Ok(())
    }

    #[test]
    fn a_folder_is_not_replaced() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let err = write(dir.path(), "x").map_err(|e| e.to_string());
        assert!(err.is_err());
        assert!(dir.path().is_dir());
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn writing_through_a_symlink_replaces_its_target() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let real = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        fs::write(&real, "old")?;
        std::os::unix::fs::symlink(&real, &link)?;
        write(&link, "new")?;
        assert!(fs::symlink_metadata(&link)?.file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real)?, "new");
        Ok(())
    }
}
