//! Hostile bytes never make the Word and PDF importers panic, and whatever they accept
//! is a well-formed article (spans on the text, page marks in order inside it).

mod import_support;

use std::sync::OnceLock;

use claimdesk::import::{Format, import_bytes};
use claimdesk::model::{Article, sha256_hex};
use import_support::{docx, pdf};
use proptest::prelude::*;

fn assert_well_formed(article: &Article) {
    let mut end = 0;
    for p in &article.paragraphs {
        let text = p
            .span
            .slice(&article.text)
            .unwrap_or_else(|| panic!("span {} off the text", p.span));
        assert!(p.span.start >= end, "span {} overlaps", p.span);
        assert!(
            !text.is_empty() && text.trim() == text,
            "untrimmed {text:?}"
        );
        end = p.span.end;
    }
    assert!(
        article
            .pages
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].page < w[1].page)
    );
    assert!(
        article
            .pages
            .iter()
            .all(|m| article.text.is_char_boundary(m.start))
    );
    assert_eq!(article.sha256, sha256_hex(&article.text));
}

fn valid_docx() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(docx::draft)
}

fn valid_pdf() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        pdf::report(
            "Ferry Report",
            Some("Ferry Report 2025"),
            &pdf::paragraphs(6),
            2,
        )
    })
}

/// A document with some bytes overwritten.
fn mutated(base: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..24).prop_map(
        move |edits| {
            let mut bytes = base.to_vec();
            for (at, value) in edits {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            bytes
        },
    )
}

/// A document cut short.
fn truncated(base: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    any::<prop::sample::Index>().prop_map(move |at| base[..at.index(base.len())].to_vec())
}

const XML: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:t>",
    "</w:t>",
    "<w:del>",
    "</w:del>",
    "<w:ins>",
    "</w:ins>",
    "<w:delText>",
    "</w:delText>",
    "<w:tab/>",
    "<w:br/>",
    "<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>",
    "<w:footnoteReference w:id=\"1\"/>",
    "<w:footnoteReference w:id=\"x\"/>",
    "<mc:Fallback>",
    "</mc:Fallback>",
    "&amp;",
    "&#x2014;",
    "&bogus;",
    "&#xFFFFFF;",
    "Fares rose",
    " ",
    "\u{201c}",
    "<![CDATA[x]]>",
    "<!--c-->",
    "<w:p/>",
    "<",
];

fn docx_soup() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(XML), 0..40).prop_map(|parts| {
        let body = parts.concat();
        docx::zip(&[
            ("word/document.xml", docx::document_xml(&body).as_bytes()),
            (
                "word/footnotes.xml",
                docx::footnotes_xml(&[(1, &body)]).as_bytes(),
            ),
        ])
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), pdf in any::<bool>()) {
        let format = if pdf { Format::Pdf } else { Format::Docx };
        if let Ok(imported) = import_bytes(&bytes, format, None) {
            assert_well_formed(&imported.article);
        }
    }

    #[test]
    fn arbitrary_bytes_behind_a_pdf_header_never_panic(tail in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut bytes = b"%PDF-1.5\n".to_vec();
        bytes.extend(tail);
        if let Ok(imported) = import_bytes(&bytes, Format::Pdf, None) {
            assert_well_formed(&imported.article);
        }
    }

    #[test]
    fn mutated_word_documents_never_panic(bytes in mutated(valid_docx())) {
        if let Ok(imported) = import_bytes(&bytes, Format::Docx, None) {
            assert_well_formed(&imported.article);
        }
    }

    #[test]
    fn truncated_word_documents_never_panic(bytes in truncated(valid_docx())) {
        if let Ok(imported) = import_bytes(&bytes, Format::Docx, None) {
            assert_well_formed(&imported.article);
        }
    }

    #[test]
    fn wordprocessing_soup_never_panics(bytes in docx_soup()) {
        if let Ok(imported) = import_bytes(&bytes, Format::Docx, None) {
            assert_well_formed(&imported.article);
        }
    }

    #[test]
    fn mutated_pdfs_never_panic(bytes in mutated(valid_pdf())) {
        if let Ok(imported) = import_bytes(&bytes, Format::Pdf, None) {
            assert_well_formed(&imported.article);
        }
    }

    #[test]
    fn truncated_pdfs_never_panic(bytes in truncated(valid_pdf())) {
        if let Ok(imported) = import_bytes(&bytes, Format::Pdf, None) {
            assert_well_formed(&imported.article);
        }
    }

    #[test]
    fn pdf_text_of_any_characters_reads_back(words in prop::collection::vec("[a-zA-Z0-9\u{e9}\u{201c}\u{2014}().,-]{1,12}", 1..30)) {
        let line = words.join(" ");
        let bytes = pdf::build(&[vec![pdf::placed(72.0, 700.0, 10.0, &line)]], None);
        let imported = import_bytes(&bytes, Format::Pdf, None);
        prop_assert!(imported.is_ok(), "{:?}", imported.err().map(|e| e.to_string()));
        if let Ok(imported) = imported {
            assert_well_formed(&imported.article);
            prop_assert_eq!(imported.article.text.split_whitespace().collect::<Vec<_>>(), line.split_whitespace().collect::<Vec<_>>());
        }
    }
}
