//! An editor's review of one claim.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Verdict {
    #[default]
    Unreviewed,
    Verified,
    Disputed,
    NeedsContext,
    Unverifiable,
}

impl Verdict {
    pub const ALL: [Verdict; 5] = [
        Verdict::Unreviewed,
        Verdict::Verified,
        Verdict::Disputed,
        Verdict::NeedsContext,
        Verdict::Unverifiable,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Unreviewed => "Unreviewed",
            Verdict::Verified => "Verified",
            Verdict::Disputed => "Disputed",
            Verdict::NeedsContext => "Needs context",
            Verdict::Unverifiable => "Unverifiable",
        }
    }

    /// snake_case name for files and flags: `needs_context`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Unreviewed => "unreviewed",
            Verdict::Verified => "verified",
            Verdict::Disputed => "disputed",
            Verdict::NeedsContext => "needs_context",
            Verdict::Unverifiable => "unverifiable",
        }
    }

    pub fn is_reviewed(self) -> bool {
        self != Verdict::Unreviewed
    }

    /// An sRGB colour for highlights and badges, shared by the window and reports.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Verdict::Unreviewed => [250, 214, 92],
            Verdict::Verified => [110, 200, 120],
            Verdict::Disputed => [232, 100, 100],
            Verdict::NeedsContext => [245, 160, 70],
            Verdict::Unverifiable => [160, 160, 190],
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// A piece of evidence attached to a claim.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub url: String,
    pub title: String,
    pub note: String,
}

/// What an editor decided about a claim.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub verdict: Verdict,
    pub note: String,
    pub evidence: Vec<Evidence>,
    /// Who set the verdict last.
    pub reviewer: Option<String>,
    /// When the verdict was last set.
    pub reviewed_at: Option<Timestamp>,
}

impl Review {
    /// Nothing recorded yet.
    pub fn is_blank(&self) -> bool {
        *self == Review::default()
    }
}
