//! File names the window suggests come from the article's title, which any web page
//! controls: they are made safe (no folders, no hidden file, no control characters).

#![cfg(feature = "gui")]

mod gui_support;

use std::sync::Arc;

use claimdesk::app::Startup;
use egui::{Key, Modifiers};
use gui_support::{FakePicker, TestResult, harness, startup};

#[test]
fn save_as_suggests_a_safe_name_for_a_hostile_title() -> TestResult {
    let dir = tempfile::tempdir()?;
    let article = dir.path().join("story.md");
    std::fs::write(
        &article,
        "# ../../.config/autostart\u{1b}]0;x\u{7} Harbour: tolls rise\n\n\
         The harbour board said tolls would rise 12% in May, according to its budget.\n",
    )?;
    let picker = Arc::new(FakePicker::default());
    let mut h = harness(startup(Startup::open(&article), dir.path(), picker.clone()));
    let title = h
        .state()
        .project()
        .map(|p| p.article.title.clone())
        .ok_or("import failed")?;
    assert!(title.contains("../"), "{title}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let suggested = picker.suggested.lock().map_err(|e| e.to_string())?.clone();
    assert_eq!(suggested.len(), 1, "{suggested:?}");
    let name = &suggested[0];
    assert_eq!(name, &claimdesk::fsio::safe_file_name(&title, "ron"));
    let ext = std::path::Path::new(name).extension();
    assert!(
        ext.is_some_and(|e| e == "ron") && !name.starts_with('.'),
        "{name}"
    );
    assert!(!name.contains(['/', '\\', '\u{1b}', '\u{7}']), "{name}");
    Ok(())
}
