//! What the window holds besides its preferences: the open document and the view state
//! panels draw from (selection, filters, sort order, open dialog, autosave status).

use std::path::{Path, PathBuf};

use crate::history::History;
use egui::Rect;

use crate::model::ClaimId;
use crate::model::Project;
use crate::project::FileStamp;

use super::dialogs::Dialog;
use super::panels::article_view::ArticleViewState;
use super::panels::claim_detail::DetailState;
use super::panels::claims_table::{Filter, Sort, TableState};
use super::panels::sources_panel::SourcesState;
use super::requests::ExportForm;

/// The project being worked on, with its history and where it lives on disk.
pub struct Document {
    pub project: Project,
    pub history: History,
    /// `None` until saved (an imported article).
    pub path: Option<PathBuf>,
    /// The file's content when opened or last saved, to notice changes by others.
    pub stamp: Option<FileStamp>,
    /// Distinguishes documents, so caches keyed on it never mix two projects.
    pub generation: u64,
}

impl Document {
    /// "harbour-bridge" for a saved project, else the article title.
    pub fn name(&self) -> String {
        self.path.as_deref().and_then(Path::file_stem).map_or_else(
            || self.project.display_title().to_owned(),
            |stem| stem.to_string_lossy().into_owned(),
        )
    }

    /// A key that changes whenever the project's content may have changed: (the
    /// article text's key, the history revision). The first part changes only with the
    /// document or its article text (File › Update article…), so caches of the laid-out
    /// text survive review edits.
    pub fn content_key(&self) -> (u64, u64) {
        let text = (self.generation << 32) ^ self.history.article_revision();
        (text, self.history.revision())
    }
}

/// Seconds between autosaves while there are unsaved changes.
pub const AUTOSAVE_SECS: f64 = 60.0;

/// Autosave bookkeeping.
#[derive(Default)]
pub struct Autosave {
    /// `ctx.input().time` when the next autosave is due (set when changes appear).
    pub due: Option<f64>,
    /// (generation, revision) last written or being written.
    pub written: Option<(u64, u64)>,
    /// Shown in the status bar.
    pub status: String,
}

/// Where the panels went this frame (for tests and for whoever needs to know).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelRects {
    pub sources: Option<Rect>,
    pub review: Rect,
    pub article: Rect,
}

impl Default for PanelRects {
    fn default() -> Self {
        Self {
            sources: None,
            review: Rect::NOTHING,
            article: Rect::NOTHING,
        }
    }
}

/// View state: everything the panels need besides the project.
#[derive(Default)]
pub struct UiState {
    pub selected: Option<ClaimId>,
    pub filter: Filter,
    pub sort: Sort,
    pub dialog: Option<Dialog>,
    /// The last export's choices, to start the next Export dialog from.
    pub export: ExportForm,
    /// Scroll the table to the selected claim on the next frame.
    pub table_scroll: bool,
    pub article: ArticleViewState,
    pub table: TableState,
    pub detail: DetailState,
    pub sources: SourcesState,
    /// Where the panels were drawn in the last frame.
    pub panels: PanelRects,
}

impl UiState {
    /// Forgets everything tied to the previous document; keeps the sort order and the
    /// export format and options, but not the URL the last report was published at.
    pub fn reset_for_new_document(&mut self) {
        let sort = self.sort;
        let export = ExportForm {
            url: String::new(),
            ..std::mem::take(&mut self.export)
        };
        *self = Self::default();
        self.sort = sort;
        self.export = export;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_document_forgets_the_export_url_but_not_the_format() {
        let mut ui = UiState {
            export: ExportForm {
                format: crate::report::Format::ClaimReview,
                reviewed_only: true,
                organization: "Harbour Fact Desk".into(),
                url: "https://example.org/checks/harbour".into(),
            },
            ..UiState::default()
        };
        ui.reset_for_new_document();
        assert_eq!(ui.export.format, crate::report::Format::ClaimReview);
        assert!(ui.export.reviewed_only);
        assert_eq!(ui.export.url, "");
    }
}
