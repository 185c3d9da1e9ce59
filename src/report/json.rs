//! The JSON report: the whole project in a stable, versioned schema ([`JSON_SCHEMA`]).

use serde::Serialize;

use super::view::{CharCounter, Entry, Report};
use std::io;

use super::Format;
use super::sink::{LazySeq, json_to};
use crate::model::{
    ClaimKind, CueClass, Origin, ParagraphKind, Reasons, SourceKind, Span, Tally, Verdict,
};

/// The `schema` field of the JSON report.
///
/// # Schema `claimdesk.report`, version 1
///
/// One object, pretty-printed, keys always present and always in this order (`null`
/// where a value is missing, `[]` for empty lists). Ids are strings: `"c12"` for claims
/// (the same ids as the HTML report's `#c12` anchors and the CSV's `id` column), `"s3"` for
/// sources. `start`/`end` are byte offsets into `article.text` (UTF-8), as in
/// `claimdesk extract --format json`; `char_start`/`char_end` count Unicode code points,
/// as W3C text selectors and Python do. Times are RFC 3339 in UTC.
///
/// ```text
/// {
///   "schema": "claimdesk.report",
///   "version": 1,
///   "report": {
///     "generated_at": "2026-03-02T09:30:00Z" | null,
///     "organization": string | null,
///     "reviewer": string | null,          // who prepared the report
///     "url": string | null,               // where it is published
///     "reviewed_only": bool               // true: unreviewed claims were left out
///   },
///   "article": {
///     "title": string, "byline": string | null, "published": string | null,
///     "site": string | null, "url": string | null, "path": string | null,
///     "sha256": string,                   // hex SHA-256 of text
///     "text": string,                     // what every offset indexes
///     "paragraphs": [ { "start": int, "end": int, "kind": "heading" | "byline" | "body" } ]
///   },
///   "summary": {                          // counts over "claims" below
///     "total": int, "unreviewed": int, "verified": int, "disputed": int,
///     "needs_context": int, "unverifiable": int
///   },
///   "sources": [ {
///     "id": "s3",
///     "name": string,                     // "" for an unnamed source
///     "label": string,                    // name, or "Unnamed source"
///     "role": string | null,
///     "kind": "person" | "organization" | "unnamed",
///     "aliases": [string],
///     "mentions": [ { "start": int, "end": int } ]
///   } ],
///   "claims": [ {                         // in text order
///     "id": "c12",
///     "start": int, "end": int,
///     "char_start": int | null, "char_end": int | null,
///     "text": string | null,              // null: the span no longer fits the text
///     "kind": "quote" | "reported" | "statistic" | "fact",
///     "score": number,                    // check-worthiness, 0..1
///     "cue": { "text": string, "start": int, "end": int,
///              "class": "speech" | "belief" | "stance" | "evidence" | null } | null,
///     "reported_in": { "text": string, "start": int, "end": int } | null,
///                                         // the report that carries the speaker's words
///                                         // ("an analysis for The Harbour Gazette")
///     "reasons": [string],
///     "origin": "extracted" | "manual",
///     "source": { "id": "s3", "mention": { "start": int, "end": int } | null } | null,
///     "review": {
///       "verdict": "unreviewed" | "verified" | "disputed" | "needs_context" | "unverifiable",
///       "label": string,                  // "Needs context"
///       "note": string,
///       "evidence": [ { "url": string, "title": string, "note": string } ],
///       "reviewer": string | null,
///       "reviewed_at": string | null
///     }
///   } ],
///   "orphans": [ … ]                      // claims no longer in the text, fields as in
///                                         // "claims": "text" is the quote when last
///                                         // placed, "start"/"end" index the text it was
///                                         // placed in, "char_start"/"char_end" are null
/// }
/// ```
///
/// Within version 1 fields are only ever added, never renamed or removed; a change that
/// would break a reader raises [`JSON_SCHEMA_VERSION`].
///
/// ```
/// use claimdesk::model::{Article, Project};
/// use claimdesk::report::{Format, JSON_SCHEMA, JSON_SCHEMA_VERSION, Options, render};
///
/// let project = Project::new(Article::from_text("Harbour", "The harbour reopened."), vec![], vec![]);
/// let json = render(&project, Format::Json, &Options::default())?;
/// let value: serde_json::Value = serde_json::from_str(&json)?;
/// assert_eq!(value["schema"], JSON_SCHEMA);
/// assert_eq!(value["version"], JSON_SCHEMA_VERSION);
/// assert_eq!(value["article"]["text"], "The harbour reopened.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const JSON_SCHEMA: &str = "claimdesk.report";

/// The `version` field of the JSON report (see [`JSON_SCHEMA`]).
pub const JSON_SCHEMA_VERSION: u32 = 1;

pub(super) fn render(report: &Report<'_>, out: &mut dyn io::Write) -> io::Result<()> {
    json_to(&document(report), Format::Json, out)
}

/// Claims made one at a time as they are written.
type Claims<'a> = LazySeq<Box<dyn Iterator<Item = ClaimOut<'a>> + 'a>>;

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    version: u32,
    report: Meta<'a>,
    article: ArticleOut<'a>,
    summary: Summary,
    sources: Vec<SourceOut<'a>>,
    claims: Claims<'a>,
    orphans: Claims<'a>,
}

#[derive(Serialize)]
struct Meta<'a> {
    generated_at: Option<String>,
    organization: Option<&'a str>,
    reviewer: Option<&'a str>,
    url: Option<&'a str>,
    reviewed_only: bool,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    title: &'a str,
    byline: Option<&'a str>,
    published: Option<&'a str>,
    site: Option<&'a str>,
    url: Option<&'a str>,
    path: Option<String>,
    sha256: &'a str,
    text: &'a str,
    paragraphs: Vec<ParagraphOut>,
}

#[derive(Serialize)]
struct ParagraphOut {
    start: usize,
    end: usize,
    kind: ParagraphKind,
}

#[derive(Serialize)]
struct Summary {
    total: usize,
    unreviewed: usize,
    verified: usize,
    disputed: usize,
    needs_context: usize,
    unverifiable: usize,
}

impl From<Tally> for Summary {
    fn from(t: Tally) -> Self {
        Summary {
            total: t.total,
            unreviewed: t.unreviewed,
            verified: t.verified,
            disputed: t.disputed,
            needs_context: t.needs_context,
            unverifiable: t.unverifiable,
        }
    }
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: String,
    name: &'a str,
    label: &'a str,
    role: Option<&'a str>,
    kind: SourceKind,
    aliases: &'a [String],
    mentions: Vec<SpanOut>,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
}

impl From<Span> for SpanOut {
    fn from(s: Span) -> Self {
        SpanOut {
            start: s.start,
            end: s.end,
        }
    }
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    id: String,
    start: usize,
    end: usize,
    char_start: Option<usize>,
    char_end: Option<usize>,
    text: Option<&'a str>,
    kind: ClaimKind,
    score: f32,
    cue: Option<CueOut<'a>>,
    reported_in: Option<TextOut<'a>>,
    reasons: &'a Reasons,
    origin: &'static str,
    source: Option<ClaimSourceOut>,
    review: ReviewOut<'a>,
}

#[derive(Serialize)]
struct CueOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// `null` for a cue saved before classes were recorded.
    class: Option<CueClass>,
}

#[derive(Serialize)]
struct TextOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ClaimSourceOut {
    id: String,
    mention: Option<SpanOut>,
}

#[derive(Serialize)]
struct ReviewOut<'a> {
    verdict: &'static str,
    label: &'static str,
    note: &'a str,
    evidence: Vec<EvidenceOut<'a>>,
    reviewer: Option<&'a str>,
    reviewed_at: Option<String>,
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    url: &'a str,
    title: &'a str,
    note: &'a str,
}

fn document<'a>(report: &'a Report<'a>) -> Document<'a> {
    let project = report.project;
    let article = &project.article;
    let options = report.options;
    let text = report.text();
    Document {
        schema: JSON_SCHEMA,
        version: JSON_SCHEMA_VERSION,
        report: Meta {
            generated_at: options.generated_at.map(|t| t.to_string()),
            organization: options.organization.as_deref(),
            reviewer: options.reviewer.as_deref(),
            url: options.url.as_deref(),
            reviewed_only: options.reviewed_only,
        },
        article: ArticleOut {
            title: &article.title,
            byline: article.byline.as_deref(),
            published: article.published.as_deref(),
            site: article.site.as_deref(),
            url: article.url.as_deref(),
            path: article.path.as_ref().map(|p| p.display().to_string()),
            sha256: &article.sha256,
            text,
            paragraphs: article
                .paragraphs
                .iter()
                .map(|p| ParagraphOut {
                    start: p.span.start,
                    end: p.span.end,
                    kind: p.kind,
                })
                .collect(),
        },
        summary: report.tally.into(),
        sources: project
            .sources
            .iter()
            .map(|s| SourceOut {
                id: s.id.to_string(),
                name: &s.name,
                label: s.shown_name(),
                role: s.role.as_deref(),
                kind: s.kind,
                aliases: &s.aliases,
                mentions: s.mentions.iter().copied().map(SpanOut::from).collect(),
            })
            .collect(),
        claims: {
            let mut chars = CharCounter::new(text);
            LazySeq::new(Box::new(report.entries.iter().map(move |entry| {
                let c = entry.claim;
                let span = entry
                    .text
                    .map(|_| (chars.at(c.span.start), chars.at(c.span.end)));
                claim_out(entry, span)
            })))
        },
        orphans: LazySeq::new(Box::new(report.orphans.iter().map(|e| claim_out(e, None)))),
    }
}

/// A claim; `chars` are its code point offsets, if it is in the text.
fn claim_out<'a>(entry: &Entry<'a>, chars: Option<(usize, usize)>) -> ClaimOut<'a> {
    let c = entry.claim;
    ClaimOut {
        id: c.id.to_string(),
        start: c.span.start,
        end: c.span.end,
        char_start: chars.map(|(s, _)| s),
        char_end: chars.map(|(_, e)| e),
        text: entry.text,
        kind: c.kind,
        score: c.score,
        cue: c.cue.as_ref().map(|q| CueOut {
            text: &q.text,
            start: q.span.start,
            end: q.span.end,
            class: q.class,
        }),
        reported_in: c.reported_in.as_ref().map(|r| TextOut {
            text: &r.text,
            start: r.span.start,
            end: r.span.end,
        }),
        reasons: &c.reasons,
        origin: match c.origin {
            Origin::Extracted => "extracted",
            Origin::Manual => "manual",
        },
        source: c.source.map(|s| ClaimSourceOut {
            id: s.id.to_string(),
            mention: s.mention.map(SpanOut::from),
        }),
        review: review(&c.review),
    }
}

fn review(r: &crate::model::Review) -> ReviewOut<'_> {
    ReviewOut {
        verdict: r.verdict.as_str(),
        label: Verdict::label(r.verdict),
        note: &r.note,
        evidence: r
            .evidence
            .iter()
            .map(|e| EvidenceOut {
                url: &e.url,
                title: &e.title,
                note: &e.note,
            })
            .collect(),
        reviewer: r.reviewer.as_deref(),
        reviewed_at: r.reviewed_at.map(|t| t.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Claim, ClaimId, Project, Review};
    use crate::report::Options;

    #[test]
    fn stale_claim_has_null_text_and_char_offsets() -> Result<(), Box<dyn std::error::Error>> {
        let claim = Claim {
            id: ClaimId(4),
            span: Span::new(2, 90),
            kind: ClaimKind::Fact,
            source: None,
            cue: None,
            reported_in: None,
            score: 0.5,
            reasons: crate::model::Reasons::new(),
            origin: Origin::Manual,
            review: Review::default(),
        };
        let project = Project::new(Article::from_text("t", "short"), vec![], vec![claim]);
        let json = crate::report::render(&project, Format::Json, &Options::default())?;
        let value: serde_json::Value = serde_json::from_str(&json)?;
        let c = &value["claims"][0];
        assert_eq!(c["id"], "c4");
        assert!(c["text"].is_null() && c["char_start"].is_null());
        assert_eq!(c["origin"], "manual");
        Ok(())
    }

    #[test]
    fn char_offsets_count_code_points() {
        let text = "é🎉 fact";
        let claim = Claim {
            id: ClaimId(1),
            span: Span::new("é🎉 ".len(), text.len()),
            kind: ClaimKind::Fact,
            source: None,
            cue: None,
            reported_in: None,
            score: 0.5,
            reasons: crate::model::Reasons::new(),
            origin: Origin::Extracted,
            review: Review::default(),
        };
        let project = Project::new(Article::from_text("t", text), vec![], vec![claim]);
        let options = Options::default();
        let report = Report::new(&project, &options);
        let json = serde_json::to_value(document(&report)).unwrap_or_default();
        let claim = &json["claims"][0];
        assert_eq!(
            (&claim["char_start"], &claim["char_end"]),
            (&3.into(), &7.into())
        );
        assert_eq!(claim["start"], 7);
    }
}
