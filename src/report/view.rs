//! What every format shows, worked out once: the claims that go into the report (after
//! `reviewed_only`), their text and source, and small text helpers shared by the formats.

use std::borrow::Cow;

use jiff::Timestamp;

use super::Options;
use crate::model::{Claim, Orphan, Project, Source, Span, Tally, Verdict};

/// How a source with an empty name is shown (the extractor's agentless "are reported to").
pub use crate::model::UNNAMED_SOURCE;

/// A project prepared for rendering.
pub(super) struct Report<'a> {
    pub project: &'a Project,
    pub options: &'a Options,
    /// The claims in the report, in text order.
    pub entries: Vec<Entry<'a>>,
    /// The orphans in the report (claims no longer in the text), each with its quote as
    /// `text`; listed after the claims in every format.
    pub orphans: Vec<Entry<'a>>,
    /// Counts per verdict over `entries`.
    pub tally: Tally,
}

/// One claim of the report.
pub(super) struct Entry<'a> {
    pub claim: &'a Claim,
    /// The claim's text, or `None` when its span no longer fits the article.
    pub text: Option<&'a str>,
    pub source: Option<&'a Source>,
    /// Set for an orphan: its spans index an older text, never this one.
    pub orphan: Option<&'a Orphan>,
    /// "p. 14" when the article came from a PDF and the claim's text still fits.
    pub page: Option<String>,
}

impl<'a> Report<'a> {
    pub fn new(project: &'a Project, options: &'a Options) -> Self {
        let article = &project.article.text;
        let entries: Vec<Entry<'a>> = project
            .claims
            .iter()
            .filter(|c| !options.reviewed_only || c.review.verdict.is_reviewed())
            .map(|claim| {
                let text = claim.span.slice(article);
                Entry {
                    claim,
                    text,
                    source: project.claim_source(claim),
                    orphan: None,
                    page: text.and_then(|_| project.article.page_citation(claim.span)),
                }
            })
            .collect();
        let orphans: Vec<Entry<'a>> = project
            .orphans
            .iter()
            .filter(|o| !options.reviewed_only || o.claim.review.verdict.is_reviewed())
            .map(|orphan| Entry {
                claim: &orphan.claim,
                text: Some(orphan.quote.as_str()),
                source: project.claim_source(&orphan.claim),
                orphan: Some(orphan),
                page: None,
            })
            .collect();
        let tally = tally(entries.iter().map(|e| e.claim.review.verdict));
        Report {
            project,
            options,
            entries,
            orphans,
            tally,
        }
    }

    pub fn text(&self) -> &'a str {
        &self.project.article.text
    }

    /// The report's title: the article's, or "Untitled article".
    pub fn title(&self) -> &'a str {
        self.project.display_title()
    }

    /// "2 claims are no longer in the article text (it was corrected); they are listed
    /// at the end with their reviews." when there are orphans.
    pub fn orphan_note(&self) -> Option<String> {
        let n = self.orphans.len();
        (n > 0).then(|| {
            let (claims, are, they) = if n == 1 {
                ("claim is", "its", "it is")
            } else {
                ("claims are", "their", "they are")
            };
            format!(
                "{n} {claims} no longer in the article text (it was corrected); {they} \
                 listed at the end as orphans with {are} review{}.",
                if n == 1 { "" } else { "s" }
            )
        })
    }

    /// "Showing the 5 reviewed claims of 12." when claims were left out.
    pub fn filter_note(&self) -> Option<String> {
        let all = self.project.claims.len();
        let shown = self.entries.len();
        (self.options.reviewed_only && shown < all).then(|| {
            let s = if shown == 1 { "" } else { "s" };
            format!("Showing the {shown} reviewed claim{s} of {all}.")
        })
    }
}

impl Entry<'_> {
    /// The source's name, [`UNNAMED_SOURCE`] for an empty one, "" without a source.
    pub fn source_name(&self) -> &str {
        self.source.map_or("", Source::shown_name)
    }

    pub fn source_role(&self) -> &str {
        self.source.and_then(|s| s.role.as_deref()).unwrap_or("")
    }
}

fn tally(verdicts: impl Iterator<Item = Verdict>) -> Tally {
    let mut t = Tally::default();
    for v in verdicts {
        t.total += 1;
        *match v {
            Verdict::Unreviewed => &mut t.unreviewed,
            Verdict::Verified => &mut t.verified,
            Verdict::Disputed => &mut t.disputed,
            Verdict::NeedsContext => &mut t.needs_context,
            Verdict::Unverifiable => &mut t.unverifiable,
        } += 1;
    }
    t
}

/// Words of article text around a claim, within its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Context<'a> {
    pub before: &'a str,
    pub after: &'a str,
    /// The line goes on before `before` / after `after`.
    pub more_before: bool,
    pub more_after: bool,
}

/// How many words of context the Markdown and HTML reports show on each side.
pub(super) const CONTEXT_WORDS: usize = 8;

/// Up to `words` words on each side of `span` (a valid span of `text`), stopping at line
/// breaks. Whitespace next to the claim is kept, so `before + claim + after` reads as in
/// the article.
pub(super) fn context(text: &str, span: Span, words: usize) -> Context<'_> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let before_all = &text[line_start..span.start];
    let after_all = &text[span.end..line_end];

    // Walk back over `words` word starts.
    let mut cut = 0;
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in before_all.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    cut = i + c.len_utf8();
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    let before = &before_all[cut..];
    let more_before = !before_all[..cut].trim().is_empty();

    let mut end = after_all.len();
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in after_all.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    end = i;
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    let after = &after_all[..end];
    let more_after = !after_all[end..].trim().is_empty();

    Context {
        before,
        after,
        more_before,
        more_after,
    }
}

/// Runs of whitespace (line breaks included) as single spaces, ends trimmed.
pub(super) fn one_line(text: &str) -> Cow<'_, str> {
    let trimmed = text.trim();
    let clean = !trimmed
        .char_indices()
        .any(|(i, c)| c.is_whitespace() && (c != ' ' || trimmed[i + 1..].starts_with(' ')));
    if clean {
        return Cow::Borrowed(trimmed);
    }
    Cow::Owned(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// [`one_line`] but keeping a single space at either end where `text` has whitespace
/// there, for context text placed right next to a claim.
pub(super) fn one_line_keep_edges(text: &str) -> String {
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
        " "
    } else {
        ""
    };
    format!("{lead}{}{trail}", one_line(text))
}

/// At most `max` characters of `text`, with "…" when cut.
pub(super) fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((i, _)) => Cow::Owned(format!("{}…", text[..i].trim_end())),
    }
}

/// Code point offsets of byte offsets that mostly come in increasing order (claims in
/// text order): each lookup counts on from the previous one, so a whole report costs one
/// pass over the text, not one per claim.
pub(super) struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The number of code points before byte `offset` (a char boundary) of the text.
    pub fn at(&mut self, offset: usize) -> usize {
        if !self.text.is_char_boundary(offset) {
            return char_offset(self.text, offset);
        }
        if offset < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += char_offset(&self.text[self.byte..], offset - self.byte);
        self.byte = offset;
        self.chars
    }
}

/// The number of Unicode code points before byte `offset` (a char boundary) of `text`.
pub(super) fn char_offset(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(0, |s| s.chars().count())
}

/// The article file's name without its folders, for reports people read (the folders
/// are the editor's own business; the JSON report keeps the whole path).
pub(super) fn file_name(path: Option<&std::path::Path>) -> Option<String> {
    let path = path?;
    let name = path.file_name().unwrap_or(path.as_os_str());
    Some(name.to_string_lossy().into_owned())
}

/// Which version of a fetched page was checked, as (label, value) rows for a report's
/// header: when it was fetched, from where (after redirects), and the hash of the bytes.
pub(super) fn fetched_rows(article: &crate::model::Article) -> Vec<(&'static str, String)> {
    let Some(f) = &article.fetched else {
        return Vec::new();
    };
    let mut rows = vec![("Fetched", human_time(f.fetched_at))];
    if article.url.as_deref() != Some(f.final_url.as_str()) {
        rows.push(("Fetched from URL", f.final_url.clone()));
    }
    if f.url != f.final_url {
        rows.push(("Requested URL", f.url.clone()));
    }
    if !f.redirects.is_empty() {
        let n = f.redirects.len();
        rows.push((
            "Redirects",
            format!("{n} redirect{}", if n == 1 { "" } else { "s" }),
        ));
    }
    rows.push((
        "Fetched page SHA-256",
        format!("{} ({} bytes)", f.sha256, f.bytes),
    ));
    rows
}

/// "2026-03-02 09:30 UTC", for people.
pub(super) fn human_time(at: Timestamp) -> String {
    at.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

/// True for links a report may make clickable: `http:`, `https:` and `mailto:` URLs. Any
/// other scheme (`javascript:`, `data:`, `file:`) is shown as text only.
pub(super) fn is_web_link(url: &str) -> bool {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    let scheme = scheme.to_ascii_lowercase();
    let ok_scheme = match scheme.as_str() {
        "http" | "https" => rest.starts_with("//") && rest.len() > 2,
        "mailto" => !rest.is_empty(),
        _ => false,
    };
    ok_scheme && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// True for an absolute `http:` or `https:` URL with a host and no whitespace or control
/// characters: the only URLs published as links in ClaimReview and Web Annotations (a
/// `javascript:` or `data:` URL would run or load in whatever shows them).
pub fn is_http_url(url: &str) -> bool {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The title to show for a piece of evidence: its title, else its URL.
pub(super) fn evidence_title(title: &str, url: &str) -> String {
    let title = one_line(title);
    if title.is_empty() {
        one_line(url).into_owned()
    } else {
        title.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap_or(0);
        Span::new(start, start + needle.len())
    }

    #[test]
    fn context_takes_words_on_each_side_within_the_line() {
        let text = "Intro line.\nOne two three four five CLAIM six seven eight nine.\nNext.";
        let c = context(text, span_of(text, "CLAIM"), 3);
        assert_eq!(c.before, "three four five ");
        assert_eq!(c.after, " six seven eight");
        assert!(c.more_before && c.more_after);
    }

    #[test]
    fn context_at_the_ends_of_a_line_is_not_marked_as_cut() {
        let text = "Two words CLAIM end.";
        let c = context(text, span_of(text, "CLAIM"), 8);
        assert_eq!((c.before, c.after), ("Two words ", " end."));
        assert!(!c.more_before && !c.more_after);
        let c = context("CLAIM", Span::new(0, 5), 8);
        assert_eq!((c.before, c.after), ("", ""));
    }

    #[test]
    fn context_handles_multibyte_text() {
        let text = "Café — «crème» 🎉 CLAIM déjà vu — 🎉 fin";
        let c = context(text, span_of(text, "CLAIM"), 2);
        assert_eq!(c.before, "«crème» 🎉 ");
        assert_eq!(c.after, " déjà vu");
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(one_line(" a\n\tb  c "), "a b c");
        assert!(matches!(one_line("a b"), Cow::Borrowed("a b")));
    }

    #[test]
    fn one_line_keep_edges_keeps_one_space_at_each_end() {
        assert_eq!(one_line_keep_edges("\n  the  vote\t"), " the vote ");
        assert_eq!(one_line_keep_edges("said."), "said.");
        assert_eq!(one_line_keep_edges("  "), " ");
    }

    #[test]
    fn shorten_cuts_on_chars() {
        assert_eq!(shorten("déjà vu", 4), "déjà…");
        assert_eq!(shorten("déjà", 4), "déjà");
    }

    #[test]
    fn char_counter_agrees_with_char_offset_in_any_order() {
        let text = "é🎉x déjà — vu";
        let mut counter = CharCounter::new(text);
        for offset in [0, 2, 6, 7, 3, 15, 1, 99, text.len()] {
            assert_eq!(counter.at(offset), char_offset(text, offset), "{offset}");
        }
    }

    #[test]
    fn char_offset_counts_code_points() {
        assert_eq!(char_offset("é🎉x", "é🎉".len()), 2);
        assert_eq!(char_offset("é", 1), 0);
    }

    #[test]
    fn only_web_links_are_clickable() {
        assert!(is_web_link("https://example.org/a"));
        assert!(is_web_link("HTTP://example.org"));
        assert!(is_web_link("mailto:desk@example.org"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("JaVaScRiPt:alert(1)"));
        assert!(!is_web_link("data:text/html,<b>"));
        assert!(!is_web_link("https://"));
        assert!(!is_web_link("example.org"));
        assert!(!is_web_link("https://a.org/x y"));
    }

    #[test]
    fn only_http_urls_are_published() {
        assert!(is_http_url("https://example.org/a"));
        assert!(is_http_url("HTTP://example.org"));
        assert!(!is_http_url("javascript:alert(1)"));
        assert!(!is_http_url("data:text/html,x"));
        assert!(!is_http_url("mailto:desk@example.org"));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("https:///path"));
        assert!(!is_http_url("https://a.org/\u{1b}x"));
    }
}
