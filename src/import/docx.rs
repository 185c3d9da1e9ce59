//! Word documents (`.docx`): an editor's draft before publication.
//!
//! A `.docx` is a zip of XML parts. The archive is opened by `zip_parts.rs`, which refuses
//! zip bombs; this module reads `word/document.xml` (the text), `word/styles.xml` (which
//! paragraph styles are headings), `word/footnotes.xml` and `word/endnotes.xml` (notes,
//! added after the text as "[1] …" paragraphs, with a "[1]" marker where they are
//! referenced) and `docProps/core.xml` (title and author).
//!
//! Tracked changes are resolved to the text as it now reads: insertions (`w:ins`,
//! `w:moveTo`) are kept, deletions (`w:del`, `w:delText`, `w:moveFrom`) are dropped.
//! Comments are not part of the text and are ignored, as are field codes (the field's
//! shown result is kept) and the fallback copies of text boxes (`mc:Fallback`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use super::builder::TextBuilder;
use super::docx_styles::{Core, StyleRole, Styles, read_core, read_styles};
use super::zip_parts::Parts;
use super::{Failure, Parsed, cues};
use crate::model::ParagraphKind;

/// The article text of a Word document and its metadata.
pub(super) fn parse(bytes: &[u8]) -> Result<Parsed, Failure> {
    if bytes.is_empty() {
        return Err(Failure::Empty);
    }
    let mut parts = Parts::open(bytes)?;
    let Some(document) = parts.read("word/document.xml")? else {
        return Err(Failure::Damaged(
            "it has no word/document.xml, so it is not a Word document".to_owned(),
        ));
    };
    let styles = match parts.read("word/styles.xml")? {
        Some(xml) => read_styles(&xml)?,
        None => Styles::default(),
    };
    let mut notes = Notes::default();
    for (part, kind) in [
        ("word/footnotes.xml", NoteKind::Footnote),
        ("word/endnotes.xml", NoteKind::Endnote),
    ] {
        if let Some(xml) = parts.read(part)? {
            read_notes(&xml, kind, &mut notes)?;
        }
    }
    let core = match parts.read("docProps/core.xml")? {
        Some(xml) => read_core(&xml)?,
        None => Core::default(),
    };

    let body = read_body(&document, &styles, "w:body")?;
    let mut out = TextBuilder::default();
    let mut first_title = None;
    let mut references = Vec::new();
    for paragraph in body {
        if paragraph.style_title && first_title.is_none() {
            first_title = Some(paragraph.text.clone());
        }
        references.extend(paragraph.notes.iter().copied());
        out.push(&paragraph.text, paragraph.kind);
    }
    let mut warnings = Vec::new();
    append_notes(&notes, &references, &mut out, &mut warnings);
    if out.is_empty() {
        return Err(Failure::NoText);
    }
    let (text, mut paragraphs) = out.finish();
    let top = cues::scan_top(&text, &mut paragraphs);
    let first_heading = paragraphs
        .iter()
        .enumerate()
        .find(|(i, p)| p.kind == ParagraphKind::Heading && !top.marked.contains(i))
        .and_then(|(_, p)| p.span.slice(&text))
        .map(str::to_owned);
    Ok(Parsed {
        title: core.title.or(first_title).or(first_heading),
        byline: top.byline.or(core.creator),
        published: top.published,
        text,
        paragraphs,
        warnings,
        ..Parsed::default()
    })
}

/// The notes referenced in the text, in the order of their first reference, numbered
/// from 1 as Word shows them: a "Notes" heading, then one "[n] text" paragraph each.
fn append_notes(
    notes: &Notes,
    references: &[NoteRef],
    out: &mut TextBuilder,
    warnings: &mut Vec<String>,
) {
    if references.is_empty() {
        return;
    }
    out.push("Notes", ParagraphKind::Heading);
    let mut missing = 0;
    for (n, note) in references.iter().enumerate() {
        match notes.text.get(&(note.kind, note.id)) {
            Some(text) => out.push(&format!("[{}] {text}", n + 1), ParagraphKind::Body),
            None => missing += 1,
        }
    }
    if missing > 0 {
        warnings.push(format!(
            "{missing} footnote reference(s) point to no footnote; their markers are kept"
        ));
    }
}

// ---------------------------------------------------------------------------------------
// XML helpers

pub(super) fn xml_failure(part: &str, err: &impl std::fmt::Display) -> Failure {
    Failure::Damaged(format!("{part} is not well-formed XML ({err})"))
}

/// An attribute's value by qualified name (`w:val`), unescaped.
pub(super) fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}

/// The text of `&amp;`, `&#x2014;` and the like.
pub(super) fn push_reference(r: &BytesRef<'_>, out: &mut String) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
        return;
    }
    let name = r.decode().unwrap_or_default();
    match name.as_ref() {
        "amp" => out.push('&'),
        "lt" => out.push('<'),
        "gt" => out.push('>'),
        "quot" => out.push('"'),
        "apos" => out.push('\''),
        other => {
            out.push('&');
            out.push_str(other);
            out.push(';');
        }
    }
}

// ---------------------------------------------------------------------------------------
// Notes

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum NoteKind {
    Footnote,
    Endnote,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NoteRef {
    kind: NoteKind,
    id: i64,
}

/// Each note's text (its paragraphs joined by a space), by kind and id.
#[derive(Debug, Default)]
struct Notes {
    text: BTreeMap<(NoteKind, i64), String>,
}

fn read_notes(xml: &str, kind: NoteKind, notes: &mut Notes) -> Result<(), Failure> {
    let (part, element): (&str, &[u8]) = match kind {
        NoteKind::Footnote => ("word/footnotes.xml", b"w:footnote"),
        NoteKind::Endnote => ("word/endnotes.xml", b"w:endnote"),
    };
    // Each note is a small body: its paragraphs are read with the same walker as the text.
    let styles = Styles::default();
    let mut walker = Walker::new(&styles);
    let mut current: Option<(Option<i64>, usize)> = None;
    let mut reader = Reader::from_str(xml);
    loop {
        let event = reader.read_event().map_err(|e| xml_failure(part, &e))?;
        match &event {
            Event::Start(e) if e.name().as_ref() == element => {
                let id = attr(e, b"w:id").and_then(|v| v.parse::<i64>().ok());
                current = Some((id, walker.done.len()));
                walker.in_scope = true;
            }
            Event::End(e) if e.name().as_ref() == element => {
                walker.in_scope = false;
                if let Some((Some(id), first)) = current.take() {
                    let text = walker
                        .done
                        .get(first..)
                        .unwrap_or_default()
                        .iter()
                        .map(|p| p.text.trim())
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !text.is_empty() {
                        notes.text.insert((kind, id), text);
                    }
                }
            }
            Event::Eof => break,
            _ => walker.event(&event),
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The text

/// One paragraph of the document as read.
#[derive(Debug)]
struct DocParagraph {
    text: String,
    kind: ParagraphKind,
    /// Styled as the document's title.
    style_title: bool,
    /// Footnotes and endnotes referenced in it, in order.
    notes: Vec<NoteRef>,
}

fn read_body(xml: &str, styles: &Styles, scope: &str) -> Result<Vec<DocParagraph>, Failure> {
    let mut walker = Walker::new(styles);
    walker.scope = Some(scope.as_bytes().to_vec());
    let mut reader = Reader::from_str(xml);
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_failure("word/document.xml", &e))?;
        if matches!(event, Event::Eof) {
            break;
        }
        walker.event(&event);
    }
    Ok(walker.finish())
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Open {
    text: String,
    style: Option<String>,
    outline: Option<u8>,
    notes: Vec<NoteRef>,
}

/// Reads paragraphs from a stream of WordprocessingML events.
struct Walker<'s> {
    styles: &'s Styles,
    /// Only text inside this element counts (`w:body`); `None` reads everything.
    scope: Option<Vec<u8>>,
    in_scope: bool,
    /// Depth of the element being skipped (a deletion, field code, fallback copy), if any.
    skipping: Option<usize>,
    depth: usize,
    /// Inside a `w:t` run of text.
    in_text: bool,
    /// Paragraphs open now: more than one when a text box sits inside a paragraph.
    open: Vec<Open>,
    done: Vec<DocParagraph>,
}

/// Elements whose content is not part of the current text.
const SKIPPED: &[&[u8]] = &[
    b"w:del",
    b"w:moveFrom",
    b"w:delText",
    b"w:delInstrText",
    b"w:instrText",
    b"mc:Fallback",
    b"w:comments",
    b"w:rPr",
];

impl<'s> Walker<'s> {
    fn new(styles: &'s Styles) -> Self {
        Walker {
            styles,
            scope: None,
            in_scope: false,
            skipping: None,
            depth: 0,
            in_text: false,
            open: Vec::new(),
            done: Vec::new(),
        }
    }

    fn event(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(e) => {
                self.depth += 1;
                if self.skipping.is_some() {
                    return;
                }
                let name = e.name();
                let name = name.as_ref();
                if self.scope.as_deref() == Some(name) {
                    self.in_scope = true;
                    return;
                }
                if !self.in_scope {
                    return;
                }
                if SKIPPED.contains(&name) {
                    self.skipping = Some(self.depth);
                    return;
                }
                match name {
                    b"w:p" => self.open.push(Open::default()),
                    b"w:t" => self.in_text = true,
                    _ => self.element(e),
                }
            }
            Event::Empty(e) if self.skipping.is_none() && self.in_scope => {
                match e.name().as_ref() {
                    // An empty paragraph: nothing to add.
                    b"w:p" | b"w:t" => {}
                    _ => self.element(e),
                }
            }
            Event::End(e) => {
                if self.skipping == Some(self.depth) {
                    self.skipping = None;
                } else if self.skipping.is_none() {
                    match e.name().as_ref() {
                        b"w:p" => self.close_paragraph(),
                        b"w:t" => self.in_text = false,
                        name if self.scope.as_deref() == Some(name) => self.in_scope = false,
                        _ => {}
                    }
                }
                self.depth = self.depth.saturating_sub(1);
            }
            Event::Text(t) if self.in_text && self.skipping.is_none() => {
                if let Some(open) = self.open.last_mut() {
                    open.text.push_str(&t.decode().unwrap_or_default());
                }
            }
            Event::CData(t) if self.in_text && self.skipping.is_none() => {
                if let Some(open) = self.open.last_mut() {
                    open.text.push_str(&t.decode().unwrap_or_default());
                }
            }
            Event::GeneralRef(r) if self.in_text && self.skipping.is_none() => {
                if let Some(open) = self.open.last_mut() {
                    push_reference(r, &mut open.text);
                }
            }
            _ => {}
        }
    }

    /// An element other than a paragraph or text run, start or empty.
    fn element(&mut self, e: &BytesStart<'_>) {
        let number = self.note_number() + 1;
        let Some(open) = self.open.last_mut() else {
            return;
        };
        match e.name().as_ref() {
            b"w:pStyle" => open.style = attr(e, b"w:val"),
            b"w:outlineLvl" => open.outline = attr(e, b"w:val").and_then(|v| v.parse().ok()),
            b"w:tab" | b"w:br" | b"w:cr" => open.text.push(' '),
            b"w:noBreakHyphen" => open.text.push('-'),
            b"w:footnoteReference" | b"w:endnoteReference" => {
                let kind = if e.name().as_ref() == b"w:footnoteReference" {
                    NoteKind::Footnote
                } else {
                    NoteKind::Endnote
                };
                if let Some(id) = attr(e, b"w:id").and_then(|v| v.parse::<i64>().ok()) {
                    open.notes.push(NoteRef { kind, id });
                    let _ = write!(open.text, "[{number}]");
                }
            }
            _ => {}
        }
    }

    /// The number the next note reference shows: one more than all references so far.
    fn note_number(&self) -> usize {
        self.done.iter().map(|p| p.notes.len()).sum::<usize>()
            + self.open.iter().map(|p| p.notes.len()).sum::<usize>()
    }

    fn close_paragraph(&mut self) {
        let Some(open) = self.open.pop() else {
            return;
        };
        let role = open
            .style
            .as_deref()
            .map_or(StyleRole::Body, |id| self.styles.role(id));
        let heading = role != StyleRole::Body || open.outline.is_some_and(|l| l < 9);
        self.done.push(DocParagraph {
            text: open.text,
            kind: if heading {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            },
            style_title: role == StyleRole::Title,
            notes: open.notes,
        });
    }

    fn finish(mut self) -> Vec<DocParagraph> {
        // A paragraph left open by a truncated file still counts.
        while !self.open.is_empty() {
            self.close_paragraph();
        }
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(xml: &str) -> Vec<(String, ParagraphKind)> {
        let doc = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>{xml}</w:body></w:document>"#
        );
        read_body(&doc, &Styles::default(), "w:body")
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.text, p.kind))
            .collect()
    }

    #[test]
    fn runs_join_into_a_paragraph() {
        let got =
            body("<w:p><w:r><w:t>The ferry </w:t></w:r><w:r><w:t>runs late.</w:t></w:r></w:p>");
        assert_eq!(
            got,
            [("The ferry runs late.".to_owned(), ParagraphKind::Body)]
        );
    }

    #[test]
    fn deletions_are_dropped_and_insertions_kept() {
        let got = body(
            "<w:p><w:r><w:t>Fares rise </w:t></w:r>\
             <w:del w:id=\"1\"><w:r><w:delText>12</w:delText></w:r></w:del>\
             <w:ins w:id=\"2\"><w:r><w:t>15</w:t></w:r></w:ins>\
             <w:r><w:t xml:space=\"preserve\"> percent.</w:t></w:r></w:p>",
        );
        assert_eq!(got[0].0, "Fares rise 15 percent.");
    }

    #[test]
    fn field_codes_are_dropped_but_results_kept() {
        let got = body(
            "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
             <w:r><w:instrText> HYPERLINK \"x\" </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
             <w:r><w:t>the council site</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
        );
        assert_eq!(got[0].0, "the council site");
    }

    #[test]
    fn built_in_heading_ids_are_headings_without_styles() {
        let got = body(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>Why it matters</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Quote\"/></w:pPr><w:r><w:t>\u{201c}We will.\u{201d}</w:t></w:r></w:p>",
        );
        assert_eq!(got[0].1, ParagraphKind::Heading);
        assert_eq!(
            got[1],
            ("\u{201c}We will.\u{201d}".to_owned(), ParagraphKind::Body)
        );
    }

    #[test]
    fn entities_and_tabs_become_text() {
        let got = body(
            "<w:p><w:r><w:t>Smith &amp; Sons&#x2014;said</w:t><w:tab/><w:t>so</w:t></w:r></w:p>",
        );
        assert_eq!(got[0].0, "Smith & Sons\u{2014}said so");
    }

    #[test]
    fn style_roles_follow_based_on() {
        let styles = read_styles(
            r#"<w:styles xmlns:w="w">
            <w:style w:styleId="Kicker"><w:name w:val="Kicker"/><w:basedOn w:val="H1"/></w:style>
            <w:style w:styleId="H1"><w:name w:val="heading 1"/></w:style>
            <w:style w:styleId="T"><w:name w:val="Title"/></w:style>
            <w:style w:styleId="Lvl"><w:name w:val="Section"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            </w:styles>"#,
        );
        let styles = styles.unwrap_or_default();
        assert_eq!(styles.role("Kicker"), StyleRole::Heading);
        assert_eq!(styles.role("T"), StyleRole::Title);
        assert_eq!(styles.role("Lvl"), StyleRole::Heading);
        assert_eq!(styles.role("Normal"), StyleRole::Body);
        assert_eq!(styles.role("Missing"), StyleRole::Body);
    }

    #[test]
    fn core_properties_give_title_and_author() {
        let core = read_core(
            r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title>Ferry  Fares</dc:title>
            <dc:creator>Ines Albescu</dc:creator><dc:subject/></cp:coreProperties>"#,
        )
        .unwrap_or_default();
        assert_eq!(core.title.as_deref(), Some("Ferry Fares"));
        assert_eq!(core.creator.as_deref(), Some("Ines Albescu"));
    }

    #[test]
    fn malformed_xml_is_a_damaged_document() {
        let err = read_styles("<w:styles><w:style></w:styles>");
        assert!(matches!(err, Err(Failure::Damaged(_))), "{err:?}");
    }
}
