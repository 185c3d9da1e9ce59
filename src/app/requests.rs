//! Plain data the app's requests carry: what to export, which source a claim gets, which
//! file to pick and why, an autosave to offer back, what to do after a prompt. Actions,
//! dialogs and jobs all speak in these; this module imports none of them.

use std::path::PathBuf;
use std::time::SystemTime;

use crate::model::{SourceId, SourceKind};
use crate::report::Format;

/// The Export form: what to export and the details the report carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportForm {
    pub format: Format,
    pub reviewed_only: bool,
    /// The publishing organisation; each export starts from
    /// [`Prefs::organization`](super::prefs::Prefs::organization) and may change it for
    /// that export only.
    pub organization: String,
    /// Where the report will be published (ClaimReview links each claim to `URL#c12`);
    /// remembered for the next export of the same document. Empty means none.
    pub url: String,
}

impl Default for ExportForm {
    fn default() -> Self {
        Self {
            format: Format::Html,
            reviewed_only: false,
            organization: String::new(),
            url: String::new(),
        }
    }
}

/// A source as picked or typed in the Add claim and Details forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceChoice {
    None,
    Existing(SourceId),
    New { name: String, kind: SourceKind },
}

/// What a file dialog is for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PickRequest {
    pub title: String,
    /// (name, extensions without dots)
    pub filters: Vec<(String, Vec<String>)>,
    pub file_name: Option<String>,
    pub directory: Option<PathBuf>,
}

/// Why a file is being picked.
#[derive(Clone, Debug, PartialEq)]
pub enum PickPurpose {
    ImportArticle,
    /// A corrected version of the open project's article.
    UpdateArticle,
    OpenProject,
    SaveAs,
    Export(ExportForm),
}

impl PickPurpose {
    /// True if the picked file will be written (Save as, Export).
    pub fn saves(&self) -> bool {
        matches!(self, PickPurpose::SaveAs | PickPurpose::Export(_))
    }
}

/// An autosaved copy that is newer than the project it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryOffer {
    pub recovery: PathBuf,
    /// The project it recovers; `None` for an article never saved.
    pub project_path: Option<PathBuf>,
    pub modified: Option<SystemTime>,
}

/// What to do once the unsaved-changes prompt is answered with Save or Discard.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    Close,
    Open(PathBuf),
    /// Show New from link.
    NewFromLink,
    /// Show New from clipboard.
    NewFromClipboard,
}

/// What a file dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    File(PathBuf),
    Cancelled,
    /// No system dialog could be shown (why, in words); the window shows its own.
    Unavailable(String),
}

/// One entry of a folder listed by the in-window file dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderEntry {
    pub name: String,
    pub is_dir: bool,
}
