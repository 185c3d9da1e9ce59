//! The fact-check window (feature `gui`): eframe app, panels, actions, background jobs.
//!
//! Panels draw from the project and push [`Action`]s; after all panels have drawn, the
//! app applies them (`apply.rs`), changing the project only through its [`History`].
//! File work runs as background [`jobs`]; every error reaches the user through
//! [`notify`].
//!
//! [`History`]: crate::history::History

pub mod actions;
mod apply;
pub mod dialogs;
mod files;
pub mod jobs;
pub mod notify;
pub mod panels;
mod rerun;
pub mod state;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{CentralPanel, Panel, RichText, ViewportCommand};

pub use actions::Action;
pub use dialogs::Dialog;
pub use jobs::{FilePicker, PickRequest, RfdPicker};
pub use state::Prefs;

use crate::model::{ClaimId, Project};
use actions::Availability;
use jobs::Jobs;
use notify::{Notice, Notices};
use panels::article_view::{ArticleInput, article_ui};
use panels::claim_detail::claim_detail_ui;
use panels::claims_table::{claims_table_ui, filter_bar_ui};
use panels::menu_bar::{MenuInput, menu_bar_ui};
use panels::sources_panel::sources_ui;
use panels::status_bar::{StatusInput, status_bar_ui};
use state::{Document, UiState};

/// The application id: window class, .desktop entry, storage folder.
pub const APP_ID: &str = "claimdesk";

/// The window icon, drawn by `assets/icons/make-icon.sh`.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/claimdesk.png");

/// Seconds between autosaves while there are unsaved changes.
pub const AUTOSAVE_SECS: f64 = 60.0;

/// Opens the window. Without a path it reopens the last project or, the first time,
/// `projects/example.ron`; a `.ron` path opens a project, any other path is imported as
/// an article (on a background thread).
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("claimdesk")
        .with_app_id(APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([760.0, 480.0])
        .with_drag_and_drop(true);
    // The icon is bundled; should it ever fail to decode, the window simply has none.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        ..eframe::NativeOptions::default()
    };
    let startup = match path {
        Some(path) => Startup::open(path),
        None => Startup::restore(),
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(|cc| Ok(Box::new(App::new(cc, startup)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the claimdesk window: {e}"))
}

/// What the window opens first, and how it runs.
pub struct Startup {
    /// A project (.ron) or article to open.
    pub path: Option<PathBuf>,
    /// Without `path`: reopen the last project, else the example project.
    pub restore: bool,
    /// Where untitled autosaves go; default: eframe's storage folder for claimdesk.
    pub data_dir: Option<PathBuf>,
    /// File dialogs; default: the system's, through rfd.
    pub picker: Option<Arc<dyn FilePicker>>,
    /// Run jobs on the UI thread as soon as they start (tests, benchmarks).
    pub synchronous: bool,
    /// Preferences to use instead of the stored ones.
    pub prefs: Option<Prefs>,
}

impl Startup {
    /// Opens `path` (a project or an article).
    pub fn open(path: impl Into<PathBuf>) -> Self {
        Self {
            path: Some(path.into()),
            ..Self::empty()
        }
    }

    /// Reopens the last project, or the example project.
    pub fn restore() -> Self {
        Self {
            restore: true,
            ..Self::empty()
        }
    }

    /// Opens nothing.
    pub fn empty() -> Self {
        Self {
            path: None,
            restore: false,
            data_dir: None,
            picker: None,
            synchronous: false,
            prefs: None,
        }
    }

    #[must_use]
    pub fn with_data_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.data_dir = Some(dir.into());
        self
    }

    #[must_use]
    pub fn with_picker(mut self, picker: Arc<dyn FilePicker>) -> Self {
        self.picker = Some(picker);
        self
    }

    #[must_use]
    pub fn with_prefs(mut self, prefs: Prefs) -> Self {
        self.prefs = Some(prefs);
        self
    }

    #[must_use]
    pub fn synchronous(mut self) -> Self {
        self.synchronous = true;
        self
    }
}

/// The claimdesk window.
pub struct App {
    doc: Option<Document>,
    ui: UiState,
    prefs: Prefs,
    jobs: Jobs,
    notices: Notices,
    picker: Arc<dyn FilePicker>,
    data_dir: Option<PathBuf>,
    generations: u64,
    autosave: files::Autosave,
    /// Set once the user agreed to close; the next close request goes through.
    allow_close: bool,
    /// Continue with this once the running save succeeds.
    after_save: Option<dialogs::Pending>,
    title: String,
    applied_look: Option<(bool, u32)>,
    /// Prompts waiting for the open one to be answered.
    queued_dialogs: std::collections::VecDeque<Dialog>,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        let prefs = startup
            .prefs
            .or_else(|| {
                cc.storage
                    .and_then(|s| eframe::get_value::<Prefs>(s, state::PREFS_KEY))
            })
            .unwrap_or_default();
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let mut app = Self {
            doc: None,
            ui: UiState::default(),
            prefs,
            jobs: if startup.synchronous {
                Jobs::synchronous()
            } else {
                Jobs::background()
            },
            notices: Notices::default(),
            picker: startup.picker.unwrap_or_else(|| Arc::new(RfdPicker)),
            data_dir: startup.data_dir.or_else(|| eframe::storage_dir(APP_ID)),
            generations: 0,
            autosave: files::Autosave::default(),
            allow_close: false,
            after_save: None,
            title: String::new(),
            applied_look: None,
            queued_dialogs: std::collections::VecDeque::new(),
        };
        app.apply_look(&cc.egui_ctx);
        if let Some(path) = startup.path {
            app.open_path(&cc.egui_ctx, path);
        } else if startup.restore {
            app.open_first(&cc.egui_ctx);
        }
        app
    }

    /// The open project, if any.
    pub fn project(&self) -> Option<&Project> {
        self.doc.as_ref().map(|d| &d.project)
    }

    /// Where the open project is saved (`None` for an imported article not saved yet).
    pub fn project_path(&self) -> Option<&Path> {
        self.doc.as_ref().and_then(|d| d.path.as_deref())
    }

    /// True if the open project has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(|d| d.history.is_dirty())
    }

    pub fn selected_claim(&self) -> Option<ClaimId> {
        self.ui.selected
    }

    /// The notices on screen.
    pub fn notices(&self) -> &[Notice] {
        self.notices.list()
    }

    /// The open dialog.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.ui.dialog.as_ref()
    }

    /// The window title: "harbour • — claimdesk" while there are unsaved changes.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The status bar's autosave note ("Autosaved 14:03"), empty before the first autosave.
    pub fn autosave_status(&self) -> &str {
        &self.autosave.status
    }

    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Paragraph layouts built so far (the article view rebuilds only what changed).
    pub fn layouts_built(&self) -> u64 {
        self.ui.article.cache.builds
    }

    /// True while background jobs run.
    pub fn is_busy(&self) -> bool {
        self.jobs.is_busy()
    }

    /// Waits up to `timeout` for background jobs and takes in their results (benchmarks;
    /// the window itself never blocks on a job).
    pub fn finish_jobs(&mut self, ctx: &egui::Context, timeout: std::time::Duration) {
        for done in self.jobs.wait(timeout) {
            self.handle_done(ctx, done);
        }
    }

    /// Does what the user asked for, as a menu entry or shortcut would.
    pub fn perform(&mut self, ctx: &egui::Context, action: Action) {
        self.apply(ctx, action);
    }

    fn availability(&self) -> Availability {
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
    fn apply_look(&mut self, ctx: &egui::Context) {
        let zoom = self
            .prefs
            .zoom
            .clamp(state::ZOOM_RANGE.0, state::ZOOM_RANGE.1);
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

    /// The frame script: input, panels, dialogs and notices, then the actions.
    fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_look(&ctx);
        if self.ui.dialog.is_none() {
            self.ui.dialog = self.queued_dialogs.pop_front();
        }
        if let Some(doc) = &self.doc {
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
        let mut actions = actions::pressed(&ctx, &self.availability(), self.ui.dialog.is_some());
        self.handle_close_request(&ctx);
        actions.extend(files::dropped(&ctx));

        let menu = MenuInput {
            on: self.availability(),
            undo_label: self.doc.as_ref().and_then(|d| d.history.undo_label()),
            redo_label: self.doc.as_ref().and_then(|d| d.history.redo_label()),
            recent: &self.prefs.recent,
            dark: self.prefs.dark,
            sources_open: self.prefs.sources_open,
        };
        Panel::top("menu-bar").show(ui, |ui| menu_bar_ui(ui, &menu, &mut actions));
        let status = StatusInput {
            summary: self.doc.as_ref().map(|d| d.project.tally().summary()),
            path: self.project_path(),
            has_document: self.doc.is_some(),
            dirty: self.is_dirty(),
            autosave: &self.autosave.status,
            running: self.jobs.running().collect(),
        };
        Panel::bottom("status-bar").show(ui, |ui| status_bar_ui(ui, &status));

        if let Some(doc) = &self.doc {
            let project = &doc.project;
            let key = doc.content_key();
            let ui_state = &mut self.ui;
            Panel::left("sources-panel")
                .resizable(true)
                .default_size(250.0)
                .min_size(160.0)
                .show_collapsible(ui, &mut self.prefs.sources_open, |ui| {
                    sources_ui(
                        ui,
                        project,
                        key,
                        ui_state.filter.source,
                        &mut ui_state.sources,
                        &mut actions,
                    );
                });
            Panel::right("review-panel")
                .resizable(true)
                .default_size(640.0)
                .min_size(380.0)
                .show(ui, |ui| {
                    let detail_h = 440.0_f32.min(ui.available_height() * 0.6);
                    Panel::bottom("claim-details")
                        .resizable(true)
                        .default_size(detail_h)
                        .min_size(160.0)
                        .show(ui, |ui| {
                            claim_detail_ui(
                                ui,
                                project,
                                ui_state.selected,
                                &mut ui_state.detail,
                                &mut actions,
                            );
                            // A resizable panel keeps the size its content uses.
                            ui.take_available_space();
                        });
                    // The rest of the panel, bounded, so the table stays above the details.
                    CentralPanel::no_frame().show(ui, |ui| {
                        ui.add_space(4.0);
                        filter_bar_ui(
                            ui,
                            project,
                            &mut ui_state.filter,
                            ui_state.table.len(),
                            &mut actions,
                        );
                        ui_state
                            .table
                            .update(project, key, &ui_state.filter, ui_state.sort);
                        let scroll = std::mem::take(&mut ui_state.table_scroll);
                        claims_table_ui(
                            ui,
                            project,
                            &ui_state.table,
                            &mut ui_state.sort,
                            ui_state.selected,
                            scroll,
                            &mut actions,
                        );
                    });
                });
            CentralPanel::default().show(ui, |ui| {
                let input = ArticleInput {
                    project,
                    content_key: key,
                    selected: ui_state.selected,
                    focused_source: ui_state.filter.source,
                };
                article_ui(ui, &input, &mut ui_state.article, &mut actions);
            });
        } else {
            CentralPanel::default().show(ui, |ui| self.welcome_ui(ui));
        }

        dialogs::dialog_ui(
            &ctx,
            &mut self.ui.dialog,
            self.doc.as_ref().map(|d| &d.project),
            &mut self.prefs,
            &mut actions,
        );
        self.notices.ui(&ctx);
        files::drop_overlay(&ctx);
        for action in actions {
            self.apply(&ctx, action);
        }
        self.update_title(&ctx);
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
            ui.label("File › New from article… (Ctrl+N) imports a .txt, .md or .html article.");
            ui.label("File › Open project… (Ctrl+O) opens a saved .ron project.");
            ui.label(RichText::new("Or drop a file on the window.").weak());
        });
    }

    /// Closing with unsaved changes asks first.
    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.ask_unsaved(dialogs::Pending::Close);
        }
    }

    fn ask_unsaved(&mut self, then: dialogs::Pending) {
        let name = self.doc.as_ref().map(Document::name).unwrap_or_default();
        self.ui.dialog = Some(Dialog::Unsaved { name, then });
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        for done in self.jobs.poll() {
            self.handle_done(ctx, done);
        }
        self.autosave_tick(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, state::PREFS_KEY, &self.prefs);
    }
}

/// Where `projects/example.ron` may be: beside the executable or one of its parent
/// folders (a cargo build or an unpacked release), or in the current folder.
fn example_candidates() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        dirs.extend(exe.ancestors().skip(1).map(Path::to_path_buf));
    }
    if let Ok(cwd) = std::env::current_dir() {
        dirs.push(cwd);
    }
    let mut out: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        let candidate = dir.join("projects").join("example.ron");
        if !out.contains(&candidate) {
            out.push(candidate);
        }
    }
    out
}
