//! The command line under hostile conditions: reports written over projects, corrected
//! articles, OS errors, files that are not projects, terminal escapes.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const SAMPLE: &str = "assets/samples/harbour-bridge-tolls.txt";

fn claimdesk() -> Command {
    Command::cargo_bin("claimdesk").expect("binary builds")
}

/// Runs a command that must fail with exit code 1 and one line on stderr; returns it.
fn one_line_failure(cmd: &mut Command) -> String {
    let out = cmd.assert().failure().code(1).get_output().stderr.clone();
    let err = String::from_utf8_lossy(&out).into_owned();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    err
}

fn new_project(dir: &Path, article: &Path) -> PathBuf {
    let out = dir.join("harbour.ron");
    claimdesk()
        .arg("new")
        .arg(article)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    out
}

#[test]
fn report_over_its_own_project_is_refused_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = new_project(dir.path(), Path::new(SAMPLE));
    let before = fs::read(&project).expect("read");
    let err = one_line_failure(
        claimdesk()
            .arg("report")
            .arg(&project)
            .args(["--format", "json", "-o"])
            .arg(&project),
    );
    assert!(
        err.contains("is the project the report is made from"),
        "{err}"
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(fs::read(&project).expect("read"), before);
    // Through another spelling of the same path, too.
    let other = dir.path().join(".").join("harbour.ron");
    one_line_failure(
        claimdesk()
            .arg("report")
            .arg(&project)
            .arg("-o")
            .arg(&other),
    );
    assert_eq!(fs::read(&project).expect("read"), before);
}

#[test]
fn report_over_another_project_file_is_refused_and_forced_keeps_a_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = new_project(dir.path(), Path::new(SAMPLE));
    // A project saved under a name that does not end in .ron (a .bak, say).
    let other = dir.path().join("old-review.txt");
    fs::copy(&project, &other).expect("copy");
    let before = fs::read(&other).expect("read");
    let err = one_line_failure(
        claimdesk()
            .arg("report")
            .arg(&project)
            .arg("-o")
            .arg(&other),
    );
    assert!(err.contains("is a claimdesk project file"), "{err}");
    assert_eq!(fs::read(&other).expect("read"), before);

    claimdesk()
        .arg("report")
        .arg(&project)
        .args(["--format", "md", "--force", "-o"])
        .arg(&other)
        .assert()
        .success();
    assert!(
        fs::read_to_string(&other)
            .expect("read")
            .starts_with("# Fact-check report")
    );
    assert_eq!(
        fs::read(dir.path().join("old-review.txt.bak")).expect("bak"),
        before
    );
}

#[test]
fn report_over_an_ordinary_file_keeps_it_as_bak() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = new_project(dir.path(), Path::new(SAMPLE));
    let out = dir.path().join("report.md");
    fs::write(&out, "my notes").expect("write");
    claimdesk()
        .arg("report")
        .arg(&project)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(dir.path().join("report.md.bak")).expect("bak"),
        "my notes"
    );
}

#[test]
fn update_places_claims_again_and_keeps_the_lost_ones_as_orphans() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("ferry.txt");
    let first = "Ferry service returns to Lake Orvel\n\n\
                 The Lake Orvel ferry will run every 40 minutes from June, the operator said on Tuesday.\n\n\
                 \u{201c}Journeys will be 10% faster than last summer,\u{201d} said Mira Holt, the operator\u{2019}s head of service.\n\n\
                 The council said the new pier at Kessby would cost \u{a3}2.4 million and open in 2027.";
    fs::write(&article, first).expect("write");
    let project = new_project(dir.path(), &article);
    let before = claimdesk::project::load(&project).expect("load").project;
    assert!(before.claims.len() >= 3, "{:?}", before.claims);

    let corrected = dir.path().join("ferry-corrected.txt");
    let second = "Ferry service returns to Lake Orvel\n\n\
                  Correction: an earlier version of this story misstated the pier's cost.\n\n\
                  The Lake Orvel ferry will run every 40 minutes from June, the operator said on Tuesday.\n\n\
                  \u{201c}Journeys will be 12% faster than last summer,\u{201d} said Mira Holt, the operator\u{2019}s head of service.";
    fs::write(&corrected, second).expect("write");
    let out = claimdesk()
        .arg("update")
        .arg(&project)
        .arg(&corrected)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let line = String::from_utf8_lossy(&out);
    assert!(
        line.contains("moved") && line.contains("changed") && line.contains("orphaned"),
        "{line}"
    );

    let after = claimdesk::project::load(&project).expect("load").project;
    assert_eq!(
        after.claims.len() + after.orphans.len(),
        before.claims.len(),
        "no claim is dropped"
    );
    assert!(
        !after.orphans.is_empty(),
        "the pier claim is gone from the text"
    );
    assert!(after.orphans.iter().any(|o| o.quote.contains("pier")));
    assert!(
        after
            .claims
            .iter()
            .any(|c| c.text(&after.article.text).contains("12% faster")),
        "the corrected quote is placed"
    );
    assert!(after.article.text.contains("Correction:"));
    // The previous save is the .bak.
    let bak = claimdesk::project::load(&dir.path().join("harbour.ron.bak")).expect("bak");
    assert_eq!(bak.project.claims.len(), before.claims.len());

    // Every report lists the orphan.
    for format in ["md", "html", "json", "csv", "annotations"] {
        let out = claimdesk()
            .arg("report")
            .arg(&project)
            .args(["--format", format])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("pier"), "{format}");
    }
}

#[test]
fn os_errors_are_said_once() {
    let err = one_line_failure(claimdesk().args(["extract", "no/such/article.txt"]));
    assert_eq!(err.matches("o such file or directory").count(), 1, "{err}");
    let err = one_line_failure(claimdesk().args(["report", "no/such/project.ron"]));
    assert_eq!(err.matches("o such file or directory").count(), 1, "{err}");
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn files_that_are_not_projects_say_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, content, words) in [
        (
            "empty.ron",
            String::new(),
            "not a claimdesk project (the file is empty)",
        ),
        (
            "notes.ron",
            "Meeting notes: ferry".to_owned(),
            "not a claimdesk project",
        ),
        (
            "deep.ron",
            format!("(x: {}, version: 2)", "[".repeat(20_000)),
            "nested too deeply",
        ),
        (
            "deep-after-version.ron",
            format!("(version: 2, x: {})", "[".repeat(20_000)),
            "unexpected field named `x`",
        ),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, content).expect("write");
        let err = one_line_failure(claimdesk().arg("report").arg(&path));
        assert!(err.contains(name) && err.contains(words), "{err}");
        assert!(
            !err.contains("VersionProbe") && !err.contains("serde_stacker"),
            "{err}"
        );
    }
}

#[test]
fn text_output_and_error_file_names_carry_no_terminal_escapes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("escape.txt");
    fs::write(
        &article,
        "\u{1b}]0;owned\u{7}Headline\n\n\u{1b}[2J\u{201c}The toll will rise,\u{201d} said Declan Moriarty, the city treasurer.",
    )
    .expect("write");
    claimdesk()
        .arg("extract")
        .arg(&article)
        .args(["--format", "text"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\u{1b}").not())
        .stdout(predicate::str::contains("\u{7}").not());
    let hostile = dir.path().join("x\u{1b}[31m.txt");
    let err = one_line_failure(claimdesk().arg("extract").arg(&hostile));
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("\\u{1b}"), "{err:?}");
}

#[test]
fn report_url_must_be_http() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = new_project(dir.path(), Path::new(SAMPLE));
    let err = one_line_failure(claimdesk().arg("report").arg(&project).args([
        "--format",
        "claimreview",
        "--url",
        "javascript:alert(1)",
    ]));
    assert!(err.contains("not an http(s) URL"), "{err}");
}
