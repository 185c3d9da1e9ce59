//! The subject noun phrase right before a verb ("Fisheries Minister Ines Vale
//! said", "sources close to the talks said").

use crate::extract::lexicon::{
    self, is_auxiliary, is_clause_word, is_determiner, is_subject_pronoun, is_time_word,
};
use crate::extract::tokens::{Tok, TokKind};

use super::appositive::appositive_np;
use super::{MAX_NP, Np, is_participle, is_preposition, np};

/// The subject noun phrase ending just before token `end` (exclusive), not reaching
/// before `lo`.
pub fn np_before(text: &str, toks: &[Tok], lo: usize, end: usize) -> Option<Np> {
    if end <= lo {
        return None;
    }
    if toks[end - 1].is_punct(',') {
        // "Sen. Paul Krane, R-Ky., said": the party and state are left out.
        if let Some(comma) = party_tag_before(toks, lo, end - 1) {
            return np_before(text, toks, lo, comma);
        }
        return appositive_np(text, toks, lo, end - 1);
    }
    // "Rep. Ana Ruiz (D-Ore.) said": a short parenthesis after a name is left out.
    if toks[end - 1].is_punct(')')
        && let Some(open) = (end.saturating_sub(8).max(lo)..end - 1)
            .rev()
            .find(|&i| toks[i].is_punct('('))
        && open > lo
        && toks[open - 1].cap
        && toks[open + 1..end - 1]
            .iter()
            .all(|t| !t.is_punct('(') && !t.is_punct(','))
    {
        return np_before(text, toks, lo, open);
    }
    // "Many speakers at the hearing — including teachers and nurses — said": an aside
    // between dashes after the phrase is left out.
    if matches!(toks[end - 1].lower.as_str(), "—" | "–" | "―")
        && let Some(open) = (end.saturating_sub(16).max(lo)..end - 1)
            .rev()
            .find(|&i| toks[i].lower == toks[end - 1].lower)
        && open > lo
        && toks[open - 1].is_word()
    {
        return np_before(text, toks, lo, open);
    }
    plain_np_before(toks, lo, end)
}

/// `, R-Ky.` or `, D-Valdera` ending right before `end` (a comma) after a name: the
/// index of the comma that opens it.
fn party_tag_before(toks: &[Tok], lo: usize, end: usize) -> Option<usize> {
    let mut j = end.checked_sub(1)?;
    if toks[j].is_punct('.') {
        j = j.checked_sub(1)?;
    }
    if j >= lo + 2 && super::is_party_tag(&toks[j]) && toks[j - 1].is_punct(',') && toks[j - 2].cap
    {
        Some(j - 1)
    } else {
        None
    }
}

/// The subject noun phrase ending at `end - 1`, with no appositive.
pub(super) fn plain_np_before(toks: &[Tok], lo: usize, end: usize) -> Option<Np> {
    if end <= lo {
        return None;
    }
    let last = end - 1;
    match head_decides(toks, lo, last) {
        Head::Whole(np) => return Some(np),
        Head::NoSubject => return None,
        Head::GoesOn => {}
    }
    let mut j = np_start(toks, lo, end);
    // Drop leading prepositions and conjunctions: "of Ukraine" is no subject.
    while j < end {
        let w = toks[j].lower.as_str();
        if toks[j].is_word() && (is_preposition(w) || w == "and") || toks[j].kind == TokKind::Punct
        {
            j += 1;
        } else {
            break;
        }
    }
    if j >= end {
        return None;
    }
    // "a move officials said was needed": a zero relative clause; the speakers are
    // the plural group right before the verb.
    if last >= j + 2
        && matches!(toks[j].lower.as_str(), "a" | "an")
        && lexicon::is_unnamed_head(toks[last].stem())
        && toks[last].lower.ends_with('s')
        && !toks[last - 1].lower.ends_with('s')
    {
        return Some(np(toks, last, last, None));
    }
    Some(np(toks, j, last, None))
}

/// What the head word alone decides about the phrase ending on it.
enum Head {
    /// A pronoun or a lone quantifier is the whole phrase.
    Whole(Np),
    /// A sentence-opening adverb, a clause word, a determiner or a lowercase time word is
    /// no subject.
    NoSubject,
    /// The phrase goes on to the left.
    GoesOn,
}

/// "Two in three said", "nine out of 10 say", "one of five residents": a ratio of a
/// group ending at `last`; the index of its first word.
pub fn ratio_before(toks: &[Tok], lo: usize, last: usize) -> Option<usize> {
    let count = |t: &Tok| {
        t.kind == TokKind::Number
            || t.is_word()
                && (lexicon::SHARES.has(t.lower.as_str())
                    || lexicon::NUMBER_WORDS.has(t.lower.as_str()))
    };
    if !count(&toks[last]) {
        return None;
    }
    let mut j = last.checked_sub(1).filter(|&j| j > lo)?;
    if !(toks[j].is("in") || toks[j].is("of")) {
        return None;
    }
    if toks[j].is("of") && j > lo + 1 && toks[j - 1].is("out") {
        j -= 1;
    }
    let first = j.checked_sub(1).filter(|&f| f >= lo)?;
    if !count(&toks[first]) {
        return None;
    }
    if first == lo || toks[first - 1].kind == TokKind::Punct {
        return Some(first);
    }
    let approx =
        toks[first - 1].is_word() && lexicon::APPROXIMATORS.has(toks[first - 1].lower.as_str());
    let opens = approx && (first - 1 == lo || toks[first - 2].kind == TokKind::Punct);
    opens.then(|| first - 1)
}

/// What the head word `toks[last]` alone decides (see [`Head`]).
fn head_decides(toks: &[Tok], lo: usize, last: usize) -> Head {
    let head = &toks[last];
    if head.is_word() && is_subject_pronoun(&head.lower) {
        return Head::Whole(np(toks, last, last, None));
    }
    if let Some(first) = ratio_before(toks, lo, last) {
        return Head::Whole(np(toks, first, last, None));
    }
    // "Just ask …", "Also said …": a capitalised adverb opening the sentence. A word in
    // "-ly" there is a name ("Kelly said", "Reilly told"), not an adverb.
    if head.cap && last == lo && (is_auxiliary(&head.lower) || is_clause_word(&head.lower)) {
        return Head::NoSubject;
    }
    // "Several said", "Many say", "Others argued": a quantifier standing alone.
    if head.is_word()
        && lexicon::QUANTIFIERS_ALONE.has(head.lower.as_str())
        && (last == lo
            || toks[last - 1].kind == TokKind::Punct
            || is_clause_word(&toks[last - 1].lower))
    {
        return Head::Whole(np(toks, last, last, None));
    }
    // "Those over 60 say": a number may end a described group.
    let numeric_head = head.kind == TokKind::Number
        && last > lo
        && toks[last - 1].is_word()
        && !is_clause_word(&toks[last - 1].lower);
    if !(head.is_word() || numeric_head)
        || is_clause_word(&head.lower)
        || is_determiner(&head.lower)
        || is_time_word(&head.lower) && !head.cap
    {
        return Head::NoSubject;
    }
    Head::GoesOn
}

/// Where the phrase ending at `end - 1` starts, reading back over name-like and
/// noun-like words (at most `MAX_NP`) to punctuation, a clause word or a determiner.
fn np_start(toks: &[Tok], lo: usize, end: usize) -> usize {
    let mut j = end;
    let mut words = 0;
    while j > lo && words < MAX_NP {
        let t = &toks[j - 1];
        match t.kind {
            TokKind::Punct => {
                // "Ledger/Ipsos": a slash joins two names, as pollsters write them.
                let slash =
                    t.is_punct('/') && j - 1 > lo && j < end && toks[j - 2].cap && toks[j].cap;
                let joins = (matches!(t.lower.as_str(), "&" | "-" | "'" | "’") || slash)
                    && j - 1 > lo
                    && toks[j - 2].is_word()
                    && j < end;
                if joins {
                    j -= 1;
                    continue;
                }
                break;
            }
            TokKind::Number => {
                j -= 1;
                words += 1;
                continue;
            }
            TokKind::Word => {}
        }
        let w = t.lower.as_str();
        if is_determiner(w) {
            j -= 1;
            if !goes_on_before_preposition(toks, lo, j) {
                break;
            }
            continue;
        }
        let inner_prep = j >= 2
            && match w {
                // "sources close to the talks"
                "to" => toks[j - 2].is("close") || is_participle(&toks[j - 2].lower),
                // "a report by the watchdog", "a letter sent by the ministry"
                "by" => {
                    lexicon::is_source_document(toks[j - 2].stem())
                        || is_participle(&toks[j - 2].lower)
                }
                _ => false,
            };
        if is_subject_pronoun(w) || is_clause_word(w) && !inner_prep {
            break;
        }
        // A cue verb ends the phrase, unless it is a document noun before its
        // preposition: "a report by the watchdog", "a review of the accounts".
        let document = lexicon::is_source_document(t.stem())
            && toks
                .get(j)
                .is_some_and(|p| lexicon::INNER_PREPOSITIONS.has(p.lower.as_str()));
        if t.cue.is_some() && j < end && !t.cap && !document {
            break;
        }
        if !t.cap && is_auxiliary(w) {
            break;
        }
        j -= 1;
        words += 1;
    }
    j
}

/// "sources close to the talks", "a spokesman for the ministry": after a determiner at
/// `j`, the phrase goes on before a preposition that follows a role, source or document
/// word.
fn goes_on_before_preposition(toks: &[Tok], lo: usize, j: usize) -> bool {
    j >= lo + 2
        && lexicon::INNER_PREPOSITIONS.has(toks[j - 1].lower.as_str())
        && toks[j - 2].is_word()
        && {
            let h = toks[j - 2].stem();
            lexicon::NEARNESS.has(h)
                // (a plural role too: "speakers at the hearing")
                || lexicon::is_role_or_roles(h)
                || lexicon::is_unnamed_head(h)
                || lexicon::is_source_document(h)
                // "Mr. Voss of the Harbour Trust": a name before "of".
                || toks[j - 1].is("of")
                    && toks[j - 2].cap
                    && !lexicon::is_org_word(h)
                    && j >= lo + 3
                    && toks[j - 3].cap
        }
}
