//! Where the document's panels go: sources on the left, the review panel (claims table
//! above the selected claim's details) on the right, the article in the middle. Each
//! panel is one function here; a new panel is one more.
//!
//! Narrow windows give way in order: the sources panel folds away first (below
//! [`SOURCES_FIT`]; its toggle is kept for when the window widens), then the review
//! panel narrows to [`REVIEW_MIN`], and the article always keeps [`MIN_ARTICLE`].

use egui::{CentralPanel, Panel, Rect, Ui};

use super::actions::Action;
use super::library_work::Findings;
use super::panels::article_view::{ArticleInput, article_ui};
use super::panels::claim_detail::claim_detail_ui;
use super::panels::claims_table::{claims_table_ui, filter_bar_ui};
use super::panels::orphans::orphans_ui;
use super::panels::sources_panel::sources_ui;
use super::state::{Document, PanelRects, UiState};

/// The article column is never narrower than this (points).
pub const MIN_ARTICLE: f32 = 420.0;
/// The review panel's narrowest.
pub const REVIEW_MIN: f32 = 340.0;
/// The window content width below which the sources panel folds away.
pub const SOURCES_FIT: f32 = 1100.0;
const SOURCES_MIN: f32 = 160.0;
/// The claims table keeps at least this height (filters, header and about five rows)
/// above the selected claim's details.
const TABLE_MIN_HEIGHT: f32 = 230.0;
const DETAILS_MIN: f32 = 160.0;

/// Draws the open document's panels; `sources_open` is the sources panel's toggle.
pub fn document_ui(
    ui: &mut Ui,
    doc: &Document,
    state: &mut UiState,
    sources_open: &mut bool,
    findings: &Findings,
    actions: &mut Vec<Action>,
) {
    let sources = sources_panel_ui(ui, doc, state, sources_open, actions);
    let review = review_panel_ui(ui, doc, state, findings, actions);
    let article = CentralPanel::default()
        .show(ui, |ui| {
            let input = ArticleInput {
                project: &doc.project,
                content_key: doc.content_key(),
                selected: state.selected,
                focused_source: state.filter.source,
            };
            article_ui(ui, &input, &mut state.article, actions);
        })
        .response
        .rect;
    state.panels = PanelRects {
        sources,
        review,
        article,
    };
}

fn sources_panel_ui(
    ui: &mut Ui,
    doc: &Document,
    state: &mut UiState,
    open: &mut bool,
    actions: &mut Vec<Action>,
) -> Option<Rect> {
    let width = ui.available_width();
    let fits = width >= SOURCES_FIT;
    // Folded for lack of room, the toggle keeps what the user chose.
    let mut shown = *open && fits;
    let response = Panel::left("sources-panel")
        .resizable(true)
        .default_size(250.0)
        .min_size(SOURCES_MIN)
        .max_size((width - MIN_ARTICLE - REVIEW_MIN).max(SOURCES_MIN))
        .show_collapsible(ui, &mut shown, |ui| {
            sources_ui(
                ui,
                &doc.project,
                doc.content_key(),
                state.filter.source,
                &mut state.sources,
                actions,
            );
        });
    if fits {
        *open = shown;
    }
    response.map(|r| r.response.rect)
}

/// The claims table above the selected claim's details, as wide as the article allows.
fn review_panel_ui(
    ui: &mut Ui,
    doc: &Document,
    state: &mut UiState,
    findings: &Findings,
    actions: &mut Vec<Action>,
) -> Rect {
    let max = (ui.available_width() - MIN_ARTICLE).max(REVIEW_MIN);
    Panel::right("review-panel")
        .resizable(true)
        .default_size(640.0_f32.min(max))
        .size_range(REVIEW_MIN.min(max)..=max)
        .show(ui, |ui| {
            let height = ui.available_height();
            let detail_h = 440.0_f32.min(height * 0.6);
            // The details scroll rather than squeeze the table below a few rows.
            let detail_max = (height - TABLE_MIN_HEIGHT).max(DETAILS_MIN);
            Panel::bottom("claim-details")
                .resizable(true)
                .default_size(detail_h.min(detail_max))
                .size_range(DETAILS_MIN.min(detail_max)..=detail_max)
                .show(ui, |ui| {
                    let checked = (findings, doc.generation);
                    let detail = &mut state.detail;
                    claim_detail_ui(ui, &doc.project, state.selected, checked, detail, actions);
                    // A resizable panel keeps the size its content uses.
                    ui.take_available_space();
                });
            // The rest of the panel, bounded, so the table stays above the details.
            CentralPanel::no_frame().show(ui, |ui| table_ui(ui, doc, state, findings, actions));
        })
        .response
        .rect
}

fn table_ui(
    ui: &mut Ui,
    doc: &Document,
    state: &mut UiState,
    findings: &Findings,
    actions: &mut Vec<Action>,
) {
    let project = &doc.project;
    ui.add_space(4.0);
    let text_selected = state.article.selected_span(&project.article.text).is_some();
    orphans_ui(ui, project, text_selected, actions);
    filter_bar_ui(ui, project, &mut state.filter, state.table.len(), actions);
    state
        .table
        .update(project, doc.content_key(), &state.filter, state.sort);
    state.table.mark_checked_before(findings, doc.generation);
    let scroll = std::mem::take(&mut state.table_scroll);
    claims_table_ui(
        ui,
        project,
        &state.table,
        &mut state.sort,
        state.selected,
        scroll,
        actions,
    );
}
