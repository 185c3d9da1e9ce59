//! Choosing files: the system dialog through rfd, or word that there is none, so the
//! window shows its own (`file_dialog.rs`). Tests put a fake [`FilePicker`] in its place.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::requests::{PickRequest, Picked};

/// Chooses files. The real one shows the system dialog (rfd); tests use a fake.
///
/// Called on a job thread, never on the UI thread.
pub trait FilePicker: Send + Sync {
    /// A file to open.
    fn pick_open(&self, request: &PickRequest) -> Picked;
    /// A file to write.
    fn pick_save(&self, request: &PickRequest) -> Picked;
}

/// Set to `builtin` to always use the window's own file dialog.
pub const DIALOG_ENV: &str = "CLAIMDESK_FILE_DIALOG";

/// A dialog answer faster than this was no person's: the dialog never showed.
const TOO_FAST: Duration = Duration::from_millis(250);

/// The system file dialog, through rfd (xdg-desktop-portal, else zenity, on Linux).
pub struct RfdPicker;

impl RfdPicker {
    fn dialog(request: &PickRequest) -> rfd::FileDialog {
        let mut dialog = rfd::FileDialog::new().set_title(&request.title);
        for (name, extensions) in &request.filters {
            dialog = dialog.add_filter(name, extensions);
        }
        if let Some(dir) = &request.directory {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = &request.file_name {
            dialog = dialog.set_file_name(name);
        }
        dialog
    }

    fn run(request: &PickRequest, show: impl FnOnce(rfd::FileDialog) -> Option<PathBuf>) -> Picked {
        if let Some(why) = missing_system_dialog() {
            return Picked::Unavailable(why);
        }
        let started = Instant::now();
        match show(Self::dialog(request)) {
            Some(path) => Picked::File(path),
            // rfd answers "cancelled" when no dialog could be opened at all.
            None if started.elapsed() < TOO_FAST => {
                Picked::Unavailable("the system file dialog did not open".to_owned())
            }
            None => Picked::Cancelled,
        }
    }
}

impl FilePicker for RfdPicker {
    fn pick_open(&self, request: &PickRequest) -> Picked {
        Self::run(request, rfd::FileDialog::pick_file)
    }

    fn pick_save(&self, request: &PickRequest) -> Picked {
        Self::run(request, rfd::FileDialog::save_file)
    }
}

/// Why no system dialog can be shown, if that is known before trying.
fn missing_system_dialog() -> Option<String> {
    if std::env::var_os(DIALOG_ENV).is_some_and(|v| v == "builtin") {
        return Some(format!("{DIALOG_ENV}=builtin is set"));
    }
    if cfg!(all(unix, not(target_os = "macos"))) && !portal_file_chooser() && !on_path("zenity") {
        return Some("no desktop portal file chooser and no zenity are installed".to_owned());
    }
    None
}

/// True if a session bus and an xdg-desktop-portal backend with a file chooser exist.
fn portal_file_chooser() -> bool {
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|d| Path::new(&d).join("bus").exists());
    bus && data_dirs().iter().any(|dir| {
        std::fs::read_dir(dir.join("xdg-desktop-portal/portals"))
            .into_iter()
            .flatten()
            .flatten()
            .any(|entry| {
                std::fs::read_to_string(entry.path())
                    .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
            })
    })
}

fn data_dirs() -> Vec<PathBuf> {
    let dirs = std::env::var("XDG_DATA_DIRS")
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "/usr/local/share:/usr/share".to_owned());
    dirs.split(':').map(PathBuf::from).collect()
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_is_found_on_the_path_only_if_it_is_there() {
        assert!(on_path("sh") || !Path::new("/bin/sh").exists());
        assert!(!on_path("claimdesk-no-such-program"));
    }
}
