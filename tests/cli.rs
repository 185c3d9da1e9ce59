//! The `claimdesk` binary's headless commands and their error paths.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SAMPLE: &str = "assets/samples/harbour-bridge-tolls.txt";

fn claimdesk() -> Command {
    Command::cargo_bin("claimdesk").expect("binary builds")
}

fn stdout_json(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("stdout is JSON")
}

/// Runs a command that must fail with exit code 1 and exactly one line on stderr;
/// returns that line.
fn one_line_failure(cmd: &mut Command) -> String {
    let out = cmd.assert().failure().code(1).get_output().stderr.clone();
    let err = String::from_utf8_lossy(&out).into_owned();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    err
}

/// Every claim's `text` is `text[start..end]`, and every mention lies in the text.
fn check_offsets(v: &Value) {
    let text = v["text"].as_str().expect("text");
    let claims = v["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    for c in claims {
        let (s, e) = (
            c["start"].as_u64().expect("start") as usize,
            c["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(text.get(s..e), c["text"].as_str(), "claim {}", c["id"]);
        assert!(
            ["quote", "reported", "statistic", "fact"].contains(&c["kind"].as_str().expect("kind"))
        );
        let score = c["score"].as_f64().expect("score");
        assert!((0.0..=1.0).contains(&score));
        assert!(c["cue"].is_null() || c["cue"].is_string());
        assert!(c["reasons"].is_array());
        let src = &c["source"];
        if !src.is_null() {
            assert!(src["name"].is_null() || src["name"].is_string());
            assert!(src["role"].is_null() || src["role"].is_string());
            assert!(
                ["person", "organization", "unnamed"]
                    .contains(&src["kind"].as_str().expect("kind"))
            );
            let m = &src["mention"];
            if !m.is_null() {
                let (s, e) = (
                    m["start"].as_u64().expect("start") as usize,
                    m["end"].as_u64().expect("end") as usize,
                );
                assert!(text.get(s..e).is_some_and(|t| !t.is_empty()));
            }
        }
    }
}

#[test]
fn extract_json_follows_the_contract() {
    let v = stdout_json(claimdesk().args(["extract", SAMPLE, "--format", "json"]));
    assert_eq!(
        v["title"],
        "Cork Council Approves 37% Toll Rise on Harbour Bridge to Pay for Repairs"
    );
    check_offsets(&v);
    // The .txt text is the file after BOM/CRLF normalisation: here, the file itself.
    let file = std::fs::read_to_string(SAMPLE).expect("sample");
    assert_eq!(v["text"].as_str(), Some(file.as_str()));
    let claims = v["claims"].as_array().expect("claims");
    assert!(
        claims
            .iter()
            .any(|c| c["source"]["name"] == "Declan Moriarty")
    );
    assert!(claims.iter().any(|c| c["kind"] == "statistic"));
    assert!(claims.iter().any(|c| c["kind"] == "quote"));
}

#[test]
fn extract_defaults_to_json() {
    let v = stdout_json(claimdesk().args(["extract", SAMPLE]));
    check_offsets(&v);
}

#[test]
fn extract_reads_markdown_and_html() {
    for sample in [
        "assets/samples/river-clinic-closures.md",
        "assets/samples/port-strike.html",
    ] {
        let v = stdout_json(claimdesk().args(["extract", sample]));
        check_offsets(&v);
        let text = v["text"].as_str().expect("text");
        assert!(!text.contains("<script"), "{sample}");
        assert!(!text.contains("](http"), "{sample}");
    }
}

#[test]
fn extract_text_lists_claims_with_sources() {
    claimdesk()
        .args(["extract", SAMPLE, "--format", "text"])
        .assert()
        .success()
        .stdout(predicate::str::contains("c1 ["))
        .stdout(predicate::str::contains("source: Declan Moriarty"));
}

#[test]
fn crlf_and_bom_are_normalised() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crlf.txt");
    std::fs::write(
        &path,
        "\u{feff}\"The pier will close,\" said Ana Ruiz.\r\nIt reopens in May.\r\n",
    )
    .expect("write");
    let v = stdout_json(claimdesk().arg("extract").arg(&path));
    assert_eq!(
        v["text"],
        "\"The pier will close,\" said Ana Ruiz.\nIt reopens in May.\n"
    );
    check_offsets(&v);
}

#[test]
fn missing_file_is_one_line_exit_1() {
    let err = one_line_failure(claimdesk().args(["extract", "no/such/article.txt"]));
    assert!(err.contains("no/such/article.txt"), "{err}");
}

#[test]
fn bad_inputs_are_clear_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let binary = dir.path().join("scan.txt");
    std::fs::write(&binary, b"abc\0def").expect("write");
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, "%PDF").expect("write");
    let odt = dir.path().join("report.odt");
    std::fs::write(&odt, "PK").expect("write");
    for (path, words) in [
        (&empty, "empty"),
        (&binary, "binary"),
        (&pdf, "cannot read this PDF"),
        (&odt, "unsupported"),
    ] {
        let err = one_line_failure(claimdesk().arg("extract").arg(path));
        assert!(
            err.contains(
                path.file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
            ),
            "{err}"
        );
        assert!(err.contains(words), "{err}");
    }
}

#[test]
fn usage_errors_exit_2() {
    claimdesk()
        .args(["extract", SAMPLE, "--format", "yaml"])
        .assert()
        .failure()
        .code(2);
    claimdesk().args(["report"]).assert().failure().code(2);
    claimdesk()
        .args(["frobnicate", "x", "y"])
        .assert()
        .failure()
        .code(2);
}

#[test]
fn new_saves_a_project_that_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("bridge.ron");
    claimdesk()
        .args(["new", SAMPLE, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("claims from"));
    let loaded = claimdesk::project::load(&out).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(loaded.project.claims.len() > 10);
    assert!(!loaded.project.sources.is_empty());
}

#[test]
fn new_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("p.ron");
    claimdesk()
        .args(["new", SAMPLE, "-o"])
        .arg(&out)
        .assert()
        .success();
    let before = std::fs::read(&out).expect("read");
    claimdesk()
        .args(["new", "assets/samples/drought-relief-fund.txt", "-o"])
        .arg(&out)
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(
        std::fs::read(&out).expect("read"),
        before,
        "nothing changed"
    );
    claimdesk()
        .args([
            "new",
            "assets/samples/drought-relief-fund.txt",
            "--force",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    assert!(
        claimdesk::project::backup_path(&out).exists(),
        "the old project is kept as .bak"
    );
}

fn example_project(dir: &Path) -> std::path::PathBuf {
    let out = dir.join("example.ron");
    claimdesk()
        .args(["new", SAMPLE, "-o"])
        .arg(&out)
        .assert()
        .success();
    out
}

#[test]
fn report_markdown_to_stdout_and_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = example_project(dir.path());
    claimdesk()
        .arg("report")
        .arg(&project)
        .args(["--format", "md"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Cork Council Approves"))
        .stdout(predicate::str::contains("Declan Moriarty"));
    let md = dir.path().join("report.md");
    claimdesk()
        .arg("report")
        .arg(&project)
        .args(["--format", "md", "-o"])
        .arg(&md)
        .assert()
        .success()
        .stdout("");
    assert!(
        std::fs::read_to_string(&md)
            .expect("written")
            .contains("Cork Council Approves")
    );
}

#[test]
fn report_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = example_project(dir.path());
    for (format, marker) in [
        ("html", "<html"),
        ("json", "\"claims\""),
        ("csv", "verdict"),
        ("claimreview", "[]"),
        ("annotations", "AnnotationCollection"),
    ] {
        claimdesk()
            .arg("report")
            .arg(&project)
            .args([
                "--format",
                format,
                "--org",
                "Harbour Checkers",
                "--url",
                "https://example.org/check",
            ])
            .assert()
            .success()
            .stdout(predicate::str::contains(marker));
    }
}

#[test]
fn report_errors_name_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corrupt = dir.path().join("corrupt.ron");
    std::fs::write(&corrupt, "(\n    version: 1,\n    article: (\n").expect("write");
    let err = one_line_failure(claimdesk().arg("report").arg(&corrupt));
    assert!(err.contains("corrupt.ron:"), "{err}");
    let newer = dir.path().join("newer.ron");
    std::fs::write(&newer, "(version: 99, future_field: true)").expect("write");
    claimdesk()
        .arg("report")
        .arg(&newer)
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("99").and(predicate::str::contains("newer")));
    claimdesk()
        .args(["report", "missing.ron"])
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("missing.ron"));
}
