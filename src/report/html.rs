//! The HTML report ([`Format::Html`](super::Format::Html) documents it), written with
//! maud, which escapes every interpolated value by default.

use std::fmt::Write as _;
use std::io;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::highlight::{self, Block, Piece};
use super::sink::Spill;
use super::view::{self, CONTEXT_WORDS, Entry, Report, context, one_line, shorten};
use crate::model::{ParagraphKind, Verdict};

const STYLESHEET: &str = include_str!("../../assets/report/report.css");

/// Scripts and remote loads are blocked; inline styles and `data:` images are allowed.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// How many characters of a claim the summary table shows.
const TABLE_CLAIM_CHARS: usize = 100;

/// The page, written a part at a time: the markup of the whole page is what one `html!`
/// of it would give, cut before and after each paragraph, table row and claim card so
/// that only one part is held at a time.
pub(super) fn render(report: &Report<'_>, mut out: Spill<'_>) -> io::Result<()> {
    let title = report.title();
    let head = html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta http-equiv="Content-Security-Policy" content=(CSP);
            meta name="referrer" content="no-referrer";
            meta name="generator" content="claimdesk";
            title { "Fact-check report: " (title) }
            style { (PreEscaped(stylesheet())) }
        }
    };
    emit(&mut out, &DOCTYPE.into_string());
    emit(&mut out, "<html lang=\"en\">");
    emit(&mut out, &head.into_string());
    emit(&mut out, "<body><main>");
    emit(&mut out, &header(report).into_string());
    summary(report, &mut out)?;
    article(report, &mut out)?;
    details(report, &mut out)?;
    emit(&mut out, &footer(report).into_string());
    emit(&mut out, "</main></body></html>\n");
    out.finish()
}

/// Adds a part of the page, with [`break_lines`]'s line breaks.
fn emit(out: &mut Spill<'_>, markup: &str) {
    let line_start = out.at_line_start();
    break_lines_into(markup, line_start, out.text());
}

/// Block-level tags that start a new line in the output, so the file reads and diffs well.
const LINE_TAGS: [&str; 24] = [
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "footer",
    "section",
    "h1",
    "h2",
    "h3",
    "p",
    "dl",
    "dt",
    "dd",
    "ul",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "article",
    "blockquote",
];

/// Puts a line break before each opening tag in [`LINE_TAGS`]. Only markup is touched:
/// maud escapes `<` in every text and attribute value, so a raw `<` always opens a tag.
/// The breaks fall between block elements, where whitespace does not show.
#[cfg(test)]
fn break_lines(html: &str) -> String {
    let mut out = String::new();
    break_lines_into(html, true, &mut out);
    out
}

/// [`break_lines`] of `html`, added to `out`; `line_start` says whether the output
/// before `out` is empty or ends a line.
fn break_lines_into(html: &str, line_start: bool, out: &mut String) {
    out.reserve(html.len() + html.len() / 16);
    let at_line_start = |out: &String| match out.as_bytes().last() {
        Some(&b) => b == b'\n',
        None => line_start,
    };
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tag = &rest[i + 1..];
        let name_len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        if LINE_TAGS.contains(&&tag[..name_len]) && !at_line_start(out) {
            out.push('\n');
        }
        out.push('<');
        rest = tag;
    }
    out.push_str(rest);
}

/// The stylesheet with one rule per verdict: `.v-verified { --v: …; --vt: … }`.
fn stylesheet() -> String {
    let mut css = String::from(STYLESHEET);
    for verdict in Verdict::ALL {
        let [r, g, b] = verdict.rgb();
        let _ = writeln!(
            css,
            ".v-{} {{ --v: rgb({r} {g} {b}); --vt: rgb({r} {g} {b} / 0.38); }}",
            verdict.as_str()
        );
    }
    css
}

fn verdict_class(verdict: Verdict) -> String {
    format!("v-{}", verdict.as_str())
}

fn badge(verdict: Verdict) -> Markup {
    html! { span class={ "badge " (verdict_class(verdict)) } { (verdict.label()) } }
}

fn header(report: &Report<'_>) -> Markup {
    let article = &report.project.article;
    let options = report.options;
    let file = view::file_name(article.path.as_deref());
    let rows = [
        ("Byline", article.byline.clone()),
        ("Published", article.published.clone()),
        ("Site", article.site.clone()),
        ("Article URL", article.url.clone()),
        ("File", file),
        ("Prepared by", options.reviewer.clone()),
        ("Report URL", options.url.clone()),
    ];
    let rows: Vec<(&str, String)> = rows
        .into_iter()
        .chain(
            view::fetched_rows(article)
                .into_iter()
                .map(|(l, v)| (l, Some(v))),
        )
        .filter_map(|(label, value)| value.filter(|v| !v.trim().is_empty()).map(|v| (label, v)))
        .collect();
    let kicker = match options
        .organization
        .as_deref()
        .filter(|o| !o.trim().is_empty())
    {
        Some(org) => format!("Fact-check report · {}", one_line(org)),
        None => "Fact-check report".to_owned(),
    };
    html! {
        header {
            p.kicker { (kicker) }
            h1 { (report.title()) }
            @if !rows.is_empty() || options.generated_at.is_some() {
                dl.meta {
                    @for (label, value) in &rows {
                        dt { (label) } dd { (value) }
                    }
                    @if let Some(at) = options.generated_at {
                        dt { "Generated" }
                        dd { time datetime=(at.to_string()) { (view::human_time(at)) } }
                    }
                }
            }
        }
    }
}

fn summary(report: &Report<'_>, out: &mut Spill<'_>) -> io::Result<()> {
    let tally = &report.tally;
    let order = Verdict::ALL[1..].iter().chain([&Verdict::Unreviewed]);
    let top = html! {
        h2 { "Summary" }
        p.tally { (tally.summary()) }
        ul.counts {
            @for verdict in order {
                li { (badge(*verdict)) span.n { (tally.count(*verdict)) } }
            }
        }
        @if let Some(note) = report.filter_note() {
            p.filter { (note) }
        }
        @if let Some(note) = report.orphan_note() {
            p.filter { a href="#orphans" { (note) } }
        }
        @if report.entries.is_empty() {
            p { "No claims." }
        }
    };
    emit(out, "<section id=\"summary\">");
    emit(out, &top.into_string());
    if !report.entries.is_empty() {
        let head = html! {
            thead { tr { th { "#" } th { "Verdict" } th { "Claim" } th { "Source" } } }
        };
        emit(out, "<table class=\"claims\">");
        emit(out, &head.into_string());
        emit(out, "<tbody>");
        for entry in &report.entries {
            emit(out, &summary_row(entry).into_string());
            out.spill()?;
        }
        emit(out, "</tbody></table>");
    }
    emit(out, "</section>");
    Ok(())
}

fn summary_row(entry: &Entry<'_>) -> Markup {
    let id = entry.claim.id.to_string();
    let href = format!("#{id}");
    html! {
        tr {
            td.id { a href=(href) { (id) } }
            td.verdict { (badge(entry.claim.review.verdict)) }
            td.claim {
                @match entry.text {
                    Some(text) => a href=(href) { (shorten(&one_line(text), TABLE_CLAIM_CHARS)) },
                    None => span.stale { "(text no longer found in the article)" },
                }
            }
            td.source { (if entry.source.is_some() { entry.source_name() } else { "—" }) }
        }
    }
}

fn article(report: &Report<'_>, out: &mut Spill<'_>) -> io::Result<()> {
    emit(
        out,
        "<section id=\"article\"><h2>Article</h2><div class=\"article\">",
    );
    for block in highlight::blocks(report) {
        emit(out, &paragraph(report, &block).into_string());
        out.spill()?;
    }
    emit(out, "</div></section>");
    Ok(())
}

fn paragraph(report: &Report<'_>, block: &Block<'_>) -> Markup {
    let pieces = html! {
        @for piece in &block.pieces {
            (piece_markup(report, piece))
        }
    };
    html! {
        @if block.kind == ParagraphKind::Heading {
            h3 { (pieces) }
        } @else {
            p { (pieces) }
        }
    }
}

fn piece_markup(report: &Report<'_>, piece: &Piece<'_>) -> Markup {
    let entry = |i: usize| &report.entries[i];
    html! {
        @for &i in &piece.starts {
            span id={ "a-" (entry(i).claim.id) } {}
        }
        @if let Some(&inner) = piece.claims.first() {
            @let claim = entry(inner).claim;
            @let title = piece
                .claims
                .iter()
                .map(|&i| format!("{} · {}", entry(i).claim.id, entry(i).claim.review.verdict.label()))
                .collect::<Vec<_>>()
                .join("; ");
            @let multi = if piece.claims.len() > 1 { " multi" } else { "" };
            a class={ "hl " (verdict_class(claim.review.verdict)) (multi) }
                href={ "#" (claim.id) } title=(title) { (piece.text) }
        } @else {
            (piece.text)
        }
        @for &i in &piece.ends {
            sup.ref { a href={ "#" (entry(i).claim.id) } { (entry(i).claim.id) } }
        }
    }
}

fn details(report: &Report<'_>, out: &mut Spill<'_>) -> io::Result<()> {
    if !report.entries.is_empty() {
        emit(out, "<section id=\"details\"><h2>Claims in detail</h2>");
        for entry in &report.entries {
            emit(out, &claim_card(report, entry).into_string());
            out.spill()?;
        }
        emit(out, "</section>");
    }
    if !report.orphans.is_empty() {
        let top = html! {
            h2 { "Orphaned claims" }
            p { "The article was corrected and these passages are no longer in its text; each claim keeps its review." }
        };
        emit(out, "<section id=\"orphans\">");
        emit(out, &top.into_string());
        for entry in &report.orphans {
            emit(out, &claim_card(report, entry).into_string());
            out.spill()?;
        }
        emit(out, "</section>");
    }
    Ok(())
}

fn claim_card(report: &Report<'_>, entry: &Entry<'_>) -> Markup {
    let claim = entry.claim;
    let review = &claim.review;
    let verdict = verdict_class(review.verdict);
    let reviewer = review.reviewer.as_deref().filter(|r| !r.trim().is_empty());
    html! {
        article class={ "claim-card " (verdict) } id=(claim.id.to_string()) {
            header {
                h3 { a href={ "#" (claim.id) } { (claim.id) } }
                (badge(review.verdict))
                span.kind { (claim.kind.label()) }
                @if let Some(page) = &entry.page {
                    span.page { (page) }
                }
            }
            @match entry.text {
                Some(text) if entry.orphan.is_some() => {
                    blockquote { mark { (one_line(text)) } }
                    p.stale { "(no longer in the article)" }
                }
                Some(text) => {
                    @let c = context(report.text(), claim.span, CONTEXT_WORDS);
                    blockquote {
                        @if c.more_before { "…" }
                        (view::one_line_keep_edges(c.before))
                        mark { (one_line(text)) }
                        (view::one_line_keep_edges(c.after))
                        @if c.more_after { "…" }
                    }
                }
                None => p.stale { "(text no longer found in the article)" },
            }
            dl {
                dt { "Source" }
                dd {
                    @match entry.source {
                        Some(source) => {
                            (source.shown_name())
                            @if let Some(role) = source.role.as_deref().filter(|r| !r.trim().is_empty()) {
                                ", " (role)
                            }
                            " (" (source.kind.as_str()) ")"
                        }
                        None => "none",
                    }
                }
                @if let Some(cue) = &claim.cue {
                    dt { "Cue" }
                    dd.cue {
                        (cue.text)
                        @if let Some(class) = cue.class { " (" (class.as_str()) ")" }
                    }
                }
                @if let Some(reported) = &claim.reported_in {
                    dt { "Reported in" } dd.reported-in { (one_line(&reported.text)) }
                }
                dt { "Score" } dd { (format!("{:.2}", claim.score)) }
                @if reviewer.is_some() || review.reviewed_at.is_some() {
                    dt { "Reviewed" }
                    dd {
                        @if let Some(who) = reviewer { (who) }
                        @if reviewer.is_some() && review.reviewed_at.is_some() { ", " }
                        @if let Some(at) = review.reviewed_at {
                            time datetime=(at.to_string()) { (view::human_time(at)) }
                        }
                    }
                }
                @if !review.note.trim().is_empty() {
                    dt { "Note" } dd.note { (review.note.trim()) }
                }
                @if !review.evidence.is_empty() {
                    dt { "Evidence" }
                    dd {
                        ul.evidence {
                            @for evidence in &review.evidence {
                                li { (evidence_item(&evidence.url, &evidence.title, &evidence.note)) }
                            }
                        }
                    }
                }
            }
            p.back {
                a href="#summary" { "↑ Summary" }
                @if entry.text.is_some() && entry.orphan.is_none() && !claim.span.is_empty() {
                    " · " a href={ "#a-" (claim.id) } { "In the article" }
                }
            }
        }
    }
}

fn evidence_item(url: &str, title: &str, note: &str) -> Markup {
    let shown = view::evidence_title(title, url);
    let url = url.trim();
    html! {
        @if view::is_web_link(url) {
            a href=(url) rel="noopener noreferrer" { (shown) }
        } @else {
            (shown)
            @if !url.is_empty() && !title.trim().is_empty() {
                " " span.url { "(" (url) ")" }
            }
        }
        @if !note.trim().is_empty() {
            " — " (one_line(note))
        }
    }
}

fn footer(report: &Report<'_>) -> Markup {
    let options = report.options;
    html! {
        footer {
            "Made with claimdesk"
            @if let Some(org) = options.organization.as_deref().filter(|o| !o.trim().is_empty()) {
                " for " (one_line(org))
            }
            @if let Some(at) = options.generated_at {
                " on " (view::human_time(at))
            }
            ". Claims are highlighted in the article in their verdict's colour; text inside more than one claim is shaded darker."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Project};
    use crate::report::Options;

    #[test]
    fn stylesheet_has_a_rule_per_verdict_in_the_app_colours() {
        let css = stylesheet();
        assert!(css.contains(".v-verified { --v: rgb(110 200 120);"));
        assert!(css.contains(".v-needs_context { --v: rgb(245 160 70);"));
        assert!(!css.contains("url("), "nothing may be fetched");
        assert!(!css.contains("</"));
    }

    #[test]
    fn article_text_is_escaped() {
        let project = Project::new(
            Article::from_text("<i>T</i>", "a < b & \"c\""),
            vec![],
            vec![],
        );
        let html =
            crate::report::render(&project, crate::report::Format::Html, &Options::default())
                .unwrap_or_default();
        assert!(
            html.contains("<p>a &lt; b &amp; &quot;c&quot;</p>"),
            "{html}"
        );
        assert!(html.contains("<title>Fact-check report: &lt;i&gt;T&lt;/i&gt;</title>"));
    }

    #[test]
    fn line_breaks_go_before_block_tags_only() {
        let html = "<main><h1>A &lt;p&gt; b</h1><p>x <a href=\"#c1\">c1</a></p><pre></pre></main>";
        assert_eq!(
            break_lines(html),
            "\n<main>\n<h1>A &lt;p&gt; b</h1>\n<p>x <a href=\"#c1\">c1</a></p><pre></pre></main>"
                .trim_start()
        );
    }

    #[test]
    fn a_page_written_in_many_parts_breaks_lines_as_one_would() {
        use crate::model::{Claim, ClaimId, ClaimKind, Origin, Review, Span};
        let mut text = String::new();
        let mut claims = Vec::new();
        for i in 0..3000u32 {
            let start = text.len();
            let _ = write!(text, "Berth {i} <reopened> & was \"cleared\" on Monday.");
            claims.push(Claim {
                id: ClaimId(i + 1),
                span: Span::new(start, text.len()),
                kind: ClaimKind::Fact,
                source: None,
                cue: None,
                reported_in: None,
                score: 0.5,
                reasons: crate::model::Reasons::new(),
                origin: Origin::Extracted,
                review: Review::default(),
            });
            text.push_str(if i % 3 == 2 { "\n" } else { " " });
        }
        let project = Project::new(
            Article::from_text("Berths", text.trim_end()),
            vec![],
            claims,
        );
        let html =
            crate::report::render(&project, crate::report::Format::Html, &Options::default())
                .unwrap_or_default();
        assert!(html.len() > 8 * 64 * 1024, "written in many parts");
        assert!(html.ends_with("</main></body></html>\n"));
        let mut opened = 0;
        for (at, _) in html.match_indices('<').skip(1) {
            let tag = &html[at + 1..];
            let name_len = tag
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(tag.len());
            if LINE_TAGS.contains(&&tag[..name_len]) {
                opened += 1;
                assert_eq!(&html[at - 1..at], "\n", "before {tag:.40}");
                assert_ne!(&html[at.saturating_sub(2)..at], "\n\n");
            }
        }
        assert!(opened > 3 * 3000, "a row, a card and its parts per claim");
    }

    #[test]
    fn javascript_evidence_is_not_a_link() {
        let html = evidence_item("javascript:alert(1)", "click", "").into_string();
        assert_eq!(
            html,
            "click <span class=\"url\">(javascript:alert(1))</span>"
        );
        let html = evidence_item("https://example.org/a?b=1&c=2", "", "n").into_string();
        assert_eq!(
            html,
            "<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">https://example.org/a?b=1&amp;c=2</a> — n"
        );
    }
}
