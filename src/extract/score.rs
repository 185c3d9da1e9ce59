//! Check-worthiness: what makes a passage worth checking, as a score and as reasons an
//! editor can read ("amount: $3.2 billion", "attributed: according to the port authority").

use super::learned::{self, Assessment, Rule};
use super::tokens::{Tok, TokKind};
use crate::extract::lexicon;
use crate::model::{ClaimKind, Span};

/// Features of a passage that bear on check-worthiness.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    /// "amount: $14.8 trillion", "percentage: 70 percent", … in text order.
    pub figures: Vec<String>,
    pub has_statistic: bool,
    pub dates: Vec<String>,
    /// Capitalised names inside the passage (not at its start).
    pub names: usize,
    pub question: bool,
    /// Opinion or hedging words ("should", "I think", "hopefully").
    pub opinion: bool,
    /// Newsroom boilerplate ("did not respond to a request for comment").
    pub boilerplate: bool,
    pub words: usize,
}

fn is_currency_symbol(t: &Tok) -> bool {
    t.kind == TokKind::Punct && matches!(t.lower.as_str(), "$" | "€" | "£" | "¥" | "₹" | "₽")
}

pub(crate) fn is_year(t: &Tok) -> bool {
    t.kind == TokKind::Number
        && t.lower.len() == 4
        && t.lower
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
}

/// Reads the features of `toks` (one passage), with `text` for quoting figures.
pub fn features(text: &str, toks: &[Tok]) -> Features {
    let mut f = Features::default();
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        if t.is_word() || t.kind == TokKind::Number {
            f.words += 1;
        }
        if is_currency_symbol(t) && i + 1 < n && toks[i + 1].kind == TokKind::Number {
            let mut j = i + 1;
            if j + 1 < n && lexicon::SCALE_WORDS.has(&toks[j + 1].lower) {
                j += 1;
            }
            f.figures
                .push(format!("amount: {}", slice(text, toks, i, j)));
            f.has_statistic = true;
            i = j + 1;
            continue;
        }
        if t.kind == TokKind::Number && !is_year(t) {
            i = number_figure(&mut f, text, toks, i) + 1;
            continue;
        }
        if is_year(t) {
            let start = if i > 0 && lexicon::is_month(&toks[i - 1].lower) {
                i - 1
            } else {
                i
            };
            f.dates.push(slice(text, toks, start, i));
        }
        if t.is_word() {
            word_features(&mut f, text, toks, i);
        }
        if t.is_punct('?') {
            f.question = true;
        }
        i += 1;
    }
    if toks.last().is_some_and(|t| t.is_punct('?'))
        || toks.iter().rev().take(2).any(|t| t.is_punct('?'))
    {
        f.question = true;
    }
    f.boilerplate = is_boilerplate(text, toks);
    // Features are held with their draft to the end: no spare room in the lists.
    f.figures.shrink_to_fit();
    f.dates.shrink_to_fit();
    f
}

/// The text from token `a` to token `b`, both included.
fn slice(text: &str, toks: &[Tok], a: usize, b: usize) -> String {
    text[toks[a].span.start..toks[b].span.end].to_string()
}

/// Records the figure a number at `i` gives (a percentage, an amount, a count); returns
/// the index of its last token.
fn number_figure(f: &mut Features, text: &str, toks: &[Tok], i: usize) -> usize {
    let n = toks.len();
    let t = &toks[i];
    let mut j = i;
    if j + 1 < n && lexicon::SCALE_WORDS.has(&toks[j + 1].lower) {
        j += 1;
    }
    let unit = toks.get(j + 1).map(|u| u.lower.as_str());
    let unit2 = toks.get(j + 2).map(|u| u.lower.as_str());
    let money_before = i > 0 && lexicon::CURRENCY_WORDS.has(&toks[i - 1].lower);
    let (label, end) = if unit == Some("%") || unit == Some("percent") || unit == Some("pct") {
        ("percentage", j + 1)
    } else if unit == Some("per") && unit2 == Some("cent") {
        ("percentage", j + 2)
    } else if unit.is_some_and(|u| lexicon::CURRENCY_WORDS.has(u)) {
        ("amount", j + 1)
    } else if money_before {
        ("amount", j)
    } else {
        ("number", j)
    };
    let start = if money_before { i - 1 } else { i };
    // Bare small numbers ("two", "3") say little; list-like numbers still count.
    let value: f64 = t.lower.replace(',', "").parse().unwrap_or(0.0);
    if label != "number" || value >= 10.0 || j > i {
        f.figures.push(format!(
            "{label}: {}",
            slice(text, toks, start, end.min(n - 1))
        ));
        f.has_statistic = true;
    } else if value > 0.0 {
        f.figures.push(format!(
            "number: {}",
            slice(text, toks, start, end.min(n - 1))
        ));
    }
    end
}

/// Rankings, opinion words and capitalised names at the word `i`.
fn word_features(f: &mut Features, text: &str, toks: &[Tok], i: usize) {
    let t = &toks[i];
    let w = t.lower.as_str();
    // A byte loop: words are short, and `rfind` calls out to `memrchr` for each.
    let last_part = w
        .bytes()
        .rposition(|b| b == b'-')
        .map_or(w, |k| &w[k + 1..]);
    let rank = lexicon::RANK_WORDS.has(last_part);
    if rank && w != "most" && w != "least"
        || (w == "most" || w == "least")
            && toks
                .get(i + 1)
                .is_some_and(|x| x.is_word() && x.lower.len() > 3)
    {
        let j = if w == "most" || w == "least" {
            i + 1
        } else {
            i
        };
        f.figures
            .push(format!("ranking: {}", slice(text, toks, i, j)));
        f.has_statistic = true;
    }
    if lexicon::OPINION_WORDS.has(w) {
        f.opinion = true;
    }
    if t.cap && i > 0 && !toks[i - 1].is_punct('"') && !toks[i - 1].is_quote() {
        f.names += 1;
    }
}

/// Newsroom boilerplate: one of the phrases in `score.lst` `[boilerplate]`.
fn is_boilerplate(text: &str, toks: &[Tok]) -> bool {
    // Boilerplate phrases all contain one of these words; most passages have none.
    let trigger = toks
        .iter()
        .any(|t| lexicon::BOILERPLATE_TRIGGERS.has(t.lower.as_str()));
    if !trigger {
        return false;
    }
    let lower_text = toks
        .first()
        .zip(toks.last())
        .map(|(a, b)| text[a.span.start..b.span.end].to_lowercase())
        .unwrap_or_default();
    lexicon::BOILERPLATE
        .entries()
        .iter()
        .any(|b| lower_text.contains(b))
}

/// The kind a passage gets from how it was found and its features.
pub fn kind_for(direct_quote: bool, attributed: bool, f: &Features) -> ClaimKind {
    if direct_quote {
        ClaimKind::Quote
    } else if f.has_statistic {
        ClaimKind::Statistic
    } else if attributed {
        ClaimKind::Reported
    } else {
        ClaimKind::Fact
    }
}

/// The rule score in 0..1, rounded to two decimals: what decides whether an
/// unattributed sentence is offered as a claim at all ([`FACT_THRESHOLD`]).
pub fn score(attributed: bool, direct_quote: bool, f: &Features) -> f32 {
    let mut s: f32 = 0.3;
    if attributed {
        s += 0.2;
    }
    if direct_quote {
        s += 0.05;
    }
    if f.has_statistic {
        s += 0.25;
    }
    if !f.dates.is_empty() {
        s += 0.05;
    }
    s += (f.names.min(3) as f32) * 0.05;
    if f.opinion {
        s -= 0.1;
    }
    if f.question {
        s -= 0.25;
    }
    if f.words < 6 {
        s -= 0.15;
    }
    if f.boilerplate {
        s -= 0.4;
    }
    (s.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// Below this, an unattributed sentence is not offered as a claim.
pub const FACT_THRESHOLD: f32 = 0.3;

/// A claim whose score is at least this is check-worthy (the window's filter and triage
/// order, the shared check-worthiness scorer).
pub const CHECK_WORTHY: f32 = 0.5;

/// True if a claim's score makes it check-worthy.
pub fn is_check_worthy(score: f32) -> bool {
    score >= CHECK_WORTHY
}

/// A claim's check-worthiness in 0..1, rounded to two decimals, and the reason an editor
/// reads ("check-worthy: a figure, named actors; wording 'percent', 'budget'"). The
/// trained model ([`learned`]) reads `passage` with the rule features as inputs;
/// boilerplate is capped below [`CHECK_WORTHY`]. Should the built-in weights not parse,
/// `rule_score` stands.
pub fn check_worthiness(passage: &str, rule_score: f32) -> (f32, String) {
    let Ok(model) = learned::model() else {
        return (rule_score, "check-worthiness from the rules only".into());
    };
    // Claims of one sentence share its passage: read it once.
    let hit = LAST.with_borrow(|last| {
        last.as_ref()
            .filter(|l| l.0 == passage)
            .map(|l| (l.1, l.2.clone()))
    });
    if let Some(hit) = hit {
        return hit;
    }
    let a = model.assess(passage);
    let s = round2(a.probability);
    let why = explain(model, &a, passage, s);
    LAST.with_borrow_mut(|last| match last {
        Some(l) => {
            l.0.clear();
            l.0.push_str(passage);
            l.1 = s;
            l.2.clone_from(&why);
        }
        None => *last = Some((passage.to_owned(), s, why.clone())),
    });
    (s, why)
}

thread_local! {
    /// The last passage [`check_worthiness`] read and its result.
    static LAST: std::cell::RefCell<Option<(String, f32, String)>> =
        const { std::cell::RefCell::new(None) };
}

/// How far [`sentence_around`] looks either side of a claim, in bytes.
const SENTENCE_REACH: usize = 400;

/// The sentence (or sentences) holding `span`: from after the previous sentence end (a
/// `.`, `?` or `!` followed by white space) or line break, to the next, at most
/// [`SENTENCE_REACH`] bytes either side. The model was trained on whole sentences, and
/// the words around a claim's content ("I think", "we will") say how checkable it is.
pub fn sentence_around(text: &str, span: Span) -> Span {
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return span;
    };
    let mut start = span.start;
    let mut next: Option<char> = None;
    for (i, c) in before.char_indices().rev() {
        if c == '\n' || span.start - i > SENTENCE_REACH {
            break;
        }
        if matches!(c, '.' | '?' | '!') && next.is_some_and(char::is_whitespace) {
            break;
        }
        start = i;
        next = Some(c);
    }
    let mut end = span.end;
    let mut prev: Option<char> = before.chars().next_back();
    for (i, c) in after.char_indices() {
        if c == '\n' || i > SENTENCE_REACH {
            break;
        }
        if c.is_whitespace() && prev.is_some_and(|p| matches!(p, '.' | '?' | '!')) {
            break;
        }
        end = span.end + i + c.len_utf8();
        prev = Some(c);
    }
    let s = Span::new(start, end);
    // Leading white space left by the boundary.
    let lead = s.slice(text).map_or(0, |t| t.len() - t.trim_start().len());
    Span::new((start + lead).min(span.start), end)
}

fn round2(p: f32) -> f32 {
    (p.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// The reason for a score: the rule features that pushed it the way it went and the
/// words that weighed most.
fn explain(model: &learned::Model, a: &Assessment, passage: &str, s: f32) -> String {
    let worthy = is_check_worthy(s);
    // At most eight labels: boilerplate, the six rules, "no figure"; kept on the stack.
    let mut labels = [""; 8];
    let mut count = 0;
    let mut push = |label: &'static str| {
        labels[count] = label;
        count += 1;
    };
    if a.boilerplate {
        push("newsroom boilerplate");
    }
    let present = |r: Rule| a.rule(r) > 0.0;
    for (r, label) in [
        (Rule::Figure, "a figure"),
        (Rule::Year, "a year"),
        (
            Rule::Names,
            if a.names > 1 {
                "named actors"
            } else {
                "a name"
            },
        ),
        (Rule::Question, "a question"),
        (Rule::Opinion, "opinion wording"),
        (Rule::Short, "a short passage"),
    ] {
        let w = model.rule_weight(r);
        if present(r) && (w > 0.0) == worthy && w != 0.0 {
            push(label);
        }
    }
    if !worthy && !present(Rule::Figure) && !present(Rule::Year) && !present(Rule::Names) {
        push("no figure, date or name");
    }
    let why = &labels[..count];
    let terms = if worthy { &a.raising } else { &a.lowering };
    let mut out = String::with_capacity(96);
    out.push_str(if worthy {
        "check-worthy"
    } else {
        "not check-worthy"
    });
    for (k, label) in why.iter().enumerate() {
        out.push_str(if k == 0 { ": " } else { ", " });
        out.push_str(label);
    }
    let words = terms.iter().filter_map(|t| passage.get(t.start..t.end));
    for (k, w) in words.enumerate() {
        out.push_str(match (k, why.is_empty()) {
            (0, true) => ": wording '",
            (0, false) => "; wording '",
            _ => ", '",
        });
        out.push_str(w);
        out.push('\'');
    }
    out
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
