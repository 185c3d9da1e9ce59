//! Modal dialogs: unsaved changes, recovery, a file changed on disk, Add claim, Export
//! and Preferences. Like panels, they draw and emit actions; only Preferences edits its
//! own state (the prefs) directly.

use std::path::PathBuf;
use std::time::SystemTime;

use egui::{ComboBox, Id, Modal, RichText, TextEdit, Ui};

use crate::model::{ClaimKind, Project, SourceId, SourceKind, Span};
use crate::report::Format;

use super::actions::{Action, Answer};
use super::jobs::RecoveryOffer;
use super::state::{Prefs, SourceChoice, ZOOM_RANGE, source_label};

/// What to do once the unsaved-changes prompt is answered with Save or Discard.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    Close,
    Open(PathBuf),
}

/// The open dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Unsaved { name: String, then: Pending },
    Recover(RecoveryOffer),
    ChangedOnDisk { path: PathBuf },
    AddClaim(AddClaimForm),
    Export(ExportForm),
    Preferences,
}

/// The Add claim form.
#[derive(Clone, Debug, PartialEq)]
pub struct AddClaimForm {
    pub span: Span,
    pub kind: ClaimKind,
    pub source: SourcePick,
}

/// The Export form: what to export and the details the report carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportForm {
    pub format: Format,
    pub reviewed_only: bool,
    /// The publishing organisation; each export starts from
    /// [`Prefs::organization`] and may change it for that export only.
    pub organization: String,
    /// Where the report will be published (ClaimReview links each claim to `URL#c12`);
    /// remembered for the next export of the same document. Empty means none.
    pub url: String,
}

impl Default for ExportForm {
    fn default() -> Self {
        Self {
            format: Format::Html,
            reviewed_only: false,
            organization: String::new(),
            url: String::new(),
        }
    }
}

/// A source picked from the registry or typed as a new name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcePick {
    pub existing: Option<SourceId>,
    /// Typing a new name instead of picking.
    pub typing: bool,
    pub name: String,
    pub kind: SourceKind,
}

impl SourcePick {
    pub fn new(existing: Option<SourceId>) -> Self {
        Self {
            existing,
            typing: false,
            name: String::new(),
            kind: SourceKind::Person,
        }
    }

    /// The choice, with a typed name that matches a known source resolved to it.
    pub fn choice(&self, project: &Project) -> SourceChoice {
        if !self.typing {
            return self
                .existing
                .map_or(SourceChoice::None, SourceChoice::Existing);
        }
        let name = self.name.trim();
        match project.source_named(name) {
            Some(source) => SourceChoice::Existing(source.id),
            None if name.is_empty() => SourceChoice::New {
                name: String::new(),
                kind: SourceKind::Unnamed,
            },
            None => SourceChoice::New {
                name: name.to_owned(),
                kind: self.kind,
            },
        }
    }
}

/// The registry's sources plus "New source…", as a combo box (`inline == false`) or as
/// a short scrolling list (in dialogs, where a popup would sit under the dialog). "New
/// source…" shows a name field and a kind. `label` names the list for screen readers.
pub fn source_pick_ui(
    ui: &mut Ui,
    id_salt: &str,
    label: &str,
    project: &Project,
    pick: &mut SourcePick,
    inline: bool,
) {
    let mut sources: Vec<_> = project.sources.iter().collect();
    sources.sort_by_key(|s| source_label(s).to_lowercase());
    let options = |ui: &mut Ui, pick: &mut SourcePick| {
        if ui
            .selectable_label(!pick.typing && pick.existing.is_none(), "No source")
            .clicked()
        {
            pick.typing = false;
            pick.existing = None;
        }
        if ui.selectable_label(pick.typing, "New source…").clicked() {
            pick.typing = true;
        }
        for source in &sources {
            let on = !pick.typing && pick.existing == Some(source.id);
            if ui.selectable_label(on, source_label(source)).clicked() {
                pick.typing = false;
                pick.existing = Some(source.id);
            }
        }
    };
    if inline {
        let heading = ui.label(label);
        egui::Frame::group(ui.style())
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt(Id::unique(id_salt).with("list"))
                    .max_height(150.0)
                    .show(ui, |ui| {
                        ui.set_min_width(260.0);
                        options(ui, pick);
                    });
            })
            .response
            .labelled_by(heading.id);
    } else {
        let shown = if pick.typing {
            "New source…".to_owned()
        } else {
            pick.existing
                .and_then(|id| project.source(id))
                .map_or_else(|| "No source".to_owned(), source_label)
        };
        ComboBox::new(Id::unique(id_salt).with("combo"), label)
            .selected_text(shown)
            .width(240.0)
            .show_ui(ui, |ui| options(ui, pick));
    }
    if pick.typing {
        ui.horizontal(|ui| {
            let name = ui.label("Name");
            ui.add(
                TextEdit::singleline(&mut pick.name)
                    .hint_text("e.g. Ana Ruiz")
                    .desired_width(180.0),
            )
            .labelled_by(name.id);
        });
        ui.horizontal(|ui| {
            for kind in SourceKind::ALL {
                ui.radio_value(&mut pick.kind, kind, kind.label());
            }
        });
    }
}

/// A claim-kind combo box, named by the label beside it (`label_id`).
pub fn kind_ui(ui: &mut Ui, id_salt: &str, label_id: Id, kind: &mut ClaimKind) -> bool {
    let before = *kind;
    ComboBox::from_id_salt(Id::unique(id_salt))
        .selected_text(kind.label())
        .show_ui(ui, |ui| {
            for k in ClaimKind::ALL {
                ui.selectable_value(kind, k, k.label());
            }
        })
        .response
        .labelled_by(label_id);
    *kind != before
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
        }
    });
    // Escape closes the dialog (a prompt as if Cancel was pressed). Clicks outside do
    // not: a stray click must not throw away a half-filled form.
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
    ui.horizontal(|ui| {
        if ui.button("Add claim").clicked() {
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
        });
    ui.add_space(8.0);
    ui.button("Close").clicked()
}

/// "2026-11-27 14:03" in local time, for recovery prompts.
pub fn when(time: Option<SystemTime>) -> String {
    time.and_then(|t| jiff::Timestamp::try_from(t).ok())
        .map_or_else(
            || "time unknown".to_owned(),
            |t| {
                t.to_zoned_datetime(jiff::tz::TimeZone::system())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string()
            },
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Source};

    fn project() -> Project {
        let mut s = Source::new(SourceId(1), "Ana Ruiz", SourceKind::Person);
        s.aliases.push("Ruiz".into());
        Project::new(Article::from_text("T", "x"), vec![s], vec![])
    }

    #[test]
    fn typed_name_of_a_known_source_picks_it() {
        let mut pick = SourcePick::new(None);
        pick.typing = true;
        pick.name = " ruiz ".into();
        assert_eq!(pick.choice(&project()), SourceChoice::Existing(SourceId(1)));
        pick.name = "Bo Lind".into();
        assert_eq!(
            pick.choice(&project()),
            SourceChoice::New {
                name: "Bo Lind".into(),
                kind: SourceKind::Person
            }
        );
        pick.name = String::new();
        assert!(matches!(
            pick.choice(&project()),
            SourceChoice::New {
                kind: SourceKind::Unnamed,
                ..
            }
        ));
    }

    #[test]
    fn picked_source_is_used_unless_typing() {
        let pick = SourcePick::new(Some(SourceId(1)));
        assert_eq!(pick.choice(&project()), SourceChoice::Existing(SourceId(1)));
        assert_eq!(SourcePick::new(None).choice(&project()), SourceChoice::None);
    }
}
