//! Notices: at most three errors on screen, every message in View › Messages…, and a
//! project file cut short offers its backup with a button that opens it.

#![cfg(feature = "gui")]

mod gui_support;

use std::sync::Arc;

use claimdesk::app::notify::Level;
use claimdesk::app::{Action, Dialog, Startup};
use egui_kittest::kittest::Queryable as _;
use gui_support::{FakePicker, TestResult, harness, sample_project, startup};

#[test]
fn a_project_cut_short_offers_its_backup() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("harbour.ron");
    let project = sample_project("harbour-bridge-tolls.txt");
    claimdesk::project::save(&project, &path)?;
    claimdesk::project::save(&project, &path)?; // the first save is now the .bak
    let text = std::fs::read_to_string(&path)?;
    std::fs::write(&path, &text[..text.len() / 2])?;

    let mut h = harness(startup(
        Startup::open(&path),
        dir.path(),
        Arc::<FakePicker>::default(),
    ));
    assert!(h.state().project().is_none());
    let error = h
        .state()
        .notices()
        .iter()
        .find(|n| n.level == Level::Error)
        .cloned()
        .ok_or("an error is shown")?;
    assert!(
        error.text.contains(
            "the project file ends early (it may be cut short or corrupt) — open the backup harbour.ron.bak?"
        ),
        "{}",
        error.text
    );
    h.get_by_label("Open the backup").click();
    h.run();
    let opened = h.state().project().ok_or("the backup is open")?;
    assert_eq!(opened.claims.len(), project.claims.len());
    assert_eq!(h.state().project_path(), Some(path.as_path()));
    assert!(h.state().is_dirty(), "saving replaces the damaged file");
    Ok(())
}

#[test]
fn at_most_three_errors_show_and_the_log_has_them_all() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut h = harness(startup(
        Startup::empty(),
        dir.path(),
        Arc::<FakePicker>::default(),
    ));
    for i in 0..5 {
        let bad = dir.path().join(format!("bad-{i}.ron"));
        std::fs::write(&bad, "(version: 1, article: ")?;
        let ctx = h.ctx.clone();
        h.state_mut().perform(&ctx, Action::OpenPath(bad));
        h.run();
    }
    let errors = h
        .state()
        .notices()
        .iter()
        .filter(|n| n.level == Level::Error)
        .count();
    assert_eq!(errors, 3);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Messages…").click();
    h.run();
    let Some(Dialog::Messages(lines)) = h.state().dialog() else {
        return Err("the Messages dialog is open".into());
    };
    assert_eq!(
        lines.iter().filter(|l| l.contains("bad-")).count(),
        5,
        "{lines:?}"
    );
    assert!(h.query_by_label_contains("bad-0.ron").is_some());
    Ok(())
}
