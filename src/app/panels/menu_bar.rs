//! The menu bar. Every entry is an [`Action`] and shows its shortcut.

use std::path::PathBuf;

use egui::{Button, Ui};

use crate::app::actions::{Action, Availability};
use crate::model::Verdict;

/// What the menus need to know.
pub struct MenuInput<'a> {
    pub on: Availability,
    /// "Undo set verdict: Disputed".
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
    pub recent: &'a [PathBuf],
    pub dark: bool,
    pub sources_open: bool,
}

/// One menu entry: the action's label (or `label`), its shortcut, greyed out when not
/// available.
fn item(
    ui: &mut Ui,
    action: Action,
    label: Option<String>,
    input: &MenuInput<'_>,
    actions: &mut Vec<Action>,
) {
    let mut button = Button::new(label.unwrap_or_else(|| action.label()));
    if let Some(shortcut) = action.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui.add_enabled(action.enabled(&input.on), button).clicked() {
        actions.push(action);
        ui.close();
    }
}

/// A checkable entry (View ▸ Dark theme).
fn toggle(ui: &mut Ui, action: Action, checked: bool, actions: &mut Vec<Action>) {
    let mut button = Button::selectable(checked, action.label());
    if let Some(shortcut) = action.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui.add(button).clicked() {
        actions.push(action);
        ui.close();
    }
}

pub fn menu_bar_ui(ui: &mut Ui, input: &MenuInput<'_>, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Action::NewFromArticle, None, input, actions);
            item(ui, Action::NewFromLink, None, input, actions);
            item(ui, Action::OpenProject, None, input, actions);
            ui.menu_button("Open recent", |ui| {
                if input.recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in input.recent {
                    item(ui, Action::OpenPath(path.clone()), None, input, actions);
                }
                if !input.recent.is_empty() {
                    ui.separator();
                    item(ui, Action::ClearRecent, None, input, actions);
                }
            });
            item(ui, Action::UpdateArticle, None, input, actions);
            ui.separator();
            item(ui, Action::Save, None, input, actions);
            item(ui, Action::SaveAs, None, input, actions);
            item(ui, Action::ExportReport, None, input, actions);
            ui.separator();
            item(ui, Action::Quit, None, input, actions);
        });
        ui.menu_button("Edit", |ui| {
            item(ui, Action::Undo, input.undo_label.clone(), input, actions);
            item(ui, Action::Redo, input.redo_label.clone(), input, actions);
            ui.separator();
            item(ui, Action::AddClaimFromSelection, None, input, actions);
            item(ui, Action::SetExtentFromSelection, None, input, actions);
            item(ui, Action::DeleteClaim, None, input, actions);
            item(ui, Action::RerunExtraction, None, input, actions);
            ui.separator();
            item(ui, Action::NewFromClipboard, None, input, actions);
            ui.separator();
            item(ui, Action::Preferences, None, input, actions);
        });
        ui.menu_button("Review", |ui| {
            for verdict in [
                Verdict::Verified,
                Verdict::Disputed,
                Verdict::NeedsContext,
                Verdict::Unverifiable,
                Verdict::Unreviewed,
            ] {
                item(ui, Action::SetVerdict(verdict), None, input, actions);
            }
            ui.separator();
            item(ui, Action::NextClaim, None, input, actions);
            item(ui, Action::PrevClaim, None, input, actions);
            item(ui, Action::EditNote, None, input, actions);
        });
        ui.menu_button("View", |ui| {
            toggle(ui, Action::ToggleSources, input.sources_open, actions);
            toggle(ui, Action::ToggleTheme, input.dark, actions);
            item(ui, Action::ShowLibrary, None, input, actions);
            ui.separator();
            item(ui, Action::ZoomIn, None, input, actions);
            item(ui, Action::ZoomOut, None, input, actions);
            item(ui, Action::ZoomReset, None, input, actions);
            ui.separator();
            item(ui, Action::ShowMessages, None, input, actions);
        });
    });
}
