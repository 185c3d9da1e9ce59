//! A working day's frictions, fixed: the first start opens the bundled example anywhere,
//! undo and redo show the claim they changed, and keys work at once after a file dialog.

#![cfg(feature = "gui")]

mod gui_support;

use std::sync::Arc;

use claimdesk::app::{Prefs, Startup};
use claimdesk::model::{ClaimId, Verdict};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use gui_support::{FakePicker, TestResult, harness, saved_sample, startup};

#[test]
fn the_first_start_opens_the_bundled_example_wherever_claimdesk_runs() -> TestResult {
    let dir = tempfile::tempdir()?;
    // Started from a folder with no projects/ in it, with no last project.
    let h = harness(
        Startup::restore()
            .with_data_dir(dir.path())
            .with_picker(Arc::<FakePicker>::default())
            .with_prefs(Prefs::default())
            .synchronous(),
    );
    let project = h.state().project().ok_or("the example is open")?;
    assert!(project.claims.len() > 5, "{} claims", project.claims.len());
    assert_eq!(
        h.state().project_path(),
        None,
        "saving asks where to keep it"
    );
    assert!(!h.state().is_dirty());
    assert!(h.query_by_label_contains("The example project").is_some());
    Ok(())
}

#[test]
fn undo_and_redo_select_the_claim_they_changed() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    h.get_by_label("c4").click();
    h.run();
    h.key_press(Key::V);
    h.run();
    h.get_by_label("c2").click();
    h.run();
    assert_eq!(h.state().selected_claim(), Some(ClaimId(2)));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().selected_claim(),
        Some(ClaimId(4)),
        "undo shows c4"
    );
    let verdict = |h: &egui_kittest::Harness<'_, claimdesk::app::App>| {
        h.state()
            .project()
            .and_then(|p| p.claim(ClaimId(4)))
            .map(|c| c.review.verdict)
    };
    assert_eq!(verdict(&h), Some(Verdict::Unreviewed));
    h.get_by_label("Claim c4");
    h.get_by_label("c2").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(
        h.state().selected_claim(),
        Some(ClaimId(4)),
        "redo shows c4"
    );
    assert_eq!(verdict(&h), Some(Verdict::Verified));
    Ok(())
}

#[test]
fn triage_keys_work_at_once_after_a_file_dialog() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let picker = Arc::<FakePicker>::default();
    let mut h = harness(startup(Startup::open(&path), dir.path(), picker.clone()));
    h.get_by_label("c2").click();
    h.run();
    // N puts the cursor in the note; Ctrl+O still opens the (cancelled) dialog.
    h.key_press(Key::N);
    h.run();
    assert!(h.ctx.text_edit_focused());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(
        picker.asked.lock().map(|a| a.clone()).unwrap_or_default(),
        ["Open project"]
    );
    assert!(!h.ctx.text_edit_focused(), "the note field let go");
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().selected_claim(), Some(ClaimId(3)));
    Ok(())
}
