//! Small libraries the tests write themselves: invented projects and ClaimReview feeds.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use claimdesk::model::{
    Article, Claim, ClaimId, ClaimKind, ClaimSource, Origin, Project, Review, Source, SourceId,
    SourceKind, Span, Verdict,
};

/// A reviewed project whose claims are `(sentence, verdict, note)`, joined into one
/// article; the first claim is attributed to Declan Moriarty.
pub fn project(title: &str, claims: &[(&str, Verdict, &str)]) -> Project {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (sentence, _, _) in claims {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(sentence);
        spans.push(Span::new(start, text.len()));
    }
    let mut source = Source::new(SourceId(1), "Declan Moriarty", SourceKind::Person);
    source.role = Some("city treasurer".into());
    let claims = claims
        .iter()
        .zip(spans)
        .enumerate()
        .map(|(i, ((_, verdict, note), span))| Claim {
            id: ClaimId(i as u32 + 1),
            span,
            kind: ClaimKind::Fact,
            source: (i == 0).then_some(ClaimSource {
                id: SourceId(1),
                mention: None,
            }),
            cue: None,
            reported_in: None,
            score: 0.7,
            reasons: claimdesk::model::Reasons::new(),
            origin: Origin::Extracted,
            review: Review {
                verdict: *verdict,
                note: (*note).to_owned(),
                evidence: vec![],
                reviewer: Some("Ada Quill".into()),
                reviewed_at: "2024-03-05T10:00:00Z".parse().ok(),
            },
        })
        .collect();
    let mut article = Article::from_text(title, &text);
    article.published = Some("2024-03-04".into());
    Project::new(article, vec![source], claims)
}

/// The harbour project: three checked claims and one unreviewed.
pub fn harbour() -> Project {
    project(
        "Treasurer defends harbour tolls",
        &[
            (
                "Harbour bridge tolls rose 37 percent in a single year.",
                Verdict::Disputed,
                "The port ledger shows a 12 percent rise.",
            ),
            (
                "The city borrowed $14.8 billion to rebuild the ferry terminal.",
                Verdict::NeedsContext,
                "Borrowing spread over nine years.",
            ),
            (
                "Ferry crossings doubled since the new pier opened.",
                Verdict::Verified,
                "Port authority counts.",
            ),
            (
                "The mayor will attend the opening.",
                Verdict::Unreviewed,
                "",
            ),
        ],
    )
}

/// Saves `project` as `dir/name.ron`.
pub fn save(project: &Project, dir: &Path, name: &str) -> PathBuf {
    std::fs::create_dir_all(dir).expect("folder");
    let path = dir.join(format!("{name}.ron"));
    claimdesk::project::save(project, &path).expect("project saved");
    path
}

/// A published-feed style ClaimReview array, as fact-checkers publish them.
pub const FEED: &str = r#"[
  {"@context": "https://schema.org", "@type": "ClaimReview",
   "url": "https://checks.example/vaccine-microchips",
   "claimReviewed": "Flu vaccines given at Westport clinics contain microchips.",
   "datePublished": "2023-11-20",
   "author": {"@type": "Organization", "name": "Coastline Check"},
   "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "alternateName": "False"},
   "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Marta Ilves"}}},
  {"@context": "https://schema.org", "@type": "ClaimReview",
   "url": "https://checks.example/tram-fares",
   "claimReviewed": "Tram fares in Westport are the highest in the country.",
   "datePublished": "2024-01-15",
   "author": {"@type": "Organization", "name": "Bayside Facts"},
   "reviewRating": {"@type": "Rating", "alternateName": "Mostly true"}}
]"#;
