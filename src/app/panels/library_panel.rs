//! The Library panel (View ▸ Library…): full-text search of every claim checked before,
//! with filters for verdict, source, publisher and date range. Searches run in the
//! background; results open like "Checked before" does.

use std::path::PathBuf;

use egui::{Id, RichText, ScrollArea, TextEdit, Ui};

use crate::app::actions::Action;
use crate::app::library_work::{LibrarySearch, LibraryStatus};
use crate::library::{Filter, Hit, parse_date};

use super::checked_before::hit_ui;

/// The panel's own state: the form, and the results of the last search.
#[derive(Default)]
pub struct LibraryPanelState {
    pub open: bool,
    pub text: String,
    pub verdict: String,
    pub source: String,
    pub publisher: String,
    pub from: String,
    pub to: String,
    /// The last search asked for, and its number (later answers win).
    pub asked: Option<(u64, LibrarySearch)>,
    /// The answer to search number `.0`.
    pub results: Option<(u64, Result<Vec<Hit>, String>)>,
    /// Entries in the library, as the last job saw it.
    pub status: LibraryStatus,
    /// The library folder in use.
    pub root: Option<PathBuf>,
    /// Put the cursor in the search field at the next frame (the panel was just opened).
    pub focus_search: bool,
}

impl LibraryPanelState {
    /// The search the form describes, or why the form is not one.
    pub fn search(&self) -> Result<LibrarySearch, String> {
        let date = |text: &str, what: &str| -> Result<Option<jiff::civil::Date>, String> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            parse_date(text)
                .map(Some)
                .ok_or_else(|| format!("“{text}” is not a date: write the {what} as 2024-03-05"))
        };
        let words = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let filter = Filter {
            verdict: words(&self.verdict),
            source: words(&self.source),
            publisher: words(&self.publisher),
            from: date(&self.from, "first day")?,
            to: date(&self.to, "last day")?,
        };
        if self.text.trim().is_empty() && filter == Filter::default() {
            return Err("Type words to look for, or set a filter.".into());
        }
        Ok(LibrarySearch {
            text: self.text.trim().to_owned(),
            filter,
        })
    }
}

/// The search field's id, to put the cursor there when the panel opens.
pub fn search_field_id() -> Id {
    Id::unique("library-search-text")
}

/// Draws the panel as a window while it is open.
pub fn library_window_ui(
    ctx: &egui::Context,
    state: &mut LibraryPanelState,
    actions: &mut Vec<Action>,
) {
    let mut open = state.open;
    egui::Window::new("Library")
        .id(Id::unique("library-window"))
        .open(&mut open)
        .default_size([600.0, 560.0])
        .min_width(520.0)
        .collapsible(false)
        .show(ctx, |ui| library_ui(ui, state, actions));
    state.open = open;
}

fn library_ui(ui: &mut Ui, state: &mut LibraryPanelState, actions: &mut Vec<Action>) {
    let mut submit = false;
    ui.horizontal(|ui| {
        let label = ui.label("Search the library");
        let r = ui
            .add(
                TextEdit::singleline(&mut state.text)
                    .id(search_field_id())
                    .hint_text("words of the claim, a name, a figure")
                    .desired_width(ui.available_width() - 70.0),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut state.focus_search) {
            r.request_focus();
        }
        submit |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        submit |= ui.button("Search").clicked();
    });
    // Rows of label + field (a Grid squeezed the first column's fields to nothing).
    let mut field = |ui: &mut Ui, name: &str, value: &mut String, hint: &str| {
        let label = ui.add_sized([62.0, 18.0], egui::Label::new(RichText::new(name).small()));
        let r = ui
            .add(
                TextEdit::singleline(value)
                    .hint_text(hint)
                    .desired_width(170.0),
            )
            .labelled_by(label.id);
        submit |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    };
    ui.horizontal(|ui| {
        field(
            ui,
            "Verdict",
            &mut state.verdict,
            "any, e.g. Disputed, False",
        );
        field(ui, "Source", &mut state.source, "who made the claim");
    });
    ui.horizontal(|ui| {
        field(ui, "Publisher", &mut state.publisher, "who checked it");
        field(ui, "From", &mut state.from, "2024-01-01");
    });
    ui.horizontal(|ui| {
        ui.add_space(240.0);
        field(ui, "To", &mut state.to, "2024-12-31");
    });
    let form = state.search();
    if submit && let Ok(search) = &form {
        actions.push(Action::SearchLibrary(search.clone()));
    }
    if let Err(why) = &form
        && (submit || state.asked.is_some())
    {
        ui.label(RichText::new(why).color(ui.visuals().warn_fg_color));
    }
    ui.separator();
    results_ui(ui, state, actions);
}

fn results_ui(ui: &mut Ui, state: &LibraryPanelState, actions: &mut Vec<Action>) {
    if let Some(root) = &state.root {
        ui.label(
            RichText::new(format!("Library folder: {}", root.display()))
                .small()
                .weak(),
        )
        .on_hover_text("Change it in Edit › Preferences…");
    }
    match &state.status {
        LibraryStatus::Failed(line) => {
            ui.label(RichText::new(line).color(ui.visuals().warn_fg_color));
            return;
        }
        LibraryStatus::Ready { entries: 0 } => {
            ui.label(
                RichText::new(
                    "The claim library is empty: saved projects with verdicts are added to it, \
                     and `claimdesk library add` adds folders and ClaimReview feeds.",
                )
                .weak(),
            );
        }
        LibraryStatus::Ready { entries } => {
            ui.label(RichText::new(format!("{entries} checked claims in the library")).weak());
        }
        LibraryStatus::Unknown => {}
    }
    let asked = state.asked.as_ref().map(|(n, _)| *n);
    match (&state.results, asked) {
        (_, None) => {}
        (Some((n, Ok(hits))), Some(a)) if *n == a => {
            ui.label(match hits.len() {
                0 => "No checked claim matches.".to_owned(),
                1 => "1 result".to_owned(),
                n => format!("{n} results"),
            });
            ScrollArea::vertical()
                .id_salt("library-results")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (i, hit) in hits.iter().enumerate() {
                        ui.push_id(("library-hit", i), |ui| hit_ui(ui, hit, false, actions));
                    }
                });
        }
        (Some((n, Err(line))), Some(a)) if *n == a => {
            ui.label(RichText::new(line).color(ui.visuals().warn_fg_color));
        }
        _ => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Searching…");
            });
        }
    }
}

/// The Preferences row that chooses the library folder (two grid cells). An empty field
/// means the default, `library` in claimdesk's data folder. The window opens the new
/// folder when the Preferences close.
pub fn library_folder_ui(ui: &mut Ui, folder: &mut Option<PathBuf>) {
    let label = ui.label("Claim library folder");
    ui.horizontal(|ui| {
        let mut text = folder
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let r = ui
            .add(
                TextEdit::singleline(&mut text)
                    .hint_text("default: “library” in claimdesk's data folder")
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        if r.changed() {
            // Kept as typed (a trailing space may be the middle of a name being typed).
            *folder = Some(text)
                .filter(|t| !t.trim().is_empty())
                .map(PathBuf::from);
        }
        if folder.is_some() && ui.small_button("Default").clicked() {
            *folder = None;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_becomes_a_search_with_filters() {
        let state = LibraryPanelState {
            text: " ferry fares ".into(),
            verdict: "False".into(),
            from: "2024-01-01".into(),
            ..LibraryPanelState::default()
        };
        let search = state.search().expect("a search");
        assert_eq!(search.text, "ferry fares");
        assert_eq!(search.filter.verdict.as_deref(), Some("False"));
        assert_eq!(search.filter.from, jiff::civil::Date::new(2024, 1, 1).ok());
        assert_eq!(search.filter.to, None);
    }

    #[test]
    fn a_bad_date_or_an_empty_form_is_not_a_search() {
        let bad = LibraryPanelState {
            text: "tolls".into(),
            to: "last week".into(),
            ..LibraryPanelState::default()
        };
        assert!(bad.search().is_err_and(|e| e.contains("last week")));
        assert!(LibraryPanelState::default().search().is_err());
        let filter_only = LibraryPanelState {
            publisher: "Coastline Check".into(),
            ..LibraryPanelState::default()
        };
        assert!(filter_only.search().is_ok());
    }
}
