//! Every window size: at 800×600, 1024×768, 1400×900 and 1920×1080 no panel overlaps
//! another, everything is inside the window, the article keeps a readable column with
//! its text inside it, and the claims table shows several rows. The sources panel folds
//! away in narrow windows and comes back when there is room.

#![cfg(feature = "gui")]

mod gui_support;

use std::sync::Arc;

use claimdesk::app::{App, Startup};
use egui::{Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use gui_support::{FakePicker, TestResult, saved_sample, startup};

const MIN_ARTICLE: f32 = 420.0;

fn harness_at(size: Vec2, startup: Startup) -> Harness<'static, App> {
    Harness::builder()
        .with_size(size)
        .with_max_steps(60)
        .build_eframe(move |cc| App::new(cc, startup))
}

fn overlap(a: Rect, b: Rect) -> bool {
    // Neighbouring panels share an edge (and a separator line); that is not overlap.
    a.shrink(1.0).intersects(b.shrink(1.0))
}

fn check_size(width: f32, height: f32) -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness_at(
        Vec2::new(width, height),
        startup(
            Startup::open(&path),
            dir.path(),
            Arc::<FakePicker>::default(),
        ),
    );
    h.run();
    let rects = h.state().panel_rects();
    let at = format!("at {width}×{height}: {rects:?}");
    let window = Rect::from_min_size(egui::Pos2::ZERO, Vec2::new(width, height)).expand(0.5);
    let mut panels = vec![("review", rects.review), ("article", rects.article)];
    panels.extend(rects.sources.map(|r| ("sources", r)));
    for (name, rect) in &panels {
        assert!(rect.is_positive(), "{name} has no room {at}");
        assert!(
            window.contains_rect(*rect),
            "{name} is outside the window {at}"
        );
    }
    for (i, (a, ra)) in panels.iter().enumerate() {
        for (b, rb) in &panels[i + 1..] {
            assert!(!overlap(*ra, *rb), "{a} overlaps {b} {at}");
        }
    }
    assert!(
        rects.article.width() >= MIN_ARTICLE,
        "the article column is {} wide {at}",
        rects.article.width()
    );
    assert_eq!(rects.sources.is_some(), width >= 1100.0, "{at}");
    // The article's text starts inside its column, not under the review panel.
    let body = h.get_by_label_contains("CORK, Ireland").rect();
    assert!(
        body.left() >= rects.article.left() && body.right() <= rects.article.right() + 0.5,
        "paragraph {body:?} {at}"
    );
    // The table shows several claims, also once a claim's details are open below it.
    let rows = |h: &Harness<'static, App>| {
        (1..=30)
            .filter(|i| {
                h.query_by_label(&format!("c{i}"))
                    .is_some_and(|n| rects.review.contains_rect(n.rect()))
            })
            .count()
    };
    assert!(rows(&h) >= 4, "{} table rows {at}", rows(&h));
    h.get_by_label("c1").click();
    h.run();
    assert_eq!(
        h.state().selected_claim(),
        Some(claimdesk::model::ClaimId(1))
    );
    let table_rows = rows_above_details(&h);
    assert!(
        table_rows >= 4,
        "{table_rows} table rows with a claim selected {at}"
    );
    Ok(())
}

/// Table rows shown above the selected claim's details (the panel below the table starts
/// with its "Claim c1" heading).
fn rows_above_details(h: &Harness<'static, App>) -> usize {
    let details_top = h.get_by_label("Claim c1").rect().top();
    (1..=30)
        .filter(|i| {
            h.query_by_label(&format!("c{i}"))
                .is_some_and(|n| n.rect().bottom() <= details_top)
        })
        .count()
}

#[test]
fn shrinking_the_window_keeps_table_rows_above_the_details() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness_at(
        Vec2::new(1400.0, 900.0),
        startup(
            Startup::open(&path),
            dir.path(),
            Arc::<FakePicker>::default(),
        ),
    );
    h.run();
    h.get_by_label("c1").click();
    h.run();
    for (w, ht) in [(1024.0, 768.0), (800.0, 600.0)] {
        h.set_size(Vec2::new(w, ht));
        h.run();
        let rows = rows_above_details(&h);
        assert!(rows >= 4, "{rows} table rows at {w}×{ht} after shrinking");
    }
    Ok(())
}

#[test]
fn at_800_by_600() -> TestResult {
    check_size(800.0, 600.0)
}

#[test]
fn at_1024_by_768() -> TestResult {
    check_size(1024.0, 768.0)
}

#[test]
fn at_1400_by_900() -> TestResult {
    check_size(1400.0, 900.0)
}

#[test]
fn at_1920_by_1080() -> TestResult {
    check_size(1920.0, 1080.0)
}

#[test]
fn the_sources_panel_comes_back_when_the_window_widens() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness_at(
        Vec2::new(900.0, 700.0),
        startup(
            Startup::open(&path),
            dir.path(),
            Arc::<FakePicker>::default(),
        ),
    );
    h.run();
    assert!(h.state().panel_rects().sources.is_none());
    assert!(h.state().prefs().sources_open, "folding keeps the toggle");
    h.set_size(Vec2::new(1600.0, 900.0));
    h.run();
    assert!(h.state().panel_rects().sources.is_some());
    Ok(())
}
