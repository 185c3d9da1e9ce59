//! The claim library in the window, on a small library each test writes in a temporary
//! folder: "Checked before" in the details panel, opening the earlier project at its
//! claim or the review's page, the claims table's marker, the Library panel's search and
//! filters, the folder in Preferences, and a saved project joining the index.

#![cfg(feature = "gui")]

mod gui_support;
mod library_support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use claimdesk::app::{App, Prefs, Startup};
use claimdesk::library::{Filter, Library, Origin};
use claimdesk::model::Verdict;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use gui_support::{TestResult, claim_where, harness, saved_sample, text_of};

/// The earlier project's claim: the sample's traffic figure, reworded.
const EARLIER_TRAFFIC: &str = "The bridge, opened in 1984, carries about 62,000 vehicles a day, the National Roads Office says.";

/// Published checks: the sample's bearings figure, and a claim it does not make.
const FEED: &str = r#"[
  {"@context": "https://schema.org", "@type": "ClaimReview",
   "url": "https://checks.example/harbour-bridge-bearings",
   "claimReviewed": "11 of the Harbour Bridge's 48 bearings must be replaced within three years, a council survey found.",
   "datePublished": "2024-11-02",
   "author": {"@type": "Organization", "name": "Coastline Check"},
   "reviewRating": {"@type": "Rating", "alternateName": "Mostly true"}},
  {"@context": "https://schema.org", "@type": "ClaimReview",
   "url": "https://checks.example/tram-fares",
   "claimReviewed": "Tram fares in Westport are the highest in the country.",
   "datePublished": "2024-01-15",
   "author": {"@type": "Organization", "name": "Bayside Facts"},
   "reviewRating": {"@type": "Rating", "alternateName": "False"}}
]"#;

/// A library in `dir/library`: an earlier project and a feed. Returns the folder and
/// the earlier project's file.
fn write_library(dir: &Path) -> (PathBuf, PathBuf) {
    let root = dir.join("library");
    let earlier = library_support::project(
        "Traffic on the crossing keeps climbing",
        &[
            (
                EARLIER_TRAFFIC,
                Verdict::Verified,
                "Matches the Roads Office's 2023 counts.",
            ),
            (
                "Ferry crossings doubled since the new pier opened.",
                Verdict::Disputed,
                "Port counts show a 20 percent rise.",
            ),
        ],
    );
    let file = library_support::save(&earlier, &root, "cork-traffic-2024");
    std::fs::write(root.join("checks.json"), FEED).expect("feed written");
    (root, file)
}

/// The window on the harbour sample (saved in `dir/work`), with the library in `library`.
fn window(dir: &Path, library: &Path) -> (Harness<'static, App>, PathBuf) {
    let work = dir.join("work");
    std::fs::create_dir_all(&work).expect("work folder");
    let path = saved_sample(&work);
    let prefs = Prefs {
        reviewer: "Test Reviewer".into(),
        library_dir: Some(library.to_path_buf()),
        ..Prefs::default()
    };
    let startup = Startup::open(&path)
        .with_data_dir(dir.join("data"))
        .with_picker(Arc::new(gui_support::FakePicker::default()))
        .with_prefs(prefs)
        .synchronous();
    let mut h = harness(startup);
    h.run();
    (h, path)
}

fn select(h: &mut Harness<'_, App>, needle: &str) -> claimdesk::model::ClaimId {
    let claim = claim_where(h, |p, c| c.text(&p.article.text).contains(needle));
    h.get_by_label(&claim.id.to_string()).click();
    h.run();
    assert_eq!(h.state().selected_claim(), Some(claim.id));
    claim.id
}

/// Clicks into the text field labelled `label` and types `text` at the end.
fn type_into(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

/// Empties the text field labelled `label`.
fn clear(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
}

fn has_text(h: &Harness<'_, App>, wanted: &str) -> bool {
    h.query_all_by(|n| text_of(n) == wanted).next().is_some()
}

fn has_text_containing(h: &Harness<'_, App>, part: &str) -> bool {
    h.query_all_by(|n| text_of(n).contains(part))
        .next()
        .is_some()
}

#[test]
fn the_details_panel_lists_the_earlier_check_and_opens_its_project_at_the_claim() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (root, earlier) = write_library(dir.path());
    let (mut h, _) = window(dir.path(), &root);
    select(&mut h, "62,000 vehicles");
    assert!(
        has_text(&h, "Checked before (1)"),
        "no Checked before heading"
    );
    assert!(
        has_text(&h, EARLIER_TRAFFIC),
        "the earlier claim is not listed"
    );
    assert!(has_text(&h, "Verified"));
    assert!(has_text_containing(&h, "match "), "no match score");
    assert!(has_text_containing(
        &h,
        "2024-03-05 · Declan Moriarty (city treasurer) · cork-traffic-2024 (c1)"
    ));
    assert!(has_text(
        &h,
        "Note: Matches the Roads Office's 2023 counts."
    ));

    h.get_by_label("Open c1 in cork-traffic-2024").click();
    h.run();
    assert_eq!(h.state().project_path(), Some(earlier.as_path()));
    let project = h.state().project().ok_or("no project")?;
    let selected = h.state().selected_claim().ok_or("nothing selected")?;
    let claim = project.claim(selected).ok_or("no such claim")?;
    assert_eq!(claim.text(&project.article.text), EARLIER_TRAFFIC);
    assert!(has_text(&h, &format!("Claim {selected}")));
    Ok(())
}

#[test]
fn a_published_check_opens_its_page_in_the_browser() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (root, _) = write_library(dir.path());
    let (mut h, _) = window(dir.path(), &root);
    select(&mut h, "48 bearings");
    assert!(has_text(&h, "Checked before (1)"));
    assert!(has_text(&h, "Mostly true"));
    assert!(has_text_containing(&h, "2024-11-02 · Coastline Check"));
    h.get_by_label("Open the review").click();
    h.step();
    let opened: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(u) => Some(u.url.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(opened, ["https://checks.example/harbour-bridge-bearings"]);
    Ok(())
}

#[test]
fn the_claims_table_marks_the_claims_checked_before() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (root, _) = write_library(dir.path());
    let (mut h, _) = window(dir.path(), &root);
    let traffic = claim_where(&h, |p, c| c.text(&p.article.text).contains("62,000"));
    let bearings = claim_where(&h, |p, c| c.text(&p.article.text).contains("48 bearings"));
    let votes = claim_where(&h, |p, c| c.text(&p.article.text).contains("19 votes"));
    let findings = h.state().library_findings();
    assert!(findings.claims.contains_key(&traffic.id));
    assert!(findings.claims.contains_key(&bearings.id));
    assert!(
        !findings.claims.contains_key(&votes.id),
        "an unrelated claim is marked"
    );
    let marks = h.query_all_by_label("Checked before").count();
    assert!(marks >= 2, "{marks} markers in the table");
    assert!(marks <= findings.claims.len());
    h.get_all_by_label("Checked before")
        .next()
        .ok_or("no marker")?
        .hover();
    h.run();
    assert!(
        has_text_containing(&h, "Checked before: Verified — cork-traffic-2024 (c1), ")
            || has_text_containing(&h, "Checked before: Mostly true — Coastline Check, "),
        "no tooltip on the marker"
    );
    Ok(())
}

#[test]
fn the_library_panel_searches_and_filters() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (root, _) = write_library(dir.path());
    let (mut h, _) = window(dir.path(), &root);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    h.run();
    assert!(has_text(&h, "Library"), "the Library panel did not open");
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Search the library")
            .is_focused(),
        "the cursor is not in the search field"
    );
    assert!(has_text(&h, "4 checked claims in the library"));
    type_into(&mut h, "Search the library", "bridge");
    h.get_by_role_and_label(Role::Button, "Search").click();
    h.run();
    assert!(has_text(&h, "2 results"), "bridge is in two checked claims");
    assert!(has_text(&h, EARLIER_TRAFFIC));
    // Only what Coastline Check published.
    type_into(&mut h, "Publisher", "Coastline");
    h.get_by_role_and_label(Role::Button, "Search").click();
    h.run();
    assert!(has_text(&h, "1 result"));
    assert!(!has_text(&h, EARLIER_TRAFFIC));
    assert!(has_text_containing(&h, "48 bearings must be replaced"));
    // A verdict and a date range no check has.
    type_into(&mut h, "From", "2025-01-01");
    h.get_by_role_and_label(Role::Button, "Search").click();
    h.run();
    assert!(has_text(&h, "No checked claim matches."));
    // A result opens like "Checked before" does.
    clear(&mut h, "From");
    clear(&mut h, "Publisher");
    type_into(&mut h, "Verdict", "Verified");
    h.get_by_role_and_label(Role::Button, "Search").click();
    h.run();
    assert!(has_text(&h, "1 result"));
    h.get_by_label("Open c1 in cork-traffic-2024").click();
    h.run();
    let path = h.state().project_path().ok_or("no project")?;
    assert!(
        path.ends_with("cork-traffic-2024.ron"),
        "{}",
        path.display()
    );
    Ok(())
}

#[test]
fn a_saved_project_joins_the_index() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (root, _) = write_library(dir.path());
    let (mut h, path) = window(dir.path(), &root);
    let id = select(&mut h, "19 votes");
    h.key_press(Key::D);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().is_dirty());
    // The index on disk has the claim, from the saved file.
    let (lib, _) = Library::open(&root)?;
    let hits = lib.search("motion passed 19 votes to 12", &Filter::default(), 3)?;
    let hit = hits
        .first()
        .ok_or("the saved claim is not in the library")?;
    assert_eq!(hit.entry.verdict, "Disputed");
    assert_eq!(
        hit.entry.origin,
        Origin::Project {
            file: std::path::absolute(&path)?,
            claim: id,
        }
    );
    drop(lib);
    // The window's own search finds it too; "Checked before" leaves the project itself out.
    assert!(!h.state().library_findings().claims.contains_key(&id));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    h.run();
    type_into(&mut h, "Search the library", "19 votes");
    h.get_by_role_and_label(Role::Button, "Search").click();
    h.run();
    assert!(has_text(&h, &format!("Open {id} in harbour")));
    Ok(())
}

#[test]
fn an_empty_library_shows_nothing_and_a_broken_one_says_so() -> TestResult {
    let dir = tempfile::tempdir()?;
    let empty = dir.path().join("empty-library");
    let (mut h, _) = window(dir.path(), &empty);
    select(&mut h, "62,000 vehicles");
    assert!(!has_text_containing(&h, "hecked before"));

    let dir = tempfile::tempdir()?;
    let not_a_folder = dir.path().join("library.txt");
    std::fs::write(&not_a_folder, "not a library")?;
    let (mut h, _) = window(dir.path(), &not_a_folder);
    select(&mut h, "62,000 vehicles");
    assert!(
        has_text_containing(&h, "The claim library cannot be opened: "),
        "no line about the broken library"
    );
    assert!(has_text_containing(&h, "library.txt"));
    Ok(())
}

#[test]
fn the_library_folder_is_chosen_in_preferences() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (root, _) = write_library(dir.path());
    let empty = dir.path().join("empty-library");
    let (mut h, _) = window(dir.path(), &empty);
    select(&mut h, "62,000 vehicles");
    assert!(!has_text_containing(&h, "Checked before"));
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Preferences…").click();
    h.run();
    let field = "Claim library folder";
    assert_eq!(
        text_of(&h.get_by_label(field).accesskit_node()),
        empty.display().to_string()
    );
    h.get_by_label(field).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_label(field).type_text(&root.display().to_string());
    h.run();
    // Nothing is opened while the folder is being typed.
    assert!(!has_text_containing(&h, "Checked before"));
    h.get_by_label("Close").click();
    h.run();
    assert_eq!(
        h.state().prefs().library_dir.as_deref(),
        Some(root.as_path())
    );
    assert!(has_text(&h, "Checked before (1)"));
    Ok(())
}
