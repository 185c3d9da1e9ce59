//! Settings that outlive a session, persisted by eframe.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The eframe storage key of [`Prefs`].
pub const PREFS_KEY: &str = "claimdesk.prefs";
/// How many recent files File ▸ Open recent lists.
pub const RECENT_MAX: usize = 10;
/// Zoom limits for Ctrl + / Ctrl -.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

/// Settings that outlive a session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Recorded with every verdict; empty means anonymous.
    pub reviewer: String,
    /// The fact-checking organisation that publishes the reports ("Harbour Fact Desk"):
    /// the Export dialog starts with it; empty means none.
    pub organization: String,
    pub dark: bool,
    pub zoom: f32,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The project to reopen when claimdesk starts without a path.
    pub last_project: Option<PathBuf>,
    pub sources_open: bool,
    /// The claim library's folder; `None`: `library` in claimdesk's data folder.
    pub library_dir: Option<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            reviewer: String::new(),
            organization: String::new(),
            dark: false,
            zoom: 1.0,
            recent: Vec::new(),
            last_project: None,
            sources_open: true,
            library_dir: None,
        }
    }
}

impl Prefs {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_MAX);
    }

    /// The reviewer to record, `None` when no name is set.
    pub fn reviewer_name(&self) -> Option<String> {
        non_blank(&self.reviewer)
    }

    /// The claim library's folder: the one chosen, else `library` in `data_dir` (the
    /// user's data folder for claimdesk), else the command line's default.
    pub fn library_root(&self, data_dir: Option<&Path>) -> Option<PathBuf> {
        self.library_dir
            .clone()
            .filter(|p| !p.as_os_str().is_empty())
            .or_else(|| data_dir.map(|d| d.join("library")))
            .or_else(crate::library::Library::default_root)
    }

    /// The zoom factor, within [`ZOOM_RANGE`].
    pub fn clamped_zoom(&self) -> f32 {
        self.zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1)
    }
}

/// `text` trimmed, `None` when that leaves nothing (an optional name or URL field).
pub fn non_blank(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_moves_reopened_file_to_front_and_caps() {
        let mut prefs = Prefs::default();
        for i in 0..12 {
            prefs.remember(Path::new(&format!("/p/{i}.ron")));
        }
        prefs.remember(Path::new("/p/5.ron"));
        assert_eq!(prefs.recent.len(), RECENT_MAX);
        assert_eq!(prefs.recent[0], Path::new("/p/5.ron"));
        assert_eq!(
            prefs.recent.iter().filter(|p| p.ends_with("5.ron")).count(),
            1
        );
    }

    #[test]
    fn blank_reviewer_is_anonymous() {
        let mut prefs = Prefs {
            reviewer: "  ".into(),
            ..Prefs::default()
        };
        assert_eq!(prefs.reviewer_name(), None);
        prefs.reviewer = " Kim ".into();
        assert_eq!(prefs.reviewer_name().as_deref(), Some("Kim"));
    }

    #[test]
    fn prefs_stored_before_the_organisation_field_still_load() {
        let old = r#"(reviewer: "Kim", dark: true, zoom: 1.2, recent: ["/p/a.ron"], last_project: None, sources_open: false)"#;
        let prefs: Prefs = ron::from_str(old).expect("old prefs load");
        assert_eq!(prefs.reviewer, "Kim");
        assert!(prefs.dark);
        assert_eq!(prefs.organization, "");
        assert_eq!(prefs.library_dir, None);
        let saved = ron::to_string(&Prefs {
            organization: "Harbour Fact Desk".into(),
            ..prefs
        })
        .expect("prefs serialise");
        let back: Prefs = ron::from_str(&saved).expect("prefs load");
        assert_eq!(back.organization, "Harbour Fact Desk");
    }

    #[test]
    fn the_library_folder_defaults_to_the_data_folder() {
        let mut prefs = Prefs::default();
        let data = Path::new("/data/claimdesk");
        assert_eq!(prefs.library_root(Some(data)), Some(data.join("library")));
        prefs.library_dir = Some(PathBuf::new());
        assert_eq!(prefs.library_root(Some(data)), Some(data.join("library")));
        prefs.library_dir = Some("/desk/checks".into());
        assert_eq!(prefs.library_root(Some(data)), Some("/desk/checks".into()));
    }
}
