//! Frame time of the claimdesk window with a 1 MB article and 3,000 claims, on a headless
//! egui_kittest harness (the egui pass and AccessKit tree; no GPU).
//!
//! `cargo bench --bench gui_frame` (the `[[bench]]` entry in Cargo.toml sets `harness = false`).
//!
//! - `first_frame/background`: the window's first frame while the project loads on a
//!   background thread (what the user waits for before the window appears).
//! - `first_frame/with_project`: reading the 1 MB project and drawing it for the first time
//!   (`first_frame/load_only` is the reading part).
//! - `steady_frame/idle`, `/hover`, `/scroll`: a frame with nothing new, with the pointer
//!   moving over highlights (hit-testing and tooltips), and while scrolling the article.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use claimdesk::app::{Action, App, FilePicker, PickRequest, Picked, Startup};
use criterion::{Criterion, criterion_group};
use egui_kittest::Harness;

#[path = "../tests/gui_support/synthetic.rs"]
mod synthetic;

const ARTICLE_BYTES: usize = 1_000_000;
const CLAIMS: usize = 3_000;

struct NoDialogs;

impl FilePicker for NoDialogs {
    fn pick_open(&self, _: &PickRequest) -> Picked {
        Picked::Cancelled
    }
    fn pick_save(&self, _: &PickRequest) -> Picked {
        Picked::Cancelled
    }
}

fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.ron");
    let project = synthetic::large_project(ARTICLE_BYTES, CLAIMS);
    assert_eq!(project.claims.len(), CLAIMS);
    assert!(project.article.text.len() >= ARTICLE_BYTES);
    claimdesk::project::save(&project, &path).expect("save fixture");
    (dir, path)
}

fn startup(base: Startup, dir: &Path) -> Startup {
    base.with_data_dir(dir).with_picker(Arc::new(NoDialogs))
}

fn harness(startup: Startup) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::Vec2::new(1400.0, 900.0))
        .with_max_steps(1_000)
        .with_accessibility_check(false)
        .build_eframe(move |cc| App::new(cc, startup))
}

/// A harness showing the large project, settled.
fn loaded(dir: &Path, path: &Path) -> Harness<'static, App> {
    let mut h = harness(startup(Startup::open(path), dir).synchronous());
    h.run_ok();
    assert_eq!(h.state().project().map(|p| p.claims.len()), Some(CLAIMS));
    h
}

/// Points inside the article column, for hovering.
fn article_points() -> Vec<egui::Pos2> {
    (0..40)
        .map(|i| {
            egui::pos2(
                300.0 + (i % 8) as f32 * 40.0,
                150.0 + (i / 8) as f32 * 120.0,
            )
        })
        .collect()
}

fn first_frame(c: &mut Criterion, dir: &Path, path: &Path) {
    let mut group = c.benchmark_group("first_frame");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("background", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                let mut h = Harness::builder()
                    .with_size(egui::Vec2::new(1400.0, 900.0))
                    .with_max_steps(1)
                    .with_accessibility_check(false)
                    .build_eframe(|cc| App::new(cc, startup(Startup::open(path), dir)));
                total += t.elapsed();
                black_box(h.state().is_busy());
                // Not timed: let the load finish, so loads do not pile up across iterations.
                let ctx = h.ctx.clone();
                h.state_mut().finish_jobs(&ctx, Duration::from_secs(30));
            }
            total
        });
    });
    group.bench_function("load_only", |b| {
        b.iter(|| black_box(claimdesk::project::load(path).map(|l| l.project.claims.len())));
    });
    group.bench_function("with_project", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut h = harness(startup(Startup::empty(), dir).synchronous());
                let ctx = h.ctx.clone();
                let t = Instant::now();
                h.state_mut()
                    .perform(&ctx, Action::OpenPath(path.to_path_buf()));
                h.step(); // the loaded project is taken in and drawn
                total += t.elapsed();
                assert!(h.state().project().is_some());
            }
            total
        });
    });
    group.finish();
}

fn steady_frame(c: &mut Criterion, dir: &Path, path: &Path) {
    let mut group = c.benchmark_group("steady_frame");
    let mut h = loaded(dir, path);
    group.bench_function("idle", |b| b.iter(|| h.step()));

    let points = article_points();
    let mut i = 0;
    group.bench_function("hover", |b| {
        b.iter(|| {
            i = (i + 1) % points.len();
            h.hover_at(points[i]);
            h.step();
        });
    });

    let mut k = 0u32;
    group.bench_function("scroll", |b| {
        b.iter(|| {
            k += 1;
            // Down through fresh text; back to the top every 2,000 frames.
            let dy = if k.is_multiple_of(2_000) {
                1.0e7
            } else {
                -120.0
            };
            h.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, dy),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: egui::Modifiers::NONE,
            });
            h.step();
        });
    });
    eprintln!(
        "paragraph layouts built in all: {}",
        h.state().layouts_built()
    );
    group.finish();
}

fn benches(c: &mut Criterion) {
    let (dir, path) = fixture();
    first_frame(c, dir.path(), &path);
    steady_frame(c, dir.path(), &path);
}

criterion_group!(gui, benches);

/// What `criterion_main!` would generate, but public, so the example can call it.
pub fn main() {
    gui();
    Criterion::default().configure_from_args().final_summary();
}
