//! Labels, the undo/redo stacks, coalescing, dirty tracking and the cap.

use super::{claim, evidence, project, set_note, set_verdict, span_of, update_evidence};
use crate::history::{Edit, History};
use crate::model::{ClaimId, ClaimKind, ClaimSource, Source, SourceId, SourceKind, Verdict};

// --- labels ---

#[test]
fn labels_describe_each_edit() {
    let p = project();
    let cases = [
        (
            set_verdict(1, Verdict::NeedsContext),
            "Set verdict: Needs context",
        ),
        (set_note(1, "x"), "Edit note"),
        (
            Edit::AddEvidence {
                claim: ClaimId(1),
                evidence: evidence("u"),
            },
            "Add evidence",
        ),
        (update_evidence(2, 0, "u"), "Edit evidence"),
        (
            Edit::RemoveEvidence {
                claim: ClaimId(2),
                index: 0,
            },
            "Remove evidence",
        ),
        (
            Edit::AddClaim {
                claim: Box::new(claim(4, "May", ClaimKind::Fact, None)),
                new_source: None,
            },
            "Add claim",
        ),
        (Edit::DeleteClaim { claim: ClaimId(4) }, "Delete claim c4"),
        (
            Edit::SetClaimKind {
                claim: ClaimId(1),
                kind: ClaimKind::Statistic,
            },
            "Set kind: Statistic",
        ),
        (
            Edit::SetClaimSpan {
                claim: ClaimId(1),
                span: span_of("May"),
            },
            "Adjust claim extent",
        ),
        (
            Edit::ReplaceExtraction {
                sources: vec![],
                claims: vec![],
            },
            "Re-run extraction",
        ),
        (
            Edit::MergeSources {
                from: SourceId(2),
                into: SourceId(1),
            },
            "Merge Port Council into Mara Quill",
        ),
        (
            Edit::RemoveSource {
                source: SourceId(2),
            },
            "Remove source: Port Council",
        ),
    ];
    for (edit, label) in cases {
        assert_eq!(edit.label_in(&p), label);
    }
}

#[test]
fn set_source_label_names_the_source() {
    let existing = Edit::SetClaimSource {
        claim: ClaimId(3),
        source: Some(ClaimSource {
            id: SourceId(2),
            mention: None,
        }),
        new_source: None,
    };
    assert_eq!(existing.label(), "Set source: s2");
    assert_eq!(existing.label_in(&project()), "Set source: Port Council");

    let typed = Edit::SetClaimSource {
        claim: ClaimId(3),
        source: Some(ClaimSource {
            id: SourceId(3),
            mention: None,
        }),
        new_source: Some(Source::new(
            SourceId(3),
            "Harbor Authority",
            SourceKind::Organization,
        )),
    };
    assert_eq!(typed.label(), "Set source: Harbor Authority");

    let cleared = Edit::SetClaimSource {
        claim: ClaimId(3),
        source: None,
        new_source: None,
    };
    assert_eq!(cleared.label(), "Clear source");
}

#[test]
fn undo_and_redo_labels_follow_the_stacks() {
    let mut p = project();
    let mut h = History::new();
    assert_eq!(h.undo_label(), None);
    assert_eq!(h.redo_label(), None);
    h.apply(&mut p, set_verdict(1, Verdict::Disputed))
        .expect("applies");
    assert_eq!(
        h.undo_label().as_deref(),
        Some("Undo set verdict: Disputed")
    );
    assert_eq!(h.redo_label(), None);
    assert_eq!(h.undo(&mut p).as_deref(), Some("Set verdict: Disputed"));
    assert_eq!(h.undo_label(), None);
    assert_eq!(
        h.redo_label().as_deref(),
        Some("Redo set verdict: Disputed")
    );
    assert_eq!(h.redo(&mut p).as_deref(), Some("Set verdict: Disputed"));
}

#[test]
fn history_labels_sources_as_they_were_when_applied() {
    let mut p = project();
    let mut h = History::new();
    h.apply(
        &mut p,
        Edit::RemoveSource {
            source: SourceId(1),
        },
    )
    .expect("applies");
    assert_eq!(
        h.undo_label().as_deref(),
        Some("Undo remove source: Mara Quill")
    );
}

// --- undo / redo stacks ---

#[test]
fn undo_and_redo_on_empty_history_do_nothing() {
    let mut p = project();
    let mut h = History::new();
    assert_eq!(h.undo(&mut p), None);
    assert_eq!(h.redo(&mut p), None);
    assert!(!h.can_undo() && !h.can_redo());
    assert_eq!(p, project());
}

#[test]
fn several_edits_undo_in_reverse_and_redo_in_order() {
    let mut p = project();
    let mut h = History::new();
    let mut states = vec![p.clone()];
    for edit in [
        set_verdict(1, Verdict::Verified),
        Edit::DeleteClaim { claim: ClaimId(2) },
        set_note(3, "ask the ferry line"),
    ] {
        h.apply(&mut p, edit).expect("applies");
        states.push(p.clone());
    }
    for state in states.iter().rev().skip(1) {
        assert!(h.undo(&mut p).is_some());
        assert_eq!(&p, state);
    }
    assert!(!h.can_undo());
    for state in states.iter().skip(1) {
        assert!(h.redo(&mut p).is_some());
        assert_eq!(&p, state);
    }
    assert!(!h.can_redo());
}

#[test]
fn new_edit_drops_redo_tail() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_verdict(1, Verdict::Verified))
        .expect("applies");
    h.apply(&mut p, set_verdict(2, Verdict::Disputed))
        .expect("applies");
    h.undo(&mut p);
    h.undo(&mut p);
    assert!(h.can_redo());
    h.apply(&mut p, set_note(3, "new branch")).expect("applies");
    assert!(!h.can_redo());
    assert_eq!(h.redo(&mut p), None);
    assert_eq!(h.undo(&mut p).as_deref(), Some("Edit note"));
    assert_eq!(p, project());
}

#[test]
fn clear_forgets_entries_but_not_the_project_state() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_verdict(1, Verdict::Verified))
        .expect("applies");
    h.apply(&mut p, set_verdict(2, Verdict::Verified))
        .expect("applies");
    h.undo(&mut p);
    let revision = h.revision();
    h.clear();
    assert!(!h.can_undo() && !h.can_redo());
    assert_eq!(h.revision(), revision);
    assert!(h.is_dirty());
}

// --- coalescing ---

#[test]
fn consecutive_notes_on_same_claim_coalesce() {
    let mut p = project();
    let mut h = History::new();
    for note in ["c", "ch", "che", "chec", "check"] {
        h.apply(&mut p, set_note(3, note)).expect("applies");
    }
    assert_eq!(p.claims[2].review.note, "check");
    assert_eq!(h.undo(&mut p).as_deref(), Some("Edit note"));
    assert_eq!(p, project());
    assert!(!h.can_undo());
    h.redo(&mut p);
    assert_eq!(p.claims[2].review.note, "check");
}

#[test]
fn seal_stops_note_coalescing() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_note(3, "first")).expect("applies");
    let after_first = p.clone();
    h.seal();
    h.apply(&mut p, set_note(3, "first, then more"))
        .expect("applies");
    h.undo(&mut p);
    assert_eq!(p, after_first);
    h.undo(&mut p);
    assert_eq!(p, project());
}

#[test]
fn notes_on_different_claims_do_not_coalesce() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_note(2, "a")).expect("applies");
    h.apply(&mut p, set_note(3, "b")).expect("applies");
    h.apply(&mut p, set_note(2, "ab")).expect("applies");
    assert_eq!(h.undo.len(), 3);
}

#[test]
fn other_edit_between_notes_stops_coalescing() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_note(3, "a")).expect("applies");
    h.apply(&mut p, set_verdict(3, Verdict::Verified))
        .expect("applies");
    h.apply(&mut p, set_note(3, "ab")).expect("applies");
    assert_eq!(h.undo.len(), 3);
}

#[test]
fn note_after_undo_starts_new_entry() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_note(3, "a")).expect("applies");
    h.apply(&mut p, set_note(2, "b")).expect("applies");
    h.undo(&mut p);
    h.apply(&mut p, set_note(3, "ab")).expect("applies");
    assert_eq!(h.undo.len(), 2);
}

#[test]
fn note_typed_back_to_original_leaves_no_entry() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_note(1, "check the minutes!"))
        .expect("applies");
    h.apply(&mut p, set_note(1, "check the minutes"))
        .expect("applies");
    assert!(!h.can_undo());
    assert!(!h.is_dirty());
    assert_eq!(h.revision(), 0);
}

#[test]
fn note_typed_back_does_not_reach_past_a_seal() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_note(3, "a")).expect("applies");
    h.seal();
    h.apply(&mut p, set_note(3, "ab")).expect("applies");
    h.apply(&mut p, set_note(3, "a")).expect("applies");
    h.apply(&mut p, set_note(3, "ax")).expect("applies");
    assert_eq!(h.undo.len(), 2);
    h.undo(&mut p);
    assert_eq!(p.claims[2].review.note, "a");
}

#[test]
fn evidence_updates_on_same_item_coalesce() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, update_evidence(2, 1, "https://b.example/x"))
        .expect("applies");
    h.apply(&mut p, update_evidence(2, 1, "https://b.example/xy"))
        .expect("applies");
    assert_eq!(h.undo.len(), 1);
    assert_eq!(h.undo(&mut p).as_deref(), Some("Edit evidence"));
    assert_eq!(p, project());
}

#[test]
fn evidence_updates_on_other_items_do_not_coalesce() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, update_evidence(2, 0, "https://a.example/x"))
        .expect("applies");
    h.apply(&mut p, update_evidence(2, 1, "https://b.example/x"))
        .expect("applies");
    assert_eq!(h.undo.len(), 2);
}

// --- dirty tracking ---

#[test]
fn fresh_history_is_clean() {
    let h = History::default();
    assert!(!h.is_dirty());
    assert_eq!(h.cap(), History::DEFAULT_CAP);
}

#[test]
fn mark_unsaved_makes_clean_project_dirty_until_saved() {
    let mut h = History::new();
    h.mark_unsaved();
    assert!(h.is_dirty());
    h.mark_saved();
    assert!(!h.is_dirty());
}

#[test]
fn edit_makes_dirty_and_undo_makes_clean_again() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_verdict(1, Verdict::Verified))
        .expect("applies");
    assert!(h.is_dirty());
    h.undo(&mut p);
    assert!(!h.is_dirty());
    h.redo(&mut p);
    assert!(h.is_dirty());
}

#[test]
fn undo_past_save_is_dirty_and_redo_back_is_clean() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_verdict(1, Verdict::Verified))
        .expect("applies");
    h.mark_saved();
    assert!(!h.is_dirty());
    h.apply(&mut p, set_verdict(2, Verdict::Verified))
        .expect("applies");
    assert!(h.is_dirty());
    h.undo(&mut p);
    assert!(!h.is_dirty());
    h.undo(&mut p);
    assert!(h.is_dirty());
    h.redo(&mut p);
    assert!(!h.is_dirty());
    h.redo(&mut p);
    assert!(h.is_dirty());
}

#[test]
fn dropping_redo_tail_holding_saved_state_stays_dirty_until_save() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_verdict(1, Verdict::Verified))
        .expect("applies");
    h.mark_saved();
    h.undo(&mut p);
    h.apply(&mut p, set_verdict(1, Verdict::Disputed))
        .expect("applies");
    assert!(h.is_dirty());
    h.undo(&mut p);
    assert!(h.is_dirty());
    h.redo(&mut p);
    assert!(h.is_dirty());
    h.mark_saved();
    assert!(!h.is_dirty());
}

#[test]
fn save_seals_note_coalescing_so_undo_returns_to_saved_state() {
    let mut p = project();
    let mut h = History::new();
    h.apply(&mut p, set_note(3, "a")).expect("applies");
    h.mark_saved();
    h.apply(&mut p, set_note(3, "ab")).expect("applies");
    assert!(h.is_dirty());
    h.undo(&mut p);
    assert!(!h.is_dirty());
    assert_eq!(p.claims[2].review.note, "a");
}

#[test]
fn revision_changes_with_each_edit_and_returns_on_undo() {
    let mut p = project();
    let mut h = History::new();
    let r0 = h.revision();
    h.apply(&mut p, set_verdict(1, Verdict::Verified))
        .expect("applies");
    let r1 = h.revision();
    h.apply(&mut p, set_note(1, "x")).expect("applies");
    let r2 = h.revision();
    h.apply(&mut p, set_note(1, "xy")).expect("applies");
    let r3 = h.revision();
    assert!(r0 != r1 && r1 != r2 && r2 != r3 && r0 != r3);
    h.undo(&mut p);
    assert_eq!(h.revision(), r1);
    h.redo(&mut p);
    assert_eq!(h.revision(), r3);
}

// --- cap ---

#[test]
fn cap_drops_oldest_entries() {
    let mut p = project();
    let mut h = History::with_cap(2);
    for verdict in [Verdict::Verified, Verdict::Disputed, Verdict::NeedsContext] {
        h.apply(&mut p, set_verdict(1, verdict)).expect("applies");
    }
    assert_eq!(
        h.undo(&mut p).as_deref(),
        Some("Set verdict: Needs context")
    );
    assert_eq!(h.undo(&mut p).as_deref(), Some("Set verdict: Disputed"));
    assert_eq!(h.undo(&mut p), None);
    assert_eq!(p.claims[0].review.verdict, Verdict::Verified);
    assert!(
        h.is_dirty(),
        "the saved state was dropped with the oldest entry"
    );
}

#[test]
fn default_cap_keeps_a_thousand_entries() {
    let mut p = project();
    let mut h = History::new();
    for i in 0..1001 {
        h.apply(&mut p, set_note(1, &i.to_string()))
            .expect("applies");
        h.seal();
    }
    assert_eq!(h.undo.len(), 1000);
    while h.undo(&mut p).is_some() {}
    assert_eq!(p.claims[0].review.note, "0");
}

#[test]
fn zero_cap_applies_edits_but_keeps_no_entries() {
    let mut p = project();
    let mut h = History::with_cap(0);
    h.apply(&mut p, set_verdict(1, Verdict::Verified))
        .expect("applies");
    assert_eq!(p.claims[0].review.verdict, Verdict::Verified);
    assert!(!h.can_undo());
    assert!(h.is_dirty());
}
