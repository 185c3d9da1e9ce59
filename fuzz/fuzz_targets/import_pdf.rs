//! Importing a PDF never panics (truncated files, broken streams, hostile fonts);
//! whatever it gives has valid spans, page marks in order, and survives a save and load.
#![no_main]

use claimdesk::import::{Format, import_bytes};
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = import_bytes(data, Format::Pdf, None) {
        let article = &imported.article;
        assert!(
            article
                .pages
                .windows(2)
                .all(|w| w[0].start <= w[1].start && w[0].page < w[1].page),
            "page marks out of order"
        );
        assert!(
            article.pages.iter().all(|m| article.text.is_char_boundary(m.start)),
            "a page mark inside a character"
        );
        let p = check::check_article(article);
        check::check_round_trip(&p);
    }
});
