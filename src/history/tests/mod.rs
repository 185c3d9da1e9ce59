//! Unit tests for the history. Here: each edit applies and undoes exactly, and no-ops.
//! In `errors`: refused edits change nothing. In `stack`: labels, undo/redo, coalescing,
//! dirty tracking, the cap. In `proptests`: random edit sequences.

use jiff::Timestamp;

use super::{Edit, EditError, History};
use crate::model::{
    Article, Claim, ClaimId, ClaimKind, ClaimSource, Cue, Evidence, Origin, Project, Review,
    Source, SourceId, SourceKind, Span, Verdict,
};

mod errors;
mod orphans;
mod proptests;
mod stack;

/// Invented article text; "Ça" gives a multi-byte character to test boundaries on.
const TEXT: &str = "Mara Quill said the harbor bridge would reopen in May. \
    Ferry tickets rose 12% last year, the Port Council reported. «Ça marche», she added.";

fn span_of(needle: &str) -> Span {
    let start = TEXT.find(needle).expect("needle is in TEXT");
    Span::new(start, start + needle.len())
}

fn claim(id: u32, needle: &str, kind: ClaimKind, source: Option<u32>) -> Claim {
    Claim {
        id: ClaimId(id),
        span: span_of(needle),
        kind,
        source: source.map(|s| ClaimSource {
            id: SourceId(s),
            mention: None,
        }),
        cue: None,
        reported_in: None,
        score: 0.5,
        reasons: [format!("test claim {id}")].into(),
        origin: Origin::Extracted,
        review: Review::default(),
    }
}

fn evidence(url: &str) -> Evidence {
    Evidence {
        url: url.to_owned(),
        title: format!("About {url}"),
        note: String::new(),
    }
}

/// Three claims (c1..c3) in text order, two sources (s1, s2); c2 has two pieces of evidence.
fn project() -> Project {
    let mut quill = Source::new(SourceId(1), "Mara Quill", SourceKind::Person);
    quill.mentions = vec![span_of("Mara Quill")];
    quill.aliases = vec!["Quill".to_owned()];
    let mut council = Source::new(SourceId(2), "Port Council", SourceKind::Organization);
    council.mentions = vec![span_of("Port Council")];

    let mut c1 = claim(
        1,
        "the harbor bridge would reopen in May",
        ClaimKind::Reported,
        Some(1),
    );
    c1.source = Some(ClaimSource {
        id: SourceId(1),
        mention: Some(span_of("Mara Quill")),
    });
    c1.cue = Some(Cue {
        text: "said".to_owned(),
        span: span_of("said"),
        class: None,
    });
    c1.review.note = "check the minutes".to_owned();
    let mut c2 = claim(
        2,
        "Ferry tickets rose 12% last year",
        ClaimKind::Statistic,
        Some(2),
    );
    c2.review.evidence = vec![evidence("https://a.example"), evidence("https://b.example")];
    let c3 = claim(3, "Ça marche", ClaimKind::Quote, None);
    Project::new(
        Article::from_text("Harbor notes", TEXT),
        vec![quill, council],
        vec![c1, c2, c3],
    )
}

fn set_verdict(id: u32, verdict: Verdict) -> Edit {
    Edit::SetVerdict {
        claim: ClaimId(id),
        verdict,
        reviewer: Some("ed".to_owned()),
        at: Some(Timestamp::constant(1_700_000_000, 0)),
    }
}

fn set_note(id: u32, note: &str) -> Edit {
    Edit::SetNote {
        claim: ClaimId(id),
        note: note.to_owned(),
    }
}

fn update_evidence(id: u32, index: usize, url: &str) -> Edit {
    Edit::UpdateEvidence {
        claim: ClaimId(id),
        index,
        evidence: evidence(url),
    }
}

/// Applies `edit` to a fresh project, checks undo restores it exactly and redo
/// re-applies exactly; returns the edited project.
fn round_trip(edit: Edit) -> Project {
    let original = project();
    let mut p = original.clone();
    let mut h = History::new();
    h.apply(&mut p, edit).expect("edit applies");
    assert_ne!(p, original, "the edit changed something");
    let edited = p.clone();
    assert!(h.undo(&mut p).is_some());
    assert_eq!(p, original, "undo restores the project");
    assert!(h.redo(&mut p).is_some());
    assert_eq!(p, edited, "redo re-applies the edit");
    edited
}

/// Applies `edit`, expecting it to be refused without changing anything.
fn refused(edit: Edit) -> EditError {
    let original = project();
    let mut p = original.clone();
    let mut h = History::new();
    let err = h.apply(&mut p, edit).expect_err("edit is refused");
    assert_eq!(p, original);
    assert!(!h.can_undo());
    assert!(!h.is_dirty());
    assert_eq!(h.revision(), 0);
    err
}

fn ids(p: &Project) -> Vec<u32> {
    p.claims.iter().map(|c| c.id.0).collect()
}

// --- each edit applies and undoes exactly ---

#[test]
fn set_verdict_round_trips() {
    let p = round_trip(set_verdict(2, Verdict::Disputed));
    let review = &p.claims[1].review;
    assert_eq!(review.verdict, Verdict::Disputed);
    assert_eq!(review.reviewer.as_deref(), Some("ed"));
    assert_eq!(
        review.reviewed_at,
        Some(Timestamp::constant(1_700_000_000, 0))
    );
}

#[test]
fn set_note_round_trips() {
    let p = round_trip(set_note(1, "minutes say June"));
    assert_eq!(p.claims[0].review.note, "minutes say June");
}

#[test]
fn add_evidence_appends_and_round_trips() {
    let p = round_trip(Edit::AddEvidence {
        claim: ClaimId(2),
        evidence: evidence("https://c.example"),
    });
    let urls: Vec<_> = p.claims[1]
        .review
        .evidence
        .iter()
        .map(|e| e.url.as_str())
        .collect();
    assert_eq!(
        urls,
        [
            "https://a.example",
            "https://b.example",
            "https://c.example"
        ]
    );
}

#[test]
fn update_evidence_round_trips() {
    let p = round_trip(update_evidence(2, 0, "https://z.example"));
    assert_eq!(p.claims[1].review.evidence[0].url, "https://z.example");
}

#[test]
fn remove_evidence_undo_restores_it_at_same_index() {
    let p = round_trip(Edit::RemoveEvidence {
        claim: ClaimId(2),
        index: 0,
    });
    assert_eq!(p.claims[1].review.evidence, [evidence("https://b.example")]);
}

#[test]
fn delete_claim_undo_restores_it_at_same_index() {
    let p = round_trip(Edit::DeleteClaim { claim: ClaimId(2) });
    assert_eq!(ids(&p), [1, 3]);
    assert_eq!(p.sources.len(), 2, "the source stays registered");
}

#[test]
fn set_claim_kind_marks_manual_and_round_trips() {
    let p = round_trip(Edit::SetClaimKind {
        claim: ClaimId(2),
        kind: ClaimKind::Fact,
    });
    assert_eq!(p.claims[1].kind, ClaimKind::Fact);
    assert_eq!(p.claims[1].origin, Origin::Manual);
}

#[test]
fn set_claim_span_marks_manual_and_round_trips() {
    let span = span_of("Ferry tickets rose 12%");
    let p = round_trip(Edit::SetClaimSpan {
        claim: ClaimId(2),
        span,
    });
    assert_eq!(p.claims[1].span, span);
    assert_eq!(p.claims[1].origin, Origin::Manual);
}

#[test]
fn set_claim_span_moves_claim_to_keep_text_order() {
    let p = round_trip(Edit::SetClaimSpan {
        claim: ClaimId(1),
        span: span_of("she added"),
    });
    assert_eq!(ids(&p), [2, 3, 1]);
}

#[test]
fn set_claim_span_keeps_place_among_claims_starting_together() {
    let mut p = project();
    p.claims[1].span = p.claims[0].span;
    let mut h = History::new();
    let shorter = Span::new(p.claims[0].span.start, p.claims[0].span.end - 4);
    h.apply(
        &mut p,
        Edit::SetClaimSpan {
            claim: ClaimId(1),
            span: shorter,
        },
    )
    .expect("applies");
    assert_eq!(ids(&p), [1, 2, 3]);
}

#[test]
fn set_claim_source_marks_manual_and_round_trips() {
    let source = Some(ClaimSource {
        id: SourceId(1),
        mention: Some(span_of("she")),
    });
    let p = round_trip(Edit::SetClaimSource {
        claim: ClaimId(3),
        source,
        new_source: None,
    });
    assert_eq!(p.claims[2].source, source);
    assert_eq!(p.claims[2].origin, Origin::Manual);
    assert_eq!(p.sources, project().sources);
}

#[test]
fn set_claim_source_with_new_source_adds_it_and_undo_removes_it() {
    let original = project();
    let mut p = original.clone();
    let mut h = History::new();
    let new_source = p.fresh_source("Harbor Authority", SourceKind::Organization);
    assert_eq!(new_source.id, SourceId(3));
    let edit = Edit::SetClaimSource {
        claim: ClaimId(3),
        source: Some(ClaimSource {
            id: new_source.id,
            mention: None,
        }),
        new_source: Some(new_source.clone()),
    };
    h.apply(&mut p, edit).expect("applies");
    assert_eq!(p.sources.last(), Some(&new_source));
    assert_eq!(p.next_source_id, 4);
    assert_eq!(p.claim_source(&p.claims[2]), Some(&new_source));
    h.undo(&mut p);
    assert_eq!(p, original);
    assert!(p.source(SourceId(3)).is_none());
}

#[test]
fn clear_source_round_trips() {
    let p = round_trip(Edit::SetClaimSource {
        claim: ClaimId(1),
        source: None,
        new_source: None,
    });
    assert_eq!(p.claims[0].source, None);
}

#[test]
fn add_claim_keeps_text_order() {
    let mut new = claim(9, "she added", ClaimKind::Fact, None);
    new.id = ClaimId(4);
    let p = round_trip(Edit::AddClaim {
        claim: Box::new(new.clone()),
        new_source: None,
    });
    assert_eq!(ids(&p), [1, 2, 3, 4]);

    new.span = span_of("Mara Quill said");
    let p = round_trip(Edit::AddClaim {
        claim: Box::new(new),
        new_source: None,
    });
    assert_eq!(ids(&p), [4, 1, 2, 3]);
}

#[test]
fn add_claim_bumps_next_ids() {
    let original = project();
    assert_eq!((original.next_claim_id, original.next_source_id), (4, 3));
    let new_source = Source::new(SourceId(7), "Dock workers", SourceKind::Unnamed);
    let new = claim(11, "last year", ClaimKind::Fact, Some(7));
    let p = round_trip(Edit::AddClaim {
        claim: Box::new(new),
        new_source: Some(new_source.clone()),
    });
    assert_eq!((p.next_claim_id, p.next_source_id), (12, 8));
    assert_eq!(ids(&p), [1, 2, 11, 3]);
    assert_eq!(p.sources.last(), Some(&new_source));
}

#[test]
fn add_claim_with_lower_id_keeps_next_ids() {
    let mut p = project();
    p.next_claim_id = 20;
    let mut h = History::new();
    let edit = Edit::AddClaim {
        claim: Box::new(claim(5, "last year", ClaimKind::Fact, None)),
        new_source: None,
    };
    h.apply(&mut p, edit).expect("applies");
    assert_eq!(p.next_claim_id, 20);
}

#[test]
fn update_source_round_trips() {
    let mut source = project().sources[0].clone();
    source.role = Some("harbor master".to_owned());
    let p = round_trip(Edit::UpdateSource {
        source: source.clone(),
    });
    assert_eq!(p.sources[0], source);
}

#[test]
fn merge_sources_moves_claims_names_and_mentions() {
    let p = round_trip(Edit::MergeSources {
        from: SourceId(2),
        into: SourceId(1),
    });
    assert_eq!(p.sources.len(), 1);
    let kept = &p.sources[0];
    assert_eq!(kept.aliases, ["Quill", "Port Council"]);
    assert_eq!(
        kept.mentions,
        [span_of("Mara Quill"), span_of("Port Council")]
    );
    assert_eq!(p.claims[1].source.map(|s| s.id), Some(SourceId(1)));
    assert_eq!(p.claims[1].origin, Origin::Manual);
}

#[test]
fn remove_source_clears_its_claims() {
    let p = round_trip(Edit::RemoveSource {
        source: SourceId(2),
    });
    assert!(p.source(SourceId(2)).is_none());
    assert_eq!(p.claims[1].source, None);
    assert_eq!(p.claims[1].origin, Origin::Manual);
}

#[test]
fn replace_extraction_swaps_lists_and_round_trips() {
    let mut c = claim(8, "Ferry tickets", ClaimKind::Statistic, Some(5));
    c.review.verdict = Verdict::Verified;
    let sources = vec![Source::new(
        SourceId(5),
        "Ferry line",
        SourceKind::Organization,
    )];
    let p = round_trip(Edit::ReplaceExtraction {
        sources: sources.clone(),
        claims: vec![claim(4, "«Ça marche»", ClaimKind::Quote, None), c],
    });
    assert_eq!(ids(&p), [8, 4], "claims sorted into text order");
    assert_eq!(p.sources, sources);
    assert_eq!((p.next_claim_id, p.next_source_id), (9, 6));
}

#[test]
fn replace_extraction_with_same_lists_records_nothing() {
    let mut p = project();
    let mut h = History::new();
    let edit = Edit::ReplaceExtraction {
        sources: p.sources.clone(),
        claims: p.claims.clone(),
    };
    h.apply(&mut p, edit).expect("applies");
    assert!(!h.can_undo());
    assert_eq!(p, project());
}

// --- no-ops ---

#[test]
fn same_verdict_records_nothing() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_verdict(1, Verdict::Unreviewed))
        .expect("applies");
    assert_eq!(p, project());
    assert!(!h.can_undo());
    assert_eq!(h.revision(), 0);
    assert!(!h.is_dirty());
}

#[test]
fn same_note_records_nothing() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_note(1, "check the minutes"))
        .expect("applies");
    assert!(!h.can_undo());
    assert!(!h.is_dirty());
}

#[test]
fn same_kind_does_not_mark_manual() {
    let mut p = project();
    let mut h = History::new();
    let edit = Edit::SetClaimKind {
        claim: ClaimId(2),
        kind: ClaimKind::Statistic,
    };
    h.apply(&mut p, edit).expect("applies");
    assert_eq!(p, project());
    assert!(!h.can_undo());
}

#[test]
fn no_op_keeps_redo_tail() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_verdict(1, Verdict::Verified))
        .expect("applies");
    h.undo(&mut p);
    h.apply(&mut p, set_note(1, "check the minutes"))
        .expect("applies");
    assert!(h.can_redo());
}
