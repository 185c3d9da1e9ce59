use std::fs;
use std::io;
use std::path::Path;

use super::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The names in `dir`, sorted (a stray temporary file shows up here).
fn names(dir: &Path) -> io::Result<Vec<String>> {
    let mut out: Vec<String> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    out.sort();
    Ok(out)
}

#[test]
fn sibling_adds_a_lead_and_a_tail_to_the_name() {
    let p = Path::new("/notes/harbour.ron");
    assert_eq!(
        sibling(p, ".", ".tmp"),
        Path::new("/notes/.harbour.ron.tmp")
    );
    assert_eq!(backup_path(p), Path::new("/notes/harbour.ron.bak"));
}

#[test]
fn folder_of_a_bare_name_is_the_current_folder() {
    assert_eq!(folder_of(Path::new("a.md")), Path::new("."));
    assert_eq!(folder_of(Path::new("/x/a.md")), Path::new("/x"));
}

#[test]
fn io_message_drops_the_os_error_number() {
    let e = io::Error::from_raw_os_error(2);
    assert_eq!(io_message(&e), "no such file or directory");
    let e = io::Error::other("RON failed");
    assert_eq!(io_message(&e), "RON failed");
}

#[test]
fn replace_keeps_the_previous_version_as_bak() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("a.txt");
    replace(&path, b"one", Backup::Keep)?;
    assert_eq!(names(dir.path())?, ["a.txt"]);
    replace(&path, b"two", Backup::Keep)?;
    replace(&path, b"three", Backup::Keep)?;
    assert_eq!(fs::read(&path)?, b"three");
    assert_eq!(fs::read(backup_path(&path))?, b"two");
    assert_eq!(names(dir.path())?, ["a.txt", "a.txt.bak"]);
    Ok(())
}

#[test]
fn write_atomic_keeps_no_backup() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("a.txt");
    write_atomic(&path, b"one")?;
    write_atomic(&path, b"two")?;
    assert_eq!(fs::read(&path)?, b"two");
    assert_eq!(names(dir.path())?, ["a.txt"]);
    Ok(())
}

#[test]
fn refusals_name_the_step() -> TestResult {
    let dir = tempfile::tempdir()?;
    let err = write_atomic(dir.path(), b"x").map_err(|e| e.to_string());
    assert_eq!(err, Err("it is a folder: is a directory".to_owned()));
    let err = write_atomic(Path::new("/"), b"x").map_err(|e| e.step);
    assert_eq!(err, Err("the path does not name a file"));
    Ok(())
}

#[test]
fn a_folder_named_like_the_backup_refuses_before_writing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("a.txt");
    fs::write(&path, "old")?;
    fs::create_dir(backup_path(&path))?;
    let err = replace(&path, b"new", Backup::Keep).map_err(|e| e.step);
    assert_eq!(err, Err("its backup name (.bak) is taken by a folder"));
    assert_eq!(fs::read(&path)?, b"old");
    assert_eq!(names(dir.path())?, ["a.txt", "a.txt.bak"]);
    Ok(())
}

#[test]
fn a_missing_folder_fails_at_creating_the_temporary_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("gone").join("a.txt");
    let err = write_atomic(&path, b"x").map_err(|e| e.to_string());
    assert_eq!(
        err,
        Err(
            "could not create a temporary file in its folder: no such file or directory".to_owned()
        )
    );
    Ok(())
}

/// Fails every call of a replace in turn, on a file system with hard links and on one
/// without, and checks after each failure that the target and its `.bak` are whole
/// versions that were written, in order, and that no temporary file is left.
#[test]
fn every_failing_step_leaves_both_files_whole() -> TestResult {
    for no_links in [false, true] {
        let mut fail_at = 0;
        loop {
            let dir = tempfile::tempdir()?;
            let path = dir.path().join("a.txt");
            replace(&path, b"version 1", Backup::Keep)?;
            replace(&path, b"version 2", Backup::Keep)?;
            let disk = FaultyDisk::new(fail_at, no_links);
            let result = replace_on(&disk, &path, &|w| w.write_all(b"version 3"), Backup::Keep);
            let (main, bak) = (fs::read(&path)?, fs::read(backup_path(&path))?);
            let case = format!("no_links {no_links}, failing call {fail_at}: {result:?}");
            match &result {
                Ok(()) => assert_eq!(
                    (&main[..], &bak[..]),
                    (&b"version 3"[..], &b"version 2"[..]),
                    "{case}"
                ),
                Err(e) if e.replaced => {
                    assert_eq!(
                        (&main[..], &bak[..]),
                        (&b"version 3"[..], &b"version 1"[..]),
                        "{case}"
                    );
                }
                Err(e) => {
                    assert_eq!(
                        (&main[..], &bak[..]),
                        (&b"version 2"[..], &b"version 1"[..]),
                        "{case}"
                    );
                    assert_eq!(e.source.kind(), io::ErrorKind::StorageFull, "{case}");
                }
            }
            assert_eq!(names(dir.path())?, ["a.txt", "a.txt.bak"], "{case}");
            if result.is_ok() && disk.calls() <= fail_at {
                break;
            }
            fail_at += 1;
        }
        // write, link or copy, rename, rename: each was made to fail once.
        assert_eq!(fail_at, 4, "no_links {no_links}");
    }
    Ok(())
}

#[test]
fn a_full_disk_at_each_step_names_the_step() -> TestResult {
    let steps = [
        (0, false, "could not write the temporary file"),
        (1, false, "could not keep the previous version as .bak"),
        (1, true, "could not keep the previous version as .bak"),
        (2, false, "could not replace the file"),
        (3, false, "could not keep the previous version as .bak"),
    ];
    for (fail_at, no_links, step) in steps {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.txt");
        replace(&path, b"1", Backup::Keep)?;
        let err = replace_on(
            &FaultyDisk::new(fail_at, no_links),
            &path,
            &|w| w.write_all(b"2"),
            Backup::Keep,
        )
        .map_err(|e| (e.step, e.replaced));
        assert_eq!(err, Err((step, fail_at == 3)), "call {fail_at}");
    }
    Ok(())
}

#[test]
fn leftovers_of_a_killed_save_go_at_the_next_save() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("a.txt");
    replace(&path, b"1", Backup::Keep)?;
    // PIDs above the kernel's limit (4194304) never run.
    fs::write(dir.path().join(".a.txt.tmp4999999-3"), "half a save")?;
    fs::write(dir.path().join(".a.txt.bak.tmp4999998-0"), "1")?;
    replace(&path, b"2", Backup::Keep)?;
    if Path::new("/proc/self").exists() {
        assert_eq!(names(dir.path())?, ["a.txt", "a.txt.bak"]);
    }
    Ok(())
}

#[cfg(unix)]
#[test]
fn replace_follows_a_link_and_keeps_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let real = dir.path().join("real.txt");
    let link = dir.path().join("link.txt");
    fs::write(&real, "old")?;
    std::os::unix::fs::symlink(&real, &link)?;
    replace(&link, b"followed", Backup::Keep)?;
    assert!(fs::symlink_metadata(&link)?.file_type().is_symlink());
    assert_eq!(fs::read_to_string(&real)?, "followed");
    assert_eq!(fs::read_to_string(backup_path(&real))?, "old");
    Ok(())
}

#[cfg(unix)]
#[test]
fn permissions_of_the_previous_file_are_kept() -> TestResult {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("private.txt");
    fs::write(&path, "old")?;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600))?;
    replace(&path, b"new", Backup::Keep)?;
    assert_eq!(fs::metadata(&path)?.permissions().mode() & 0o777, 0o600);
    let disk = FaultyDisk::new(usize::MAX, true);
    replace_on(&disk, &path, &|w| w.write_all(b"newer"), Backup::Keep)?;
    let bak = fs::metadata(backup_path(&path))?;
    assert_eq!(bak.permissions().mode() & 0o777, 0o600);
    Ok(())
}

#[test]
fn read_only_file_is_not_replaced() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("a.txt");
    fs::write(&path, "old")?;
    let mut perms = fs::metadata(&path)?.permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms)?;
    let err = replace(&path, b"new", Backup::Keep).map_err(|e| e.to_string());
    assert_eq!(
        err,
        Err("the file is read-only: permission denied".to_owned())
    );
    assert_eq!(fs::read_to_string(&path)?, "old");
    assert_eq!(names(dir.path())?, ["a.txt"]);
    Ok(())
}

#[test]
fn a_fill_that_fails_half_way_changes_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p.ron");
    replace(&path, b"first", Backup::Keep)?;
    replace(&path, b"second", Backup::Keep)?;
    let err = replace_with(
        &path,
        &|w| {
            w.write_all(b"half of the th")?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        },
        Backup::Keep,
    )
    .map_err(|e| e.source.kind());
    assert_eq!(err, Err(io::ErrorKind::StorageFull));
    assert_eq!(fs::read_to_string(&path)?, "second");
    assert_eq!(fs::read_to_string(backup_path(&path))?, "first");
    let names: Vec<_> = fs::read_dir(dir.path())?.collect::<Result<_, _>>()?;
    assert_eq!(names.len(), 2, "no temporary file is left");
    Ok(())
}
