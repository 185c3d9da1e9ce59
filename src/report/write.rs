//! The one place reports reach the disk.

use std::path::Path;

use super::{Format, Options, ReportError, render_to, report_error};
use crate::fsio::{self, Backup, WriteError};
use crate::model::Project;

/// Writes a rendered report to `path`, atomically, keeping the file it replaces as
/// `NAME.bak`, with [`fsio::replace`] (the same rules as a project save).
///
/// The text goes to a temporary file in the same folder, is flushed to disk and then
/// renamed over `path`, so readers see either the old file or the whole new one, never
/// half a report; the old file is renamed to `NAME.bak` by a hard link, never copied in
/// place. On error nothing at `path` changes and the temporary files are removed. A
/// read-only file is not replaced; a symbolic link keeps pointing at the (replaced) file
/// it names.
///
/// ```
/// use claimdesk::report;
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("report.md");
/// report::write(&path, "# Report\n")?;
/// report::write(&path, "# Report, again\n")?;
/// assert_eq!(std::fs::read_to_string(&path)?, "# Report, again\n");
/// assert_eq!(std::fs::read_to_string(dir.path().join("report.md.bak"))?, "# Report\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write(path: &Path, contents: &str) -> Result<(), ReportError> {
    fsio::replace(path, contents.as_bytes(), Backup::Keep).map_err(|e| write_error(path, e))
}

/// Renders `project` as a report in `format` straight into `path` ([`render_to`]), with
/// the same rules as [`write`]: the report is never held whole in memory, and a report
/// that fails half-way (a full disk, an encoding failure) leaves `path` as it was.
///
/// ```
/// use claimdesk::model::{Article, Project};
/// use claimdesk::report::{self, Format, Options};
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("report.csv");
/// let project = Project::new(Article::from_text("Harbour", "The harbour reopened."), vec![], vec![]);
/// report::write_report(&path, &project, Format::Csv, &Options::default())?;
/// assert!(std::fs::read_to_string(&path)?.starts_with("id,verdict,kind,claim"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_report(
    path: &Path,
    project: &Project,
    format: Format,
    options: &Options,
) -> Result<(), ReportError> {
    let fill = |out: &mut dyn std::io::Write| render_to(project, format, options, out);
    fsio::replace_with(path, &fill, Backup::Keep).map_err(|e| write_error(path, e))
}

fn write_error(path: &Path, e: WriteError) -> ReportError {
    if e.replaced {
        return ReportError::BackupNotKept {
            path: path.to_path_buf(),
            source: e.source,
        };
    }
    match report_error(e.source) {
        Ok(encode) => encode,
        Err(source) => ReportError::Write {
            path: path.to_path_buf(),
            step: e.step,
            source,
        },
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

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
    fn a_report_rendered_into_its_file_is_what_render_gives()
    -> Result<(), Box<dyn std::error::Error>> {
        use crate::model::Article;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("r.json");
        fs::write(&path, "previous")?;
        let project = Project::new(
            Article::from_text("Harbour", "The harbour reopened. Crews </script> & more."),
            vec![],
            vec![],
        );
        for format in Format::ALL {
            write_report(&path, &project, format, &Options::default())?;
            let want = super::super::render(&project, format, &Options::default())?;
            let written = fs::read_to_string(&path)?;
            // Only the time it was made may differ.
            let strip = |s: &str| {
                s.lines()
                    .filter(|l| !l.contains("enerated"))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            assert_eq!(strip(&written), strip(&want), "{format}");
        }
        assert_eq!(names(dir.path()), ["r.json", "r.json.bak"]);
        Ok(())
    }

    #[test]
    fn write_replaces_and_leaves_no_temporary_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("r.html");
        write(&path, "one")?;
        assert_eq!(names(dir.path()), ["r.html"]);
        write(&path, "two")?;
        assert_eq!(fs::read_to_string(&path)?, "two");
        assert_eq!(fs::read_to_string(dir.path().join("r.html.bak"))?, "one");
        assert_eq!(names(dir.path()), ["r.html", "r.html.bak"]);
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
