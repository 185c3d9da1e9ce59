//! Who the subject of a cue verb is when it is not the plain phrase before it: the
//! antecedent of a relative clause (with or without "who"), a document described by a
//! participle, a phrase that opens the sentence.

use super::Sentence;
use crate::extract::lexicon;
use crate::extract::phrases::{Np, np_before};
use crate::extract::tokens::{Tok, TokKind};
use crate::model::Span;

/// "A news report published Wednesday said …": the participle before `end` (the
/// token after the subject, before the cue at `c`) describes the document before it;
/// the subject ends with the document.
pub(super) fn past_document_participle(toks: &[Tok], end: usize, c: usize) -> usize {
    if end >= 2
        && end < c
        && !toks[end - 1].cap
        && toks[end - 1].lower.ends_with("ed")
        && lexicon::is_source_document(toks[end - 2].stem())
    {
        end - 1
    } else {
        end
    }
}

/// "the voters who said the economy came first": a restrictive relative; the "who" at
/// `who` stands for the phrase right before it. Only after the verb or a preposition
/// ("among the voters who said …"): where the phrase is the sentence's subject, its own
/// verb comes after the relative clause ("The man who said he saw it has left").
pub(super) fn restrictive_antecedent(s: &Sentence<'_>, who: usize) -> Option<Np> {
    let toks = s.toks;
    let those = toks[who - 1].is("those").then(|| Np {
        span: toks[who - 1].span,
        appositive: None,
        first: who - 1,
        last: who - 1,
    });
    // Inside another attribution ("mocked Romney, claiming that he had a source who
    // told him …") the relative is part of what the first one says.
    those
        .or_else(|| np_before(s.text, toks, 0, who))
        .filter(|np| np.first > 0 && toks[..np.first].iter().all(|t| t.cue.is_none()))
}

/// "In a Facebook message posted Friday, Ode said …": a past participle after a
/// document, inside the phrase that opens the sentence with a preposition, describes
/// the document; the sentence's verb comes after the comma.
pub(super) fn in_opening_phrase(toks: &[Tok], c: usize) -> bool {
    c >= 2
        && toks[0].is_word_in(crate::extract::phrases::is_preposition)
        && toks[c].lower.ends_with("ed")
        && !toks[c - 1].cap
        && lexicon::is_source_document(toks[c - 1].stem())
        && !toks[..c].iter().any(|t| t.is_punct(','))
        && toks[c + 1..].iter().take(6).any(|t| t.is_punct(','))
}

/// Every source of `out` without the sentence adverb or opening phrase it may start with
/// ([`without_opener`]).
pub(super) fn drop_openers(toks: &[Tok], out: &mut super::Analysis) {
    for f in &mut out.found {
        f.source = f.source.and_then(|np| without_opener(toks, np));
    }
    out.pending = out
        .pending
        .and_then(|(np, cue)| without_opener(toks, np).map(|np| (np, cue)));
}

/// The source `np` without a sentence adverb that opens the sentence before its subject
/// ("Even Lindsey Graham …" → "Lindsey Graham"); `None` when that word is all there is
/// ("Instead" in "Instead hoping to …") or the phrase opens with a preposition or
/// subordinator ("By Sunday" in "By Sunday she had cancelled …, citing …": no subject).
fn without_opener(toks: &[Tok], mut np: Np) -> Option<Np> {
    let t = &toks[np.first];
    let opening =
        t.cap && t.is_word() && (np.first == 0 || toks[np.first - 1].kind == TokKind::Punct);
    if !opening {
        return Some(np);
    }
    if lexicon::ADVERBIAL_OPENERS.has(t.lower.as_str()) {
        return None;
    }
    if !lexicon::SENTENCE_ADVERB_OPENERS.has(t.lower.as_str()) {
        return Some(np);
    }
    if np.first >= np.last {
        return None;
    }
    np.first += 1;
    np.span = Span::new(toks[np.first].span.start, np.span.end);
    Some(np)
}

/// "All told, the fund lost $3 million", "That said, …": the cue word `c` ends a set
/// phrase ([`lexicon::CUE_IDIOMS`]) with punctuation or the sentence's edge on both sides.
pub(super) fn in_cue_idiom(toks: &[Tok], c: usize) -> bool {
    let alone = |t: Option<&Tok>| t.is_none_or(|t| t.kind == TokKind::Punct);
    lexicon::CUE_IDIOMS.entries().iter().any(|idiom| {
        let n = idiom.split(' ').count();
        c + 1 >= n
            && idiom
                .split(' ')
                .rev()
                .enumerate()
                .all(|(k, w)| toks[c - k].is(w))
            && alone((c + 1 - n).checked_sub(1).map(|b| &toks[b]))
            && alone(toks.get(c + 1))
    })
}

/// "Several people I've spoken with over the last weeks said …", "Residents she
/// interviewed said …": a relative clause with no "who", opened by a pronoun right
/// after a word for people; the speakers are the phrase before the pronoun.
pub(super) fn zero_relative_subject(s: &Sentence<'_>, end: usize) -> Option<Np> {
    let toks = s.toks;
    let people = |t: &Tok, at_start: bool| {
        let w = t.stem();
        t.is_word()
            && (!t.cap || at_start)
            && (lexicon::is_unnamed_head(w) || lexicon::is_role_or_roles(w))
    };
    let k = (end.saturating_sub(12).max(1)..end.saturating_sub(1))
        .rev()
        .take_while(|&k| toks[k].is_word() || toks[k].is_punct('\'') || toks[k].is_punct('’'))
        .find(|&k| {
            // ("I've", "they'd": the pronoun of a contraction)
            let w = toks[k].lower.split(['\'', '’']).next().unwrap_or_default();
            matches!(w, "i" | "we" | "he" | "she" | "they") && people(&toks[k - 1], k == 1)
        })?;
    // The clause has its own verb before the cue: "I spoke with", "she interviewed".
    toks[k + 1..end]
        .iter()
        .any(|t| {
            t.is_word()
                && !t.cap
                && (t.lower.ends_with("ed")
                    || t.lower.ends_with("en")
                    || lexicon::IRREGULAR_PAST.has(t.lower.as_str())
                    || lexicon::is_auxiliary(&t.lower))
        })
        .then(|| np_before(s.text, toks, 0, k))
        .flatten()
        .filter(|np| np.last == k - 1)
}

/// "Officials who spoke with the Valdera Times said …": the phrase before the verb ends
/// a relative clause ("who spoke with"); the speakers are the phrase before its "who".
pub(super) fn antecedent_of_relative(s: &Sentence<'_>, np: Np) -> Np {
    let toks = s.toks;
    let who = (np.first.saturating_sub(5)..np.first)
        .rev()
        .take_while(|&k| toks[k].is_word())
        .find(|&k| toks[k].is("who"));
    who.filter(|&w| w > 0 && w + 1 < np.first)
        .and_then(|w| np_before(s.text, toks, 0, w))
        .filter(|a| a.appositive.is_none())
        .unwrap_or(np)
}

/// "Only about 4 in 10 voters in each district want …", "Residents across the valley
/// oppose …": when the phrase before the verb is the object of a place preposition and
/// cannot take a stance itself, the subject is the phrase before the preposition.
pub(super) fn before_place_phrase(s: &Sentence<'_>, np: Np) -> Np {
    let toks = s.toks;
    if super::words::stance_subject(toks, &np) {
        return np;
    }
    // ("in all five districts": the phrase found may start after "all" or "each")
    let at = |k: usize| {
        toks[k].is_word() && lexicon::SUBJECT_PLACE_PREPOSITIONS.has(toks[k].lower.as_str())
    };
    let Some(p) = (np.first.saturating_sub(2)..np.first).rev().find(|&k| {
        k > 0 && at(k) && (k + 1..np.first).all(|j| lexicon::SHARES.has(toks[j].lower.as_str()))
    }) else {
        return np;
    };
    np_before(s.text, toks, 0, p)
        .filter(|head| head.last + 1 == p && super::words::stance_subject(toks, head))
        .unwrap_or(np)
}

/// Only people and organisations take positions: a name, a pronoun, or a described
/// person ("many commentators", "the senator"), also before a place phrase ("voters in
/// all five districts").
pub(super) fn stance_subject(toks: &[Tok], np: &Np) -> bool {
    stance_head(toks, np)
        || (np.first + 1..np.last)
            .find(|&k| {
                toks[k].is_word() && lexicon::SUBJECT_PLACE_PREPOSITIONS.has(toks[k].lower.as_str())
            })
            .is_some_and(|k| stance_head(toks, &Np { last: k - 1, ..*np }))
}

/// [`stance_subject`] for the phrase's last word as its head.
fn stance_head(toks: &[Tok], np: &Np) -> bool {
    let head = &toks[np.last];
    head.cap && head.is_word()
        || lexicon::is_subject_pronoun(&head.lower) && !head.is("it")
        || crate::extract::lexicon::is_person_role(head.stem())
        || crate::extract::lexicon::is_unnamed_head(head.stem()) && head.lower != "some"
        // "union leaders", "teachers": the plural of a role or of an agent noun.
        || head.stem().strip_suffix('s').is_some_and(|one| {
            crate::extract::lexicon::is_person_role(one) || super::words::is_agent_noun(one)
        })
        // "About three-quarters support the ban": a share of the people asked.
        || head.is_word()
            && !head.cap
            && lexicon::SHARE_WORDS.has(head.lower.rsplit('-').next().unwrap_or_default())
        // "The union dismissed …", not "Residents who packed the chamber applauded".
        || (crate::extract::lexicon::is_org_word(head.stem())
            || lexicon::GROUP_WORDS.has(head.stem()))
            && (np.first == 0 || toks[np.first - 1].kind == TokKind::Punct)
}
