//! The edits the fact-check window makes, their labels, and why one can be refused.

use jiff::Timestamp;
use thiserror::Error;

use crate::model::{
    Claim, ClaimId, ClaimKind, ClaimSource, Evidence, Project, Source, SourceId, Span, Verdict,
};

/// One change to a [`Project`], as the window asks for it.
///
/// Edits are applied (and undone) only through [`History::apply`](super::History::apply),
/// which validates them against the project first. Claims are named by id, evidence by
/// its index in the claim's list.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Sets a claim's verdict and who set it when. Setting the verdict a claim already
    /// has is a no-op: the reviewer and time stay as they were.
    SetVerdict {
        claim: ClaimId,
        verdict: Verdict,
        reviewer: Option<String>,
        at: Option<Timestamp>,
    },
    /// Replaces a claim's review note. Consecutive notes on one claim coalesce.
    SetNote { claim: ClaimId, note: String },
    /// Appends evidence to a claim.
    AddEvidence { claim: ClaimId, evidence: Evidence },
    /// Replaces one piece of evidence. Consecutive updates of one item coalesce.
    UpdateEvidence {
        claim: ClaimId,
        index: usize,
        evidence: Evidence,
    },
    /// Removes one piece of evidence; later items move up.
    RemoveEvidence { claim: ClaimId, index: usize },
    /// Adds a claim in text order ([`Project::insertion_index`]), registering
    /// `new_source` (which the claim must be attributed to) in the same step. The claim
    /// is stored as given, `origin` included; the next free ids move past the new ones.
    AddClaim {
        /// Boxed: a claim is many times the size of any other edit.
        claim: Box<Claim>,
        new_source: Option<Source>,
    },
    /// Deletes a claim; its source stays in the registry.
    DeleteClaim { claim: ClaimId },
    /// Attributes a claim to a source (or to none), registering a typed `new_source` in
    /// the same step. Marks the claim [`Origin::Manual`](crate::model::Origin::Manual).
    SetClaimSource {
        claim: ClaimId,
        source: Option<ClaimSource>,
        new_source: Option<Source>,
    },
    /// Corrects a claim's kind. Marks the claim manual.
    SetClaimKind { claim: ClaimId, kind: ClaimKind },
    /// Corrects a claim's extent; the claim moves if text order needs it. Marks the
    /// claim manual.
    SetClaimSpan { claim: ClaimId, span: Span },
    /// Replaces the registry entry with the same id (rename, role, kind, aliases).
    UpdateSource { source: Source },
    /// Folds `from` into `into`: claims attributed to `from` move to `into` (and become
    /// manual), `from`'s names become aliases of `into`, its mentions join `into`'s, and
    /// `from` leaves the registry.
    MergeSources { from: SourceId, into: SourceId },
    /// Removes a source from the registry; claims attributed to it lose their source
    /// (and become manual).
    RemoveSource { source: SourceId },
    /// Swaps in the result of re-running extraction. The caller merges old and new
    /// (keeping manual and reviewed claims); this edit only swaps the whole lists, sorts
    /// the claims into text order and moves the next free ids past every id used.
    ReplaceExtraction {
        sources: Vec<Source>,
        claims: Vec<Claim>,
    },
    /// Places an orphan (a claim whose passage left the article) at `span` of the current
    /// text: it becomes a claim again with its review, made manual; its old cue and source
    /// mention, which indexed the old text, are dropped (the source itself stays).
    AttachOrphan { claim: ClaimId, span: Span },
    /// Deletes an orphan and its review.
    DeleteOrphan { claim: ClaimId },
    /// Swaps in a corrected version of the article with every claim placed again, as
    /// [`update_article`](crate::project::update_article) made it. Undo brings back the
    /// article as it was, with its claims.
    UpdateArticle { project: Box<Project> },
}

impl Edit {
    /// A label for menus and the undo button: "Set verdict: Disputed", "Delete claim c4".
    ///
    /// Sources are named by id unless the edit itself carries the source; use
    /// [`Edit::label_in`] for "Set source: Ines Vale".
    pub fn label(&self) -> String {
        self.describe(None)
    }

    /// Like [`Edit::label`], but names sources from `project`'s registry. [`History`]
    /// labels its entries this way, against the project the edit was applied to.
    ///
    /// [`History`]: super::History
    pub fn label_in(&self, project: &Project) -> String {
        self.describe(Some(project))
    }

    fn describe(&self, project: Option<&Project>) -> String {
        let name = |id: SourceId, new_source: Option<&Source>| -> String {
            new_source
                .filter(|s| s.id == id)
                .or_else(|| project.and_then(|p| p.source(id)))
                .map_or_else(|| id.to_string(), |s| s.name.clone())
        };
        match self {
            Edit::SetVerdict { verdict, .. } => format!("Set verdict: {}", verdict.label()),
            Edit::SetNote { .. } => "Edit note".to_owned(),
            Edit::AddEvidence { .. } => "Add evidence".to_owned(),
            Edit::UpdateEvidence { .. } => "Edit evidence".to_owned(),
            Edit::RemoveEvidence { .. } => "Remove evidence".to_owned(),
            Edit::AddClaim { .. } => "Add claim".to_owned(),
            Edit::DeleteClaim { claim } => format!("Delete claim {claim}"),
            Edit::SetClaimSource {
                source: Some(source),
                new_source,
                ..
            } => format!("Set source: {}", name(source.id, new_source.as_ref())),
            Edit::SetClaimSource { source: None, .. } => "Clear source".to_owned(),
            Edit::SetClaimKind { kind, .. } => format!("Set kind: {}", kind.label()),
            Edit::SetClaimSpan { .. } => "Adjust claim extent".to_owned(),
            Edit::UpdateSource { source } => format!("Edit source: {}", source.name),
            Edit::MergeSources { from, into } => {
                format!("Merge {} into {}", name(*from, None), name(*into, None))
            }
            Edit::RemoveSource { source } => format!("Remove source: {}", name(*source, None)),
            Edit::ReplaceExtraction { .. } => "Re-run extraction".to_owned(),
            Edit::AttachOrphan { claim, .. } => format!("Attach orphan {claim}"),
            Edit::DeleteOrphan { claim } => format!("Delete orphan {claim}"),
            Edit::UpdateArticle { .. } => "Update article".to_owned(),
        }
    }
}

/// Why an edit was refused. A refused edit changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("claim {0} does not exist (it may have been deleted); select the claim again")]
    UnknownClaim(ClaimId),
    #[error("claim {0} already exists; a new claim needs a fresh id")]
    DuplicateClaim(ClaimId),
    #[error("source {0} is not in the source registry; add it as a new source")]
    UnknownSource(SourceId),
    #[error("source {0} is already in the source registry; a new source needs a fresh id")]
    DuplicateSource(SourceId),
    #[error("new source {0} would not be used: the claim is not attributed to it")]
    UnusedNewSource(SourceId),
    #[error("source {0} cannot be merged into itself")]
    MergeIntoSelf(SourceId),
    #[error("claim {claim} has {len} pieces of evidence; there is none at index {index}")]
    EvidenceOutOfRange {
        claim: ClaimId,
        index: usize,
        len: usize,
    },
    #[error(
        "span {span} does not lie on character boundaries of the article text ({len} bytes); \
         re-select the passage"
    )]
    InvalidSpan { span: Span, len: usize },
    #[error("span {0} covers no text; a claim needs at least one character")]
    EmptySpan(Span),
    #[error("orphan {0} does not exist (it may have been attached or deleted)")]
    UnknownOrphan(ClaimId),
}
