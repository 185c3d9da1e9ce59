//! With no system file dialog (no desktop portal, no zenity), the window shows its own:
//! the request's filter, its folder, a typed path, and a check before replacing a file.

#![cfg(feature = "gui")]

mod gui_support;

use std::sync::Arc;

use claimdesk::app::{Dialog, Startup};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use gui_support::{FakePicker, TestResult, harness, saved_sample, startup};

fn no_system_dialog() -> Arc<FakePicker> {
    let picker = Arc::<FakePicker>::default();
    if let Ok(mut u) = picker.unavailable.lock() {
        *u = true;
    }
    picker
}

fn is_file_dialog(h: &egui_kittest::Harness<'_, claimdesk::app::App>) -> bool {
    matches!(h.state().dialog(), Some(Dialog::Files(_)))
}

#[test]
fn open_falls_back_to_the_window_dialog_and_a_typed_path_opens() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::empty(), dir.path(), no_system_dialog()));
    assert!(h.state().project().is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(is_file_dialog(&h), "{:?}", h.state().dialog());
    h.get_by_label_contains("claimdesk's own file dialog");
    h.get_by_label("File name or path").click();
    h.run();
    h.get_by_label("File name or path")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().project_path(), Some(path.as_path()));
    assert!(h.state().dialog().is_none());
    Ok(())
}

#[test]
fn the_list_shows_the_filtered_folder_and_a_click_picks() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    std::fs::write(dir.path().join("notes.txt"), "not a project")?;
    std::fs::create_dir(dir.path().join("drafts"))?;
    let mut h = harness(startup(
        Startup::open(&path),
        dir.path(),
        no_system_dialog(),
    ));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(is_file_dialog(&h));
    // The project's folder, filtered to projects; folders are listed too.
    h.get_by_label("harbour.ron");
    h.get_by_label("drafts/");
    assert!(h.query_by_label("notes.txt").is_none());
    h.get_by_label("harbour.ron").click();
    h.run();
    h.get_by_label("Open").click();
    h.run();
    assert!(h.state().dialog().is_none());
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| n.text.starts_with("Opened")),
        "{:?}",
        h.state().notices()
    );
    Ok(())
}

#[test]
fn save_as_in_the_window_dialog_asks_before_replacing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(
        Startup::open(&path),
        dir.path(),
        no_system_dialog(),
    ));
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    h.run();
    assert!(is_file_dialog(&h));
    h.get_by_label("Save");
    // The suggested name is the project's own file: saving asks first.
    h.get_by_label("Save").click();
    h.run();
    h.get_by_label("harbour.ron already exists.");
    // A new name saves there, with the extension added.
    h.get_by_label("File name or path").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File name or path")
        .type_text("harbour-copy");
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let copy = dir.path().join("harbour-copy.ron");
    assert!(copy.is_file(), "saved to {}", copy.display());
    assert_eq!(h.state().project_path(), Some(copy.as_path()));
    Ok(())
}

#[test]
fn a_missing_file_says_what_to_do_and_the_dialog_stays() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut h = harness(startup(Startup::empty(), dir.path(), no_system_dialog()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("File name or path").click();
    h.run();
    h.get_by_label("File name or path")
        .type_text(&dir.path().join("missing.ron").display().to_string());
    h.run();
    h.get_by_label("Open").click();
    h.run();
    h.get_by_label_contains("check the name, or pick the file in the list");
    assert!(is_file_dialog(&h), "the dialog stays open");
    Ok(())
}
