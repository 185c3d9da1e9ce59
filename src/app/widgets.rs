//! Widgets shared by panels and dialogs: the source picker, the claim-kind box, times.
//! They edit their own small state and import neither panels nor dialogs.

use std::time::SystemTime;

use egui::{ComboBox, Id, TextEdit, Ui};

use super::requests::SourceChoice;
use crate::model::{ClaimKind, Project, Source, SourceId, SourceKind};

/// A source picked from the registry or typed as a new name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcePick {
    pub existing: Option<SourceId>,
    /// Typing a new name instead of picking.
    pub typing: bool,
    pub name: String,
    pub kind: SourceKind,
    /// Narrows the list to sources whose name, role or alias contains it.
    pub search: String,
}

impl SourcePick {
    pub fn new(existing: Option<SourceId>) -> Self {
        Self {
            existing,
            typing: false,
            name: String::new(),
            kind: SourceKind::Person,
            search: String::new(),
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
    let needle = pick.search.trim().to_lowercase();
    let mut sources: Vec<_> = project
        .sources
        .iter()
        .filter(|s| {
            needle.is_empty()
                || s.label().to_lowercase().contains(&needle)
                || s.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
        })
        .collect();
    sources.sort_by_key(|s| s.label().to_lowercase());
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
            if ui.selectable_label(on, source.label()).clicked() {
                pick.typing = false;
                pick.existing = Some(source.id);
            }
        }
    };
    if inline {
        let heading = ui.label(label);
        let search = ui.label("Search sources");
        ui.add(
            TextEdit::singleline(&mut pick.search)
                .hint_text("name, role or alias")
                .desired_width(260.0),
        )
        .labelled_by(search.id);
        egui::Frame::group(ui.style())
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt(Id::unique(id_salt).with("list"))
                    .max_height(240.0)
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
                .map_or_else(|| "No source".to_owned(), Source::label)
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
