//! Orphans: claims whose passage is no longer in the article.

use serde::{Deserialize, Serialize};

use super::{Claim, ClaimId};

/// A claim that could not be placed in the article's current text (the outlet corrected
/// the story and the passage is gone, even approximately). It keeps its review, note and
/// evidence until an editor attaches it to a passage again or deletes it; it is saved in
/// the project file and listed in every report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Orphan {
    /// The claim as it was. Its spans (the claim's, its cue's, its source mention's)
    /// index the text it was last placed in, not the current one.
    pub claim: Claim,
    /// The claim's text when it was last placed.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`](crate::project::CONTEXT_CHARS) characters before and after
    /// it then.
    pub prefix: String,
    pub suffix: String,
}

impl Orphan {
    pub fn id(&self) -> ClaimId {
        self.claim.id
    }
}
