//! The project file: a pretty-printed RON document holding the article, its sources and
//! claims with their reviews.
//!
//! The format is made to diff cleanly in git: fields in a fixed order, references by id
//! (never by list position), the article text one line per string, and each claim placed
//! by an [`Anchor`] (quoted text with some context, plus offsets) rather than a bare span,
//! so a project still opens when its article text was edited. Every file carries a
//! `version`; [`FORMAT_VERSION`] is the one this build writes.
//!
//! ```
//! use claimdesk::model::{Article, Project};
//! use claimdesk::project;
//!
//! let project = Project::new(Article::from_text("Harbour", "The harbour reopened."), vec![], vec![]);
//! let ron = project::to_ron_string(&project)?;
//! assert!(ron.starts_with("(\n    version: 3,\n"));
//! let loaded = project::from_ron_str(&ron, "harbour.ron".as_ref())?;
//! assert_eq!(loaded.project, project);
//! assert!(loaded.warnings.is_empty());
//! # Ok::<(), project::ProjectError>(())
//! ```
//!
//! Saving is atomic and keeps the previous file as `NAME.ron.bak` ([`save`]); autosave
//! writes a separate recovery file ([`recovery_path`], [`write_recovery`],
//! [`remove_recovery`]). [`load`] returns a [`FileStamp`] so the window can tell when the
//! file changed on disk after it was opened.

mod anchor;
mod convert;
mod error;
mod format;
mod fuzzy;
mod place;
mod rerun;
mod save;
mod stamp;
mod stream;
mod update;
mod v1;

#[cfg(test)]
mod reported_tests;
#[cfg(test)]
mod tests;

use std::path::Path;

pub use anchor::{Anchor, CONTEXT_CHARS, anchor_for, reanchor};
pub use error::ProjectError;
pub use format::FORMAT_VERSION;
pub use place::{Placement, place_all};
pub use rerun::{Merged, Rerun, merge, new_project, rerun};
pub use save::{backup_path, recovery_path, remove_recovery, save, write_recovery};
pub use stamp::{FileStamp, stamp};
pub use update::{UpdateSummary, update_article};

use crate::model::Project;

/// The usual extension of project files.
pub const EXTENSION: &str = "ron";

/// A project read from disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub project: Project,
    /// What had to be repaired or left out while loading, one line each, such as
    /// "claim c7 could not be placed in the text: …". Empty for a clean file.
    pub warnings: Vec<String>,
    /// The file's bytes as read, to notice later changes on disk.
    pub stamp: FileStamp,
}

/// Reads the project at `path`. A failed load never changes the file.
///
/// A file as claimdesk writes it is read a piece at a time, so a large project's peak
/// memory is about the project's own; any other file (an older version, a hand edit that
/// reorders fields, a syntax error) is read whole, for the same project or the error
/// at its line and column.
pub fn load(path: &Path) -> Result<Loaded, ProjectError> {
    if let Some((read, stamp)) = stream::load(path) {
        return Ok(Loaded {
            project: read.project,
            warnings: read.warnings,
            stamp,
        });
    }
    let (bytes, stamp) = stamp::read_stamped(path)?;
    let file = {
        let text = std::str::from_utf8(&bytes).map_err(|e| ProjectError::NotText {
            path: path.to_path_buf(),
            offset: e.valid_up_to(),
        })?;
        parse(text, path)?
    };
    // The file's text is not needed once parsed: freeing it before the project is built
    // keeps a large project's peak memory near one copy of its contents.
    drop(bytes);
    let (project, warnings) = convert::from_file(file, path)?;
    Ok(Loaded {
        project,
        warnings,
        stamp,
    })
}

/// Whether the file at `path` is (or looks like) a claimdesk project: a `.ron` file, or
/// one whose first kilobytes are a RON struct with a `version` and an `article` (a
/// project's `.bak` or recovery file). For refusing to write a report over one.
pub fn looks_like_project(path: &Path) -> bool {
    let ron_extension = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION));
    if ron_extension {
        return true;
    }
    let mut head = Vec::with_capacity(4096);
    let read = std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, 4096), &mut head));
    if read.is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with('(') && text.contains("version:") && text.contains("article:")
}

/// Reads a project from RON text; `path` is only used in messages. The stamp is of the
/// text's bytes, with no modification time.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Loaded, ProjectError> {
    let (project, warnings) = decode(text, path)?;
    Ok(Loaded {
        project,
        warnings,
        stamp: FileStamp::of_bytes(text.as_bytes(), None),
    })
}

/// The project as the RON text [`save`] writes.
pub fn to_ron_string(project: &Project) -> Result<String, ProjectError> {
    format::encode(&convert::to_file(project))
}

fn decode(text: &str, path: &Path) -> Result<(Project, Vec<String>), ProjectError> {
    convert::from_file(parse(text, path)?, path)
}

/// The file structs of a project's RON text (a leading byte-order mark is ignored).
fn parse(text: &str, path: &Path) -> Result<format::ProjectFile, ProjectError> {
    format::decode(text.strip_prefix('\u{feff}').unwrap_or(text), path)
}
