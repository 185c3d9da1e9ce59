//! The window opens a project and reviews claims: table, details, one-key verdicts, undo.

#![cfg(feature = "gui")]

mod gui_support;

use std::sync::Arc;

use claimdesk::app::Startup;
use claimdesk::model::{ClaimId, Verdict};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use gui_support::{TestResult, claim_where, harness, saved_sample, startup, tally_text};

#[test]
fn opening_a_project_shows_its_claims_in_the_table() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    let project = h.state().project().ok_or("no project open")?;
    assert_eq!(h.state().project_path(), Some(path.as_path()));
    assert!(project.claims.len() > 20);
    // The first claims are drawn as table rows (the claim column shows the whole text).
    let text = project.claims[1].text(&project.article.text).to_owned();
    assert!(
        h.query_all_by_label(&text).count() >= 1,
        "{text:?} is not in the table"
    );
    assert!(
        h.query_by_label(&format!(
            "{} of {} claims",
            project.claims.len(),
            project.claims.len()
        ))
        .is_some()
    );
    assert_eq!(
        tally_text(&h),
        format!("0 of {} reviewed", project.claims.len())
    );
    // The article title is shown, and the window is named after the file.
    assert!(h.query_all_by_label(&project.article.title).count() >= 1);
    Ok(())
}

#[test]
fn clicking_a_claim_shows_its_source_in_the_details() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    assert!(h.query_by_label_contains("Source: ").is_none());
    // A claim whose source has a role ("City Treasurer").
    let claim = claim_where(&h, |p, c| {
        p.claim_source(c).is_some_and(|s| s.role.is_some())
    });
    let source = h
        .state()
        .project()
        .and_then(|p| p.claim_source(&claim))
        .cloned()
        .ok_or("no source")?;
    let role = source.role.clone().unwrap_or_default();
    h.get_by_label(&claim.id.to_string()).click();
    h.run();
    assert_eq!(h.state().selected_claim(), Some(claim.id));
    h.get_by_label(&format!("Source: {} ({role})", source.name));
    h.get_by_label(&format!("Claim {}", claim.id));
    Ok(())
}

#[test]
fn v_sets_verified_and_the_status_bar_counts_change_and_undo_restores_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    let total = h.state().project().map_or(0, |p| p.claims.len());
    h.get_by_label("c2").click();
    h.run();
    h.key_press(Key::V);
    h.run();
    let claim = h
        .state()
        .project()
        .and_then(|p| p.claim(ClaimId(2)).cloned())
        .ok_or("no c2")?;
    assert_eq!(claim.review.verdict, Verdict::Verified);
    assert_eq!(claim.review.reviewer.as_deref(), Some("Test Reviewer"));
    assert!(claim.review.reviewed_at.is_some());
    assert_eq!(
        tally_text(&h),
        format!("1 of {total} reviewed · 1 verified")
    );
    assert!(h.state().is_dirty());
    assert!(
        h.query_by_label_contains("Last verdict by Test Reviewer")
            .is_some()
    );

    // D on the next claim (J moves down the table).
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().selected_claim(), Some(ClaimId(3)));
    h.key_press(Key::D);
    h.run();
    assert_eq!(
        tally_text(&h),
        format!("2 of {total} reviewed · 1 verified · 1 disputed")
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        tally_text(&h),
        format!("1 of {total} reviewed · 1 verified")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tally_text(&h), format!("0 of {total} reviewed"));
    assert!(!h.state().is_dirty());
    // Redo brings it back.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        tally_text(&h),
        format!("1 of {total} reviewed · 1 verified")
    );
    Ok(())
}

#[test]
fn triage_keys_do_not_fire_while_typing_a_note() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    h.get_by_label("c5").click();
    h.run();
    h.key_press(Key::N);
    h.run();
    let note = h.get_by_label("Note");
    assert!(note.is_focused(), "N puts the cursor in the note");
    note.type_text("v d x");
    h.run();
    let claim = h
        .state()
        .project()
        .and_then(|p| p.claim(ClaimId(5)).cloned())
        .ok_or("no c5")?;
    assert_eq!(claim.review.note, "v d x");
    assert_eq!(claim.review.verdict, Verdict::Unreviewed);
    // The note is one undo step, labelled in the Edit menu.
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    // Menu entries show their shortcut.
    h.get_by_label("Undo edit note Ctrl+Z").click();
    h.run();
    let claim = h
        .state()
        .project()
        .and_then(|p| p.claim(ClaimId(5)).cloned())
        .ok_or("no c5")?;
    assert_eq!(claim.review.note, "");
    Ok(())
}

#[test]
fn verdict_buttons_and_menu_entries_show_their_keys() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    h.get_by_label("c7").click();
    h.run();
    h.get_by_label("Needs context (C)").click();
    h.run();
    let verdict = h
        .state()
        .project()
        .and_then(|p| p.claim(ClaimId(7)))
        .map(|c| c.review.verdict);
    assert_eq!(verdict, Some(Verdict::NeedsContext));
    h.get_by_label("Review").click();
    h.run();
    // Menu entries carry their shortcut text.
    for entry in [
        "Mark verified V",
        "Mark disputed D",
        "Mark needs context C",
        "Mark unverifiable X",
        "Mark unreviewed U",
        "Next claim J",
        "Previous claim K",
        "Edit note N",
    ] {
        assert!(h.query_by_label(entry).is_some(), "{entry}");
    }
    Ok(())
}

/// The article paragraph showing `text` (only paragraphs in view are in the tree).
fn paragraph_showing<'h>(
    h: &'h egui_kittest::Harness<'_, claimdesk::app::App>,
    text: &'h str,
) -> Option<egui_kittest::Node<'h>> {
    h.query_all_by(move |n| {
        let value = n.value().unwrap_or_default();
        n.role() == egui::accesskit::Role::Label && value.contains(text) && value != text
    })
    .next()
    .filter(|node| {
        let r = node.rect();
        r.top() > 40.0 && r.top() < 860.0
    })
}

#[test]
fn selecting_a_claim_in_the_table_scrolls_the_article_to_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    let project = h.state().project().cloned().ok_or("no project")?;
    let last = project.claims.last().ok_or("no claims")?;
    let text = last.text(&project.article.text).to_owned();
    assert!(
        paragraph_showing(&h, &text).is_none(),
        "the last claim starts out of view"
    );
    // Sort by # descending: the last claim is the first row.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "#")
        .click();
    h.run();
    h.get_by_label(&last.id.to_string()).click();
    h.run();
    assert_eq!(h.state().selected_claim(), Some(last.id));
    assert!(
        paragraph_showing(&h, &text).is_some(),
        "the article scrolled to {}",
        last.id
    );
    Ok(())
}

#[test]
fn hovering_a_highlight_shows_source_kind_and_verdict() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    let project = h.state().project().cloned().ok_or("no project")?;
    // A quote with a named source, in view at the start.
    let claim = project
        .claims
        .iter()
        .find(|c| {
            c.kind == claimdesk::model::ClaimKind::Quote
                && project.claim_source(c).is_some_and(|s| s.role.is_some())
        })
        .ok_or("no attributed quote")?;
    let source = project.claim_source(claim).ok_or("no source")?;
    let text = claim.text(&project.article.text).to_owned();
    let rect = paragraph_showing(&h, &text)
        .ok_or("quote not in view")?
        .rect();
    // The quote opens its paragraph: hover a little way into the first line.
    let first = project
        .article
        .paragraphs
        .iter()
        .find(|p| p.span.contains(claim.span))
        .ok_or("no paragraph")?;
    assert!(
        claim.span.start - first.span.start <= 3,
        "the quote starts its paragraph"
    );
    h.hover_at(rect.left_top() + egui::vec2(30.0, 8.0));
    h.run_steps(4);
    h.get_by_label(&format!("Claim {} · Quote", claim.id));
    h.get_by_label(&format!(
        "Source: {} ({})",
        source.name,
        source.role.as_deref().unwrap_or_default()
    ));
    h.get_by_label("Verdict:");
    // Clicking the highlight selects the claim.
    h.drag_at(rect.left_top() + egui::vec2(30.0, 8.0));
    h.drop_at(rect.left_top() + egui::vec2(30.0, 8.0));
    h.run();
    assert_eq!(h.state().selected_claim(), Some(claim.id));
    Ok(())
}

#[test]
fn details_show_the_cue_class_and_where_the_claim_was_reported() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("tunnel.ron");
    let text = "Tunnel costs climb\n\
        Economists at Brindle Partners found that the tunnel will cost $2.4 billion, \
        according to a report in the Valdera Times.\n\
        Councillor Tomas Brill believes that the tolls will rise next year.";
    let article = claimdesk::model::Article::from_text("Tunnel costs climb", text);
    claimdesk::project::save(&claimdesk::project::new_project(article), &path)?;
    let mut h = harness(startup(Startup::open(&path), dir.path(), Arc::default()));
    assert!(h.query_by_label("Reported in").is_none());

    let tunnel = claim_where(&h, |_, c| c.reported_in.is_some());
    h.get_by_label(&tunnel.id.to_string()).click();
    h.run();
    assert_eq!(h.state().selected_claim(), Some(tunnel.id));
    h.get_by_label("Reported in");
    h.get_by_label("a report in the Valdera Times");
    h.get_by_label("found (evidence)");

    // A belief has its class and no report.
    let tolls = claim_where(&h, |p, c| {
        c.text(&p.article.text).contains("tolls will rise")
    });
    h.get_by_label(&tolls.id.to_string()).click();
    h.run();
    assert_eq!(h.state().selected_claim(), Some(tolls.id));
    h.get_by_label("believes (belief)");
    assert!(h.query_by_label("Reported in").is_none());
    Ok(())
}
