//! Small tests on tokens shared by the attribution patterns: is this word a verb here,
//! can this phrase speak, where does a tag or a clause end.

use super::Sentence;
use crate::extract::lexicon;

use crate::extract::lexicon::{
    CueClass, CueVerb, is_clause_word, is_determiner, is_subject_pronoun,
};
use crate::extract::phrases::{Np, skip_adverbials};
use crate::extract::tokens::{Tok, TokKind};
use crate::model::Span;

pub(super) use super::subjects::stance_subject;

fn is_opener(t: &Tok) -> bool {
    t.kind == TokKind::Punct && matches!(t.lower.as_str(), "—" | "–" | "-" | "(" | "[" | "•" | "*")
}

fn is_closer(t: &Tok) -> bool {
    t.kind == TokKind::Punct && !matches!(t.lower.as_str(), "“" | "\"" | "‘")
}

/// True if tokens `from..to` are only opening punctuation (dashes, brackets).
pub(super) fn only_openers(toks: &[Tok], from: usize, to: usize) -> bool {
    toks.get(from..to).is_some_and(|r| r.iter().all(is_opener))
}

/// True if tokens `from..to` are only closing punctuation.
pub(super) fn only_closers(toks: &[Tok], from: usize, to: usize) -> bool {
    toks.get(from..to).is_none_or(|r| r.iter().all(is_closer))
}

/// [`only_openers`] and [`only_closers`] answered in constant time for a sentence read
/// quotation by quotation (a run of thousands of marks must not be rescanned per mark).
pub(super) struct PunctRuns {
    /// `opener_end[i]`: the first index at or after `i` that is not an opener.
    opener_end: Vec<usize>,
    /// `closer_end[i]`: the first index at or after `i` that is not a closer.
    closer_end: Vec<usize>,
}

impl PunctRuns {
    pub(super) fn new(toks: &[Tok]) -> Self {
        let n = toks.len();
        let mut opener_end = vec![n; n + 1];
        let mut closer_end = vec![n; n + 1];
        for i in (0..n).rev() {
            opener_end[i] = if is_opener(&toks[i]) {
                opener_end[i + 1]
            } else {
                i
            };
            closer_end[i] = if is_closer(&toks[i]) {
                closer_end[i + 1]
            } else {
                i
            };
        }
        Self {
            opener_end,
            closer_end,
        }
    }

    pub(super) fn only_openers(&self, from: usize, to: usize) -> bool {
        from <= to && to < self.opener_end.len() && self.opener_end[from] >= to
    }

    pub(super) fn only_closers(&self, from: usize, to: usize) -> bool {
        !(from <= to && to < self.closer_end.len()) || self.closer_end[from] >= to
    }
}

/// Drops a trailing comma or dash from a quotation's inner text.
pub(super) fn trim_content(text: &str, span: Span) -> Span {
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
pub(super) fn verb_use(toks: &[Tok], c: usize) -> bool {
    let Some(p) = c.checked_sub(1).map(|i| &toks[i]) else {
        return true;
    };
    // "Several said", "Many say": a quantifier standing alone as the subject.
    let alone = c < 2 || toks[c - 2].kind == TokKind::Punct || is_clause_word(&toks[c - 2].lower);
    if alone && lexicon::QUANTIFIER_SUBJECTS.has(p.lower.as_str()) {
        return true;
    }
    // "Two in three said", "nine out of 10 say": a ratio is the subject.
    if crate::extract::phrases::ratio_before(toks, 0, c - 1).is_some() {
        return true;
    }
    // "return to talks": after "to" only the plain form is a verb.
    let inflected_after_to = p.is("to") && toks[c].cue.is_some_and(|v| v.lemma != toks[c].lower);
    // "who in 2010 said": a year after its preposition is a time, not a count.
    let counted =
        p.kind == TokKind::Number && crate::extract::phrases::dated_phrase_before(toks, 0, c) == 0;
    !(counted
        || inflected_after_to
        || p.is_possessive()
        || p.is_word() && (is_determiner(&p.lower) || lexicon::BEFORE_NOUN.has(p.lower.as_str())))
}

/// Stance verbs are mostly nouns in their plain forms ("an attack", "the plan",
/// "their support"): take a past form, an -s form after a name or pronoun, or a plain
/// form after a pronoun or modal.
pub(super) fn stance_form_ok(toks: &[Tok], c: usize, verb: CueVerb) -> bool {
    let ambiguous_belief =
        verb.class == CueClass::Cognition && lexicon::AMBIGUOUS_BELIEFS.has(verb.lemma);
    if verb.class != CueClass::Stance && !ambiguous_belief {
        return true;
    }
    let w = toks[c].lower.as_str();
    let prev = c.checked_sub(1).map(|i| &toks[i]);
    let after_subject = prev.is_some_and(|p| {
        p.is_word()
            && (p.cap
                || is_subject_pronoun(&p.lower)
                || crate::extract::lexicon::is_auxiliary(&p.lower)
                || p.lower.ends_with("ly"))
    });
    if verb.progressive {
        return true;
    }
    if w.ends_with("ed") || lexicon::PAST_FORMS.has(w) || lexicon::IRREGULAR_PAST.has(w) {
        return true;
    }
    if w != verb.lemma {
        // "the union rejects", "the mayor wants": an -s form after a noun.
        let after_noun = prev.is_some_and(|p| {
            p.is_word() && !is_determiner(&p.lower) && !lexicon::BEFORE_NOUN.has(p.lower.as_str())
        }) && w.ends_with('s');
        return after_subject || after_noun;
    }
    prev.is_some_and(|p| p.is_word() && (lexicon::BEFORE_PLAIN_FORM.has(p.lower.as_str())))
        || (plural_subject_before(toks, c) || plural_before_place_phrase(toks, c))
            && plain_form_object(toks, c + 1)
}

/// "Residents across the valley oppose …", "voters in each district want …": a plural
/// subject and a place phrase of up to five words end right before `c`.
fn plural_before_place_phrase(toks: &[Tok], c: usize) -> bool {
    (c.saturating_sub(6)..c.saturating_sub(1))
        .rev()
        .take_while(|&k| toks[k].is_word() || toks[k].kind == TokKind::Number)
        .find(|&k| lexicon::SUBJECT_PLACE_PREPOSITIONS.has(toks[k].lower.as_str()))
        .is_some_and(|k| plural_subject_before(toks, k))
}

/// A document phrase ending right before token `c`: a document noun, its preposition
/// and what it is about ("video of the meeting shows", "leaked documents from his tax
/// return show"). At most eight words back, with no punctuation or clause word between.
pub(super) fn document_phrase_before(toks: &[Tok], c: usize) -> bool {
    for k in (c.saturating_sub(8)..c).rev() {
        let t = &toks[k];
        let document = t.is_word()
            && (!t.cap || k == 0)
            && crate::extract::lexicon::is_source_document(t.stem());
        if document && k + 3 <= c && lexicon::INNER_PREPOSITIONS.has(toks[k + 1].lower.as_str()) {
            return true;
        }
        if t.kind == TokKind::Punct || is_clause_word(&t.lower) || !document && t.cue.is_some() {
            return false;
        }
    }
    false
}

/// A plural subject right before token `c`: "union leaders want", "investors fear",
/// or a quantifier standing alone ("Many fear", "Some hope").
pub(super) fn plural_subject_before(toks: &[Tok], c: usize) -> bool {
    let Some(p) = c.checked_sub(1).map(|i| &toks[i]).filter(|p| p.is_word()) else {
        return false;
    };
    let w = p.lower.as_str();
    let alone = c < 2 || toks[c - 2].kind == TokKind::Punct || is_clause_word(&toks[c - 2].lower);
    if lexicon::QUANTIFIER_SUBJECTS.has(w) {
        return alone;
    }
    w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !p.is_possessive()
        && !is_determiner(w)
        && !lexicon::BEFORE_NOUN.has(w)
        && !lexicon::PREPOSITIONS.has(w)
        && !lexicon::is_auxiliary(w)
}

/// What a plain-form verb takes at `i`: "that", a to-infinitive, or a phrase opened by
/// a determiner, a pronoun or a name ("want the plant to stay open", "fear Voss will
/// win"). A lowercase noun there makes the plain form a noun ("workers support fund").
pub(super) fn plain_form_object(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.is_word()
            && (t.is("that")
                || t.is("to")
                || t.cap
                || is_determiner(&t.lower)
                || is_subject_pronoun(&t.lower))
    })
}

pub(super) fn cue_at(t: &Tok) -> Option<CueVerb> {
    t.cue
}

/// Where reported content starts after a cue (and its object), at token `from`: past
/// adverbials, a "that", and then a comma or colon. `hi` bounds the search.
pub(super) fn content_start(toks: &[Tok], from: usize, hi: usize) -> usize {
    let mut start = skip_adverbials(toks, from, hi);
    if start < hi && toks[start].is("that") {
        start += 1;
    }
    if start < hi
        && toks[start].kind == TokKind::Punct
        && matches!(toks[start].lower.as_str(), "," | ":")
    {
        start += 1;
    }
    start
}

/// The text of tokens `from..to`, without a final period.
pub(super) fn content_span(s: &Sentence<'_>, from: usize, to: usize) -> Option<Span> {
    let toks = s.toks;
    let mut to = to;
    // "Instead, prices rose …, the office said": the linking adverb is the writer's.
    let mut from = from;
    if from + 2 < to
        && toks[from].is_word()
        && lexicon::SENTENCE_ADVERBS.has(toks[from].lower.as_str())
        && toks[from + 1].is_punct(',')
    {
        from += 2;
    }
    while to > from
        && toks[to - 1].kind == TokKind::Punct
        && matches!(
            toks[to - 1].lower.as_str(),
            "." | "," | ";" | ":" | "—" | "–"
        )
    {
        to -= 1;
    }
    if to <= from {
        return None;
    }
    Some(Span::new(toks[from].span.start, toks[to - 1].span.end))
}

/// The cue verb at token `c` and the index of its last token: "said", or "called for".
pub(super) fn cue_here(toks: &[Tok], c: usize) -> Option<(CueVerb, usize)> {
    let t = &toks[c];
    if t.is_word()
        && let Some((verb, extra)) =
            lexicon::multiword_cue(&t.lower, |k| toks.get(c + k).map(|t| t.lower.as_str()))
    {
        return Some((verb, c + extra));
    }
    cue_at(t).map(|v| (v, c))
}

/// Verb forms that are more often nouns ("the state", "a report"): as cues they need a
/// clause, a colon or a quotation after them, or to end an inverted tag.
pub(super) fn is_noun_verb(w: &str) -> bool {
    lexicon::NOUN_VERBS.has(w)
}

/// Something that can say things: a name, a pronoun, a person, a group of people, an
/// organisation or a document — not "the increase" in "the increase will add €500".
pub(super) fn speaks(toks: &[Tok], np: &Np) -> bool {
    // "the organizer of a rally": any noun of the phrase may be the speaker.
    let any_source_word = toks[np.first..=np.last].iter().any(|t| {
        t.is_word()
            && (crate::extract::lexicon::is_person_role(t.stem())
                || crate::extract::lexicon::is_unnamed_head(t.stem())
                || crate::extract::lexicon::is_org_word(t.stem()))
    });
    // "video of the meeting", "documents from his tax return": a document and what
    // it is of.
    let document_of = (np.first..np.last).any(|k| {
        (!toks[k].cap || k == 0)
            && crate::extract::lexicon::is_source_document(toks[k].stem())
            && lexicon::INNER_PREPOSITIONS.has(toks[k + 1].lower.as_str())
    });
    let head = &toks[np.last];
    let stem = head.stem();
    // "most of them", "one of the residents": a share of a group.
    let share = toks[np.first].is_word()
        && lexicon::SHARES.has(toks[np.first].lower.as_str())
        && toks.get(np.first + 1).is_some_and(|t| t.is("of"));
    share
        || any_source_word
        || document_of
        || head.cap
        || head.kind == TokKind::Number
        || is_subject_pronoun(&head.lower)
        || lexicon::GROUP_WORDS.has(stem)
        || crate::extract::lexicon::is_person_role(stem)
        || crate::extract::lexicon::is_unnamed_head(stem)
        || crate::extract::lexicon::is_source_document(stem)
        || crate::extract::lexicon::is_org_word(stem)
        || lexicon::THING_NOUNS.has(stem)
        || stem.len() > 3 && stem.ends_with('s') && !stem.ends_with("ss")
        || head.is_word() && is_agent_noun(stem)
}

/// A speaker after an inverted verb ("…, said the minister"): one that [`speaks`] and
/// does not open with a gerund ("…, say taxing consumption encourages savings").
pub(super) fn speaker_after_verb(toks: &[Tok], np: &Np) -> bool {
    let first = &toks[np.first];
    speaks(toks, np) && !(first.is_word() && !first.cap && first.lower.ends_with("ing"))
}

/// A noun for a person by what they do: a word of five letters or more with an agent
/// ending ("master", "researcher", "economist", "historian"), not one of the
/// exceptions ("number", "water").
pub(super) fn is_agent_noun(stem: &str) -> bool {
    stem.len() >= 5
        && stem.bytes().all(|b| b.is_ascii_lowercase())
        && lexicon::AGENT_SUFFIXES
            .entries()
            .iter()
            .any(|suffix| stem.ends_with(suffix))
        && !lexicon::NOT_AGENT_NOUNS.has(stem)
}

/// The comma that opens an inverted tag starting at token `i`: `…, X said` or
/// `…," X said` (a closing quotation mark after the comma).
pub(super) fn tag_comma(toks: &[Tok], i: usize) -> Option<usize> {
    let mut j = i;
    while j > 0 && toks[j - 1].is_quote() {
        j -= 1;
    }
    (j > 0 && toks[j - 1].is_punct(',')).then(|| j - 1)
}

/// True if nothing but closing punctuation, or a relative clause about the speaker
/// (`, who also ran for office`), follows token `i`.
pub(super) fn tail_is_empty(toks: &[Tok], i: usize, n: usize) -> bool {
    only_closers(toks, i, n)
        // "…, said Mr. Kerr (a view most shared).": an aside in brackets.
        || i < n
            && toks[i].is_punct('(')
            && toks[i + 1..]
                .iter()
                .position(|t| t.is_punct(')'))
                .is_some_and(|j| {
                    !toks[i + 1..i + 1 + j].iter().any(|t| t.is_punct('('))
                        && only_closers(toks, i + 2 + j, n)
                })
        || i + 1 < n
            && toks[i].is_punct(',')
            && (lexicon::RELATIVE_PRONOUNS.has(toks[i + 1].lower.as_str())
                // "…, he said, wiping sweat off his face."
                || toks[i + 1].is_word() && !toks[i + 1].cap && toks[i + 1].lower.ends_with("ing") && cue_at(&toks[i + 1]).is_none_or(|v| v.class != CueClass::Speech)
                || circumstance_after(toks, i)
                // "…, said Ana Ruiz, a lawyer for the city, and a former judge who …":
                // a second description of the speaker.
                || toks[i + 1].is("and")
                    && toks
                        .get(i + 2)
                        .is_some_and(|t| t.is("a") || t.is("an") || t.is("the")))
        // (the comma was passed over with the adverbial before it: "said Friday, as …")
        // (or with no comma at all: "…, Susan said as she turned around.")
        || i > 0 && circumstance_after(toks, i - 1)
}

pub(super) fn cue_at_next_progressive(toks: &[Tok], comma: usize) -> bool {
    toks.get(comma + 1)
        .and_then(cue_at)
        .is_some_and(|v| v.progressive)
}

/// "…, she said Friday, as they pressed the council" · "…, he said, before insisting
/// …" · "…, she said, when asked …": after the tag's comma, a clause of time or
/// circumstance about the speaking, not more of what was said. Only "as", "while",
/// "when", "before" and "after" followed by a pronoun, a participle or "asked"; a
/// condition or a reason ("…, he said, if the deal stalls") is part of the content.
pub(super) fn circumstance_after(toks: &[Tok], comma: usize) -> bool {
    let (Some(sub), Some(next)) = (toks.get(comma + 1), toks.get(comma + 2)) else {
        return false;
    };
    sub.is_word()
        && matches!(
            sub.lower.as_str(),
            "as" | "while" | "when" | "before" | "after"
        )
        && next.is_word()
        && !next.cap
        && (is_subject_pronoun(&next.lower)
            || next.lower.len() > 4 && next.lower.ends_with("ing")
            || next.is("asked"))
}

/// A finite clause seems to start at `i`: a subject pronoun, determiner or name
/// followed within a few words by an auxiliary or modal.
pub(super) fn starts_clause(toks: &[Tok], i: usize, hi: usize) -> bool {
    let t = &toks[i];
    if !(t.is_word() || t.kind == TokKind::Number) {
        return t.is_quote();
    }
    let w = t.lower.as_str();
    // "a move officials said was unavoidable": the clause's subject came before.
    if lexicon::FINITE_AFTER_CUE.has(w) && i + 1 < hi {
        return true;
    }
    let finite = |t: &Tok| t.is_word() && lexicon::FINITE_VERBS.has(t.lower.as_str());
    // "he tried to …", "she wants …": after a subject pronoun, a past or -s form is
    // the clause's verb.
    if is_subject_pronoun(w)
        && toks[i + 1..hi].first().is_some_and(|v| {
            let l = v.lower.as_str();
            v.is_word()
                && !v.cap
                && l.len() > 3
                && (l.ends_with("ed")
                    || lexicon::PAST_FORMS.has(l)
                    || l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("'s"))
        })
    {
        return true;
    }
    if is_subject_pronoun(w)
        || is_determiner(w)
        || t.cap
        || t.kind == TokKind::Number
        || w == "there"
    {
        return toks[i + 1..hi.min(i + 9)].iter().any(finite);
    }
    // "thinks rents will fall", "fears job cuts could follow": a bare noun subject,
    // right before its auxiliary or modal (one more noun at most in between).
    let bare_noun = |t: &Tok| {
        t.is_word()
            && !t.cap
            && t.lower.len() >= 3
            && t.lower.chars().all(char::is_alphabetic)
            && !t.lower.ends_with("ly")
            && !lexicon::CLAUSE_WORDS.has(t.lower.as_str())
            && !lexicon::PREPOSITIONS.has(t.lower.as_str())
            && !lexicon::is_auxiliary(&t.lower)
            && cue_at(t).is_none()
    };
    if !bare_noun(t) {
        return false;
    }
    match toks.get(i + 1..hi.min(i + 3)) {
        Some([next, ..]) if finite(next) => true,
        Some([next, after]) => bare_noun(next) && finite(after),
        _ => false,
    }
}

/// A phrase naming a time, never a source: "Wednesday", "a few minutes", "last week"
/// (a capitalised month word after a name stays a name: "Theresa May"). A capitalised
/// word alone is a time only when it is a weekday or a word like "Yesterday": "Day",
/// "May" and "June" alone are names ("Day said the platform …").
pub(super) fn names_a_time(toks: &[Tok], np: &Np) -> bool {
    let head = &toks[np.last];
    let w = head.lower.as_str();
    lexicon::is_time_word(w)
        && (!head.cap
            || lexicon::is_weekday(w)
            || np.first == np.last && lexicon::TODAY_WORDS.has(w))
}

/// After a quotation, at `i`: a comma or not, "and" and a past verb of the same subject
/// ("Ode wrote, "…," and shared a link"): the quotation ends what the tag introduced.
pub(super) fn and_then_verb(toks: &[Tok], i: usize) -> bool {
    let i = if toks.get(i).is_some_and(|t| t.is_punct(',')) {
        i + 1
    } else {
        i
    };
    toks.get(i).is_some_and(|t| t.is("and"))
        && toks.get(i + 1).is_some_and(|t| {
            t.is_word()
                && !t.cap
                && (t.lower.len() > 3 && t.lower.ends_with("ed")
                    || lexicon::IRREGULAR_PAST.has(t.lower.as_str()))
        })
}
