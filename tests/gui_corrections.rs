//! Correcting where claims sit, in the window: a claim's extent set from a text
//! selection, a hand-added claim numbered in text order, File › Update article… with a
//! corrected story, and the orphans it leaves attached again or deleted — each undone.

#![cfg(feature = "gui")]

mod gui_support;

use std::sync::Arc;

use claimdesk::app::Startup;
use claimdesk::model::{Claim, ClaimId, Origin, Verdict};
use egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use gui_support::{FakePicker, TestResult, harness, sample, saved_sample, startup};

type App = claimdesk::app::App;

fn open(picker: Arc<FakePicker>) -> (tempfile::TempDir, Harness<'static, App>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_sample(dir.path());
    let h = harness(startup(Startup::open(&path), dir.path(), picker));
    (dir, h)
}

/// Drags across the first `width` points of the paragraph whose text starts with `start`.
fn select_in_paragraph(h: &mut Harness<'static, App>, start: &str, width: f32) {
    let rect = h.get_by_label_contains(start).rect();
    let from = rect.left_top() + Vec2::new(1.0, 8.0);
    let to = rect.left_top() + Vec2::new(width, 8.0);
    drag(h, from, to);
}

fn drag(h: &mut Harness<'static, App>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.drag_at(from);
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
}

fn claim(h: &Harness<'static, App>, id: ClaimId) -> Option<Claim> {
    h.state().project().and_then(|p| p.claim(id)).cloned()
}

/// Selects claim `id` in the table, selects the start of the first body paragraph
/// (`width` points of it), and returns the claim as it was.
fn select_claim_and_text(h: &mut Harness<'static, App>, id: ClaimId, width: f32) -> Option<Claim> {
    let before = claim(h, id);
    h.get_by_label(&id.to_string()).click();
    h.run();
    select_in_paragraph(h, "CORK, Ireland, Feb. 11", width);
    before
}

/// File › Update article… (the picker answers with the corrected file).
fn update_article(h: &mut Harness<'static, App>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Update article…").click();
    h.run();
}

#[test]
fn a_claims_extent_is_set_from_a_selection_and_undone() -> TestResult {
    let (_dir, mut h) = open(Arc::default());
    let before = claim(&h, ClaimId(2)).ok_or("no c2")?;
    h.get_by_label("c2").click();
    h.run();
    assert!(
        h.query_by_label("Set extent of c2").is_none(),
        "no button without a selection"
    );
    select_in_paragraph(&mut h, "CORK, Ireland, Feb. 11", 240.0);
    h.get_by_label("Set extent of c2").click();
    h.run();

    let project = h.state().project().ok_or("no project")?;
    let after = project.claim(ClaimId(2)).ok_or("c2 gone")?;
    assert_ne!(after.span, before.span);
    assert!(
        after
            .text(&project.article.text)
            .starts_with("CORK, Ireland"),
        "{:?}",
        after.text(&project.article.text)
    );
    assert_eq!(after.origin, Origin::Manual);
    assert_eq!(after.review, before.review, "the review stays");
    // Text order is kept: the claims stay sorted by where they start.
    assert!(project.claims.is_sorted_by_key(|c| c.span.start));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(claim(&h, ClaimId(2)), Some(before));
    Ok(())
}

#[test]
fn starting_a_selection_does_not_rewrap_the_article() {
    let (_dir, mut h) = open(Arc::default());
    let paragraphs = [
        "CORK, Ireland, Feb. 11",
        "City Treasurer Declan Moriarty told",
    ];
    let rects = |h: &Harness<'static, App>| -> Vec<egui::Rect> {
        paragraphs
            .iter()
            .map(|p| h.get_by_label_contains(p).rect())
            .collect()
    };
    let before = rects(&h);
    let start = before[0].left_top() + Vec2::new(30.0, 8.0);
    h.hover_at(start);
    h.drag_at(start);
    h.run();
    h.hover_at(before[0].left_top() + Vec2::new(300.0, 30.0));
    h.run();
    assert_eq!(
        rects(&h),
        before,
        "mid-drag, every paragraph keeps its lines"
    );
    h.drop_at(before[0].left_top() + Vec2::new(300.0, 30.0));
    h.run();
    assert!(h.query_by_label("Add claim…").is_some(), "text is selected");
    assert_eq!(rects(&h), before, "with a selection, too");
}

#[test]
fn the_e_key_sets_the_extent_too() -> TestResult {
    let (_dir, mut h) = open(Arc::default());
    let before = select_claim_and_text(&mut h, ClaimId(3), 160.0).ok_or("no c3")?;
    h.key_press(Key::E);
    h.run();
    let after = claim(&h, ClaimId(3)).ok_or("c3 gone")?;
    assert_ne!(after.span, before.span);
    assert_eq!(after.origin, Origin::Manual);
    Ok(())
}

#[test]
fn a_hand_added_claim_takes_its_place_in_text_order_in_the_table() -> TestResult {
    let (_dir, mut h) = open(Arc::default());
    select_in_paragraph(&mut h, "CORK, Ireland, Feb. 11", 240.0);
    h.get_by_label("Add claim…").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Add claim")
        .click();
    h.run();
    let project = h.state().project().cloned().ok_or("no project")?;
    let added = project
        .claims
        .iter()
        .position(|c| c.origin == Origin::Manual)
        .ok_or("no manual claim")?;
    let id = project.claims[added].id;
    assert!(id.0 > 3, "a fresh id, larger than its neighbours': {id}");
    // Its row sits between the rows of the claims before and after it in the text.
    let row_top = |id: ClaimId| h.get_by_label(&id.to_string()).rect().top();
    let mine = row_top(id);
    if let Some(prev) = added.checked_sub(1) {
        assert!(row_top(project.claims[prev].id) < mine);
    }
    if let Some(next) = project.claims.get(added + 1) {
        assert!(mine < row_top(next.id));
    }
    Ok(())
}

/// The sample article with the passage of one reviewed claim replaced, as an outlet's
/// correction would; returns the corrected file and the claim that lost its passage.
fn corrected_article(
    dir: &std::path::Path,
    h: &Harness<'static, App>,
) -> Result<(std::path::PathBuf, ClaimId), Box<dyn std::error::Error>> {
    let raw = std::fs::read_to_string(sample("harbour-bridge-tolls.txt"))?;
    let project = h.state().project().ok_or("no project")?;
    let gone = project
        .claims
        .iter()
        .skip(1)
        .find(|c| {
            let t = c.text(&project.article.text);
            t.len() > 40 && raw.matches(t).count() == 1
        })
        .ok_or("no claim found verbatim in the file")?;
    let corrected = raw.replace(
        gone.text(&project.article.text),
        "An earlier version of this story misstated a figure; it has been removed.",
    );
    let path = dir.join("harbour-corrected.txt");
    std::fs::write(&path, corrected)?;
    Ok((path, gone.id))
}

#[test]
fn updating_the_article_keeps_every_claim_and_orphans_can_be_attached() -> TestResult {
    let picker = Arc::new(FakePicker::default());
    let (dir, mut h) = open(picker.clone());
    let (corrected, gone) = corrected_article(dir.path(), &h)?;
    let claims_before = h.state().project().map_or(0, |p| p.claims.len());
    // Review the claim that is about to lose its passage.
    h.get_by_label(&gone.to_string()).click();
    h.run();
    h.key_press(Key::D);
    h.run();
    let original = h.state().project().cloned().ok_or("no project")?;

    *picker.open.lock().map_err(|e| e.to_string())? = Some(corrected.clone());
    update_article(&mut h);

    let project = h.state().project().cloned().ok_or("no project")?;
    assert!(project.article.text.contains("misstated a figure"));
    assert_eq!(
        project.claims.len() + project.orphans.len(),
        claims_before,
        "no claim dropped"
    );
    let orphan = project.orphan(gone).ok_or("the claim became an orphan")?;
    assert_eq!(orphan.claim.review.verdict, Verdict::Disputed);
    let notice = h
        .state()
        .notices()
        .iter()
        .find(|n| {
            n.text
                .contains("Updated the article from harbour-corrected.txt")
        })
        .ok_or("no summary notice")?;
    assert!(notice.text.contains("1 orphaned"), "{}", notice.text);
    h.get_by_label("1 orphan — no longer in the article");
    assert!(
        h.get_by_label("Attach to selection")
            .accesskit_node()
            .is_disabled(),
        "nothing selected in the article yet"
    );
    h.get_by_label("Select its passage in the article, then Attach; or delete it.");

    // Attach it to a passage selected in the article.
    select_in_paragraph(&mut h, "CORK, Ireland, Feb. 11", 200.0);
    h.get_by_label("Attach to selection").click();
    h.run();
    let project = h.state().project().cloned().ok_or("no project")?;
    assert!(project.orphans.is_empty());
    let placed = project.claim(gone).ok_or("attached")?;
    assert_eq!(
        placed.review.verdict,
        Verdict::Disputed,
        "its review came along"
    );
    assert!(placed.text(&project.article.text).starts_with("CORK"));
    assert_eq!(h.state().selected_claim(), Some(gone));
    assert!(
        h.query_by_label("1 orphan — no longer in the article")
            .is_none()
    );

    // Undo the attach, then the update: the article and the claim are back as they were.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state()
            .project()
            .is_some_and(|p| p.orphan(gone).is_some())
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project(), Some(&original));
    // The article view shows the old text again (its layout was rebuilt).
    h.get_by_label_contains("CORK, Ireland, Feb. 11");
    Ok(())
}

#[test]
fn an_orphan_can_be_deleted_and_brought_back() -> TestResult {
    let picker = Arc::new(FakePicker::default());
    let (dir, mut h) = open(picker.clone());
    let (corrected, gone) = corrected_article(dir.path(), &h)?;
    *picker.open.lock().map_err(|e| e.to_string())? = Some(corrected);
    update_article(&mut h);
    assert!(
        h.state()
            .project()
            .is_some_and(|p| p.orphan(gone).is_some())
    );
    h.get_by_label("Delete").click();
    h.run();
    assert!(h.state().project().is_some_and(|p| p.orphans.is_empty()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state()
            .project()
            .is_some_and(|p| p.orphan(gone).is_some())
    );
    Ok(())
}

#[test]
fn an_unreadable_correction_changes_nothing_and_says_why() -> TestResult {
    let picker = Arc::new(FakePicker::default());
    let (dir, mut h) = open(picker.clone());
    let before = h.state().project().cloned();
    let bad = dir.path().join("scan.txt");
    std::fs::write(&bad, [0u8, 159, 146, 150, 0, 1, 2])?;
    *picker.open.lock().map_err(|e| e.to_string())? = Some(bad);
    update_article(&mut h);
    assert_eq!(h.state().project().cloned(), before);
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| n.text.contains("scan.txt")),
        "the error names the file"
    );
    Ok(())
}
