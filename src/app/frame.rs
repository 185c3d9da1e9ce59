//! The frame script: bring the view state up to date with the document, read shortcuts,
//! draw the menu bar, the status bar, the document's panels, the dialog and the notices,
//! then apply what they asked for.

use egui::{Panel, RichText, ViewportCommand};

use super::App;
use super::actions::{self, Action, Availability};
use super::dialogs::{self, Dialog};
use super::file_drop;
use super::layout::document_ui;
use super::panels::menu_bar::{MenuInput, menu_bar_ui};
use super::panels::status_bar::{StatusInput, status_bar_ui};
use super::requests::Pending;
use super::state::Document;

impl App {
    /// One frame: input, panels, dialogs and notices, then the actions.
    pub(super) fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_look(&ctx);
        self.sync_view();
        self.library_tick(&ctx);
        let mut actions = actions::pressed(&ctx, &self.availability(), self.ui.dialog.is_some());
        self.handle_close_request(&ctx);
        actions.extend(file_drop::dropped(&ctx));

        self.menu_bar_ui(ui, &mut actions);
        self.status_bar_ui(ui);
        match &self.doc {
            Some(doc) => document_ui(
                ui,
                doc,
                &mut self.ui,
                &mut self.prefs.sources_open,
                &self.library.findings,
                &mut actions,
            ),
            None => {
                egui::CentralPanel::default().show(ui, |ui| self.welcome_ui(ui));
            }
        }
        self.library_window_ui(&ctx, &mut actions);
        dialogs::dialog_ui(
            &ctx,
            &mut self.ui.dialog,
            self.doc.as_ref().map(|d| &d.project),
            &mut self.prefs,
            &mut actions,
        );
        self.notices.ui(&ctx, &mut actions);
        file_drop::drop_overlay(&ctx);
        for action in actions {
            self.apply(&ctx, action);
        }
        self.update_title(&ctx);
    }

    /// Opens a queued prompt, refreshes the table order and drops a selection whose claim
    /// is gone.
    fn sync_view(&mut self) {
        if self.ui.dialog.is_none() {
            self.ui.dialog = self.queued_dialogs.pop_front();
        }
        let Some(doc) = &self.doc else { return };
        self.ui.table.update(
            &doc.project,
            doc.content_key(),
            &self.ui.filter,
            self.ui.sort,
        );
        if self
            .ui
            .selected
            .is_some_and(|id| doc.project.claim(id).is_none())
        {
            self.ui.selected = None;
        }
    }

    fn menu_bar_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let menu = MenuInput {
            on: self.availability(),
            undo_label: self.doc.as_ref().and_then(|d| d.history.undo_label()),
            redo_label: self.doc.as_ref().and_then(|d| d.history.redo_label()),
            recent: &self.prefs.recent,
            dark: self.prefs.dark,
            sources_open: self.prefs.sources_open,
        };
        Panel::top("menu-bar").show(ui, |ui| menu_bar_ui(ui, &menu, actions));
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        let status = StatusInput {
            summary: self.doc.as_ref().map(|d| d.project.tally().summary()),
            path: self.project_path(),
            has_document: self.doc.is_some(),
            dirty: self.is_dirty(),
            autosave: &self.autosave.status,
            running: self.jobs.statuses().collect(),
        };
        Panel::bottom("status-bar").show(ui, |ui| status_bar_ui(ui, &status));
    }

    fn welcome_ui(&self, ui: &mut egui::Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.3);
            if self.jobs.is_busy() {
                ui.spinner();
                for label in self.jobs.running() {
                    ui.label(label);
                }
                return;
            }
            ui.heading("No project open");
            ui.add_space(8.0);
            ui.label(
                "File › New from article… (Ctrl+N) imports a .txt, .md, .html, .docx or .pdf article.",
            );
            ui.label("File › New from link… (Ctrl+L) fetches a story from the web.");
            ui.label("File › Open project… (Ctrl+O) opens a saved .ron project.");
            ui.label(RichText::new("Or drop a file on the window.").weak());
        });
    }

    /// Which actions make sense now (menus grey out the others, shortcuts ignore them).
    pub(super) fn availability(&self) -> Availability {
        let Some(doc) = &self.doc else {
            return Availability::default();
        };
        Availability {
            document: true,
            claim_selected: self
                .ui
                .selected
                .is_some_and(|id| doc.project.claim(id).is_some()),
            text_selected: self
                .ui
                .article
                .selected_span(&doc.project.article.text)
                .is_some(),
            can_undo: doc.history.can_undo(),
            can_redo: doc.history.can_redo(),
            has_claims: !self.ui.table.is_empty(),
        }
    }

    /// Theme and zoom from the preferences, applied when they change.
    pub(super) fn apply_look(&mut self, ctx: &egui::Context) {
        let zoom = self.prefs.clamped_zoom();
        let look = (self.prefs.dark, zoom.to_bits());
        if self.applied_look != Some(look) {
            ctx.set_theme(if self.prefs.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            ctx.set_zoom_factor(zoom);
            self.applied_look = Some(look);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.doc {
            Some(doc) if doc.history.is_dirty() => format!("{} • — claimdesk", doc.name()),
            Some(doc) => format!("{} — claimdesk", doc.name()),
            None => "claimdesk".to_owned(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Closing with unsaved changes asks first.
    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.ask_unsaved(Pending::Close);
        }
    }

    pub(super) fn ask_unsaved(&mut self, then: Pending) {
        let name = self.doc.as_ref().map(Document::name).unwrap_or_default();
        self.ui.dialog = Some(Dialog::Unsaved { name, then });
    }
}
