//! Turning an [`Edit`] into [`Change`]s: validate against the project, then list the
//! primitive changes that perform it. Nothing here mutates the project.

use std::collections::BTreeSet;

use super::change::Change;
use super::edit::{Edit, EditError};
use crate::model::{Claim, ClaimId, ClaimSource, Origin, Project, Source, SourceId, Span};

/// Which consecutive edits may share one undo entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MergeKey {
    Note(ClaimId),
    Evidence(ClaimId, usize),
}

/// What applying an edit takes; no changes means the edit is a no-op.
#[derive(Debug, Default)]
pub(super) struct Plan {
    pub changes: Vec<Change>,
    pub merge: Option<MergeKey>,
}

impl Plan {
    fn new(changes: Vec<Change>) -> Self {
        Self {
            changes,
            merge: None,
        }
    }

    /// Swaps in `updated` for the claim with its id; a no-op if nothing differs.
    fn claim(current: &Claim, updated: Claim) -> Self {
        if *current == updated {
            Self::default()
        } else {
            Self::new(vec![Change::Claim(Box::new(updated))])
        }
    }

    fn merging(mut self, key: MergeKey) -> Self {
        self.merge = Some(key);
        self
    }
}

/// Validates `edit` against `project` and lists the changes that apply it.
pub(super) fn plan(project: &Project, edit: Edit) -> Result<Plan, EditError> {
    let text = project.article.text.as_str();
    match edit {
        Edit::SetVerdict {
            claim,
            verdict,
            reviewer,
            at,
        } => {
            let current = find_claim(project, claim)?;
            if current.review.verdict == verdict {
                return Ok(Plan::default());
            }
            let mut updated = current.clone();
            updated.review.verdict = verdict;
            updated.review.reviewer = reviewer;
            updated.review.reviewed_at = at;
            Ok(Plan::claim(current, updated))
        }
        Edit::SetNote { claim, note } => {
            let current = find_claim(project, claim)?;
            let mut updated = current.clone();
            updated.review.note = note;
            Ok(Plan::claim(current, updated).merging(MergeKey::Note(claim)))
        }
        Edit::AddEvidence { claim, evidence } => {
            let current = find_claim(project, claim)?;
            let mut updated = current.clone();
            updated.review.evidence.push(evidence);
            Ok(Plan::claim(current, updated))
        }
        Edit::UpdateEvidence {
            claim,
            index,
            evidence,
        } => {
            let current = find_claim(project, claim)?;
            check_evidence_index(current, index)?;
            let mut updated = current.clone();
            updated.review.evidence[index] = evidence;
            Ok(Plan::claim(current, updated).merging(MergeKey::Evidence(claim, index)))
        }
        Edit::RemoveEvidence { claim, index } => {
            let current = find_claim(project, claim)?;
            check_evidence_index(current, index)?;
            let mut updated = current.clone();
            updated.review.evidence.remove(index);
            Ok(Plan::claim(current, updated))
        }
        Edit::AddClaim { claim, new_source } => {
            if project.claim(claim.id).is_some() {
                return Err(EditError::DuplicateClaim(claim.id));
            }
            check_claim_spans(text, &claim)?;
            check_attribution(project, claim.source, new_source.as_ref())?;
            let mut changes = Vec::new();
            let next_claim_id = project.next_claim_id.max(claim.id.0.saturating_add(1));
            let next_source_id = new_source.as_ref().map_or(project.next_source_id, |s| {
                project.next_source_id.max(s.id.0.saturating_add(1))
            });
            push_counters(project, &mut changes, next_claim_id, next_source_id);
            if let Some(source) = new_source {
                changes.push(Change::SourceSlot {
                    index: project.sources.len(),
                    source: Some(Box::new(source)),
                });
            }
            changes.push(Change::ClaimSlot {
                index: project.insertion_index(claim.span.start),
                claim: Some(claim),
            });
            Ok(Plan::new(changes))
        }
        Edit::DeleteClaim { claim } => {
            let index = project
                .claim_index(claim)
                .ok_or(EditError::UnknownClaim(claim))?;
            Ok(Plan::new(vec![Change::ClaimSlot { index, claim: None }]))
        }
        Edit::SetClaimSource {
            claim,
            source,
            new_source,
        } => {
            let current = find_claim(project, claim)?;
            if let Some(mention) = source.and_then(|s| s.mention) {
                check_span(text, mention)?;
            }
            check_attribution(project, source, new_source.as_ref())?;
            if current.source == source && new_source.is_none() {
                return Ok(Plan::default());
            }
            let mut changes = Vec::new();
            if let Some(new_source) = new_source {
                let next_source_id = project
                    .next_source_id
                    .max(new_source.id.0.saturating_add(1));
                push_counters(project, &mut changes, project.next_claim_id, next_source_id);
                changes.push(Change::SourceSlot {
                    index: project.sources.len(),
                    source: Some(Box::new(new_source)),
                });
            }
            let mut updated = current.clone();
            updated.source = source;
            updated.origin = Origin::Manual;
            changes.push(Change::Claim(Box::new(updated)));
            Ok(Plan::new(changes))
        }
        Edit::SetClaimKind { claim, kind } => {
            let current = find_claim(project, claim)?;
            if current.kind == kind {
                return Ok(Plan::default());
            }
            let mut updated = current.clone();
            updated.kind = kind;
            updated.origin = Origin::Manual;
            Ok(Plan::claim(current, updated))
        }
        Edit::SetClaimSpan { claim, span } => plan_span(project, claim, span),
        Edit::UpdateSource { source } => {
            let current = project
                .source(source.id)
                .ok_or(EditError::UnknownSource(source.id))?;
            check_source_spans(text, &source)?;
            if *current == source {
                return Ok(Plan::default());
            }
            Ok(Plan::new(vec![Change::Source(Box::new(source))]))
        }
        Edit::MergeSources { from, into } => plan_merge(project, from, into),
        Edit::RemoveSource { source } => {
            let index = source_index(project, source)?;
            let mut changes = reattribute(project, source, None);
            changes.push(Change::SourceSlot {
                index,
                source: None,
            });
            Ok(Plan::new(changes))
        }
        Edit::ReplaceExtraction { sources, claims } => plan_extraction(project, sources, claims),
        Edit::AttachOrphan { claim, span } => plan_attach(project, claim, span),
        Edit::DeleteOrphan { claim } => {
            let index = orphan_index(project, claim)?;
            Ok(Plan::new(vec![Change::OrphanSlot {
                index,
                orphan: None,
            }]))
        }
        Edit::UpdateArticle { project: updated } => {
            let mut seen = BTreeSet::new();
            for claim in &updated.claims {
                if !seen.insert(claim.id) {
                    return Err(EditError::DuplicateClaim(claim.id));
                }
                check_claim_spans(&updated.article.text, claim)?;
            }
            if *updated == *project {
                return Ok(Plan::default());
            }
            Ok(Plan::new(vec![Change::Project(updated)]))
        }
    }
}

fn plan_span(project: &Project, claim: ClaimId, span: Span) -> Result<Plan, EditError> {
    let index = project
        .claim_index(claim)
        .ok_or(EditError::UnknownClaim(claim))?;
    check_claim_span(&project.article.text, span)?;
    let claims = &project.claims;
    let current = &claims[index];
    if current.span == span {
        return Ok(Plan::default());
    }
    let mut updated = current.clone();
    updated.span = span;
    updated.origin = Origin::Manual;
    // Stay put if text order allows it, so claims starting together keep their order.
    let fits = index
        .checked_sub(1)
        .is_none_or(|before| claims[before].span.start <= span.start)
        && claims
            .get(index + 1)
            .is_none_or(|after| span.start <= after.span.start);
    if fits {
        return Ok(Plan::claim(current, updated));
    }
    // Where it goes once removed from its old place.
    let to = project.insertion_index(span.start);
    let to = if to > index { to - 1 } else { to };
    Ok(Plan::new(vec![
        Change::ClaimSlot { index, claim: None },
        Change::ClaimSlot {
            index: to,
            claim: Some(Box::new(updated)),
        },
    ]))
}

fn plan_attach(project: &Project, claim: ClaimId, span: Span) -> Result<Plan, EditError> {
    let index = orphan_index(project, claim)?;
    check_claim_span(&project.article.text, span)?;
    let mut placed = project.orphans[index].claim.clone();
    placed.span = span;
    // The cue, the report and the mention indexed the text the claim was last placed in.
    placed.cue = None;
    placed.reported_in = None;
    placed.source = placed
        .source
        .filter(|s| project.source(s.id).is_some())
        .map(|s| ClaimSource {
            id: s.id,
            mention: None,
        });
    placed.origin = Origin::Manual;
    let mut changes = vec![Change::OrphanSlot {
        index,
        orphan: None,
    }];
    changes.push(Change::ClaimSlot {
        index: project.insertion_index(span.start),
        claim: Some(Box::new(placed)),
    });
    Ok(Plan::new(changes))
}

fn orphan_index(project: &Project, id: ClaimId) -> Result<usize, EditError> {
    project
        .orphans
        .iter()
        .position(|o| o.id() == id)
        .ok_or(EditError::UnknownOrphan(id))
}

fn plan_merge(project: &Project, from: SourceId, into: SourceId) -> Result<Plan, EditError> {
    if from == into {
        return Err(EditError::MergeIntoSelf(from));
    }
    let from_index = source_index(project, from)?;
    let gone = &project.sources[from_index];
    let kept = project.source(into).ok_or(EditError::UnknownSource(into))?;
    let mut merged = kept.clone();
    for name in std::iter::once(&gone.name).chain(&gone.aliases) {
        let known = merged.name.eq_ignore_ascii_case(name)
            || merged.aliases.iter().any(|a| a.eq_ignore_ascii_case(name));
        if !known && !name.trim().is_empty() {
            merged.aliases.push(name.clone());
        }
    }
    merged.mentions.extend(gone.mentions.iter().copied());
    merged.mentions.sort_unstable();
    merged.mentions.dedup();
    if merged.role.is_none() {
        merged.role.clone_from(&gone.role);
    }
    let mut changes = reattribute(project, from, Some(into));
    if merged != *kept {
        changes.push(Change::Source(Box::new(merged)));
    }
    changes.push(Change::SourceSlot {
        index: from_index,
        source: None,
    });
    Ok(Plan::new(changes))
}

fn plan_extraction(
    project: &Project,
    sources: Vec<Source>,
    mut claims: Vec<Claim>,
) -> Result<Plan, EditError> {
    let text = project.article.text.as_str();
    let mut seen = BTreeSet::new();
    for source in &sources {
        if !seen.insert(source.id) {
            return Err(EditError::DuplicateSource(source.id));
        }
        check_source_spans(text, source)?;
    }
    let mut seen = BTreeSet::new();
    for claim in &claims {
        if !seen.insert(claim.id) {
            return Err(EditError::DuplicateClaim(claim.id));
        }
        check_claim_spans(text, claim)?;
    }
    claims.sort_by_key(|c| c.span.start);
    let next_claim_id = claims
        .iter()
        .map(|c| c.id.0.saturating_add(1))
        .fold(project.next_claim_id, u32::max);
    let next_source_id = sources
        .iter()
        .map(|s| s.id.0.saturating_add(1))
        .fold(project.next_source_id, u32::max);
    let mut changes = Vec::new();
    push_counters(project, &mut changes, next_claim_id, next_source_id);
    if sources != project.sources || claims != project.claims {
        changes.push(Change::Lists { sources, claims });
    }
    Ok(Plan::new(changes))
}

/// Whole-claim swaps moving every claim attributed to `from` over to `to` (or to no
/// source), keeping the mention; the claims become manual.
fn reattribute(project: &Project, from: SourceId, to: Option<SourceId>) -> Vec<Change> {
    project
        .claims
        .iter()
        .filter_map(|claim| {
            let source = claim.source.filter(|s| s.id == from)?;
            let mut updated = claim.clone();
            updated.source = to.map(|id| ClaimSource {
                id,
                mention: source.mention,
            });
            updated.origin = Origin::Manual;
            Some(Change::Claim(Box::new(updated)))
        })
        .collect()
}

fn push_counters(
    project: &Project,
    changes: &mut Vec<Change>,
    next_claim_id: u32,
    next_source_id: u32,
) {
    if (next_claim_id, next_source_id) != (project.next_claim_id, project.next_source_id) {
        changes.push(Change::Counters {
            next_claim_id,
            next_source_id,
        });
    }
}

fn find_claim(project: &Project, id: ClaimId) -> Result<&Claim, EditError> {
    project.claim(id).ok_or(EditError::UnknownClaim(id))
}

fn source_index(project: &Project, id: SourceId) -> Result<usize, EditError> {
    project
        .sources
        .iter()
        .position(|s| s.id == id)
        .ok_or(EditError::UnknownSource(id))
}

fn check_evidence_index(claim: &Claim, index: usize) -> Result<(), EditError> {
    let len = claim.review.evidence.len();
    if index < len {
        Ok(())
    } else {
        Err(EditError::EvidenceOutOfRange {
            claim: claim.id,
            index,
            len,
        })
    }
}

/// A claim's source must be registered, or be the new source registered with it; a new
/// source must be fresh and must be the one the claim is attributed to.
fn check_attribution(
    project: &Project,
    source: Option<ClaimSource>,
    new_source: Option<&Source>,
) -> Result<(), EditError> {
    if let Some(new_source) = new_source {
        if project.source(new_source.id).is_some() {
            return Err(EditError::DuplicateSource(new_source.id));
        }
        if source.is_none_or(|s| s.id != new_source.id) {
            return Err(EditError::UnusedNewSource(new_source.id));
        }
        check_source_spans(&project.article.text, new_source)?;
    } else if let Some(source) = source
        && project.source(source.id).is_none()
    {
        return Err(EditError::UnknownSource(source.id));
    }
    Ok(())
}

fn check_span(text: &str, span: Span) -> Result<(), EditError> {
    if span.is_valid_for(text) {
        Ok(())
    } else {
        Err(EditError::InvalidSpan {
            span,
            len: text.len(),
        })
    }
}

fn check_claim_span(text: &str, span: Span) -> Result<(), EditError> {
    check_span(text, span)?;
    if span.is_empty() {
        return Err(EditError::EmptySpan(span));
    }
    Ok(())
}

fn check_claim_spans(text: &str, claim: &Claim) -> Result<(), EditError> {
    check_claim_span(text, claim.span)?;
    if let Some(cue) = &claim.cue {
        check_span(text, cue.span)?;
    }
    if let Some(reported) = &claim.reported_in {
        check_span(text, reported.span)?;
    }
    if let Some(mention) = claim.source.and_then(|s| s.mention) {
        check_span(text, mention)?;
    }
    Ok(())
}

fn check_source_spans(text: &str, source: &Source) -> Result<(), EditError> {
    source
        .mentions
        .iter()
        .try_for_each(|&mention| check_span(text, mention))
}
