//! Attribution patterns inside one sentence.
//!
//! Quotes with a speech tag after them (`"…," X said` · `"…," said X`) or before them
//! (`X said: "…"`), reported speech (`X said (on Monday) (that) …`, `X told Y that …`),
//! inverted tags (`…, X said.`), `according to X`, and agentless reports
//! (`are reported to`, `reportedly`).

mod according;
mod colon;
mod objects;
mod passive;
mod poll;
mod quote_tags;
mod saying;
mod subject_verb;
mod subjects;
mod verbs;
mod words;

use according::{according_to, keep_inner_of_according};
use colon::headline_colon;
use passive::passive;
use poll::in_a_poll;
use quote_tags::{object_end, tag_after, tag_before};
use saying::saying;
use verbs::{nested, participles, verb_patterns};
use words::{PunctRuns, trim_content};

use super::lexicon::CueClass;
use super::phrases::Np;
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

impl Pattern {
    /// The reason shown to editors for an attribution this pattern found: `{mention}`
    /// stands for the words naming the source, `{cue}` for the cue word(s).
    pub fn reason_template(self) -> &'static str {
        match self {
            Pattern::QuoteThenTag | Pattern::TagThenQuote => "direct quote: {mention} {cue}",
            Pattern::SubjectVerb
            | Pattern::Relative
            | Pattern::InvertedTag
            | Pattern::Participle => "attributed: {mention} {cue}",
            Pattern::AccordingTo => "attributed: {cue} {mention}",
            Pattern::Passive => "unnamed source: {cue}",
            Pattern::Colon => "attributed: {mention}:",
            Pattern::InDocument => "attributed: in {mention}",
        }
    }

    /// The reason with the cue and the mention filled in.
    pub fn reason(self, cue: &str, mention: &str) -> String {
        let mut rest = self.reason_template();
        let mut out = String::with_capacity(rest.len() + cue.len() + mention.len());
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            rest = &rest[open..];
            if let Some(after) = rest.strip_prefix("{cue}") {
                out.push_str(cue);
                rest = after;
            } else if let Some(after) = rest.strip_prefix("{mention}") {
                out.push_str(mention);
                rest = after;
            } else {
                out.push('{');
                rest = &rest[1..];
            }
        }
        out.push_str(rest);
        out
    }
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
    /// The report that carries the words, when an `according to` around this
    /// attribution was dropped for it (`X estimated …, according to a report in Y`).
    pub reported_in: Option<Span>,
}

/// What one sentence says about attribution.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub found: Vec<Found>,
    /// A speaker introduced with no content yet (`Vale said in an interview:`), who
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
            reported_in: None,
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
            if !tag.pull_quote
                && let Some(q2) = qt.get(k + 1)
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
                reported_in: None,
            });
            participles(s, end, n, tag.source, &mut out);
            // After a pull quote's name the next quotation opens right away.
            used_until = if tag.pull_quote { end } else { end + 1 };
            k += 1;
            continue;
        }
        let ends = quote_ends_sentence(&runs, s.toks, q.close);
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
                reported_in: None,
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
    subjects::drop_openers(s.toks, &mut out);
    out
}

/// Nothing but closing punctuation after the quotation closing at `close`, or "and"
/// and another verb of the speaker ([`words::and_then_verb`]).
fn quote_ends_sentence(runs: &PunctRuns, toks: &[Tok], close: usize) -> bool {
    let n = toks.len();
    close >= n || runs.only_closers(close + 1, n) || words::and_then_verb(toks, close + 1)
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

/// A sentence-level rule: it looks at the whole sentence (no quotation tagged), adds
/// what it finds to the analysis and says whether the later rules are skipped.
/// What a rule finds carries its own [`Pattern`] and so its reason text
/// ([`Pattern::reason_template`]).
struct Rule {
    apply: fn(&Sentence<'_>, &[QuoteToks], &mut Analysis) -> bool,
}

/// The sentence-level rules, in the order they are tried; the first that returns true
/// ends the sentence. One file per family.
const SENTENCE_RULES: &[Rule] = &[
    // `according to X, …` (according.rs), then attributions inside its content.
    Rule {
        apply: |s, qt, out| {
            according_to(s, qt, out) && {
                nested(s, out);
                keep_inner_of_according(s, out);
                true
            }
        },
    },
    // `Name: …` headlines (colon.rs).
    Rule {
        apply: headline_colon,
    },
    // `X said (that) …`, `…, X said.` (verbs.rs, subject_verb.rs).
    Rule {
        apply: |s, qt, out| verb_patterns(s, qt, out, true),
    },
    // `In a Bloomberg poll, …` (poll.rs).
    Rule { apply: in_a_poll },
    // `…, saying …` with no subject (saying.rs).
    Rule { apply: saying },
    // `are reported to`, `reportedly` (passive.rs): the last resort.
    Rule {
        apply: |s, qt, out| {
            passive(s, qt, out);
            true
        },
    },
];

fn sentence_level(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) {
    for rule in SENTENCE_RULES {
        if (rule.apply)(s, qt, out) {
            return;
        }
    }
}

#[cfg(test)]
mod coordination_tests;

#[cfg(test)]
mod according_tests;
#[cfg(test)]
mod stance_tests;
#[cfg(test)]
mod tests;
