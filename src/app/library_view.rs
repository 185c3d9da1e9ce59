//! What the window keeps about the claim library: the library the jobs share, the
//! earlier checks found for the open document, the Library panel, and the claim to
//! select once an earlier project has opened.

use std::path::PathBuf;

use crate::model::ClaimId;

use super::library_work::{Findings, MatchKey, SharedLibrary};
use super::panels::library_panel::LibraryPanelState;

#[derive(Default)]
pub struct LibraryView {
    pub shared: SharedLibrary,
    /// "Checked before" for the open document (or the last one, until the next match).
    pub findings: Findings,
    /// The match asked for last; an answer for another key is out of date.
    pub asked: Option<MatchKey>,
    /// The document's content key and its claims' hash, so the claims are hashed again
    /// only when the document changed.
    pub seen: Option<((u64, u64), u64)>,
    /// Bumped when a job changed the library, so matching runs again.
    pub revision: u64,
    pub panel: LibraryPanelState,
    /// Numbers the panel's searches; only the answer to the last one is shown.
    pub searches: u64,
    /// Select this claim once this project has opened (an earlier check was clicked).
    pub open_at: Option<(PathBuf, ClaimId)>,
}
