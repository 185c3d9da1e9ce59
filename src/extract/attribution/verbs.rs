//! Subject–verb attributions: `X said (that) …`, `…, X said.`, `X, Y said, …`, and what
//! follows a clause (`, adding that …`, `, but officials said …`).

use super::subject_verb::verb_scan;
use super::words::{
    content_span, content_start, cue_at, cue_here, is_noun_verb, names_a_time, speaker_after_verb,
    tag_comma, tail_is_empty, verb_use,
};
use super::{Analysis, Found, Pattern, QuoteToks, Sentence};
use super::{inside_quote, object_end, quote_tokens};
use crate::extract::lexicon;
use crate::extract::lexicon::{CueClass, is_determiner, is_subject_pronoun};
use crate::extract::phrases::{Np, np_after, np_before, skip_adverbials, skip_back_adverbials};
use crate::extract::quotes::Quote;
use crate::extract::tokens::{Tok, TokKind};
use crate::model::Span;

/// `, adding that …` / `, saying …` / `and told reporters …` after a main attribution
/// with `source`, starting at token `from` (where [`clause_end`] stopped).
pub(super) fn participles(
    s: &Sentence<'_>,
    from: usize,
    hi: usize,
    source: Np,
    out: &mut Analysis,
) {
    let toks = s.toks;
    let mut i = from;
    while i < hi
        && (toks[i].kind == TokKind::Punct && !toks[i].is_punct('(')
            || toks[i].is("and")
            || toks[i].is("but")
            // "…, he said, before insisting that …"
            || matches!(toks[i].lower.as_str(), "before" | "after" | "while")
                && toks.get(i + 1).is_some_and(|t| t.lower.ends_with("ing")))
    {
        i += 1;
    }
    // A cue of more than one word too: "…, he said, referring to the mill".
    let Some((verb, verb_end)) = (i < hi).then(|| cue_here(toks, i)).flatten() else {
        return;
    };
    let start = content_start(toks, object_end(toks, verb, verb_end + 1, hi), hi);
    if hi.saturating_sub(start) < 3 {
        return;
    }
    let end = clause_end(toks, start, hi);
    if let Some(content) = content_span(s, start, end) {
        out.push_reported(
            content,
            Span::new(toks[i].span.start, toks[verb_end].span.end),
            source,
            Pattern::Participle,
            verb.class,
        );
    }
    if end < hi {
        participles(s, end, hi, source, out);
    }
}

/// Where an attributed clause ends: before `, adding` / `, saying`, before
/// `and said` / `but argues`, or at the sentence end.
pub(super) fn clause_end(toks: &[Tok], from: usize, hi: usize) -> usize {
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
                // "…, called her "third-rate" and …": a second past verb of the same
                // speaker with its own object.
                if next.is_word()
                    && !next.cap
                    && next.lower.ends_with("ed")
                    && cue_at(next).is_some_and(|v| {
                        !v.progressive && matches!(v.class, CueClass::Speech | CueClass::Stance)
                    })
                    && toks.get(j + 1).is_some_and(|o| {
                        o.is_word()
                            && (lexicon::OBJECT_PRONOUNS.has(o.lower.as_str())
                                || is_determiner(&o.lower)
                                || o.cap)
                    })
                {
                    return true;
                }
                // "…, tapping the disenfranchisement of …": a participle clause ends it.
                if next.is_word()
                    && !next.cap
                    && next.lower.len() > 5
                    && next.lower.ends_with("ing")
                    && !lexicon::NOT_PARTICIPLE_CUES.has(next.lower.as_str())
                {
                    return true;
                }
                // "…, but officials said …": another attribution with its own subject.
                if t.is_punct(';')
                    || next.is_word() && lexicon::CLAUSE_CONJUNCTIONS.has(next.lower.as_str())
                {
                    return subject_and_cue_after(toks, j, hi);
                }
                return false;
            }
            // "… hiding the audit while Ode suggests …": a contrast with its own speaker.
            if t.is_word()
                && matches!(t.lower.as_str(), "while" | "whereas")
                && i > from
                && subject_and_cue_after(toks, i, hi)
            {
                return true;
            }
            if t.is("and") || t.is("but") {
                let mut j = i + 1;
                while j < hi && toks[j].is_word() && lexicon::AFTER_AND.has(toks[j].lower.as_str())
                {
                    j += 1;
                }
                return toks.get(j).and_then(cue_at).is_some_and(|v| {
                    !v.progressive && v.class != CueClass::Evidence && toks[j].lower != v.lemma
                });
            }
            false
        })
        .unwrap_or(hi)
}

/// After the conjunction at `j`, a subject of words or figures and a finite speech or
/// belief verb within six tokens: "…, but officials said", "…, while 9 percent said".
fn subject_and_cue_after(toks: &[Tok], j: usize, hi: usize) -> bool {
    (j + 1..hi.min(j + 7)).any(|k| {
        cue_at(&toks[k]).is_some_and(|v| {
            !v.progressive
                && v.lemma != "continue"
                && matches!(v.class, CueClass::Speech | CueClass::Cognition)
        }) && (verb_use(toks, k) || toks[k - 1].kind == TokKind::Number)
    }) && toks[j + 1..hi.min(j + 7)]
        .iter()
        .take_while(|t| cue_at(t).is_none())
        .all(|t| t.is_word() || t.kind == TokKind::Number)
}

/// An attribution inside the content of the last one found: `Bloomberg reports that
/// …, according to the Roper Center` — Bloomberg's report is itself attributed.
pub(super) fn nested(s: &Sentence<'_>, out: &mut Analysis) {
    let Some(outer) = out.found.last().copied() else {
        return;
    };
    if !matches!(outer.pattern, Pattern::InvertedTag | Pattern::AccordingTo) {
        return;
    }
    let toks = s.toks;
    let Some(a) = toks
        .iter()
        .position(|t| t.span.start >= outer.content.start)
    else {
        return;
    };
    let b = toks
        .iter()
        .rposition(|t| t.span.end <= outer.content.end)
        .map_or(a, |b| b + 1);
    if b <= a + 3 {
        return;
    }
    let quotes: Vec<Quote> = s
        .quotes
        .iter()
        .filter(|q| outer.content.contains_offset(q.open.start))
        .copied()
        .collect();
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
        out.found.extend(
            inner
                .found
                .into_iter()
                .filter(|f| f.pattern == Pattern::SubjectVerb)
                .map(|f| shifted(f, a)),
        );
    }
}

/// Subject–verb patterns (`X said …`, `…, X said.`); true if one was found.
pub(super) fn verb_patterns(
    s: &Sentence<'_>,
    qt: &[QuoteToks],
    out: &mut Analysis,
    allow_nested: bool,
) -> bool {
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
pub(super) fn inverted_at_end(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    for c in (n.saturating_sub(16)..n).rev() {
        if inside_quote(qt, c) || c < 3 {
            continue;
        }
        let Some(verb) = cue_at(&toks[c]) else {
            continue;
        };
        if verb.progressive
            || !matches!(verb.class, CueClass::Speech | CueClass::Evidence)
            || !verb_use(toks, c)
            || is_noun_verb(&toks[c].lower) && !toks[c].lower.ends_with('s')
        {
            continue;
        }
        let after = skip_adverbials(toks, object_end(toks, verb, c + 1, n), n);
        if !tail_is_empty(toks, after, n) {
            continue;
        }
        let end = skip_back_adverbials(toks, 0, c);
        let (np, comma) = if let Some(np) = np_before(s.text, toks, 0, end)
            .filter(|np| np.appositive.is_none() || tag_comma(toks, np.first).is_some())
        {
            let Some(comma) = tag_comma(toks, np.first) else {
                continue;
            };
            (np, comma)
        } else if let Some(comma) = tag_comma(toks, c)
            && let Some((np, after)) = np_after(s.text, toks, c + 1, n)
            && !toks[np.first].is_word_in(crate::extract::phrases::is_preposition)
            && !names_a_time(toks, &np)
            && speaker_after_verb(toks, &np)
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
        out.push_reported(content, toks[c].span, np, Pattern::InvertedTag, verb.class);
        // "…, Voss said, before insisting that …": the participle's claim is Voss's
        // too; the inverted claim stays last for `nested`.
        let at = out.found.len() - 1;
        participles(s, after, n, np, out);
        let inverted = out.found.remove(at);
        out.found.push(inverted);
        return true;
    }
    false
}

/// Attributions in what follows a clause: `…, but officials said …`.
pub(super) fn remainder(s: &Sentence<'_>, from: usize, out: &mut Analysis) {
    let toks = s.toks;
    let n = toks.len();
    let mut a = from;
    while a < n
        && (toks[a].kind == TokKind::Punct
            || toks[a].is_word() && lexicon::CONJUNCTIONS.has(toks[a].lower.as_str()))
    {
        a += 1;
    }
    if n.saturating_sub(a) < 4 {
        return;
    }
    let span = Span::new(toks[a].span.start, toks[n - 1].span.end);
    let quotes: Vec<Quote> = s
        .quotes
        .iter()
        .filter(|q| span.contains_offset(q.open.start))
        .copied()
        .collect();
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
        out.found
            .extend(inner.found.into_iter().map(|f| shifted(f, a)));
    }
}

/// A found attribution of a part of the sentence starting at token `a`, with its
/// source's token indices made the whole sentence's.
fn shifted(mut f: Found, a: usize) -> Found {
    if let Some(np) = f.source.as_mut() {
        np.first += a;
        np.last += a;
    }
    f
}

/// True if the subject slot ending at `end` closes on "and" or "but": the verb is
/// coordinated with the main one (`Giles tried again and said …`) and shares its
/// subject ([`main_subject`]).
pub(super) fn coordinated(toks: &[Tok], end: usize) -> bool {
    end > 0 && (toks[end - 1].is("and") || toks[end - 1].is("but"))
}

/// The subject at the start of the sentence, for a verb coordinated with the main one
/// (`Giles tried again and said …`): a pronoun, a run of capitalised words, or a
/// determiner and the words up to the first verb-like word, before token `before`.
pub(super) fn main_subject(s: &Sentence<'_>, before: usize) -> Option<Np> {
    let toks = s.toks;
    let mut first = toks.iter().position(super::super::tokens::Tok::is_word)?;
    // "But Vale shook her head and said …", "Then she broke with the party, …": a
    // leading conjunction or sentence adverb is no subject.
    while (lexicon::LEADING_CONJUNCTIONS.has(toks[first].lower.as_str())
        || lexicon::SENTENCE_ADVERB_OPENERS.has(toks[first].lower.as_str()))
        && toks
            .get(first + 1)
            .is_some_and(super::super::tokens::Tok::is_word)
    {
        first += 1;
    }
    // "In an interview with CNN, Trump …", "On Tuesday, she …", "By the end of the
    // day, Ode …": skip the opener.
    if toks[first].is_word()
        && (lexicon::SENTENCE_OPENERS.has(toks[first].lower.as_str())
            || lexicon::ADVERBIAL_OPENERS.has(toks[first].lower.as_str())
            || crate::extract::lexicon::is_time_word(&toks[first].lower))
        && let Some(comma) = (first + 1..before.min(first + 16)).find(|&i| toks[i].is_punct(','))
    {
        first = comma + 1;
        // "At a rally in Salem, New Hampshire, Trump …": the opener ends in a place and
        // its state; the subject follows the second comma.
        let run_end = (first..before).find(|&i| !(toks[i].cap && toks[i].is_word()));
        if let Some(second) = run_end.filter(|&i| i > first && toks[i].is_punct(','))
            && toks[comma - 1].cap
            && toks.get(second + 1).is_some_and(|t| t.cap && t.is_word())
            && (second + 1..before)
                .find(|&i| !(toks[i].cap && toks[i].is_word()))
                .is_some_and(|i| toks[i].is_word())
        {
            first = second + 1;
        }
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
            let verbish = n.is_word()
                && !n.cap
                && (n.lower.ends_with("ed")
                    || lexicon::IRREGULAR_PAST.has(n.lower.as_str())
                    || crate::extract::lexicon::is_auxiliary(&n.lower)
                    || cue_at(n).is_some()
                    || crate::extract::lexicon::is_clause_word(&n.lower) && n.lower != "to");
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
