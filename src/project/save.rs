//! Writing project files safely: atomic replace, a `.bak` of the previous save, and
//! recovery files for autosave.
//!
//! A save never leaves a half-written project or backup behind: [`crate::fsio`] writes the
//! new content to a temporary file in the same folder, flushes it to disk, gives the
//! previous file a second name by a hard link, and then renames the two into place, which
//! the operating system does in one step each. Any failure before the first rename
//! removes the temporary files and leaves both files as they were.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{ProjectError, convert, format};
use crate::fsio::{self, Backup, sibling};
use crate::model::Project;

/// Saves `project` to `path` atomically, keeping the file already there (if any) as
/// `NAME.ron.bak` ([`fsio::replace`] with [`Backup::Keep`]: at every instant both files
/// are whole saves). On error the file at `path` is unchanged.
///
/// If `path` is a symbolic link, the file it points to is replaced and the link kept.
pub fn save(project: &Project, path: &Path) -> Result<(), ProjectError> {
    save_on(&fsio::RealDisk, project, path)
}

/// [`save`] through `disk` (a test makes its calls fail).
pub(crate) fn save_on(
    disk: &dyn fsio::Disk,
    project: &Project,
    path: &Path,
) -> Result<(), ProjectError> {
    let target = fsio::resolve_link(path);
    write_streamed(project, path, |fill| {
        fsio::replace_on(disk, &target, fill, Backup::Keep)
            .map_err(|e| ProjectError::from_write(&target, e))
    })
}

/// Runs `write` with a [`fsio::Fill`] that streams `project`'s RON, so the file's text
/// is never held whole in memory; an encoding failure is told as one, naming `path`.
fn write_streamed(
    project: &Project,
    path: &Path,
    write: impl FnOnce(fsio::Fill<'_>) -> Result<(), ProjectError>,
) -> Result<(), ProjectError> {
    let file = convert::to_view(project);
    let encode_error = std::cell::RefCell::new(None);
    let fill = |out: &mut dyn io::Write| match format::encode_to(&file, out) {
        Ok(()) => Ok(()),
        Err(format::WriteRonError::Io(e)) => Err(e),
        Err(format::WriteRonError::Encode(message)) => {
            let e = io::Error::other(message.clone());
            *encode_error.borrow_mut() = Some(message);
            Err(e)
        }
    };
    let written = write(&fill);
    match encode_error.into_inner() {
        Some(message) => Err(ProjectError::Encode {
            path: Some(path.to_path_buf()),
            message,
        }),
        None => written,
    }
}

/// `NAME.ron.bak` next to `path`: the previous content, kept by each [`save`].
pub fn backup_path(path: &Path) -> PathBuf {
    fsio::backup_path(path)
}

/// Where autosave keeps unsaved work: `.NAME.ron.recovery` next to a saved project, or
/// `untitled.ron.recovery` in `data_dir` for a project that was never saved.
pub fn recovery_path(project_path: Option<&Path>, data_dir: &Path) -> PathBuf {
    match project_path {
        Some(path) if path.file_name().is_some() => sibling(path, ".", ".recovery"),
        _ => data_dir.join("untitled.ron.recovery"),
    }
}

/// Writes an autosave of `project` to `recovery` (from [`recovery_path`]) atomically.
/// No backup is kept. The folder must exist: the app creates its data folder at start,
/// and this never creates folders next to a project whose folder has gone away.
pub fn write_recovery(project: &Project, recovery: &Path) -> Result<(), ProjectError> {
    write_streamed(project, recovery, |fill| {
        fsio::replace_with(recovery, fill, Backup::None)
            .map_err(|e| ProjectError::from_write(recovery, e))
    })
}

/// Deletes a recovery file, after a successful save or when the user discards it.
/// A file that is already gone is fine.
pub fn remove_recovery(recovery: &Path) -> Result<(), ProjectError> {
    match fs::remove_file(recovery) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(ProjectError::Remove {
            path: recovery.to_path_buf(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Replaces `path` atomically through [`fsio::replace`], with the file named in errors.
#[cfg(test)]
fn write_atomic(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), ProjectError> {
    fsio::replace(path, bytes, backup).map_err(|e| ProjectError::from_write(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_and_recovery_paths_sit_next_to_the_project() {
        let p = Path::new("/notes/harbour.ron");
        assert_eq!(backup_path(p), Path::new("/notes/harbour.ron.bak"));
        assert_eq!(
            recovery_path(Some(p), Path::new("/data")),
            Path::new("/notes/.harbour.ron.recovery")
        );
    }

    #[test]
    fn recovery_of_an_unsaved_project_goes_to_the_data_dir() {
        assert_eq!(
            recovery_path(None, Path::new("/data/claimdesk")),
            Path::new("/data/claimdesk/untitled.ron.recovery")
        );
    }

    #[test]
    fn write_atomic_replaces_and_keeps_a_backup() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"first", Backup::Keep)?;
        assert!(!backup_path(&path).exists());
        write_atomic(&path, b"second", Backup::Keep)?;
        assert_eq!(fs::read(&path)?, b"second");
        assert_eq!(fs::read(backup_path(&path))?, b"first");
        let names: Vec<_> = fs::read_dir(dir.path())?
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        Ok(())
    }

    /// A full disk at each step of a save (the temporary file, the backup, each rename),
    /// on a file system with hard links and one without: afterwards the project and its
    /// `.bak` both load, as the saves they should be, and no temporary file is left.
    #[test]
    fn a_full_disk_at_any_step_leaves_project_and_backup_loadable()
    -> Result<(), Box<dyn std::error::Error>> {
        let version = |n: u32| {
            Project::new(
                crate::model::Article::from_text(format!("Save {n}"), "The ferry runs again."),
                vec![],
                vec![],
            )
        };
        let title = |path: &Path| -> Result<String, ProjectError> {
            Ok(crate::project::load(path)?.project.article.title)
        };
        for no_links in [false, true] {
            for fail_at in 0..4 {
                let dir = tempfile::tempdir()?;
                let path = dir.path().join("ferry.ron");
                save(&version(1), &path)?;
                save(&version(2), &path)?;
                let disk = fsio::FaultyDisk::new(fail_at, no_links);
                let result = save_on(&disk, &version(3), &path);
                let expected = match &result {
                    Err(ProjectError::BackupNotKept { .. }) => ("Save 3", "Save 1"),
                    Err(ProjectError::Write { .. }) => ("Save 2", "Save 1"),
                    other => panic!("call {fail_at} failed, yet: {other:?}"),
                };
                let found = (title(&path)?, title(&backup_path(&path))?);
                assert_eq!(
                    (found.0.as_str(), found.1.as_str()),
                    expected,
                    "no_links {no_links}, call {fail_at}"
                );
                assert_eq!(fs::read_dir(dir.path())?.count(), 2);
            }
        }
        Ok(())
    }

    #[test]
    fn write_without_backup_leaves_no_bak() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join(".a.ron.recovery");
        write_atomic(&path, b"1", Backup::None)?;
        write_atomic(&path, b"2", Backup::None)?;
        assert_eq!(fs::read(&path)?, b"2");
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn save_through_a_symlink_replaces_the_target() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        fs::write(&real, "old")?;
        std::os::unix::fs::symlink(&real, &link)?;
        save(&Project::default(), &link)?;
        assert!(fs::symlink_metadata(&link)?.file_type().is_symlink());
        assert!(fs::read_to_string(&real)?.contains("version: 3"));
        assert_eq!(fs::read_to_string(backup_path(&real))?, "old");
        Ok(())
    }

    #[test]
    fn read_only_file_is_not_replaced() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.ron");
        fs::write(&path, "old")?;
        let mut perms = fs::metadata(&path)?.permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms)?;
        let err = write_atomic(&path, b"new", Backup::Keep).map_err(|e| e.to_string());
        assert_eq!(
            err,
            Err(format!(
                "{}: not saved, the file is read-only: permission denied",
                path.display()
            ))
        );
        assert_eq!(fs::read_to_string(&path)?, "old");
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn remove_recovery_accepts_a_missing_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("gone.ron.recovery");
        remove_recovery(&path)?;
        fs::write(&path, "x")?;
        remove_recovery(&path)?;
        assert!(!path.exists());
        Ok(())
    }

    #[test]
    fn write_recovery_into_a_missing_folder_fails() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let data = dir.path().join("data");
        let path = recovery_path(None, &data);
        let result = write_recovery(&Project::default(), &path);
        assert!(
            matches!(result, Err(ProjectError::Write { .. })),
            "{result:?}"
        );
        assert!(!data.exists());
        fs::create_dir(&data)?;
        write_recovery(&Project::default(), &path)?;
        assert!(path.is_file());
        Ok(())
    }
}
