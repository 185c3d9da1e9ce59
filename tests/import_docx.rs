//! Word drafts: documents zipped by the tests (tests/import_support/docx.rs).

mod import_support;

use std::path::Path;

use claimdesk::import::{Format, ImportError, import_bytes, import_path};
use claimdesk::model::ParagraphKind;
use import_support::TestResult;
use import_support::docx::{self, document_xml, p, r, zip};

fn texts(article: &claimdesk::model::Article) -> Vec<(&str, ParagraphKind)> {
    article
        .paragraphs
        .iter()
        .map(|p| (p.span.slice(&article.text).unwrap_or_default(), p.kind))
        .collect()
}

#[test]
fn a_draft_reads_as_it_now_stands() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("ferry-draft.docx");
    std::fs::write(&path, docx::draft())?;
    let imported = import_path(&path)?;
    let article = &imported.article;
    assert_eq!(article.title, "Ferry fares draft", "title from docProps");
    assert_eq!(article.byline.as_deref(), Some("Mirela Tandy"));
    assert_eq!(article.path.as_deref(), Some(path.as_path()));
    let got = texts(article);
    assert_eq!(
        got[0],
        ("Ferry Fares to Rise 12 Percent", ParagraphKind::Heading)
    );
    assert!(got.contains(&(
        "Ferry fares across the harbour will rise by 12 percent in March, the Port Authority said on Tuesday, the first increase since 2019.[1]",
        ParagraphKind::Body
    )), "{got:#?}");
    assert!(
        got.contains(&("Why Fuel Costs Matter", ParagraphKind::Heading)),
        "{got:#?}"
    );
    assert!(got.contains(&(
        "\u{201c}Fuel alone costs us 40 percent more than two years ago,\u{201d} said Oskar Lindqvist, the authority\u{2019}s finance director.",
        ParagraphKind::Body
    )));
    assert!(got.contains(&("Commuters will pay about 190 euros more a year, according to the Harbour Riders Association.", ParagraphKind::Body)), "{got:#?}");
    assert!(got.contains(&("North crossing: 4.80 euros", ParagraphKind::Body)));
    assert_eq!(got[got.len() - 2], ("Notes", ParagraphKind::Heading));
    assert_eq!(
        got[got.len() - 1].0,
        "[1] Port Authority board minutes, 24 November 2026."
    );
    assert!(!article.text.contains("10 percent"), "deleted text dropped");
    assert!(
        !article.text.contains("150 euros"),
        "moved-away text dropped"
    );
    assert!(!article.text.contains("CHECK THIS"), "comments ignored");
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    Ok(())
}

#[test]
fn claims_are_found_in_a_draft() -> TestResult {
    let imported = import_bytes(&docx::draft(), Format::Docx, None)?;
    let extraction = claimdesk::extract::extract_article(&imported.article);
    let quoted = extraction.claims.iter().any(|c| {
        c.text(&imported.article.text)
            .contains("Fuel alone costs us 40 percent")
    });
    assert!(quoted, "{:#?}", extraction.claims);
    Ok(())
}

#[test]
fn without_properties_the_title_style_names_the_document() -> TestResult {
    let body = [
        p(Some("Title"), &r("Night Buses Return")),
        p(None, &r("Routes 4 and 9 run again.")),
    ]
    .concat();
    let bytes = zip(&[("word/document.xml", document_xml(&body).as_bytes())]);
    let imported = import_bytes(&bytes, Format::Docx, Some(Path::new("buses.docx")))?;
    assert_eq!(imported.article.title, "Night Buses Return");
    assert_eq!(imported.article.byline, None);
    Ok(())
}

fn error_of(bytes: &[u8]) -> String {
    match import_bytes(bytes, Format::Docx, Some(Path::new("draft.docx"))) {
        Err(e) => e.to_string(),
        Ok(i) => panic!("imported {:?}", i.article.title),
    }
}

#[test]
fn a_zip_without_a_document_is_not_a_word_document() {
    let bytes = zip(&[("content.xml", b"<office/>".as_slice())]);
    assert_eq!(
        error_of(&bytes),
        "draft.docx: cannot read this Word document: it has no word/document.xml, so it is not a Word document"
    );
}

#[test]
fn an_old_doc_file_says_to_save_as_docx() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    assert!(
        error_of(&bytes).contains("old-style Word (.doc)"),
        "{}",
        error_of(&bytes)
    );
}

#[test]
fn random_bytes_are_not_a_zip() {
    let message = error_of(b"this is plain text renamed to .docx");
    assert!(
        message.starts_with("draft.docx: cannot read this Word document: it is not a zip archive"),
        "{message}"
    );
    assert!(!message.contains('\n'));
}

#[test]
fn broken_xml_is_named() {
    let bytes = zip(&[
        ("word/document.xml", b"<w:document><w:body><w:p>".as_slice()),
        (
            "word/styles.xml",
            b"<w:styles><a></b></w:styles>".as_slice(),
        ),
    ]);
    let message = error_of(&bytes);
    assert!(
        message.starts_with(
            "draft.docx: cannot read this Word document: word/styles.xml is not well-formed XML"
        ),
        "{message}"
    );
}

#[test]
fn a_zip_bomb_disguised_as_docx_is_refused() {
    // 300 MB of one repeated byte packs to about 300 KB: a ratio no document has.
    let filler = vec![b' '; 300 * 1024 * 1024];
    let body = document_xml(&p(None, &r("Bomb")));
    let bytes = zip(&[
        ("word/document.xml", body.as_bytes()),
        ("word/media/pad.bin", filler.as_slice()),
    ]);
    drop(filler);
    assert!(bytes.len() < 2 * 1024 * 1024, "packed to {}", bytes.len());
    let message = error_of(&bytes);
    assert!(
        message.contains("refused as a likely zip bomb"),
        "{message}"
    );
    assert!(message.starts_with("draft.docx: "), "{message}");
}

#[test]
fn a_document_part_that_unpacks_far_beyond_its_size_is_refused() {
    // 20 MB of spaces inside a paragraph: under the size caps, over the ratio cap.
    let mut body = String::from("<w:p><w:r><w:t>");
    body.push_str(&" ".repeat(20 * 1024 * 1024));
    body.push_str("x</w:t></w:r></w:p>");
    let bytes = zip(&[("word/document.xml", document_xml(&body).as_bytes())]);
    let message = error_of(&bytes);
    assert!(message.contains("times its packed size"), "{message}");
}

#[test]
fn empty_and_textless_documents_are_clear() {
    assert_eq!(error_of(b""), "draft.docx: the file is empty");
    let bytes = zip(&[("word/document.xml", document_xml("<w:p/>").as_bytes())]);
    assert_eq!(error_of(&bytes), "draft.docx: no article text found");
}

#[test]
fn errors_are_import_errors_with_the_path() {
    let err = import_bytes(b"nope", Format::Docx, Some(Path::new("a.docx")));
    assert!(matches!(
        err,
        Err(ImportError::Damaged {
            kind: "Word document",
            ..
        })
    ));
}
