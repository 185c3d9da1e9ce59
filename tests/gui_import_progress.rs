//! A long import runs in the background: the window keeps drawing frames while a large
//! generated PDF is read, and the status bar shows how many pages are done.

#![cfg(feature = "gui")]

mod gui_support;
mod import_support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use claimdesk::app::{App, FixedClipboard, Startup};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use gui_support::{FakePicker, TestResult};
use import_support::pdf;

const PAGES: usize = 1200;

/// The progress bars' texts in the last frame ("37 / 1200 pages").
fn progress_texts(h: &Harness<'_, App>) -> Vec<String> {
    h.query_all_by(|n| n.role() == Role::ProgressIndicator)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect()
}

#[test]
fn frames_keep_running_and_pages_are_counted_while_a_big_pdf_imports() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("annual-review.pdf");
    std::fs::write(
        &path,
        pdf::report(
            "Harbour Authority Annual Review",
            Some("Harbour Authority \u{b7} Annual Review"),
            &pdf::paragraphs(PAGES * 3),
            3,
        ),
    )?;
    // Background jobs, as in the real window.
    let startup = Startup::open(&path)
        .with_data_dir(dir.path())
        .with_picker(Arc::new(FakePicker::default()))
        .with_clipboard(Arc::new(FixedClipboard(None)));
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1400.0, 900.0))
        .with_max_steps(40)
        .build_eframe(move |cc| App::new(cc, startup));

    let started = Instant::now();
    let mut frames_while_busy = 0;
    let mut seen = Vec::new();
    while h.state().is_busy() && started.elapsed() < Duration::from_mins(2) {
        h.step();
        frames_while_busy += 1;
        seen.extend(progress_texts(&h));
    }
    assert!(
        !h.state().is_busy(),
        "the import finished within two minutes"
    );
    h.step();
    assert!(
        frames_while_busy >= 3,
        "only {frames_while_busy} frames while importing"
    );
    // The count went up page by page and named the total.
    let counts: Vec<usize> = seen
        .iter()
        .filter_map(|t| {
            let (done, rest) = t.split_once(" / ")?;
            assert_eq!(rest, format!("{PAGES} pages"), "{t}");
            done.parse().ok()
        })
        .collect();
    assert!(
        counts.iter().any(|&n| n > 0 && n < PAGES),
        "no page count seen while importing: {seen:?}"
    );
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
    let project = h.state().project().ok_or("the PDF did not open")?;
    assert_eq!(project.article.pages.len(), PAGES);
    assert!(progress_texts(&h).is_empty(), "the bar is gone when done");
    Ok(())
}
