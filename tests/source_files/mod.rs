//! The crate's own Rust sources, for the tests that check how the code is laid out
//! (tests/extract_modules.rs, tests/gui_modules.rs).

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`, in no particular order.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
