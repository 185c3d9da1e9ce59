//! Replacing a file on disk safely: the one place project saves, autosaves and reports
//! reach the disk.
//!
//! A write never leaves a half-written file behind: the new content goes to a temporary
//! file in the same folder, is flushed to disk, and is then renamed over the target, which
//! the operating system does in one step. Any failure before the rename removes the
//! temporary file and leaves the previous file as it was. The previous file's permissions
//! are kept, a read-only file is not replaced, and a folder is never replaced.
//!
//! [`write_atomic`] does all of it and follows a symbolic link to the file it names.
//! [`stage`] and [`Staged::commit`] split it in two for callers with work to do between
//! the flushed temporary file and the rename (a project save keeps a `.bak` there).
//!
//! ```
//! use claimdesk::fsio;
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("notes.txt");
//! fsio::write_atomic(&path, b"first")?;
//! fsio::write_atomic(&path, b"second")?;
//! assert_eq!(std::fs::read(&path)?, b"second");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Why a file was not written: the step that failed and the IO error.
///
/// It does not carry the path: callers name the file in their own error type, each with
/// its own wording ("not saved", "report not written").
#[derive(Debug, thiserror::Error)]
#[error("{step}: {source}")]
pub struct WriteError {
    /// What failed, as the end of a sentence: "the file is read-only".
    pub step: &'static str,
    #[source]
    pub source: io::Error,
}

impl WriteError {
    fn new(step: &'static str, source: io::Error) -> Self {
        Self { step, source }
    }

    fn refused(step: &'static str, kind: io::ErrorKind) -> Self {
        Self::new(step, io::Error::from(kind))
    }
}

/// Replaces the file at `path` with `bytes` atomically (see the [module docs](self)).
///
/// If `path` is a symbolic link, the file it points to is replaced and the link kept.
/// On error the file at `path` is unchanged and no temporary file is left.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    stage(&resolve_link(path), bytes)?.commit()
}

/// New content flushed to a temporary file next to its target, not yet in place.
///
/// [`commit`](Self::commit) renames it over the target; dropping it instead removes the
/// temporary file and leaves the target as it was.
#[derive(Debug)]
#[must_use = "the new content is not in place until `commit` is called"]
pub struct Staged {
    target: PathBuf,
    tmp: PathBuf,
    committed: bool,
}

/// Writes `bytes` to a temporary file in `path`'s folder and flushes it to disk, with the
/// permissions of the file at `path` if there is one. Refuses a path that names no file,
/// a folder and a read-only file.
///
/// Unlike [`write_atomic`], a symbolic link at `path` is not followed: committing replaces
/// the link itself. Pass the result of [`resolve_link`] to keep links.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged, WriteError> {
    if path.file_name().is_none() {
        return Err(WriteError::refused(
            "the path does not name a file",
            io::ErrorKind::InvalidInput,
        ));
    }
    let existing = fs::metadata(path).ok();
    if existing.as_ref().is_some_and(fs::Metadata::is_dir) {
        return Err(WriteError::refused(
            "it is a folder",
            io::ErrorKind::IsADirectory,
        ));
    }
    // Replacing by rename would get past a read-only flag; respect it instead.
    if existing
        .as_ref()
        .is_some_and(|m| m.permissions().readonly())
    {
        return Err(WriteError::refused(
            "the file is read-only",
            io::ErrorKind::PermissionDenied,
        ));
    }
    let (tmp, mut file) = create_temp(path)
        .map_err(|e| WriteError::new("could not create a temporary file in its folder", e))?;
    let staged = Staged {
        target: path.to_path_buf(),
        tmp,
        committed: false,
    };
    let written = (|| {
        file.write_all(bytes)?;
        // Keep the previous file's permissions (a private project stays private).
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()
    })();
    drop(file);
    // On error, dropping `staged` removes the temporary file.
    written.map_err(|e| WriteError::new("could not write the temporary file", e))?;
    Ok(staged)
}

impl Staged {
    /// The file the new content will replace.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Renames the temporary file over the target, then flushes the folder where the
    /// platform allows it.
    pub fn commit(mut self) -> Result<(), WriteError> {
        // On error, dropping `self` removes the temporary file.
        fs::rename(&self.tmp, &self.target)
            .map_err(|e| WriteError::new("could not replace the file", e))?;
        self.committed = true;
        sync_folder(folder_of(&self.target));
        Ok(())
    }
}

impl Drop for Staged {
    /// Removes the temporary file of a write that did not finish. The write's own error is
    /// what gets reported; if even this removal fails, a stray temporary file is the only
    /// trace, and the target was never touched.
    fn drop(&mut self) {
        if !self.committed {
            fs::remove_file(&self.tmp).ok();
        }
    }
}

/// The file a symbolic link points to, so writing replaces it rather than the link;
/// `path` itself when it is not a link (or the link cannot be resolved).
pub fn resolve_link(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    } else {
        path.to_path_buf()
    }
}

/// `dir/{lead}{name}{tail}` for `path = dir/name`.
pub(crate) fn sibling(path: &Path, lead: &str, tail: &str) -> PathBuf {
    let mut name = OsString::from(lead);
    name.push(path.file_name().unwrap_or_default());
    name.push(tail);
    path.with_file_name(name)
}

/// The folder holding `path` ("." for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Creates `.NAME.tmpPID-N` next to `path`, failing rather than reusing an existing file.
fn create_temp(path: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let mut last_err = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..64 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = sibling(path, ".", &format!(".tmp{}-{n}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_err = e,
            Err(e) => return Err(e),
        }
    }
    Err(last_err)
}

/// Flushes the rename itself to disk where the platform allows it. The new file is
/// already in place; a folder that cannot be synced (some network file systems, or
/// Windows, where folders cannot be opened this way) only weakens durability after a
/// power cut, so it does not fail the write.
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

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    /// How many entries `dir` holds (a stray temporary file shows up here).
    fn entries(dir: &Path) -> io::Result<usize> {
        Ok(fs::read_dir(dir)?.count())
    }

    #[test]
    fn sibling_adds_a_lead_and_a_tail_to_the_name() {
        let p = Path::new("/notes/harbour.ron");
        assert_eq!(
            sibling(p, ".", ".tmp"),
            Path::new("/notes/.harbour.ron.tmp")
        );
        assert_eq!(sibling(p, "", ".bak"), Path::new("/notes/harbour.ron.bak"));
    }

    #[test]
    fn folder_of_a_bare_name_is_the_current_folder() {
        assert_eq!(folder_of(Path::new("a.md")), Path::new("."));
        assert_eq!(folder_of(Path::new("/x/a.md")), Path::new("/x"));
    }

    #[test]
    fn a_dropped_stage_leaves_the_target_and_no_temporary_file() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.txt");
        fs::write(&path, "old")?;
        let staged = stage(&path, b"new")?;
        assert_eq!(staged.target(), path);
        assert_eq!(entries(dir.path())?, 2);
        drop(staged);
        assert_eq!(fs::read_to_string(&path)?, "old");
        assert_eq!(entries(dir.path())?, 1);
        Ok(())
    }

    #[test]
    fn commit_puts_the_new_content_in_place() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.txt");
        stage(&path, b"one")?.commit()?;
        stage(&path, b"two")?.commit()?;
        assert_eq!(fs::read_to_string(&path)?, "two");
        assert_eq!(entries(dir.path())?, 1);
        Ok(())
    }

    #[test]
    fn refusals_name_the_step() -> TestResult {
        let dir = tempfile::tempdir()?;
        let err = write_atomic(dir.path(), b"x").map_err(|e| e.to_string());
        assert_eq!(err, Err("it is a folder: is a directory".to_owned()));
        let err = write_atomic(Path::new("/"), b"x").map_err(|e| e.step);
        assert_eq!(err, Err("the path does not name a file"));
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn stage_replaces_a_link_and_write_atomic_follows_it() -> TestResult {
        let dir = tempfile::tempdir()?;
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        fs::write(&real, "old")?;
        std::os::unix::fs::symlink(&real, &link)?;
        write_atomic(&link, b"followed")?;
        assert!(fs::symlink_metadata(&link)?.file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real)?, "followed");
        stage(&link, b"replaced")?.commit()?;
        assert!(!fs::symlink_metadata(&link)?.file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real)?, "followed");
        assert_eq!(fs::read_to_string(&link)?, "replaced");
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn permissions_of_the_previous_file_are_kept() -> TestResult {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("private.txt");
        fs::write(&path, "old")?;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600))?;
        write_atomic(&path, b"new")?;
        assert_eq!(fs::metadata(&path)?.permissions().mode() & 0o777, 0o600);
        Ok(())
    }
}
