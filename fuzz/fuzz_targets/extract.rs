//! Extraction of any text: spans on char boundaries, then save → load keeps every claim
//! and every report renders.
#![no_main]

use claimdesk::model::Article;
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let project = check::check_article(&Article::from_text("Fuzz", text.into_owned()));
    check::check_round_trip(&project);
    check::check_reports(&project);
});
