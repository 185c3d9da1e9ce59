//! The library's files: the sources list (the truth: which folders and files make up the
//! library), the index manifest (a cache: which file was indexed at which size and time)
//! and reading entries from a file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::LibraryError;
use super::claimreview::entries_from_claimreview;
use super::entry::{Entry, entries_from_project};

/// The sources list in the library folder.
pub const SOURCES_FILE: &str = "library.json";
/// The index folder inside the library folder.
pub const INDEX_DIR: &str = "index";
/// The manifest inside the index folder.
pub const MANIFEST_FILE: &str = "claimdesk-manifest.json";

/// Version of the index layout: the schema, the analysis and the manifest. An index of
/// another version is rebuilt from the files.
pub const INDEX_VERSION: u32 = 1;

/// What kind of file a path is to the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Project,
    ClaimReview,
}

/// The kind of `path` by its extension, or `None` for a file the library does not read.
pub fn file_kind(path: &Path) -> Option<FileKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "ron" => Some(FileKind::Project),
        "json" | "jsonld" | "jsonl" => Some(FileKind::ClaimReview),
        _ => None,
    }
}

/// The folders and files added to the library, kept in `library.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sources {
    pub version: u32,
    pub paths: Vec<PathBuf>,
}

impl Sources {
    pub fn load(root: &Path) -> Result<Self, LibraryError> {
        let path = root.join(SOURCES_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| LibraryError::Json {
                path,
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self {
                version: 1,
                paths: Vec::new(),
            }),
            Err(e) => Err(LibraryError::Io { path, source: e }),
        }
    }

    pub fn save(&self, root: &Path) -> Result<(), LibraryError> {
        let path = root.join(SOURCES_FILE);
        let mut text = serde_json::to_string_pretty(self).map_err(|e| LibraryError::Index {
            path: path.clone(),
            message: e.to_string(),
        })?;
        text.push('\n');
        crate::fsio::write_atomic(&path, text.as_bytes())
            .map_err(|e| LibraryError::Write { path, source: e })
    }
}

/// A file's size and modification time, to notice changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub modified_ns: u128,
}

pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    let modified_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Some(Stamp {
        len: meta.len(),
        modified_ns,
    })
}

/// What the index holds: its version and every file it was built from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub files: BTreeMap<PathBuf, Stamp>,
}

impl Manifest {
    /// The manifest of the index in `index_dir`; `None` if it is missing, unreadable or of
    /// another version (the index is then rebuilt).
    pub fn load(index_dir: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(index_dir.join(MANIFEST_FILE)).ok()?;
        let m: Manifest = serde_json::from_str(&text).ok()?;
        (m.version == INDEX_VERSION && index_dir.join("meta.json").exists()).then_some(m)
    }

    pub fn save(&self, index_dir: &Path) -> Result<(), LibraryError> {
        let path = index_dir.join(MANIFEST_FILE);
        let text = serde_json::to_string(self).map_err(|e| LibraryError::Index {
            path: path.clone(),
            message: e.to_string(),
        })?;
        crate::fsio::write_atomic(&path, text.as_bytes())
            .map_err(|e| LibraryError::Write { path, source: e })
    }
}

/// Every library file under `path` (the file itself, or the project and ClaimReview files
/// of a folder and its subfolders), sorted. Hidden folders, the index folder and
/// symbolic links to folders are not entered.
pub fn scan(path: &Path, index_dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    if meta.is_file() || (meta.file_type().is_symlink() && path.is_file()) {
        if file_kind(path).is_some() && !is_side_file(path) {
            out.push(path.to_path_buf());
        }
        return;
    }
    if !meta.is_dir() || path == index_dir {
        return;
    }
    let Ok(read) = std::fs::read_dir(path) else {
        return;
    };
    let mut children: Vec<PathBuf> = read
        .filter_map(|e| e.ok().as_ref().map(std::fs::DirEntry::path))
        .collect();
    children.sort();
    for child in children {
        let hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden || child.file_name().and_then(|n| n.to_str()) == Some(SOURCES_FILE) {
            continue;
        }
        scan(&child, index_dir, out);
    }
}

/// Backups and recovery files sit beside projects but are not the truth.
fn is_side_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    ["bak", "recovery"].contains(&ext) || name.contains(".tmp")
}

/// The entries of one library file.
pub fn read_entries(path: &Path) -> Result<Vec<Entry>, LibraryError> {
    match file_kind(path) {
        Some(FileKind::Project) => {
            let loaded = crate::project::load(path)?;
            Ok(entries_from_project(&loaded.project, path))
        }
        Some(FileKind::ClaimReview) => {
            let bytes = std::fs::read(path).map_err(|e| LibraryError::Io {
                path: path.to_path_buf(),
                source: e,
            })?;
            let text = String::from_utf8(bytes).map_err(|e| LibraryError::NotText {
                path: path.to_path_buf(),
                offset: e.utf8_error().valid_up_to(),
            })?;
            entries_from_claimreview(&text, path)
        }
        None => Err(LibraryError::Unsupported {
            path: path.to_path_buf(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(file_kind(Path::new("a/b.ron")), Some(FileKind::Project));
        assert_eq!(
            file_kind(Path::new("feed.JSONL")),
            Some(FileKind::ClaimReview)
        );
        assert_eq!(file_kind(Path::new("notes.txt")), None);
        assert!(is_side_file(Path::new("a.ron.bak")));
        assert!(is_side_file(Path::new("a.ron.recovery")));
    }

    #[test]
    fn scan_finds_library_files_in_order_and_skips_the_rest() {
        let dir = tempfile::tempdir().ok();
        let Some(dir) = dir else { return };
        let root = dir.path();
        for f in [
            "b.ron",
            "a.json",
            "sub/c.jsonl",
            "x.txt",
            "b.ron.bak",
            ".hidden/d.ron",
            "index/e.json",
        ] {
            let p = root.join(f);
            if let Some(parent) = p.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::write(&p, "x");
        }
        let mut found = Vec::new();
        scan(root, &root.join(INDEX_DIR), &mut found);
        let names: Vec<String> = found
            .iter()
            .filter_map(|p| p.strip_prefix(root).ok())
            .map(|p| p.display().to_string())
            .collect();
        assert_eq!(names, ["a.json", "b.ron", "sub/c.jsonl"]);
    }
}
