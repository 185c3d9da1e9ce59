//! From positioned lines of a PDF to an article's paragraphs (no PDF parsing here).
//!
//! `pdf.rs` reads each page's text as lines with their position and font size; this
//! module
//! 1. drops running headers and footers: a line at the top or bottom edge of a page whose
//!    text (digits ignored) recurs at an edge of other pages, and bare page numbers there;
//! 2. rebuilds paragraphs: a new one starts after a gap wider than the usual line spacing,
//!    at a first-line indent, at a change of font size, or after a short line that ends a
//!    sentence; a paragraph runs on across a page break unless one of these says not;
//! 3. undoes hyphenation at line ends ("imple-" + "mented" is "implemented");
//! 4. calls a short paragraph in a larger type than the body a heading;
//! 5. records where each page starts in the text, so claims can cite "p. 14".

use std::collections::BTreeMap;

use crate::model::{PageMark, Paragraph, ParagraphKind, Span};

/// One line of text on a page. `y` is the baseline, growing up the page (PDF space).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Line {
    pub(super) text: String,
    pub(super) x: f32,
    pub(super) right: f32,
    pub(super) y: f32,
    pub(super) size: f32,
}

/// The lines of one page, in reading order, and its number (1 = the first page).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Page {
    pub(super) number: u32,
    pub(super) lines: Vec<Line>,
}

/// The rebuilt text.
#[derive(Debug, Default)]
pub(super) struct Layout {
    pub(super) text: String,
    pub(super) paragraphs: Vec<Paragraph>,
    pub(super) pages: Vec<PageMark>,
    /// Running header and footer lines dropped (one per page it was on).
    pub(super) removed: usize,
}

/// Lays out the pages' lines as paragraphs.
pub(super) fn layout(mut pages: Vec<Page>) -> Layout {
    for page in &mut pages {
        for line in &mut page.lines {
            line.text = clean(&line.text);
        }
        page.lines.retain(|l| !l.text.is_empty());
    }
    let removed = remove_running_lines(&mut pages);
    let metrics = Metrics::of(&pages);
    let mut out = Builder::default();
    let mut prev: Option<&Line> = None;
    for page in &pages {
        let mut first_on_page = true;
        for line in &page.lines {
            let breaks = prev.is_none_or(|p| metrics.breaks(p, line, first_on_page));
            if breaks {
                out.end_paragraph(&metrics);
                out.start_paragraph();
            }
            out.push_line(line, first_on_page.then_some(page.number));
            first_on_page = false;
            prev = Some(line);
        }
    }
    out.end_paragraph(&metrics);
    Layout {
        text: out.text,
        paragraphs: out.paragraphs,
        pages: out.pages,
        removed,
    }
}

/// Whitespace collapsed to single spaces, invisible characters dropped, ends trimmed; a
/// soft hyphen at the very end is kept (it marks a word broken across lines).
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else if c == '\u{ad}'
            || !(c.is_control() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{fffd}'))
        {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    // Soft hyphens inside a line are invisible; keep only a final one.
    let ends_soft = out.ends_with('\u{ad}');
    let mut cleaned: String = out.chars().filter(|&c| c != '\u{ad}').collect();
    if ends_soft {
        cleaned.push('\u{ad}');
    }
    cleaned
}

// ---------------------------------------------------------------------------------------
// Running headers and footers

/// A line's text with digits folded, so "Page 3 of 40" and "Page 4 of 40" match.
fn running_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut in_number = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_digit() {
            if !in_number {
                key.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            key.push(c);
        }
    }
    key
}

/// "14", "- 14 -", "Page 14", "page 14 of 80", "xii".
fn is_page_number(text: &str) -> bool {
    let key = running_key(text);
    let key =
        key.trim_matches(|c: char| c == '-' || c == '\u{2013}' || c == '|' || c.is_whitespace());
    matches!(key, "#" | "page #" | "page # of #" | "# of #" | "p. #")
        || (key.len() <= 6 && !key.is_empty() && key.chars().all(|c| "ivxlc".contains(c)))
}

/// The indices of a page's top-most and bottom-most lines (by position), up to `depth`
/// of each, not counting lines already taken.
fn edge_lines(page: &Page, taken: &[usize]) -> [Option<usize>; 2] {
    let free = page
        .lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken.contains(i));
    let mut top: Option<(usize, f32)> = None;
    let mut bottom: Option<(usize, f32)> = None;
    for (i, line) in free {
        if top.is_none_or(|(_, y)| line.y > y) {
            top = Some((i, line.y));
        }
        if bottom.is_none_or(|(_, y)| line.y < y) {
            bottom = Some((i, line.y));
        }
    }
    let bottom = bottom
        .map(|(i, _)| i)
        .filter(|b| Some(*b) != top.map(|(t, _)| t));
    [top.map(|(i, _)| i), bottom]
}

/// Removes running headers and footers (two lines deep at each edge); returns how many
/// lines went.
fn remove_running_lines(pages: &mut [Page]) -> usize {
    let needed = if pages.len() <= 5 { 2 } else { 3 };
    let mut removed = 0;
    let mut taken: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    // A second line deep at an edge only goes when it is a bare page number: body lines
    // folded by digits ("Table 3 shows…") would look repeated too.
    for round in 0..2 {
        let edges: Vec<[Option<usize>; 2]> = pages
            .iter()
            .zip(&taken)
            .map(|(page, taken)| edge_lines(page, taken))
            .collect();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (page, edge) in pages.iter().zip(&edges) {
            let mut keys: Vec<String> = edge
                .iter()
                .flatten()
                .map(|&i| running_key(&page.lines[i].text))
                .collect();
            keys.dedup();
            for key in keys {
                *counts.entry(key).or_default() += 1;
            }
        }
        let mut any = false;
        for ((page, edge), taken) in pages.iter().zip(&edges).zip(&mut taken) {
            if page.lines.len() < 2 {
                continue;
            }
            for &i in edge.iter().flatten() {
                let text = &page.lines[i].text;
                let repeated = counts.get(&running_key(text)).is_some_and(|&n| n >= needed);
                if (round == 0 && repeated && pages.len() >= 2) || is_page_number(text) {
                    taken.push(i);
                    any = true;
                }
            }
        }
        if !any {
            break;
        }
    }
    for (page, taken) in pages.iter_mut().zip(taken) {
        removed += taken.len();
        let mut i = 0;
        page.lines.retain(|_| {
            let keep = !taken.contains(&i);
            i += 1;
            keep
        });
    }
    removed
}

// ---------------------------------------------------------------------------------------
// Paragraphs

/// The document's usual body type: font size, line spacing and margins.
struct Metrics {
    size: f32,
    gap: f32,
    right: f32,
}

/// The most common of some values, rounded to a tenth, weighted.
fn mode(values: impl Iterator<Item = (f32, usize)>) -> Option<f32> {
    let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
    for (v, w) in values {
        if v.is_finite() {
            *counts.entry((v * 10.0).round() as i64).or_default() += w;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(v, n)| (n, std::cmp::Reverse(v)))
        .map(|(v, _)| v as f32 / 10.0)
}

impl Metrics {
    fn of(pages: &[Page]) -> Metrics {
        let lines = || pages.iter().flat_map(|p| &p.lines);
        let size = mode(lines().map(|l| (l.size, l.text.len())))
            .unwrap_or(10.0)
            .max(1.0);
        let body = |l: &Line| (l.size - size).abs() < size * 0.1;
        let gaps = pages.iter().flat_map(|p| {
            p.lines.windows(2).filter_map(move |w| {
                let gap = w[0].y - w[1].y;
                (body(&w[0]) && body(&w[1]) && gap > 0.0 && gap < size * 3.0).then_some((gap, 1))
            })
        });
        let gap = mode(gaps).unwrap_or(size * 1.2);
        let right = mode(
            lines()
                .filter(|l| body(l))
                .map(|l| ((l.right / 5.0).round() * 5.0, 1)),
        )
        .unwrap_or(0.0);
        Metrics { size, gap, right }
    }

    /// Whether `line` starts a new paragraph after `prev`.
    fn breaks(&self, prev: &Line, line: &Line, new_page: bool) -> bool {
        let size = prev.size.max(line.size).max(1.0);
        if (prev.size - line.size).abs() > size * 0.1 {
            return true;
        }
        if !new_page {
            let gap = prev.y - line.y;
            // Moving up the page: a new column or a text box.
            if gap < -size * 0.5 || gap > self.gap * 1.4 {
                return true;
            }
        }
        if line.x > prev.x + size * 0.8 {
            return true;
        }
        // Across a page break the last line's length says little (a paragraph often
        // ends near the margin); a finished sentence followed by a capital starts anew.
        if new_page
            && ends_sentence(&prev.text)
            && line
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '\u{201c}'))
        {
            return true;
        }
        let short =
            self.right > 0.0 && prev.right < self.right - (self.right - prev.x).abs() * 0.12;
        short && ends_sentence(&prev.text)
    }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\u{201d}', '\u{2019}', ')', '\''])
        .ends_with(['.', '!', '?', ':'])
}

/// Joins lines into paragraphs of the text, one blank line between paragraphs.
#[derive(Default)]
struct Builder {
    text: String,
    paragraphs: Vec<Paragraph>,
    pages: Vec<PageMark>,
    open: Option<OpenParagraph>,
}

struct OpenParagraph {
    /// Where the separator before it starts (the text's length before it).
    separator: usize,
    start: usize,
    /// Its largest type size and its line count.
    size: f32,
    lines: usize,
}

impl Builder {
    fn start_paragraph(&mut self) {
        let separator = self.text.len();
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.open = Some(OpenParagraph {
            separator,
            start: self.text.len(),
            size: 0.0,
            lines: 0,
        });
    }

    /// Adds a line; `page` is the page's number when it is the first line of a page.
    fn push_line(&mut self, line: &Line, page: Option<u32>) {
        let Some(open) = &mut self.open else {
            return;
        };
        open.size = open.size.max(line.size);
        open.lines += 1;
        if self.text.len() > open.start {
            if self.text.ends_with('\u{ad}') || dehyphenates(&self.text, &line.text) {
                self.text.pop();
            } else if !ends_with_word_hyphen(&self.text) {
                self.text.push(' ');
            }
        }
        if let Some(page) = page
            && self.pages.last().is_none_or(|m| m.page != page)
        {
            self.pages.push(PageMark {
                start: self.text.len(),
                page,
            });
        }
        self.text.push_str(&line.text);
    }

    fn end_paragraph(&mut self, metrics: &Metrics) {
        let Some(open) = self.open.take() else {
            return;
        };
        if self.text.ends_with('\u{ad}') {
            self.text.pop();
        }
        let end = self.text.len();
        if end == open.start {
            self.text.truncate(open.separator);
            return;
        }
        let body = self.text.get(open.start..end).unwrap_or_default();
        let heading =
            open.size > metrics.size * 1.15 && open.lines <= 3 && body.chars().count() <= 200;
        self.paragraphs.push(Paragraph {
            span: Span::new(open.start, end),
            kind: if heading {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            },
        });
    }
}

/// "Anglo-" or "Covid-" at a line end: a hyphen right after a letter or digit joins the
/// next line without a space ("Covid-19"); a dash after a space (" -") does not.
fn ends_with_word_hyphen(text: &str) -> bool {
    text.strip_suffix(['-', '\u{2010}'])
        .and_then(|stem| stem.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

/// "imple-" followed by "mented": a word broken at a line end (a lowercase letter before
/// the hyphen and after it). "Covid-" + "19" or "Anglo-" + "French" keep their hyphen.
fn dehyphenates(before: &str, next: &str) -> bool {
    let Some(stem) = before.strip_suffix(['-', '\u{2010}']) else {
        return false;
    };
    let letter_before = stem.chars().next_back().is_some_and(char::is_lowercase);
    let letter_after = next.chars().next().is_some_and(char::is_lowercase);
    letter_before && letter_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x: f32, y: f32, size: f32) -> Line {
        Line {
            text: text.to_owned(),
            x,
            right: x + text.chars().count() as f32 * size * 0.5,
            y,
            size,
        }
    }

    /// A body line of about 80 characters at the left margin.
    fn full(text: &str, y: f32) -> Line {
        Line {
            right: 540.0,
            ..line(text, 72.0, y, 10.0)
        }
    }

    fn texts(layout: &Layout) -> Vec<&str> {
        layout
            .paragraphs
            .iter()
            .map(|p| p.span.slice(&layout.text).unwrap_or_default())
            .collect()
    }

    fn page(number: u32, lines: Vec<Line>) -> Page {
        Page { number, lines }
    }

    #[test]
    fn lines_join_into_paragraphs_at_wide_gaps() {
        let out = layout(vec![page(
            1,
            vec![
                full("The harbour board met on Tuesday and", 700.0),
                line("voted to raise fees.", 72.0, 688.0, 10.0),
                full("Fees will rise by 12 percent from", 664.0),
                full("March, the board said.", 652.0),
            ],
        )]);
        assert_eq!(
            texts(&out),
            [
                "The harbour board met on Tuesday and voted to raise fees.",
                "Fees will rise by 12 percent from March, the board said."
            ]
        );
        assert_eq!(out.pages, [PageMark { start: 0, page: 1 }]);
    }

    #[test]
    fn hyphens_at_line_ends_are_undone_for_broken_words_only() {
        let out = layout(vec![page(
            1,
            vec![
                full("The plan was imple-", 700.0),
                full("mented in 2024 by the Anglo-", 688.0),
                full("French consortium after Covid-", 676.0),
                full("19 closures and a soft\u{ad}", 664.0),
                line("ware update.", 72.0, 652.0, 10.0),
            ],
        )]);
        assert_eq!(
            texts(&out),
            [
                "The plan was implemented in 2024 by the Anglo-French consortium after Covid-19 closures and a software update."
            ]
        );
    }

    #[test]
    fn indents_and_short_sentence_lines_start_paragraphs() {
        let out = layout(vec![page(
            1,
            vec![
                full("First paragraph runs the full width of", 700.0),
                line("the column.", 72.0, 688.0, 10.0),
                line(
                    "Second paragraph starts after a short line.",
                    72.0,
                    676.0,
                    10.0,
                ),
                full("    Third starts with an indent and runs", 664.0),
            ],
        )]);
        let mut lines = out.paragraphs.len();
        assert_eq!(lines, 3, "{:?}", texts(&out));
        let indented = layout(vec![page(
            1,
            vec![
                full("Body line at the margin that runs full", 700.0),
                Line {
                    x: 90.0,
                    ..full("Indented first line of the next one", 688.0)
                },
            ],
        )]);
        lines = indented.paragraphs.len();
        assert_eq!(lines, 2);
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_removed() {
        let pages: Vec<Page> = (1..=4)
            .map(|n| {
                page(
                    n,
                    vec![
                        line("Harbour Authority Annual Report 2025", 72.0, 770.0, 8.0),
                        full(&format!("Body text of page {n} continues"), 700.0),
                        full("and carries on to the next line", 688.0),
                        line(&format!("Page {n} of 4"), 280.0, 40.0, 8.0),
                    ],
                )
            })
            .collect();
        let out = layout(pages);
        assert_eq!(out.removed, 8);
        assert!(!out.text.contains("Annual Report"), "{}", out.text);
        assert!(!out.text.contains("Page 2 of 4"), "{}", out.text);
        assert!(out.text.contains("Body text of page 3"));
    }

    #[test]
    fn paragraphs_run_across_pages_and_pages_are_marked() {
        let out = layout(vec![
            page(1, vec![full("A sentence that breaks across the", 100.0)]),
            page(
                2,
                vec![
                    full("page boundary ends here.", 700.0),
                    line("14", 300.0, 40.0, 8.0),
                ],
            ),
        ]);
        assert_eq!(
            texts(&out),
            ["A sentence that breaks across the page boundary ends here."]
        );
        let second = out.pages.iter().find(|m| m.page == 2).map(|m| m.start);
        assert_eq!(second.and_then(|s| out.text.get(s..s + 4)), Some("page"));
    }

    #[test]
    fn large_short_lines_are_headings() {
        let out = layout(vec![page(
            1,
            vec![
                line("Ferry Fares Rise", 72.0, 740.0, 18.0),
                full("The body follows in the usual size and", 700.0),
                full("continues for a while here.", 688.0),
            ],
        )]);
        assert_eq!(out.paragraphs[0].kind, ParagraphKind::Heading);
        assert_eq!(out.paragraphs[1].kind, ParagraphKind::Body);
    }

    #[test]
    fn page_number_shapes() {
        for t in ["14", "- 14 -", "Page 3", "page 3 of 40", "xii", "3 of 9"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["14 ships", "Chapter 3", "In 2024"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn empty_input_gives_empty_text() {
        let out = layout(vec![page(1, Vec::new())]);
        assert!(out.text.is_empty() && out.paragraphs.is_empty());
    }
}
