//! `report::render` never panics, whatever the project: extracted claims on arbitrary
//! text, plus hand-placed claims with spans that may be out of range, reversed or inside
//! a multi-byte character, arbitrary notes, evidence and sources.

use claimdesk::extract::extract_text;
use claimdesk::model::{
    Article, Claim, ClaimId, ClaimKind, ClaimSource, Evidence, Origin, Project, Review, Source,
    SourceId, SourceKind, Span, Verdict,
};
use claimdesk::report::{Format, Options, render};
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Extra {
    start: usize,
    end: usize,
    verdict: usize,
    note: String,
    url: String,
    source: Option<u32>,
}

fn extra() -> impl Strategy<Value = Extra> {
    (
        0usize..300,
        0usize..300,
        0usize..5,
        ".{0,20}",
        prop_oneof![
            Just(String::new()),
            Just("javascript:x".to_owned()),
            ".{0,12}",
            "https://[a-z]{1,8}\\.example/.{0,8}"
        ],
        proptest::option::of(0u32..4),
    )
        .prop_map(|(start, end, verdict, note, url, source)| Extra {
            start,
            end,
            verdict,
            note,
            url,
            source,
        })
}

fn project(text: &str, title: &str, extras: &[Extra], unnamed: &str) -> Project {
    let found = extract_text(text);
    let mut sources = found.sources;
    let next_source = sources.iter().map(|s| s.id.0).max().unwrap_or(0) + 1;
    sources.push(Source::new(
        SourceId(next_source),
        unnamed,
        SourceKind::Unnamed,
    ));
    let mut claims = found.claims;
    let first_id = claims.iter().map(|c| c.id.0).max().unwrap_or(0) + 1;
    for (extra, id) in extras.iter().zip(first_id..) {
        claims.push(Claim {
            id: ClaimId(id),
            // Span::new orders the ends; also try a raw reversed span.
            span: if id % 3 == 0 {
                Span {
                    start: extra.start,
                    end: extra.end,
                }
            } else {
                Span::new(extra.start, extra.end)
            },
            kind: ClaimKind::ALL[extra.verdict % 4],
            source: extra.source.map(|s| ClaimSource {
                id: SourceId(next_source + s.saturating_sub(1)),
                mention: Some(Span::new(extra.end, extra.start)),
            }),
            cue: None,
            reported_in: None,
            score: extra.start as f32 / 100.0,
            reasons: [&extra.note].into(),
            origin: Origin::Manual,
            review: Review {
                verdict: Verdict::ALL[extra.verdict],
                note: extra.note.clone(),
                evidence: vec![Evidence {
                    url: extra.url.clone(),
                    title: extra.note.clone(),
                    note: extra.url.clone(),
                }],
                reviewer: Some(extra.note.clone()),
                reviewed_at: None,
            },
        });
    }
    let mut article = Article::from_text(title, text);
    article.url = Some(extra_url(extras));
    Project::new(article, sources, claims)
}

fn extra_url(extras: &[Extra]) -> String {
    extras.first().map(|e| e.url.clone()).unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn render_never_panics_for_any_format(
        text in "(\\PC|\n|\"|[<>&|*_#=+@-]|é|—|🎉){0,200}",
        title in ".{0,20}",
        extras in proptest::collection::vec(extra(), 0..6),
        unnamed in prop_oneof![Just(String::new()), ".{0,8}"],
        reviewed_only in any::<bool>(),
    ) {
        let project = project(&text, &title, &extras, &unnamed);
        let options = Options {
            reviewed_only,
            organization: Some(title.clone()),
            url: Some(title.clone()),
            reviewer: None,
            generated_at: None,
        };
        for format in Format::ALL {
            let out = render(&project, format, &options);
            prop_assert!(out.is_ok(), "{}: {:?}", format, out.err());
            let out = out.unwrap_or_default();
            match format {
                Format::Json | Format::ClaimReview | Format::Annotations => {
                    prop_assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
                }
                Format::Html => {
                    let doc = dom_query::Document::from(out.as_str());
                    prop_assert_eq!(doc.select("script").length(), 0);
                    prop_assert_eq!(doc.select("main").length(), 1);
                    // However claims overlap, the article reads as its paragraphs.
                    doc.select("#article sup.ref").remove();
                    let shown: Vec<String> = doc
                        .select("#article p, #article h3")
                        .nodes()
                        .iter()
                        .map(|n| n.text().to_string())
                        .collect();
                    let paragraphs: Vec<&str> = project
                        .article
                        .paragraphs
                        .iter()
                        .filter_map(|p| p.span.slice(&project.article.text))
                        .collect();
                    prop_assert_eq!(shown, paragraphs);
                }
                Format::Csv => {
                    let rows = csv::Reader::from_reader(out.as_bytes()).records().count();
                    let expected = project
                        .claims
                        .iter()
                        .filter(|c| !reviewed_only || c.review.verdict.is_reviewed())
                        .count();
                    prop_assert_eq!(rows, expected);
                }
                Format::Markdown => {
                    prop_assert!(out.starts_with("# Fact-check report: "));
                    let raw_html = pulldown_cmark::Parser::new_ext(&out, pulldown_cmark::Options::all())
                        .any(|e| matches!(e, pulldown_cmark::Event::Html(_) | pulldown_cmark::Event::InlineHtml(_)));
                    prop_assert!(!raw_html, "raw HTML in:\n{}", out);
                }
            }
        }
    }
}
