//! Attribution patterns inside one sentence.
//!
//! Quotes with a speech tag after them (`"…," X said` · `"…," said X`) or before them
//! (`X said: "…"`), reported speech (`X said (on Monday) (that) …`, `X told Y that …`),
//! inverted tags (`…, X said.`), `according to X`, and agentless reports
//! (`are reported to`, `reportedly`).

use super::lexicon::{CueClass, CueVerb, is_clause_word, is_determiner, is_subject_pronoun};
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
    let n = s.toks.len();
    let mut used_until = 0;
    let mut k = 0;
    while k < qt.len() {
        let q = &qt[k];
        let next_open = qt.get(k + 1).map_or(n, |x| x.open);
        let inner = trim_content(s.text, q.quote.inner(s.para_end).trim(s.text));
        let at_start = only_openers(s.toks, used_until, q.open);
        if at_start && q.close < n {
            if let Some(tag) = tag_after(s, q.close + 1, next_open) {
                let mut content = inner;
                let mut end = tag.end;
                // `"…," he said, "…"`: the quote resumes after the tag.
                if let Some(q2) = qt.get(k + 1)
                    && q2.open <= tag.end + 1
                    && s.toks[tag.end..q2.open].iter().all(|t| t.kind == TokKind::Punct)
                {
                    content = Span::new(inner.start, trim_content(s.text, q2.quote.inner(s.para_end).trim(s.text)).end);
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
                participles(s, end, n, tag.source, &mut out.found);
                used_until = end + 1;
                k += 1;
                continue;
            }
        }
        let ends = q.close >= n || only_closers(s.toks, q.close + 1, n);
        if ends && !at_start {
            if let Some(tag) = tag_before(s, &qt, used_until, q.open) {
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
    let mut out = Vec::new();
    for q in s.quotes {
        let Some(open) = s.toks.iter().position(|t| t.span.start == q.open.start) else {
            continue;
        };
        let close = q
            .close
            .and_then(|c| s.toks.iter().position(|t| t.span.start == c.start))
            .unwrap_or(n);
        out.push(QuoteToks { open, close, quote: *q });
    }
    out
}

fn inside_quote(qt: &[QuoteToks], i: usize) -> bool {
    qt.iter().any(|q| q.open <= i && i <= q.close)
}

/// True if tokens `from..to` are only opening punctuation (dashes, brackets).
fn only_openers(toks: &[Tok], from: usize, to: usize) -> bool {
    toks.get(from..to).is_some_and(|r| {
        r.iter()
            .all(|t| t.kind == TokKind::Punct && matches!(t.lower.as_str(), "—" | "–" | "-" | "(" | "[" | "•" | "*"))
    })
}

/// True if tokens `from..to` are only closing punctuation.
fn only_closers(toks: &[Tok], from: usize, to: usize) -> bool {
    toks.get(from..to).is_none_or(|r| {
        r.iter()
            .all(|t| t.kind == TokKind::Punct && !matches!(t.lower.as_str(), "“" | "\"" | "‘"))
    })
}

/// Drops a trailing comma or dash from a quotation's inner text.
fn trim_content(text: &str, span: Span) -> Span {
    let mut s = span;
    while let Some(inner) = s.slice(text) {
        let Some(last) = inner.chars().last() else {
            break;
        };
        if matches!(last, ',' | '—' | '–' | '-' | ';' | ':') || last.is_whitespace() {
            s = Span::new(s.start, s.end - last.len_utf8());
        } else {
            break;
        }
    }
    s
}

/// False when the word at `c` is used as a noun: after a determiner, a possessive, a
/// number or a preposition ("the report", "Ode's comments", "in 30 states").
fn verb_use(toks: &[Tok], c: usize) -> bool {
    let Some(p) = c.checked_sub(1).map(|i| &toks[i]) else {
        return true;
    };
    // "Several said", "Many say": a quantifier standing alone as the subject.
    let alone = c < 2 || toks[c - 2].kind == TokKind::Punct || is_clause_word(&toks[c - 2].lower);
    if alone && matches!(p.lower.as_str(), "several" | "many" | "some" | "most" | "others" | "few" | "both" | "all") {
        return true;
    }
    !(p.kind == TokKind::Number
        || p.is_possessive()
        || p.is_word()
            && (is_determiner(&p.lower)
                || matches!(p.lower.as_str(), "of" | "in" | "for" | "on" | "at" | "with" | "by" | "from" | "no" | "public" | "recent" | "latest" | "new" | "first" | "such" | "these" | "those")))
}

/// Stance verbs are mostly nouns in their plain forms ("an attack", "the plan",
/// "their support"): take a past form, an -s form after a name or pronoun, or a plain
/// form after a pronoun or modal.
fn stance_form_ok(toks: &[Tok], c: usize, verb: CueVerb) -> bool {
    let ambiguous_belief = verb.class == CueClass::Cognition && matches!(verb.lemma, "fear" | "hope" | "doubt" | "worry" | "concern");
    if verb.class != CueClass::Stance && !ambiguous_belief {
        return true;
    }
    let w = toks[c].lower.as_str();
    let prev = c.checked_sub(1).map(|i| &toks[i]);
    let after_subject = prev.is_some_and(|p| p.is_word() && (p.cap || is_subject_pronoun(&p.lower) || super::lexicon::is_auxiliary(&p.lower) || p.lower.ends_with("ly")));
    if verb.progressive {
        return true;
    }
    if w.ends_with("ed") || matches!(w, "sought" | "dubbed" | "slammed") {
        return true;
    }
    if w != verb.lemma {
        return after_subject;
    }
    prev.is_some_and(|p| p.is_word() && (matches!(p.lower.as_str(), "they" | "we" | "i" | "you" | "would" | "will" | "could" | "may" | "might" | "to" | "not" | "also" | "still" | "strongly")))
}

fn cue_at(t: &Tok) -> Option<CueVerb> {
    t.cue
}

/// `, X said …` / `, said X …` / `X said` right after a quotation.
fn tag_after(s: &Sentence<'_>, mut i: usize, hi: usize) -> Option<Tag> {
    let toks = s.toks;
    while i < hi && toks[i].kind == TokKind::Punct && (matches!(toks[i].lower.as_str(), "," | "—" | "–" | "-") || toks[i].is_quote()) {
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
        && toks[start..that]
            .iter()
            .all(|t| t.is_word() && !is_subject_pronoun(&t.lower) && cue_at(t).is_none() || t.kind == TokKind::Number || t.is_punct('\'') || t.is_punct('’'))
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
    if toks[j - 1].kind == TokKind::Punct && matches!(toks[j - 1].lower.as_str(), ":" | "," | "—" | "–") {
        j -= 1;
    }
    // The closest cue verb before the quote, at most 30 tokens back.
    let floor = lo.max(j.saturating_sub(30));
    let c = (floor..j).rev().find(|&c| cue_at(&toks[c]).is_some_and(|v| !v.progressive || c == floor) && verb_use(toks, c) && !inside_quote(qt, c));
    if let Some(c) = c {
        let verb = cue_at(&toks[c])?;
        // What lies between the verb and the quote must be adverbial, not a clause.
        let between_ok = j == c + 1
            || skip_adverbials(toks, c + 1, j) == j
            || toks[c + 1..j].iter().all(|t| !t.is("that"))
                && (colon || j - c <= 4);
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
            if np.first > lo && toks[np.first - 1].is_word() && matches!(toks[np.first - 1].lower.as_str(), "on" | "in" | "at" | "with" | "to" | "from") {
                end = np.first - 1;
                continue;
            }
            if np.first == lo && (head.cap || is_subject_pronoun(&head.lower)) && !is_determiner(&toks[np.first].lower) {
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

/// `, adding that …` / `, saying …` / `and told reporters …` after a main attribution
/// with `source`, starting at token `from` (where [`clause_end`] stopped).
fn participles(s: &Sentence<'_>, from: usize, hi: usize, source: Np, out: &mut Vec<Found>) {
    let toks = s.toks;
    let mut i = from;
    while i < hi && (toks[i].kind == TokKind::Punct && !toks[i].is_punct('(') || toks[i].is("and") || toks[i].is("but")) {
        i += 1;
    }
    let Some(verb) = toks.get(i).and_then(cue_at) else {
        return;
    };
    let mut start = object_end(toks, verb, i + 1, hi);
    start = skip_adverbials(toks, start, hi);
    if start < hi && toks[start].is("that") {
        start += 1;
    }
    if start < hi && toks[start].kind == TokKind::Punct && matches!(toks[start].lower.as_str(), "," | ":") {
        start += 1;
    }
    if hi.saturating_sub(start) < 3 {
        return;
    }
    let end = clause_end(toks, start, hi);
    if let Some(content) = content_span(s, start, end) {
        out.push(Found {
            content,
            kind: ClaimKind::Reported,
            cue: Some(toks[i].span),
            source: Some(source),
            pattern: Pattern::Participle,
            class: verb.class,
        });
    }
    if end < hi {
        participles(s, end, hi, source, out);
    }
}

/// The text of tokens `from..to`, without a final period.
fn content_span(s: &Sentence<'_>, from: usize, to: usize) -> Option<Span> {
    let toks = s.toks;
    let mut to = to;
    while to > from && toks[to - 1].kind == TokKind::Punct && matches!(toks[to - 1].lower.as_str(), "." | "," | ";" | ":" | "—" | "–") {
        to -= 1;
    }
    if to <= from {
        return None;
    }
    Some(Span::new(toks[from].span.start, toks[to - 1].span.end))
}

/// Where an attributed clause ends: before `, adding` / `, saying`, before
/// `and said` / `but argues`, or at the sentence end.
fn clause_end(toks: &[Tok], from: usize, hi: usize) -> usize {
    (from..hi.saturating_sub(1))
        .find(|&i| {
            let t = &toks[i];
            if t.is_punct(',') || t.is_punct(';') {
                let mut j = i + 1;
                while j < hi && toks[j].is_quote() {
                    j += 1;
                }
                let Some(next) = toks.get(j).filter(|_| j < hi) else {
                    return false;
                };
                if cue_at(next).is_some_and(|v| v.progressive && v.class == CueClass::Speech) {
                    return true;
                }
                // "…, tapping the disenfranchisement of …": a participle clause ends it.
                if next.is_word() && !next.cap && next.lower.len() > 5 && next.lower.ends_with("ing") && !matches!(next.lower.as_str(), "including" | "according" | "following" | "regarding" | "concerning" | "during" | "something" | "nothing" | "anything" | "everything") {
                    return true;
                }
                // "…, but officials said …": another attribution with its own subject.
                if t.is_punct(';') || next.is_word() && matches!(next.lower.as_str(), "but" | "and" | "while" | "whereas" | "though" | "although") {
                    return (j + 1..hi.min(j + 7)).any(|k| cue_at(&toks[k]).is_some_and(|v| !v.progressive && matches!(v.class, CueClass::Speech | CueClass::Cognition)) && verb_use(toks, k))
                        && toks[j + 1..hi.min(j + 7)].iter().take_while(|t| cue_at(t).is_none()).all(|t| t.is_word() || t.kind == TokKind::Number);
                }
                return false;
            }
            if t.is("and") || t.is("but") {
                let mut j = i + 1;
                while j < hi && toks[j].is_word() && matches!(toks[j].lower.as_str(), "also" | "then" | "later") {
                    j += 1;
                }
                return toks
                    .get(j)
                    .and_then(cue_at)
                    .is_some_and(|v| !v.progressive && v.class != CueClass::Evidence && toks[j].lower != v.lemma);
            }
            false
        })
        .unwrap_or(hi)
}

fn sentence_level(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) {
    if according_to(s, qt, out) {
        nested(s, out);
        return;
    }
    if headline_colon(s, qt, out) || in_a_poll(s, qt, out) || verb_patterns(s, qt, out, true) {
        return;
    }
    if !saying(s, qt, out) {
        passive(s, qt, out);
    }
}

/// An attribution inside the content of the last one found: `Bloomberg reports that
/// …, according to the Roper Center` — Bloomberg's report is itself attributed.
fn nested(s: &Sentence<'_>, out: &mut Analysis) {
    let Some(outer) = out.found.last().copied() else {
        return;
    };
    if !matches!(outer.pattern, Pattern::InvertedTag | Pattern::AccordingTo) {
        return;
    }
    let toks = s.toks;
    let Some(a) = toks.iter().position(|t| t.span.start >= outer.content.start) else {
        return;
    };
    let b = toks.iter().rposition(|t| t.span.end <= outer.content.end).map_or(a, |b| b + 1);
    if b <= a + 3 {
        return;
    }
    let quotes: Vec<Quote> = s.quotes.iter().filter(|q| outer.content.contains_offset(q.open.start)).copied().collect();
    let sub = Sentence {
        text: s.text,
        span: outer.content,
        toks: &toks[a..b],
        quotes: &quotes,
        para_end: s.para_end,
    };
    let qt = quote_tokens(&sub);
    let mut inner = Analysis::default();
    if verb_patterns(&sub, &qt, &mut inner, false) {
        out.found.extend(inner.found.into_iter().filter(|f| f.pattern == Pattern::SubjectVerb));
    }
}

/// Subject–verb patterns (`X said …`, `…, X said.`); true if one was found.
fn verb_patterns(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis, allow_nested: bool) -> bool {
    if inverted_at_end(s, qt, out) {
        if allow_nested {
            nested(s, out);
        }
        return true;
    }
    // Speech and evidence verbs first: "X plans to …, sources say" is the sources'.
    verb_scan(s, qt, out, allow_nested, false) || verb_scan(s, qt, out, allow_nested, true)
}

/// `…, the Financial Times has reported.` / `…, said the minister.` closing the sentence.
fn inverted_at_end(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    for c in (n.saturating_sub(16)..n).rev() {
        if inside_quote(qt, c) || c < 3 {
            continue;
        }
        let Some(verb) = cue_at(&toks[c]) else {
            continue;
        };
        if verb.progressive || !matches!(verb.class, CueClass::Speech | CueClass::Evidence) || !verb_use(toks, c) || is_noun_verb(&toks[c].lower) && !toks[c].lower.ends_with('s') {
            continue;
        }
        let after = skip_adverbials(toks, object_end(toks, verb, c + 1, n), n);
        if !tail_is_empty(toks, after, n) {
            continue;
        }
        let end = skip_back_adverbials(toks, 0, c);
        let (np, comma) = if let Some(np) = np_before(s.text, toks, 0, end).filter(|np| np.appositive.is_none() || tag_comma(toks, np.first).is_some()) {
            let Some(comma) = tag_comma(toks, np.first) else {
                continue;
            };
            (np, comma)
        } else if let Some(comma) = tag_comma(toks, c)
            && let Some((np, after)) = np_after(s.text, toks, c + 1, n)
            && tail_is_empty(toks, skip_adverbials(toks, after, n), n)
        {
            (np, comma)
        } else {
            continue;
        };
        if comma < 3 {
            return false;
        }
        let Some(content) = content_span(s, 0, comma) else {
            return false;
        };
        out.found.push(Found {
            content,
            kind: ClaimKind::Reported,
            cue: Some(toks[c].span),
            source: Some(np),
            pattern: Pattern::InvertedTag,
            class: verb.class,
        });
        return true;
    }
    false
}

fn verb_scan(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis, allow_nested: bool, all_classes: bool) -> bool {
    let toks = s.toks;
    let n = toks.len();
    for c in 0..n {
        if inside_quote(qt, c) {
            continue;
        }
        let Some((verb, verb_end)) = cue_here(toks, c) else {
            continue;
        };
        if !all_classes && !matches!(verb.class, CueClass::Speech | CueClass::Evidence) {
            continue;
        }
        // "is accusing", "was calling for": a progressive form after "be" is finite.
        let be_before = c > 0 && matches!(toks[c - 1].lower.as_str(), "be" | "been" | "being" | "was" | "were" | "is" | "are" | "'s" | "’s");
        if verb.progressive && !be_before || toks[c].cap && c > 0 {
            continue;
        }
        if c > 0 && (toks[c - 1].is("to") || be_before && !verb.progressive) {
            continue; // "declined to say", "was told": not this pattern
        }
        if !verb_use(toks, c) || !stance_form_ok(toks, c, verb) {
            continue; // a noun: "the report", "in 30 states", "an attack"
        }
        if is_noun_verb(&toks[c].lower) && !toks.get(verb_end + 1).is_some_and(|t| t.is("that") || t.is_punct(':') || t.is_quote()) && !(c + 1 < n && only_closers(toks, skip_adverbials(toks, verb_end + 1, n), n)) {
            continue;
        }
        let c_end = verb_end;
        let end = skip_back_adverbials(toks, 0, if be_before { c - 1 } else { c });
        // `… and said …`: the verb shares the sentence's subject.
        let coordinated = end > 0 && (toks[end - 1].is("and") || toks[end - 1].is("but"));
        let np = if coordinated {
            main_subject(s, end - 1)
        } else {
            np_before(s.text, toks, 0, end)
        };
        // `said X` inverted at the end: `…, said the minister.`
        if let Some(comma) = tag_comma(toks, c)
            && np.is_none()
        {
            if let Some((np, after)) = np_after(s.text, toks, c + 1, n)
                && tail_is_empty(toks, skip_adverbials(toks, after, n), n)
                && let Some(content) = content_span(s, 0, comma)
            {
                out.found.push(Found {
                    content,
                    kind: ClaimKind::Reported,
                    cue: Some(toks[c].span),
                    source: Some(np),
                    pattern: Pattern::InvertedTag,
                    class: verb.class,
                });
                if allow_nested {
                    nested(s, out);
                }
                return true;
            }
            continue;
        }
        let Some(np) = np.filter(|np| speaks(toks, np)) else {
            continue;
        };
        // Inverted: `…, the Financial Times has reported.`
        if let Some(comma) = tag_comma(toks, np.first)
            && !coordinated
            && (matches!(verb.class, CueClass::Speech | CueClass::Evidence) || stance_subject(toks, &np))
        {
            let after = object_end(toks, verb, c_end + 1, n);
            let after = skip_adverbials(toks, after, n);
            // `In a merger, he said, the brand would survive.`: a tag inside the
            // sentence; the claim is the whole sentence around it.
            if after + 3 < n
                && toks[after].is_punct(',')
                && !cue_at_next_progressive(toks, after)
                && matches!(verb.class, CueClass::Speech)
                && comma >= 2
                && let Some(content) = content_span(s, 0, n)
            {
                out.found.push(Found {
                    content,
                    kind: ClaimKind::Reported,
                    cue: Some(toks[c].span),
                    source: Some(np),
                    pattern: Pattern::InvertedTag,
                    class: verb.class,
                });
                return true;
            }
            if tail_is_empty(toks, after, n) || after < n && toks[after].is_punct(',') && cue_at_next_progressive(toks, after) {
                if let Some(content) = content_span(s, 0, comma)
                    && np.first >= 3
                {
                    out.found.push(Found {
                        content,
                        kind: ClaimKind::Reported,
                        cue: Some(toks[c].span),
                        source: Some(np),
                        pattern: Pattern::InvertedTag,
                        class: verb.class,
                    });
                    participles(s, after, n, np, &mut out.found);
                    if allow_nested
                        && let Some(i) = out.found.iter().rposition(|f| f.pattern == Pattern::InvertedTag)
                    {
                        // Look inside the inverted claim (it must be last for `nested`).
                        let f = out.found.remove(i);
                        out.found.push(f);
                        nested(s, out);
                    }
                    return true;
                }
            }
        }
        // Subject + verb + content.
        let mut start = object_end(toks, verb, c_end + 1, n);
        start = skip_adverbials(toks, start, n);
        let has_that = start < n && toks[start].is("that");
        if has_that {
            start += 1;
        }
        if start < n && toks[start].kind == TokKind::Punct && matches!(toks[start].lower.as_str(), "," | ":") {
            start += 1;
        }
        // Nothing said yet, or only where it was said ("in an interview with a radio
        // station"): the quotation that follows is this speaker's.
        let only_setting = start < n
            && toks[start].is_word()
            && matches!(toks[start].lower.as_str(), "in" | "on" | "at" | "during" | "with" | "to" | "from" | "by" | "after" | "before" | "via" | "outside" | "inside" | "near" | "over")
            && (start..n).all(|i| {
                let t = &toks[i];
                t.kind == TokKind::Number
                    || t.kind == TokKind::Punct && matches!(t.lower.as_str(), "," | "." | ":" | "-" | "'" | "’")
                    || t.is_word() && !is_subject_pronoun(&t.lower) && (cue_at(t).is_none() || !verb_use(toks, i)) && !super::lexicon::is_auxiliary(&t.lower) && !t.is("that")
            });
        if start >= n || only_closers(toks, start, n) || only_setting && toks.last().is_some_and(|t| t.is_punct(':') || t.is_punct('.')) {
            out.pending = Some((np, toks[c].span));
            return true;
        }
        let clause = has_that || starts_clause(toks, start, n) || c_end > c;
        let document = super::lexicon::is_source_document(toks[np.last].stem());
        let ok = match verb.class {
            CueClass::Speech => clause || n - start >= 4 && !toks[start].is("to"),
            CueClass::Evidence => clause || document && n - start >= 3,
            CueClass::Cognition => clause,
            CueClass::Stance => stance_subject(toks, &np) && n - start >= 3,
        };
        if !ok {
            continue;
        }
        let mut end = clause_end(toks, start, n);
        // "When Ode said X, the crowd cheered": the subordinate clause ends at a comma.
        let subordinate = np.first > 0
            && toks[np.first - 1].is_word()
            && matches!(toks[np.first - 1].lower.as_str(), "when" | "while" | "as" | "if" | "although" | "though" | "after" | "because" | "since" | "before" | "until" | "once" | "whereas" | "even");
        if subordinate && let Some(comma) = (start..end).find(|&i| toks[i].is_punct(',') && !inside_quote(qt, i)) {
            end = comma;
        }
        let Some(content) = content_span(s, start, end) else {
            continue;
        };
        out.found.push(Found {
            content,
            kind: ClaimKind::Reported,
            cue: Some(Span::new(toks[c].span.start, toks[c_end].span.end)),
            source: Some(np),
            pattern: Pattern::SubjectVerb,
            class: verb.class,
        });
        let before = out.found.len();
        participles(s, end, n, np, &mut out.found);
        if out.found.len() == before && end < n {
            remainder(s, end, out);
        }
        return true;
    }
    false
}

/// Attributions in what follows a clause: `…, but officials said …`.
fn remainder(s: &Sentence<'_>, from: usize, out: &mut Analysis) {
    let toks = s.toks;
    let n = toks.len();
    let mut a = from;
    while a < n && (toks[a].kind == TokKind::Punct || toks[a].is_word() && matches!(toks[a].lower.as_str(), "and" | "but" | "while" | "whereas" | "though" | "although" | "yet")) {
        a += 1;
    }
    if n.saturating_sub(a) < 4 {
        return;
    }
    let span = Span::new(toks[a].span.start, toks[n - 1].span.end);
    let quotes: Vec<Quote> = s.quotes.iter().filter(|q| span.contains_offset(q.open.start)).copied().collect();
    let sub = Sentence {
        text: s.text,
        span,
        toks: &toks[a..],
        quotes: &quotes,
        para_end: s.para_end,
    };
    let qt = quote_tokens(&sub);
    let mut inner = Analysis::default();
    if verb_patterns(&sub, &qt, &mut inner, false) {
        out.found.extend(inner.found);
    }
}

/// The cue verb at token `c` and the index of its last token: "said", or "called for".
fn cue_here(toks: &[Tok], c: usize) -> Option<(CueVerb, usize)> {
    let t = &toks[c];
    if t.is_word() && matches!(t.lower.as_str(), "calls" | "called" | "calling") && toks.get(c + 1).is_some_and(|n| n.is("for") || n.is("on")) {
        let verb = CueVerb {
            lemma: "call",
            class: CueClass::Speech,
            progressive: t.lower == "calling",
            takes_object: false,
        };
        return Some((verb, c + 1));
    }
    cue_at(t).map(|v| (v, c))
}

/// Verb forms that are more often nouns ("the state", "a report"): as cues they need a
/// clause, a colon or a quotation after them, or to end an inverted tag.
fn is_noun_verb(w: &str) -> bool {
    matches!(
        w,
        "state" | "states" | "comment" | "comments" | "remark" | "remarks" | "report" | "reports"
            | "note" | "notes" | "charge" | "charges" | "tweet" | "tweets" | "post" | "posts"
            | "claim" | "claims" | "quote" | "quotes" | "estimate" | "estimates" | "answer"
            | "answers" | "promise" | "promises" | "pledge" | "pledges" | "vow" | "vows" | "counter"
            | "object" | "protest" | "protests" | "project" | "projects" | "signal" | "signals"
            | "hint" | "hints" | "demand" | "demands" | "dispute" | "disputes" | "repeat" | "joke"
            | "jokes" | "concern" | "review" | "caution" | "record" | "question" | "questions"
            | "read" | "reads"
    )
}

/// `… calls saying shots were fired` / `…, saying the plan had failed` with no other
/// attribution: the phrase before "saying", or the sentence's subject.
fn saying(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    let Some(c) = (1..n).find(|&c| !inside_quote(qt, c) && cue_at(&toks[c]).is_some_and(|v| v.progressive && v.class == CueClass::Speech)) else {
        return false;
    };
    let verb = cue_at(&toks[c]).map_or(CueClass::Speech, |v| v.class);
    let np = if toks[c - 1].is_punct(',') {
        main_subject(s, c - 1)
    } else {
        // "calls saying", "a statement saying", "officials saying": a noun that speaks.
        np_before(s.text, toks, 0, c).filter(|np| {
            let head = &toks[np.last];
            !head.cap
                && (super::lexicon::is_source_document(head.stem())
                    || super::lexicon::is_unnamed_head(head.stem())
                    || super::lexicon::is_person_role(head.stem())
                    || matches!(head.stem(), "calls" | "call" | "ad" | "ads" | "sign" | "signs" | "banner" | "message" | "messages"))
        })
    };
    let Some(np) = np else {
        return false;
    };
    let mut start = skip_adverbials(toks, c + 1, n);
    if start < n && toks[start].is("that") {
        start += 1;
    }
    if start < n && toks[start].kind == TokKind::Punct && matches!(toks[start].lower.as_str(), "," | ":") {
        start += 1;
    }
    let Some(content) = content_span(s, start, clause_end(toks, start, n)) else {
        return false;
    };
    if n - start < 3 {
        return false;
    }
    out.found.push(Found {
        content,
        kind: ClaimKind::Reported,
        cue: Some(toks[c].span),
        source: Some(np),
        pattern: Pattern::Participle,
        class: verb,
    });
    true
}

/// Something that can say things: a name, a pronoun, a person, a group of people, an
/// organisation or a document — not "the increase" in "the increase will add €500".
fn speaks(toks: &[Tok], np: &Np) -> bool {
    let head = &toks[np.last];
    let stem = head.stem();
    head.cap
        || head.kind == TokKind::Number
        || is_subject_pronoun(&head.lower)
        || matches!(stem, "several" | "many" | "some" | "most" | "others" | "both" | "all" | "one" | "another" | "few" | "percent" | "%" | "respondents" | "people" | "everyone" | "nobody" | "somebody" | "someone" | "anyone")
        || super::lexicon::is_person_role(stem)
        || super::lexicon::is_unnamed_head(stem)
        || super::lexicon::is_source_document(stem)
        || super::lexicon::is_org_word(stem)
        || matches!(stem, "law" | "bill" | "constitution" | "agreement" | "treaty" | "contract" | "rule" | "rules" | "policy" | "guidance" | "guidelines" | "order" | "resolution" | "motion" | "plan" | "proposal" | "platform" | "sign" | "banner" | "website" | "page" | "account" | "label" | "warning" | "notice" | "text")
        || stem.len() > 3 && stem.ends_with('s') && !stem.ends_with("ss")
}

/// Only people and organisations take positions: a name, a pronoun, or a described
/// person ("many commentators", "the senator").
fn stance_subject(toks: &[Tok], np: &Np) -> bool {
    let head = &toks[np.last];
    head.cap && head.is_word()
        || is_subject_pronoun(&head.lower) && !head.is("it")
        || super::lexicon::is_person_role(head.stem())
        || super::lexicon::is_unnamed_head(head.stem()) && head.lower != "some"
}

/// The comma that opens an inverted tag starting at token `i`: `…, X said` or
/// `…," X said` (a closing quotation mark after the comma).
fn tag_comma(toks: &[Tok], i: usize) -> Option<usize> {
    let mut j = i;
    while j > 0 && toks[j - 1].is_quote() {
        j -= 1;
    }
    (j > 0 && toks[j - 1].is_punct(',')).then(|| j - 1)
}

/// True if nothing but closing punctuation, or a relative clause about the speaker
/// (`, who also ran for office`), follows token `i`.
fn tail_is_empty(toks: &[Tok], i: usize, n: usize) -> bool {
    only_closers(toks, i, n)
        || i + 1 < n
            && toks[i].is_punct(',')
            && (matches!(toks[i + 1].lower.as_str(), "who" | "whose" | "which")
                // "…, he said, wiping sweat off his face."
                || toks[i + 1].is_word() && !toks[i + 1].cap && toks[i + 1].lower.ends_with("ing") && cue_at(&toks[i + 1]).is_none_or(|v| v.class != CueClass::Speech))
}

/// The subject at the start of the sentence, for a verb coordinated with the main one
/// (`Giles tried again and said …`): a pronoun, a run of capitalised words, or a
/// determiner and the words up to the first verb-like word, before token `before`.
fn main_subject(s: &Sentence<'_>, before: usize) -> Option<Np> {
    let toks = s.toks;
    let mut first = toks.iter().position(|t| t.is_word())?;
    // "In an interview with CNN, Trump …", "On Tuesday, she …": skip the opener.
    if toks[first].is_word() && (matches!(toks[first].lower.as_str(), "in" | "on" | "at" | "during" | "after" | "before" | "speaking" | "asked" | "earlier" | "later" | "meanwhile" | "however" | "still" | "but" | "and" | "yet" | "then") || super::lexicon::is_time_word(&toks[first].lower))
        && let Some(comma) = (first + 1..before.min(first + 16)).find(|&i| toks[i].is_punct(','))
    {
        first = comma + 1;
    } else if first > 1 {
        return None;
    }
    if first >= before || !toks[first].is_word() {
        return None;
    }
    let t = &toks[first];
    let mut last = first;
    if is_subject_pronoun(&t.lower) {
        // a pronoun alone
    } else if t.cap && !is_determiner(&t.lower) {
        while last + 1 < before && toks[last + 1].cap && toks[last + 1].is_word() {
            last += 1;
        }
    } else if is_determiner(&t.lower) {
        while last + 1 < before && last - first < 8 {
            let n = &toks[last + 1];
            let verbish = n.is_word() && !n.cap && (n.lower.ends_with("ed") || super::lexicon::is_auxiliary(&n.lower) || cue_at(n).is_some() || super::lexicon::is_clause_word(&n.lower) && n.lower != "to");
            if verbish || n.kind == TokKind::Punct {
                break;
            }
            last += 1;
        }
        if last == first {
            return None;
        }
    } else {
        return None;
    }
    Some(Np {
        span: Span::new(toks[first].span.start, toks[last].span.end),
        appositive: None,
        first,
        last,
    })
}

fn cue_at_next_progressive(toks: &[Tok], comma: usize) -> bool {
    toks.get(comma + 1)
        .and_then(cue_at)
        .is_some_and(|v| v.progressive)
}

/// A finite clause seems to start at `i`: a subject pronoun, determiner or name
/// followed within a few words by an auxiliary or modal.
fn starts_clause(toks: &[Tok], i: usize, hi: usize) -> bool {
    let t = &toks[i];
    if !(t.is_word() || t.kind == TokKind::Number) {
        return t.is_quote();
    }
    let w = t.lower.as_str();
    // "a move officials said was unavoidable": the clause's subject came before.
    if matches!(w, "was" | "is" | "were" | "are" | "would" | "will" | "had" | "has" | "could" | "should" | "might") && i + 1 < hi {
        return true;
    }
    if !(is_subject_pronoun(w) || is_determiner(w) || t.cap || t.kind == TokKind::Number || w == "there") {
        return false;
    }
    toks[i + 1..hi.min(i + 9)].iter().any(|t| {
        t.is_word()
            && matches!(
                t.lower.as_str(),
                "is" | "was" | "are" | "were" | "will" | "would" | "could" | "can" | "should"
                    | "may" | "might" | "must" | "has" | "had" | "have" | "did" | "does" | "do"
                    | "wants" | "plans" | "needs" | "remains" | "faces" | "won't" | "isn't"
                    | "wasn't" | "aren't" | "hasn't" | "haven't" | "didn't" | "doesn't"
            )
    })
}

/// `According to X, …` and `…, according to X.`
fn according_to(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    let Some(i) = (0..n.saturating_sub(2)).find(|&i| toks[i].is("according") && toks[i + 1].is("to") && !inside_quote(qt, i)) else {
        return false;
    };
    let Some((np, after)) = np_after(s.text, toks, i + 2, n) else {
        return false;
    };
    let cue = Span::new(toks[i].span.start, toks[i + 1].span.end);
    // Skip the rest of the source phrase ("'s latest report", "reports").
    let mut phrase_end = after;
    while phrase_end < n && !(toks[phrase_end].kind == TokKind::Punct && matches!(toks[phrase_end].lower.as_str(), "," | "." | ";" | ":")) {
        phrase_end += 1;
    }
    let lead = only_openers(toks, 0, i) || i <= 2 && toks[..i].iter().all(|t| t.is_word() && !t.cap || t.is_punct(',') || t.cap && i == 1);
    let content = if lead {
        let start = if phrase_end < n && toks[phrase_end].is_punct(',') { phrase_end + 1 } else { phrase_end };
        content_span(s, start, n)
    } else {
        let end = if i > 0 && toks[i - 1].is_punct(',') { i - 1 } else { i };
        let before = content_span(s, 0, end);
        let after_span = if phrase_end + 1 < n { content_span(s, phrase_end + 1, n) } else { None };
        match (before, after_span) {
            (Some(b), Some(a)) if a.len() > b.len() * 2 => Some(Span::new(b.start, a.end)),
            (b, a) => b.or(a),
        }
    };
    let Some(content) = content else {
        return false;
    };
    out.found.push(Found {
        content,
        kind: ClaimKind::Reported,
        cue: Some(cue),
        source: Some(np),
        pattern: Pattern::AccordingTo,
        class: CueClass::Speech,
    });
    true
}

/// Words that label a line rather than name a speaker ("Update: …").
fn is_label(w: &str) -> bool {
    matches!(
        w,
        "note" | "update" | "updated" | "correction" | "photo" | "source" | "related" | "watch"
            | "warning" | "breaking" | "why" | "what" | "how" | "when" | "where" | "who" | "read"
            | "listen" | "video" | "exclusive" | "analysis" | "opinion" | "q" | "a" | "editor's"
            | "editor’s" | "background" | "context" | "bottom" | "summary" | "example" | "tip"
            | "result" | "results" | "verdict" | "claim" | "fact" | "rating" | "live" | "more"
            | "also" | "here" | "today" | "now" | "next" | "first" | "second" | "third" | "finally"
    )
}

/// `Graham: Trump's rhetoric is destroying the party` — a short name, a colon, a claim.
fn headline_colon(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    let Some(k) = (1..n.min(7)).find(|&k| toks[k].is_punct(':')) else {
        return false;
    };
    if inside_quote(qt, k) || n - k < 5 {
        return false;
    }
    let words = &toks[..k];
    let head = &toks[k - 1];
    let all_words = words.iter().all(|t| t.is_word() || t.is_punct('.') || t.is_punct('\''));
    if !all_words || !head.cap || words.iter().any(|t| is_label(&t.lower)) || !toks[0].cap {
        return false;
    }
    let Some(content) = content_span(s, k + 1, n) else {
        return false;
    };
    let np = Np {
        span: Span::new(toks[0].span.start, head.span.end),
        appositive: None,
        first: 0,
        last: k - 1,
    };
    out.found.push(Found {
        content,
        kind: ClaimKind::Reported,
        cue: Some(toks[k].span),
        source: Some(np),
        pattern: Pattern::Colon,
        class: CueClass::Speech,
    });
    true
}

/// `In a Bloomberg poll released Monday, 50 percent chose Clinton.` / `Trump leads by
/// 57 percent to 33 percent in the 50-state poll.`
fn in_a_poll(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    let Some(i) = (0..n.saturating_sub(2)).find(|&i| {
        toks[i].is("in") && toks[i + 1].is_word() && is_determiner(&toks[i + 1].lower) && !inside_quote(qt, i)
    }) else {
        return false;
    };
    // The document noun closing the phrase: "a CBS News poll", "the latest survey".
    let Some(head) = (i + 2..n.min(i + 10)).find(|&k| {
        toks[k].is_word() && !toks[k].cap && matches!(toks[k].stem(), "poll" | "polls" | "survey" | "surveys" | "study" | "report" | "analysis" | "census" | "audit" | "tally" | "count" | "estimate" | "estimates" | "forecast" | "projection" | "review" | "index")
    }) else {
        return false;
    };
    if toks[i + 2..head].iter().any(|t| t.kind == TokKind::Punct && !t.is_punct('/') && !t.is_punct('-') || t.is_word() && !t.cap && is_clause_word(&t.lower)) {
        return false;
    }
    // The rest of the document phrase: "released Sunday", "of likely voters".
    let mut phrase_end = head + 1;
    while phrase_end < n && !(toks[phrase_end].kind == TokKind::Punct) && phrase_end - head < 6 && !toks[phrase_end].is("that") {
        phrase_end += 1;
    }
    let content = if i == 0 || only_openers(toks, 0, i) {
        let start = if phrase_end < n && toks[phrase_end].is_punct(',') { phrase_end + 1 } else { phrase_end };
        content_span(s, start, n)
    } else if only_closers(toks, phrase_end, n) || phrase_end < n && toks[phrase_end].is_punct(',') {
        content_span(s, 0, i)
    } else {
        None
    };
    let Some(content) = content.filter(|c| c.len() > 12) else {
        return false;
    };
    let np = Np {
        span: Span::new(toks[i + 1].span.start, toks[head].span.end),
        appositive: None,
        first: i + 1,
        last: head,
    };
    out.found.push(Found {
        content,
        kind: ClaimKind::Reported,
        cue: Some(toks[i].span),
        source: Some(np),
        pattern: Pattern::InDocument,
        class: CueClass::Evidence,
    });
    true
}

/// `X are reported to …`, `X reportedly …`, `it is understood that …`.
fn passive(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) {
    let toks = s.toks;
    let n = toks.len();
    for i in 0..n {
        if inside_quote(qt, i) {
            continue;
        }
        let w = toks[i].lower.as_str();
        let cue_end = if w == "reportedly" || w == "allegedly" {
            Some(i)
        } else if matches!(w, "is" | "are" | "was" | "were" | "been")
            && i + 2 < n
            && matches!(toks[i + 1].lower.as_str(), "reported" | "said" | "believed" | "thought" | "alleged" | "rumored" | "rumoured" | "understood" | "estimated" | "expected" | "projected" | "predicted" | "forecast")
            && matches!(toks[i + 2].lower.as_str(), "to" | "that")
        {
            Some(i + 2)
        } else {
            None
        };
        let Some(cue_end) = cue_end else {
            continue;
        };
        let impersonal = i > 0 && toks[i - 1].is("it") && toks[cue_end].is("that");
        let content = if impersonal {
            content_span(s, cue_end + 1, n)
        } else {
            content_span(s, 0, n)
        };
        if let Some(content) = content {
            let start = if w == "reportedly" || w == "allegedly" { i } else { i };
            let cue = Span::new(toks[start].span.start, toks[if cue_end > i && toks[cue_end].is("that") { cue_end - 1 } else { cue_end }].span.end);
            out.found.push(Found {
                content,
                kind: ClaimKind::Reported,
                cue: Some(cue),
                source: None,
                pattern: Pattern::Passive,
                class: CueClass::Speech,
            });
        }
        return;
    }
}

#[cfg(test)]
#[path = "attribution_tests.rs"]
mod tests;
