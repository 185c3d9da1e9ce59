//! The background work behind opening what fact-checkers receive: a file with a page
//! count to show (PDF, Word), a link, pasted text, the clipboard. Plain functions run on a
//! job thread, like those in [`jobs`](super::jobs); each ends in a [`JobDone`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::import::{self, FetchOptions, Format, ImportError, Imported};
use crate::model::Project;
use crate::project::new_project;

use super::clipboard::ClipboardText;
use super::jobs::JobDone;
use super::progress::Progress;

/// The name pasted text is shown under ("Imported pasted text: …").
pub const PASTED_NAME: &str = "pasted text";

/// An imported article as a new project, with its warnings.
fn project_of(imported: Imported) -> (Project, Vec<String>) {
    (new_project(imported.article), imported.warnings)
}

/// Reads and imports an article, counting pages on `progress` as a PDF is read (other
/// formats count one step when done), then extracts its claims.
pub fn import_counted(path: PathBuf, progress: &Progress) -> JobDone {
    let result = read_and_import(&path, progress)
        .map(project_of)
        .map_err(|e| e.to_string());
    JobDone::Imported { path, result }
}

fn read_and_import(path: &Path, progress: &Progress) -> Result<Imported, ImportError> {
    let Some(format) = Format::from_path(path) else {
        // The same one-line refusal as for any file of an unknown type.
        return import::import_path(path);
    };
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: Some(path.to_path_buf()),
        source,
    })?;
    import::import_bytes_with_progress(&bytes, format, Some(path), &mut |done, total| {
        progress.set(done, total);
    })
}

/// Fetches a link and imports what it points to.
pub fn fetch(url: String, options: &FetchOptions) -> JobDone {
    let result = import::import_url(&url, options)
        .map(project_of)
        .map_err(|e| e.to_string());
    JobDone::Fetched { url, result }
}

/// Pasted text as a new project.
pub fn paste(text: &str) -> JobDone {
    let result = import::import_pasted(text)
        .map(project_of)
        .map_err(|e| e.to_string());
    JobDone::Imported {
        path: PathBuf::from(PASTED_NAME),
        result,
    }
}

/// Reads the clipboard's text.
pub fn read_clipboard(clipboard: &Arc<dyn ClipboardText>) -> JobDone {
    JobDone::Clipboard {
        text: clipboard.text(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_text_becomes_a_project_named_by_its_first_line() {
        let JobDone::Imported { path, result } = paste(
            "Ferry Fares to Rise\nThe harbour board said fares would rise by 12 percent, according to the minutes.",
        ) else {
            panic!("not an import result");
        };
        assert_eq!(path, Path::new(PASTED_NAME));
        let (project, _) = result.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(project.article.title, "Ferry Fares to Rise");
        assert!(project.article.path.is_none());
    }

    #[test]
    fn blank_pasted_text_is_refused_in_one_line() {
        let JobDone::Imported { result, .. } = paste("  \n ") else {
            panic!("not an import result");
        };
        let e = result.err().unwrap_or_default();
        assert!(e.starts_with("(pasted text): "), "{e}");
        assert!(!e.contains('\n'));
    }

    #[test]
    fn a_counted_import_counts_and_refuses_unknown_types() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("story.txt");
        std::fs::write(&path, "Bridge Closes\nThe bridge closes on Monday.\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let progress = Progress::new("pages", None);
        let JobDone::Imported { result, .. } = import_counted(path, &progress) else {
            panic!("not an import result");
        };
        assert!(result.is_ok(), "{result:?}");
        assert_eq!(progress.get(), (1, 1));
        let odt = dir.path().join("draft.odt");
        std::fs::write(&odt, "x").unwrap_or_else(|e| panic!("{e}"));
        let JobDone::Imported { result, .. } = import_counted(odt, &progress) else {
            panic!("not an import result");
        };
        assert!(
            result
                .err()
                .unwrap_or_default()
                .contains("unsupported file type")
        );
    }
}
