//! Project files on disk: every released format version keeps opening, and saving is
//! safe. Fixtures live in `tests/fixtures/projects/vN.ron`, one per released version.

use std::fs;
use std::path::{Path, PathBuf};

use claimdesk::model::{Article, ClaimId, CueClass, SourceId, Span, Verdict};
use claimdesk::project::{
    self, FORMAT_VERSION, ProjectError, anchor_for, backup_path, reanchor, recovery_path,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/projects")
        .join(format!("v{version}.ron"))
}

#[test]
fn every_released_version_has_a_fixture_that_loads() -> TestResult {
    for version in 1..=FORMAT_VERSION {
        let path = fixture(version);
        let loaded = project::load(&path)?;
        assert!(!loaded.project.claims.is_empty(), "{}", path.display());
    }
    Ok(())
}

#[test]
fn v1_fixture_loads_with_its_content() -> TestResult {
    let loaded = project::load(&fixture(1))?;
    assert_eq!(loaded.warnings, Vec::<String>::new());
    let p = &loaded.project;
    assert_eq!(p.article.title, "Ferry timetable changes on Lake Orvel");
    assert_eq!(p.article.paragraphs.len(), 3);
    assert_eq!((p.next_claim_id, p.next_source_id), (3, 2));
    assert_eq!(p.sources.len(), 1);
    assert_eq!(p.sources[0].name, "Mira Holt");
    assert_eq!(p.claims.len(), 2);

    let ferry = p.claim(ClaimId(1)).ok_or("claim c1 missing")?;
    assert_eq!(
        ferry.text(&p.article.text),
        "The Lake Orvel ferry will run every 40 minutes from June"
    );
    assert_eq!(ferry.review.verdict, Verdict::Verified);
    assert!(
        ferry
            .review
            .note
            .starts_with("The published summer timetable")
    );
    assert_eq!(ferry.review.evidence.len(), 1);
    assert_eq!(ferry.review.evidence[0].title, "Summer timetable 2025");
    assert_eq!(ferry.review.reviewer.as_deref(), Some("Noor"));
    assert_eq!(
        ferry.review.reviewed_at.map(|t| t.to_string()).as_deref(),
        Some("2025-04-09T14:05:00Z")
    );

    let quote = p.claim(ClaimId(2)).ok_or("claim c2 missing")?;
    assert_eq!(quote.text(&p.article.text), "Journeys will be 10% faster");
    assert_eq!(quote.review.verdict, Verdict::Unreviewed);
    let source = quote.source.ok_or("claim c2 has no source")?;
    assert_eq!(source.id, SourceId(1));
    assert_eq!(
        source.mention.and_then(|m| m.slice(&p.article.text)),
        Some("Mira Holt")
    );
    Ok(())
}

#[test]
fn v2_fixture_loads_with_its_orphan() -> TestResult {
    let loaded = project::load(&fixture(2))?;
    assert_eq!(loaded.warnings, Vec::<String>::new());
    let p = &loaded.project;
    assert_eq!(p.claims.len(), 2);
    assert_eq!(p.next_claim_id, 4);
    let orphan = p.orphan(ClaimId(3)).ok_or("orphan c3 missing")?;
    assert_eq!(orphan.quote, "promised a new pier by the spring");
    assert_eq!(orphan.claim.review.verdict, Verdict::Disputed);
    assert!(orphan.claim.review.note.starts_with("The council minutes"));
    Ok(())
}

/// Version 3 added a cue's class and where a claim was reported.
#[test]
fn v3_fixture_loads_with_cue_classes_and_where_a_claim_was_reported() -> TestResult {
    let loaded = project::load(&fixture(3))?;
    assert_eq!(loaded.warnings, Vec::<String>::new());
    let p = &loaded.project;
    let hulls = p.claim(ClaimId(4)).ok_or("claim c4 missing")?;
    let cue = hulls.cue.as_ref().ok_or("c4 has no cue")?;
    assert_eq!(cue.span.slice(&p.article.text), Some("found"));
    assert_eq!(cue.class, Some(CueClass::Evidence));
    let reported = hulls.reported_in.as_ref().ok_or("c4 has no reported_in")?;
    assert_eq!(reported.text, "a report in the Orvel Gazette");
    assert_eq!(
        reported.span.slice(&p.article.text),
        Some("a report in the Orvel Gazette")
    );
    assert_eq!(hulls.review.verdict, Verdict::NeedsContext);
    let quote = p.claim(ClaimId(2)).ok_or("claim c2 missing")?;
    assert_eq!(
        quote.cue.as_ref().and_then(|c| c.class),
        Some(CueClass::Speech)
    );
    assert_eq!(quote.reported_in, None);
    Ok(())
}

/// Version 2 files have neither; they load with both absent.
#[test]
fn v2_fixture_has_no_cue_classes_or_reports() -> TestResult {
    let p = project::load(&fixture(2))?.project;
    assert!(p.claims.iter().all(|c| c.reported_in.is_none()));
    assert!(
        p.claims
            .iter()
            .filter_map(|c| c.cue.as_ref())
            .all(|c| c.class.is_none())
    );
    Ok(())
}

/// A version 1 file passes through the migration: the same claims, no orphans, and it
/// saves as the current version.
#[test]
fn v1_file_migrates_to_the_current_format() -> TestResult {
    let v1 = project::load(&fixture(1))?.project;
    let v2 = project::load(&fixture(2))?.project;
    assert!(v1.orphans.is_empty());
    assert_eq!(v1.claims, v2.claims);
    let ron = project::to_ron_string(&v1)?;
    assert!(ron.starts_with(&format!("(\n    version: {FORMAT_VERSION},\n")));
    assert!(ron.contains("    orphans: [],\n"));
    Ok(())
}

/// Version 2 files written before claims were laid out a field a line (each anchor,
/// source and review over several lines) read as the same project.
#[test]
fn v2_in_the_earlier_layout_reads_the_same() -> TestResult {
    let old = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/projects/v2-one-field-a-line.ron");
    let earlier = project::load(&old)?;
    let current = project::load(&fixture(2))?;
    assert_eq!(earlier.project, current.project);
    assert_eq!(earlier.warnings, current.warnings);
    assert!(fs::metadata(&old)?.len() > fs::metadata(fixture(2))?.len());
    Ok(())
}

/// The current version's fixture is byte for byte what this build writes, so the
/// hand-written fixture documents the real format.
#[test]
fn current_fixture_is_what_this_version_writes() -> TestResult {
    let text = fs::read_to_string(fixture(FORMAT_VERSION))?;
    let loaded = project::from_ron_str(&text, &fixture(FORMAT_VERSION))?;
    assert_eq!(project::to_ron_string(&loaded.project)?, text);
    Ok(())
}

#[test]
fn save_then_load_on_disk_gives_the_same_project() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("ferry.ron");
    let original = project::load(&fixture(1))?.project;
    project::save(&original, &path)?;
    let loaded = project::load(&path)?;
    assert_eq!(loaded.project, original);
    assert!(loaded.warnings.is_empty());
    assert!(!loaded.stamp.changed_on_disk(&path)?);
    Ok(())
}

#[test]
fn second_save_keeps_a_bak_and_no_temp_files() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("ferry.ron");
    let mut p = project::load(&fixture(1))?.project;
    project::save(&p, &path)?;
    let first = fs::read(&path)?;
    p.article.title = "Ferry timetable: updated".into();
    project::save(&p, &path)?;
    assert_eq!(fs::read(backup_path(&path))?, first);
    let mut names: Vec<String> = fs::read_dir(dir.path())?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.sort();
    assert_eq!(names, ["ferry.ron", "ferry.ron.bak"]);
    Ok(())
}

#[test]
fn newer_file_on_disk_names_both_versions_and_is_not_touched() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("future.ron");
    let text = fs::read_to_string(fixture(1))?.replacen(
        "version: 1,",
        "version: 4,\n    workspace: (tabs: 2),",
        1,
    );
    fs::write(&path, &text)?;
    let err = project::load(&path).map(|_| ()).map_err(|e| e.to_string());
    assert_eq!(
        err,
        Err(format!(
            "{}: this project was saved by a newer claimdesk (file format 4; this version \
             reads up to 3); update claimdesk to open it",
            path.display()
        ))
    );
    assert_eq!(fs::read_to_string(&path)?, text);
    Ok(())
}

#[test]
fn truncated_file_on_disk_reports_line_and_column() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("cut.ron");
    let text = fs::read_to_string(fixture(1))?;
    let lines: Vec<&str> = text.lines().take(40).collect();
    fs::write(&path, lines.join("\n"))?;
    match project::load(&path) {
        Err(ProjectError::Syntax { line, column, .. }) => {
            assert_eq!((line, column), (40, 42));
            let msg = project::load(&path).map(|_| ()).map_err(|e| e.to_string());
            let prefix = format!("{}:40:42: unexpected end of RON", path.display());
            assert!(
                msg.as_ref().is_err_and(|m| m.starts_with(&prefix)),
                "{msg:?}"
            );
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    Ok(())
}

#[test]
fn missing_file_is_a_read_error_naming_it() {
    let path = Path::new("/nonexistent/claimdesk/none.ron");
    let msg = project::load(path).map(|_| ()).map_err(|e| e.to_string());
    assert!(
        msg.as_ref()
            .is_err_and(|m| m.starts_with("/nonexistent/claimdesk/none.ron: could not read")),
        "{msg:?}"
    );
}

#[test]
fn recovery_file_sits_next_to_the_project_and_loads() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("ferry.ron");
    let p = project::load(&fixture(1))?.project;
    let recovery = recovery_path(Some(&path), &dir.path().join("data"));
    assert_eq!(recovery, dir.path().join(".ferry.ron.recovery"));
    project::write_recovery(&p, &recovery)?;
    assert!(!path.exists());
    assert_eq!(project::load(&recovery)?.project, p);
    project::remove_recovery(&recovery)?;
    assert!(!recovery.exists());
    Ok(())
}

/// The article text edited by hand in the file (a corrected story pasted in): every claim
/// is kept, placed again or as an orphan with its review, and a save keeps the orphan.
#[test]
fn edited_article_text_drops_no_claim() -> TestResult {
    let text = fs::read_to_string(fixture(1))?
        .replace("every 40 minutes from June", "every 45 minutes from June")
        .replace(
            "“Journeys will be 10% faster,” said",
            "Travel times are unchanged, said",
        );
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("edited.ron");
    fs::write(&path, text)?;
    let loaded = project::load(&path)?;
    let p = &loaded.project;
    assert_eq!(p.claims.len() + p.orphans.len(), 2, "{:?}", loaded.warnings);
    let ferry = p.claim(ClaimId(1)).ok_or("c1 not placed")?;
    assert_eq!(
        ferry.text(&p.article.text),
        "The Lake Orvel ferry will run every 45 minutes from June"
    );
    assert_eq!(ferry.review.verdict, Verdict::Verified);
    let orphan = p.orphan(ClaimId(2)).ok_or("c2 not an orphan")?;
    assert_eq!(orphan.quote, "Journeys will be 10% faster");
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.contains("kept as an orphan"))
    );
    project::save(p, &path)?;
    let again = project::load(&path)?.project;
    assert_eq!(again.orphans, p.orphans);
    assert_eq!(again.claims.len(), 1);
    Ok(())
}

#[test]
fn app_can_reanchor_after_reimporting_the_article() -> TestResult {
    let p = project::load(&fixture(1))?.project;
    let anchors: Vec<_> = p
        .claims
        .iter()
        .map(|c| (c.id, anchor_for(&p.article.text, c.span)))
        .collect();
    let reimported = format!("Updated at 10:00.\n{}", p.article.text);
    let article = Article::from_text(p.article.title.clone(), reimported);
    for (id, anchor) in &anchors {
        let span: Option<Span> = reanchor(&article.text, anchor);
        let old = p.claim(*id).map(|c| c.text(&p.article.text));
        assert_eq!(span.and_then(|s| s.slice(&article.text)), old);
    }
    Ok(())
}
