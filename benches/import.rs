//! Import speed of the heavy formats, on documents the bench writes itself.
//!
//! `cargo bench --bench import`. Goal (issue 12): a 300-page PDF imports in ≤ 5 s; the
//! bench's report is the time of one whole import (load, content streams, layout,
//! bylines). A 300-page Word document is measured beside it.

#[path = "../tests/import_support/docx.rs"]
mod docx;
#[path = "../tests/import_support/pdf.rs"]
mod pdf;

use std::time::Duration;

use claimdesk::import::{Format, import_bytes};
use criterion::{Criterion, criterion_group, criterion_main};

/// 300 pages of about 480 words each: 4 paragraphs a page, a running header and a footer.
fn report_300_pages() -> Vec<u8> {
    pdf::report(
        "Harbour Authority Infrastructure Review 2025",
        Some("Harbour Authority \u{b7} Infrastructure Review 2025"),
        &pdf::paragraphs(1200),
        4,
    )
}

fn docx_300_pages() -> Vec<u8> {
    let body: String = pdf::paragraphs(1200)
        .iter()
        .map(|p| docx::p(None, &docx::r(p)))
        .collect();
    docx::zip(&[("word/document.xml", docx::document_xml(&body).as_bytes())])
}

fn bench(c: &mut Criterion) {
    let pdf_bytes = report_300_pages();
    let pages = import_bytes(&pdf_bytes, Format::Pdf, None)
        .expect("the bench PDF imports")
        .article
        .pages
        .len();
    assert_eq!(pages, 300);
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("pdf_300_pages", |b| {
        b.iter(|| import_bytes(&pdf_bytes, Format::Pdf, None).expect("imports"));
    });
    let docx_bytes = docx_300_pages();
    group.bench_function("docx_300_pages", |b| {
        b.iter(|| import_bytes(&docx_bytes, Format::Docx, None).expect("imports"));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
