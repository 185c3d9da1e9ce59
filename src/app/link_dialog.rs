//! The New from link… and New from clipboard… dialogs. Like the other dialogs they draw
//! and emit actions; the fetch itself is a background job, shown here with a spinner and
//! a Cancel button while it runs.

use egui::{Id, RichText, TextEdit, Ui};

use super::actions::Action;
use super::progress::JobId;
use crate::import::looks_like_link;

/// The New from link form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkForm {
    pub url: String,
    /// The fetch running, if one is.
    pub fetching: Option<Fetching>,
    /// Put the cursor in the field on the next frame.
    pub focus: bool,
}

impl LinkForm {
    pub fn new() -> Self {
        Self {
            focus: true,
            ..Self::default()
        }
    }

    /// Takes the clipboard's text if it is a link and nothing was typed yet.
    pub fn offer_clipboard(&mut self, text: &str) {
        if self.url.is_empty() && self.fetching.is_none() && looks_like_link(text) {
            text.trim().clone_into(&mut self.url);
        }
    }
}

/// A fetch started from the dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetching {
    pub url: String,
    pub job: JobId,
}

/// The New from clipboard form: the text to make an article of.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PasteForm {
    pub text: String,
    pub focus: bool,
}

impl PasteForm {
    pub fn new() -> Self {
        Self {
            text: String::new(),
            focus: true,
        }
    }

    /// Takes the clipboard's text if nothing was pasted or typed yet.
    pub fn offer_clipboard(&mut self, text: &str) {
        if self.text.is_empty() {
            text.clone_into(&mut self.text);
        }
    }
}

/// The id of the link field (tests and focus).
pub fn link_field_id() -> Id {
    Id::unique("new-from-link-url")
}

/// Draws New from link; returns true when the dialog should close (Cancel while not
/// fetching). Return fetches; Escape is handled with the other dialogs (it cancels a
/// running fetch and closes).
pub fn link_ui(ui: &mut Ui, form: &mut LinkForm, actions: &mut Vec<Action>) -> bool {
    ui.heading("New from link");
    ui.label("The page is fetched, read like a saved web page (or a PDF or Word document), and its claims extracted.");
    ui.add_space(6.0);
    let fetching = form.fetching.is_some();
    let label = ui.label("Link");
    let response = ui
        .add_enabled(
            !fetching,
            TextEdit::singleline(&mut form.url)
                .id(link_field_id())
                .hint_text("https://…")
                .desired_width(440.0),
        )
        .labelled_by(label.id);
    if std::mem::take(&mut form.focus) {
        response.request_focus();
    }
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let url = form.url.trim().to_owned();
    let valid = looks_like_link(&url);
    if !url.is_empty() && !valid && !fetching {
        ui.label(
            RichText::new("A link starts with http:// or https:// and has no spaces.")
                .small()
                .color(ui.visuals().warn_fg_color),
        );
    }
    ui.add_space(8.0);
    let mut close = false;
    if let Some(fetching) = &form.fetching {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.add(egui::Label::new(format!("Fetching {}…", fetching.url)).truncate());
        });
        ui.add_space(4.0);
        if ui.button("Cancel").clicked() {
            actions.push(Action::CancelFetch(fetching.job));
        }
        return false;
    }
    ui.horizontal(|ui| {
        if ui.add_enabled(valid, egui::Button::new("Fetch")).clicked() || (entered && valid) {
            actions.push(Action::FetchLink(url.clone()));
        }
        if ui.button("Cancel").clicked() {
            close = true;
        }
    });
    close
}

/// The id of the paste box (tests and focus).
pub fn paste_field_id() -> Id {
    Id::unique("new-from-clipboard-text")
}

/// Draws New from clipboard; returns true when the dialog should close.
pub fn paste_ui(ui: &mut Ui, form: &mut PasteForm, actions: &mut Vec<Action>) -> bool {
    ui.heading("New from clipboard");
    ui.label("Paste the article (Ctrl+V) or a link to it; the first line becomes the title.");
    ui.add_space(6.0);
    let label = ui.label("Article text");
    let response = egui::ScrollArea::vertical()
        .id_salt("paste-scroll")
        .max_height(300.0)
        .show(ui, |ui| {
            ui.add(
                TextEdit::multiline(&mut form.text)
                    .id(paste_field_id())
                    .hint_text("Paste the text here")
                    .desired_rows(12)
                    .desired_width(440.0),
            )
            .labelled_by(label.id)
        })
        .inner;
    if std::mem::take(&mut form.focus) {
        response.request_focus();
    }
    let text = form.text.trim();
    let link = looks_like_link(text);
    let words = text.split_whitespace().count();
    ui.label(
        RichText::new(if link {
            "This is a link: Create fetches the page.".to_owned()
        } else {
            format!("{words} words")
        })
        .weak()
        .small(),
    );
    ui.add_space(8.0);
    let mut close = false;
    ui.horizontal(|ui| {
        let create = if link { "Fetch link" } else { "Create" };
        if ui
            .add_enabled(!text.is_empty(), egui::Button::new(create))
            .clicked()
        {
            actions.push(Action::CreateFromText(form.text.clone()));
            close = !link;
        }
        if ui.button("Cancel").clicked() {
            close = true;
        }
    });
    close
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_link_from_the_clipboard_fills_an_empty_link_field() {
        let mut form = LinkForm::new();
        form.offer_clipboard("The minister said so.");
        assert_eq!(form.url, "");
        form.offer_clipboard("  https://news.example/ferry-fares\n");
        assert_eq!(form.url, "https://news.example/ferry-fares");
        form.offer_clipboard("https://other.example/");
        assert_eq!(
            form.url, "https://news.example/ferry-fares",
            "typed text wins"
        );
    }

    #[test]
    fn the_clipboard_fills_an_empty_paste_box_only() {
        let mut form = PasteForm::new();
        form.offer_clipboard("Ferry Fares to Rise\nThe board said so.");
        assert!(form.text.starts_with("Ferry Fares"));
        form.offer_clipboard("other");
        assert!(form.text.starts_with("Ferry Fares"));
    }
}
