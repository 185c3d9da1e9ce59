//! The Markdown report ([`Format::Markdown`](super::Format::Markdown) documents it).

use std::fmt::Write as _;
use std::io;

use super::sink::Spill;

use super::view::{self, CONTEXT_WORDS, Entry, Report, context, one_line, shorten};
use crate::model::Verdict;

/// How many characters of a claim the table shows.
const TABLE_CLAIM_CHARS: usize = 100;

pub(super) fn render(report: &Report<'_>, mut out: Spill<'_>) -> io::Result<()> {
    header(report, out.text());
    summary(report, out.text());
    table(report, &mut out)?;
    if !report.entries.is_empty() {
        out.text().push_str("\n## Details\n");
        for entry in &report.entries {
            details(report, entry, out.text());
            out.spill()?;
        }
    }
    if !report.orphans.is_empty() {
        out.text().push_str(
            "\n## Orphaned claims\n\nThe article was corrected and these passages are no \
             longer in its text; each claim keeps its review.\n",
        );
        for entry in &report.orphans {
            details(report, entry, out.text());
            out.spill()?;
        }
    }
    out.finish()
}

fn header(report: &Report<'_>, out: &mut String) {
    let article = &report.project.article;
    let options = report.options;
    let _ = writeln!(out, "# Fact-check report: {}\n", inline(report.title()));
    let file = view::file_name(article.path.as_deref());
    let generated = options.generated_at.map(view::human_time);
    let rows = [
        ("Byline", article.byline.as_deref()),
        ("Published", article.published.as_deref()),
        ("Site", article.site.as_deref()),
        ("Article URL", article.url.as_deref()),
        ("File", file.as_deref()),
        ("Organization", options.organization.as_deref()),
        ("Prepared by", options.reviewer.as_deref()),
        ("Report URL", options.url.as_deref()),
        ("Generated", generated.as_deref()),
    ];
    let fetched = view::fetched_rows(article);
    let fetched = fetched
        .iter()
        .map(|(label, value)| (*label, Some(value.as_str())));
    let mut any = false;
    for (label, value) in rows.into_iter().chain(fetched) {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            let shown = if label.ends_with("URL") {
                url_text(value)
            } else {
                inline(value)
            };
            let _ = writeln!(out, "- **{label}:** {shown}");
            any = true;
        }
    }
    if any {
        out.push('\n');
    }
}

fn summary(report: &Report<'_>, out: &mut String) {
    let tally = &report.tally;
    let _ = writeln!(out, "## Summary\n\n{}.", tally.summary());
    if let Some(note) = report.filter_note() {
        let _ = writeln!(out, "{note}");
    }
    if let Some(note) = report.orphan_note() {
        let _ = writeln!(out, "{note}");
    }
    out.push_str("\n| Verdict | Claims |\n|:--|--:|\n");
    for verdict in Verdict::ALL[1..].iter().chain([&Verdict::Unreviewed]) {
        let _ = writeln!(out, "| {} | {} |", verdict.label(), tally.count(*verdict));
    }
    let _ = writeln!(out, "| **Total** | **{}** |", tally.total);
}

fn table(report: &Report<'_>, spill: &mut Spill<'_>) -> io::Result<()> {
    let out = spill.text();
    out.push_str("\n## Claims\n\n");
    if report.entries.is_empty() {
        out.push_str("No claims.\n");
        return Ok(());
    }
    out.push_str("| # | Verdict | Claim | Source |\n|:--|:--|:--|:--|\n");
    for entry in &report.entries {
        let out = spill.text();
        let claim = entry.claim;
        let text = match entry.text {
            Some(text) => inline(&shorten(&one_line(text), TABLE_CLAIM_CHARS)),
            None => STALE.to_owned(),
        };
        let _ = writeln!(
            out,
            "| [{id}](#claim-{id}) | {} | {text} | {} |",
            claim.review.verdict.label(),
            if entry.source.is_some() {
                inline(entry.source_name())
            } else {
                "—".to_owned()
            },
            id = claim.id,
        );
        spill.spill()?;
    }
    Ok(())
}

const STALE: &str = "*(text no longer found in the article)*";

fn details(report: &Report<'_>, entry: &Entry<'_>, out: &mut String) {
    let claim = entry.claim;
    let review = &claim.review;
    let _ = writeln!(out, "\n### Claim {}\n", claim.id);
    match entry.text {
        Some(text) if entry.orphan.is_some() => {
            let _ = writeln!(
                out,
                "> **{}**\n\n*(no longer in the article)*\n",
                inline(text)
            );
        }
        Some(text) => {
            let c = context(report.text(), claim.span, CONTEXT_WORDS);
            let _ = writeln!(
                out,
                "> {}{}**{}**{}{}\n",
                if c.more_before { "…" } else { "" },
                inline_keep_edges(c.before),
                inline(text),
                inline_keep_edges(c.after),
                if c.more_after { "…" } else { "" },
            );
        }
        None => {
            let _ = writeln!(out, "{STALE}\n");
        }
    }
    let _ = writeln!(out, "- **Verdict:** {}", review.verdict.label());
    let _ = writeln!(out, "- **Kind:** {}", claim.kind.label());
    if let Some(page) = &entry.page {
        let _ = writeln!(out, "- **Page:** {page}");
    }
    if let Some(source) = entry.source {
        let mut line = inline(source.shown_name());
        if let Some(role) = source.role.as_deref().filter(|r| !r.trim().is_empty()) {
            let _ = write!(line, ", {}", inline(role));
        }
        let _ = writeln!(out, "- **Source:** {line} ({})", source.kind.as_str());
    } else {
        out.push_str("- **Source:** none\n");
    }
    if let Some(cue) = &claim.cue {
        match cue.class {
            Some(class) => {
                let _ = writeln!(out, "- **Cue:** {} ({class})", inline(&cue.text));
            }
            None => {
                let _ = writeln!(out, "- **Cue:** {}", inline(&cue.text));
            }
        }
    }
    if let Some(reported) = &claim.reported_in {
        let _ = writeln!(out, "- **Reported in:** {}", inline(&reported.text));
    }
    let reviewer = review.reviewer.as_deref().filter(|r| !r.trim().is_empty());
    let reviewed = match (reviewer, review.reviewed_at) {
        (Some(who), Some(at)) => Some(format!("{}, {}", inline(who), view::human_time(at))),
        (Some(who), None) => Some(inline(who)),
        (None, Some(at)) => Some(view::human_time(at)),
        (None, None) => None,
    };
    if let Some(reviewed) = reviewed {
        let _ = writeln!(out, "- **Reviewed:** {reviewed}");
    }
    if !review.note.trim().is_empty() {
        let _ = writeln!(out, "- **Note:** {}", paragraphs(&review.note));
    }
    if !review.evidence.is_empty() {
        out.push_str("- **Evidence:**\n");
        for evidence in &review.evidence {
            let title = inline(&view::evidence_title(&evidence.title, &evidence.url));
            let mut line = if view::is_web_link(&evidence.url) {
                format!("[{title}](<{}>)", link_destination(evidence.url.trim()))
            } else if evidence.url.trim().is_empty() || evidence.title.trim().is_empty() {
                title
            } else {
                format!("{title} ({})", inline(&evidence.url))
            };
            if !evidence.note.trim().is_empty() {
                let _ = write!(line, " — {}", inline(&evidence.note));
            }
            let _ = writeln!(out, "  - {line}");
        }
    }
}

/// Text as one line of inline Markdown that renders as exactly that text: whitespace
/// runs become one space and every character that could start markup (emphasis, code,
/// links, HTML, entities, tables, math, strikethrough) is backslash-escaped, as is a
/// leading `-`, `+` or `1. ` that would start a list.
pub(super) fn inline(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&text, &mut out);
    // A list marker only matters at the start of a line.
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    let after_marker = out.get(digits + 1..).unwrap_or_default();
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    } else if digits > 0
        && out[digits..].starts_with(['.', ')'])
        && (after_marker.is_empty() || after_marker.starts_with(' '))
    {
        out.insert(digits, '\\');
    }
    out
}

/// Like [`inline`] but keeps one space at either end, for text placed next to a claim.
fn inline_keep_edges(text: &str) -> String {
    // `escape_into` leaves spaces alone, so the kept edges pass through as they are.
    let mut out = String::new();
    escape_into(&view::one_line_keep_edges(text), &mut out);
    out
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A note's paragraphs (separated by blank lines) inside a list item.
fn paragraphs(note: &str) -> String {
    let mut parts = Vec::new();
    let mut current = String::new();
    for line in note.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                parts.push(inline(&current));
                current.clear();
            }
        } else {
            current.push(' ');
            current.push_str(line);
        }
    }
    if !current.trim().is_empty() {
        parts.push(inline(&current));
    }
    parts.join("\n\n  ")
}

/// A URL as a Markdown autolink (`<https://…>`, where no escape is needed or processed)
/// when it is a web link that fits one, else as escaped text.
fn url_text(url: &str) -> String {
    let url = url.trim();
    if view::is_web_link(url) && !url.contains(['<', '>']) {
        format!("<{url}>")
    } else {
        inline(url)
    }
}

/// A URL for `(<…>)`: angle brackets and backslashes escaped.
fn link_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if matches!(c, '<' | '>' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_table_and_html_characters() {
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(
            inline("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            inline("*bold* _it_ `code`"),
            "\\*bold\\* \\_it\\_ \\`code\\`"
        );
        assert_eq!(inline("[x](javascript:y)"), "\\[x\\](javascript:y)");
        assert_eq!(inline("&amp; $5-$6"), "\\&amp; \\$5-\\$6");
    }

    #[test]
    fn inline_puts_text_on_one_line() {
        assert_eq!(inline(" two\nlines \n\n"), "two lines");
    }

    #[test]
    fn inline_escapes_list_markers_at_the_start_only() {
        assert_eq!(inline("- not a list"), "\\- not a list");
        assert_eq!(inline("+1"), "\\+1");
        assert_eq!(inline("1984. A year"), "1984\\. A year");
        assert_eq!(inline("7."), "7\\.");
        assert_eq!(inline("2) two"), "2\\) two");
        assert_eq!(inline("3.5 percent"), "3.5 percent");
        assert_eq!(inline("a - b"), "a - b");
    }

    #[test]
    fn notes_keep_paragraphs_inside_the_list_item() {
        assert_eq!(paragraphs("One\ntwo.\n\nThree."), "One two.\n\n  Three.");
    }

    #[test]
    fn urls_are_autolinks_only_when_safe() {
        assert_eq!(
            url_text("https://a.example/x_y?a=1&b=2"),
            "<https://a.example/x_y?a=1&b=2>"
        );
        assert_eq!(url_text("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(
            url_text("https://a.example/<b>"),
            "https://a.example/\\<b\\>"
        );
    }

    #[test]
    fn link_destinations_escape_angle_brackets() {
        assert_eq!(
            link_destination("https://a.org/<x>"),
            "https://a.org/\\<x\\>"
        );
    }
}
