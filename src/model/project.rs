//! A fact-check session: the article, its sources and claims with their reviews.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::{Article, Claim, ClaimId, Orphan, Source, SourceId, SourceKind, Verdict};

/// Everything an editor works on, in memory. Claims are kept in text order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub article: Article,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    /// Claims whose passage is no longer in the article text, with their reviews, in the
    /// order they were orphaned. Their ids are never used by a claim.
    #[serde(default)]
    pub orphans: Vec<Orphan>,
    /// The next free claim id; ids are never reused within a project.
    pub next_claim_id: u32,
    pub next_source_id: u32,
}

/// Counts of claims per verdict, for the status bar and reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub unreviewed: usize,
    pub verified: usize,
    pub disputed: usize,
    pub needs_context: usize,
    pub unverifiable: usize,
}

impl Tally {
    pub fn count(&self, verdict: Verdict) -> usize {
        match verdict {
            Verdict::Unreviewed => self.unreviewed,
            Verdict::Verified => self.verified,
            Verdict::Disputed => self.disputed,
            Verdict::NeedsContext => self.needs_context,
            Verdict::Unverifiable => self.unverifiable,
        }
    }

    pub fn reviewed(&self) -> usize {
        self.total - self.unreviewed
    }

    fn add(&mut self, verdict: Verdict) {
        self.total += 1;
        *match verdict {
            Verdict::Unreviewed => &mut self.unreviewed,
            Verdict::Verified => &mut self.verified,
            Verdict::Disputed => &mut self.disputed,
            Verdict::NeedsContext => &mut self.needs_context,
            Verdict::Unverifiable => &mut self.unverifiable,
        } += 1;
    }

    /// "9 of 15 reviewed · 6 verified · 2 disputed · 1 needs context".
    pub fn summary(&self) -> String {
        let mut out = format!("{} of {} reviewed", self.reviewed(), self.total);
        for verdict in &Verdict::ALL[1..] {
            let n = self.count(*verdict);
            if n > 0 {
                let _ = write!(out, " · {n} {}", verdict.label().to_lowercase());
            }
        }
        out
    }
}

impl Project {
    /// A project from an article and an extraction result.
    pub fn new(article: Article, sources: Vec<Source>, claims: Vec<Claim>) -> Self {
        let next_claim_id = claims.iter().map(|c| c.id.0 + 1).max().unwrap_or(1);
        let next_source_id = sources.iter().map(|s| s.id.0 + 1).max().unwrap_or(1);
        Self {
            article,
            sources,
            claims,
            orphans: Vec::new(),
            next_claim_id,
            next_source_id,
        }
    }

    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    pub fn claim_mut(&mut self, id: ClaimId) -> Option<&mut Claim> {
        self.claims.iter_mut().find(|c| c.id == id)
    }

    pub fn claim_index(&self, id: ClaimId) -> Option<usize> {
        self.claims.iter().position(|c| c.id == id)
    }

    pub fn orphan(&self, id: ClaimId) -> Option<&Orphan> {
        self.orphans.iter().find(|o| o.claim.id == id)
    }

    pub fn source(&self, id: SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The source of a claim, if it has one that exists in the registry.
    pub fn claim_source(&self, claim: &Claim) -> Option<&Source> {
        claim.source.and_then(|s| self.source(s.id))
    }

    /// A source whose name or alias equals `name` (case-insensitive).
    pub fn source_named(&self, name: &str) -> Option<&Source> {
        let name = name.trim();
        self.sources.iter().find(|s| {
            s.name.eq_ignore_ascii_case(name)
                || s.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
    }

    /// A new, unregistered source with a fresh id (the caller adds it through an edit).
    pub fn fresh_source(&self, name: &str, kind: SourceKind) -> Source {
        Source::new(SourceId(self.next_source_id.max(1)), name.trim(), kind)
    }

    pub fn fresh_claim_id(&self) -> ClaimId {
        ClaimId(self.next_claim_id.max(1))
    }

    /// Index at which a claim starting at `start` keeps the claims in text order.
    pub fn insertion_index(&self, start: usize) -> usize {
        self.claims.partition_point(|c| c.span.start <= start)
    }

    pub fn tally(&self) -> Tally {
        let mut t = Tally::default();
        for c in &self.claims {
            t.add(c.review.verdict);
        }
        t
    }

    /// Claims per source, with their verdict tallies; sources with no claims included.
    pub fn tally_by_source(&self) -> BTreeMap<SourceId, Tally> {
        let mut out: BTreeMap<SourceId, Tally> = self
            .sources
            .iter()
            .map(|s| (s.id, Tally::default()))
            .collect();
        for c in &self.claims {
            if let Some(s) = c.source {
                out.entry(s.id).or_default().add(c.review.verdict);
            }
        }
        out
    }

    /// A name for window titles and reports: the file stem, else the article title.
    pub fn display_title(&self) -> &str {
        if self.article.title.trim().is_empty() {
            "Untitled article"
        } else {
            self.article.title.trim()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimKind, Origin, Review, Span};

    fn claim(id: u32, start: usize, verdict: Verdict) -> Claim {
        Claim {
            id: ClaimId(id),
            span: Span::new(start, start + 1),
            kind: ClaimKind::Fact,
            source: None,
            cue: None,
            reported_in: None,
            score: 0.5,
            reasons: crate::model::Reasons::new(),
            origin: Origin::Extracted,
            review: Review {
                verdict,
                ..Review::default()
            },
        }
    }

    #[test]
    fn tally_summary_lists_nonzero_verdicts() {
        let p = Project::new(
            Article::from_text("t", "abcdef"),
            vec![],
            vec![
                claim(1, 0, Verdict::Verified),
                claim(2, 1, Verdict::Disputed),
                claim(3, 2, Verdict::Unreviewed),
            ],
        );
        assert_eq!(
            p.tally().summary(),
            "2 of 3 reviewed · 1 verified · 1 disputed"
        );
        assert_eq!(p.next_claim_id, 4);
    }

    #[test]
    fn insertion_index_keeps_text_order() {
        let p = Project::new(
            Article::from_text("t", "abcdef"),
            vec![],
            vec![
                claim(1, 0, Verdict::Unreviewed),
                claim(2, 4, Verdict::Unreviewed),
            ],
        );
        assert_eq!(p.insertion_index(2), 1);
        assert_eq!(p.insertion_index(5), 2);
    }
}
