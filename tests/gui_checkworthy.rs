//! Check-worthiness in the window: the "Check-worthy only" filter keeps the claims scoring
//! at least `score::CHECK_WORTHY`, and sorting by score (the triage order) puts them first,
//! highest first, equal scores in text order, which J then walks.

#![cfg(feature = "gui")]

mod gui_support;

use std::sync::Arc;

use claimdesk::app::Startup;
use claimdesk::extract::score::{self, CHECK_WORTHY};
use claimdesk::model::ClaimId;
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use gui_support::{TestResult, harness, sample_project, startup};

/// Each claim's id and the score it was saved with.
type Scores = Vec<(ClaimId, f32)>;

/// The harbour sample saved with known scores: a repeating pattern with ties on both sides
/// of the threshold.
fn scored_sample(
    dir: &std::path::Path,
) -> Result<(std::path::PathBuf, Scores), Box<dyn std::error::Error>> {
    const PATTERN: [f32; 6] = [0.2, 0.9, 0.5, 0.49, 0.9, 0.75];
    let mut project = sample_project("harbour-bridge-tolls.txt");
    for (i, c) in project.claims.iter_mut().enumerate() {
        c.score = PATTERN[i % PATTERN.len()];
    }
    let scores = project.claims.iter().map(|c| (c.id, c.score)).collect();
    let path = dir.join("scored.ron");
    claimdesk::project::save(&project, &path)?;
    Ok((path, scores))
}

fn shown_label(shown: usize, total: usize) -> String {
    format!("{shown} of {total} claims")
}

#[test]
fn check_worthy_only_keeps_claims_at_the_threshold_and_above() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (path, scores) = scored_sample(dir.path())?;
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    let total = scores.len();
    assert!(total >= 12, "{total} claims");
    let worthy = scores.iter().filter(|(_, s)| *s >= CHECK_WORTHY).count();
    assert!(worthy > 0 && worthy < total);
    h.get_by_label(&shown_label(total, total));

    h.get_by_label("Check-worthy only").click();
    h.run();
    h.get_by_label(&shown_label(worthy, total));
    // Walking the table meets only check-worthy claims, 0.5 included, 0.49 never.
    let mut seen = Vec::new();
    for _ in 0..worthy {
        h.key_press(Key::J);
        h.run();
        let id = h.state().selected_claim().ok_or("nothing selected")?;
        seen.push(id);
    }
    for id in &seen {
        let s = scores
            .iter()
            .find(|(c, _)| c == id)
            .map_or(0.0, |(_, s)| *s);
        assert!(score::is_check_worthy(s), "{id} scores {s}");
    }
    let at_threshold = scores
        .iter()
        .find(|(_, s)| (*s - 0.5).abs() < 1e-6)
        .map(|(c, _)| *c);
    assert!(at_threshold.is_some_and(|c| seen.contains(&c)));

    // Clear filters brings every claim back.
    h.get_by_label("Clear filters").click();
    h.run();
    h.get_by_label(&shown_label(total, total));
    Ok(())
}

#[test]
fn sorting_by_score_is_the_triage_order() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (path, scores) = scored_sample(dir.path())?;
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Score")
        .click();
    h.run();
    // Expected: highest score first, equal scores in text order (claims are in text order).
    let mut want: Vec<(ClaimId, f32)> = scores.clone();
    want.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut got = Vec::new();
    for _ in 0..8 {
        h.key_press(Key::J);
        h.run();
        got.push(h.state().selected_claim().ok_or("nothing selected")?);
    }
    let want_ids: Vec<ClaimId> = want.iter().take(8).map(|(c, _)| *c).collect();
    assert_eq!(got, want_ids);
    // Every check-worthy claim comes before every other one.
    let first_scores: Vec<f32> = want.iter().map(|(_, s)| *s).collect();
    let worthy = first_scores.iter().filter(|s| **s >= CHECK_WORTHY).count();
    assert!(first_scores[..worthy].iter().all(|s| *s >= CHECK_WORTHY));
    assert!(first_scores[worthy..].iter().all(|s| *s < CHECK_WORTHY));

    Ok(())
}
