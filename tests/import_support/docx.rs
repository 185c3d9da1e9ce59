//! Word documents zipped by the tests: the parts a .docx needs, written as Word writes
//! them (WordprocessingML), plus zip bombs.

// Fixture text is built by appending formatted pieces; clarity beats `write!` here.
#![allow(clippy::format_push_string)]
#![allow(dead_code)]

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A zip of these (name, content) entries, deflated.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in entries {
        writer.start_file(*name, options).expect("start zip entry");
        writer.write_all(content).expect("write zip entry");
    }
    writer.finish().expect("finish zip").into_inner()
}

pub fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

pub fn styles_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Zwischentitel"><w:name w:val="Zwischentitel"/><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>"#
    )
}

pub fn core_xml(title: &str, creator: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator><dcterms:created>2026-11-30T08:00:00Z</dcterms:created></cp:coreProperties>"#
    )
}

pub fn footnotes_xml(notes: &[(i32, &str)]) -> String {
    let mut body = String::new();
    body.push_str(r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"#);
    for (id, text) in notes {
        body.push_str(&format!(
            r#"<w:footnote w:id="{id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>"#
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">{body}</w:footnotes>"#
    )
}

pub fn comments_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="Desk"><w:p><w:r><w:t>CHECK THIS FIGURE WITH THE PORT</w:t></w:r></w:p></w:comment></w:comments>"#
    )
}

/// A paragraph in a style with plain runs.
pub fn p(style: Option<&str>, runs: &str) -> String {
    let ppr = style.map_or(String::new(), |s| {
        format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)
    });
    format!("<w:p>{ppr}{runs}</w:p>")
}

pub fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

/// An editor's draft: title and heading styles, a quote, tracked changes, a comment, a
/// footnote, a table, and core properties.
pub fn draft() -> Vec<u8> {
    let body = [
        p(Some("Title"), &r("Ferry Fares to Rise 12 Percent")),
        p(None, &r("By Mirela Tandy")),
        p(
            None,
            &format!(
                "{}<w:del w:id=\"1\" w:author=\"Desk\"><w:r><w:delText>10</w:delText></w:r></w:del><w:ins w:id=\"2\" w:author=\"Desk\"><w:r><w:t>12</w:t></w:r></w:ins>{}<w:commentRangeStart w:id=\"0\"/>{}<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>{}",
                r("Ferry fares across the harbour will rise by "),
                r(" percent in March, the Port Authority said on Tuesday"),
                r(", the first increase since 2019."),
                "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r>",
            ),
        ),
        p(Some("Zwischentitel"), &r("Why Fuel Costs Matter")),
        p(
            Some("Quote"),
            &r("\u{201c}Fuel alone costs us 40 percent more than two years ago,\u{201d} said Oskar Lindqvist, the authority\u{2019}s finance director."),
        ),
        p(
            None,
            &format!(
                "{}<w:moveFrom w:id=\"5\"><w:r><w:t>about 150 euros</w:t></w:r></w:moveFrom>{}",
                r("Commuters will pay about 190 euros more a year"),
                r(", according to the Harbour Riders Association."),
            ),
        ),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Route</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>North crossing: 4.80 euros</w:t></w:r></w:p></w:tc></w:tr></w:tbl>".to_owned(),
    ]
    .concat();
    zip(&[
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        ("word/document.xml", document_xml(&body).as_bytes()),
        ("word/styles.xml", styles_xml().as_bytes()),
        (
            "word/footnotes.xml",
            footnotes_xml(&[(1, "Port Authority board minutes, 24 November 2026.")]).as_bytes(),
        ),
        ("word/comments.xml", comments_xml().as_bytes()),
        (
            "docProps/core.xml",
            core_xml("Ferry fares draft", "Mirela Tandy").as_bytes(),
        ),
    ])
}
