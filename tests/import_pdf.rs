//! PDF reports: documents written by the tests with lopdf (tests/import_support/pdf.rs).

mod import_support;

use std::path::Path;

use claimdesk::import::{Format, import_bytes, import_path};
use claimdesk::model::{ParagraphKind, Span};
use import_support::TestResult;
use import_support::pdf::{self, placed};

#[test]
fn a_report_reads_as_paragraphs_with_pages() -> TestResult {
    let paragraphs = pdf::paragraphs(12);
    let bytes = pdf::report(
        "Harbour Authority Annual Report 2025",
        Some("Harbour Authority \u{b7} Annual Report 2025"),
        &paragraphs,
        4,
    );
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("annual-report.pdf");
    std::fs::write(&path, &bytes)?;
    let imported = import_path(&path)?;
    let article = &imported.article;
    assert_eq!(article.title, "Harbour Authority Annual Report 2025");
    assert_eq!(
        article.byline.as_deref(),
        Some("Harbour Authority Research Unit")
    );
    let texts: Vec<&str> = article
        .paragraphs
        .iter()
        .map(|p| p.span.slice(&article.text).unwrap_or_default())
        .collect();
    assert_eq!(texts[0], "Harbour Authority Annual Report 2025");
    assert_eq!(article.paragraphs[0].kind, ParagraphKind::Heading);
    // Every paragraph comes back whole, hyphenated words joined again.
    assert_eq!(
        &texts[1..],
        paragraphs.iter().map(String::as_str).collect::<Vec<_>>()
    );
    // Running header and "Page N of 3" footers are gone, and the user is told.
    assert!(!article.text.contains("Page 2 of 3"), "{}", article.text);
    assert!(!article.text.contains('\u{b7}'));
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("6 running header")),
        "{:?}",
        imported.warnings
    );
    // Paragraph 9 (index 8) is on page 3.
    let ninth = article.paragraphs[9].span;
    assert_eq!(article.page_at(ninth.start), Some(3));
    assert_eq!(article.page_citation(ninth).as_deref(), Some("p. 3"));
    assert_eq!(article.page_at(article.paragraphs[1].span.start), Some(1));
    Ok(())
}

#[test]
fn a_paragraph_broken_across_pages_cites_both() -> TestResult {
    let pages = vec![
        vec![
            placed(
                72.0,
                760.0,
                10.0,
                "The audit found that the Vellmar terminal contract was signed before the",
            ),
            placed(
                72.0,
                747.5,
                10.0,
                "board had approved the budget, and that three invoices worth 2.3 million",
            ),
        ],
        vec![placed(72.0, 760.0, 10.0, "euros were paid twice in 2024.")],
    ];
    let bytes = pdf::build(&pages, None);
    let imported = import_bytes(&bytes, Format::Pdf, Some(Path::new("audit.pdf")))?;
    let article = &imported.article;
    assert_eq!(article.paragraphs.len(), 1, "{}", article.text);
    let start = article.text.find("euros were").ok_or("text missing")?;
    assert_eq!(article.page_at(start), Some(2));
    assert_eq!(article.page_at(0), Some(1));
    let claim = Span::new(
        article.text.find("three invoices").ok_or("missing")?,
        article.text.len(),
    );
    assert_eq!(
        article.page_citation(claim).as_deref(),
        Some("pp. 1\u{2013}2")
    );
    assert_eq!(article.title, "audit", "file name when there is no title");
    Ok(())
}

#[test]
fn pieces_on_one_baseline_are_one_line_in_order() -> TestResult {
    let pages = vec![vec![
        placed(72.0, 700.0, 10.0, "Asked about the delay,"),
        placed(190.0, 700.0, 10.0, "the minister said"),
        placed(72.0, 687.5, 10.0, "the tender would reopen."),
    ]];
    let imported = import_bytes(&pdf::build(&pages, None), Format::Pdf, None)?;
    assert_eq!(
        imported.article.text,
        "Asked about the delay, the minister said the tender would reopen."
    );
    Ok(())
}

#[test]
fn a_pdf_without_text_says_it_has_no_text_layer() {
    let bytes = pdf::build(&[Vec::new(), Vec::new()], Some(("Scan", "Copier")));
    let err = import_bytes(&bytes, Format::Pdf, Some(Path::new("scan.pdf")))
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some(
            "scan.pdf: this PDF has no text layer (a scanned document?); run it through OCR and open the result"
        )
    );
}

#[test]
fn a_truncated_pdf_is_damaged_not_a_panic() {
    let bytes = pdf::simple("Title", &["Some text on the page."]);
    for cut in [10, bytes.len() / 3, bytes.len() / 2, bytes.len() - 10] {
        let result = import_bytes(&bytes[..cut], Format::Pdf, Some(Path::new("cut.pdf")));
        if let Err(e) = result {
            let message = e.to_string();
            assert!(message.starts_with("cut.pdf: "), "{message}");
            assert!(!message.contains('\n'), "{message}");
        }
    }
}

#[test]
fn not_a_pdf_is_named() {
    let err = import_bytes(b"<html>", Format::Pdf, Some(Path::new("r.pdf")))
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("r.pdf: cannot read this PDF: it does not start like a PDF (no %PDF- header)")
    );
}

#[test]
fn a_300_page_report_keeps_every_page_and_paragraph() -> TestResult {
    let paragraphs = pdf::paragraphs(1200);
    let bytes = pdf::report(
        "Harbour Authority Infrastructure Review 2025",
        Some("Harbour Authority \u{b7} Infrastructure Review 2025"),
        &paragraphs,
        4,
    );
    let mut seen = Vec::new();
    let imported = claimdesk::import::import_bytes_with_progress(
        &bytes,
        Format::Pdf,
        Some(Path::new("review.pdf")),
        &mut |done, total| seen.push((done, total)),
    )?;
    let article = &imported.article;
    assert_eq!(article.pages.len(), 300);
    assert_eq!(article.paragraphs.len(), 1201, "title + 1200 paragraphs");
    assert_eq!(seen.len(), 300);
    assert_eq!(seen.last(), Some(&(300, 300)));
    let last = article.paragraphs[1200].span;
    assert_eq!(article.page_at(last.start), Some(300));
    assert_eq!(last.slice(&article.text), Some(paragraphs[1199].as_str()));
    Ok(())
}

#[test]
fn pages_survive_saving_and_reports_cite_them() -> TestResult {
    let bytes = pdf::report(
        "Ferry Safety Review",
        Some("Ferry Safety Review"),
        &[
            "The inspectors found that two of the five ferries had expired fire certificates, the review said.".to_owned(),
            "\u{201c}No passenger was ever at risk,\u{201d} said Anneli Varga, the operator\u{2019}s safety manager.".to_owned(),
            "The operator said both certificates were renewed within a week of the inspection.".to_owned(),
        ],
        1,
    );
    let imported = import_bytes(&bytes, Format::Pdf, Some(Path::new("ferry-safety.pdf")))?;
    let project = claimdesk::project::new_project(imported.article);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("ferry.ron");
    claimdesk::project::save(&project, &path)?;
    let loaded = claimdesk::project::load(&path)?;
    assert_eq!(loaded.project.article.pages, project.article.pages);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let quote = loaded
        .project
        .claims
        .iter()
        .find(|c| {
            c.text(&loaded.project.article.text)
                .contains("No passenger")
        })
        .ok_or("quote not extracted")?;
    assert_eq!(
        loaded.project.article.page_citation(quote.span).as_deref(),
        Some("p. 2")
    );
    let options = claimdesk::report::Options::default();
    let md = claimdesk::report::render(
        &loaded.project,
        claimdesk::report::Format::Markdown,
        &options,
    )?;
    assert!(md.contains("- **Page:** p. 2"), "{md}");
    let html =
        claimdesk::report::render(&loaded.project, claimdesk::report::Format::Html, &options)?;
    assert!(html.contains("<span class=\"page\">p. 2</span>"), "{html}");
    Ok(())
}
