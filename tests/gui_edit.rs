//! Editing in the window: adding a claim from a text selection, deleting, changing a
//! claim's source, filtering by source, re-running extraction.

#![cfg(feature = "gui")]

mod gui_support;

use std::sync::Arc;

use claimdesk::app::Startup;
use claimdesk::model::{ClaimId, Origin, Verdict};
use egui::{Key, Vec2};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use gui_support::{FakePicker, TestResult, claim_where, harness, saved_sample, startup};

fn open() -> Result<
    (
        tempfile::TempDir,
        egui_kittest::Harness<'static, claimdesk::app::App>,
    ),
    Box<dyn std::error::Error>,
> {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let h = harness(startup(
        Startup::open(&path),
        dir.path(),
        Arc::<FakePicker>::default(),
    ));
    Ok((dir, h))
}

#[test]
fn adding_a_claim_from_a_selection() -> TestResult {
    let (_dir, mut h) = open()?;
    let before = h.state().project().map_or(0, |p| p.claims.len());
    // Drag across the start of the first body paragraph.
    let rect = h.get_by_label_contains("CORK, Ireland, Feb. 11").rect();
    let start = rect.left_top() + Vec2::new(1.0, 8.0);
    let end = rect.left_top() + Vec2::new(240.0, 8.0);
    h.hover_at(start);
    h.drag_at(start);
    h.run();
    h.hover_at(end);
    h.run();
    h.drop_at(end);
    h.run();
    h.get_by_label("Add claim…").click();
    h.run();
    // Type a new source for it.
    h.get_by_label("New source…").click();
    h.run();
    h.get_by_label("Name").click();
    h.run();
    h.get_by_label("Name").type_text("Port Authority");
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Add claim")
        .click();
    h.run();

    let project = h.state().project().ok_or("no project")?;
    assert_eq!(project.claims.len(), before + 1);
    let added = project
        .claims
        .iter()
        .find(|c| c.origin == Origin::Manual)
        .ok_or("no manual claim")?;
    assert!(
        added
            .text(&project.article.text)
            .starts_with("CORK, Ireland"),
        "{:?}",
        added.text(&project.article.text)
    );
    let source = project.claim_source(added).ok_or("no source")?;
    assert_eq!(source.name, "Port Authority");
    assert_eq!(h.state().selected_claim(), Some(added.id));
    h.get_by_label("Source: Port Authority");
    // Undo removes both the claim and the new source in one step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    let project = h.state().project().ok_or("no project")?;
    assert_eq!(project.claims.len(), before);
    assert!(project.source_named("Port Authority").is_none());
    Ok(())
}

#[test]
fn filtering_by_a_source() -> TestResult {
    let (_dir, mut h) = open()?;
    let total = h.state().project().map_or(0, |p| p.claims.len());
    // The source with the most claims, and the first claim of another source.
    let project = h.state().project().cloned().ok_or("no project")?;
    let tallies = project.tally_by_source();
    let (&busiest, tally) = tallies
        .iter()
        .max_by_key(|(_, t)| t.total)
        .ok_or("no sources")?;
    let name = project
        .source(busiest)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let other = claim_where(&h, |_, c| c.source.is_some_and(|s| s.id != busiest));
    let other_text = other.text(&project.article.text).to_owned();
    assert!(h.query_by_label(&other_text).is_some());

    h.get_by_label(&format!("{name} — {} unreviewed", tally.total))
        .click();
    h.run();
    h.get_by_label(&format!("{} of {total} claims", tally.total));
    assert!(
        h.query_by_label(&other_text).is_none(),
        "other sources' claims are hidden"
    );
    h.get_by_label("Show all sources").click();
    h.run();
    h.get_by_label(&format!("{total} of {total} claims"));
    assert!(h.query_by_label(&other_text).is_some());
    Ok(())
}

#[test]
fn deleting_a_claim_and_undoing_it() -> TestResult {
    let (_dir, mut h) = open()?;
    h.get_by_label("c4").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert!(
        h.state()
            .project()
            .is_some_and(|p| p.claim(ClaimId(4)).is_none())
    );
    assert_eq!(
        h.state().selected_claim(),
        Some(ClaimId(5)),
        "the next claim is selected"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state()
            .project()
            .is_some_and(|p| p.claim(ClaimId(4)).is_some())
    );
    Ok(())
}

#[test]
fn changing_a_claims_source_and_kind() -> TestResult {
    let (_dir, mut h) = open()?;
    let claim = claim_where(&h, |_, c| c.source.is_none());
    let target = h
        .state()
        .project()
        .and_then(|p| p.sources.iter().find(|s| s.role.is_some()).cloned())
        .ok_or("no source with a role")?;
    let target_label = format!(
        "{} ({})",
        target.name,
        target.role.clone().unwrap_or_default()
    );
    h.get_by_label(&claim.id.to_string()).click();
    h.run();
    h.get_by_label("Source: No source");
    h.get_by_label("Change…").click();
    h.run();
    h.get_by_label("New source for the claim").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, &target_label)
        .click();
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    h.get_by_label(&format!("Source: {target_label}"));
    // The kind is further down the details panel.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Kind")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Kind")
        .click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Quote")
        .click();
    h.run();
    let changed = h
        .state()
        .project()
        .and_then(|p| p.claim(claim.id).cloned())
        .ok_or("claim gone")?;
    assert_eq!(changed.kind, claimdesk::model::ClaimKind::Quote);
    assert_eq!(changed.source.map(|s| s.id), Some(target.id));
    assert_eq!(changed.origin, Origin::Manual);
    Ok(())
}

#[test]
fn rerunning_extraction_keeps_reviewed_claims_and_restores_deleted_ones() -> TestResult {
    let (_dir, mut h) = open()?;
    let total = h.state().project().map_or(0, |p| p.claims.len());
    let c3 = h
        .state()
        .project()
        .and_then(|p| p.claim(ClaimId(3)))
        .map(|c| c.span)
        .ok_or("no c3")?;
    h.get_by_label("c2").click();
    h.run();
    h.key_press(Key::X);
    h.run();
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().project().map(|p| p.claims.len()), Some(total - 1));
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Re-run extraction").click();
    h.run();
    let project = h.state().project().ok_or("no project")?;
    assert_eq!(project.claims.len(), total);
    assert_eq!(
        project.claim(ClaimId(2)).map(|c| c.review.verdict),
        Some(Verdict::Unverifiable)
    );
    let back = project
        .claims
        .iter()
        .find(|c| c.span == c3)
        .ok_or("c3 not back")?;
    assert_ne!(
        back.id,
        ClaimId(3),
        "a deleted claim comes back with a fresh id"
    );
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| n.text.starts_with("Re-ran extraction: 1 new claims"))
    );
    Ok(())
}

#[test]
fn clicking_a_source_name_or_count_filters_by_it() -> TestResult {
    let (_dir, mut h) = open()?;
    let project = h.state().project().cloned().ok_or("no project")?;
    let tallies = project.tally_by_source();
    let (&busiest, tally) = tallies
        .iter()
        .max_by_key(|(_, t)| t.total)
        .ok_or("no sources")?;
    let name = project
        .source(busiest)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let panel = h.state().panel_rects().sources.ok_or("sources shown")?;
    let total = project.claims.len();
    // The name itself, not the strip below it.
    let label = h
        .get_all_by_label(&name)
        .find(|n| panel.contains(n.rect().center()))
        .ok_or("the name in the sources panel")?;
    label.click();
    h.run();
    h.get_by_label(&format!("{} of {total} claims", tally.total));
    // The claim count toggles it off again.
    let count = format!("{} claims", tally.total);
    let count_label = h
        .get_all_by_label(&count)
        .find(|n| panel.contains(n.rect().center()))
        .ok_or("the count in the sources panel")?;
    count_label.click();
    h.run();
    h.get_by_label(&format!("{total} of {total} claims"));
    Ok(())
}

/// Drags across the start of the first body paragraph.
fn select_opening(h: &mut egui_kittest::Harness<'static, claimdesk::app::App>) {
    let rect = h.get_by_label_contains("CORK, Ireland, Feb. 11").rect();
    let start = rect.left_top() + Vec2::new(1.0, 8.0);
    let end = rect.left_top() + Vec2::new(240.0, 8.0);
    h.hover_at(start);
    h.drag_at(start);
    h.run();
    h.hover_at(end);
    h.run();
    h.drop_at(end);
    h.run();
}

#[test]
fn return_adds_the_claim_escape_cancels_and_the_reason_shows_once() -> TestResult {
    let (_dir, mut h) = open()?;
    let before = h.state().project().map_or(0, |p| p.claims.len());
    select_opening(&mut h);
    h.key_press(Key::A);
    h.run();
    assert!(h.state().dialog().is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(h.state().project().map_or(0, |p| p.claims.len()), before);

    h.key_press(Key::A);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(
        h.state().project().map_or(0, |p| p.claims.len()),
        before + 1
    );
    h.get_by_label("Added by hand");
    assert!(h.query_by_label("• added by hand").is_none());
    Ok(())
}

#[test]
fn the_add_claim_source_list_is_searchable() -> TestResult {
    let (_dir, mut h) = open()?;
    let project = h.state().project().cloned().ok_or("no project")?;
    let mut names: Vec<String> = project
        .sources
        .iter()
        .filter(|s| !s.name.trim().is_empty() && s.role.is_none())
        .map(|s| s.name.clone())
        .collect();
    names.sort();
    let (Some(wanted), Some(other)) = (names.first().cloned(), names.last().cloned()) else {
        return Err("the sample has two plain-named sources".into());
    };
    select_opening(&mut h);
    h.key_press(Key::A);
    h.run();
    h.get_by_label("Search sources").click();
    h.run();
    h.get_by_label("Search sources").type_text(&wanted);
    h.run();
    // In the dialog's list (the table and the sources panel show names as labels).
    let in_list = |h: &egui_kittest::Harness<'static, claimdesk::app::App>, name: &str| {
        h.query_all_by_label(name)
            .filter(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
            .count()
    };
    assert_eq!(in_list(&h, &wanted), 1, "{wanted} is listed");
    assert_eq!(in_list(&h, &other), 0, "{other} is filtered out");
    h.query_all_by_label(&wanted)
        .find(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .ok_or("the list entry")?
        .click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Add claim")
        .click();
    h.run();
    let project = h.state().project().ok_or("no project")?;
    let added = project
        .claims
        .iter()
        .find(|c| c.origin == Origin::Manual)
        .ok_or("no manual claim")?;
    assert_eq!(
        project.claim_source(added).map(|s| s.name.clone()),
        Some(wanted)
    );
    Ok(())
}
