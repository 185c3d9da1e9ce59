//! Modal dialogs: unsaved changes, recovery, a file changed on disk, Add claim, Export
//! and Preferences. Like panels, they draw and emit actions; only Preferences edits its
//! own state (the prefs) directly.

use std::path::PathBuf;

use egui::{Id, Modal, RichText, TextEdit, Ui};

use super::actions::{Action, Answer};
use super::file_dialog::{FileBrowser, file_browser_ui};
use super::link_dialog::{LinkForm, PasteForm, link_ui, paste_ui};
use super::panels::library_panel::library_folder_ui;
use super::prefs::{Prefs, ZOOM_RANGE};
use super::requests::{ExportForm, Pending, RecoveryOffer};
use super::widgets::{SourcePick, source_pick_ui, when};
use crate::model::{ClaimKind, Project, Span};
use crate::report::Format;

/// The open dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Unsaved {
        name: String,
        then: Pending,
    },
    Recover(RecoveryOffer),
    ChangedOnDisk {
        path: PathBuf,
    },
    AddClaim(AddClaimForm),
    Export(ExportForm),
    Preferences,
    /// Every message of the session.
    Messages(Vec<String>),
    /// The window's own file dialog (no system one could be shown).
    Files(Box<FileBrowser>),
    /// New from link (the fetch runs while it is open).
    Link(LinkForm),
    /// New from clipboard.
    Paste(PasteForm),
}

/// The Add claim form.
#[derive(Clone, Debug, PartialEq)]
pub struct AddClaimForm {
    pub span: Span,
    pub kind: ClaimKind,
    pub source: SourcePick,
}

/// Draws the open dialog; returns the actions its buttons asked for. The dialog closes
/// when the app applies them (or at once for Cancel and Escape).
pub fn dialog_ui(
    ctx: &egui::Context,
    dialog: &mut Option<Dialog>,
    project: Option<&Project>,
    prefs: &mut Prefs,
    actions: &mut Vec<Action>,
) {
    let Some(current) = dialog.as_mut() else {
        return;
    };
    let mut close = false;
    let response = Modal::new(Id::unique("claimdesk-dialog")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        match current {
            Dialog::Unsaved { name, .. } => {
                ui.heading("Unsaved changes");
                ui.label(format!("“{name}” has unsaved changes. Save them first?"));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        actions.push(Action::Answer(Answer::Save));
                    }
                    if ui.button("Discard").clicked() {
                        actions.push(Action::Answer(Answer::Discard));
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::Answer(Answer::Cancel));
                    }
                });
            }
            Dialog::Recover(offer) => {
                ui.heading("Recover unsaved work?");
                let what = offer.project_path.as_deref().map_or_else(
                    || "an article that was never saved".to_owned(),
                    |p| format!("“{}”", p.display()),
                );
                ui.label(format!(
                    "claimdesk autosaved changes to {what} that were never saved ({}).",
                    when(offer.modified)
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        actions.push(Action::Answer(Answer::Recover));
                    }
                    if ui.button("Discard autosave").clicked() {
                        actions.push(Action::Answer(Answer::DiscardRecovery));
                    }
                });
            }
            Dialog::ChangedOnDisk { path } => {
                ui.heading("File changed on disk");
                ui.label(format!(
                    "{} was changed by another program since you opened it. Saving will replace those changes with yours.",
                    path.display()
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Overwrite").clicked() {
                        actions.push(Action::Answer(Answer::Overwrite));
                    }
                    if ui.button("Save as…").clicked() {
                        actions.push(Action::Answer(Answer::Cancel));
                        actions.push(Action::SaveAs);
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::Answer(Answer::Cancel));
                    }
                });
            }
            Dialog::AddClaim(form) => {
                if let Some(project) = project {
                    close = add_claim_ui(ui, form, project, actions);
                } else {
                    close = true;
                }
            }
            Dialog::Export(form) => close = export_ui(ui, form, actions),
            Dialog::Preferences => close = preferences_ui(ui, prefs),
            Dialog::Files(browser) => close = file_browser_ui(ui, browser, actions),
            Dialog::Messages(lines) => close = messages_ui(ui, lines),
            Dialog::Link(form) => close = link_ui(ui, form, actions),
            Dialog::Paste(form) => close = paste_ui(ui, form, actions),
        }
    });
    // Escape closes the dialog (a prompt as if Cancel was pressed). Clicks outside do
    // not: a stray click must not throw away a half-filled form.
    let fetch_job = match &*dialog {
        Some(Dialog::Link(LinkForm {
            fetching: Some(f), ..
        })) => Some(f.job),
        _ => None,
    };
    let escape = response.is_top_modal
        && !response.any_popup_open
        && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    if escape
        && matches!(
            dialog,
            Some(Dialog::Unsaved { .. } | Dialog::Recover(_) | Dialog::ChangedOnDisk { .. })
        )
    {
        actions.push(Action::Answer(Answer::Cancel));
    } else if let (true, Some(job)) = (escape, fetch_job) {
        // Escape while a link is fetched stops waiting for it, then closes.
        actions.push(Action::CancelFetch(job));
        *dialog = None;
    } else if close || escape {
        *dialog = None;
    }
}

fn add_claim_ui(
    ui: &mut Ui,
    form: &mut AddClaimForm,
    project: &Project,
    actions: &mut Vec<Action>,
) -> bool {
    ui.heading("Add claim");
    let text = form.span.slice(&project.article.text).unwrap_or_default();
    let shown: String = text.chars().take(400).collect();
    let ellipsis = if shown.len() < text.len() { "…" } else { "" };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.add(egui::Label::new(RichText::new(format!("“{shown}{ellipsis}”")).italics()).wrap());
    });
    ui.add_space(6.0);
    egui::Grid::new("add-claim-grid")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Kind");
            ui.horizontal(|ui| {
                for kind in ClaimKind::ALL {
                    ui.radio_value(&mut form.kind, kind, kind.label());
                }
            });
            ui.end_row();
            ui.label("");
            ui.vertical(|ui| {
                source_pick_ui(
                    ui,
                    "add-claim-source",
                    "Source",
                    project,
                    &mut form.source,
                    true,
                );
            });
            ui.end_row();
        });
    ui.add_space(8.0);
    let mut close = false;
    // Return adds the claim (Escape cancels, as in every dialog).
    let enter = ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
    ui.horizontal(|ui| {
        if ui.button("Add claim").clicked() || enter {
            actions.push(Action::AddClaim {
                span: form.span,
                kind: form.kind,
                source: form.source.choice(project),
            });
            close = true;
        }
        if ui.button("Cancel").clicked() {
            close = true;
        }
    });
    close
}

fn export_ui(ui: &mut Ui, form: &mut ExportForm, actions: &mut Vec<Action>) -> bool {
    ui.heading("Export report");
    egui::Grid::new("export-grid")
        .num_columns(2)
        .spacing([8.0, 8.0])
        .show(ui, |ui| {
            ui.label("Format");
            ui.vertical(|ui| {
                for format in Format::ALL {
                    ui.radio_value(&mut form.format, format, format.label());
                }
            });
            ui.end_row();
            ui.label("Options");
            ui.checkbox(&mut form.reviewed_only, "Only reviewed claims");
            ui.end_row();
            let label = ui.label("Organisation");
            ui.add(
                TextEdit::singleline(&mut form.organization)
                    .hint_text("who publishes this fact-check")
                    .desired_width(280.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Published at (URL)");
            ui.add(
                TextEdit::singleline(&mut form.url)
                    .hint_text("optional, e.g. https://example.org/checks/harbour")
                    .desired_width(280.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    ui.label(
        RichText::new(
            "ClaimReview names the organisation as author and links each claim to URL#c12; \
             Markdown, HTML and JSON reports show both.",
        )
        .weak()
        .small(),
    );
    ui.add_space(8.0);
    let mut close = false;
    ui.horizontal(|ui| {
        if ui.button("Export…").clicked() {
            actions.push(Action::ChooseExportFile(form.clone()));
            close = true;
        }
        if ui.button("Cancel").clicked() {
            close = true;
        }
    });
    close
}

fn messages_ui(ui: &mut Ui, lines: &[String]) -> bool {
    ui.heading("Messages");
    if lines.is_empty() {
        ui.label(RichText::new("No messages yet.").weak());
    }
    egui::ScrollArea::vertical()
        .id_salt("messages-log")
        .max_height(360.0)
        .stick_to_bottom(true)
        .show(ui, |ui| {
            for line in lines {
                ui.add(egui::Label::new(RichText::new(line).small()).wrap());
            }
        });
    ui.add_space(8.0);
    ui.button("Close").clicked()
}

fn preferences_ui(ui: &mut Ui, prefs: &mut Prefs) -> bool {
    ui.heading("Preferences");
    egui::Grid::new("prefs-grid")
        .num_columns(2)
        .spacing([8.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label("Reviewer name");
            ui.add(
                TextEdit::singleline(&mut prefs.reviewer).hint_text("recorded with every verdict"),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Organisation");
            ui.add(
                TextEdit::singleline(&mut prefs.organization)
                    .hint_text("publishes the reports, e.g. Harbour Fact Desk"),
            )
            .labelled_by(label.id);
            ui.end_row();
            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.radio_value(&mut prefs.dark, false, "Light");
                ui.radio_value(&mut prefs.dark, true, "Dark");
            });
            ui.end_row();
            let label = ui.label("Zoom");
            ui.add(egui::Slider::new(&mut prefs.zoom, ZOOM_RANGE.0..=ZOOM_RANGE.1).step_by(0.1))
                .labelled_by(label.id);
            ui.end_row();
            library_folder_ui(ui, &mut prefs.library_dir);
            ui.end_row();
        });
    ui.add_space(8.0);
    ui.button("Close").clicked()
}
