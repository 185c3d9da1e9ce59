//! "Checked before": the earlier checks of each claim of a project, as the window shows
//! them beside the claim and in the claims table.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::model::{Claim, ClaimId, Project, Source};

use super::entry::{Origin, parse_date};
use super::query::MatchQuery;
use super::{Hit, Library, LibraryError};

/// How much two claims must share to count as the same claim checked before: the mean of
/// the rarity-weighted share of the new claim's words found in the earlier one and of
/// the earlier one's words found in the new one ([`Hit::overlap`]). Unrelated claims on
/// the same topic share a word or two and stay well below; rewordings share most.
pub const MIN_OVERLAP: f32 = 0.45;

/// The query for one claim of `project`: its text on one line, the article's date and
/// the claim's source.
pub fn claim_query(project: &Project, claim: &Claim) -> MatchQuery {
    let text = claim
        .text(&project.article.text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    MatchQuery {
        text,
        date: project.article.published.as_deref().and_then(parse_date),
        speaker: project
            .claim_source(claim)
            .filter(|s| !s.name.trim().is_empty())
            .map(Source::label),
    }
}

/// The queries for every claim of `project`, in claim order (one pass over the claims).
pub fn claim_queries(project: &Project) -> Vec<(ClaimId, MatchQuery)> {
    project
        .claims
        .iter()
        .map(|c| (c.id, claim_query(project, c)))
        .collect()
}

impl Library {
    /// For each query, the earlier checks that match it at least [`MIN_OVERLAP`], best
    /// first, at most `limit`. Entries read from `own_file` (the project being checked,
    /// once it was saved into the library) are left out. Claims without an earlier check
    /// are absent from the map.
    pub fn checked_before(
        &self,
        queries: &[(ClaimId, MatchQuery)],
        own_file: Option<&Path>,
        limit: usize,
    ) -> Result<BTreeMap<ClaimId, Vec<Hit>>, LibraryError> {
        let own: Option<PathBuf> =
            own_file.map(|f| std::path::absolute(f).unwrap_or_else(|_| f.to_path_buf()));
        let mut out = BTreeMap::new();
        if self.is_empty() {
            return Ok(out);
        }
        for (id, query) in queries {
            if query.text.trim().is_empty() {
                continue;
            }
            let hits: Vec<Hit> = self
                .matches(query, super::rank::Model::builtin().candidates)?
                .into_iter()
                .filter(|h| h.overlap >= MIN_OVERLAP)
                .filter(|h| {
                    !matches!((&h.entry.origin, &own),
                        (Origin::Project { file, .. }, Some(own)) if file == own)
                })
                .take(limit)
                .collect();
            if !hits.is_empty() {
                out.insert(*id, hits);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ClaimKind, ClaimSource, Origin as ClaimOrigin, Review};
    use crate::model::{SourceId, SourceKind, Span};

    fn project() -> Project {
        let text = "The ferry fare rose 12 percent. Nobody said anything.";
        let mut article = Article::from_text("Ferry", text);
        article.published = Some("4 March 2025".into());
        let claim = Claim {
            id: ClaimId(1),
            span: Span::new(0, 31),
            kind: ClaimKind::Statistic,
            source: Some(ClaimSource {
                id: SourceId(1),
                mention: None,
            }),
            cue: None,
            reported_in: None,
            score: 0.8,
            reasons: crate::model::Reasons::new(),
            origin: ClaimOrigin::Extracted,
            review: Review::default(),
        };
        let source = Source::new(SourceId(1), "Ines Vale", SourceKind::Person);
        Project::new(article, vec![source], vec![claim])
    }

    #[test]
    fn a_claim_query_carries_the_article_date_and_the_source() {
        let p = project();
        let q = claim_query(&p, &p.claims[0]);
        assert_eq!(q.text, "The ferry fare rose 12 percent.");
        assert_eq!(q.date, jiff::civil::Date::new(2025, 3, 4).ok());
        assert_eq!(q.speaker.as_deref(), Some("Ines Vale"));
        assert_eq!(claim_queries(&p).len(), 1);
    }

    #[test]
    fn an_empty_library_has_no_earlier_checks() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let (lib, _) = Library::open(dir.path())?;
        let found = lib.checked_before(&claim_queries(&project()), None, 3)?;
        assert!(found.is_empty());
        Ok(())
    }
}
