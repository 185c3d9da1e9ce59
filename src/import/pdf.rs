//! PDF reports and transcripts (`.pdf`) with a text layer.
//!
//! lopdf parses the file; this module runs each page's content stream far enough to know
//! where every piece of text is drawn (the text and graphics matrices, fonts, sizes and
//! glyph widths), decodes the text with the font's encoding or `/ToUnicode` map, and
//! joins pieces on one baseline into lines. `pdf_layout.rs` turns the lines into
//! paragraphs, drops running headers and footers and records each page's start. Title
//! and author come from the document information dictionary.
//!
//! A PDF with no text at all is taken for a scan and refused with a message saying so.
//! Text inside form XObjects is read too (a few levels deep); text drawn as images or
//! paths is not text and cannot be read.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::pdf_fonts::{FontCache, number, resolve};
use super::pdf_layout::{self, Line, Page};
use super::{Failure, Parsed, cues};
use crate::model::ParagraphKind;

/// The most a page's content (or a font's `/ToUnicode` map) may unpack to: a page of
/// text is a few kilobytes; a decompression bomb is refused at this size.
pub(super) const MAX_STREAM: usize = 64 * 1024 * 1024;

/// Form XObjects inside form XObjects deeper than this are not read.
const MAX_FORM_DEPTH: usize = 8;

/// The article text of a PDF and its metadata; `progress(done, total)` is called after
/// each page.
pub(super) fn parse(
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Parsed, Failure> {
    if bytes.is_empty() {
        return Err(Failure::Empty);
    }
    if !bytes.starts_with(b"%PDF")
        && !bytes
            .get(..1024)
            .unwrap_or(bytes)
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        return Err(Failure::Damaged(
            "it does not start like a PDF (no %PDF- header)".to_owned(),
        ));
    }
    let doc = Document::load_mem(bytes).map_err(|e| load_failure(&e))?;
    if doc.is_encrypted() {
        return Err(Failure::Encrypted);
    }
    let page_ids: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    if page_ids.is_empty() {
        return Err(Failure::Damaged("it has no pages".to_owned()));
    }
    let total = page_ids.len();
    let mut fonts = FontCache::default();
    let mut pages = Vec::with_capacity(total);
    let mut unreadable = 0;
    for (done, (number, id)) in page_ids.into_iter().enumerate() {
        let mut reader = PageReader::new(&doc, &mut fonts);
        match reader.read_page(id) {
            Ok(()) => {}
            Err(()) => unreadable += 1,
        }
        pages.push(Page {
            number,
            lines: reader.finish(),
        });
        progress(done + 1, total);
    }
    if pages.iter().all(|p| p.lines.is_empty()) {
        return Err(if unreadable == total {
            Failure::Damaged("none of its pages could be read".to_owned())
        } else {
            Failure::NoTextLayer
        });
    }
    let laid = pdf_layout::layout(pages);
    if laid.paragraphs.is_empty() {
        return Err(Failure::NoText);
    }
    let mut warnings = Vec::new();
    if unreadable > 0 {
        warnings.push(format!(
            "{unreadable} of {total} pages could not be read and are missing from the text"
        ));
    }
    if laid.removed > 0 {
        warnings.push(format!(
            "{} running header, footer and page-number lines were left out of the text",
            laid.removed
        ));
    }
    let info = Info::of(&doc);
    let mut paragraphs = laid.paragraphs;
    let top = cues::scan_top(&laid.text, &mut paragraphs);
    let first_heading = paragraphs
        .iter()
        .enumerate()
        .find(|(i, p)| p.kind == ParagraphKind::Heading && !top.marked.contains(i))
        .and_then(|(_, p)| p.span.slice(&laid.text))
        .map(str::to_owned);
    Ok(Parsed {
        title: info.title.or(first_heading),
        byline: top.byline.or(info.author),
        published: top.published,
        text: laid.text,
        paragraphs,
        pages: laid.pages,
        warnings,
        ..Parsed::default()
    })
}

fn load_failure(err: &lopdf::Error) -> Failure {
    let text = err.to_string();
    if text.to_ascii_lowercase().contains("decrypt")
        || text.to_ascii_lowercase().contains("encrypt")
    {
        Failure::Encrypted
    } else {
        Failure::Damaged(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

// ---------------------------------------------------------------------------------------
// Metadata

#[derive(Debug, Default)]
struct Info {
    title: Option<String>,
    author: Option<String>,
}

impl Info {
    fn of(doc: &Document) -> Info {
        let dict = match doc.trailer.get(b"Info") {
            Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok(),
            Ok(Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        let Some(dict) = dict else {
            return Info::default();
        };
        let field = |key: &[u8]| {
            let object = match dict.get(key).ok()? {
                Object::Reference(id) => doc.get_object(*id).ok()?,
                other => other,
            };
            match object {
                Object::String(bytes, _) => Some(text_string(bytes)),
                _ => None,
            }
            .map(|s| cues::collapse_whitespace(&s))
            .filter(|s| !s.is_empty() && !is_placeholder(s))
        };
        Info {
            title: field(b"Title"),
            author: field(b"Author"),
        }
    }
}

/// Titles that word processors fill in on their own.
fn is_placeholder(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower == "untitled"
        || lower.starts_with("microsoft word - ")
        || std::path::Path::new(&lower)
            .extension()
            .is_some_and(|e| e == "docx")
}

/// A PDF text string: UTF-16 with a byte-order mark, UTF-8 with one, or PDFDocEncoding
/// (Latin-1 for the characters that matter here).
fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

// ---------------------------------------------------------------------------------------
// Content streams

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(tx: f32, ty: f32) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

/// The graphics state the text depends on.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<usize>,
    size: f32,
    leading: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    rise: f32,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            leading: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            rise: 0.0,
        }
    }
}

/// Reads one page's text into lines.
struct PageReader<'d, 'c> {
    doc: &'d Document,
    fonts: &'c mut FontCache<'d>,
    /// Font resource names on the current resources, to font cache keys.
    names: Vec<BTreeMap<Vec<u8>, usize>>,
    state: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
    lines: Vec<Line>,
}

impl<'d, 'c> PageReader<'d, 'c> {
    fn new(doc: &'d Document, fonts: &'c mut FontCache<'d>) -> Self {
        PageReader {
            doc,
            fonts,
            names: Vec::new(),
            state: State::default(),
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            lines: Vec::new(),
        }
    }

    fn finish(self) -> Vec<Line> {
        self.lines
    }

    fn register_fonts(&mut self, fonts: BTreeMap<Vec<u8>, &'d Dictionary>) {
        let mut names = BTreeMap::new();
        for (name, dict) in fonts {
            let key = std::ptr::from_ref(dict) as usize;
            self.fonts.prepare(self.doc, key, dict);
            names.insert(name, key);
        }
        self.names.push(names);
    }

    fn read_page(&mut self, id: ObjectId) -> Result<(), ()> {
        let fonts = self.doc.get_page_fonts(id).unwrap_or_default();
        self.register_fonts(fonts);
        let data = self
            .doc
            .get_page_content_with_limit(id, MAX_STREAM)
            .map_err(|_| ())?;
        let content = Content::decode(&data).map_err(|_| ())?;
        let xobjects = page_xobjects(self.doc, id);
        self.run(&content, &xobjects, 0);
        Ok(())
    }

    fn run(&mut self, content: &Content, xobjects: &BTreeMap<Vec<u8>, ObjectId>, depth: usize) {
        for op in &content.operations {
            let args = &op.operands;
            let num = |i: usize| args.get(i).and_then(number).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" => self.stack.push(self.state.clone()),
                "Q" => {
                    if let Some(state) = self.stack.pop() {
                        self.state = state;
                    }
                }
                "cm" if args.len() == 6 => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    self.state.ctm = multiply(&m, &self.state.ctm);
                }
                "BT" => {
                    self.tm = IDENTITY;
                    self.tlm = IDENTITY;
                }
                "Tf" => {
                    self.state.size = num(1);
                    let name = args
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .unwrap_or_default();
                    self.state.font = self.names.last().and_then(|n| n.get(name)).copied();
                }
                "Td" => self.move_line(num(0), num(1)),
                "TD" => {
                    self.state.leading = -num(1);
                    self.move_line(num(0), num(1));
                }
                "Tm" if args.len() == 6 => {
                    self.tm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    self.tlm = self.tm;
                }
                "T*" => self.next_line(),
                "TL" => self.state.leading = num(0),
                "Tc" => self.state.char_spacing = num(0),
                "Tw" => self.state.word_spacing = num(0),
                "Tz" => self.state.scale = num(0) / 100.0,
                "Ts" => self.state.rise = num(0),
                "Tj" => {
                    if let Some(Object::String(bytes, _)) = args.first() {
                        self.show(bytes);
                    }
                }
                "'" => {
                    self.next_line();
                    if let Some(Object::String(bytes, _)) = args.first() {
                        self.show(bytes);
                    }
                }
                "\"" => {
                    self.state.word_spacing = num(0);
                    self.state.char_spacing = num(1);
                    self.next_line();
                    if let Some(Object::String(bytes, _)) = args.get(2) {
                        self.show(bytes);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = args.first() {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => self.show(bytes),
                                other => {
                                    let adjust = number(other).unwrap_or(0.0);
                                    let tx = -adjust / 1000.0 * self.state.size * self.state.scale;
                                    self.tm = multiply(&translate(tx, 0.0), &self.tm);
                                }
                            }
                        }
                    }
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    let name = args
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .unwrap_or_default();
                    if let Some(&id) = xobjects.get(name) {
                        self.form(id, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// Runs a form XObject's content with its own resources.
    fn form(&mut self, id: ObjectId, depth: usize) {
        let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return;
        }
        let Ok(data) = stream.decompressed_content_with_limit(MAX_STREAM) else {
            return;
        };
        let Ok(content) = Content::decode(&data) else {
            return;
        };
        let resources = stream
            .dict
            .get(b"Resources")
            .map(|o| resolve(self.doc, o))
            .ok()
            .and_then(|o| o.as_dict().ok());
        let mut fonts = BTreeMap::new();
        let mut xobjects = BTreeMap::new();
        if let Some(resources) = resources {
            if let Ok(Object::Dictionary(list)) =
                resources.get(b"Font").map(|o| resolve(self.doc, o))
            {
                for (name, font) in list {
                    if let Ok(dict) = resolve(self.doc, font).as_dict() {
                        fonts.insert(name.clone(), dict);
                    }
                }
            }
            collect_xobjects(self.doc, resources, &mut xobjects);
        }
        let saved = self.state.clone();
        let (tm, tlm) = (self.tm, self.tlm);
        if let Ok(matrix) = stream.dict.get(b"Matrix").and_then(Object::as_array)
            && matrix.len() == 6
        {
            let m: Vec<f32> = matrix.iter().map(|o| number(o).unwrap_or(0.0)).collect();
            self.state.ctm = multiply(&[m[0], m[1], m[2], m[3], m[4], m[5]], &self.state.ctm);
        }
        let inherit = fonts.is_empty();
        if inherit {
            let current = self.names.last().cloned().unwrap_or_default();
            self.names.push(current);
        } else {
            self.register_fonts(fonts);
        }
        self.run(&content, &xobjects, depth + 1);
        self.names.pop();
        self.state = saved;
        self.tm = tm;
        self.tlm = tlm;
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.tlm = multiply(&translate(tx, ty), &self.tlm);
        self.tm = self.tlm;
    }

    fn next_line(&mut self) {
        let leading = self.state.leading;
        self.move_line(0.0, -leading);
    }

    /// Shows a string: decodes it, places it, and moves the text position past it.
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.state.font.and_then(|key| self.fonts.get(key)) else {
            return;
        };
        let text = match &font.encoding {
            Some(encoding) => Document::decode_text(encoding, bytes).unwrap_or_default(),
            None => bytes.iter().map(|&b| char::from(b)).collect(),
        };
        let state = &self.state;
        let mut advance = 0.0;
        let codes: Box<dyn Iterator<Item = (u32, bool)>> = if font.two_byte {
            Box::new(bytes.chunks(2).map(|p| {
                let code = (u32::from(p[0]) << 8) | u32::from(*p.get(1).unwrap_or(&0));
                (code, false)
            }))
        } else {
            Box::new(bytes.iter().map(|&b| (u32::from(b), b == 32)))
        };
        for (code, space) in codes {
            let w = font.width(code) * state.size + state.char_spacing;
            let w = if space { w + state.word_spacing } else { w };
            advance += w * state.scale;
        }
        let render = multiply(&self.tm, &state.ctm);
        let start = apply(&render, 0.0, state.rise);
        let end = apply(&render, advance, state.rise);
        let size = (state.size * (render[2] * render[2] + render[3] * render[3]).sqrt()).abs();
        self.tm = multiply(&translate(advance, 0.0), &self.tm);
        self.place(text, start, end.0, size);
    }

    /// Adds a piece of text to the current line, or starts a new line.
    fn place(&mut self, text: String, (x, y): (f32, f32), right: f32, size: f32) {
        if text.is_empty() || !x.is_finite() || !y.is_finite() {
            return;
        }
        let size = if size.is_finite() && size > 0.0 {
            size
        } else {
            10.0
        };
        if let Some(line) = self.lines.last_mut() {
            let tolerance = line.size.max(size) * 0.45;
            let same_line = (line.y - y).abs() <= tolerance
                && x >= line.right - line.size.max(size) * 1.5
                && x <= line.right + line.size.max(size) * 8.0;
            if same_line {
                let gap = x - line.right;
                let spaced = line.text.ends_with(char::is_whitespace)
                    || text.starts_with(char::is_whitespace);
                if gap > size.min(line.size) * 0.18 && !spaced {
                    line.text.push(' ');
                }
                line.text.push_str(&text);
                line.right = line.right.max(right);
                // A superscript marker does not change the line's size.
                if (y - line.y).abs() < 0.5 {
                    line.size = line.size.max(size);
                }
                return;
            }
        }
        self.lines.push(Line {
            text,
            x,
            right: right.max(x),
            y,
            size,
        });
    }
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

/// A page's XObjects by name (inherited resources included).
fn page_xobjects(doc: &Document, page: ObjectId) -> BTreeMap<Vec<u8>, ObjectId> {
    let mut out = BTreeMap::new();
    let Ok((own, inherited)) = doc.get_page_resources(page) else {
        return out;
    };
    if let Some(resources) = own {
        collect_xobjects(doc, resources, &mut out);
    }
    for id in inherited {
        if let Ok(resources) = doc.get_dictionary(id) {
            collect_xobjects(doc, resources, &mut out);
        }
    }
    out
}

fn collect_xobjects(doc: &Document, resources: &Dictionary, out: &mut BTreeMap<Vec<u8>, ObjectId>) {
    if let Ok(Object::Dictionary(list)) = resources.get(b"XObject").map(|o| resolve(doc, o)) {
        for (name, object) in list {
            if let Object::Reference(id) = object {
                out.entry(name.clone()).or_insert(*id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_decode_utf16_and_latin1() {
        assert_eq!(
            text_string(&[0xFE, 0xFF, 0x00, 0x41, 0x20, 0x14]),
            "A\u{2014}"
        );
        assert_eq!(text_string(b"Caf\xe9"), "Caf\u{e9}");
    }

    #[test]
    fn matrices_compose_like_pdf() {
        let m = multiply(&translate(10.0, 20.0), &[2.0, 0.0, 0.0, 2.0, 5.0, 5.0]);
        assert_eq!(apply(&m, 0.0, 0.0), (25.0, 45.0));
    }

    #[test]
    fn non_pdf_bytes_are_refused_as_damaged() {
        let err = parse(b"hello", &mut |_, _| {});
        assert!(matches!(err, Err(Failure::Damaged(_))), "{:?}", err.err());
        assert!(matches!(parse(b"", &mut |_, _| {}), Err(Failure::Empty)));
    }
}
