//! Extraction throughput on a corpus of at least 5 MB built from the project's own
//! sample articles (each extracted as its own article, as the app and CLI do).
//!
//! `cargo bench --bench extract` reports MB/s (criterion's "thrpt"). Goal: ≥ 20 MB/s
//! on one core.

use claimdesk::extract::extract_article;
use claimdesk::import::import_path;
use claimdesk::model::Article;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> Vec<Article> {
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

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    assert!(bytes >= 5_000_000);
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("corpus_5mb", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|a| extract_article(a).claims.len())
                .sum::<usize>()
        });
    });
    // One long article: the registry and pronoun resolution must not go quadratic.
    let long = Article::from_text(
        "long",
        corpus
            .iter()
            .take(200)
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    group.throughput(Throughput::Bytes(long.text.len() as u64));
    group.bench_function("single_long_article", |b| {
        b.iter(|| extract_article(&long).claims.len());
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
