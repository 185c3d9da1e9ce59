//! The hand-made project behind the report tests: invented text with hand-placed claims
//! (nested, overlapping, multi-byte and stale), named, unnamed and empty-named sources,
//! and reviews with fixed times, so extractor changes never move the snapshots.

#![allow(dead_code)]

use claimdesk::model::{
    Article, Claim, ClaimId, ClaimKind, ClaimSource, Cue, CueClass, Evidence, Origin,
    ParagraphKind, Project, ReportedIn, Review, Source, SourceId, SourceKind, Span, Verdict,
};
use claimdesk::report::{self, Format, Options};
use jiff::{SignedDuration, Timestamp};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub const TEXT: &str = "\
Velmora's tram extension to the harbour will cost €410 million — almost double the 2022 estimate, the city's transport director, Lucía Brandt, said on Monday.
\"We underestimated the ground conditions under the old docks,\" Brandt said. \"Every metre of track there needs piles 30 metres deep.\"
According to the regional audit office, the project is already 14 months behind schedule.
The city is reported to be negotiating a second loan of €95 million.
Officials said the café at Östra Quay would stay open during the works 🎉 despite the closures.
What It Costs
Residents of the docks | quay district say the works add 25 minutes to a *typical* commute.
";

pub fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in the text"));
    Span::new(start, start + needle.len())
}

pub fn at(minutes: i64) -> Timestamp {
    let base: Timestamp = "2026-02-12T09:30:00Z".parse().unwrap_or_default();
    base.checked_add(SignedDuration::from_mins(minutes))
        .unwrap_or(base)
}

struct Spec {
    text: &'static str,
    kind: ClaimKind,
    source: Option<u32>,
    cue: Option<&'static str>,
    verdict: Verdict,
}

fn claim(id: u32, span: Span, spec: &Spec, text: &str) -> Claim {
    let cue = spec.cue.map(|c| {
        // The cue nearest after the claim's start, else the first one.
        let from = text[span.start..].find(c).map(|i| span.start + i);
        let start = from.or_else(|| text.find(c)).unwrap_or(0);
        Cue {
            text: c.to_owned(),
            span: Span::new(start, start + c.len()),
            class: Some(CueClass::Speech),
        }
    });
    let reviewed = spec.verdict.is_reviewed();
    Claim {
        id: ClaimId(id),
        span,
        kind: spec.kind,
        source: spec.source.map(|s| ClaimSource {
            id: SourceId(s),
            mention: None,
        }),
        cue,
        reported_in: None,
        score: 0.5 + f32::from(u8::try_from(id).unwrap_or(0)) * 0.04,
        reasons: [format!("hand-placed claim {id}")].into(),
        origin: Origin::Manual,
        review: Review {
            verdict: spec.verdict,
            reviewer: reviewed.then(|| {
                if id.is_multiple_of(2) {
                    "Jonas Weber"
                } else {
                    "Ana Ruiz"
                }
                .to_owned()
            }),
            reviewed_at: reviewed.then(|| at(i64::from(id) * 7)),
            ..Review::default()
        },
    }
}

/// The hand-made project behind the snapshots: nested, overlapping, multi-byte and stale
/// claims, named, unnamed and empty-named sources.
pub fn fixture() -> Project {
    let mut article = Article::from_text("Tram Extension to Cost €410 Million, City Says", TEXT);
    article.byline = Some("Tomás Eriksen".into());
    article.published = Some("2026-02-10".into());
    article.site = Some("The Velmora Courier".into());
    article.url = Some("https://courier.example/2026/02/tram-extension".into());
    for p in &mut article.paragraphs {
        if p.span.slice(TEXT) == Some("What It Costs") {
            p.kind = ParagraphKind::Heading;
        }
    }

    let mut brandt = Source::new(SourceId(1), "Lucía Brandt", SourceKind::Person);
    brandt.role = Some("transport director".into());
    brandt.aliases = vec!["Brandt".into()];
    let later = span_of(TEXT, "Brandt said");
    brandt.mentions = vec![
        span_of(TEXT, "Lucía Brandt"),
        Span::new(later.start, later.start + 6),
    ];
    let audit = Source::new(
        SourceId(2),
        "regional audit office",
        SourceKind::Organization,
    );
    let nameless = Source::new(SourceId(3), "", SourceKind::Unnamed);
    let officials = Source::new(SourceId(4), "Officials", SourceKind::Unnamed);

    let specs = [
        Spec {
            text: "Velmora's tram extension to the harbour will cost €410 million — almost double the 2022 estimate",
            kind: ClaimKind::Reported,
            source: Some(1),
            cue: Some("said"),
            verdict: Verdict::Verified,
        },
        Spec {
            text: "almost double the 2022 estimate",
            kind: ClaimKind::Statistic,
            source: Some(1),
            cue: None,
            verdict: Verdict::NeedsContext,
        },
        Spec {
            text: "We underestimated the ground conditions under the old docks",
            kind: ClaimKind::Quote,
            source: Some(1),
            cue: Some("said"),
            verdict: Verdict::Unreviewed,
        },
        Spec {
            text: "Every metre of track there needs piles 30 metres deep.",
            kind: ClaimKind::Quote,
            source: Some(1),
            cue: None,
            verdict: Verdict::Disputed,
        },
        Spec {
            text: "the project is already 14 months behind schedule",
            kind: ClaimKind::Reported,
            source: Some(2),
            cue: Some("According to"),
            verdict: Verdict::Verified,
        },
        Spec {
            text: "The city is reported to be negotiating a second loan of €95 million",
            kind: ClaimKind::Reported,
            source: Some(3),
            cue: Some("is reported to"),
            verdict: Verdict::Unverifiable,
        },
        Spec {
            text: "Officials said the café at Östra Quay would stay open",
            kind: ClaimKind::Fact,
            source: None,
            cue: None,
            verdict: Verdict::Unreviewed,
        },
        Spec {
            text: "the café at Östra Quay would stay open during the works 🎉 despite the closures",
            kind: ClaimKind::Reported,
            source: Some(4),
            cue: Some("said"),
            verdict: Verdict::Verified,
        },
        Spec {
            text: "the works add 25 minutes to a *typical* commute",
            kind: ClaimKind::Statistic,
            source: None,
            cue: None,
            verdict: Verdict::Unreviewed,
        },
    ];
    let mut claims: Vec<Claim> = specs
        .iter()
        .zip(1..)
        .map(|(spec, id)| claim(id, span_of(TEXT, spec.text), spec, TEXT))
        .collect();
    // A claim placed by hand whose text has since gone: listed, never highlighted.
    claims.push(claim(
        10,
        Span::new(5000, 5040),
        &Spec {
            text: "",
            kind: ClaimKind::Fact,
            source: None,
            cue: None,
            verdict: Verdict::Disputed,
        },
        TEXT,
    ));

    let review = |claims: &mut Vec<Claim>, id: u32, note: &str, evidence: Vec<Evidence>| {
        if let Some(c) = claims.iter_mut().find(|c| c.id == ClaimId(id)) {
            note.clone_into(&mut c.review.note);
            c.review.evidence = evidence;
        }
    };
    let evidence = |url: &str, title: &str, note: &str| Evidence {
        url: url.into(),
        title: title.into(),
        note: note.into(),
    };
    review(
        &mut claims,
        1,
        "Matches the revised budget tabled on 9 February.",
        vec![evidence(
            "https://velmora.example/budget/2026-tram.pdf",
            "Revised tram budget (9 Feb 2026)",
            "table 3",
        )],
    );
    review(
        &mut claims,
        2,
        "The 2022 figure excluded VAT; like for like the rise is 71%, not 100%.",
        vec![],
    );
    review(
        &mut claims,
        4,
        "The geotechnical survey shows piles of 18–22 m.\n\nSee *borehole log* B-7 | table 2.",
        vec![
            evidence("https://geo.example/boreholes/b7", "Borehole log B-7", ""),
            evidence(
                "",
                "Phone call with the site engineer, 12 Feb",
                "notes on file",
            ),
        ],
    );
    review(
        &mut claims,
        6,
        "No loan application found in the council register.",
        vec![],
    );
    review(
        &mut claims,
        10,
        "Placed by hand before the article text was corrected.",
        vec![],
    );
    Project::new(article, vec![brandt, audit, nameless, officials], claims)
}

/// An invented article whose one claim reaches it through another report: an estimate
/// by analysts, according to a report in a newspaper, reviewed.
pub const NESTED: &str = "Tunnel costs climb\n\
Economists at Brindle Partners estimated that the tunnel will cost $2.4 billion, according to a report in the Valdera Times.\n";

pub fn nested_fixture() -> Project {
    let mut article = Article::from_text("Tunnel costs climb", NESTED);
    article.paragraphs[0].kind = ParagraphKind::Heading;
    let mut brindle = Source::new(SourceId(1), "Brindle Partners", SourceKind::Organization);
    brindle.mentions = vec![span_of(NESTED, "Economists at Brindle Partners")];
    let claim = Claim {
        id: ClaimId(1),
        span: span_of(NESTED, "the tunnel will cost $2.4 billion"),
        kind: ClaimKind::Reported,
        source: Some(ClaimSource {
            id: SourceId(1),
            mention: Some(span_of(NESTED, "Economists at Brindle Partners")),
        }),
        cue: Some(Cue {
            text: "estimated".into(),
            span: span_of(NESTED, "estimated"),
            class: Some(CueClass::Evidence),
        }),
        reported_in: Some(Box::new(ReportedIn {
            text: "a report in the Valdera Times".into(),
            span: span_of(NESTED, "a report in the Valdera Times"),
        })),
        score: 0.9,
        reasons: ["attributed: Economists at Brindle Partners estimated"].into(),
        origin: Origin::Extracted,
        review: Review {
            verdict: Verdict::NeedsContext,
            reviewer: Some("Ana Ruiz".into()),
            reviewed_at: Some(at(5)),
            ..Review::default()
        },
    };
    Project::new(article, vec![brindle], vec![claim])
}

pub fn options() -> Options {
    Options {
        reviewed_only: false,
        organization: Some("Velmora Fact Desk".into()),
        url: Some("https://factdesk.example/checks/tram-extension".into()),
        reviewer: Some("Ana Ruiz".into()),
        generated_at: Some(at(24 * 60)),
    }
}

pub fn render(project: &Project, format: Format, options: &Options) -> String {
    report::render(project, format, options).unwrap_or_else(|e| panic!("{format}: {e}"))
}
