//! `claimdesk library add|search|rebuild` and `claimdesk match` on libraries the tests
//! write themselves.

mod library_support;

use assert_cmd::Command;
use serde_json::Value;

use library_support::{FEED, harbour, save};

fn claimdesk() -> Command {
    Command::cargo_bin("claimdesk").expect("binary builds")
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("UTF-8")
}

fn one_line_failure(cmd: &mut Command) -> String {
    let out = cmd.assert().failure().code(1).get_output().stderr.clone();
    let err = String::from_utf8_lossy(&out).into_owned();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    err
}

#[test]
fn add_search_and_rebuild() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = dir.path().join("desk");
    save(&harbour(), &desk, "harbour");
    let feed = dir.path().join("feed.jsonld");
    std::fs::write(&feed, FEED).expect("feed");
    let lib = dir.path().join("lib");

    let out = stdout(
        claimdesk()
            .arg("library")
            .arg("add")
            .arg(&desk)
            .arg(&feed)
            .arg("--library")
            .arg(&lib),
    );
    assert!(
        out.contains(": 5 entries (2 files read, 0 removed, index rebuilt)")
            || out.contains(": 5 entries (2 files read, 0 removed)"),
        "{out}"
    );

    let out = stdout(
        claimdesk()
            .args([
                "library",
                "search",
                "ferry terminal loan $14.8bn",
                "--format",
                "json",
                "--library",
            ])
            .arg(&lib),
    );
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let first = &v[0];
    assert_eq!(
        first["claim"],
        "The city borrowed $14.8 billion to rebuild the ferry terminal."
    );
    assert_eq!(first["verdict"], "Needs context");
    assert_eq!(first["origin"]["claim"], "c2");
    assert!(
        first["origin"]["project"]
            .as_str()
            .is_some_and(|p| p.ends_with("harbour.ron"))
    );
    assert!(first["score"].as_f64().is_some());

    let out = stdout(
        claimdesk()
            .args([
                "library",
                "search",
                "microchips",
                "--publisher",
                "coastline",
                "--library",
            ])
            .arg(&lib),
    );
    assert!(out.starts_with("1. [False] "), "{out}");
    assert!(
        out.contains("Coastline Check · 2023-11-20 · https://checks.example/vaccine-microchips"),
        "{out}"
    );

    let out = stdout(
        claimdesk()
            .args([
                "library",
                "search",
                "microchips",
                "--verdict",
                "verified",
                "--library",
            ])
            .arg(&lib),
    );
    assert_eq!(out, "no matches\n");

    let out = stdout(
        claimdesk()
            .args(["library", "rebuild", "--library"])
            .arg(&lib),
    );
    assert!(
        out.contains(": 5 entries (2 files read, 0 removed, index rebuilt)"),
        "{out}"
    );
}

#[test]
fn library_errors_are_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lib = dir.path().join("lib");
    let bad = dir.path().join("notes.txt");
    std::fs::write(&bad, "hello").expect("write");
    let err = one_line_failure(
        claimdesk()
            .args(["library", "add"])
            .arg(&bad)
            .arg("--library")
            .arg(&lib),
    );
    assert!(
        err.contains("notes.txt: not a project (.ron) or ClaimReview file"),
        "{err}"
    );
    let err = one_line_failure(
        claimdesk()
            .args(["library", "add", "/no/such/folder", "--library"])
            .arg(&lib),
    );
    assert!(
        err.contains("/no/such/folder: no such file or folder"),
        "{err}"
    );
    let out = claimdesk()
        .args(["library", "search", "x", "--from", "yesterday", "--library"])
        .arg(&lib)
        .assert()
        .failure()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(err.contains("not a date"), "{err}");
}

#[test]
fn match_prints_a_trec_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vclaims = dir.path().join("vclaims.jsonl");
    let lines = [
        r#"{"id": "vc-tolls", "title": "Did Harbour Tolls Rise 37%?", "subtitle": "The treasurer's figure.", "vclaim": "Harbour bridge tolls rose 37 percent in one year.", "date": "6 March 2024"}"#,
        r#"{"id": "vc-chips", "title": "Microchips in Flu Vaccines?", "subtitle": "No.", "vclaim": "Flu vaccines contain microchips.", "date": "20 November 2023"}"#,
        r#"{"id": "vc-trams", "title": "Westport Tram Fares", "subtitle": "Compared with other cities.", "vclaim": "Westport tram fares are the highest in the country.", "date": ""}"#,
    ];
    std::fs::write(&vclaims, lines.join("\n") + "\n").expect("write");
    let queries = dir.path().join("queries.tsv");
    std::fs::write(
        &queries,
        "q-1\tTolls on the #HarbourBridge up 37%?! pic.twitter.com/x — Ines Vale (@ivale) March 5, 2024\nq-2\tthey put MICROCHIPS in the flu jab 💉\n",
    )
    .expect("write");
    let out = stdout(claimdesk().arg("match").arg(&queries).arg(&vclaims));
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert!(
        rows.iter()
            .all(|r| r.len() == 6 && r[1] == "Q0" && r[5] == "claimdesk"),
        "{out}"
    );
    let first = |q: &str| rows.iter().find(|r| r[0] == q && r[3] == "1").map(|r| r[2]);
    assert_eq!(first("q-1"), Some("vc-tolls"));
    assert_eq!(first("q-2"), Some("vc-chips"));
    for q in ["q-1", "q-2"] {
        let scores: Vec<f64> = rows
            .iter()
            .filter(|r| r[0] == q)
            .map(|r| r[4].parse().expect("score"))
            .collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "best first: {scores:?}"
        );
    }
}

#[test]
fn match_names_a_bad_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vclaims = dir.path().join("v.jsonl");
    std::fs::write(&vclaims, "{\"id\": \"a\", \"vclaim\": \"x\"}\nnot json\n").expect("write");
    let queries = dir.path().join("q.tsv");
    std::fs::write(&queries, "q\tx\n").expect("write");
    let err = one_line_failure(claimdesk().arg("match").arg(&queries).arg(&vclaims));
    assert!(err.contains("v.jsonl:2: not a verified claim"), "{err}");
}
