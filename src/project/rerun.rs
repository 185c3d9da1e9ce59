//! An article's claims as a new project, and re-running extraction without losing
//! work: claims an editor touched (reviewed, annotated, added or corrected by hand) stay
//! exactly as they are; the extractor's other claims are replaced by the fresh ones,
//! keeping their ids where the same passage is found again.
//!
//! The window ([`merge`] then its own undoable `Edit::ReplaceExtraction`), `claimdesk
//! new` / `claimdesk rerun` and the tests all go through these functions.

use std::collections::BTreeMap;

use crate::extract::{Extraction, extract_article};
use crate::history::{Edit, EditError, History};
use crate::model::{Article, Claim, ClaimId, Project, Source, SourceId};

/// An imported article and the claims the extractor finds in it, as a new project.
pub fn new_project(article: Article) -> Project {
    let extraction = extract_article(&article);
    Project::new(article, extraction.sources, extraction.claims)
}

/// What [`rerun`] changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rerun {
    /// Claims the extractor found that were not there before.
    pub added: usize,
    /// Edited claims kept as they were.
    pub kept: usize,
}

impl Rerun {
    /// "3 new claims; 2 reviewed or hand-made claims kept."
    pub fn line(&self) -> String {
        format!(
            "{} new claims; {} reviewed or hand-made claims kept.",
            self.added, self.kept
        )
    }
}

/// Re-runs extraction on `project`'s article and merges the result in, as the window's
/// "Re-run extraction" does (the same edit, applied through [`History`]).
pub fn rerun(project: &mut Project) -> Result<Rerun, EditError> {
    let merged = merge(project, extract_article(&project.article));
    let done = Rerun {
        added: merged.added,
        kept: merged.kept,
    };
    History::new().apply(project, merged.into_edit())?;
    Ok(done)
}

/// The lists for `Edit::ReplaceExtraction`, and what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    /// Claims the extractor found that were not there before.
    pub added: usize,
    /// Edited claims kept as they were.
    pub kept: usize,
}

/// Merges a fresh extraction of `project`'s article into it.
///
/// Fresh claims overlapping a kept claim are dropped (the editor's version wins); fresh
/// sources with the name or alias of a known source become that source.
pub fn merge(project: &Project, fresh: Extraction) -> Merged {
    let kept: Vec<&Claim> = project.claims.iter().filter(|c| c.is_edited()).collect();
    let mut next_source = project.next_source_id.max(1);
    let mut next_claim = project.next_claim_id.max(1);

    // Sources the kept claims use stay as they are.
    let mut sources: Vec<Source> = project
        .sources
        .iter()
        .filter(|s| {
            kept.iter()
                .any(|c| c.source.is_some_and(|cs| cs.id == s.id))
        })
        .cloned()
        .collect();

    // Fresh sources: the known entry of the same name (or alias), else a new id.
    let mut source_ids: BTreeMap<SourceId, SourceId> = BTreeMap::new();
    for mut source in fresh.sources {
        let fresh_id = source.id;
        let id = if let Some(old) = project.source_named(&source.name) {
            if let Some(entry) = sources.iter_mut().find(|s| s.id == old.id) {
                entry.mentions.extend(source.mentions);
                entry.mentions.sort();
                entry.mentions.dedup();
            } else {
                let mut entry = old.clone();
                entry.mentions = source.mentions;
                sources.push(entry);
            }
            old.id
        } else {
            let id = SourceId(next_source);
            next_source += 1;
            source.id = id;
            sources.push(source);
            id
        };
        source_ids.insert(fresh_id, id);
    }

    let mut claims: Vec<Claim> = kept.iter().map(|c| (*c).clone()).collect();
    let mut added = 0;
    for mut claim in fresh.claims {
        if kept.iter().any(|k| k.span.overlaps(claim.span)) {
            continue;
        }
        if let Some(source) = &mut claim.source {
            match source_ids.get(&source.id) {
                Some(id) => source.id = *id,
                None => claim.source = None,
            }
        }
        let before = project
            .claims
            .iter()
            .find(|c| !c.is_edited() && c.span == claim.span && c.kind == claim.kind);
        claim.id = if let Some(old) = before {
            old.id
        } else {
            added += 1;
            let id = ClaimId(next_claim);
            next_claim += 1;
            id
        };
        claims.push(claim);
    }
    claims.sort_by_key(|c| (c.span.start, c.span.end, c.id));
    Merged {
        sources,
        claims,
        added,
        kept: kept.len(),
    }
}

impl Merged {
    /// The undoable edit that puts the merged lists into the project.
    pub fn into_edit(self) -> Edit {
        Edit::ReplaceExtraction {
            sources: self.sources,
            claims: self.claims,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;
    use crate::model::{Article, Origin, Review, Span, Verdict};

    const TEXT: &str = "\"The dam is full,\" Water Minister Ana Ruiz said on Monday.\n\
                        Officials said 40 percent of the fields were dry.";

    fn project() -> Project {
        let found = extract_text(TEXT);
        Project::new(Article::from_text("T", TEXT), found.sources, found.claims)
    }

    #[test]
    fn rerun_on_an_untouched_project_changes_nothing() {
        let p = project();
        let merged = merge(&p, extract_text(TEXT));
        assert_eq!(merged.claims, p.claims);
        assert_eq!(merged.sources, p.sources);
        assert_eq!((merged.added, merged.kept), (0, 0));
    }

    #[test]
    fn rerun_keeps_reviewed_and_hand_made_claims() {
        let mut p = project();
        assert!(!p.claims.is_empty());
        p.claims[0].review = Review {
            verdict: Verdict::Disputed,
            note: "checked".into(),
            ..Review::default()
        };
        let reviewed = p.claims[0].clone();
        let manual = Claim {
            id: p.fresh_claim_id(),
            span: Span::new(TEXT.len() - 5, TEXT.len() - 1),
            kind: crate::model::ClaimKind::Fact,
            source: None,
            cue: None,
            reported_in: None,
            score: 1.0,
            reasons: crate::model::Reasons::new(),
            origin: Origin::Manual,
            review: Review::default(),
        };
        p.claims.push(manual.clone());
        p.next_claim_id += 1;
        let merged = merge(&p, extract_text(TEXT));
        assert!(merged.claims.contains(&reviewed));
        assert!(merged.claims.contains(&manual));
        assert_eq!(merged.kept, 2);
        // The reviewed claim's source is still in the registry.
        let source = reviewed.source.map(|s| s.id);
        assert!(source.is_none_or(|id| merged.sources.iter().any(|s| s.id == id)));
        // No claim id twice.
        let mut ids: Vec<_> = merged.claims.iter().map(|c| c.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), merged.claims.len());
    }

    #[test]
    fn deleted_claims_come_back_with_fresh_ids() {
        let mut p = project();
        let gone = p.claims.remove(0);
        let merged = merge(&p, extract_text(TEXT));
        assert_eq!(merged.added, 1);
        let back = merged.claims.iter().find(|c| c.span == gone.span);
        assert!(back.is_some_and(|c| c.id.0 >= p.next_claim_id));
    }

    #[test]
    fn a_new_project_holds_the_extraction() {
        let p = new_project(Article::from_text("T", TEXT));
        let found = extract_text(TEXT);
        assert_eq!(p.claims, found.claims);
        assert_eq!(p.sources, found.sources);
        assert_eq!(p, project());
    }

    #[test]
    fn rerun_applies_the_merge_and_keeps_reviews() {
        let mut p = project();
        p.claims[0].review.verdict = Verdict::Verified;
        let reviewed = p.claims[0].clone();
        let gone = p.claims.remove(1);
        let done = rerun(&mut p).map_err(|e| e.to_string());
        assert_eq!(done, Ok(Rerun { added: 1, kept: 1 }));
        assert!(p.claims.contains(&reviewed));
        assert!(p.claims.iter().any(|c| c.span == gone.span));
        assert!(p.next_claim_id > p.claims.iter().map(|c| c.id.0).max().unwrap_or(0));
        assert_eq!(
            done.map(|d| d.line()).ok().as_deref(),
            Some("1 new claims; 1 reviewed or hand-made claims kept.")
        );
        // A second run finds nothing new.
        assert_eq!(rerun(&mut p).ok(), Some(Rerun { added: 0, kept: 1 }));
    }
}
