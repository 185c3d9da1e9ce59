//! Orphans (claims whose passage left the article) attached again or deleted, and whole
//! article updates, each undone exactly.

use super::{History, TEXT, ids, project, span_of};
use crate::history::{Edit, EditError};
use crate::model::{Article, ClaimId, ClaimSource, Origin, Orphan, Project, SourceId, Verdict};

/// The fixture project with c2 turned into an orphan (its passage "gone" from the text).
fn with_orphan() -> Project {
    let mut p = project();
    let mut gone = p.claims.remove(1);
    gone.review.verdict = Verdict::Disputed;
    gone.review.note = "the council's figure was 9%".to_owned();
    gone.cue = Some(crate::model::Cue {
        text: "reported".to_owned(),
        span: span_of("reported"),
        class: None,
    });
    gone.source = Some(ClaimSource {
        id: SourceId(2),
        mention: Some(span_of("Port Council")),
    });
    p.orphans.push(Orphan {
        quote: "Ferry tickets rose 12% last year".to_owned(),
        prefix: "in May. ".to_owned(),
        suffix: ", the Port".to_owned(),
        claim: gone,
    });
    p
}

fn round_trip_on(original: &Project, edit: Edit) -> Project {
    let mut p = original.clone();
    let mut h = History::new();
    h.apply(&mut p, edit).expect("edit applies");
    let edited = p.clone();
    assert_ne!(edited, *original);
    h.undo(&mut p);
    assert_eq!(p, *original, "undo restores the project");
    h.redo(&mut p);
    assert_eq!(p, edited, "redo re-applies the edit");
    edited
}

#[test]
fn attaching_an_orphan_places_it_in_text_order_with_its_review() {
    let original = with_orphan();
    let span = span_of("Ferry tickets rose 12%");
    let p = round_trip_on(
        &original,
        Edit::AttachOrphan {
            claim: ClaimId(2),
            span,
        },
    );
    assert!(p.orphans.is_empty());
    assert_eq!(ids(&p), [1, 2, 3], "placed between c1 and c3");
    let placed = p.claim(ClaimId(2)).expect("attached");
    assert_eq!(placed.span, span);
    assert_eq!(placed.review.verdict, Verdict::Disputed);
    assert_eq!(placed.review.note, "the council's figure was 9%");
    assert_eq!(placed.origin, Origin::Manual);
    assert_eq!(placed.cue, None, "the old cue indexed the old text");
    assert_eq!(
        placed.source,
        Some(ClaimSource {
            id: SourceId(2),
            mention: None
        }),
        "the source stays, its old mention goes"
    );
}

#[test]
fn attaching_drops_a_source_that_left_the_registry() {
    let mut original = with_orphan();
    original.sources.retain(|s| s.id != SourceId(2));
    let mut p = original.clone();
    let mut h = History::new();
    let span = span_of("Ferry tickets");
    h.apply(
        &mut p,
        Edit::AttachOrphan {
            claim: ClaimId(2),
            span,
        },
    )
    .expect("attaches");
    assert_eq!(p.claim(ClaimId(2)).and_then(|c| c.source), None);
}

#[test]
fn attaching_refuses_unknown_orphans_and_bad_spans() {
    let original = with_orphan();
    for (edit, want) in [
        (
            Edit::AttachOrphan {
                claim: ClaimId(1),
                span: span_of("Mara"),
            },
            EditError::UnknownOrphan(ClaimId(1)),
        ),
        (
            Edit::AttachOrphan {
                claim: ClaimId(2),
                span: crate::model::Span::new(4, 4),
            },
            EditError::EmptySpan(crate::model::Span::new(4, 4)),
        ),
        (
            Edit::DeleteOrphan { claim: ClaimId(9) },
            EditError::UnknownOrphan(ClaimId(9)),
        ),
    ] {
        let mut p = original.clone();
        let mut h = History::new();
        assert_eq!(h.apply(&mut p, edit), Err(want));
        assert_eq!(p, original);
        assert!(!h.can_undo());
    }
}

#[test]
fn deleting_an_orphan_round_trips() {
    let p = round_trip_on(&with_orphan(), Edit::DeleteOrphan { claim: ClaimId(2) });
    assert!(p.orphans.is_empty());
    assert_eq!(ids(&p), [1, 3]);
}

#[test]
fn updating_the_article_swaps_everything_and_changes_the_article_revision() {
    let original = project();
    let corrected = format!("Correction: {TEXT}");
    let (updated, summary) =
        crate::project::update_article(&original, Article::from_text("Harbor notes", &corrected))
            .expect("updates");
    assert_eq!(summary.moved.len(), 3, "{summary:?}");
    let mut p = original.clone();
    let mut h = History::new();
    let before = h.article_revision();
    h.apply(
        &mut p,
        Edit::UpdateArticle {
            project: Box::new(updated.clone()),
        },
    )
    .expect("applies");
    assert_eq!(p, updated);
    let after = h.article_revision();
    assert_ne!(after, before);
    assert_eq!(h.undo_label().as_deref(), Some("Undo update article"));

    // A verdict edit leaves the article revision alone.
    h.apply(&mut p, super::set_verdict(1, Verdict::Verified))
        .expect("verdict");
    assert_eq!(h.article_revision(), after);
    h.undo(&mut p);
    assert_eq!(h.article_revision(), after);

    h.undo(&mut p);
    assert_eq!(p, original, "undo brings the old article back");
    assert_ne!(h.article_revision(), after);
    h.redo(&mut p);
    assert_eq!(p, updated);
    assert_ne!(h.article_revision(), before);
}

#[test]
fn an_update_with_claims_off_the_text_is_refused() {
    let original = project();
    let mut broken = original.clone();
    broken.article = Article::from_text("Harbor notes", "Short.");
    let mut p = original.clone();
    let mut h = History::new();
    let err = h
        .apply(
            &mut p,
            Edit::UpdateArticle {
                project: Box::new(broken),
            },
        )
        .expect_err("claims no longer fit the text");
    assert!(matches!(err, EditError::InvalidSpan { .. }), "{err:?}");
    assert_eq!(p, original);
}
