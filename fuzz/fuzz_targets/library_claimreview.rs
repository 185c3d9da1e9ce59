//! Reading a ClaimReview feed never panics: any text gives entries with a claim, or a
//! one-line error that names the file.
#![no_main]

use std::path::Path;

use claimdesk::library::entries_from_claimreview;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let path = Path::new("feed.json");
    match entries_from_claimreview(&text, path) {
        Ok(entries) => {
            for e in &entries {
                assert!(!e.claim.trim().is_empty(), "an entry without its claim");
            }
        }
        Err(e) => {
            let line = e.to_string();
            assert!(!line.contains('\n'), "a multi-line error: {line}");
            assert!(line.contains("feed.json"), "the error names no file: {line}");
        }
    }
});
