//! schema.org ClaimReview JSON-LD ([`Format::ClaimReview`](super::Format::ClaimReview)
//! documents it).

use serde::Serialize;

use super::view::{Entry, Report, UNNAMED_SOURCE, is_http_url, one_line};
use std::io;

use super::Format;
use super::sink::{LazySeq, ScriptSafe, json_to};
use crate::model::{Source, SourceKind, Verdict};

/// `bestRating` of every ClaimReview rating.
pub const BEST_RATING: u8 = 5;

/// `worstRating` of every ClaimReview rating.
pub const WORST_RATING: u8 = 1;

/// The `ratingValue` a verdict gets in a ClaimReview, on a scale from [`WORST_RATING`]
/// (false) to [`BEST_RATING`] (true).
///
/// | Verdict | ratingValue | alternateName |
/// |---|---|---|
/// | Verified | 5 | Verified |
/// | Needs context | 3 | Needs context |
/// | Disputed | 1 | Disputed |
/// | Unverifiable | *(none)* | Unverifiable |
/// | Unreviewed | *(not exported)* | |
///
/// "Unverifiable" says nothing about truth, so it gets no number: its rating carries
/// only the textual `alternateName` (with the same best/worst scale), which is how
/// ClaimReview expresses a rating that is not on the scale.
///
/// ```
/// use claimdesk::model::Verdict;
/// use claimdesk::report::claimreview_rating;
/// assert_eq!(claimreview_rating(Verdict::Verified), Some(5));
/// assert_eq!(claimreview_rating(Verdict::NeedsContext), Some(3));
/// assert_eq!(claimreview_rating(Verdict::Disputed), Some(1));
/// assert_eq!(claimreview_rating(Verdict::Unverifiable), None);
/// ```
pub fn claimreview_rating(verdict: Verdict) -> Option<u8> {
    match verdict {
        Verdict::Verified => Some(BEST_RATING),
        Verdict::NeedsContext => Some(3),
        Verdict::Disputed => Some(WORST_RATING),
        Verdict::Unverifiable | Verdict::Unreviewed => None,
    }
}

const CONTEXT: &str = "https://schema.org";

pub(super) fn render(report: &Report<'_>, out: &mut dyn io::Write) -> io::Result<()> {
    let reviews = LazySeq::new(
        report
            .entries
            .iter()
            .chain(&report.orphans)
            .filter(|e| e.claim.review.verdict.is_reviewed())
            .filter_map(|e| claim_review(report, e)),
    );
    json_to(&reviews, Format::ClaimReview, &mut ScriptSafe(out))
}

#[derive(Serialize)]
struct ClaimReview<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(rename = "claimReviewed")]
    claim_reviewed: String,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Agent<'a>>,
    #[serde(rename = "reviewRating")]
    review_rating: ReviewRating,
    #[serde(rename = "itemReviewed")]
    item_reviewed: ItemReviewed<'a>,
}

#[derive(Serialize)]
struct ReviewRating {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "ratingValue", skip_serializing_if = "Option::is_none")]
    rating_value: Option<u8>,
    #[serde(rename = "bestRating")]
    best_rating: u8,
    #[serde(rename = "worstRating")]
    worst_rating: u8,
    #[serde(rename = "alternateName")]
    alternate_name: &'static str,
}

#[derive(Serialize)]
struct Agent<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "jobTitle", skip_serializing_if = "Option::is_none")]
    job_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

impl<'a> Agent<'a> {
    fn new(kind: &'static str, name: &'a str) -> Self {
        Agent {
            kind,
            name,
            job_title: None,
            description: None,
        }
    }
}

#[derive(Serialize)]
struct ItemReviewed<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Agent<'a>>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    appearance: Appearance<'a>,
    /// The report the article cites the claim from ("an analysis for The Harbour
    /// Gazette"): the claim's earliest known occurrence, described in the article's words.
    #[serde(rename = "firstAppearance", skip_serializing_if = "Option::is_none")]
    first_appearance: Option<CitedReport>,
}

#[derive(Serialize)]
struct CitedReport {
    #[serde(rename = "@type")]
    kind: &'static str,
    description: String,
}

#[derive(Serialize)]
struct Appearance<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Agent<'a>>,
}

fn claim_review<'a>(report: &Report<'a>, entry: &Entry<'a>) -> Option<ClaimReview<'a>> {
    let text = entry.text.map(one_line).filter(|t| !t.is_empty())?;
    let claim = entry.claim;
    let options = report.options;
    let article = &report.project.article;
    let verdict = claim.review.verdict;
    let nonblank = |s: &'a Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let url = nonblank(&options.url).filter(|u| is_http_url(u)).map(|u| {
        if u.contains('#') {
            u.to_owned()
        } else {
            format!("{u}#{}", claim.id)
        }
    });
    let author = nonblank(&options.organization)
        .map(|org| Agent::new("Organization", org))
        .or_else(|| nonblank(&options.reviewer).map(|who| Agent::new("Person", who)));
    let date_published = options
        .generated_at
        .or(claim.review.reviewed_at)
        .map(|t| t.to_string());
    Some(ClaimReview {
        context: CONTEXT,
        kind: "ClaimReview",
        url,
        claim_reviewed: text.into_owned(),
        date_published,
        author,
        review_rating: ReviewRating {
            kind: "Rating",
            rating_value: claimreview_rating(verdict),
            best_rating: BEST_RATING,
            worst_rating: WORST_RATING,
            alternate_name: verdict.label(),
        },
        item_reviewed: ItemReviewed {
            kind: "Claim",
            author: entry.source.map(source_agent),
            date_published: nonblank(&article.published),
            appearance: Appearance {
                kind: "CreativeWork",
                headline: report.title(),
                url: nonblank(&article.url),
                publisher: nonblank(&article.site).map(|site| Agent::new("Organization", site)),
            },
            first_appearance: claim
                .reported_in
                .as_ref()
                .map(|r| one_line(&r.text))
                .filter(|t| !t.is_empty())
                .map(|t| CitedReport {
                    kind: "CreativeWork",
                    description: t.into_owned(),
                }),
        },
    })
}

/// The source as a schema.org Person or Organization.
fn source_agent(source: &Source) -> Agent<'_> {
    let name = source.name.trim();
    let role = source
        .role
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    match source.kind {
        SourceKind::Person if !name.is_empty() => Agent {
            job_title: role,
            ..Agent::new("Person", name)
        },
        SourceKind::Organization if !name.is_empty() => Agent {
            description: role,
            ..Agent::new("Organization", name)
        },
        _ => Agent {
            description: Some(name).filter(|n| !n.is_empty()),
            ..Agent::new("Organization", UNNAMED_SOURCE)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceId;

    #[test]
    fn rating_scale_runs_from_disputed_to_verified() {
        let values: Vec<_> = Verdict::ALL
            .iter()
            .map(|v| claimreview_rating(*v))
            .collect();
        assert_eq!(values, [None, Some(5), Some(1), Some(3), None]);
        for v in values.into_iter().flatten() {
            assert!((WORST_RATING..=BEST_RATING).contains(&v));
        }
    }

    #[test]
    fn unnamed_source_is_an_organization_described_by_the_article_words() {
        let s = Source::new(SourceId(1), "officials", SourceKind::Unnamed);
        let a = source_agent(&s);
        assert_eq!(
            (a.kind, a.name, a.description),
            ("Organization", UNNAMED_SOURCE, Some("officials"))
        );
        let s = Source::new(SourceId(2), "", SourceKind::Unnamed);
        let a = source_agent(&s);
        assert_eq!((a.name, a.description), (UNNAMED_SOURCE, None));
    }

    #[test]
    fn person_role_is_the_job_title() {
        let mut s = Source::new(SourceId(1), "Ines Vale", SourceKind::Person);
        s.role = Some("port director".into());
        let a = source_agent(&s);
        assert_eq!(
            (a.kind, a.name, a.job_title),
            ("Person", "Ines Vale", Some("port director"))
        );
    }
}
