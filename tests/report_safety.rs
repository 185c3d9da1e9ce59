//! What reports must never get wrong: HTML that shows hostile text as text and fetches
//! nothing, Markdown tables that hold, CSV cells that are not formulas, ClaimReview's
//! required fields, and W3C text positions counted in code points.

mod report_support;

use std::collections::BTreeSet;

use claimdesk::model::{
    Article, Claim, ClaimId, ClaimKind, ClaimSource, Cue, Evidence, Origin, Project, ReportedIn,
    Review, Source, SourceId, SourceKind, Span, Verdict,
};
use claimdesk::report::{BEST_RATING, Format, Options, WORST_RATING};
use dom_query::Document;
use report_support::{TEXT, TestResult, at, fixture, options, render, span_of};
use serde_json::Value;

// ---- HTML -------------------------------------------------------------------------

const SCRIPT: &str = "<script>alert(1)</script>";

fn hostile_project() -> Project {
    let text =
        format!("Intro {SCRIPT} and <img src=x onerror=alert(2)> said the mayor.\nSecond line.");
    let mut article = Article::from_text(format!("Title {SCRIPT}"), text.clone());
    article.url = Some("https://evil.example/\"><script>alert(3)</script>".into());
    article.byline = Some(SCRIPT.into());
    let mut source = Source::new(SourceId(1), SCRIPT, SourceKind::Person);
    source.role = Some("<b>role</b>".into());
    let claim = Claim {
        id: ClaimId(1),
        span: span_of(&text, SCRIPT),
        kind: ClaimKind::Fact,
        source: Some(ClaimSource {
            id: SourceId(1),
            mention: None,
        }),
        cue: Some(Cue {
            text: "<i>said</i>".into(),
            span: Span::new(0, 0),
            class: None,
        }),
        reported_in: Some(Box::new(ReportedIn {
            text: format!("a report in {SCRIPT}"),
            span: Span::new(0, 0),
        })),
        score: 0.9,
        reasons: claimdesk::model::Reasons::new(),
        origin: Origin::Manual,
        review: Review {
            verdict: Verdict::Disputed,
            note: format!("Note with {SCRIPT} inside"),
            evidence: vec![
                Evidence {
                    url: "javascript:alert(4)".into(),
                    title: SCRIPT.into(),
                    note: SCRIPT.into(),
                },
                Evidence {
                    url: "https://archive.example/a?x=1&y=\"2\"".into(),
                    title: "Archive".into(),
                    note: String::new(),
                },
            ],
            reviewer: Some(SCRIPT.into()),
            reviewed_at: Some(at(0)),
        },
    };
    Project::new(article, vec![source], vec![claim])
}

#[test]
fn html_shows_script_in_article_and_note_as_text() {
    let html = render(&hostile_project(), Format::Html, &options());
    let doc = Document::from(html.as_str());
    assert_eq!(doc.select("script").length(), 0, "{html}");
    assert_eq!(doc.select("img").length(), 0);
    assert_eq!(doc.select("b, i").length(), 0);
    let article = doc.select("#article p").first().text().to_string();
    assert_eq!(
        article,
        format!("Intro {SCRIPT}c1 and <img src=x onerror=alert(2)> said the mayor.")
    );
    let note = doc.select("#c1 dd.note").text().to_string();
    assert_eq!(note, format!("Note with {SCRIPT} inside"));
    assert!(doc.select("title").text().contains(SCRIPT));
    assert!(doc.select("h1").text().contains(SCRIPT));
    // No attribute anywhere carries an event handler.
    for node in doc.select("*").nodes() {
        for attr in node.attrs() {
            assert!(!attr.name.local.starts_with("on"), "{:?}", attr.name.local);
        }
    }
}

#[test]
fn html_fetches_nothing_and_links_out_only_to_evidence() {
    for project in [fixture(), hostile_project()] {
        let html = render(&project, Format::Html, &options());
        let doc = Document::from(html.as_str());
        assert_eq!(
            doc.select("[src], link, iframe, object, embed, form, base")
                .length(),
            0
        );
        let evidence: BTreeSet<String> = project
            .claims
            .iter()
            .flat_map(|c| c.review.evidence.iter().map(|e| e.url.trim().to_owned()))
            .collect();
        let ids: BTreeSet<String> = doc
            .select("[id]")
            .nodes()
            .iter()
            .filter_map(|n| n.attr("id").map(|v| v.to_string()))
            .collect();
        for node in doc.select("[href]").nodes() {
            let href = node.attr("href").map(|v| v.to_string()).unwrap_or_default();
            if let Some(target) = href.strip_prefix('#') {
                assert!(ids.contains(target), "link to missing #{target}");
            } else {
                assert!(evidence.contains(&href), "external href {href:?}");
                assert!(href.starts_with("https://"), "{href}");
            }
        }
        let csp = doc
            .select("meta[http-equiv=Content-Security-Policy]")
            .attr("content")
            .map(|v| v.to_string())
            .unwrap_or_default();
        assert!(csp.starts_with("default-src 'none'"), "{csp}");
    }
}

#[test]
fn html_summary_links_every_claim_to_its_details() {
    let project = fixture();
    let html = render(&project, Format::Html, &options());
    let doc = Document::from(html.as_str());
    for claim in &project.claims {
        let id = claim.id.to_string();
        let links = if claim.span.is_valid_for(&project.article.text) {
            2
        } else {
            1
        };
        assert_eq!(
            doc.select(&format!("#summary a[href='#{id}']")).length(),
            links,
            "{id}"
        );
        let card = doc.select(&format!("article#{id}.claim-card"));
        assert_eq!(card.length(), 1, "{id}");
        assert!(
            card.select(".badge")
                .text()
                .contains(claim.review.verdict.label())
        );
    }
}

#[test]
fn html_article_keeps_the_text_with_overlapping_and_nested_claims() {
    let project = fixture();
    let html = render(&project, Format::Html, &options());
    let doc = Document::from(html.as_str());
    doc.select("#article sup.ref").remove();
    let shown: Vec<String> = doc
        .select("#article p, #article h3")
        .nodes()
        .iter()
        .map(|n| n.text().to_string())
        .collect();
    let expected: Vec<&str> = TEXT.lines().collect();
    assert_eq!(shown, expected);
    assert_eq!(
        doc.select("#article h3").text().to_string(),
        "What It Costs"
    );
    // "almost double the 2022 estimate" lies in c1 and c2: drawn in c2's colour, shaded twice.
    let nested = doc.select("#article a.hl.multi[href='#c2']");
    assert_eq!(nested.text().to_string(), "almost double the 2022 estimate");
    assert!(nested.has_class("v-needs_context"));
    assert_eq!(
        nested.attr("title").map(|t| t.to_string()).as_deref(),
        Some("c2 · Needs context; c1 · Verified")
    );
    // c7 and c8 overlap: the shared words are in both, the rest in one each.
    let shared = doc.select("#article a.hl.multi[href='#c7']");
    assert_eq!(
        shared.text().to_string(),
        "the café at Östra Quay would stay open"
    );
    // Every claim that fits the text starts at an anchor in the article; the stale one does not.
    for id in 1..=9 {
        assert_eq!(
            doc.select(&format!("#article #a-c{id}")).length(),
            1,
            "c{id}"
        );
    }
    assert_eq!(doc.select("#a-c10").length(), 0);
    assert!(doc.select("#c10 .stale").exists());
}

#[test]
fn html_badges_use_the_app_colours() {
    let html = render(&fixture(), Format::Html, &options());
    for verdict in Verdict::ALL {
        let [r, g, b] = verdict.rgb();
        let rule = format!(".v-{} {{ --v: rgb({r} {g} {b});", verdict.as_str());
        assert!(html.contains(&rule), "{rule}");
    }
    assert!(html.contains("@media print"));
}

// ---- Markdown ---------------------------------------------------------------------

#[test]
fn markdown_escapes_text_that_would_break_the_table() {
    let md = render(&hostile_project(), Format::Markdown, &Options::default());
    assert!(!md.contains(SCRIPT), "{md}");
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    let row = md
        .lines()
        .find(|l| l.starts_with("| [c1]"))
        .unwrap_or_default();
    assert_eq!(row.matches(" | ").count(), 3, "{row}");
    assert!(!md.contains("](<javascript"), "javascript: is never a link");
    assert!(md.contains("[Archive](<https://archive.example/a?x=1&y=\"2\">)"));
}

#[test]
fn markdown_parses_back_to_the_same_text_with_no_html() {
    use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

    let md = render(&hostile_project(), Format::Markdown, &Options::default());
    let mut options = MdOptions::empty();
    options.insert(
        MdOptions::ENABLE_TABLES | MdOptions::ENABLE_STRIKETHROUGH | MdOptions::ENABLE_MATH,
    );
    let mut cells_per_row = Vec::new();
    let mut cells = 0;
    let mut text = String::new();
    let mut links = Vec::new();
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the Markdown: {h}"),
            Event::InlineMath(m) | Event::DisplayMath(m) => panic!("math in the Markdown: {m}"),
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                cells_per_row.push(cells);
                cells = 0;
            }
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Text(t) => text.push_str(&t),
            _ => {}
        }
    }
    // Summary table (2 columns, 7 rows) and claims table (4 columns, header + 1 row).
    assert_eq!(cells_per_row, [2, 2, 2, 2, 2, 2, 2, 4, 4]);
    assert!(
        text.contains(&format!("Note with {SCRIPT} inside")),
        "{text}"
    );
    assert!(text.contains("Title <script>alert(1)</script>"));
    assert_eq!(
        links,
        ["#claim-c1", "https://archive.example/a?x=1&y=\"2\""]
    );
}

// ---- CSV --------------------------------------------------------------------------

#[test]
fn csv_neutralises_formula_injection() -> TestResult {
    let text = "-2+3 is what the sign said. =SUM(A1:A9) was printed below.";
    let mut source = Source::new(SourceId(1), "=cmd|' /C calc'!A0", SourceKind::Person);
    source.role = Some("+role".into());
    let make = |id: u32, needle: &str, note: &str| Claim {
        id: ClaimId(id),
        span: span_of(text, needle),
        kind: ClaimKind::Fact,
        source: Some(ClaimSource {
            id: SourceId(1),
            mention: None,
        }),
        cue: None,
        reported_in: None,
        score: 0.5,
        reasons: claimdesk::model::Reasons::new(),
        origin: Origin::Manual,
        review: Review {
            verdict: Verdict::Disputed,
            note: note.into(),
            evidence: vec![Evidence {
                url: "@SUM(1+1)*cmd|' /C calc'!A0".into(),
                ..Evidence::default()
            }],
            reviewer: Some("\tTab".into()),
            reviewed_at: None,
        },
    };
    let project = Project::new(
        Article::from_text("t", text),
        vec![source],
        vec![
            make(
                1,
                "-2+3 is what the sign said.",
                "=HYPERLINK(\"http://x.example\",\"x\")",
            ),
            make(2, "=SUM(A1:A9) was printed below.", "\rCR first"),
        ],
    );
    let csv_text = render(&project, Format::Csv, &Options::default());
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "id",
            "verdict",
            "kind",
            "claim",
            "source",
            "role",
            "cue",
            "score",
            "note",
            "evidence_urls",
            "reviewer",
            "reviewed_at",
            "orphan",
            "cue_class",
            "reported_in"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    assert_eq!(rows.len(), 2);
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unsafe cell {cell:?}"
            );
        }
    }
    assert_eq!(&rows[0][3], "'-2+3 is what the sign said.");
    assert_eq!(&rows[0][4], "'=cmd|' /C calc'!A0");
    assert_eq!(&rows[0][5], "'+role");
    assert_eq!(&rows[0][8], "'=HYPERLINK(\"http://x.example\",\"x\")");
    assert_eq!(&rows[0][9], "'@SUM(1+1)*cmd|' /C calc'!A0");
    assert_eq!(&rows[0][10], "'\tTab");
    assert_eq!(&rows[1][3], "'=SUM(A1:A9) was printed below.");
    assert_eq!(&rows[1][8], "'\rCR first");
    Ok(())
}

// ---- ClaimReview ------------------------------------------------------------------

/// JSON-LD goes into `<script type="application/ld+json">`: no raw `<`, `>` or `&` may
/// reach it, from the article, the options or the review; and only http(s) URLs are
/// published as the report URL or as linked evidence.
#[test]
fn json_ld_formats_carry_no_markup_and_only_web_links() -> TestResult {
    let mut project = hostile_project();
    for claim in &mut project.claims {
        claim.review.verdict = claimdesk::model::Verdict::Disputed;
        claim.review.evidence.push(Evidence {
            url: "javascript:alert(4)".into(),
            title: "x".into(),
            note: String::new(),
        });
        claim.review.evidence.push(Evidence {
            url: "data:text/html,<script>alert(5)</script>".into(),
            title: "y".into(),
            note: String::new(),
        });
    }
    let options = Options {
        organization: Some("Desk </script><script>alert(6)</script> & Co".into()),
        url: Some("javascript:alert(1)".into()),
        ..Options::default()
    };
    for format in [Format::ClaimReview, Format::Annotations] {
        let out = render(&project, format, &options);
        assert!(!out.contains(['<', '>', '&']), "{format}: {out}");
        let json: Value = serde_json::from_str(&out)?;
        assert!(
            !json.to_string().contains("\"url\":\"javascript"),
            "{format}"
        );
        if format == Format::ClaimReview {
            let reviews = json.as_array().ok_or("array")?;
            assert!(!reviews.is_empty());
            assert!(reviews.iter().all(|r| r.get("url").is_none()), "{out}");
            assert!(out.contains("\\u003c/script\\u003e"), "{out}");
        } else {
            for item in json["first"]["items"].as_array().ok_or("items")? {
                for body in item["body"].as_array().ok_or("body")? {
                    if body["purpose"] == "linking" {
                        let source = body["source"].as_str().unwrap_or_default();
                        assert!(source.starts_with("http"), "{source}");
                    }
                }
            }
        }
    }
    Ok(())
}

#[test]
fn claimreview_has_the_required_fields_for_each_reviewed_claim() -> TestResult {
    let project = fixture();
    let json: Value = serde_json::from_str(&render(&project, Format::ClaimReview, &options()))?;
    let reviews = json.as_array().ok_or("not an array")?;
    let expected: Vec<String> = project
        .claims
        .iter()
        .filter(|c| c.review.verdict.is_reviewed() && c.span.is_valid_for(&project.article.text))
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(reviews.len(), expected.len());
    for (review, id) in reviews.iter().zip(&expected) {
        assert_eq!(review["@context"], "https://schema.org");
        assert_eq!(review["@type"], "ClaimReview");
        assert_eq!(
            review["url"],
            format!("https://factdesk.example/checks/tram-extension#{id}")
        );
        assert!(
            review["claimReviewed"]
                .as_str()
                .is_some_and(|s| !s.is_empty())
        );
        assert_eq!(review["author"]["@type"], "Organization");
        assert_eq!(review["author"]["name"], "Velmora Fact Desk");
        assert_eq!(review["datePublished"], "2026-02-13T09:30:00Z");
        let rating = &review["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        assert_eq!(rating["bestRating"], BEST_RATING);
        assert_eq!(rating["worstRating"], WORST_RATING);
        let label = rating["alternateName"].as_str().ok_or("no alternateName")?;
        match rating["ratingValue"].as_u64() {
            Some(v) => assert!((1..=5).contains(&v), "{id}: {v}"),
            None => assert_eq!(label, "Unverifiable", "{id}"),
        }
        let item = &review["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        assert_eq!(item["datePublished"], "2026-02-10");
        assert_eq!(item["appearance"]["@type"], "CreativeWork");
        assert_eq!(
            item["appearance"]["url"],
            "https://courier.example/2026/02/tram-extension"
        );
        assert!(item["appearance"]["headline"].as_str().is_some());
    }
    // Sources as Person / Organization; the empty-named source as "Unnamed source".
    let authors: Vec<(String, String)> = reviews
        .iter()
        .map(|r| {
            let a = &r["itemReviewed"]["author"];
            (
                a["@type"].as_str().unwrap_or("-").to_owned(),
                a["name"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect();
    let pair = |t: &str, n: &str| (t.to_owned(), n.to_owned());
    assert_eq!(
        authors,
        [
            pair("Person", "Lucía Brandt"),
            pair("Person", "Lucía Brandt"),
            pair("Person", "Lucía Brandt"),
            pair("Organization", "regional audit office"),
            pair("Organization", "Unnamed source"),
            pair("Organization", "Unnamed source"),
        ]
    );
    Ok(())
}

#[test]
fn claimreview_without_options_falls_back_to_review_times() -> TestResult {
    let json: Value = serde_json::from_str(&render(
        &fixture(),
        Format::ClaimReview,
        &Options::default(),
    ))?;
    let first = &json[0];
    assert!(first.get("url").is_none() && first.get("author").is_none());
    assert_eq!(first["datePublished"], at(7).to_string());
    Ok(())
}

// ---- W3C annotations --------------------------------------------------------------

#[test]
fn annotation_positions_are_code_points_on_non_ascii_text() -> TestResult {
    let text = "Café owners — all 12 of them — say the fête 🎉🎉 drew 4,000 people. Prices rose 9% in Zürich.";
    let needles = [
        "all 12 of them",
        "the fête 🎉🎉 drew 4,000 people",
        "Prices rose 9% in Zürich",
    ];
    let claims: Vec<Claim> = needles
        .iter()
        .zip(1..)
        .map(|(needle, id)| Claim {
            id: ClaimId(id),
            span: span_of(text, needle),
            kind: ClaimKind::Statistic,
            source: None,
            cue: None,
            reported_in: None,
            score: 0.7,
            reasons: claimdesk::model::Reasons::new(),
            origin: Origin::Extracted,
            review: Review::default(),
        })
        .collect();
    let project = Project::new(Article::from_text("Fête", text), vec![], claims);
    let json: Value =
        serde_json::from_str(&render(&project, Format::Annotations, &Options::default()))?;
    assert_eq!(json["type"], "AnnotationCollection");
    assert_eq!(json["total"], 3);
    let items = json["first"]["items"].as_array().ok_or("no items")?;
    assert_eq!(items.len(), 3);
    for (item, needle) in items.iter().zip(needles) {
        let selectors = item["target"]["selector"]
            .as_array()
            .ok_or("no selectors")?;
        let quote = &selectors[0];
        let position = &selectors[1];
        assert_eq!(quote["type"], "TextQuoteSelector");
        assert_eq!(position["type"], "TextPositionSelector");
        let start = usize::try_from(position["start"].as_u64().ok_or("start")?)?;
        let end = usize::try_from(position["end"].as_u64().ok_or("end")?)?;
        let exact: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(exact, needle);
        assert_eq!(quote["exact"], needle);
        let prefix = quote["prefix"].as_str().ok_or("prefix")?;
        let suffix = quote["suffix"].as_str().ok_or("suffix")?;
        let before: String = text.chars().take(start).collect();
        let after: String = text.chars().skip(end).collect();
        assert!(before.ends_with(prefix) && after.starts_with(suffix));
        assert_ne!(start, span_of(text, needle).start, "bytes, not code points");
    }
    Ok(())
}

#[test]
fn annotations_carry_verdict_and_note_bodies() -> TestResult {
    let json: Value = serde_json::from_str(&render(&fixture(), Format::Annotations, &options()))?;
    let items = json["first"]["items"].as_array().ok_or("no items")?;
    assert_eq!(items.len(), 9, "the stale claim cannot be targeted");
    let c4 = &items[3];
    assert_eq!(c4["motivation"], "assessing");
    assert_eq!(
        c4["target"]["source"],
        "https://courier.example/2026/02/tram-extension"
    );
    let bodies = c4["body"].as_array().ok_or("no body")?;
    let purpose = |p: &str| bodies.iter().find(|b| b["purpose"] == p).cloned();
    assert_eq!(purpose("assessing").ok_or("verdict")?["value"], "Disputed");
    assert!(
        purpose("commenting").ok_or("note")?["value"]
            .as_str()
            .is_some_and(|v| v.starts_with("The geotechnical"))
    );
    let c3 = &items[2];
    assert_eq!(c3["motivation"], "highlighting");
    Ok(())
}
