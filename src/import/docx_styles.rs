//! A Word document's paragraph styles (which are headings, which is the title) and its
//! document properties (`docProps/core.xml`: title and author), for [`docx`](super::docx).

use std::collections::BTreeMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::docx::{attr, push_reference, xml_failure};
use super::{Failure, cues};

#[derive(Debug, Default)]
pub(super) struct Style {
    pub(super) name: String,
    pub(super) outline: Option<u8>,
    pub(super) based_on: Option<String>,
}

/// Paragraph styles by id.
#[derive(Debug, Default)]
pub(super) struct Styles {
    pub(super) by_id: BTreeMap<String, Style>,
}

/// How a paragraph style reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum StyleRole {
    Title,
    Heading,
    Body,
}

impl Styles {
    /// Whether a style (or one it is based on, a few levels up) is a title or heading.
    pub(super) fn role(&self, id: &str) -> StyleRole {
        let mut id = id;
        for _ in 0..8 {
            let Some(style) = self.by_id.get(id) else {
                break;
            };
            let role = role_of_name(&style.name);
            if role != StyleRole::Body {
                return role;
            }
            if style.outline.is_some_and(|l| l < 9) {
                return StyleRole::Heading;
            }
            match &style.based_on {
                Some(parent) => id = parent,
                None => break,
            }
        }
        // Documents without styles.xml still use Word's built-in ids.
        role_of_name(id)
    }
}

pub(super) fn role_of_name(name: &str) -> StyleRole {
    let name = name.to_ascii_lowercase().replace(' ', "");
    if name == "title" {
        StyleRole::Title
    } else if name == "subtitle" || name.starts_with("heading") {
        StyleRole::Heading
    } else {
        StyleRole::Body
    }
}

pub(super) fn read_styles(xml: &str) -> Result<Styles, Failure> {
    let mut reader = Reader::from_str(xml);
    let mut styles = Styles::default();
    let mut current: Option<(String, Style)> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_failure("word/styles.xml", &e))?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:style" => {
                    if let Some((id, style)) = current.take() {
                        styles.by_id.insert(id, style);
                    }
                    current = attr(&e, b"w:styleId").map(|id| (id, Style::default()));
                }
                b"w:name" => {
                    if let Some((_, style)) = &mut current {
                        style.name = attr(&e, b"w:val").unwrap_or_default();
                    }
                }
                b"w:basedOn" => {
                    if let Some((_, style)) = &mut current {
                        style.based_on = attr(&e, b"w:val");
                    }
                }
                b"w:outlineLvl" => {
                    if let Some((_, style)) = &mut current {
                        style.outline = attr(&e, b"w:val").and_then(|v| v.parse().ok());
                    }
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"w:style" => {
                if let Some((id, style)) = current.take() {
                    styles.by_id.insert(id, style);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(styles)
}

// ---------------------------------------------------------------------------------------
// Document properties

#[derive(Debug, Default)]
pub(super) struct Core {
    pub(super) title: Option<String>,
    pub(super) creator: Option<String>,
}

pub(super) fn read_core(xml: &str) -> Result<Core, Failure> {
    let mut reader = Reader::from_str(xml);
    let mut core = Core::default();
    let mut field: Option<bool> = None; // Some(true) = title, Some(false) = creator
    let mut value = String::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_failure("docProps/core.xml", &e))?;
        match event {
            Event::Start(e) => {
                field = match e.local_name().as_ref() {
                    b"title" => Some(true),
                    b"creator" => Some(false),
                    _ => None,
                };
                value.clear();
            }
            Event::Text(t) if field.is_some() => {
                value.push_str(&t.decode().unwrap_or_default());
            }
            Event::GeneralRef(r) if field.is_some() => push_reference(&r, &mut value),
            Event::End(_) => {
                let cleaned = cues::collapse_whitespace(&value);
                if !cleaned.is_empty() {
                    match field {
                        Some(true) => core.title = Some(cleaned),
                        Some(false) => core.creator = Some(cleaned),
                        None => {}
                    }
                }
                field = None;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(core)
}
