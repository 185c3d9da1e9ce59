//! What the window remembers: preferences (persisted by eframe), the open document, and
//! the view state panels draw from (selection, filters, sort order, open dialog).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::history::History;
use crate::model::{Claim, ClaimId, ClaimKind, Project, Source, SourceId, SourceKind, Verdict};
use crate::project::FileStamp;

use super::dialogs::{Dialog, ExportForm};
use super::panels::article_view::ArticleViewState;
use super::panels::claim_detail::DetailState;
use super::panels::claims_table::TableState;
use super::panels::sources_panel::SourcesState;

/// The eframe storage key of [`Prefs`].
pub const PREFS_KEY: &str = "claimdesk.prefs";
/// How many recent files File ▸ Open recent lists.
pub const RECENT_MAX: usize = 10;
/// Zoom limits for Ctrl + / Ctrl -.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

/// Settings that outlive a session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Recorded with every verdict; empty means anonymous.
    pub reviewer: String,
    /// The fact-checking organisation that publishes the reports ("Harbour Fact Desk"):
    /// the Export dialog starts with it; empty means none.
    pub organization: String,
    pub dark: bool,
    pub zoom: f32,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The project to reopen when claimdesk starts without a path.
    pub last_project: Option<PathBuf>,
    pub sources_open: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            reviewer: String::new(),
            organization: String::new(),
            dark: false,
            zoom: 1.0,
            recent: Vec::new(),
            last_project: None,
            sources_open: true,
        }
    }
}

impl Prefs {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_MAX);
    }

    /// The reviewer to record, `None` when no name is set.
    pub fn reviewer_name(&self) -> Option<String> {
        non_blank(&self.reviewer)
    }
}

/// `text` trimmed, `None` when that leaves nothing (an optional name or URL field).
pub fn non_blank(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

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

    /// A key that changes whenever the project's content may have changed.
    pub fn content_key(&self) -> (u64, u64) {
        (self.generation, self.history.revision())
    }
}

/// How a source is shown: its name, or "Unnamed source" for agentless attributions.
pub fn source_name(source: &Source) -> &str {
    if source.name.trim().is_empty() {
        "Unnamed source"
    } else {
        &source.name
    }
}

/// "Ana Ruiz (Water Minister)", or "Unnamed source".
pub fn source_label(source: &Source) -> String {
    match &source.role {
        Some(role) if !role.trim().is_empty() => format!("{} ({role})", source_name(source)),
        _ => source_name(source).to_owned(),
    }
}

/// The source a claim is attributed to, as shown in the table and tooltips.
pub fn claim_source_name<'a>(project: &'a Project, claim: &Claim) -> &'a str {
    project.claim_source(claim).map_or("—", source_name)
}

/// Filters of the claims table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    pub verdict: Option<Verdict>,
    pub kind: Option<ClaimKind>,
    pub source: Option<SourceId>,
    pub text: String,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        self.verdict.is_some()
            || self.kind.is_some()
            || self.source.is_some()
            || !self.text.trim().is_empty()
    }

    /// True if `claim` passes every filter. `needle` is the lower-cased search text.
    pub fn matches(&self, project: &Project, claim: &Claim, needle: &str) -> bool {
        if self.verdict.is_some_and(|v| v != claim.review.verdict)
            || self.kind.is_some_and(|k| k != claim.kind)
            || self
                .source
                .is_some_and(|s| claim.source.map(|c| c.id) != Some(s))
        {
            return false;
        }
        if needle.is_empty() {
            return true;
        }
        let text = claim.text(&project.article.text);
        contains_lower(text, needle)
            || contains_lower(claim_source_name(project, claim), needle)
            || contains_lower(&claim.review.note, needle)
    }
}

fn contains_lower(haystack: &str, needle_lower: &str) -> bool {
    haystack.to_lowercase().contains(needle_lower)
}

/// A column of the claims table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortColumn {
    /// Text order (the claim's position in the article).
    #[default]
    Position,
    Claim,
    Source,
    Kind,
    Score,
    Verdict,
}

/// The table's sort order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: SortColumn,
    pub descending: bool,
}

/// A source as picked or typed in the Add claim and Details forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceChoice {
    None,
    Existing(SourceId),
    New { name: String, kind: SourceKind },
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
    fn recent_list_moves_reopened_file_to_front_and_caps() {
        let mut prefs = Prefs::default();
        for i in 0..12 {
            prefs.remember(Path::new(&format!("/p/{i}.ron")));
        }
        prefs.remember(Path::new("/p/5.ron"));
        assert_eq!(prefs.recent.len(), RECENT_MAX);
        assert_eq!(prefs.recent[0], Path::new("/p/5.ron"));
        assert_eq!(
            prefs.recent.iter().filter(|p| p.ends_with("5.ron")).count(),
            1
        );
    }

    #[test]
    fn empty_source_name_is_shown_as_unnamed() {
        let s = Source::new(SourceId(1), "", SourceKind::Unnamed);
        assert_eq!(source_name(&s), "Unnamed source");
        let mut s = Source::new(SourceId(2), "Ana Ruiz", SourceKind::Person);
        s.role = Some("Water Minister".into());
        assert_eq!(source_label(&s), "Ana Ruiz (Water Minister)");
    }

    #[test]
    fn blank_reviewer_is_anonymous() {
        let mut prefs = Prefs {
            reviewer: "  ".into(),
            ..Prefs::default()
        };
        assert_eq!(prefs.reviewer_name(), None);
        prefs.reviewer = " Kim ".into();
        assert_eq!(prefs.reviewer_name().as_deref(), Some("Kim"));
    }

    #[test]
    fn prefs_stored_before_the_organisation_field_still_load() {
        let old = r#"(reviewer: "Kim", dark: true, zoom: 1.2, recent: ["/p/a.ron"], last_project: None, sources_open: false)"#;
        let prefs: Prefs = ron::from_str(old).expect("old prefs load");
        assert_eq!(prefs.reviewer, "Kim");
        assert!(prefs.dark);
        assert_eq!(prefs.organization, "");
        let saved = ron::to_string(&Prefs {
            organization: "Harbour Fact Desk".into(),
            ..prefs
        })
        .expect("prefs serialise");
        let back: Prefs = ron::from_str(&saved).expect("prefs load");
        assert_eq!(back.organization, "Harbour Fact Desk");
    }

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
