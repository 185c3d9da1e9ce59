//! What the window opens first, and how it runs (tests and benchmarks change the how).

use std::path::PathBuf;
use std::sync::Arc;

use super::clipboard::ClipboardText;
use super::picker::FilePicker;
use super::prefs::Prefs;

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
    /// Where New from link / clipboard read the clipboard; default: the system's.
    pub clipboard: Option<Arc<dyn ClipboardText>>,
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
            clipboard: None,
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
    pub fn with_clipboard(mut self, clipboard: Arc<dyn ClipboardText>) -> Self {
        self.clipboard = Some(clipboard);
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
