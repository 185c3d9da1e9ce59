//! Files dropped on the window: what to open, and the overlay while dragging.

use egui::{Align2, Color32, Id, LayerId, Order};

use super::actions::Action;

/// Files dropped on the window this frame, as open actions (the first one only: one
/// project is open at a time).
pub fn dropped(ctx: &egui::Context) -> Option<Action> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .next()
    })
    .map(Action::OpenPath)
}

/// "Drop to open" while a file is dragged over the window.
pub fn drop_overlay(ctx: &egui::Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("drop-overlay")));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        "Drop an article (.txt, .md, .html, .docx, .pdf) or a project (.ron) to open it",
        egui::FontId::proportional(22.0),
        Color32::WHITE,
    );
}
