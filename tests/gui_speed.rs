//! The article view lays out only what is on screen, and only again when it changed.

#![cfg(feature = "gui")]

mod gui_support;
#[path = "gui_support/synthetic.rs"]
mod synthetic;

use std::sync::Arc;

use claimdesk::app::Startup;
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use gui_support::{TestResult, harness, startup};

#[test]
fn paragraphs_are_laid_out_once_and_only_when_visible() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("large.ron");
    let project = synthetic::large_project(300_000, 900);
    assert_eq!(project.claims.len(), 900);
    let paragraphs = project.article.paragraphs.len();
    claimdesk::project::save(&project, &path)?;
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    assert_eq!(h.state().project().map(|p| p.claims.len()), Some(900));

    let built = h.state().layouts_built();
    assert!(
        built > 0 && built < 80,
        "{built} of {paragraphs} paragraphs laid out for one screen"
    );
    h.run_steps(5);
    assert_eq!(
        h.state().layouts_built(),
        built,
        "steady frames lay out nothing"
    );

    // A verdict re-lays out the paragraphs that show the claim, not the article.
    h.get_by_label("c3").click();
    h.run();
    let before = h.state().layouts_built();
    h.key_press(Key::V);
    h.run();
    let after = h.state().layouts_built();
    assert!(
        after - before <= 4,
        "{} paragraphs laid out again",
        after - before
    );

    // Jumping far into the article lays out only the paragraphs around the claim.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Score")
        .click(); // sort by score: the table's first claim is anywhere
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Score")
        .click();
    h.run();
    let before = h.state().layouts_built();
    h.key_press(Key::J);
    h.run();
    let jumped = h.state().selected_claim().ok_or("nothing selected")?;
    assert!(jumped.0 > 100, "{jumped} is near the top");
    let laid = h.state().layouts_built() - before;
    assert!(laid < 60, "{laid} paragraphs laid out for a jump");
    Ok(())
}
