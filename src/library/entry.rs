//! A library entry: one claim that was checked, with its verdict and where it comes from.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::{ClaimId, Project};

/// Where an entry comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// A claim of a saved claimdesk project.
    Project { file: PathBuf, claim: ClaimId },
    /// A ClaimReview item (claimdesk's export or a published feed).
    Review {
        file: PathBuf,
        url: Option<String>,
        publisher: Option<String>,
    },
}

impl Origin {
    /// The file the entry was read from.
    pub fn file(&self) -> &Path {
        match self {
            Origin::Project { file, .. } | Origin::Review { file, .. } => file,
        }
    }

    /// The review's publisher, or for a project the file's stem.
    pub fn label(&self) -> String {
        match self {
            Origin::Project { file, .. } => file.file_stem().map_or_else(
                || file.display().to_string(),
                |s| s.to_string_lossy().into(),
            ),
            Origin::Review { publisher, url, .. } => publisher
                .clone()
                .or_else(|| url.clone())
                .unwrap_or_else(|| "ClaimReview".into()),
        }
    }
}

/// One checked claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Unique in the library: `FILE#c12` for a project claim, the review URL or
    /// `FILE#N` for a ClaimReview item.
    pub key: String,
    /// The claim as checked.
    pub claim: String,
    /// The headline of the article or fact-check it belongs to.
    pub title: String,
    /// Who made the claim.
    pub source: Option<String>,
    /// The verdict as its checker worded it ("Disputed", "False", "Mostly true").
    pub verdict: String,
    /// The checker's note or summary.
    pub note: String,
    /// Evidence, one line each ("title — url").
    pub evidence: Vec<String>,
    pub reviewer: Option<String>,
    /// When it was checked.
    pub date: Option<Date>,
    pub origin: Origin,
}

impl Entry {
    /// The publisher of a ClaimReview, or "" for a project claim.
    pub fn publisher(&self) -> &str {
        match &self.origin {
            Origin::Review {
                publisher: Some(p), ..
            } => p,
            _ => "",
        }
    }
}

/// The checked claims of a project: every claim with a verdict. Unreviewed claims were
/// not checked and stay out of the library.
pub fn entries_from_project(project: &Project, file: &Path) -> Vec<Entry> {
    let text = &project.article.text;
    project
        .claims
        .iter()
        .filter(|c| c.review.verdict.is_reviewed())
        .filter_map(|c| {
            let claim = c
                .text(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if claim.is_empty() {
                return None;
            }
            let review = &c.review;
            Some(Entry {
                key: format!("{}#{}", file.display(), c.id),
                claim,
                title: project.article.title.trim().to_owned(),
                source: project
                    .claim_source(c)
                    .map(crate::model::Source::label)
                    .filter(|s| !s.is_empty()),
                verdict: review.verdict.label().to_owned(),
                note: review.note.trim().to_owned(),
                evidence: review
                    .evidence
                    .iter()
                    .map(|e| {
                        [e.title.trim(), e.url.trim(), e.note.trim()]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" — ")
                    })
                    .filter(|s| !s.is_empty())
                    .collect(),
                reviewer: review.reviewer.clone().filter(|r| !r.trim().is_empty()),
                date: review
                    .reviewed_at
                    .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()),
                origin: Origin::Project {
                    file: file.to_path_buf(),
                    claim: c.id,
                },
            })
        })
        .collect()
}

/// Dates as checkers write them: `2024-03-05`, `2024-03-05T10:00:00Z`, `5 March 2024`,
/// `March 5, 2024`, `Mar 5 2024`. `None` for anything else.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() >= 10
        && let Some(d) = s.get(..10).and_then(|p| p.parse::<Date>().ok())
    {
        return Some(d);
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let [a, b, c] = words.as_slice() else {
        return None;
    };
    let (day, month) = match (a.parse::<i8>(), month_number(a)) {
        (Ok(d), _) => (d, month_number(b)?),
        (_, Some(m)) => (b.parse::<i8>().ok()?, m),
        _ => return None,
    };
    let year = c.parse::<i16>().ok()?;
    Date::new(year, month, day).ok()
}

/// `Jan`, `January`, `Sept.` → 1, 1, 9.
pub fn month_number(word: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| w.starts_with(m))?;
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][i];
    (full.starts_with(&w) || w == "sept").then_some(i as i8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Claim, ClaimKind, Origin as ClaimOrigin, Review, Span, Verdict};

    fn claim(id: u32, span: Span, verdict: Verdict) -> Claim {
        Claim {
            id: ClaimId(id),
            span,
            kind: ClaimKind::Fact,
            source: None,
            cue: None,
            reported_in: None,
            score: 0.5,
            reasons: crate::model::Reasons::new(),
            origin: ClaimOrigin::Extracted,
            review: Review {
                verdict,
                note: "Port ledger shows 12.".into(),
                ..Review::default()
            },
        }
    }

    #[test]
    fn only_reviewed_claims_become_entries() {
        let text = "Tolls rose 37 percent. The bridge has 40 lanes.";
        let p = Project::new(
            Article::from_text("Harbour tolls", text),
            vec![],
            vec![
                claim(1, Span::new(0, 22), Verdict::Disputed),
                claim(2, Span::new(23, 47), Verdict::Unreviewed),
            ],
        );
        let e = entries_from_project(&p, Path::new("/lib/harbour.ron"));
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].claim, "Tolls rose 37 percent.");
        assert_eq!(e[0].verdict, "Disputed");
        assert_eq!(e[0].title, "Harbour tolls");
        assert_eq!(e[0].key, "/lib/harbour.ron#c1");
        assert_eq!(e[0].note, "Port ledger shows 12.");
    }

    #[test]
    fn dates_in_the_usual_spellings() {
        let d = Date::new(2015, 5, 26).ok();
        assert_eq!(parse_date("26 May 2015"), d);
        assert_eq!(parse_date("May 26, 2015"), d);
        assert_eq!(parse_date("2015-05-26"), d);
        assert_eq!(parse_date("2015-05-26T08:00:00Z"), d);
        assert_eq!(parse_date("Sept. 3, 2020"), Date::new(2020, 9, 3).ok());
        assert_eq!(parse_date("Mayday 26 2015"), None);
        assert_eq!(parse_date("31 February 2015"), None);
        assert_eq!(parse_date(""), None);
    }
}
