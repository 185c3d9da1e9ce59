//! Loading any bytes as a project never panics; a project that loads saves and loads
//! again with every claim, and renders in every format. Read from a file (piece by
//! piece when it is laid out as claimdesk writes it), the same bytes give the same
//! project, or the same error, as read whole.
#![no_main]

use claimdesk::project;
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let from_file = load_from_file(data);
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(from_file.is_err(), "bytes that are not UTF-8 loaded");
        return;
    };
    let whole = project::from_ron_str(text, "fuzz.ron".as_ref());
    match (&whole, &from_file) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.project, b.project);
            assert_eq!(a.warnings, b.warnings);
        }
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        (a, b) => panic!("read whole: {a:?}; from a file: {b:?}"),
    }
    if let Ok(loaded) = whole {
        let p = loaded.project;
        for c in &p.claims {
            assert!(c.span.slice(&p.article.text).is_some(), "claim {} off the text", c.id);
        }
        check::check_round_trip(&p);
        check::check_reports(&p);
    }
});

/// `data` saved as `fuzz.ron` in a fresh temporary folder and opened with
/// [`project::load`]; the folder's path in messages is turned back into `fuzz.ron`, the
/// name the whole read is given, for comparing.
fn load_from_file(data: &[u8]) -> Result<project::Loaded, FileError> {
    let dir = tempfile::tempdir().map_err(|_| FileError("no temporary folder".into()))?;
    let path = dir.path().join("fuzz.ron");
    std::fs::write(&path, data).map_err(|_| FileError("cannot write".into()))?;
    project::load(&path).map_err(|e| {
        FileError(e.to_string().replace(&path.display().to_string(), "fuzz.ron"))
    })
}

#[derive(Debug)]
struct FileError(String);

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
