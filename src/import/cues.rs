//! Cues in an article's text: lines that look like headings, a byline and a date line
//! near the top. Shared by every format.

use crate::model::{Paragraph, ParagraphKind};

/// Headings are short: at most this many words…
const MAX_HEADING_WORDS: usize = 12;
/// …except a headline on the first line, which may run a little longer.
const MAX_HEADLINE_WORDS: usize = 18;
/// How many paragraphs at the top may hold the byline and the date line.
const TOP_PARAGRAPHS: usize = 6;

const OPENING_QUOTES: &[char] = &[
    '"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{ab}', '\u{bb}', '\u{201e}',
    '\u{201a}', '\u{2039}', '\u{203a}', '\u{300c}', '\u{300e}',
];
const CLOSERS: &[char] = &[
    '"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', '\u{203a}', ')', ']', '\u{300d}', '\u{300f}',
];
const SENTENCE_ENDS: &[char] = &[
    '.', '!', '?', ':', ';', ',', '\u{2026}', '\u{3002}', '\u{ff01}', '\u{ff1f}', '\u{ff1a}',
    '\u{ff1b}',
];
/// Words a Title Case line leaves in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "from", "if", "in", "into", "nor",
    "of", "off", "on", "onto", "or", "out", "over", "per", "so", "the", "to", "up", "via", "vs",
    "with", "yet",
];
/// Lower-case words allowed inside a person's name ("Ana de la Cruz") or between names.
const NAME_PARTICLES: &[&str] = &[
    "and", "al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "la", "le", "van",
    "von", "y",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Words that may stand beside a date on a date line ("Updated Tuesday, March 3, 2026 at 9 a.m. ET").
const DATE_LINE_WORDS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "last",
    "modified",
    "first",
    "on",
    "at",
    "date",
    "dated",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "pt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "local",
    "time",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
];

pub(super) use crate::model::collapse_whitespace;

/// True if a line looks like a heading: short, not a sentence (no final `. ! ? : ;`, even
/// before a closing quote), not opening with a quote mark, and in Title Case — or, on the
/// `first` line of a file, a headline in any case.
pub(super) fn looks_like_heading(line: &str, first: bool) -> bool {
    let line = line.trim();
    let (max_words, max_bytes) = if first {
        (MAX_HEADLINE_WORDS, 320)
    } else {
        (MAX_HEADING_WORDS, 200)
    };
    if line.is_empty()
        || line.len() > max_bytes
        || line.starts_with(OPENING_QUOTES)
        || ends_like_sentence(line)
    {
        return false;
    }
    let mut has_letter = false;
    let mut title_case = true;
    for (i, word) in line.split_whitespace().enumerate() {
        if i >= max_words {
            return false;
        }
        if let Some(c) = word.chars().find(|c| c.is_alphabetic()) {
            has_letter = true;
            if c.is_lowercase() && (i == 0 || !is_one_of(word, SMALL_WORDS)) {
                title_case = false;
            }
        }
    }
    has_letter && (title_case || first)
}

fn ends_like_sentence(line: &str) -> bool {
    line.trim_end_matches(CLOSERS)
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| SENTENCE_ENDS.contains(&c))
}

/// `word` without surrounding punctuation, lower-cased, is in `list`.
fn is_one_of(word: &str, list: &[&str]) -> bool {
    let bare = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    list.contains(&bare.as_str())
}

/// The names in a byline line: "By Jane Smith and Tom Ode, Reuters" gives
/// "Jane Smith and Tom Ode, Reuters". `None` if the line is not a byline.
pub(super) fn parse_byline(line: &str) -> Option<String> {
    let line = line.trim();
    if line.len() > 200 {
        return None;
    }
    let rest = ["written by", "story by", "words by", "by"]
        .iter()
        .find_map(|prefix| {
            let head = line.get(..prefix.len())?;
            let rest = line.get(prefix.len()..)?;
            (head.eq_ignore_ascii_case(prefix)
                && rest.starts_with(|c: char| c.is_whitespace() || c == ':'))
            .then_some(rest)
        })?;
    let byline = rest
        .trim_start_matches(|c: char| c.is_whitespace() || c == ':')
        .split(['|', '\u{b7}', '\u{2022}'])
        .next()?
        .trim()
        .trim_end_matches([',', '-', '\u{2013}', '\u{2014}'])
        .trim();
    if byline.split_whitespace().count() > 14
        || byline.contains(['!', '?', ';', '"', '\u{201c}'])
        || byline.ends_with(':')
        || byline.ends_with('.') && byline.split_whitespace().last().is_none_or(|w| w.len() > 4)
    {
        return None;
    }
    // Before the first comma, only names: each one to four capitalised words.
    let names = byline.split(',').next().unwrap_or(byline);
    let mut words_in_name = 0;
    let mut names_seen = 0;
    for word in names.split_whitespace() {
        if matches!(word, "and" | "&") {
            if words_in_name == 0 {
                return None;
            }
            words_in_name = 0;
            continue;
        }
        let first_letter = word.chars().find(|c| c.is_alphabetic());
        if first_letter.is_some_and(char::is_lowercase) && !is_one_of(word, NAME_PARTICLES) {
            return None;
        }
        if words_in_name == 0 {
            names_seen += 1;
        }
        words_in_name += 1;
        if words_in_name > 4 || names_seen > 4 {
            return None;
        }
    }
    // "By Design" is a heading; a byline names a person (two words) or several people.
    let enough = names_seen > 1 || names.split_whitespace().count() >= 2;
    (enough && words_in_name > 0).then(|| collapse_whitespace(byline))
}

/// The date on a short date line ("March 3, 2026", "Published 3 March 2026 at 09:00 GMT").
pub(super) fn parse_date_line(line: &str) -> Option<String> {
    let line = line.trim();
    if line.len() > 160 {
        return None;
    }
    let words = words(line);
    if words.len() > 16 {
        return None;
    }
    let (start, end) = find_date(&words)?;
    let others = words
        .iter()
        .filter(|(at, w)| (*at < start || *at >= end) && w.chars().any(char::is_alphabetic))
        .filter(|(_, w)| !is_one_of(w, DATE_LINE_WORDS))
        .count();
    if others > 1 {
        return None;
    }
    line.get(start..end).map(str::to_owned)
}

/// The date in a news dateline opening a paragraph: "LONDON, March 3, 2026 — …".
pub(super) fn parse_dateline(paragraph: &str) -> Option<String> {
    let head: String = paragraph.chars().take(80).collect();
    let words = words(&head);
    let (start, end) = find_date(&words)?;
    let place = head.get(..start)?.trim().trim_end_matches(',').trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = place.chars().all(|c| !c.is_lowercase());
    if letters < 2 || !capitals {
        return None;
    }
    head.get(start..end).map(str::to_owned)
}

/// Words of a line with their byte offsets.
fn words(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.extend(line.get(s..i).map(|w| (s, w)));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.extend(line.get(s..).map(|w| (s, w)));
    }
    out
}

/// The byte range of the first date in `words`: "March 3, 2026", "Mar. 3 2026",
/// "3 March 2026", "3rd March, 2026" or "2026-03-03".
fn find_date(words: &[(usize, &str)]) -> Option<(usize, usize)> {
    for (i, &(at, word)) in words.iter().enumerate() {
        let bare = word.trim_start_matches(['(', '[']);
        let at = at + (word.len() - bare.len());
        if iso_date(bare) {
            return Some((at, at + 10));
        }
        let next = |k: usize| words.get(i + k).map(|&(a, w)| (a, w));
        let (Some((_, second)), Some((year_at, third))) = (next(1), next(2)) else {
            continue;
        };
        let month_day = is_month(bare) && is_day(second);
        let day_month = is_day(bare) && is_month(second);
        if (month_day || day_month) && is_year(third) {
            return Some((at, year_at + 4));
        }
    }
    None
}

fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_lowercase();
    w.len() >= 3
        && MONTHS
            .iter()
            .any(|m| *m == w || (w.len() <= 4 && m.starts_with(w.as_str())))
}

fn is_day(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']);
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    (1..=2).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_digit())
        && w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 4
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes.get(4).is_none_or(|b| !b.is_ascii_alphanumeric())
        && word
            .get(..4)
            .and_then(|y| y.parse::<u16>().ok())
            .is_some_and(|y| (1800..=2199).contains(&y))
}

fn iso_date(word: &str) -> bool {
    let b = word.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let number = |r: std::ops::Range<usize>| word.get(r).and_then(|s| s.parse::<u8>().ok());
    b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b.get(10).is_none_or(|c| !c.is_ascii_digit())
        && number(5..7).is_some_and(|m| (1..=12).contains(&m))
        && number(8..10).is_some_and(|d| (1..=31).contains(&d))
        && is_year(word)
}

/// A byline and a date found near the top of an article.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Top {
    pub(super) byline: Option<String>,
    pub(super) published: Option<String>,
    /// Indexes of the paragraphs that are the byline or a date line.
    pub(super) marked: Vec<usize>,
}

/// Looks for a byline and a date line in the first few paragraphs and marks those
/// paragraphs (as a byline, the date line as a heading), so they are not taken for
/// claims. A dateline opening a body
/// paragraph gives the date but leaves the paragraph as it is.
pub(super) fn scan_top(text: &str, paragraphs: &mut [Paragraph]) -> Top {
    let mut top = Top::default();
    for (i, paragraph) in paragraphs.iter_mut().enumerate().take(TOP_PARAGRAPHS) {
        let Some(line) = paragraph.span.slice(text) else {
            continue;
        };
        if top.byline.is_none()
            && let Some(byline) = parse_byline(line)
        {
            top.byline = Some(byline);
            if top.published.is_none() {
                top.published = line
                    .split(['|', '\u{b7}', '\u{2022}'])
                    .skip(1)
                    .find_map(parse_date_line);
            }
            paragraph.kind = ParagraphKind::Byline;
            top.marked.push(i);
        } else if top.published.is_none() {
            if let Some(date) = parse_date_line(line) {
                top.published = Some(date);
                paragraph.kind = ParagraphKind::Heading;
                top.marked.push(i);
            } else {
                top.published = parse_dateline(line);
            }
        }
        if top.byline.is_some() && top.published.is_some() {
            break;
        }
    }
    // Further bylines ("By Jane Ode and Tom Bell, Reuters" over a second story) are
    // marked too: extraction takes no claims from a byline.
    for paragraph in paragraphs.iter_mut() {
        if paragraph.kind == ParagraphKind::Body
            && paragraph.span.slice(text).is_some_and(is_byline_paragraph)
        {
            paragraph.kind = ParagraphKind::Byline;
        }
    }
    top
}

/// A paragraph that is only a byline: "By Jane Ode", "BY JANE ODE", "By Jane Ode and
/// Tom Bell, Reuters" — "By" and a capital, at most ten words, no final period.
pub(super) fn is_byline_paragraph(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
    else {
        return false;
    };
    rest.starts_with(char::is_uppercase)
        && !s.ends_with('.')
        && s.split_whitespace().take(11).count() <= 10
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn title_case_short_line_is_heading() {
        assert!(looks_like_heading("What the Council Decided", false));
        assert!(looks_like_heading("Why It Matters", false));
        assert!(looks_like_heading("Mayor Vows “Full Review”", false));
    }

    #[test]
    fn sentence_is_not_heading() {
        assert!(!looks_like_heading(
            "The Council Voted Late on Tuesday.",
            false
        ));
        assert!(!looks_like_heading("Was It Worth It?", false));
        assert!(!looks_like_heading("He Said “No.”", false));
        assert!(!looks_like_heading("Officials Said:", false));
    }

    #[test]
    fn quoted_or_lower_case_line_is_not_heading() {
        assert!(!looks_like_heading("“We Will Rebuild” Says Mayor", false));
        assert!(!looks_like_heading("the vote was close", false));
        assert!(!looks_like_heading(
            "Residents were told to boil water",
            false
        ));
    }

    #[test]
    fn long_line_is_not_heading() {
        let line = "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen";
        assert!(!looks_like_heading(line, false));
    }

    #[test]
    fn first_line_may_be_a_sentence_case_headline() {
        assert!(looks_like_heading(
            "Flooding forces hundreds from homes in river town",
            true
        ));
        assert!(!looks_like_heading(
            "Flooding forces hundreds from homes in river town",
            false
        ));
        assert!(!looks_like_heading("The river rose overnight.", true));
    }

    #[test]
    fn byline_names_people_and_agency() {
        assert_eq!(parse_byline("By Jane Smith").as_deref(), Some("Jane Smith"));
        assert_eq!(
            parse_byline("By Jane Smith and Tom Ode, Reuters").as_deref(),
            Some("Jane Smith and Tom Ode, Reuters")
        );
        assert_eq!(
            parse_byline("BY MARTA LINDQVIST").as_deref(),
            Some("MARTA LINDQVIST")
        );
        assert_eq!(
            parse_byline("By Ana de la Cruz | March 3, 2026").as_deref(),
            Some("Ana de la Cruz")
        );
        assert_eq!(
            parse_byline("Written by Kofi Mensah, staff writer").as_deref(),
            Some("Kofi Mensah, staff writer")
        );
    }

    #[test]
    fn sentences_starting_with_by_are_not_bylines() {
        assert_eq!(
            parse_byline("By the time crews arrived, the fire had spread."),
            None
        );
        assert_eq!(
            parse_byline("By Tuesday, officials expect the road to reopen."),
            None
        );
        assert_eq!(parse_byline("By Design"), None);
        assert_eq!(parse_byline("Byron Hale"), None);
    }

    #[test]
    fn date_lines_give_the_date() {
        assert_eq!(
            parse_date_line("March 3, 2026").as_deref(),
            Some("March 3, 2026")
        );
        assert_eq!(
            parse_date_line("Published 3 March 2026").as_deref(),
            Some("3 March 2026")
        );
        assert_eq!(
            parse_date_line("Updated Tuesday, Mar. 3, 2026 at 9:40 a.m. ET").as_deref(),
            Some("Mar. 3, 2026")
        );
        assert_eq!(
            parse_date_line("2026-03-03T09:00:00Z").as_deref(),
            Some("2026-03-03")
        );
    }

    #[test]
    fn sentences_with_dates_are_not_date_lines() {
        assert_eq!(
            parse_date_line("The plant closed on March 3, 2026 after a long dispute."),
            None
        );
        assert_eq!(parse_date_line("March 2026"), None);
        assert_eq!(parse_date_line("Maybe 3 2026"), None);
    }

    #[test]
    fn dateline_at_paragraph_start_gives_the_date() {
        assert_eq!(
            parse_dateline("LONDON, March 3, 2026 \u{2014} Ferry services resumed on Tuesday.")
                .as_deref(),
            Some("March 3, 2026")
        );
        assert_eq!(parse_dateline("In London, March 3, 2026 was cold."), None);
    }

    #[test]
    fn scan_top_marks_the_byline_and_the_date_line() {
        let text = "Ferry Strike Ends\nBy Lena Park\nMarch 3, 2026\nThe strike ended.";
        let mut paragraphs: Vec<Paragraph> = crate::model::split_paragraphs(text)
            .into_iter()
            .map(|span| Paragraph {
                span,
                kind: ParagraphKind::Body,
            })
            .collect();
        let top = scan_top(text, &mut paragraphs);
        assert_eq!(top.byline.as_deref(), Some("Lena Park"));
        assert_eq!(top.published.as_deref(), Some("March 3, 2026"));
        assert_eq!(top.marked, [1, 2]);
        assert_eq!(paragraphs[1].kind, ParagraphKind::Byline);
        assert_eq!(paragraphs[2].kind, ParagraphKind::Heading);
        assert_eq!(paragraphs[3].kind, ParagraphKind::Body);
        assert_eq!(paragraphs[3].span, Span::new(45, 62));
    }

    #[test]
    fn a_byline_further_down_is_marked_too() {
        let text = "Ferry Strike Ends\nBy Lena Park\nThe strike ended.\nBY TOM BELL AND ANA RUIZ, REUTERS\n\
                    By the time crews arrived, the fire had spread\nBy Lena Park.";
        let mut paragraphs: Vec<Paragraph> = crate::model::split_paragraphs(text)
            .into_iter()
            .map(|span| Paragraph {
                span,
                kind: ParagraphKind::Body,
            })
            .collect();
        scan_top(text, &mut paragraphs);
        let kinds: Vec<ParagraphKind> = paragraphs.iter().map(|p| p.kind).collect();
        // A sentence opening with "By the" is long and lowercase after "By"; a final
        // period makes a sentence.
        assert_eq!(
            kinds[1..],
            [
                ParagraphKind::Byline,
                ParagraphKind::Body,
                ParagraphKind::Byline,
                ParagraphKind::Body,
                ParagraphKind::Body
            ]
        );
        assert!(is_byline_paragraph("By Jane Ode"));
        assert!(!is_byline_paragraph("Bystanders said nothing"));
    }

    #[test]
    fn collapse_whitespace_trims_and_joins() {
        assert_eq!(collapse_whitespace("  a \n\t b "), "a b");
    }
}
