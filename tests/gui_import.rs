//! Opening what fact-checkers receive, from the window: File › New from link… (Ctrl+L)
//! against a server the test starts on 127.0.0.1, Edit › New from clipboard… with pasted
//! text or a link, and Word and PDF files dropped on the window.

#![cfg(feature = "gui")]

mod gui_support;
mod import_support;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use claimdesk::app::link_dialog::{LinkForm, PasteForm};
use claimdesk::app::notify::Level;
use claimdesk::app::{App, Dialog, FixedClipboard, Prefs, Startup};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use gui_support::{Dropped, FakePicker, TestResult, harness, saved_sample, startup};
use import_support::pages::STORY;
use import_support::server::{self, Reply, Server};
use import_support::{docx, pdf};

const TITLE: &str = "Harbour Ferry Fares to Rise 12 Percent";

fn news_server() -> Server {
    server::start(|path| match path {
        "/story" => Reply::Page {
            content_type: Some("text/html; charset=utf-8"),
            body: STORY.as_bytes().to_vec(),
        },
        "/moved" => Reply::Redirect("/story".into()),
        "/slow" => Reply::Slow(Duration::from_secs(5)),
        "/report.pdf" => Reply::Page {
            content_type: Some("application/pdf"),
            body: pdf::simple(
                "Ferry Fares Hearing",
                &["The chair said fares would rise by 12 percent, according to the minutes."],
            ),
        },
        _ => Reply::Status(404),
    })
}

/// The window with nothing open, synchronous jobs, and this clipboard.
fn window(dir: &Path, clipboard: Option<&str>) -> Harness<'static, App> {
    let clip = Arc::new(FixedClipboard(clipboard.map(str::to_owned)));
    let mut h = harness(startup(Startup::empty(), dir, Arc::default()).with_clipboard(clip));
    h.run();
    h
}

fn link_form(h: &Harness<'_, App>) -> Option<LinkForm> {
    match h.state().dialog() {
        Some(Dialog::Link(form)) => Some(form.clone()),
        _ => None,
    }
}

fn paste_form(h: &Harness<'_, App>) -> Option<PasteForm> {
    match h.state().dialog() {
        Some(Dialog::Paste(form)) => Some(form.clone()),
        _ => None,
    }
}

fn notice_texts(h: &Harness<'_, App>, level: Level) -> Vec<String> {
    h.state()
        .notices()
        .iter()
        .filter(|n| n.level == level)
        .map(|n| n.text.clone())
        .collect()
}

#[test]
fn ctrl_l_takes_the_clipboard_link_and_return_fetches_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = news_server();
    let url = server.url("/moved");
    let mut h = window(dir.path(), Some(&format!("  {url}\n")));
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    let form = link_form(&h).ok_or("no link dialog")?;
    assert_eq!(form.url, url, "the clipboard's link is in the field");
    h.get_by_label("New from link");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().dialog().is_none(), "{:?}", h.state().dialog());
    let project = h.state().project().ok_or("nothing opened")?;
    assert_eq!(project.article.title, TITLE);
    let fetched = project.article.fetched.as_ref().ok_or("no fetch record")?;
    assert_eq!(fetched.url, url);
    assert_eq!(fetched.final_url, server.url("/story"));
    assert_eq!(fetched.redirects, vec![server.url("/story")]);
    assert!(!project.claims.is_empty());
    assert!(h.state().is_dirty(), "a fetched article is not saved yet");
    let info = notice_texts(&h, Level::Info);
    assert!(
        info.iter()
            .any(|t| t.starts_with(&format!("Fetched {url}: "))),
        "{info:?}"
    );
    Ok(())
}

#[test]
fn a_typed_link_is_fetched_with_the_button_and_text_is_not_taken_as_a_link() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = news_server();
    let mut h = window(dir.path(), Some("The minister said the ferry was late."));
    h.get_by_label("File").click();
    h.run();
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::Button
            && gui_support::text_of(n).starts_with("New from link…")
    })
    .click();
    h.run();
    assert_eq!(link_form(&h).ok_or("no link dialog")?.url, "");
    h.get_by_label("Link").type_text("ledger dot example");
    h.run();
    h.get_by_label("A link starts with http:// or https:// and has no spaces.");
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.state().project().is_none(),
        "nothing fetched for a non-link"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    assert_eq!(link_form(&h).ok_or("no link dialog")?.url, "");
    h.get_by_label("Link").click();
    h.run();
    h.get_by_label("Link").type_text(&server.url("/report.pdf"));
    h.run();
    h.get_by_label("Fetch").click();
    h.run();
    let project = h.state().project().ok_or("nothing opened")?;
    assert_eq!(project.article.title, "Ferry Fares Hearing");
    assert_eq!(project.article.pages.len(), 1, "read by the PDF importer");
    Ok(())
}

#[test]
fn a_failed_fetch_is_an_error_notice_and_the_link_stays_to_correct() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = news_server();
    let url = server.url("/gone");
    let mut h = window(dir.path(), Some(&url));
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let errors = notice_texts(&h, Level::Error);
    assert_eq!(
        errors,
        vec![format!("{url}: the server answered 404 Not Found")]
    );
    let form = link_form(&h).ok_or("the dialog stays open")?;
    assert_eq!(form.url, url);
    assert!(form.fetching.is_none());
    assert!(h.state().project().is_none());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().dialog().is_none());
    Ok(())
}

/// Background jobs, as in the real window.
fn background_window(dir: &Path, clipboard: Option<&str>) -> Harness<'static, App> {
    let prefs = Prefs {
        reviewer: "Test Reviewer".into(),
        ..Prefs::default()
    };
    let startup = Startup::empty()
        .with_data_dir(dir)
        .with_picker(Arc::new(FakePicker::default()))
        .with_prefs(prefs)
        .with_clipboard(Arc::new(FixedClipboard(clipboard.map(str::to_owned))));
    Harness::builder()
        .with_size(egui::Vec2::new(1400.0, 900.0))
        .with_max_steps(40)
        .build_eframe(move |cc| App::new(cc, startup))
}

/// Takes in every job result (waiting for the clipboard thread), then draws.
fn settle(h: &mut Harness<'_, App>) {
    let ctx = h.ctx.clone();
    h.state_mut().finish_jobs(&ctx, Duration::from_secs(10));
    h.run_steps(3);
}

#[test]
fn a_slow_fetch_shows_a_spinner_and_cancel_stops_waiting() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = news_server();
    let url = server.url("/slow");
    let mut h = background_window(dir.path(), Some(&url));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.step();
    settle(&mut h);
    assert_eq!(link_form(&h).ok_or("no link dialog")?.url, url);
    h.key_press(Key::Enter);
    h.run_steps(3);
    let form = link_form(&h).ok_or("the dialog shows the fetch")?;
    assert_eq!(form.fetching.map(|f| f.url), Some(url.clone()));
    assert!(h.state().is_busy());
    // The dialog and the status bar both say what is running.
    let fetching = format!("Fetching {url}…");
    assert!(h.query_all_by_label(&fetching).count() >= 1);
    // Frames keep coming while the server sleeps.
    h.run_steps(5);
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    assert!(!h.state().is_busy(), "the fetch is no longer waited for");
    let form = link_form(&h).ok_or("the dialog stays, to edit the link")?;
    assert!(form.fetching.is_none());
    assert!(h.state().project().is_none());
    assert!(notice_texts(&h, Level::Error).is_empty());

    // Escape while fetching cancels too and closes the dialog.
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(h.state().is_busy());
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().dialog().is_none());
    assert!(!h.state().is_busy());
    assert!(h.state().project().is_none());
    Ok(())
}

#[test]
fn new_from_clipboard_makes_an_article_of_pasted_text() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut h = window(dir.path(), None);
    h.get_by_label("Edit").click();
    h.run();
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::Button
            && gui_support::text_of(n).starts_with("New from clipboard…")
    })
    .click();
    h.run();
    assert_eq!(paste_form(&h).ok_or("no paste dialog")?.text, "");
    // Ctrl+V in the focused box: egui delivers the clipboard as a paste event.
    h.event(egui::Event::Paste(
        "Ferry Fares to Rise in March\n\nFerry fares will rise by 12 percent in March, the Port Authority said on Tuesday.\n\n\"Fuel alone costs us 40 percent more,\" said Oskar Lindqvist, the finance director.".into(),
    ));
    h.run();
    assert!(
        paste_form(&h)
            .ok_or("no paste dialog")?
            .text
            .starts_with("Ferry Fares")
    );
    h.get_by_label("Create").click();
    h.run();
    assert!(h.state().dialog().is_none());
    let project = h.state().project().ok_or("nothing created")?;
    assert_eq!(project.article.title, "Ferry Fares to Rise in March");
    assert!(project.article.path.is_none());
    assert!(
        project.claims.iter().any(|c| c
            .span
            .slice(&project.article.text)
            .is_some_and(|t| t.contains("Fuel alone"))),
        "the quote is a claim"
    );
    let info = notice_texts(&h, Level::Info);
    assert!(
        info.iter().any(|t| t.starts_with("Imported pasted text: ")),
        "{info:?}"
    );
    Ok(())
}

#[test]
fn ctrl_v_outside_a_field_opens_the_paste_dialog_with_the_text() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut h = window(dir.path(), Some("what the clipboard thread reads later"));
    assert!(h.state().dialog().is_none());
    // A blank paste is nothing to make an article of.
    h.event(egui::Event::Paste("  \n".into()));
    h.run();
    assert!(paste_form(&h).is_none(), "blank text opens nothing");
    h.event(egui::Event::Paste(
        "Dam Repairs Delayed\n\nRepairs will take two more years, the water board said.".into(),
    ));
    h.run();
    settle(&mut h);
    let form = paste_form(&h).ok_or("Ctrl+V outside a field opens the paste dialog")?;
    assert!(
        form.text.starts_with("Dam Repairs Delayed"),
        "{:?}",
        form.text
    );
    h.get_by_label("Create").click();
    h.run();
    let project = h.state().project().ok_or("nothing created")?;
    assert_eq!(project.article.title, "Dam Repairs Delayed");
    Ok(())
}

#[test]
fn the_clipboard_fills_the_paste_box_and_a_link_in_it_is_fetched() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = news_server();
    let url = server.url("/story");
    let mut h = window(dir.path(), Some(&url));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    h.run();
    assert_eq!(paste_form(&h).ok_or("no paste dialog")?.text, url);
    h.get_by_label("This is a link: Create fetches the page.");
    h.get_by_label("Fetch link").click();
    h.run();
    let project = h.state().project().ok_or("nothing fetched")?;
    assert_eq!(project.article.title, TITLE);
    assert!(project.article.fetched.is_some());
    Ok(())
}

#[test]
fn empty_pasted_text_cannot_be_created() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut h = window(dir.path(), Some("   \n"));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    h.run();
    h.get_by_label("Create").click();
    h.run();
    assert!(
        paste_form(&h).is_some(),
        "Create is greyed out for blank text"
    );
    assert!(h.state().project().is_none());
    Ok(())
}

#[test]
fn new_from_link_asks_about_unsaved_changes_first() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    h.get_by_label("c3").click();
    h.run();
    h.key_press(Key::X);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    assert!(matches!(h.state().dialog(), Some(Dialog::Unsaved { .. })));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().dialog().is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(link_form(&h).is_some(), "{:?}", h.state().dialog());
    Ok(())
}

#[test]
fn word_and_pdf_files_dropped_on_the_window_are_imported() -> TestResult {
    let dir = tempfile::tempdir()?;
    let word = dir.path().join("ferry-draft.docx");
    std::fs::write(&word, docx::draft())?;
    let report = dir.path().join("infrastructure-review.pdf");
    std::fs::write(
        &report,
        pdf::report(
            "Harbour Authority Infrastructure Review 2025",
            Some("Harbour Authority \u{b7} Infrastructure Review 2025"),
            &pdf::paragraphs(12),
            4,
        ),
    )?;
    let mut h = window(dir.path(), None);
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(word.clone())));
    h.run();
    let project = h.state().project().ok_or("the draft did not open")?;
    assert_eq!(project.article.title, "Ferry fares draft");
    assert_eq!(project.article.path.as_deref(), Some(word.as_path()));
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(report.clone())));
    h.run();
    // The imported draft is not saved yet: the window asks first.
    assert!(matches!(h.state().dialog(), Some(Dialog::Unsaved { .. })));
    h.get_by_label("Discard").click();
    h.run();
    let project = h.state().project().ok_or("the report did not open")?;
    assert_eq!(
        project.article.title,
        "Harbour Authority Infrastructure Review 2025"
    );
    assert_eq!(project.article.pages.len(), 3);
    let warnings = notice_texts(&h, Level::Warning);
    assert!(
        warnings
            .iter()
            .any(|t| t.starts_with("Imported ") && t.contains("infrastructure-review.pdf")),
        "the header/footer warning comes with the import notice: {warnings:?}"
    );
    Ok(())
}
