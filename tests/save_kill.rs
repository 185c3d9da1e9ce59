//! SIGKILL during saves: a child process saves a large project over and over and is
//! killed at a random moment, at least 100 times. After every kill the project and its
//! `.bak` must both load, as two different saves in order, and the next save must remove
//! what the killed one left behind.
//!
//! Ignored by default (it spawns 100+ processes); `.ci/run` runs it with a time cap:
//! `cargo test --test save_kill -- --ignored`.

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use claimdesk::model::{
    Article, Claim, ClaimId, ClaimKind, Origin, Project, Review, Span, Verdict,
};
use claimdesk::project::{self, backup_path};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Set in the child's environment to the project it saves.
const CHILD_PROJECT: &str = "CLAIMDESK_KILL_TEST_PROJECT";
/// Set in the child's environment to the first version it saves.
const CHILD_START: &str = "CLAIMDESK_KILL_TEST_START";
const TRIALS: u32 = 120;

/// A project of about 1.5 MB on disk: a long article with a claim in every paragraph.
fn big_project() -> Project {
    let paragraph = "The harbour board said on Tuesday that \u{201c}the new ferry berth will \
                     carry 4,000 crossings a month\u{201d}, a figure the dockworkers' union \
                     disputed, citing last winter's timetable.";
    let text = vec![paragraph; 3000].join("\n\n");
    let claims = (0..3000)
        .map(|i| {
            let start = i * (paragraph.len() + 2);
            Claim {
                id: ClaimId(i as u32 + 1),
                span: Span::new(start, start + paragraph.len()),
                kind: ClaimKind::Statistic,
                source: None,
                cue: None,
                reported_in: None,
                score: 0.7,
                reasons: ["amount: 4,000 crossings"].into(),
                origin: Origin::Extracted,
                review: Review {
                    verdict: if i % 3 == 0 {
                        Verdict::Disputed
                    } else {
                        Verdict::Unreviewed
                    },
                    note: format!("Checked against the board's minutes, item {i}."),
                    ..Review::default()
                },
            }
        })
        .collect();
    Project::new(Article::from_text("Save 0", text), vec![], claims)
}

fn titled(mut project: Project, version: u64) -> Project {
    project.article.title = format!("Save {version}");
    project
}

/// The version a saved file holds, from its title; fails if the file does not load whole.
fn version_in(path: &Path) -> Result<u64, Box<dyn std::error::Error>> {
    let loaded = project::load(path)?;
    assert_eq!(loaded.project.claims.len(), 3000, "{}", path.display());
    let title = loaded.project.article.title;
    Ok(title.strip_prefix("Save ").ok_or("no version")?.parse()?)
}

fn folder_names(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.sort();
    Ok(names)
}

/// The child's part: save versions `start`, `start + 1`, … until killed, printing
/// `saved N` after each.
fn child(path: &Path, start: u64) -> TestResult {
    let base = big_project();
    for version in start.. {
        project::save(&titled(base.clone(), version), path)?;
        println!("saved {version}");
    }
    Ok(())
}

/// A small xorshift generator, so kill times differ between trials and runs.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// Starts a child saving from `start`; returns it with a channel of its `saved` lines.
fn spawn_child(
    path: &Path,
    start: u64,
) -> Result<(std::process::Child, mpsc::Receiver<Instant>), Box<dyn std::error::Error>> {
    let mut child = Command::new(std::env::current_exe()?)
        .args([
            "sigkill_during_saves_leaves_project_and_backup_whole",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_PROJECT, path)
        .env(CHILD_START, start.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.starts_with("saved ") && tx.send(Instant::now()).is_err() {
                break;
            }
        }
    });
    Ok((child, rx))
}

#[test]
#[ignore = "spawns 120 processes that save a large project; .ci/run runs it"]
fn sigkill_during_saves_leaves_project_and_backup_whole() -> TestResult {
    if let Some(path) = std::env::var_os(CHILD_PROJECT) {
        let start = std::env::var(CHILD_START)?.parse()?;
        return child(&PathBuf::from(path), start);
    }
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("harbour.ron");
    let base = big_project();
    project::save(&titled(base.clone(), 0), &path)?;
    project::save(&titled(base.clone(), 1), &path)?;

    let seed = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH)?;
    let mut rng = Rng(seed.as_nanos() as u64 | 1);
    let mut save_time = Duration::ZERO;
    let mut landed_mid_save = 0;
    for trial in 0..TRIALS {
        let before = version_in(&path)?;
        let (mut child, saved) = spawn_child(&path, before + 1)?;
        // Wait for a first save, so the child is in its loop (and so its own first save
        // has removed what the previous child left).
        let first = saved.recv_timeout(Duration::from_mins(2))?;
        if save_time.is_zero() {
            let second = saved.recv_timeout(Duration::from_mins(2))?;
            save_time = second - first;
        }
        let wait = rng.below(save_time.as_micros() as u64 * 2);
        std::thread::sleep(Duration::from_micros(wait));
        child.kill()?;
        child.wait()?;

        let main = version_in(&path)?;
        let bak = version_in(&backup_path(&path))?;
        assert!(
            bak < main && main - bak <= 2,
            "trial {trial}: project is save {main}, backup save {bak}"
        );
        assert!(
            main > before,
            "trial {trial}: the child's first save is gone"
        );
        let leftovers = folder_names(dir.path())?.len() - 2;
        assert!(leftovers <= 2, "trial {trial}: {leftovers} temporary files");
        landed_mid_save += u32::from(leftovers > 0);
    }
    // Some kills must have landed inside a save, or the test proved nothing.
    assert!(landed_mid_save > 0, "no kill landed inside a save");

    project::save(&titled(base, 1_000_000), &path)?;
    assert_eq!(
        folder_names(dir.path())?,
        ["harbour.ron", "harbour.ron.bak"]
    );
    eprintln!("{TRIALS} kills, {landed_mid_save} inside a save ({save_time:?} per save)");
    Ok(())
}
