#![allow(dead_code)]

//! Invariants every target checks.

use claimdesk::extract::extract_article;
use claimdesk::import::{Format, import_bytes};
use claimdesk::model::{Article, Project};
use claimdesk::{project, report};

/// Every span of the article and its extraction lies on char boundaries of its text.
pub fn check_article(article: &Article) -> Project {
    let text = &article.text;
    for p in &article.paragraphs {
        assert!(p.span.slice(text).is_some(), "paragraph {:?}", p.span);
    }
    let x = extract_article(article);
    for c in &x.claims {
        assert!(c.span.slice(text).is_some(), "claim {} {:?}", c.id, c.span);
        if let Some(cue) = &c.cue {
            assert!(cue.span.slice(text).is_some(), "cue of {}", c.id);
        }
        if let Some(r) = &c.reported_in {
            assert_eq!(r.span.slice(text), Some(r.text.as_str()), "reported_in of {}", c.id);
        }
        if let Some(m) = c.source.and_then(|s| s.mention) {
            assert!(m.slice(text).is_some(), "mention of {}", c.id);
        }
    }
    for s in &x.sources {
        for m in &s.mentions {
            assert!(m.slice(text).is_some(), "mention of {}", s.id);
        }
    }
    Project::new(article.clone(), x.sources, x.claims)
}

/// Save → load keeps every claim (placed or orphaned) with its review.
pub fn check_round_trip(p: &Project) {
    let ron = project::to_ron_string(p).expect("every project encodes");
    let loaded = project::from_ron_str(&ron, "fuzz.ron".as_ref()).expect("what we write loads");
    let q = loaded.project;
    assert_eq!(
        q.claims.len() + q.orphans.len(),
        p.claims.len() + p.orphans.len(),
        "claims lost in a round trip"
    );
    for c in &p.claims {
        let found = q.claim(c.id).map(|x| &x.review).or(q.orphan(c.id).map(|o| &o.claim.review));
        assert_eq!(found, Some(&c.review), "review of {}", c.id);
    }
}

/// Every report format renders.
pub fn check_reports(p: &Project) {
    for format in report::Format::ALL {
        for reviewed_only in [false, true] {
            let options = report::Options {
                reviewed_only,
                url: Some("https://example.org/r".into()),
                ..report::Options::default()
            };
            let out = report::render(p, format, &options).expect("renders");
            if matches!(format, report::Format::ClaimReview | report::Format::Annotations) {
                assert!(!out.contains('<') && !out.contains('>'), "unescaped markup in {format}");
            }
        }
    }
}

pub fn import(data: &[u8], format: Format) {
    if let Ok(imported) = import_bytes(data, format, None) {
        let p = check_article(&imported.article);
        check_round_trip(&p);
    }
}
