//! Every report format renders for any article and any review text, never panicking,
//! and the JSON-LD formats carry no raw `<` or `>`.
#![no_main]

use claimdesk::model::{Article, Evidence, Verdict};
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (article, note) = text.split_once('\u{0}').unwrap_or((&text, "<b>note</b>"));
    let mut project = check::check_article(&Article::from_text(note, article.to_owned()));
    for (i, claim) in project.claims.iter_mut().enumerate() {
        claim.review.verdict = Verdict::ALL[i % Verdict::ALL.len()];
        claim.review.note = note.to_owned();
        claim.review.evidence.push(Evidence {
            url: note.to_owned(),
            title: note.to_owned(),
            note: note.to_owned(),
        });
    }
    check::check_reports(&project);
});
