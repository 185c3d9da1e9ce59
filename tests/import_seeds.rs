//! The fuzz targets for Word documents, PDFs and fetched bodies start from documents the
//! project makes (tests/import_support): this test checks the files in fuzz/seeds/ are
//! exactly those, and that each imports. `CLAIMDESK_UPDATE_SEEDS=1 cargo test --test
//! import_seeds` writes them anew after the fixtures change.

mod import_support;

use std::path::{Path, PathBuf};

use claimdesk::import::{Format, body_format, import_bytes};
use import_support::{TestResult, docx, pages, pdf};

/// (fuzz target, file name, bytes)
fn seeds() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let report = pdf::report(
        "Harbour Authority Infrastructure Review 2025",
        Some("Harbour Authority \u{b7} Infrastructure Review 2025"),
        &pdf::paragraphs(9),
        4,
    );
    let short = pdf::simple(
        "Ferry Fares Hearing",
        &["The chair said the fares would rise by 12 percent, according to the minutes."],
    );
    let draft = docx::draft();
    // The url-body target reads its first byte as the Content-Type to send.
    let with_type = |first: u8, body: &[u8]| [&[first][..], body].concat();
    vec![
        ("import_docx", "draft.docx", draft.clone()),
        ("import_pdf", "report.pdf", report.clone()),
        ("import_pdf", "hearing.pdf", short),
        (
            "import_url_body",
            "story-html.bin",
            with_type(1, pages::STORY.as_bytes()),
        ),
        (
            "import_url_body",
            "story-untyped.bin",
            with_type(0, pages::STORY.as_bytes()),
        ),
        (
            "import_url_body",
            "report-octets.bin",
            with_type(3, &report),
        ),
        ("import_url_body", "draft-untyped.bin", with_type(0, &draft)),
    ]
}

fn seed_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target)
}

#[test]
fn the_fuzz_seeds_are_the_project_fixtures() -> TestResult {
    let update = std::env::var_os("CLAIMDESK_UPDATE_SEEDS").is_some();
    for (target, name, bytes) in seeds() {
        let path = seed_dir(target).join(name);
        if update {
            std::fs::create_dir_all(seed_dir(target))?;
            std::fs::write(&path, &bytes)?;
        }
        let on_disk = std::fs::read(&path).map_err(|e| {
            format!(
                "{}: {e} (CLAIMDESK_UPDATE_SEEDS=1 writes it)",
                path.display()
            )
        })?;
        assert!(
            on_disk == bytes,
            "{} differs from the fixture (CLAIMDESK_UPDATE_SEEDS=1 rewrites it)",
            path.display()
        );
    }
    Ok(())
}

#[test]
fn every_seed_imports_as_its_target_reads_it() -> TestResult {
    for (target, name, bytes) in seeds() {
        let imported = match target {
            "import_docx" => import_bytes(&bytes, Format::Docx, None)?,
            "import_pdf" => import_bytes(&bytes, Format::Pdf, None)?,
            _ => {
                let (first, body) = bytes.split_first().ok_or("empty seed")?;
                let types = [
                    None,
                    Some("text/html; charset=utf-8"),
                    Some("text/html; charset=windows-1252"),
                    Some("application/octet-stream"),
                ];
                let content_type = types[usize::from(*first) % types.len()];
                let format = body_format(content_type, body, "https://news.example/story")
                    .ok_or_else(|| format!("{name}: no format"))?;
                import_bytes(body, format, None)?
            }
        };
        assert!(
            !imported.article.paragraphs.is_empty(),
            "{target}/{name} has no text"
        );
    }
    Ok(())
}
