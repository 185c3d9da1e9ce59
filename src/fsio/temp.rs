//! Temporary files next to a target: `.NAME.tmpPID-N`, and removing the ones a process
//! that died (killed, or a power cut) left behind.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime};

use super::{folder_of, sibling};

/// How old a leftover must be before it is removed where the platform cannot tell
/// whether the process that made it is still running.
const STALE_AFTER: Duration = Duration::from_hours(24);

/// The `n`-th temporary name of this process for `path`: `.NAME.tmpPID-N`.
fn temp_name(path: &Path) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    sibling(path, ".", &format!(".tmp{}-{n}", std::process::id()))
}

/// Creates an empty temporary file next to `path`, failing rather than reusing an
/// existing file.
pub(super) fn create_temp(path: &Path) -> io::Result<(PathBuf, File)> {
    let mut last_err = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..64 {
        let tmp = temp_name(path);
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_err = e,
            Err(e) => return Err(e),
        }
    }
    Err(last_err)
}

/// Calls `make` with fresh temporary names next to `path` until one is free (`make`
/// fails with `AlreadyExists` on a taken one), and returns the name it made.
pub(super) fn with_free_name(
    path: &Path,
    mut make: impl FnMut(&Path) -> io::Result<()>,
) -> io::Result<PathBuf> {
    let mut last_err = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..64 {
        let tmp = temp_name(path);
        match make(&tmp) {
            Ok(()) => return Ok(tmp),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_err = e,
            Err(e) => return Err(e),
        }
    }
    Err(last_err)
}

/// Removes the temporary files of `path` left by processes that are no longer running
/// (a save that was killed). Temporary files of running processes, this one included,
/// are left alone: they may be saves in progress. Best effort: a folder that cannot be
/// listed, or a file that cannot be removed, only leaves the leftover where it is.
pub(super) fn remove_leftovers(path: &Path) {
    let Some(name) = path.file_name() else {
        return;
    };
    let mut lead = std::ffi::OsString::from(".");
    lead.push(name);
    lead.push(".tmp");
    let Some(lead) = lead.to_str() else {
        return;
    };
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(lead)) else {
            continue;
        };
        let Some(pid) = leftover_pid(rest) else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && !is_running(pid, &entry) {
            fs::remove_file(entry.path()).ok();
        }
    }
}

/// The PID in the tail `PID-N` of a temporary name.
fn leftover_pid(tail: &str) -> Option<u32> {
    let (pid, n) = tail.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(pid) && digits(n)).then(|| pid.parse().ok())?
}

/// Whether the process `pid` may still be writing the temporary file `entry`. Where
/// `/proc` lists processes (Linux), that decides; elsewhere a file untouched for a day
/// counts as abandoned.
fn is_running(pid: u32, entry: &fs::DirEntry) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    let age = entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok());
    age.is_none_or(|age| age < STALE_AFTER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftover_pid_reads_only_well_formed_tails() {
        assert_eq!(leftover_pid("123-4"), Some(123));
        assert_eq!(leftover_pid("123"), None);
        assert_eq!(leftover_pid("12a-4"), None);
        assert_eq!(leftover_pid("-4"), None);
        assert_eq!(leftover_pid("99999999999-1"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn leftovers_of_dead_processes_go_and_others_stay() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.ron");
        // A process that has exited: its PID is free once it has been waited for.
        let mut child = std::process::Command::new("true").spawn()?;
        let dead = child.id();
        child.wait()?;
        let own = std::process::id();
        let names = [
            format!(".a.ron.tmp{dead}-0"),
            format!(".a.ron.tmp{own}-7"),
            ".a.ron.tmp1-0".to_owned(), // init: always running
            format!(".b.ron.tmp{dead}-0"),
            format!(".a.ron.tmp{dead}"),
            "a.ron".to_owned(),
        ];
        for name in &names {
            fs::write(dir.path().join(name), "x")?;
        }
        remove_leftovers(&path);
        let mut left: Vec<String> = fs::read_dir(dir.path())?
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<Result<_, _>>()?;
        left.sort();
        let mut expected: Vec<String> = names[1..].to_vec();
        expected.sort();
        assert_eq!(left, expected);
        Ok(())
    }
}
