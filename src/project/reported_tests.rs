//! A cue's class and where a claim was reported survive save and load, old files
//! without them still open, and both are placed again when the article text changes.

use super::tests::load_str;
use super::*;
use crate::model::{Article, Claim, CueClass};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const NESTED: &str = "Economists at Brindle Partners found that the tunnel will cost \
    $2.4 billion, according to a report in the Valdera Times.";

fn nested_project() -> Project {
    let text = format!(
        "Tunnel costs climb\n{NESTED}\nMarta Quell said the depot will close in March 2027."
    );
    new_project(Article::from_text("Tunnel costs climb", text))
}

fn on_tunnel(p: &Project) -> Option<&Claim> {
    p.claims
        .iter()
        .find(|c| c.text(&p.article.text).contains("$2.4 billion"))
}

#[test]
fn save_then_load_keeps_the_cue_class_and_where_it_was_reported() -> TestResult {
    let project = nested_project();
    let tunnel = on_tunnel(&project).ok_or("no claim on the tunnel")?;
    assert_eq!(
        tunnel.reported_in.as_ref().map(|r| r.text.as_str()),
        Some("a report in the Valdera Times")
    );
    let ron = to_ron_string(&project)?;
    assert!(ron.contains("text: \"found\", class: Evidence)"), "{ron}");
    assert!(
        ron.contains("text: \"a report in the Valdera Times\")"),
        "{ron}"
    );
    // Only the claim that has one writes `reported_in`.
    assert_eq!(ron.matches("reported_in:").count(), 1, "{ron}");
    let loaded = load_str(&ron)?;
    assert_eq!(loaded.warnings, Vec::<String>::new());
    assert_eq!(loaded.project, project);
    let tunnel = on_tunnel(&loaded.project).ok_or("no claim on the tunnel")?;
    assert_eq!(
        tunnel.cue.as_ref().and_then(|c| c.class),
        Some(CueClass::Evidence)
    );
    Ok(())
}

#[test]
fn a_file_without_classes_or_reports_loads_with_neither() -> TestResult {
    let v2 = include_str!("../../tests/fixtures/projects/v2.ron");
    let loaded = load_str(v2)?;
    let p = &loaded.project;
    let quote = p.claim(crate::model::ClaimId(2)).ok_or("c2 missing")?;
    let cue = quote.cue.as_ref().ok_or("c2 has a cue")?;
    assert_eq!((cue.text.as_str(), cue.class), ("said", None));
    assert!(p.claims.iter().all(|c| c.reported_in.is_none()));
    // It saves as the current version, still without a class it never had.
    let ron = to_ron_string(p)?;
    assert!(ron.starts_with(&format!("(\n    version: {FORMAT_VERSION},\n")));
    assert!(
        !ron.contains("class:") && !ron.contains("reported_in:"),
        "{ron}"
    );
    Ok(())
}

#[test]
fn where_it_was_reported_moves_with_the_text() -> TestResult {
    let project = nested_project();
    let text = project.article.text.replacen(
        "\nEconomists",
        "\nThe city opened the tender in May.\nEconomists",
        1,
    );
    let (updated, summary) = update_article(&project, Article::from_text("Tunnel", text))?;
    assert_eq!(summary.warnings, Vec::<String>::new());
    let tunnel = on_tunnel(&updated).ok_or("no claim on the tunnel")?;
    let reported = tunnel.reported_in.as_ref().ok_or("reported_in was lost")?;
    assert_eq!(
        reported.span.slice(&updated.article.text),
        Some("a report in the Valdera Times")
    );
    let cue = tunnel.cue.as_ref().ok_or("the cue was lost")?;
    assert_eq!(cue.span.slice(&updated.article.text), Some("found"));
    assert_eq!(cue.class, Some(CueClass::Evidence));
    Ok(())
}

#[test]
fn a_report_no_longer_in_the_text_is_dropped_with_a_warning() -> TestResult {
    let project = nested_project();
    let text = project.article.text.replacen(
        "a report in the Valdera Times",
        "a study in the Orla Courier",
        1,
    );
    let (updated, summary) = update_article(&project, Article::from_text("Tunnel", text))?;
    assert!(
        summary
            .warnings
            .iter()
            .any(|w| w.contains("the report it was reported in") && w.contains("Valdera Times")),
        "{:?}",
        summary.warnings
    );
    let tunnel = on_tunnel(&updated).ok_or("no claim on the tunnel")?;
    assert_eq!(tunnel.reported_in, None);
    Ok(())
}
