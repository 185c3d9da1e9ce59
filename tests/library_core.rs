//! The claim library on small libraries written by the tests: entries from projects and
//! ClaimReview files, incremental updates, rebuilds, filters and matching rewordings.

mod library_support;

use std::path::Path;

use claimdesk::library::{Filter, INDEX_VERSION, Library, MatchQuery, Origin};
use claimdesk::model::Verdict;
use claimdesk::report;
use library_support::{FEED, harbour, project, save};

fn open(root: &Path) -> Library {
    Library::open(root).expect("library opens").0
}

fn best_claim(lib: &Library, query: &str) -> String {
    lib.search(query, &Filter::default(), 3)
        .expect("search")
        .first()
        .map(|h| h.entry.claim.clone())
        .unwrap_or_default()
}

#[test]
fn projects_in_the_folder_become_entries_with_their_review() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = save(&harbour(), dir.path(), "harbour");
    let (lib, report) = Library::open(dir.path()).expect("opens");
    assert!(report.rebuilt, "a new library builds its index");
    assert_eq!(report.entries, 3, "unreviewed claims are not entries");
    let hits = lib
        .search("bridge tolls 37 percent", &Filter::default(), 5)
        .expect("search");
    let e = &hits[0].entry;
    assert_eq!(
        e.claim,
        "Harbour bridge tolls rose 37 percent in a single year."
    );
    assert_eq!(e.verdict, "Disputed");
    assert_eq!(e.note, "The port ledger shows a 12 percent rise.");
    assert_eq!(
        e.source.as_deref(),
        Some("Declan Moriarty (city treasurer)")
    );
    assert_eq!(e.reviewer.as_deref(), Some("Ada Quill"));
    assert_eq!(e.date.map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
    assert_eq!(e.title, "Treasurer defends harbour tolls");
    let file = std::path::absolute(&file).expect("absolute");
    match &e.origin {
        Origin::Project { file: f, claim } => {
            assert_eq!(f, &file);
            assert_eq!(claim.to_string(), "c1");
        }
        other @ Origin::Review { .. } => panic!("origin {other:?}"),
    }
}

#[test]
fn rewordings_with_other_numbers_and_tweet_shorthand_match() {
    let dir = tempfile::tempdir().expect("tempdir");
    save(&harbour(), dir.path(), "harbour");
    std::fs::write(dir.path().join("feed.json"), FEED).expect("feed");
    let lib = open(dir.path());
    assert_eq!(
        best_claim(
            &lib,
            "City took on a $14.8bn loan for the ferry terminal rebuild"
        ),
        "The city borrowed $14.8 billion to rebuild the ferry terminal."
    );
    let tweet = "WOW #HarbourBridge tolls up 37%!! 😡 pic.twitter.com/Xy12 — Ines Vale (@ivale) March 6, 2024";
    let q = claimdesk::library::parse_tweet(tweet);
    let hits = lib.matches(&q, 3).expect("matches");
    assert_eq!(
        hits[0].entry.claim,
        "Harbour bridge tolls rose 37 percent in a single year."
    );
    assert_eq!(
        best_claim(
            &lib,
            "@CoastlineCheck are there microchips in the #FluVaccine ?"
        ),
        "Flu vaccines given at Westport clinics contain microchips."
    );
}

#[test]
fn claimreview_feed_entries_carry_publisher_url_and_rating() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("feed.json"), FEED).expect("feed");
    let lib = open(dir.path());
    assert_eq!(lib.len(), 2);
    let hits = lib
        .search("tram fares", &Filter::default(), 1)
        .expect("search");
    let e = &hits[0].entry;
    assert_eq!(e.verdict, "Mostly true");
    assert_eq!(e.publisher(), "Bayside Facts");
    match &e.origin {
        Origin::Review { url, .. } => {
            assert_eq!(url.as_deref(), Some("https://checks.example/tram-fares"));
        }
        other @ Origin::Project { .. } => panic!("origin {other:?}"),
    }
}

#[test]
fn claimdesks_own_claimreview_export_reads_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let options = report::Options {
        organization: Some("Harbour Desk".into()),
        url: Some("https://desk.example/tolls".into()),
        ..report::Options::default()
    };
    let json = report::render(&harbour(), report::Format::ClaimReview, &options).expect("export");
    let export = dir.path().join("export.json");
    std::fs::write(&export, json).expect("write");
    let lib_dir = dir.path().join("lib");
    let mut lib = open(&lib_dir);
    let r = lib.add(std::slice::from_ref(&export)).expect("add");
    assert_eq!(r.entries, 3);
    let hits = lib
        .search("ferry crossings doubled", &Filter::default(), 1)
        .expect("search");
    let e = &hits[0].entry;
    assert_eq!(e.verdict, "Verified");
    assert_eq!(e.publisher(), "Harbour Desk");
    assert_eq!(e.source, None, "c3 has no source");
    assert_eq!(e.key, "https://desk.example/tolls#c3");
}

#[test]
fn updates_read_only_changed_files_and_drop_removed_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    save(&harbour(), dir.path(), "harbour");
    let other = project(
        "Tram depot",
        &[(
            "The tram depot flooded twice in 2023.",
            Verdict::Verified,
            "",
        )],
    );
    let tram = save(&other, dir.path(), "tram");
    let mut lib = open(dir.path());
    assert_eq!(lib.len(), 4);

    let r = lib.update().expect("update");
    assert_eq!(
        (r.files_indexed, r.files_removed),
        (0, 0),
        "nothing changed"
    );

    let mut changed = other.clone();
    changed.claims[0].review.verdict = Verdict::Disputed;
    claimdesk::project::save(&changed, &tram).expect("saved");
    let r = lib.update_file(&tram).expect("update file");
    assert_eq!(r.files_indexed, 1);
    assert_eq!(lib.len(), 4, "the file's old entries were replaced");
    let hits = lib
        .search("tram depot flooded", &Filter::default(), 1)
        .expect("search");
    assert_eq!(hits[0].entry.verdict, "Disputed");

    std::fs::remove_file(&tram).expect("remove");
    let r = lib.update().expect("update");
    assert_eq!(r.files_removed, 1);
    assert_eq!(lib.len(), 3);
}

#[test]
fn missing_or_older_index_is_rebuilt_from_the_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    save(&harbour(), dir.path(), "harbour");
    drop(open(dir.path()));
    let index = dir.path().join("index");
    std::fs::remove_dir_all(&index).expect("index removed");
    let (lib, r) = Library::open(dir.path()).expect("opens");
    assert!(r.rebuilt);
    assert_eq!(lib.len(), 3);
    drop(lib);

    let manifest = index.join("claimdesk-manifest.json");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    let old = text.replace(
        &format!("\"version\":{INDEX_VERSION}"),
        &format!("\"version\":{}", INDEX_VERSION - 1),
    );
    assert_ne!(old, text);
    std::fs::write(&manifest, old).expect("older manifest");
    let (lib, r) = Library::open(dir.path()).expect("opens");
    assert!(r.rebuilt, "an index of an older version is rebuilt");
    assert_eq!(lib.len(), 3);
}

#[test]
fn bad_files_are_one_line_warnings_and_earlier_entries_stay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = save(&harbour(), dir.path(), "harbour");
    std::fs::write(dir.path().join("broken.ron"), "(version: 1, article: ").expect("write");
    let (mut lib, r) = Library::open(dir.path()).expect("opens");
    assert_eq!(r.entries, 3);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].contains("broken.ron"), "{}", r.warnings[0]);
    assert!(!r.warnings[0].contains('\n'));

    std::fs::write(&file, "not a project").expect("corrupt");
    let r = lib.update().expect("update");
    assert!(
        r.warnings.iter().any(|w| w.contains("harbour.ron")),
        "{:?}",
        r.warnings
    );
    assert_eq!(
        lib.len(),
        3,
        "a file that went bad keeps its earlier entries"
    );
}

#[test]
fn adding_a_bad_file_or_a_missing_path_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "[{\"@type\": \"ClaimReview\",").expect("write");
    let lib_dir = dir.path().join("lib");
    let mut lib = open(&lib_dir);
    let err = lib
        .add(std::slice::from_ref(&bad))
        .err()
        .map(|e| e.to_string());
    let err = err.unwrap_or_default();
    assert!(err.contains("bad.json:1:"), "{err}");
    let missing = dir.path().join("nowhere");
    let err = lib
        .add(&[missing])
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.ends_with("nowhere: no such file or folder"), "{err}");
    assert!(lib.sources().is_empty());
    assert!(!lib_dir.join("library.json").exists());
}

#[test]
fn added_folders_are_remembered_across_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let projects = dir.path().join("desk");
    save(&harbour(), &projects, "harbour");
    let lib_dir = dir.path().join("lib");
    let mut lib = open(&lib_dir);
    lib.add(std::slice::from_ref(&projects)).expect("add");
    assert_eq!(lib.len(), 3);
    drop(lib);
    std::fs::remove_dir_all(lib_dir.join("index")).expect("index removed");
    let lib = open(&lib_dir);
    assert_eq!(lib.len(), 3, "rebuilt from the remembered folder");
}

#[test]
fn filters_by_verdict_source_publisher_and_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    save(&harbour(), dir.path(), "harbour");
    std::fs::write(dir.path().join("feed.json"), FEED).expect("feed");
    let lib = open(dir.path());
    let claims = |text: &str, f: Filter| -> Vec<String> {
        let mut v: Vec<String> = lib
            .search(text, &f, 10)
            .expect("search")
            .into_iter()
            .map(|h| h.entry.claim)
            .collect();
        v.sort();
        v
    };
    let disputed = Filter {
        verdict: Some("disputed".into()),
        ..Filter::default()
    };
    assert_eq!(
        claims("tolls ferry", disputed),
        ["Harbour bridge tolls rose 37 percent in a single year."]
    );
    let by_source = Filter {
        source: Some("moriarty".into()),
        ..Filter::default()
    };
    assert_eq!(
        claims("", by_source).len(),
        1,
        "a filter alone lists its entries"
    );
    let by_publisher = Filter {
        publisher: Some("Coastline".into()),
        ..Filter::default()
    };
    assert_eq!(
        claims("", by_publisher),
        ["Flu vaccines given at Westport clinics contain microchips."]
    );
    let in_2024 = Filter {
        from: jiff::civil::Date::new(2024, 1, 1).ok(),
        to: jiff::civil::Date::new(2024, 1, 31).ok(),
        ..Filter::default()
    };
    assert_eq!(
        claims("", in_2024),
        ["Tram fares in Westport are the highest in the country."]
    );
}

#[test]
fn matches_use_the_date_and_speaker_of_the_query() {
    let dir = tempfile::tempdir().expect("tempdir");
    save(&harbour(), dir.path(), "harbour");
    let lib = open(dir.path());
    let q = MatchQuery {
        text: "Moriarty says the toll went up 37 percent".into(),
        date: jiff::civil::Date::new(2024, 3, 4).ok(),
        speaker: Some("Declan Moriarty".into()),
    };
    let hits = lib.matches(&q, 2).expect("matches");
    assert_eq!(hits[0].entry.verdict, "Disputed");
    assert!(hits.len() <= 2);
    assert!(
        lib.matches(&MatchQuery::new("   "), 5)
            .expect("matches")
            .is_empty()
    );
}
