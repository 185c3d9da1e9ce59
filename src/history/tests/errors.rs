//! Refused edits: each error, and that nothing changes.

use super::{TEXT, claim, project, refused, set_note, set_verdict, span_of, update_evidence};
use crate::history::{Edit, EditError, History};
use crate::model::{ClaimId, ClaimKind, ClaimSource, Source, SourceId, SourceKind, Span, Verdict};

#[test]
fn unknown_claim_is_refused() {
    assert_eq!(
        refused(set_verdict(42, Verdict::Verified)),
        EditError::UnknownClaim(ClaimId(42))
    );
    assert_eq!(
        refused(Edit::DeleteClaim { claim: ClaimId(42) }),
        EditError::UnknownClaim(ClaimId(42))
    );
}

#[test]
fn evidence_index_out_of_range_is_refused() {
    let err = refused(Edit::RemoveEvidence {
        claim: ClaimId(2),
        index: 2,
    });
    assert_eq!(
        err,
        EditError::EvidenceOutOfRange {
            claim: ClaimId(2),
            index: 2,
            len: 2
        }
    );
    refused(update_evidence(1, 0, "https://x.example"));
}

#[test]
fn span_off_char_boundary_is_refused() {
    let inside_c_cedilla = span_of("Ça").start + 1;
    let span = Span::new(inside_c_cedilla, inside_c_cedilla + 3);
    let err = refused(Edit::SetClaimSpan {
        claim: ClaimId(3),
        span,
    });
    assert_eq!(
        err,
        EditError::InvalidSpan {
            span,
            len: TEXT.len()
        }
    );
}

#[test]
fn span_past_end_of_text_is_refused() {
    let span = Span::new(TEXT.len() - 2, TEXT.len() + 5);
    let mut c = claim(4, "May", ClaimKind::Fact, None);
    c.span = span;
    assert!(matches!(
        refused(Edit::AddClaim {
            claim: Box::new(c),
            new_source: None
        }),
        EditError::InvalidSpan { .. }
    ));
}

#[test]
fn empty_claim_span_is_refused() {
    let span = Span::new(3, 3);
    assert_eq!(
        refused(Edit::SetClaimSpan {
            claim: ClaimId(1),
            span
        }),
        EditError::EmptySpan(span)
    );
}

#[test]
fn add_claim_with_existing_id_is_refused() {
    assert_eq!(
        refused(Edit::AddClaim {
            claim: Box::new(claim(2, "May", ClaimKind::Fact, None)),
            new_source: None
        }),
        EditError::DuplicateClaim(ClaimId(2))
    );
}

#[test]
fn add_claim_with_unregistered_source_is_refused() {
    assert_eq!(
        refused(Edit::AddClaim {
            claim: Box::new(claim(4, "May", ClaimKind::Fact, Some(9))),
            new_source: None
        }),
        EditError::UnknownSource(SourceId(9))
    );
}

#[test]
fn new_source_with_existing_id_is_refused() {
    let err = refused(Edit::SetClaimSource {
        claim: ClaimId(3),
        source: Some(ClaimSource {
            id: SourceId(2),
            mention: None,
        }),
        new_source: Some(Source::new(SourceId(2), "Twin", SourceKind::Person)),
    });
    assert_eq!(err, EditError::DuplicateSource(SourceId(2)));
}

#[test]
fn new_source_the_claim_does_not_use_is_refused() {
    let err = refused(Edit::SetClaimSource {
        claim: ClaimId(3),
        source: Some(ClaimSource {
            id: SourceId(1),
            mention: None,
        }),
        new_source: Some(Source::new(SourceId(3), "Stray", SourceKind::Person)),
    });
    assert_eq!(err, EditError::UnusedNewSource(SourceId(3)));
}

#[test]
fn merge_into_self_and_unknown_sources_are_refused() {
    let same = Edit::MergeSources {
        from: SourceId(1),
        into: SourceId(1),
    };
    assert_eq!(refused(same), EditError::MergeIntoSelf(SourceId(1)));
    let unknown = Edit::MergeSources {
        from: SourceId(1),
        into: SourceId(9),
    };
    assert_eq!(refused(unknown), EditError::UnknownSource(SourceId(9)));
}

#[test]
fn replace_extraction_with_duplicate_ids_is_refused() {
    let c = claim(5, "May", ClaimKind::Fact, None);
    let err = refused(Edit::ReplaceExtraction {
        sources: vec![],
        claims: vec![c.clone(), c],
    });
    assert_eq!(err, EditError::DuplicateClaim(ClaimId(5)));
}

#[test]
fn refused_edit_keeps_history_as_it_was() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_verdict(1, Verdict::Verified))
        .expect("applies");
    let (before, revision) = (p.clone(), h.revision());
    assert!(h.apply(&mut p, set_note(42, "x")).is_err());
    assert_eq!(p, before);
    assert_eq!(h.revision(), revision);
    assert_eq!(
        h.undo_label().as_deref(),
        Some("Undo set verdict: Verified")
    );
}

#[test]
fn error_messages_say_what_to_do() {
    let msg = EditError::UnknownClaim(ClaimId(4)).to_string();
    assert!(msg.starts_with("claim c4 does not exist"), "{msg}");
}
