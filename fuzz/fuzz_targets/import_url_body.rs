//! What a server sends for a link never makes the import panic: the first byte picks a
//! Content-Type (or none), the rest is the body, read as `claimdesk new URL` reads it
//! (the type, else the bytes, decide the format; then that importer; then the fetch
//! record). Whatever it gives has valid spans and survives a save and load.
#![no_main]

use claimdesk::import::{Download, body_format, import_download};
use claimdesk::model::Fetched;
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

const TYPES: [Option<&str>; 6] = [
    None,
    Some("text/html; charset=utf-8"),
    Some("text/html; charset=windows-1252"),
    Some("application/octet-stream"),
    Some("text/plain"),
    Some("application/xhtml+xml"),
];

fuzz_target!(|data: &[u8]| {
    let Some((first, body)) = data.split_first() else {
        return;
    };
    let content_type = TYPES[usize::from(*first) % TYPES.len()];
    let url = "https://news.example/2026/ferry-fares";
    let Some(format) = body_format(content_type, body, url) else {
        return;
    };
    let download = Download {
        bytes: body.to_vec(),
        format,
        fetched: Fetched {
            url: url.to_owned(),
            final_url: url.to_owned(),
            redirects: Vec::new(),
            fetched_at: "2026-03-02T09:00:00Z".parse().expect("a fixed time"),
            content_type: content_type.map(str::to_owned),
            sha256: String::new(),
            bytes: body.len() as u64,
        },
    };
    if let Ok(imported) = import_download(download) {
        assert!(imported.article.fetched.is_some(), "the fetch record was lost");
        let p = check::check_article(&imported.article);
        check::check_round_trip(&p);
    }
});
