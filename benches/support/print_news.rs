//! Writes the benchmark's generated wire copy to standard output, for measuring the
//! command-line binary: `rustc -O --edition 2024 benches/support/print_news.rs -o /tmp/newsgen && /tmp/newsgen 8 > /tmp/news8.txt`
//! (the argument is the size in MB; 1 by default), then
//! `/usr/bin/time -v target/release/claimdesk extract /tmp/news8.txt > /dev/null`.

#[path = "newsgen.rs"]
mod newsgen;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let text = newsgen::news(mb * 1_000_000, 7);
    std::io::stdout().lock().write_all(text.as_bytes())
}
