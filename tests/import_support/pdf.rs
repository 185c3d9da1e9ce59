//! PDFs written by the tests with lopdf: pages of positioned lines in Helvetica
//! (WinAnsiEncoding), optionally with a running header and footer, and the document
//! information dictionary. Used by tests/import_pdf.rs and benches/import.rs.

#![allow(dead_code)]

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// A line of text at a position (points from the bottom left), in a size.
#[derive(Clone, Debug)]
pub struct Placed {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

pub fn placed(x: f32, y: f32, size: f32, text: &str) -> Placed {
    Placed {
        x,
        y,
        size,
        text: text.to_owned(),
    }
}

/// WinAnsiEncoding bytes for text (Latin-1 plus the curly quotes and dashes).
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            '\u{20ac}' => 0x80,
            c if (c as u32) < 256 => c as u8,
            _ => b'?',
        })
        .collect()
}

/// A PDF of these pages; `info` is (title, author).
pub fn build(pages: &[Vec<Placed>], info: Option<(&str, &str)>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = Vec::new();
        for line in lines {
            operations.push(Operation::new("BT", vec![]));
            operations.push(Operation::new("Tf", vec!["F1".into(), line.size.into()]));
            operations.push(Operation::new("Td", vec![line.x.into(), line.y.into()]));
            operations.push(Operation::new(
                "Tj",
                vec![Object::string_literal(win_ansi(&line.text))],
            ));
            operations.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations };
        let stream = Stream::new(dictionary! {}, content.encode().expect("encode content"));
        let content_id = doc.add_object(stream);
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(Object::Reference(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    if let Some((title, author)) = info {
        let info_id = doc.add_object(dictionary! {
            "Title" => Object::string_literal(win_ansi(title)),
            "Author" => Object::string_literal(win_ansi(author)),
        });
        doc.trailer.set("Info", info_id);
    }
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("write PDF");
    out
}

/// Wraps paragraphs into lines of at most `width` characters, breaking a word that does
/// not fit with a hyphen when it is long.
pub fn wrap(paragraph: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in paragraph.split_whitespace() {
        let needed = if line.is_empty() {
            word.len()
        } else {
            line.len() + 1 + word.len()
        };
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        let room = width.saturating_sub(line.len() + 2);
        if word.len() >= 10 && room >= 4 && word.is_char_boundary(room) && word.is_ascii() {
            let (head, tail) = word.split_at(room);
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(head);
            line.push('-');
            lines.push(std::mem::take(&mut line));
            line.push_str(tail);
        } else {
            lines.push(std::mem::take(&mut line));
            line.push_str(word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lays paragraphs out on A4 pages: 10 pt body, 12.5 pt leading, a blank line between
/// paragraphs, an optional heading per page, a running header and "Page N of M" footer.
pub fn report(
    title: &str,
    header: Option<&str>,
    paragraphs: &[String],
    per_page: usize,
) -> Vec<u8> {
    let mut pages: Vec<Vec<Placed>> = Vec::new();
    let chunks: Vec<&[String]> = paragraphs.chunks(per_page.max(1)).collect();
    let total = chunks.len();
    for (n, chunk) in chunks.iter().enumerate() {
        let mut lines = Vec::new();
        if let Some(header) = header {
            lines.push(placed(72.0, 800.0, 8.0, header));
        }
        let mut y = 760.0;
        if n == 0 {
            lines.push(placed(72.0, y, 18.0, title));
            y -= 36.0;
        }
        for paragraph in *chunk {
            for text in wrap(paragraph, 85) {
                lines.push(placed(72.0, y, 10.0, &text));
                y -= 12.5;
            }
            y -= 12.5;
        }
        if header.is_some() {
            lines.push(placed(
                280.0,
                40.0,
                8.0,
                &format!("Page {} of {total}", n + 1),
            ));
        }
        pages.push(lines);
    }
    build(&pages, Some((title, "Harbour Authority Research Unit")))
}

/// A one-page PDF: a title line, then the paragraphs.
pub fn simple(title: &str, paragraphs: &[&str]) -> Vec<u8> {
    let owned: Vec<String> = paragraphs.iter().map(|p| (*p).to_owned()).collect();
    report(title, None, &owned, usize::MAX)
}

/// Invented report paragraphs, `n` of them, each mentioning its number.
pub fn paragraphs(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            format!(
                "In section {i}, the harbour authority reported that passenger numbers on the \
                 northern crossing rose by {} percent, while maintenance spending on the \
                 Vellmar terminal reached {} million euros, according to figures the \
                 authority's finance committee published in its quarterly infrastructure review.",
                i % 17 + 2,
                i % 40 + 10
            )
        })
        .collect()
}
