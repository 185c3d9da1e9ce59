//! Extraction speed. `cargo bench --bench extract` reports MB/s (criterion's "thrpt"):
//!
//! - `news/1mb` … `news/8mb`: one long document of generated wire copy (many distinct
//!   people and organisations, see `support/newsgen.rs`) extracted as one article, so the
//!   source registry, pronouns and descriptions must stay linear. Goals on one core:
//!   ≥ 20 MB/s at 8 MB, the 8 MB run at most 9× the 1 MB run.
//! - `samples_5mb`: the project's sample articles, each extracted as its own article.
//! - `file/…`: any text file you have, named by `CLAIMDESK_BENCH_TEXT=PATH`, repeated to
//!   8 MB and extracted as one article (skipped when the variable is unset): for real
//!   text, such as `cat ../shared/corpus/polnear/train/text/*.txt` saved to a file.
//! - `crafted/*`: hostile paragraphs (95 KB of `"`, of `"ok" `, of apostrophes) that
//!   must scan in linear time.

/// The binary's allocator (src/main.rs), so the figures are the command's.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[path = "support/newsgen.rs"]
mod newsgen;

use claimdesk::extract::{extract_article, extract_text};
use claimdesk::import::import_path;
use claimdesk::model::Article;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn samples() -> Vec<Article> {
    let mut articles = Vec::new();
    for dir in ["assets/samples", "tests/fixtures/articles"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("sample dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("txt" | "md" | "html")
                )
            })
            .collect();
        paths.sort();
        for p in paths {
            articles.push(import_path(&p).expect("sample imports").article);
        }
    }
    let one: usize = articles.iter().map(|a| a.text.len()).sum();
    let copies = 5_000_000 / one + 1;
    articles
        .iter()
        .cycle()
        .take(articles.len() * copies)
        .cloned()
        .collect()
}

fn news(c: &mut Criterion) {
    let mut group = c.benchmark_group("news");
    group.sample_size(10);
    for mb in [1, 2, 4, 8] {
        let article = Article::from_text("wire copy", newsgen::news(mb * 1_000_000, 7));
        group.throughput(Throughput::Bytes(article.text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}mb")),
            &article,
            |b, a| {
                b.iter(|| extract_article(a).claims.len());
            },
        );
    }
    group.finish();
}

fn sample_articles(c: &mut Criterion) {
    let corpus = samples();
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("samples");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("samples_5mb", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|a| extract_article(a).claims.len())
                .sum::<usize>()
        });
    });
    group.finish();
}

fn file(c: &mut Criterion) {
    let Ok(path) = std::env::var("CLAIMDESK_BENCH_TEXT") else {
        return;
    };
    let one = std::fs::read_to_string(&path).expect("CLAIMDESK_BENCH_TEXT names a UTF-8 file");
    let mut text = String::with_capacity(8_000_000 + one.len());
    while text.len() < 8_000_000 && !one.is_empty() {
        text.push_str(&one);
        text.push_str("\n\n");
    }
    let cut = (0..=8_000_000.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text.truncate(cut);
    let article = Article::from_text("bench text", text);
    let mut group = c.benchmark_group("file");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(article.text.len() as u64));
    group.bench_function("8mb", |b| b.iter(|| extract_article(&article).claims.len()));
    group.finish();
}

fn crafted(c: &mut Criterion) {
    let cases = [
        ("double_quotes_95kb", "\"".repeat(95_000)),
        ("scare_quotes_95kb", "\"ok\" ".repeat(19_000)),
        ("apostrophes_95kb", "'".repeat(95_000)),
        ("curly_quotes_95kb", "“ok” ".repeat(10_000)),
    ];
    let mut group = c.benchmark_group("crafted");
    group.sample_size(10);
    for (name, text) in &cases {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| extract_text(text).claims.len()));
    }
    group.finish();
}

criterion_group!(benches, news, sample_articles, file, crafted);
criterion_main!(benches);
