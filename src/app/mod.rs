//! The fact-check window (feature `gui`): eframe app, panels, actions, background jobs.
//!
//! Panels draw from the project and push [`Action`]s; after all panels have drawn, the
//! app applies them (`apply.rs`), changing the project only through its [`History`].
//! File work runs as background [`jobs`]; every error reaches the user through
//! [`notify`].
//!
//! The modules, lowest first; each imports only from the layers below it, so the arrows
//! point one way (`tests/gui_modules.rs` fails on a loop):
//!
//! 1. plain data and helpers: [`requests`] (what actions, dialogs and jobs carry),
//!    `article_update` (reading a corrected article),
//!    [`labels`] (how sources are named), [`prefs`], [`notify`], [`picker`] (the system
//!    file dialog), [`clipboard`], [`progress`] (a job's page count);
//! 2. [`actions`] (what the user asks for), [`widgets`] (shared by panels and dialogs),
//!    [`jobs`] (background work; re-extraction merges through `project::merge`),
//!    [`import_jobs`] (links, pasted text, counted imports), [`library_work`] (the claim
//!    library's jobs);
//! 3. [`file_dialog`] (the window's own), [`dialogs`], [`link_dialog`] and [`panels`],
//!    which draw and emit actions;
//! 4. [`state`] (the document and the view state, holding each panel's own),
//!    [`library_view`] (what the window keeps about the claim library), `layout`
//!    (where the panels go), `file_drop`, `startup`;
//! 5. the [`App`]: this file, and the files that add its methods — `frame` (the frame
//!    script), `apply` (actions), `done` (job results), `files` (open, save, export,
//!    autosave), `corrections` (claim extents, orphans, article updates), `new_from`
//!    (links, the clipboard), `library_app` (the claim library). Nothing imports those.
//!
//! [`History`]: crate::history::History

pub mod actions;
mod apply;
mod article_update;
pub mod clipboard;
mod corrections;
pub mod dialogs;
mod done;
pub mod file_dialog;
mod file_drop;
mod files;
mod frame;
pub mod import_jobs;
pub mod jobs;
pub mod labels;
mod layout;
mod library_app;
pub mod library_view;
pub mod library_work;
pub mod link_dialog;
mod new_from;
pub mod notify;
pub mod panels;
pub mod picker;
pub mod prefs;
pub mod progress;
pub mod requests;
mod startup;
pub mod state;
pub mod widgets;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use actions::Action;
pub use clipboard::{ClipboardText, FixedClipboard, SystemClipboard};
pub use dialogs::Dialog;
pub use picker::{FilePicker, RfdPicker};
pub use prefs::Prefs;
pub use requests::{PickRequest, Picked};
pub use startup::Startup;
pub use state::AUTOSAVE_SECS;

use crate::model::{ClaimId, Project};
use jobs::Jobs;
use library_view::LibraryView;
use notify::{Notice, Notices};
use requests::Pending;
use state::{Autosave, Document, UiState};

/// The application id: window class, .desktop entry, storage folder.
pub const APP_ID: &str = "claimdesk";

/// The window icon, drawn by `assets/icons/make-icon.sh`.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/claimdesk.png");

/// Opens the window. Without a path it reopens the last project or, the first time,
/// `projects/example.ron`; a `.ron` path opens a project, any other path is imported as
/// an article (on a background thread).
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("claimdesk")
        .with_app_id(APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([800.0, 560.0])
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
    .map_err(|e| anyhow::anyhow!("{}", window_error(&e.to_string())))
}

/// Why the window did not open, with what to do when the desktop's libraries are
/// missing (they are loaded when the window opens, not linked at build time).
fn window_error(cause: &str) -> String {
    let mut line = format!("could not open the claimdesk window: {cause}");
    if cause.contains("shared librar") || cause.contains("libEGL") || cause.contains("libGL") {
        line.push_str(
            " (the window needs the desktop's X11 or Wayland, xkbcommon and OpenGL/EGL \
             libraries; on Debian or Ubuntu: apt-get install libx11-6 libxcursor1 libxrandr2 \
             libxi6 libxkbcommon-x11-0 libegl1 libgl1; the command line works without them)",
        );
    }
    line
}

/// The claimdesk window.
pub struct App {
    doc: Option<Document>,
    ui: UiState,
    prefs: Prefs,
    jobs: Jobs,
    notices: Notices,
    picker: Arc<dyn FilePicker>,
    clipboard: Arc<dyn ClipboardText>,
    data_dir: Option<PathBuf>,
    generations: u64,
    autosave: Autosave,
    /// Set once the user agreed to close; the next close request goes through.
    allow_close: bool,
    /// Continue with this once the running save succeeds.
    after_save: Option<Pending>,
    title: String,
    applied_look: Option<(bool, u32)>,
    /// Prompts waiting for the open one to be answered.
    queued_dialogs: std::collections::VecDeque<Dialog>,
    /// The claim library: "Checked before", the Library panel.
    library: LibraryView,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        let prefs = startup
            .prefs
            .or_else(|| {
                cc.storage
                    .and_then(|s| eframe::get_value::<Prefs>(s, prefs::PREFS_KEY))
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
            clipboard: startup
                .clipboard
                .unwrap_or_else(|| Arc::new(SystemClipboard)),
            data_dir: startup.data_dir.or_else(|| eframe::storage_dir(APP_ID)),
            generations: 0,
            autosave: Autosave::default(),
            allow_close: false,
            after_save: None,
            title: String::new(),
            applied_look: None,
            queued_dialogs: std::collections::VecDeque::new(),
            library: LibraryView::default(),
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

    /// Where the document's panels were drawn in the last frame.
    pub fn panel_rects(&self) -> state::PanelRects {
        self.ui.panels
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
        eframe::set_value(storage, prefs::PREFS_KEY, &self.prefs);
    }
}

#[cfg(test)]
mod tests {
    use super::window_error;

    #[test]
    fn a_missing_desktop_library_says_what_to_install() {
        let line = window_error("Failed to load one of xlib's shared libraries");
        assert!(line.starts_with("could not open the claimdesk window: Failed to load"));
        assert!(line.contains("apt-get install libx11-6"), "{line}");
        assert!(!line.contains('\n'));
        let other = window_error("no display");
        assert_eq!(other, "could not open the claimdesk window: no display");
    }
}
