//! What a project file looked like when it was opened or saved, to notice later changes.

use std::fs::File;
use std::io::Read as _;
use std::path::Path;
use std::time::SystemTime;

use sha2::{Digest as _, Sha256};

use super::ProjectError;

/// Size, modification time and SHA-256 of a file's bytes.
///
/// Two stamps describe the same content when [`FileStamp::same_content`] says so; the
/// modification time is kept for display and is not compared, since copying or checking
/// out a file changes it without changing the project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    /// `None` when the platform has no modification times, or for text not read from a file.
    pub modified: Option<SystemTime>,
    pub sha256: [u8; 32],
}

impl FileStamp {
    /// The stamp of `bytes` (for a file read in one go, or text about to be written).
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            size: bytes.len() as u64,
            modified,
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// True if both stamps are of the same bytes.
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.size == other.size && self.sha256 == other.sha256
    }

    /// True if the file at `path` no longer holds the bytes this stamp was taken of
    /// (including when it was deleted): "changed on disk since opened".
    pub fn changed_on_disk(&self, path: &Path) -> Result<bool, ProjectError> {
        match stamp(path) {
            Ok(now) => Ok(!self.same_content(&now)),
            Err(ProjectError::Read { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                Ok(true)
            }
            Err(e) => Err(e),
        }
    }
}

/// The current stamp of the file at `path`.
pub fn stamp(path: &Path) -> Result<FileStamp, ProjectError> {
    read_stamped(path).map(|(_, stamp)| stamp)
}

/// Reads a whole file and stamps the bytes that were read.
pub(crate) fn read_stamped(path: &Path) -> Result<(Vec<u8>, FileStamp), ProjectError> {
    let read_err = |source| ProjectError::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut file = File::open(path).map_err(read_err)?;
    let meta = file.metadata().map_err(read_err)?;
    if meta.is_dir() {
        return Err(read_err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is a folder, not a file",
        )));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(read_err)?;
    let stamp = FileStamp::of_bytes(&bytes, meta.modified().ok());
    Ok((bytes, stamp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_notices_content_changes_but_not_touches() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("p.ron");
        std::fs::write(&path, "one")?;
        let first = stamp(&path)?;
        assert_eq!(first.size, 3);
        assert!(!first.changed_on_disk(&path)?);
        std::fs::write(&path, "one")?;
        assert!(!first.changed_on_disk(&path)?);
        std::fs::write(&path, "two")?;
        assert!(first.changed_on_disk(&path)?);
        std::fs::remove_file(&path)?;
        assert!(first.changed_on_disk(&path)?);
        Ok(())
    }

    #[test]
    fn stamp_of_a_missing_file_is_a_read_error() {
        let err = stamp(Path::new("/nonexistent/claimdesk/p.ron")).map(|_| ());
        assert!(matches!(err, Err(ProjectError::Read { .. })));
    }
}
