//! Files from the window: save and reopen, Save as for an imported article, the
//! unsaved-changes prompt, bad files, a file changed on disk, autosave and recovery,
//! drag and drop, export.

#![cfg(feature = "gui")]

mod gui_support;

use std::sync::Arc;

use claimdesk::app::{Dialog, Startup};
use claimdesk::model::{ClaimId, Verdict};
use egui::{Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::kittest::Queryable as _;
use gui_support::{
    Dropped, FakePicker, TestResult, harness, sample, saved_sample, startup, tally_text,
};

fn request_close(h: &mut egui_kittest::Harness<'_, claimdesk::app::App>) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.run();
}

fn close_was_cancelled(h: &egui_kittest::Harness<'_, claimdesk::app::App>) -> bool {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose))
}

#[test]
fn save_then_reopen_gives_the_same_project() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    h.get_by_label("c4").click();
    h.run();
    h.key_press(Key::D);
    h.key_press(Key::J);
    h.key_press(Key::V);
    h.run();
    h.key_press(Key::N);
    h.run();
    h.get_by_label("Note")
        .type_text("Checked against the 2019 accounts.");
    h.run();
    h.get_by_label("Evidence URL").scroll_to_me();
    h.run();
    h.get_by_label("Evidence URL").click();
    h.run();
    h.get_by_label("Evidence URL")
        .type_text("https://example.org/accounts-2019");
    h.run();
    h.get_by_label("Add evidence").click();
    h.run();
    assert_eq!(h.state().title(), "harbour • — claimdesk");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().is_dirty());
    assert_eq!(h.state().title(), "harbour — claimdesk");
    let edited = h.state().project().cloned().ok_or("no project")?;
    let c5 = edited.claim(ClaimId(5)).ok_or("no c5")?;
    assert_eq!(c5.review.verdict, Verdict::Verified);
    assert_eq!(c5.review.note, "Checked against the 2019 accounts.");
    assert_eq!(c5.review.evidence.len(), 1);

    let reopened = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    assert_eq!(reopened.state().project(), Some(&edited));
    assert!(!reopened.state().is_dirty());
    assert_eq!(tally_text(&reopened), tally_text(&h));
    Ok(())
}

#[test]
fn the_unsaved_changes_prompt_appears_on_close() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));

    // Without changes the window just closes.
    request_close(&mut h);
    assert!(h.state().dialog().is_none());

    h.get_by_label("c3").click();
    h.run();
    h.key_press(Key::X);
    h.run();
    request_close(&mut h);
    assert!(close_was_cancelled(&h) || matches!(h.state().dialog(), Some(Dialog::Unsaved { .. })));
    assert!(matches!(h.state().dialog(), Some(Dialog::Unsaved { .. })));
    h.get_by_label("“harbour” has unsaved changes. Save them first?");
    h.get_by_label("Discard");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().dialog().is_none());
    assert!(h.state().is_dirty());

    request_close(&mut h);
    h.get_by_label("Save").click();
    h.run();
    assert!(!h.state().is_dirty());
    let on_disk = claimdesk::project::load(&path)?.project;
    assert_eq!(
        on_disk.claim(ClaimId(3)).map(|c| c.review.verdict),
        Some(Verdict::Unverifiable)
    );
    Ok(())
}

#[test]
fn a_bad_file_shows_an_error_and_changes_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let bad = dir.path().join("broken.ron");
    std::fs::write(&bad, "(version: 1, article: (title: \"cut off")?;
    let picker = Arc::new(FakePicker::default());
    *picker.open.lock().map_err(|e| e.to_string())? = Some(bad.clone());
    let mut h = harness(startup(Startup::open(&path), dir.path(), picker.clone()));
    let before = h.state().project().cloned();

    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().project().cloned(), before);
    assert_eq!(h.state().project_path(), Some(path.as_path()));
    let error = h
        .state()
        .notices()
        .iter()
        .find(|n| n.text.contains("broken.ron"))
        .ok_or("no error notice")?;
    assert_eq!(error.level, claimdesk::app::notify::Level::Error);
    h.get_by_label(error.text.as_str());

    // An unreadable article, from the recent list path: also an error, nothing changes.
    let binary = dir.path().join("photo.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2])?;
    *picker.open.lock().map_err(|e| e.to_string())? = Some(binary);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().project().cloned(), before);
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| n.text.contains("photo.txt"))
    );
    // The errors can be dismissed.
    let dismiss = h.query_all_by_label("Dismiss").count();
    assert!(dismiss >= 2);
    h.query_all_by_label("Dismiss")
        .next()
        .ok_or("no Dismiss")?
        .click();
    h.run();
    assert_eq!(h.query_all_by_label("Dismiss").count(), dismiss - 1);
    Ok(())
}

#[test]
fn an_imported_article_is_saved_with_save_as() -> TestResult {
    let dir = tempfile::tempdir()?;
    let target = dir.path().join("clinics.ron");
    let picker = Arc::new(FakePicker::default());
    *picker.save.lock().map_err(|e| e.to_string())? = Some(target.clone());
    let mut h = harness(startup(
        Startup::open(sample("river-clinic-closures.md")),
        dir.path(),
        picker.clone(),
    ));
    let imported = h.state().project().cloned().ok_or("import failed")?;
    assert!(!imported.claims.is_empty());
    assert!(
        h.state().is_dirty(),
        "an imported article has never been saved"
    );
    assert_eq!(h.state().project_path(), None);
    h.get_by_label("Not saved yet");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(h.state().project_path(), Some(target.as_path()));
    assert!(!h.state().is_dirty());
    assert_eq!(claimdesk::project::load(&target)?.project, imported);
    assert_eq!(
        picker.asked.lock().map_err(|e| e.to_string())?.as_slice(),
        ["Save project as"]
    );
    Ok(())
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    h.get_by_label("c2").click();
    h.run();
    h.key_press(Key::V);
    h.run();
    let mut other = claimdesk::project::load(&path)?.project;
    other.article.title = "Edited elsewhere".into();
    claimdesk::project::save(&other, &path)?;

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::ChangedOnDisk { .. })
    ));
    assert!(h.state().is_dirty());
    assert_eq!(
        claimdesk::project::load(&path)?.project.article.title,
        "Edited elsewhere"
    );
    h.get_by_label("Overwrite").click();
    h.run();
    assert!(!h.state().is_dirty());
    let saved = claimdesk::project::load(&path)?.project;
    assert_eq!(
        saved.claim(ClaimId(2)).map(|c| c.review.verdict),
        Some(Verdict::Verified)
    );
    Ok(())
}

#[test]
fn autosave_writes_a_recovery_file_that_the_next_start_offers() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let recovery = claimdesk::project::recovery_path(Some(&path), dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    h.get_by_label("c6").click();
    h.run();
    h.key_press(Key::D);
    h.run();
    assert!(!recovery.exists());
    // A minute later, the change is autosaved.
    let now = h.ctx.input(|i| i.time);
    h.input_mut().time = Some(now + 61.0);
    h.run();
    h.input_mut().time = Some(now + 62.0);
    h.run();
    assert!(recovery.exists(), "no autosave at {}", recovery.display());
    assert!(h.state().autosave_status().starts_with("Autosaved"));
    h.get_by_label(h.state().autosave_status());
    drop(h);

    let mut next = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    assert!(matches!(next.state().dialog(), Some(Dialog::Recover(_))));
    next.get_by_label("Recover").click();
    next.run();
    let project = next.state().project().ok_or("no project")?;
    assert_eq!(
        project.claim(ClaimId(6)).map(|c| c.review.verdict),
        Some(Verdict::Disputed)
    );
    assert!(
        next.state().is_dirty(),
        "recovered changes are not saved yet"
    );
    assert_eq!(next.state().project_path(), Some(path.as_path()));
    // Saving removes the recovery file.
    next.key_press_modifiers(Modifiers::COMMAND, Key::S);
    next.run();
    assert!(!recovery.exists());
    Ok(())
}

#[test]
fn dropping_an_article_opens_it_after_asking_about_unsaved_changes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    h.get_by_label("c2").click();
    h.run();
    h.key_press(Key::V);
    h.run();
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(sample("drought-relief-fund.txt"))));
    h.run();
    assert!(matches!(h.state().dialog(), Some(Dialog::Unsaved { .. })));
    h.get_by_label("Discard").click();
    h.run();
    let project = h.state().project().ok_or("no project")?;
    assert!(project.article.text.contains("Zambia"));
    assert_eq!(h.state().project_path(), None);
    // The harbour project was left as saved.
    let on_disk = claimdesk::project::load(&path)?.project;
    assert_eq!(
        on_disk.claim(ClaimId(2)).map(|c| c.review.verdict),
        Some(Verdict::Unreviewed)
    );
    Ok(())
}

#[test]
fn exporting_a_report() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let out = dir.path().join("report.md");
    let picker = Arc::new(FakePicker::default());
    *picker.save.lock().map_err(|e| e.to_string())? = Some(out.clone());
    let mut h = harness(startup(Startup::open(&path), dir.path(), picker));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Markdown").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    let report = std::fs::read_to_string(&out)?;
    assert!(
        report.starts_with("# Fact-check report"),
        "{}",
        &report[..report.len().min(200)]
    );
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| n.text.contains("report.md"))
    );
    Ok(())
}
