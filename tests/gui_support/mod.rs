//! Helpers shared by the GUI tests: sample projects built from `assets/samples/`, a fake
//! file picker, and a harness around the real `App` with jobs run synchronously.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use claimdesk::app::{App, FilePicker, PickRequest, Picked, Prefs, Startup};
use claimdesk::model::Project;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples")
        .join(name)
}

/// A project imported and extracted from a sample article.
pub fn sample_project(name: &str) -> Project {
    let imported = claimdesk::import::import_path(&sample(name)).expect("sample article imports");
    claimdesk::project::new_project(imported.article)
}

/// Saves the harbour-bridge sample as `dir/harbour.ron`.
pub fn saved_sample(dir: &Path) -> PathBuf {
    let path = dir.join("harbour.ron");
    claimdesk::project::save(&sample_project("harbour-bridge-tolls.txt"), &path)
        .expect("sample saves");
    path
}

/// Answers file dialogs with preset paths (cancels without one), or, with
/// `unavailable` set, as a desktop with no system file dialog does.
#[derive(Default)]
pub struct FakePicker {
    pub open: Mutex<Option<PathBuf>>,
    pub save: Mutex<Option<PathBuf>>,
    pub asked: Mutex<Vec<String>>,
    /// The file name each dialog suggested ("" for none).
    pub suggested: Mutex<Vec<String>>,
    pub unavailable: Mutex<bool>,
}

impl FakePicker {
    fn answer(&self, request: &PickRequest, preset: &Mutex<Option<PathBuf>>) -> Picked {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(request.title.clone());
        }
        if let Ok(mut suggested) = self.suggested.lock() {
            suggested.push(request.file_name.clone().unwrap_or_default());
        }
        if self.unavailable.lock().is_ok_and(|u| *u) {
            return Picked::Unavailable("no portal and no zenity (test)".into());
        }
        match preset.lock().ok().and_then(|p| p.clone()) {
            Some(path) => Picked::File(path),
            None => Picked::Cancelled,
        }
    }
}

impl FilePicker for FakePicker {
    fn pick_open(&self, request: &PickRequest) -> Picked {
        self.answer(request, &self.open)
    }

    fn pick_save(&self, request: &PickRequest) -> Picked {
        self.answer(request, &self.save)
    }
}

/// Startup options for tests: synchronous jobs, a private data folder, a fake picker,
/// and a reviewer name.
pub fn startup(base: Startup, data_dir: &Path, picker: Arc<FakePicker>) -> Startup {
    let prefs = Prefs {
        reviewer: "Test Reviewer".into(),
        ..Prefs::default()
    };
    base.with_data_dir(data_dir)
        .with_picker(picker)
        .with_prefs(prefs)
        .synchronous()
}

/// A file dropped on the window, read from disk when the app asks for its bytes.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub fn harness(startup: Startup) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::Vec2::new(1400.0, 900.0))
        .with_max_steps(40)
        .build_eframe(move |cc| App::new(cc, startup))
}

/// The text of a label or the name of a widget.
pub fn text_of(node: &egui_kittest::kittest::AccessKitNode<'_>) -> String {
    node.value().or_else(|| node.label()).unwrap_or_default()
}

fn is_tally(text: &str) -> bool {
    let mut words = text.split(' ');
    matches!(
        (words.next(), words.next(), words.next(), words.next()),
        (Some(a), Some("of"), Some(b), Some("reviewed"))
            if a.parse::<usize>().is_ok() && b.parse::<usize>().is_ok()
    )
}

/// The status bar's tally ("9 of 15 reviewed · …").
pub fn tally_text(harness: &Harness<'_, App>) -> String {
    let node =
        harness.get_by(|n| n.role() == egui::accesskit::Role::Label && is_tally(&text_of(n)));
    text_of(&node.accesskit_node())
}

/// The table row label of a claim's text (exact match on the whole claim text).
pub fn has_label(harness: &Harness<'_, App>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

/// The first claim (in text order) that `pred` accepts, in the open project. Tests pick
/// claims by what they are, not by id, so they survive changes to the extractor.
pub fn claim_where(
    harness: &Harness<'_, App>,
    pred: impl Fn(&Project, &claimdesk::model::Claim) -> bool,
) -> claimdesk::model::Claim {
    let project = harness.state().project().expect("a project is open");
    project
        .claims
        .iter()
        .find(|c| pred(project, c))
        .cloned()
        .expect("the sample has such a claim")
}
