//! Where the document's panels go: sources on the left, the review panel (claims table
//! above the selected claim's details) on the right, the article in the middle. Each
//! panel is one function here; a new panel is one more.

use egui::{CentralPanel, Panel, Ui};

use super::actions::Action;
use super::panels::article_view::{ArticleInput, article_ui};
use super::panels::claim_detail::claim_detail_ui;
use super::panels::claims_table::{claims_table_ui, filter_bar_ui};
use super::panels::sources_panel::sources_ui;
use super::state::{Document, UiState};

/// Draws the open document's panels; `sources_open` is the sources panel's toggle.
pub fn document_ui(
    ui: &mut Ui,
    doc: &Document,
    state: &mut UiState,
    sources_open: &mut bool,
    actions: &mut Vec<Action>,
) {
    sources_panel_ui(ui, doc, state, sources_open, actions);
    review_panel_ui(ui, doc, state, actions);
    CentralPanel::default().show(ui, |ui| {
        let input = ArticleInput {
            project: &doc.project,
            content_key: doc.content_key(),
            selected: state.selected,
            focused_source: state.filter.source,
        };
        article_ui(ui, &input, &mut state.article, actions);
    });
}

fn sources_panel_ui(
    ui: &mut Ui,
    doc: &Document,
    state: &mut UiState,
    open: &mut bool,
    actions: &mut Vec<Action>,
) {
    Panel::left("sources-panel")
        .resizable(true)
        .default_size(250.0)
        .min_size(160.0)
        .show_collapsible(ui, open, |ui| {
            sources_ui(
                ui,
                &doc.project,
                doc.content_key(),
                state.filter.source,
                &mut state.sources,
                actions,
            );
        });
}

/// The claims table above the selected claim's details.
fn review_panel_ui(ui: &mut Ui, doc: &Document, state: &mut UiState, actions: &mut Vec<Action>) {
    Panel::right("review-panel")
        .resizable(true)
        .default_size(640.0)
        .min_size(380.0)
        .show(ui, |ui| {
            let detail_h = 440.0_f32.min(ui.available_height() * 0.6);
            Panel::bottom("claim-details")
                .resizable(true)
                .default_size(detail_h)
                .min_size(160.0)
                .show(ui, |ui| {
                    claim_detail_ui(ui, &doc.project, state.selected, &mut state.detail, actions);
                    // A resizable panel keeps the size its content uses.
                    ui.take_available_space();
                });
            // The rest of the panel, bounded, so the table stays above the details.
            CentralPanel::no_frame().show(ui, |ui| table_ui(ui, doc, state, actions));
        });
}

fn table_ui(ui: &mut Ui, doc: &Document, state: &mut UiState, actions: &mut Vec<Action>) {
    let project = &doc.project;
    ui.add_space(4.0);
    filter_bar_ui(ui, project, &mut state.filter, state.table.len(), actions);
    state
        .table
        .update(project, doc.content_key(), &state.filter, state.sort);
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
