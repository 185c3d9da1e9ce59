//! The orphans list above the claims table: claims whose passage is no longer in the
//! article (the outlet corrected the story), kept with their reviews until an editor
//! attaches each to a passage again or deletes it.

use egui::{CollapsingHeader, Color32, RichText, ScrollArea, Ui};

use crate::app::actions::Action;
use crate::model::{Orphan, Project};

/// The most orphan rows shown before the list scrolls.
const LIST_HEIGHT: f32 = 180.0;
/// An orphan's quote is cut after this many characters.
const QUOTE_CHARS: usize = 240;

/// Draws the list if the project has orphans; `text_selected` enables "Attach to selection".
pub fn orphans_ui(ui: &mut Ui, project: &Project, text_selected: bool, actions: &mut Vec<Action>) {
    if project.orphans.is_empty() {
        return;
    }
    let count = project.orphans.len();
    let title = RichText::new(format!(
        "{count} orphan{} — no longer in the article",
        if count == 1 { "" } else { "s" }
    ))
    .color(ui.visuals().warn_fg_color);
    CollapsingHeader::new(title)
        .id_salt("orphans")
        .default_open(true)
        .show(ui, |ui| {
            let hint = if text_selected {
                "Attach places an orphan at the passage selected in the article."
            } else {
                "Select its passage in the article, then Attach; or delete it."
            };
            ui.label(RichText::new(hint).weak().small());
            ScrollArea::vertical()
                .id_salt("orphans-scroll")
                .max_height(LIST_HEIGHT)
                .show(ui, |ui| {
                    for orphan in &project.orphans {
                        orphan_row_ui(ui, orphan, text_selected, actions);
                    }
                });
        });
    ui.separator();
}

fn orphan_row_ui(ui: &mut Ui, orphan: &Orphan, text_selected: bool, actions: &mut Vec<Action>) {
    let id = orphan.id();
    let verdict = orphan.claim.review.verdict;
    ui.horizontal(|ui| {
        let [r, g, b] = verdict.rgb();
        ui.label(
            RichText::new(format!(" {id} · {} ", verdict.label()))
                .background_color(Color32::from_rgb(r, g, b))
                .color(Color32::from_gray(20))
                .small(),
        );
        let attach = ui
            .add_enabled(text_selected, egui::Button::new("Attach to selection"))
            .on_hover_text(format!("Place {id} at the passage selected in the article"))
            .on_disabled_hover_text("Select the passage in the article first");
        if attach.clicked() {
            actions.push(Action::AttachOrphan(id));
        }
        if ui
            .button("Delete")
            .on_hover_text(format!("Delete {id} and its review (undo brings it back)"))
            .clicked()
        {
            actions.push(Action::DeleteOrphan(id));
        }
    });
    let mut quote: String = orphan.quote.chars().take(QUOTE_CHARS).collect();
    if orphan.quote.chars().nth(QUOTE_CHARS).is_some() {
        quote.push('…');
    }
    let quote = quote.replace('\n', " ");
    ui.add(egui::Label::new(RichText::new(format!("“{quote}”")).italics()).wrap());
    let note = orphan.claim.review.note.trim();
    if !note.is_empty() {
        ui.add(egui::Label::new(RichText::new(format!("Note: {note}")).weak()).truncate());
    }
    ui.add_space(4.0);
}
