//! What follows a cue verb: whether it is content enough for the cue's class, and the
//! shapes some cues need in their object ("declined to say", "sees the plan as a threat").

use super::Sentence;
use super::words::stance_subject;
use crate::extract::lexicon::{self, CueClass, CueVerb};
use crate::extract::phrases::Np;
use crate::extract::tokens::{Tok, TokKind};

/// Whether what follows the verb from `start` is content enough for its class: speech
/// takes any four words, evidence a clause or a document's figures, belief a clause,
/// a stance a person or organisation and three words.
pub(super) fn content_fits(
    s: &Sentence<'_>,
    verb: CueVerb,
    np: &Np,
    start: usize,
    clause: bool,
) -> bool {
    let (toks, n) = (s.toks, s.toks.len());
    // "The poll by the Harbour Institute showed …": the document may head the phrase.
    // Capitalised only as the sentence's first word ("Polls show …"), not as a name
    // ("The Post").
    let document = (np.first..=np.last)
        .any(|k| (!toks[k].cap || k == 0) && lexicon::is_source_document(toks[k].stem()));
    match verb.class {
        // "Ode promised to cut fares": a promise's content is what is promised.
        // "said to balance the books the city would have to cut 40 posts": an
        // infinitive of purpose before the clause said is content too.
        CueClass::Speech => {
            clause
                || n - start >= 4
                    && (!toks[start].is("to")
                        || lexicon::INFINITIVE_CUES.has(verb.lemma)
                        || toks[start + 1..n]
                            .iter()
                            .any(|t| t.is_word() && lexicon::FINITE_VERBS.has(t.lower.as_str())))
        }
        CueClass::Evidence => clause || document && n - start >= 3,
        // "Ode hopes to finish the bridge": a wish or plan of a person.
        CueClass::Cognition => {
            clause
                || toks[start].is("to")
                    && lexicon::INFINITIVE_CUES.has(verb.lemma)
                    && stance_subject(toks, np)
                    && n - start >= 3
        }
        // "The union dismissed the offer", "Ode endorsed Voss." Not "Residents
        // applauded when the result was read out": a stance with no object.
        CueClass::Stance => {
            stance_subject(toks, np)
                // ("praised the plan as bold" keeps its "as")
                && (toks[start].is("as") || !lexicon::SUBORDINATORS.has(toks[start].lower.as_str()))
                && (n - start >= 3 || n - start == 2 && toks[start].cap)
        }
    }
}

/// "to" and a lowercase word at `at`: "declined to comment", not "fell to 4 percent",
/// "declined to Tuesday's level" or "declined to $3 billion".
pub(super) fn infinitive_at(toks: &[Tok], at: usize) -> bool {
    toks.get(at).is_some_and(|t| t.is("to"))
        && toks.get(at + 1).is_some_and(|t| {
            t.is_word()
                && !t.cap
                && !lexicon::DETERMINERS.has(t.lower.as_str())
                && !t.is_possessive()
        })
}

/// An "as" within the dozen tokens from `from`, before any punctuation but a hyphen:
/// "sees the ferry plan as a threat".
pub(super) fn as_in_object(toks: &[Tok], from: usize) -> bool {
    toks.get(from..)
        .unwrap_or_default()
        .iter()
        .take(12)
        .take_while(|t| t.kind != TokKind::Punct || t.is_punct('-'))
        .any(|t| t.is("as"))
}

/// True if newsroom boilerplate (`score.lst` `[boilerplate]`) starts at the cue word `c`,
/// in any of the cue's forms: "declined to comment", "declines to comment" are the
/// paper's note, not a position to check.
pub(super) fn opens_boilerplate(toks: &[Tok], c: usize) -> bool {
    let Some(cue) = toks[c].cue else {
        return false;
    };
    lexicon::BOILERPLATE.entries().iter().any(|phrase| {
        let mut words = phrase.split(' ');
        words
            .next()
            .and_then(lexicon::cue_verb)
            .is_some_and(|v| v.lemma == cue.lemma)
            && words
                .enumerate()
                .all(|(k, w)| toks.get(c + 1 + k).is_some_and(|t| t.is(w)))
    })
}
