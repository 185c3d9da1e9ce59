//! Reading the system clipboard's text on request, to fill the New from link and New
//! from clipboard dialogs. egui hands the window pasted text only as a paste event (when
//! the user presses Ctrl+V), so the dialogs also take a paste into their field; this is
//! the convenience of finding it already there.
//!
//! The system clipboard is read through arboard (X11, and Wayland compositors with the
//! data-control protocol; elsewhere it reads nothing and the user pastes). Tests give
//! the app their own [`ClipboardText`].

/// Where the app reads the clipboard's text from.
pub trait ClipboardText: Send + Sync {
    /// The clipboard's text, if it holds some and can be read.
    fn text(&self) -> Option<String>;
}

/// The desktop's clipboard.
pub struct SystemClipboard;

impl ClipboardText for SystemClipboard {
    fn text(&self) -> Option<String> {
        // No clipboard (a headless session, a compositor without data-control) reads as
        // empty: the dialog then waits for a paste.
        let text = arboard::Clipboard::new().ok()?.get_text().ok()?;
        (!text.trim().is_empty()).then_some(text)
    }
}

/// A clipboard with fixed contents (tests, and sessions that must not touch the
/// desktop's clipboard).
#[derive(Clone, Debug, Default)]
pub struct FixedClipboard(pub Option<String>);

impl ClipboardText for FixedClipboard {
    fn text(&self) -> Option<String> {
        self.0.clone()
    }
}
