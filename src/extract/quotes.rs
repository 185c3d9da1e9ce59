//! Quotation marks: pairing openers with closers inside a paragraph.
//!
//! Handles straight (`"`), curly (`“ ”`), guillemets (`« »`), low (`„`), TeX-style
//! (``` `` ``` … `''`) and single (`‘ ’`, `'`) marks. Apostrophes inside words ("don't",
//! "Rover’s") are not quotes. Single quotes nested inside double quotes are left to the
//! outer quote. A double quote left open at the end of a paragraph is reported as
//! open-ended: in news style the next paragraph reopens it and continues.

use crate::model::Span;

/// One top-level quotation in a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quote runs to the end of the paragraph.
    pub close: Option<Span>,
    /// Single quotation marks (‘ ’ or ').
    pub single: bool,
}

impl Quote {
    /// Text between the marks (to the paragraph end when open-ended).
    pub fn inner(&self, para_end: usize) -> Span {
        Span::new(self.open.end, self.close.map_or(para_end, |c| c.start))
    }

    /// From the opening mark through the closing mark.
    pub fn outer(&self, para_end: usize) -> Span {
        Span::new(self.open.start, self.close.map_or(para_end, |c| c.end))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight double quote whose direction is decided by pairing.
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    span: Span,
    role: Role,
    single: bool,
    /// The last visible character before the mark ends a sentence (". " before it).
    after_stop: bool,
    /// A straight double mark (`"` or `''`), which looks the same at both ends.
    straight: bool,
}

fn opens_after(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace()
            || matches!(
                p,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '"' | '\''
            )
    })
}

fn closes_before(next: Option<char>) -> bool {
    next.is_none_or(|n| !n.is_alphanumeric())
}

/// Finds the quotation marks of `text[span]` and pairs them.
pub fn find_quotes(text: &str, span: Span) -> Vec<Quote> {
    let Some(s) = span.slice(text) else {
        return Vec::new();
    };
    let marks = scan_marks(s, span.start);
    pair(&marks)
}

fn scan_marks(s: &str, base: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Quotation marks are ASCII or start with the bytes E2 (“ ” ‘ ’ „) or C2 (« »);
        // everything else is skipped without decoding.
        if !matches!(bytes[i], b'"' | b'\'' | b'`' | 0xE2 | 0xC2) {
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let prev = s[..i].chars().next_back();
        let next = s[i + c.len_utf8()..].chars().next();
        let here = Span::new(base + i, base + i + c.len_utf8());
        let mark = match c {
            // A curly mark turned the wrong way, as some copy has it, plays the part
            // its place gives it: `here,“ said Ode` closes, `: ”We will` opens.
            '“' if !opens_after(prev) && closes_before(next) => Some((Role::Close, false)),
            '”' if opens_after(prev) && next.is_some_and(char::is_alphanumeric) => {
                Some((Role::Open, false))
            }
            '“' | '„' | '«' => Some((Role::Open, false)),
            '”' | '»' => Some((Role::Close, false)),
            '"' => Some((straight_role(prev, next), false)),
            '`' if next == Some('`') => {
                marks.push(Mark {
                    span: Span::new(here.start, here.end + 1),
                    role: Role::Open,
                    single: false,
                    after_stop: after_stop(s, i),
                    straight: false,
                });
                i += 2;
                continue;
            }
            '\'' if next == Some('\'') => {
                // Two apostrophes: a closing TeX quote, or (as some archives write
                // them) either mark.
                let after = s[i + 2..].chars().next();
                marks.push(Mark {
                    span: Span::new(here.start, here.end + 1),
                    role: straight_role(prev, after),
                    single: false,
                    after_stop: after_stop(s, i),
                    straight: true,
                });
                i += 2;
                continue;
            }
            '‘' => Some((Role::Open, true)),
            '’' | '\'' => single_mark(prev, next),
            _ => None,
        };
        if let Some((role, single)) = mark {
            marks.push(Mark {
                span: here,
                role,
                single,
                after_stop: after_stop(s, i),
                straight: c == '"',
            });
        }
        i += c.len_utf8();
    }
    marks
}

/// The role of a straight double mark (`"` or `''`) between `prev` and `next`.
fn straight_role(prev: Option<char>, next: Option<char>) -> Role {
    match (opens_after(prev), closes_before(next)) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

/// A single mark (`’` or `'`): an opener before a word, a closer after one, or an
/// apostrophe (no mark).
fn single_mark(prev: Option<char>, next: Option<char>) -> Option<(Role, bool)> {
    let after_letter = prev.is_some_and(char::is_alphanumeric);
    let before_letter = next.is_some_and(char::is_alphanumeric);
    if after_letter && before_letter {
        None // apostrophe inside a word
    } else if opens_after(prev) && before_letter {
        Some((Role::Open, true))
    } else if !opens_after(prev) && closes_before(next) {
        Some((Role::Close, true))
    } else {
        None
    }
}

/// True if whitespace precedes byte `i` of `s` and the visible character before that
/// ends a sentence.
fn after_stop(s: &str, i: usize) -> bool {
    let before = &s[..i];
    let trimmed = before.trim_end();
    trimmed.len() < before.len() && trimmed.ends_with(['.', '!', '?', '…'])
}

/// The stack of open marks, with where its double and single marks stand, so that
/// "is a double quote open", "the outermost double" and "the innermost mark of a kind"
/// take constant time however many marks are open.
#[derive(Default)]
struct OpenMarks {
    stack: Vec<Mark>,
    doubles: Vec<usize>,
    singles: Vec<usize>,
}

impl OpenMarks {
    fn push(&mut self, m: Mark) {
        let kind = if m.single {
            &mut self.singles
        } else {
            &mut self.doubles
        };
        kind.push(self.stack.len());
        self.stack.push(m);
    }

    fn truncate(&mut self, pos: usize) {
        self.stack.truncate(pos);
        for kind in [&mut self.doubles, &mut self.singles] {
            while kind.last().is_some_and(|&p| p >= pos) {
                kind.pop();
            }
        }
    }

    fn double_open(&self) -> bool {
        !self.doubles.is_empty()
    }

    /// Where the outermost open double quote stands.
    fn outermost_double(&self) -> Option<usize> {
        self.doubles.first().copied()
    }

    /// Where the innermost open mark of this kind stands.
    fn innermost(&self, single: bool) -> Option<usize> {
        if single {
            self.singles.last().copied()
        } else {
            self.doubles.last().copied()
        }
    }
}

/// Pairs the marks. Straight double marks look alike at both ends, so one left out
/// (`"ambitious, but had not been "sufficient to continue".`) makes every later
/// straight opener look nested and leaves the first quote open to the paragraph end.
/// When that happens, the marks are paired again with a straight opener inside an open
/// straight quote taken as stray, and that reading is kept if it closes every quote.
fn pair(marks: &[Mark]) -> Vec<Quote> {
    let first = pair_with(marks, false);
    if first.open_at_end && first.nested_straight {
        let second = pair_with(marks, true);
        if !second.open_at_end {
            return second.quotes;
        }
    }
    first.quotes
}

struct Paired {
    quotes: Vec<Quote>,
    /// A double quote runs to the paragraph end.
    open_at_end: bool,
    /// A straight opener came while a straight double quote was open.
    nested_straight: bool,
}

fn pair_with(marks: &[Mark], stray_nested_straight: bool) -> Paired {
    let mut out = Vec::new();
    let mut nested_straight = false;
    // Stack of open marks; only the bottom-most open double (or single, at top level)
    // produces a quote.
    let mut open = OpenMarks::default();
    for &m in marks {
        let double_open = open.double_open();
        let role = match m.role {
            Role::Either if !m.single => {
                if double_open {
                    Role::Close
                } else {
                    Role::Open
                }
            }
            r => r,
        };
        let inside_straight = open
            .innermost(false)
            .is_some_and(|pos| open.stack[pos].straight);
        match role {
            Role::Open if !m.single && double_open && m.after_stop => {
                // A new paragraph of the same quotation run into one line: close the
                // open quote just before this mark and start a new one.
                if let Some(pos) = open.outermost_double() {
                    let first = open.stack[pos];
                    open.truncate(pos);
                    out.push(Quote {
                        open: first.span,
                        close: Some(Span::new(m.span.start, m.span.start)),
                        single: false,
                    });
                }
                open.push(m);
            }
            Role::Open if m.straight && inside_straight => {
                nested_straight = true;
                if !stray_nested_straight {
                    open.push(m);
                }
            }
            Role::Open => open.push(m),
            Role::Close => {
                let Some(pos) = open.innermost(m.single) else {
                    continue; // stray closer or apostrophe
                };
                let first = open.stack[pos];
                open.truncate(pos);
                if open.stack.is_empty() {
                    out.push(Quote {
                        open: first.span,
                        close: Some(m.span),
                        single: first.single,
                    });
                }
            }
            Role::Either => {}
        }
    }
    // The outermost unclosed double quote runs to the end of the paragraph.
    let outer = open.outermost_double();
    if let Some(pos) = outer {
        out.push(Quote {
            open: open.stack[pos].span,
            close: None,
            single: false,
        });
    }
    out.sort_by_key(|q| q.open.start);
    Paired {
        quotes: out,
        open_at_end: outer.is_some(),
        nested_straight,
    }
}

/// True if the paragraph's first visible character opens a quotation.
pub fn starts_with_opener(text: &str, span: Span) -> bool {
    span.slice(text)
        .and_then(|s| s.trim_start().chars().next())
        .is_some_and(|c| matches!(c, '"' | '“' | '„' | '«'))
}

#[cfg(test)]
#[path = "quotes_tests.rs"]
mod tests;
