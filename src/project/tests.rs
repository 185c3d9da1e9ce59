//! Tests of loading and saving whole projects.

use std::fs;
use std::path::Path;

use jiff::Timestamp;

use super::*;
use crate::model::{
    Article, Claim, ClaimId, ClaimKind, ClaimSource, Cue, CueClass, Evidence, Origin,
    ParagraphKind, Review, Source, SourceId, SourceKind, Span, Verdict,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const TEXT: &str = "Port of Lindqvist reopens\n\
    The harbour at Lindqvist reopened on Monday after a three-week strike. \
    \"We moved 4,000 crates in the first week — more than ever,\" said the port director, \
    Inès Vale.\n\
    The city council said the strike cost €2.1 million. Traders in the café district \
    were less sure 🙂.\n\
    Vale said the cranes were repaired in 2023.";

fn at(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap_or(usize::MAX / 2);
    Span::new(start, start + needle.len())
}

fn claim(id: u32, text: &str, kind: ClaimKind, verdict: Verdict) -> Claim {
    Claim {
        id: ClaimId(id),
        span: at(TEXT, text),
        kind,
        source: None,
        cue: None,
        reported_in: None,
        score: 0.5,
        reasons: crate::model::Reasons::new(),
        origin: Origin::Extracted,
        review: Review {
            verdict,
            ..Review::default()
        },
    }
}

/// Every verdict, evidence, timestamps, non-ASCII text, a heading, sources and mentions.
fn sample() -> Project {
    let mut article = Article::from_text("Port of Lindqvist reopens", TEXT);
    article.paragraphs[0].kind = ParagraphKind::Heading;
    article.byline = Some("Åsa Berg".into());
    article.url = Some("https://example.org/lindqvist".into());
    article.path = Some("/articles/lindqvist.md".into());

    let mut vale = Source::new(SourceId(1), "Inès Vale", SourceKind::Person);
    vale.role = Some("port director".into());
    vale.aliases = vec!["Vale".into()];
    vale.mentions = vec![at(TEXT, "Inès Vale"), at(TEXT, "Vale said")];
    vale.mentions[1].end = vale.mentions[1].start + "Vale".len();
    let council = Source::new(SourceId(4), "The city council", SourceKind::Organization);

    let mut reopened = claim(
        5,
        "The harbour at Lindqvist reopened on Monday",
        ClaimKind::Fact,
        Verdict::Unreviewed,
    );
    reopened.origin = Origin::Manual;

    let mut crates = claim(
        1,
        "We moved 4,000 crates in the first week — more than ever",
        ClaimKind::Quote,
        Verdict::Verified,
    );
    crates.source = Some(ClaimSource {
        id: SourceId(1),
        mention: Some(at(TEXT, "Inès Vale")),
    });
    crates.cue = Some(Cue {
        text: "said".into(),
        span: at(TEXT, "said the port"),
        class: Some(CueClass::Speech),
    });
    if let Some(cue) = crates.cue.as_mut() {
        cue.span.end = cue.span.start + 4;
    }
    crates.score = 0.875;
    crates.reasons = ["quote: direct speech", "amount: 4,000"].into();
    crates.review.note = "Matches the port's weekly log — «registre» p. 3.\nSecond line.".into();
    crates.review.evidence = vec![
        Evidence {
            url: "https://example.org/port-log".into(),
            title: "Weekly port log".into(),
            note: "4,012 crates".into(),
        },
        Evidence {
            url: String::new(),
            title: "Phone call with the harbour office".into(),
            note: String::new(),
        },
    ];
    crates.review.reviewer = Some("Zoë".into());
    crates.review.reviewed_at = Some(Timestamp::from_second(1_746_178_200).unwrap_or_default());

    let mut cost = claim(
        2,
        "the strike cost €2.1 million",
        ClaimKind::Reported,
        Verdict::Disputed,
    );
    cost.source = Some(ClaimSource {
        id: SourceId(4),
        mention: None,
    });
    cost.review.reviewed_at = "2025-05-02T09:30:00.123456789Z".parse().ok();

    let sure = claim(
        3,
        "Traders in the café district were less sure 🙂",
        ClaimKind::Fact,
        Verdict::NeedsContext,
    );
    let cranes = claim(
        4,
        "the cranes were repaired in 2023",
        ClaimKind::Statistic,
        Verdict::Unverifiable,
    );

    Project::new(
        article,
        vec![vale, council],
        vec![reopened, crates, cost, sure, cranes],
    )
}

/// The project in `text`, read whole; the same text saved to a file and opened with
/// [`load`] (which reads a file as claimdesk writes it a piece at a time) must give the
/// same project and warnings, or the same error.
pub(super) fn load_str(text: &str) -> Result<Loaded, ProjectError> {
    let whole = from_ron_str(text, Path::new("x.ron"));
    if let Ok(dir) = tempfile::tempdir() {
        let path = dir.path().join("x.ron");
        if fs::write(&path, text).is_ok() {
            let from_file = load(&path);
            match (&whole, &from_file) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.project, b.project);
                    assert_eq!(a.warnings, b.warnings);
                    assert_eq!(a.stamp.sha256, b.stamp.sha256);
                }
                (Err(a), Err(b)) => assert_eq!(
                    a.to_string(),
                    b.to_string().replace(&path.display().to_string(), "x.ron")
                ),
                (a, b) => assert_eq!(a.is_ok(), b.is_ok(), "whole: {a:?}, from the file: {b:?}"),
            }
        }
    }
    whole
}

fn error_of(text: &str) -> String {
    load_str(text).map_or_else(|e| e.to_string(), |_| "loaded".into())
}

#[test]
fn sample_project_is_consistent() {
    let p = sample();
    assert!(
        p.claims
            .iter()
            .all(|c| c.span.slice(&p.article.text).is_some())
    );
    assert!(
        p.claims
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
    );
    assert_eq!(p.next_claim_id, 6);
    assert_eq!(p.next_source_id, 5);
}

#[test]
fn round_trip_gives_an_equal_project() -> TestResult {
    let project = sample();
    let loaded = load_str(&to_ron_string(&project)?)?;
    assert_eq!(loaded.warnings, Vec::<String>::new());
    assert_eq!(loaded.project, project);
    Ok(())
}

#[test]
fn round_trip_keeps_empty_project() -> TestResult {
    let mut project = Project::default();
    project.article.rehash();
    assert_eq!(load_str(&to_ron_string(&project)?)?.project, project);
    Ok(())
}

#[test]
fn saving_twice_gives_identical_bytes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p.ron");
    save(&sample(), &path)?;
    let first = fs::read(&path)?;
    let loaded = load(&path)?;
    save(&loaded.project, &path)?;
    assert_eq!(fs::read(&path)?, first);
    assert_eq!(to_ron_string(&sample())?.as_bytes(), first.as_slice());
    Ok(())
}

#[test]
fn fields_are_written_in_a_stable_order() -> TestResult {
    let ron = to_ron_string(&sample())?;
    let order = [
        "version: 3",
        "next_claim_id: 6",
        "next_source_id: 5",
        "article: (",
        "title: ",
        "sha256: ",
        "paragraphs: [",
        "lines: [",
        "sources: [",
        "claims: [",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|f| ron.find(f).unwrap_or(usize::MAX))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "{positions:?}\n{ron}"
    );
    let claim_fields = [
        "id: 1,",
        "anchor: (",
        "kind: Quote",
        "source: Some(",
        "cue: Some(",
        "score: 0.875",
        "reasons: [",
        "origin: Extracted",
        "review: (",
        "verdict: Verified",
    ];
    let claims = ron.find("claims: [").unwrap_or(0);
    let from = ron[claims..].find("id: 1,").map_or(0, |p| p + claims);
    let positions: Vec<usize> = claim_fields
        .iter()
        .map(|f| ron[from..].find(f).map_or(usize::MAX, |p| p + from))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    Ok(())
}

#[test]
fn references_are_ids_not_positions() -> TestResult {
    let ron = to_ron_string(&sample())?;
    // The council is the second source but is referred to by its id, 4.
    assert!(
        ron.contains("source: Some((id: 4, mention: None)),"),
        "{ron}"
    );
    // Reordering sources in the file does not change which source a claim has.
    let mut project = sample();
    project.sources.reverse();
    let loaded = load_str(&to_ron_string(&project)?)?;
    let cost = loaded
        .project
        .claim(ClaimId(2))
        .and_then(|c| loaded.project.claim_source(c));
    assert_eq!(cost.map(|s| s.name.as_str()), Some("The city council"));
    Ok(())
}

#[test]
fn article_text_is_written_one_line_per_string() -> TestResult {
    let ron = to_ron_string(&sample())?;
    assert!(
        ron.contains("        lines: [\n            \"Port of Lindqvist reopens\",\n"),
        "{ron}"
    );
    assert!(ron.contains("Inès Vale"), "non-ASCII is written as is");
    assert!(
        ron.contains("\\nSecond line."),
        "newlines inside notes are escaped"
    );
    assert!(
        ron.contains("reviewed_at: Some(\"2025-05-02T09:30:00.123456789Z\")"),
        "{ron}"
    );
    Ok(())
}

#[test]
fn save_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().ok();
    let base = dir.as_ref().map_or(Path::new("/nonexistent"), |d| d.path());
    let path = base.join("no/such/folder/p.ron");
    let err = save(&sample(), &path).map_or_else(|e| e.to_string(), |()| "saved".into());
    assert!(
        err.contains("p.ron: not saved, could not create a temporary file"),
        "{err}"
    );
    assert!(!path.exists());
}

#[cfg(unix)]
#[test]
fn save_into_a_read_only_folder_fails_and_keeps_the_original() -> TestResult {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p.ron");
    save(&sample(), &path)?;
    let before = fs::read(&path)?;
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555))?;
    // Root (as in some CI containers) ignores permissions; nothing to test there.
    let probe = dir.path().join("probe");
    if fs::write(&probe, "x").is_ok() {
        fs::remove_file(&probe)?;
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755))?;
        return Ok(());
    }
    let mut changed = sample();
    changed.article.title = "Changed".into();
    let result = save(&changed, &path);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755))?;
    assert!(
        matches!(result, Err(ProjectError::Write { .. })),
        "{result:?}"
    );
    assert_eq!(fs::read(&path)?, before);
    assert_eq!(fs::read_dir(dir.path())?.count(), 1);
    Ok(())
}

#[test]
fn save_over_a_folder_fails_and_removes_the_temp_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p.ron");
    fs::create_dir(&path)?;
    fs::write(path.join("inside"), "keep")?;
    let result = save(&sample(), &path);
    assert!(result.is_err());
    assert_eq!(fs::read_to_string(path.join("inside"))?, "keep");
    assert_eq!(fs::read_dir(dir.path())?.count(), 1);
    Ok(())
}

#[test]
fn newer_version_error_names_both_versions() -> TestResult {
    let ron =
        to_ron_string(&sample())?.replacen("version: 3,", "version: 4,\n    palette: Dark,", 1);
    assert_eq!(
        error_of(&ron),
        "x.ron: this project was saved by a newer claimdesk (file format 4; this version \
         reads up to 3); update claimdesk to open it"
    );
    Ok(())
}

#[test]
fn truncated_file_error_has_line_and_column() -> TestResult {
    let ron = to_ron_string(&sample())?;
    let cut = &ron[..ron.floor_char_boundary(ron.len() / 2)];
    let err = load_str(cut).map(|_| ());
    let Err(ProjectError::Syntax { line, column, .. }) = err else {
        panic!("expected a syntax error, got {err:?}");
    };
    assert!(line > 1 && column >= 1);
    let msg = error_of(cut);
    assert!(
        msg.starts_with(&format!("x.ron:{line}:{column}: ")),
        "{msg}"
    );
    Ok(())
}

#[test]
fn syntax_error_position_is_one_based() {
    let text = "(\n    version: 1,\n    next_claim_id: 1\n    next_source_id: 1,\n)";
    // The missing comma is noticed at the start of line 4, column 5.
    assert_eq!(error_of(text), "x.ron:4:5: expected comma");
}

#[test]
fn garbage_file_is_a_clear_error() {
    let msg = error_of("\u{1}\u{2}PK garbage ]]]");
    assert_eq!(
        msg,
        "x.ron: not a claimdesk project (it is not a RON project file)"
    );
    let msg = error_of("(\u{1}\u{2}PK garbage ]]]");
    assert!(msg.starts_with("x.ron:1:2: "), "{msg}");
    assert!(!msg.contains('\n'));
}

#[test]
fn non_utf8_file_is_not_a_project() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p.ron");
    fs::write(&path, b"(version: 1, \xff\xfe)")?;
    let msg = load(&path).map_or_else(|e| e.to_string(), |_| "loaded".into());
    assert!(
        msg.ends_with("p.ron: not a claimdesk project (not UTF-8 text at byte 13)"),
        "{msg}"
    );
    Ok(())
}

#[test]
fn a_failed_load_leaves_the_file_untouched() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p.ron");
    let ron = to_ron_string(&sample())?;
    let broken = &ron[..ron.floor_char_boundary(300)];
    fs::write(&path, broken)?;
    assert!(load(&path).is_err());
    assert_eq!(fs::read_to_string(&path)?, broken);
    assert_eq!(fs::read_dir(dir.path())?.count(), 1);
    Ok(())
}

#[test]
fn missing_source_reference_is_cleared_with_a_warning() -> TestResult {
    let mut project = sample();
    project.sources.retain(|s| s.id != SourceId(4));
    let loaded = load_str(&to_ron_string(&project)?)?;
    assert_eq!(
        loaded.warnings,
        ["claim c2 refers to source s4, which is not in the project; its source was cleared"]
    );
    assert_eq!(
        loaded.project.claim(ClaimId(2)).map(|c| c.source),
        Some(None)
    );
    Ok(())
}

#[test]
fn duplicate_ids_are_errors() -> TestResult {
    let mut project = sample();
    project.claims[1].id = ClaimId(3);
    assert_eq!(
        error_of(&to_ron_string(&project)?),
        "x.ron: claim id c3 is used by more than one claim"
    );
    let mut project = sample();
    project.sources[1].id = SourceId(1);
    assert_eq!(
        error_of(&to_ron_string(&project)?),
        "x.ron: source id s1 is used by more than one source"
    );
    Ok(())
}

#[test]
fn claims_are_reanchored_when_the_text_was_edited_in_the_file() -> TestResult {
    let ron = to_ron_string(&sample())?.replacen(
        "            \"Port of Lindqvist reopens\",",
        "            \"Port of Lindqvist reopens — at last\",",
        1,
    );
    let loaded = load_str(&ron)?;
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].contains("does not match its checksum"));
    let p = &loaded.project;
    for c in &p.claims {
        let original = sample();
        let before = original.claim(c.id).map(|o| o.text(&original.article.text));
        assert_eq!(Some(c.text(&p.article.text)), before);
    }
    let crates = p
        .claim(ClaimId(1))
        .and_then(|c| c.cue.as_ref().map(|cue| cue.span));
    assert_eq!(crates.and_then(|s| s.slice(&p.article.text)), Some("said"));
    assert_eq!(p.sources[0].mentions.len(), 2);
    assert!(
        p.sources[0]
            .mentions
            .iter()
            .all(|m| m.slice(&p.article.text).is_some_and(|t| t.contains("Vale")))
    );
    Ok(())
}

#[test]
fn claim_whose_text_is_gone_becomes_an_orphan_with_its_review() -> TestResult {
    let original = sample();
    let c3 = original.claim(ClaimId(3)).ok_or("c3")?;
    let quote = c3.text(&original.article.text).to_owned();
    let ron = to_ron_string(&original)?.replacen(&quote, "Nobody else spoke", 1);
    let loaded = load_str(&ron)?;
    assert!(loaded.project.claim(ClaimId(3)).is_none());
    assert_eq!(loaded.project.claims.len(), 4);
    let orphan = loaded
        .project
        .orphan(ClaimId(3))
        .ok_or("c3 is not an orphan")?;
    assert_eq!(orphan.quote, quote);
    assert_eq!(orphan.claim.review, c3.review);
    assert!(
        loaded.warnings.iter().any(|w| w.starts_with(
            "claim c3 could not be placed in the text: \u{201c}Traders in the café district"
        ) && w.ends_with("kept as an orphan with its review")),
        "{:?}",
        loaded.warnings
    );
    // The id stays taken.
    assert_eq!(loaded.project.next_claim_id, 6);
    Ok(())
}

#[test]
fn slightly_edited_claim_is_placed_by_a_fuzzy_match() -> TestResult {
    let ron = to_ron_string(&sample())?.replacen("were less sure 🙂", "were unsure 🙂", 1);
    let loaded = load_str(&ron)?;
    let p = &loaded.project;
    let c3 = p.claim(ClaimId(3)).ok_or("c3 lost")?;
    assert!(
        c3.text(&p.article.text)
            .starts_with("Traders in the café district were unsure")
    );
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.starts_with("claim c3 was placed where the text is close")),
        "{:?}",
        loaded.warnings
    );
    Ok(())
}

#[test]
fn anchor_position_off_a_char_boundary_is_placed_by_its_text() -> TestResult {
    let project = sample();
    // Claim c3 ends with an emoji: one byte further is inside it.
    let span = project.claims[3].span;
    let ron = to_ron_string(&project)?.replacen(
        &format!("(start: {}, end: {},", span.start, span.end),
        &format!("(start: {}, end: {},", span.start + 1, span.end + 1),
        1,
    );
    assert_ne!(ron, to_ron_string(&project)?);
    let loaded = load_str(&ron)?;
    assert_eq!(loaded.project, project);
    Ok(())
}

#[test]
fn paragraphs_that_do_not_fit_are_recomputed_with_a_warning() -> TestResult {
    let project = sample();
    let ron = to_ron_string(&project)?.replacen("end: 25,", "end: 9999,", 1);
    let loaded = load_str(&ron)?;
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.contains("paragraph breaks")),
        "{:?}",
        loaded.warnings
    );
    assert_eq!(
        loaded.project.article.paragraphs.len(),
        project.article.paragraphs.len()
    );
    Ok(())
}

#[test]
fn id_counters_never_fall_behind_the_ids_in_use() -> TestResult {
    let ron = to_ron_string(&sample())?
        .replacen("next_claim_id: 6,", "next_claim_id: 2,", 1)
        .replacen("next_source_id: 5,", "next_source_id: 0,", 1);
    let p = load_str(&ron)?.project;
    assert_eq!((p.next_claim_id, p.next_source_id), (6, 5));
    Ok(())
}

#[test]
fn recovery_file_round_trips_and_is_removed() -> TestResult {
    let dir = tempfile::tempdir()?;
    let project_path = dir.path().join("p.ron");
    let recovery = recovery_path(Some(&project_path), dir.path());
    write_recovery(&sample(), &recovery)?;
    assert_eq!(load(&recovery)?.project, sample());
    assert!(!backup_path(&recovery).exists());
    remove_recovery(&recovery)?;
    assert!(!recovery.exists());
    Ok(())
}

#[test]
fn load_stamp_matches_the_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p.ron");
    save(&sample(), &path)?;
    let loaded = load(&path)?;
    assert!(loaded.stamp.same_content(&stamp(&path)?));
    assert!(!loaded.stamp.changed_on_disk(&path)?);
    let mut changed = sample();
    changed.article.title = "Other".into();
    save(&changed, &path)?;
    assert!(loaded.stamp.changed_on_disk(&path)?);
    Ok(())
}

mod props {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        // Failures are kept beside this file (the top level holds only the project's
        // fixed folders).
        #![proptest_config(ProptestConfig {
            failure_persistence: Some(Box::new(
                proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
            )),
            ..ProptestConfig::with_cases(64)
        })]

        #[test]
        fn any_text_and_notes_survive_a_round_trip(
            text in any::<String>(),
            note in any::<String>(),
            cut in any::<prop::sample::Index>(),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mid = bounds[cut.index(bounds.len())];
            let mut c = claim(1, "", ClaimKind::Fact, Verdict::Disputed);
            c.span = Span::new(0, mid);
            c.review.note = note;
            let project = Project::new(Article::from_text("t", text), vec![], vec![c]);
            let ron = to_ron_string(&project).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let loaded = load_str(&ron).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(loaded.project, project);
        }
    }
}

#[test]
fn a_save_writes_what_the_whole_file_form_encodes_orphans_included() -> TestResult {
    let ron = to_ron_string(&sample())?.replacen("Traders in the café district", "Nobody", 1);
    let project = load_str(&ron)?.project;
    assert_eq!(project.orphans.len(), 1, "the sample now has an orphan");
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p.ron");
    save(&project, &path)?;
    // `to_ron_string` builds the whole file form first; a save streams it claim by claim.
    assert_eq!(fs::read_to_string(&path)?, to_ron_string(&project)?);
    Ok(())
}

/// Wherever a saved project is cut short after its first lines — inside a string, a number,
/// between fields — loading says it ends early, so the window can offer the backup.
#[test]
fn a_project_cut_anywhere_ends_early() -> TestResult {
    let text = to_ron_string(&sample())?;
    let lines = text.find("lines: [").ok_or("no lines")? + 10;
    let cuts: Vec<usize> = (lines..text.len())
        .step_by(7)
        .filter(|&i| text.is_char_boundary(i) && !text[..i].trim_end().ends_with(')'))
        .collect();
    assert!(cuts.len() > 100);
    for cut in cuts {
        match load_str(&text[..cut]) {
            Err(ProjectError::Syntax {
                ends_early,
                message,
                ..
            }) => {
                let before = &text[text.floor_char_boundary(cut.saturating_sub(20))..cut];
                assert!(ends_early, "cut at {cut}: {before:?}: {message}");
            }
            Err(e) => return Err(format!("cut at {cut}: {e}").into()),
            Ok(_) => return Err(format!("cut at {cut} loaded").into()),
        }
    }
    Ok(())
}

#[test]
fn an_update_moves_a_cue_with_its_claim() -> TestResult {
    let project = sample();
    let text = project.article.text.replacen(
        "Port of Lindqvist reopens",
        "Port of Lindqvist reopens at last",
        1,
    );
    let (updated, summary) = update_article(&project, Article::from_text("Port", text))?;
    assert_eq!(summary.warnings, Vec::<String>::new());
    let cue = updated
        .claim(ClaimId(1))
        .and_then(|c| c.cue.as_ref())
        .ok_or("c1 lost its cue")?;
    assert_eq!(cue.span.slice(&updated.article.text), Some("said"));
    Ok(())
}
