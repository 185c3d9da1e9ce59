//! Attribution patterns inside one sentence.
//!
//! Quotes with a speech tag after them (`"…," X said` · `"…," said X`) or before them
//! (`X said: "…"`), reported speech (`X said (on Monday) (that) …`, `X told Y that …`),
//! inverted tags (`…, X said.`), `according to X`, and agentless reports
//! (`are reported to`, `reportedly`).

mod patterns;
mod verbs;
mod words;

use patterns::{according_to, headline_colon, in_a_poll, passive, saying};
use verbs::{nested, participles, verb_patterns};
use words::{PunctRuns, cue_at, trim_content, verb_use};

use super::lexicon::{CueClass, CueVerb, is_determiner, is_subject_pronoun};
use super::phrases::{Np, np_after, np_before, skip_adverbials, skip_back_adverbials};
use super::quotes::Quote;
use super::tokens::{Tok, TokKind};
use crate::model::{ClaimKind, Span};

/// Which pattern found an attribution; shown to editors as the reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// `"…," X said`.
    QuoteThenTag,
    /// `X said: "…"`.
    TagThenQuote,
    /// `X said (that) …`.
    SubjectVerb,
    /// `X, which said …`: the relative pronoun stands for X.
    Relative,
    /// `…, X said.`
    InvertedTag,
    /// `according to X`.
    AccordingTo,
    /// `are reported to`, `reportedly`: nobody named.
    Passive,
    /// `…, adding that …`: same speaker as the main clause.
    Participle,
    /// `Name: …` (headline style).
    Colon,
    /// `In a Bloomberg poll, …`.
    InDocument,
}

/// One attribution found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub content: Span,
    pub kind: ClaimKind,
    pub cue: Option<Span>,
    pub source: Option<Np>,
    pub pattern: Pattern,
    pub class: CueClass,
}

/// What one sentence says about attribution.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub found: Vec<Found>,
    /// A speaker introduced with no content yet (`Putin said in an interview:`), who
    /// the next untagged quote belongs to.
    pub pending: Option<(Np, Span)>,
    /// The sentence is an untagged quotation (inner span).
    pub untagged_quote: Option<Span>,
    /// The longest quotation fragment in the sentence that nobody was found for.
    pub partial_quote: Option<Span>,
}

impl Analysis {
    /// Records reported speech: `content` attributed to `source` by the cue word(s) at
    /// `cue`.
    fn push_reported(
        &mut self,
        content: Span,
        cue: Span,
        source: Np,
        pattern: Pattern,
        class: CueClass,
    ) {
        self.found.push(Found {
            content,
            kind: ClaimKind::Reported,
            cue: Some(cue),
            source: Some(source),
            pattern,
            class,
        });
    }
}

/// A sentence to analyse.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub span: Span,
    pub toks: &'a [Tok],
    /// Top-level quotations whose opening mark lies in this sentence.
    pub quotes: &'a [Quote],
    /// End of the paragraph (open-ended quotes run to it).
    pub para_end: usize,
}

struct QuoteToks {
    open: usize,
    /// Index of the closing mark, or `toks.len()` when open-ended / beyond the sentence.
    close: usize,
    /// The largest `close` of this quotation and those before it.
    reach: usize,
    quote: Quote,
}

struct Tag {
    source: Np,
    cue: Span,
    class: CueClass,
    /// Token index after the tag.
    end: usize,
}

pub fn analyze(s: &Sentence<'_>) -> Analysis {
    let mut out = Analysis::default();
    let qt = quote_tokens(s);
    let runs = PunctRuns::new(s.toks);
    let n = s.toks.len();
    let mut used_until = 0;
    let mut k = 0;
    while k < qt.len() {
        let q = &qt[k];
        let next_open = qt.get(k + 1).map_or(n, |x| x.open);
        let inner = trim_content(s.text, q.quote.inner(s.para_end).trim(s.text));
        let at_start = runs.only_openers(used_until, q.open);
        if at_start
            && q.close < n
            && let Some(tag) = tag_after(s, q.close + 1, next_open)
        {
            let mut content = inner;
            let mut end = tag.end;
            // `"…," he said, "…"`: the quote resumes after the tag.
            if let Some(q2) = qt.get(k + 1)
                && q2.open <= tag.end + 1
                && s.toks[tag.end..q2.open]
                    .iter()
                    .all(|t| t.kind == TokKind::Punct)
            {
                content = Span::new(
                    inner.start,
                    trim_content(s.text, q2.quote.inner(s.para_end).trim(s.text)).end,
                );
                end = q2.close.min(n);
                k += 1;
            }
            out.found.push(Found {
                content,
                kind: ClaimKind::Quote,
                cue: Some(tag.cue),
                source: Some(tag.source),
                pattern: Pattern::QuoteThenTag,
                class: tag.class,
            });
            participles(s, end, n, tag.source, &mut out);
            used_until = end + 1;
            k += 1;
            continue;
        }
        let ends = q.close >= n || runs.only_closers(q.close + 1, n);
        if ends
            && !at_start
            && let Some(tag) = tag_before(s, &qt, used_until, q.open)
        {
            out.found.push(Found {
                content: inner,
                kind: ClaimKind::Quote,
                cue: Some(tag.cue),
                source: Some(tag.source),
                pattern: Pattern::TagThenQuote,
                class: tag.class,
            });
            used_until = n;
            k += 1;
            continue;
        }
        if at_start && ends {
            out.untagged_quote = Some(inner);
        } else if out.partial_quote.is_none_or(|p| p.len() < inner.len()) {
            out.partial_quote = Some(inner);
        }
        k += 1;
    }
    if out.found.is_empty() && out.untagged_quote.is_none() {
        sentence_level(s, &qt, &mut out);
    }
    out
}

fn quote_tokens(s: &Sentence<'_>) -> Vec<QuoteToks> {
    let n = s.toks.len();
    // The first token starting at `at` (tokens are in text order).
    let token_at = |at: usize| {
        let k = s.toks.partition_point(|t| t.span.start < at);
        (k < n && s.toks[k].span.start == at).then_some(k)
    };
    let mut out: Vec<QuoteToks> = Vec::new();
    for q in s.quotes {
        let Some(open) = token_at(q.open.start) else {
            continue;
        };
        let close = q.close.and_then(|c| token_at(c.start)).unwrap_or(n);
        let reach = out.last().map_or(close, |p| p.reach.max(close));
        out.push(QuoteToks {
            open,
            close,
            reach,
            quote: *q,
        });
    }
    out
}

/// True if token `i` lies inside a quotation (its marks included). `qt` is ordered by
/// opening mark, so one binary search and the running maximum of the closing marks
/// answer it.
fn inside_quote(qt: &[QuoteToks], i: usize) -> bool {
    let k = qt.partition_point(|q| q.open <= i);
    k > 0 && qt[k - 1].reach >= i
}

/// `, X said …` / `, said X …` / `X said` right after a quotation.
fn tag_after(s: &Sentence<'_>, mut i: usize, hi: usize) -> Option<Tag> {
    let toks = s.toks;
    while i < hi
        && toks[i].kind == TokKind::Punct
        && (matches!(toks[i].lower.as_str(), "," | "—" | "–" | "-") || toks[i].is_quote())
    {
        i += 1;
    }
    if i >= hi {
        return None;
    }
    // Inverted: `said X`.
    if let Some(verb) = cue_at(&toks[i])
        && !verb.progressive
    {
        let (np, end) = np_after(s.text, toks, i + 1, hi)?;
        return Some(Tag {
            source: np,
            cue: toks[i].span,
            class: verb.class,
            end: skip_tag_tail(toks, end, hi),
        });
    }
    // `X (also) said`: the first verb within a few words.
    let limit = hi.min(i + 14);
    let c = (i + 1..limit).find(|&c| cue_at(&toks[c]).is_some_and(|v| !v.progressive))?;
    let verb = cue_at(&toks[c])?;
    let end = skip_back_adverbials(toks, i, c);
    let np = np_before(s.text, toks, i, end)?;
    if np.first != i {
        return None;
    }
    let after = object_end(toks, verb, c + 1, hi);
    Some(Tag {
        source: np,
        cue: toks[c].span,
        class: verb.class,
        end: skip_tag_tail(toks, after, hi),
    })
}

/// Index after the object of an attribution verb: the listener of "told reporters", or
/// any short phrase before "that" ("warned the government that").
fn object_end(toks: &[Tok], verb: CueVerb, start: usize, hi: usize) -> usize {
    if start >= hi || toks[start].is("that") {
        return start;
    }
    if let Some(that) = (start + 1..hi.min(start + 8)).find(|&i| toks[i].is("that"))
        && toks[start..that].iter().all(|t| {
            t.is_word() && !is_subject_pronoun(&t.lower) && cue_at(t).is_none()
                || t.kind == TokKind::Number
                || t.is_punct('\'')
                || t.is_punct('’')
        })
    {
        return that;
    }
    if super::lexicon::addresses_listener(verb.lemma) {
        return super::phrases::listener_after(toks, start, hi).unwrap_or(start);
    }
    start
}

/// Skips what may follow a tag before the sentence or the next quote: time and place,
/// "in a statement", an object ("told reporters").
/// `told reporters: "…"`, `told the BBC, "…"`: only the listener between verb and quote.
fn addresses_listener_only(toks: &[Tok], c: usize, j: usize) -> bool {
    cue_at(&toks[c]).is_some_and(|v| crate::extract::lexicon::addresses_listener(v.lemma))
        && crate::extract::phrases::listener_after(toks, c + 1, j) == Some(j)
}

fn skip_tag_tail(toks: &[Tok], i: usize, hi: usize) -> usize {
    skip_adverbials(toks, i, hi)
}

/// `X said (in an interview with Y, a host): "…"` — the cue before a quotation at `open`.
fn tag_before(s: &Sentence<'_>, qt: &[QuoteToks], lo: usize, open: usize) -> Option<Tag> {
    let toks = s.toks;
    if open <= lo {
        return None;
    }
    let mut j = open;
    let colon = toks[j - 1].is_punct(':');
    if toks[j - 1].kind == TokKind::Punct
        && matches!(toks[j - 1].lower.as_str(), ":" | "," | "—" | "–")
    {
        j -= 1;
    }
    // The closest cue verb before the quote, at most 30 tokens back.
    let floor = lo.max(j.saturating_sub(30));
    let c = (floor..j).rev().find(|&c| {
        cue_at(&toks[c]).is_some_and(|v| !v.progressive || c == floor)
            && verb_use(toks, c)
            && !inside_quote(qt, c)
    });
    if let Some(c) = c {
        let verb = cue_at(&toks[c])?;
        // What lies between the verb and the quote must be adverbial, not a clause.
        let between_ok = j == c + 1
            || skip_adverbials(toks, c + 1, j) == j
            || colon && toks[c + 1..j].iter().all(|t| !t.is("that"))
            || addresses_listener_only(toks, c, j);
        if between_ok {
            let end = skip_back_adverbials(toks, lo, c);
            if let Some(np) = np_before(s.text, toks, lo, end) {
                return Some(Tag {
                    source: np,
                    cue: toks[c].span,
                    class: verb.class,
                    end: open,
                });
            }
        }
    }
    // `Putin, in the interview: "…"` — a name and a colon, no verb.
    if colon {
        let mut end = j;
        for _ in 0..2 {
            let np = np_before(s.text, toks, lo, end)?;
            let head = &toks[np.last];
            if np.first > lo
                && toks[np.first - 1].is_word()
                && matches!(
                    toks[np.first - 1].lower.as_str(),
                    "on" | "in" | "at" | "with" | "to" | "from"
                )
            {
                end = np.first - 1;
                continue;
            }
            if np.first == lo
                && (head.cap || is_subject_pronoun(&head.lower))
                && !is_determiner(&toks[np.first].lower)
            {
                return Some(Tag {
                    source: np,
                    cue: toks[j].span,
                    class: CueClass::Speech,
                    end: open,
                });
            }
            return None;
        }
    }
    None
}

fn sentence_level(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) {
    if according_to(s, qt, out) {
        nested(s, out);
        return;
    }
    if headline_colon(s, qt, out) || verb_patterns(s, qt, out, true) || in_a_poll(s, qt, out) {
        return;
    }
    if !saying(s, qt, out) {
        passive(s, qt, out);
    }
}

#[cfg(test)]
mod tests;
