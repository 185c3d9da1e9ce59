//! Tests of the background jobs (`jobs.rs`).

use super::*;
use crate::model::Article;
use std::time::SystemTime;

fn sample() -> Project {
    Project::new(
        Article::from_text("T", "The ferry runs late."),
        vec![],
        vec![],
    )
}

#[test]
fn synchronous_jobs_finish_at_the_next_poll() {
    let ctx = egui::Context::default();
    let mut jobs = Jobs::synchronous();
    jobs.spawn(&ctx, "t", "Testing", || JobDone::RecoveryRemoved {
        result: Ok(()),
    })
    .ok();
    assert!(!jobs.is_busy());
    assert_eq!(jobs.poll().len(), 1);
    assert!(jobs.poll().is_empty());
}

#[test]
fn background_jobs_report_on_a_channel() {
    let ctx = egui::Context::default();
    let mut jobs = Jobs::background();
    jobs.spawn(&ctx, "t", "Testing", || JobDone::RecoveryRemoved {
        result: Ok(()),
    })
    .ok();
    let got = jobs.wait(std::time::Duration::from_secs(10));
    assert_eq!(got.len(), 1);
    assert!(!jobs.is_busy());
}

#[test]
fn save_refuses_a_file_changed_on_disk() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p.ron");
    project::save(&sample(), &path)?;
    let stamp = project::stamp(&path)?;
    fs::write(&path, "changed by someone else")?;
    let job = |force| SaveJob {
        project: sample(),
        path: path.clone(),
        generation: 1,
        revision: 1,
        expected: Some(stamp.clone()),
        force,
        obsolete_recoveries: vec![],
    };
    let JobDone::Saved(Saved { result, .. }) = save(job(false)) else {
        panic!("not a save result");
    };
    assert!(matches!(result, Err(SaveFailure::ChangedOnDisk)));
    assert_eq!(fs::read_to_string(&path)?, "changed by someone else");
    let JobDone::Saved(Saved { result, .. }) = save(job(true)) else {
        panic!("not a save result");
    };
    assert!(result.is_ok());
    assert_eq!(project::load(&path)?.project, sample());
    Ok(())
}

#[test]
fn recovery_is_offered_only_when_newer() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p.ron");
    project::save(&sample(), &path)?;
    assert_eq!(recovery_offer(Some(&path), dir.path()), None);
    let recovery = project::recovery_path(Some(&path), dir.path());
    project::write_recovery(&sample(), &recovery)?;
    let old = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    fs::File::options()
        .write(true)
        .open(&path)?
        .set_modified(old)?;
    let offer = recovery_offer(Some(&path), dir.path());
    assert_eq!(offer.map(|o| o.recovery), Some(recovery.clone()));
    fs::File::options()
        .write(true)
        .open(&recovery)?
        .set_modified(old)?;
    assert_eq!(recovery_offer(Some(&path), dir.path()), None);
    Ok(())
}

#[test]
fn open_first_skips_missing_candidates() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p.ron");
    project::save(&sample(), &path)?;
    let done = open_first(vec![dir.path().join("missing.ron"), path.clone()], None);
    assert!(matches!(done, JobDone::Opened { path: p, result: Ok(_), .. } if p == path));
    let done = open_first(vec![dir.path().join("missing.ron")], None);
    let JobDone::Example {
        result: Ok(loaded),
        recovery: None,
    } = done
    else {
        panic!("the bundled example opens: {done:?}");
    };
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(loaded.project.claims.len() > 5);
    Ok(())
}
