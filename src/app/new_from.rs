//! New from link… and New from clipboard… from the window's side: the dialogs, the
//! fetch as a background job (with Cancel), pasted text, the clipboard read that fills
//! the dialogs, and imports that count their pages in the status bar. The work itself
//! runs in [`import_jobs`](super::import_jobs).

use super::App;
use super::dialogs::Dialog;
use super::import_jobs;
use super::link_dialog::{Fetching, LinkForm, PasteForm};
use super::notify::Level;
use super::progress::{JobId, Progress};
use super::requests::Pending;
use crate::import::{FetchOptions, looks_like_link};
use crate::model::Project;

impl App {
    /// File › New from link…: after the unsaved-changes prompt, if needed.
    pub(super) fn new_from_link(&mut self, ctx: &egui::Context) {
        if self.is_dirty() {
            self.ask_unsaved(Pending::NewFromLink);
        } else {
            self.show_link_dialog(ctx);
        }
    }

    /// Edit › New from clipboard…: after the unsaved-changes prompt, if needed.
    pub(super) fn new_from_clipboard(&mut self, ctx: &egui::Context) {
        if self.is_dirty() {
            self.ask_unsaved(Pending::NewFromClipboard);
        } else {
            self.show_paste_dialog(ctx);
        }
    }

    /// Ctrl+V outside a text field: the paste dialog with the pasted text (after the
    /// unsaved-changes prompt, if needed; the dialog then reads the clipboard again).
    pub(super) fn pasted_outside_a_field(&mut self, ctx: &egui::Context, text: &str) {
        self.new_from_clipboard(ctx);
        if let Some(Dialog::Paste(form)) = &mut self.ui.dialog {
            form.offer_clipboard(text);
        }
    }

    /// The link dialog, filled with the clipboard's link when it holds one.
    pub(super) fn show_link_dialog(&mut self, ctx: &egui::Context) {
        self.ui.dialog = Some(Dialog::Link(LinkForm::new()));
        self.read_clipboard(ctx);
    }

    /// The paste dialog, filled with the clipboard's text when it can be read.
    pub(super) fn show_paste_dialog(&mut self, ctx: &egui::Context) {
        self.ui.dialog = Some(Dialog::Paste(PasteForm::new()));
        self.read_clipboard(ctx);
    }

    fn read_clipboard(&mut self, ctx: &egui::Context) {
        let clipboard = self.clipboard.clone();
        self.spawn(
            ctx,
            "clipboard",
            "Reading the clipboard…".into(),
            move || import_jobs::read_clipboard(&clipboard),
        );
    }

    /// The clipboard was read: offer its text to the open dialog.
    pub(super) fn clipboard_read(&mut self, text: Option<String>) {
        let Some(text) = text else { return };
        match &mut self.ui.dialog {
            Some(Dialog::Link(form)) => form.offer_clipboard(&text),
            Some(Dialog::Paste(form)) => form.offer_clipboard(&text),
            _ => {}
        }
    }

    /// Starts fetching `url`; the link dialog shows it running until it is done or
    /// cancelled.
    pub(super) fn fetch_link(&mut self, ctx: &egui::Context, url: String) {
        let options = FetchOptions::default();
        let link = url.clone();
        let spawned = self
            .jobs
            .spawn(ctx, "fetch", format!("Fetching {url}…"), move || {
                import_jobs::fetch(link, &options)
            });
        match spawned {
            Ok(job) => {
                self.ui.dialog = Some(Dialog::Link(LinkForm {
                    url: url.clone(),
                    fetching: Some(Fetching { url, job }),
                    focus: false,
                }));
            }
            Err(e) => self
                .notices
                .error(format!("Could not start fetching {url}: {e}")),
        }
    }

    /// Stops waiting for a fetch; the dialog (if still open) can be edited again.
    pub(super) fn cancel_fetch(&mut self, job: JobId) {
        self.jobs.cancel(job);
        if let Some(Dialog::Link(form)) = &mut self.ui.dialog
            && form.fetching.as_ref().is_some_and(|f| f.job == job)
        {
            form.fetching = None;
            form.focus = true;
        }
    }

    /// A fetch finished. Taken only while the link dialog still waits for it (a
    /// cancelled fetch changes nothing); an error is a notice and the dialog stays, to
    /// correct the link.
    pub(super) fn fetched(&mut self, url: &str, result: Result<(Project, Vec<String>), String>) {
        let Some(Dialog::Link(form)) = &mut self.ui.dialog else {
            return;
        };
        if form.fetching.as_ref().is_none_or(|f| f.url != url) {
            return;
        }
        match result {
            Ok((project, warnings)) => {
                let (claims, sources) = (project.claims.len(), project.sources.len());
                self.ui.dialog = None;
                self.set_document(project, None, None, false);
                let level = if warnings.is_empty() {
                    Level::Info
                } else {
                    Level::Warning
                };
                let text = format!("Fetched {url}: {claims} claims from {sources} sources");
                self.notices.push(level, text, warnings);
            }
            Err(e) => {
                form.fetching = None;
                form.focus = true;
                self.notices.error(e);
            }
        }
    }

    /// Create in the paste dialog: a link is fetched, other text imported as it is.
    pub(super) fn create_from_text(&mut self, ctx: &egui::Context, text: String) {
        if looks_like_link(&text) {
            self.fetch_link(ctx, text.trim().to_owned());
            return;
        }
        self.spawn(
            ctx,
            "paste",
            "Reading the pasted text…".into(),
            move || import_jobs::paste(&text),
        );
    }

    /// Imports an article file on a job that counts its pages in the status bar.
    pub(super) fn import_counted(&mut self, ctx: &egui::Context, path: std::path::PathBuf) {
        let shown = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let progress = Progress::new("pages", Some(ctx.clone()));
        let counter = progress.clone();
        if let Err(e) = self.jobs.spawn_counted(
            ctx,
            "import",
            format!("Importing {shown}…"),
            Some(progress),
            move || import_jobs::import_counted(path, &counter),
        ) {
            self.notices
                .error(format!("Could not start a background task (import): {e}"));
        }
    }
}
