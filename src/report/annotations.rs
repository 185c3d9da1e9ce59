//! W3C Web Annotations JSON-LD ([`Format::Annotations`](super::Format::Annotations)
//! documents it).

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::view::{CharCounter, Entry, Report, is_http_url, one_line};
use std::io;

use super::Format;
use super::sink::{LazySeq, ScriptSafe, json_to};
use crate::model::sha256_hex;
use crate::project::anchor_for;

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

pub(super) fn render(report: &Report<'_>, out: &mut dyn io::Write) -> io::Result<()> {
    let text = report.text();
    let text_hash = sha256_hex(text);
    let source = target_source(report, &text_hash);
    let mut chars = CharCounter::new(text);
    let entries = || report.entries.iter().chain(&report.orphans);
    // Exactly the entries `annotation` makes one of: those with their text.
    let total = entries().filter(|e| e.text.is_some()).count();
    let items = entries().filter_map(|e| annotation(report, e, &text_hash, &source, &mut chars));
    let collection = Collection {
        context: CONTEXT,
        id: uuid_urn(&format!("{text_hash}:collection")),
        kind: "AnnotationCollection",
        label: format!("Fact-check annotations: {}", one_line(report.title())),
        total,
        first: (total > 0).then(|| Page {
            id: uuid_urn(&format!("{text_hash}:page:1")),
            kind: "AnnotationPage",
            start_index: 0,
            items: LazySeq::new(items),
        }),
    };
    json_to(&collection, Format::Annotations, &mut ScriptSafe(out))
}

#[derive(Serialize)]
struct Collection<T> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<Page<T>>,
}

#[derive(Serialize)]
struct Page<T> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: T,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Agent<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    generated: Option<String>,
    generator: Agent<'static>,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Agent<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Text {
        #[serde(rename = "type")]
        kind: &'static str,
        purpose: &'static str,
        value: String,
        format: &'static str,
    },
    Link {
        #[serde(rename = "type")]
        kind: &'static str,
        purpose: &'static str,
        source: &'a str,
    },
}

impl Body<'_> {
    fn text(purpose: &'static str, value: String) -> Self {
        Body::Text {
            kind: "TextualBody",
            purpose,
            value,
            format: "text/plain",
        }
    }
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    /// A quote and a position; an orphan (no longer in the text) only has its quote.
    selector: Vec<Selector>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector {
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

fn annotation<'a>(
    report: &Report<'a>,
    entry: &Entry<'a>,
    text_hash: &str,
    source: &'a str,
    chars: &mut CharCounter<'_>,
) -> Option<Annotation<'a>> {
    let exact = entry.text?;
    let claim = entry.claim;
    let review = &claim.review;
    let text = report.text();
    let selector = if let Some(orphan) = entry.orphan {
        vec![Selector::TextQuoteSelector {
            exact: orphan.quote.clone(),
            prefix: orphan.prefix.clone(),
            suffix: orphan.suffix.clone(),
        }]
    } else {
        let anchor = anchor_for(text, claim.span);
        let start = chars.at(claim.span.start);
        let end = start + exact.chars().count();
        vec![
            Selector::TextQuoteSelector {
                exact: anchor.exact,
                prefix: anchor.prefix,
                suffix: anchor.suffix,
            },
            Selector::TextPositionSelector { start, end },
        ]
    };

    let mut body = Vec::new();
    if review.verdict.is_reviewed() {
        body.push(Body::text("assessing", review.verdict.label().to_owned()));
    }
    if !review.note.trim().is_empty() {
        body.push(Body::text("commenting", review.note.trim().to_owned()));
    }
    body.push(Body::text("tagging", claim.kind.as_str().to_owned()));
    if let Some(reported) = claim
        .reported_in
        .as_ref()
        .filter(|r| !r.text.trim().is_empty())
    {
        body.push(Body::text(
            "describing",
            format!("Reported in: {}", reported.text.trim()),
        ));
    }
    for evidence in &review.evidence {
        // Only web pages are linked; any other URL (javascript:, data:, file:) would be a
        // link a viewer follows, so it stays in the note-like text body instead.
        let url = evidence.url.trim();
        if is_http_url(url) {
            body.push(Body::Link {
                kind: "SpecificResource",
                purpose: "linking",
                source: url,
            });
        } else if !url.is_empty() {
            body.push(Body::text(
                "commenting",
                format!("Evidence (not a web link): {url}"),
            ));
        }
    }

    Some(Annotation {
        id: uuid_urn(&format!("{text_hash}:{}", claim.id)),
        kind: "Annotation",
        motivation: if review.verdict.is_reviewed() {
            "assessing"
        } else {
            "highlighting"
        },
        creator: review
            .reviewer
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(|name| Agent {
                kind: "Person",
                name,
            }),
        created: review.reviewed_at.map(|t| t.to_string()),
        generated: report.options.generated_at.map(|t| t.to_string()),
        generator: Agent {
            kind: "Software",
            name: "claimdesk",
        },
        body,
        target: Target { source, selector },
    })
}

/// The IRI of the annotated document: its URL, its file, or a hash of its text.
fn target_source(report: &Report<'_>, text_hash: &str) -> String {
    let article = &report.project.article;
    if let Some(url) = article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        return url.to_owned();
    }
    if let Some(path) = article.path.as_deref() {
        return file_uri(path);
    }
    format!("urn:sha256:{text_hash}")
}

/// A `file:` URI for an absolute path (a relative path becomes a relative reference),
/// percent-encoding everything but unreserved characters and `/`.
fn file_uri(path: &Path) -> String {
    let raw = path.to_string_lossy().replace('\\', "/");
    let has_drive = raw.as_bytes().get(1) == Some(&b':') && raw.as_bytes()[0].is_ascii_alphabetic();
    let mut out = String::from(if raw.starts_with('/') {
        "file://"
    } else if has_drive {
        "file:///"
    } else {
        ""
    });
    for (i, byte) in raw.bytes().enumerate() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/')
            || (has_drive && i == 1);
        if keep {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// `urn:uuid:` of a SHA-256-based UUIDv8 (RFC 9562) of `name`.
fn uuid_urn(name: &str) -> String {
    let digest = Sha256::digest(format!("claimdesk:{name}").as_bytes());
    let mut b = [0u8; 16];
    for (slot, byte) in b.iter_mut().zip(digest.iter()) {
        *slot = *byte;
    }
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = b.iter().fold(String::with_capacity(32), |mut hex, x| {
        let _ = write!(hex, "{x:02x}");
        hex
    });
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_are_percent_encoded() {
        assert_eq!(
            file_uri(Path::new("/home/ed/Bridge tolls é.txt")),
            "file:///home/ed/Bridge%20tolls%20%C3%A9.txt"
        );
        assert_eq!(
            file_uri(Path::new("C:\\News\\a b.txt")),
            "file:///C:/News/a%20b.txt"
        );
        assert_eq!(file_uri(Path::new("notes/a.txt")), "notes/a.txt");
    }

    #[test]
    fn uuids_are_stable_version_8() {
        let a = uuid_urn("x:c1");
        assert_eq!(a, uuid_urn("x:c1"));
        assert_ne!(a, uuid_urn("x:c2"));
        let uuid = a.trim_start_matches("urn:uuid:");
        assert_eq!(uuid.len(), 36);
        assert_eq!(&uuid[14..15], "8");
        assert!(matches!(&uuid[19..20], "8" | "9" | "a" | "b"));
    }
}
