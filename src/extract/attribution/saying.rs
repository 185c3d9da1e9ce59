//! The saying rule family: `…, saying …` and `… by saying …` with no subject of their own.

use super::inside_quote;
use super::verbs::{clause_end, main_subject};
use super::words::{content_span, content_start, cue_at};
use super::{Analysis, Pattern, QuoteToks, Sentence};
use crate::extract::lexicon;
use crate::extract::lexicon::CueClass;
use crate::extract::phrases::np_before;
use crate::extract::tokens::Tok;

/// `… calls saying shots were fired` / `…, saying the plan had failed` with no other
/// attribution: the phrase before "saying", or the sentence's subject.
pub(super) fn saying(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    // "began by talking about the crisis, saying …": the first participle may give
    // nothing; the next is tried.
    (1..s.toks.len()).any(|c| !inside_quote(qt, c) && saying_at(s, c, out))
}

/// The participle at `c`, after a comma or dash ([`after_break`]) or after a noun that
/// speaks; true if it made an attribution.
fn saying_at(s: &Sentence<'_>, c: usize, out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    let Some(verb) = cue_at(&toks[c]) else {
        return false;
    };
    let comma = after_break(toks, c);
    // "…, calling the plan a disaster", "…, vowing to appeal": after a comma a
    // participle of any class is the subject's.
    if !(verb.progressive && (verb.class == CueClass::Speech || comma.is_some())) {
        return false;
    }
    let np = if let Some(comma) = comma {
        main_subject(s, comma)
    } else {
        // "calls saying", "a statement saying", "officials saying": a noun that speaks.
        np_before(s.text, toks, 0, c).filter(|np| {
            let head = &toks[np.last];
            !head.cap
                && (crate::extract::lexicon::is_source_document(head.stem())
                    || crate::extract::lexicon::is_unnamed_head(head.stem())
                    || crate::extract::lexicon::is_person_role(head.stem())
                    || lexicon::NOTICE_NOUNS.has(head.stem()))
        })
    };
    let Some(mut np) = np else {
        return false;
    };
    // "Acme issued a statement saying …": the issuer speaks, not the statement.
    if np.first >= 2
        && toks[np.first - 1].is_word()
        && lexicon::FRAME_VERBS.has(toks[np.first - 1].lower.as_str())
        && let Some(issuer) = main_subject(s, np.first - 1)
    {
        np = issuer;
    }
    let start = content_start(toks, c + 1, n);
    let Some(content) = content_span(s, start, clause_end(toks, start, n)) else {
        return false;
    };
    if n - start < 3 {
        return false;
    }
    out.push_reported(content, toks[c].span, np, Pattern::Participle, verb.class);
    true
}

/// The comma or dash right before token `c` (or before the participle this one is
/// coordinated with), past closing quotation marks ("a defence
/// of "New York values," saying …"): its index.
fn after_break(toks: &[Tok], c: usize) -> Option<usize> {
    let mut k = c;
    while k > 0 && toks[k - 1].is_quote() {
        k -= 1;
    }
    let p = toks.get(k.checked_sub(1)?)?;
    if p.is("and") {
        // "He ducked, pointing to his record and saying …": the second of two
        // participles after one comma.
        return (1..k - 1).rev().take(12).find(|&i| {
            toks[i].is_punct(',')
                && toks[i + 1].is_word()
                && !toks[i + 1].cap
                && toks[i + 1].lower.len() > 4
                && toks[i + 1].lower.ends_with("ing")
        });
    }
    (p.is_punct(',') || p.is_punct('—') || p.is_punct('–')).then(|| k - 1)
}
