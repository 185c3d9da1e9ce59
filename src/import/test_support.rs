//! Helpers shared by the tests of each import format.

use std::path::Path;

use super::{Format, Imported, import_bytes};
use crate::model::ParagraphKind;

/// `source` imported as `format`, as if read from the file `name`; a failed import fails
/// the test.
pub(super) fn import_as(source: &str, format: Format, name: &str) -> Imported {
    match import_bytes(source.as_bytes(), format, Some(Path::new(name))) {
        Ok(imported) => imported,
        Err(e) => panic!("import failed: {e}"),
    }
}

/// Each paragraph's text and whether it is a heading.
pub(super) fn paragraphs(imported: &Imported) -> Vec<(&str, bool)> {
    let a = &imported.article;
    a.paragraphs
        .iter()
        .map(|p| {
            let text = p.span.slice(&a.text).unwrap_or("<bad span>");
            (text, p.kind == ParagraphKind::Heading)
        })
        .collect()
}
