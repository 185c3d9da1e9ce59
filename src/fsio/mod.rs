//! Replacing a file on disk safely: the one place project saves, autosaves and reports
//! reach the disk.
//!
//! A write never leaves a half-written file behind: the new content goes to a temporary
//! file in the same folder, is flushed to disk, and is then renamed over the target, which
//! the operating system does in one step. Any failure before the rename removes the
//! temporary file and leaves the previous file as it was. The previous file's permissions
//! are kept, a read-only file is not replaced, and a folder is never replaced.
//!
//! [`replace`] can also keep the file it replaces as `NAME.bak`, and does that atomically
//! too: the previous file gets a second name by a hard link (or, where the file system
//! has none, a flushed copy under a temporary name), and that name is renamed over
//! `NAME.bak` only after the new content is in place. So at every instant, even if the
//! process is killed or the disk fills up, both `NAME` and `NAME.bak` are whole files of
//! versions that were written, and `NAME.bak` is never the same version as `NAME`.
//! Temporary files that a killed process left behind are removed by the next write.
//!
//! ```
//! use claimdesk::fsio::{self, Backup};
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("notes.txt");
//! fsio::write_atomic(&path, b"first")?;
//! fsio::replace(&path, b"second", Backup::Keep)?;
//! assert_eq!(std::fs::read(&path)?, b"second");
//! assert_eq!(std::fs::read(fsio::backup_path(&path))?, b"first");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod disk;
mod names;
mod temp;

#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

#[cfg(test)]
pub(crate) use disk::faulty::FaultyDisk;
pub(crate) use disk::{Disk, RealDisk};

pub use names::{printable, safe_file_name};

/// Why a file was not written: the step that failed and the IO error.
///
/// It does not carry the path: callers name the file in their own error type, each with
/// its own wording ("not saved", "report not written").
#[derive(Debug, thiserror::Error)]
#[error("{step}: {}", io_message(.source))]
pub struct WriteError {
    /// What failed, as the end of a sentence: "the file is read-only".
    pub step: &'static str,
    #[source]
    pub source: io::Error,
    /// True when the new content is in place and only keeping the previous version as
    /// `NAME.bak` failed (the `.bak` then still holds an older version, whole).
    pub replaced: bool,
}

impl WriteError {
    fn new(step: &'static str, source: io::Error) -> Self {
        Self {
            step,
            source,
            replaced: false,
        }
    }

    fn refused(step: &'static str, kind: io::ErrorKind) -> Self {
        Self::new(step, io::Error::from(kind))
    }
}

/// An IO error's own words without the "(os error 2)" tail: "No such file or directory"
/// becomes "no such file or directory", so messages read as one sentence.
pub fn io_message(e: &io::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_owned(),
        _ => text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !chars.clone().next().is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text,
    }
}

/// Whether [`replace`] keeps the file it replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    /// Keep the previous file as `NAME.bak` ([`backup_path`]).
    Keep,
    /// No backup (recovery files, temporary output).
    None,
}

/// `NAME.bak` next to `path`: the previous content, kept by [`replace`] with
/// [`Backup::Keep`].
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, "", ".bak")
}

/// Replaces the file at `path` with `bytes` atomically (see the [module docs](self)),
/// with no backup.
///
/// If `path` is a symbolic link, the file it points to is replaced and the link kept.
/// On error the file at `path` is unchanged and no temporary file is left.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace(path, bytes, Backup::None)
}

/// Replaces the file at `path` with `bytes` atomically, keeping the previous file as
/// `NAME.bak` with [`Backup::Keep`] (see the [module docs](self)).
///
/// If `path` is a symbolic link, the file it points to is replaced and the link kept.
/// On error the file at `path` is unchanged (unless [`WriteError::replaced`]), the
/// `.bak` holds the version it held before, and no temporary file is left.
pub fn replace(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), WriteError> {
    replace_on(
        &RealDisk,
        &resolve_link(path),
        &|w| w.write_all(bytes),
        backup,
    )
}

/// Writes a file's whole content to a (buffered) writer, so that a large file never has
/// to be held in memory first. Called once per file written; it may fail half-way, which
/// leaves the target untouched like any other failed write.
pub type Fill<'a> = &'a dyn Fn(&mut dyn io::Write) -> io::Result<()>;

/// [`replace`] with the content written by `fill` (see [`Fill`]).
pub fn replace_with(path: &Path, fill: Fill<'_>, backup: Backup) -> Result<(), WriteError> {
    replace_on(&RealDisk, &resolve_link(path), fill, backup)
}

/// [`replace`] through `disk`, with `path` already resolved.
pub(crate) fn replace_on(
    disk: &dyn Disk,
    path: &Path,
    fill: Fill<'_>,
    backup: Backup,
) -> Result<(), WriteError> {
    let existing = check_target(path)?;
    let bak = backup_path(path);
    let keep = backup == Backup::Keep && existing.as_ref().is_some_and(fs::Metadata::is_file);
    if keep && fs::symlink_metadata(&bak).is_ok_and(|m| m.is_dir()) {
        return Err(WriteError::refused(
            "its backup name (.bak) is taken by a folder",
            io::ErrorKind::IsADirectory,
        ));
    }
    temp::remove_leftovers(path);
    if backup == Backup::Keep {
        temp::remove_leftovers(&bak);
    }

    let new = Temp::write(disk, path, fill, existing.as_ref()).map_err(|(created, e)| {
        let step = if created {
            "could not write the temporary file"
        } else {
            "could not create a temporary file in its folder"
        };
        WriteError::new(step, e)
    })?;
    let old = if keep {
        let kept = Temp::second_name(disk, path)
            .map_err(|e| WriteError::new("could not keep the previous version as .bak", e))?;
        Some(kept)
    } else {
        None
    };
    new.rename_over(disk, path)
        .map_err(|e| WriteError::new("could not replace the file", e))?;
    if let Some(old) = old {
        // The new file is in place; the `.bak` still holds the version before the
        // previous one until this rename.
        old.rename_over(disk, &bak).map_err(|e| WriteError {
            replaced: true,
            ..WriteError::new("could not keep the previous version as .bak", e)
        })?;
    }
    sync_folder(folder_of(path));
    Ok(())
}

/// Refuses a path that names no file, a folder and a read-only file; returns what is
/// there now, if anything.
fn check_target(path: &Path) -> Result<Option<fs::Metadata>, WriteError> {
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
    Ok(existing)
}

/// A whole, flushed file under a temporary name next to its target; removed on drop
/// unless renamed into place.
struct Temp {
    path: Option<PathBuf>,
}

impl Temp {
    /// What `fill` writes, in a new temporary file next to `target`, with `like`'s
    /// permissions. The error says whether the temporary file had been created.
    fn write(
        disk: &dyn Disk,
        target: &Path,
        fill: Fill<'_>,
        like: Option<&fs::Metadata>,
    ) -> Result<Temp, (bool, io::Error)> {
        let (tmp, mut file) = temp::create_temp(target).map_err(|e| (false, e))?;
        let temp = Temp { path: Some(tmp) };
        // On error, dropping `temp` removes the file.
        if let Some(meta) = like {
            file.set_permissions(meta.permissions())
                .map_err(|e| (true, e))?;
        }
        disk.write(&mut file, fill).map_err(|e| (true, e))?;
        Ok(temp)
    }

    /// A second name for the file at `path` under a temporary name of its `.bak`: a hard
    /// link, or where links are refused, a flushed copy.
    fn second_name(disk: &dyn Disk, path: &Path) -> io::Result<Temp> {
        let bak = backup_path(path);
        match temp::with_free_name(&bak, |tmp| disk.hard_link(path, tmp)) {
            Ok(tmp) => Ok(Temp { path: Some(tmp) }),
            // A full disk fails a copy too; anything else may be a file system without
            // hard links (FAT, some network shares), where a copy works.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::StorageFull
                        | io::ErrorKind::QuotaExceeded
                        | io::ErrorKind::NotFound
                        | io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                Err(e)
            }
            Err(_) => {
                let old = fs::read(path)?;
                Temp::write(
                    disk,
                    &bak,
                    &|w| w.write_all(&old),
                    fs::metadata(path).ok().as_ref(),
                )
                .map_err(|(_, e)| e)
            }
        }
    }

    fn rename_over(mut self, disk: &dyn Disk, target: &Path) -> io::Result<()> {
        let Some(tmp) = self.path.take() else {
            return Ok(());
        };
        match disk.rename(&tmp, target) {
            Ok(()) => Ok(()),
            Err(e) => {
                self.path = Some(tmp);
                Err(e)
            }
        }
    }
}

impl Drop for Temp {
    /// Removes the temporary file of a write that did not finish. The write's own error is
    /// what gets reported; if even this removal fails, a stray temporary file is the only
    /// trace (the next write removes it), and the target was never touched.
    fn drop(&mut self) {
        if let Some(tmp) = &self.path {
            fs::remove_file(tmp).ok();
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

/// Flushes the renames themselves to disk where the platform allows it. The new file is
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
