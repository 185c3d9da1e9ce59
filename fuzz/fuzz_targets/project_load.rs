//! Loading any bytes as a project never panics; a project that loads saves and loads
//! again with every claim, and renders in every format.
#![no_main]

use claimdesk::project;
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(loaded) = project::from_ron_str(text, "fuzz.ron".as_ref()) {
        let p = loaded.project;
        for c in &p.claims {
            assert!(c.span.slice(&p.article.text).is_some(), "claim {} off the text", c.id);
        }
        check::check_round_trip(&p);
        check::check_reports(&p);
    }
});
