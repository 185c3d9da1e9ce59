//! File › Export report… from the window: the organisation set in Preferences and the
//! URL typed in the Export dialog reach the report, and "Only reviewed claims" leaves
//! unreviewed claims out.

#![cfg(feature = "gui")]

mod gui_support;

use std::path::Path;
use std::sync::Arc;

use claimdesk::app::{App, Dialog, Prefs, Startup};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use gui_support::{FakePicker, TestResult, harness, saved_sample, startup, text_of};
use serde_json::Value;

const ORGANISATION: &str = "Harbour Fact Desk";
const URL: &str = "https://factdesk.example.org/checks/harbour-bridge";

/// What a text field (found by its label) shows.
fn field_text(h: &Harness<'_, App>, label: &str) -> String {
    text_of(&h.get_by_label(label).accesskit_node())
}

/// Clicks into the field labelled `label` and types `text` at the end.
fn type_into(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Marks c2 verified and c3 disputed with the triage keys; the rest stay unreviewed.
fn review_two_claims(h: &mut Harness<'_, App>) {
    h.get_by_label("c2").click();
    h.run();
    h.key_press(Key::V);
    h.run();
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::D);
    h.run();
}

/// Opens the Export dialog with Ctrl+E.
fn open_export(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(matches!(h.state().dialog(), Some(Dialog::Export(_))));
}

/// Sets where the fake save dialog answers.
fn save_to(picker: &FakePicker, path: &Path) -> TestResult {
    *picker.save.lock().map_err(|e| e.to_string())? = Some(path.to_path_buf());
    Ok(())
}

fn read_json(path: &Path) -> Result<Value, Box<dyn std::error::Error>> {
    Ok(serde_json::from_str(&std::fs::read_to_string(path)?)?)
}

#[test]
fn claimreview_export_names_the_organisation_from_preferences_and_the_typed_url() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let out = dir.path().join("harbour.jsonld");
    let picker = Arc::new(FakePicker::default());
    save_to(&picker, &out)?;
    let mut h = harness(startup(Startup::open(&path), dir.path(), picker.clone()));

    // Edit › Preferences…: the organisation sits beside the reviewer name.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Preferences…").click();
    h.run();
    assert_eq!(field_text(&h, "Reviewer name"), "Test Reviewer");
    type_into(&mut h, "Organisation", ORGANISATION);
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(h.state().prefs().organization, ORGANISATION);

    review_two_claims(&mut h);
    open_export(&mut h);
    for format in claimdesk::report::Format::ALL {
        h.get_by_label(format.label());
    }
    assert_eq!(field_text(&h, "Organisation"), ORGANISATION);
    assert_eq!(field_text(&h, "Published at (URL)"), "");
    h.get_by_label("ClaimReview (schema.org JSON-LD)").click();
    h.run();
    type_into(&mut h, "Published at (URL)", URL);
    h.get_by_label("Export…").click();
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(
        picker.asked.lock().map_err(|e| e.to_string())?.as_slice(),
        ["Export ClaimReview (schema.org JSON-LD) report"]
    );

    let reviews = read_json(&out)?;
    let reviews = reviews
        .as_array()
        .ok_or("ClaimReview export is not an array")?;
    assert_eq!(reviews.len(), 2, "one ClaimReview per reviewed claim");
    for review in reviews {
        assert_eq!(review["@type"], "ClaimReview");
        assert_eq!(review["author"]["@type"], "Organization");
        assert_eq!(review["author"]["name"], ORGANISATION);
    }
    let urls: Vec<&str> = reviews.iter().filter_map(|r| r["url"].as_str()).collect();
    assert_eq!(urls, [format!("{URL}#c2"), format!("{URL}#c3")]);
    let verdicts: Vec<&str> = reviews
        .iter()
        .filter_map(|r| r["reviewRating"]["alternateName"].as_str())
        .collect();
    assert_eq!(verdicts, ["Verified", "Disputed"]);

    // The next export starts from the same format and URL.
    open_export(&mut h);
    assert_eq!(field_text(&h, "Published at (URL)"), URL);
    assert_eq!(field_text(&h, "Organisation"), ORGANISATION);
    match h.state().dialog() {
        Some(Dialog::Export(form)) => {
            assert_eq!(form.format, claimdesk::report::Format::ClaimReview);
        }
        other => return Err(format!("expected the Export dialog, got {other:?}").into()),
    }
    Ok(())
}

#[test]
fn reviewed_only_export_leaves_unreviewed_claims_out() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let all = dir.path().join("all.json");
    let reviewed = dir.path().join("reviewed.json");
    let picker = Arc::new(FakePicker::default());
    let mut h = harness(startup(Startup::open(&path), dir.path(), picker.clone()));
    let total = h.state().project().map_or(0, |p| p.claims.len());
    assert!(total > 2, "the sample has more than two claims");
    review_two_claims(&mut h);

    // Without the option every claim is exported.
    save_to(&picker, &all)?;
    open_export(&mut h);
    h.get_by_label("JSON").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    let report = read_json(&all)?;
    assert_eq!(report["report"]["reviewed_only"], false);
    assert_eq!(
        report["claims"].as_array().map(Vec::len),
        Some(total),
        "all claims without the option"
    );

    save_to(&picker, &reviewed)?;
    open_export(&mut h);
    h.get_by_label("Only reviewed claims").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    let report = read_json(&reviewed)?;
    assert_eq!(report["report"]["reviewed_only"], true);
    let claims = report["claims"].as_array().ok_or("no claims array")?;
    let ids: Vec<&str> = claims.iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids, ["c2", "c3"]);
    assert!(
        claims
            .iter()
            .all(|c| c["review"]["verdict"] != "unreviewed")
    );
    assert_eq!(report["summary"]["unreviewed"], 0);
    // Nothing was typed for the organisation or the URL: the report has none.
    assert_eq!(report["report"]["organization"], Value::Null);
    assert_eq!(report["report"]["url"], Value::Null);
    assert_eq!(report["report"]["reviewer"], "Test Reviewer");
    Ok(())
}

#[test]
fn the_organisation_can_be_changed_for_one_export_only() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = saved_sample(dir.path());
    let out = dir.path().join("report.json");
    let picker = Arc::new(FakePicker::default());
    save_to(&picker, &out)?;
    let prefs = Prefs {
        reviewer: "Test Reviewer".into(),
        organization: ORGANISATION.into(),
        ..Prefs::default()
    };
    let mut h =
        harness(startup(Startup::open(&path), dir.path(), picker.clone()).with_prefs(prefs));

    open_export(&mut h);
    h.get_by_label("JSON").click();
    h.run();
    assert_eq!(field_text(&h, "Organisation"), ORGANISATION);
    h.get_by_label("Organisation").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Organisation").type_text("Coastal Desk");
    h.run();
    assert_eq!(field_text(&h, "Organisation"), "Coastal Desk");
    h.get_by_label("Export…").click();
    h.run();
    let report = read_json(&out)?;
    assert_eq!(report["report"]["organization"], "Coastal Desk");

    // The preference is untouched, and the next export starts from it again.
    assert_eq!(h.state().prefs().organization, ORGANISATION);
    open_export(&mut h);
    assert_eq!(field_text(&h, "Organisation"), ORGANISATION);
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().dialog().is_none());
    Ok(())
}
