//! What the PDF reader needs of a font: how to decode its strings and how wide its glyphs
//! are (from `/Widths`, or a Type0 font's `/W`), prepared once per font dictionary.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Encoding, Object};

use super::pdf::MAX_STREAM;

/// What is needed of a font to place and read its text.
pub(super) struct Font<'d> {
    pub(super) encoding: Option<Encoding<'d>>,
    /// Character codes are two bytes (a Type0 font).
    pub(super) two_byte: bool,
    /// Glyph widths in thousandths of the font size, by code.
    widths: BTreeMap<u32, f32>,
    default_width: f32,
}

impl Font<'_> {
    pub(super) fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            / 1000.0
    }
}

/// Fonts by the address of their dictionary in the document, so a font shared by every
/// page is prepared once.
#[derive(Default)]
pub(super) struct FontCache<'d> {
    fonts: BTreeMap<usize, Font<'d>>,
}

impl<'d> FontCache<'d> {
    /// Prepares the font at `key` (its dictionary's address) unless it already is.
    pub(super) fn prepare(&mut self, doc: &'d Document, key: usize, dict: &'d Dictionary) {
        self.fonts
            .entry(key)
            .or_insert_with(|| prepare_font(doc, dict));
    }

    pub(super) fn get(&self, key: usize) -> Option<&Font<'d>> {
        self.fonts.get(&key)
    }
}

pub(super) fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

pub(super) fn resolve<'d>(doc: &'d Document, object: &'d Object) -> &'d Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(object),
        other => other,
    }
}

fn prepare_font<'d>(doc: &'d Document, dict: &'d Dictionary) -> Font<'d> {
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or_default();
    let two_byte = subtype == b"Type0";
    let encoding = dict.get_font_encoding_with_limit(doc, MAX_STREAM).ok();
    let mut widths = BTreeMap::new();
    let mut default_width = 500.0;
    if two_byte {
        let descendant = dict
            .get(b"DescendantFonts")
            .map(|o| resolve(doc, o))
            .ok()
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .map(|o| resolve(doc, o))
            .and_then(|o| o.as_dict().ok());
        if let Some(descendant) = descendant {
            if let Some(dw) = descendant.get(b"DW").ok().and_then(number) {
                default_width = dw;
            } else {
                default_width = 1000.0;
            }
            if let Ok(w) = descendant.get(b"W").map(|o| resolve(doc, o))
                && let Ok(items) = w.as_array()
            {
                read_cid_widths(doc, items, &mut widths);
            }
        }
    } else {
        let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
        if let Ok(w) = dict.get(b"Widths").map(|o| resolve(doc, o))
            && let Ok(items) = w.as_array()
        {
            for (i, item) in items.iter().enumerate().take(65_536) {
                if let Some(width) = number(resolve(doc, item)) {
                    widths.insert(first.saturating_add(i as u32), width);
                }
            }
        }
        if widths.is_empty() {
            // The standard 14 fonts carry no widths; a little under Helvetica's average
            // keeps word gaps visible.
            default_width = 480.0;
        }
    }
    Font {
        encoding,
        two_byte,
        widths,
        default_width,
    }
}

/// `/W [c [w1 w2 …] c_first c_last w …]`.
fn read_cid_widths(doc: &Document, items: &[Object], widths: &mut BTreeMap<u32, f32>) {
    let mut i = 0;
    while i < items.len() && widths.len() < 65_536 {
        let Some(first) = number(resolve(doc, &items[i])) else {
            return;
        };
        let first = first.max(0.0) as u32;
        match items.get(i + 1).map(|o| resolve(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, w) in list.iter().enumerate().take(65_536) {
                    if let Some(w) = number(resolve(doc, w)) {
                        widths.insert(first.saturating_add(k as u32), w);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(w)) = (
                    number(last),
                    items.get(i + 2).map(|o| resolve(doc, o)).and_then(number),
                ) else {
                    return;
                };
                let last = (last.max(0.0) as u32).min(first.saturating_add(65_536));
                for code in first..=last {
                    widths.insert(code, w);
                }
                i += 3;
            }
            None => return,
        }
    }
}
