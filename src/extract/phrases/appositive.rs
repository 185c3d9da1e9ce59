//! Appositives: `NAME, ROLE,` and `ROLE, NAME,` before a verb.

use crate::extract::lexicon::{self, is_determiner, is_subject_pronoun};
use crate::extract::tokens::{Tok, TokKind};
use crate::model::Span;

use super::Np;
use super::before::plain_np_before;

/// `NAME, APPOSITIVE,` before a verb: `comma` is the index of the closing comma. The
/// appositive may itself hold commas ("Jane Ode, 45, a nurse from Leeds, Mass., said");
/// it may come first and the name second ("the FBI director, James Comey, said"); and a
/// parenthesis may stand in for it ("Sen. Jack Reed (D-R.I.), said").
pub(super) fn appositive_np(text: &str, toks: &[Tok], lo: usize, comma: usize) -> Option<Np> {
    if comma > lo && toks[comma - 1].is_punct(')') {
        let open = (lo..comma - 1).rev().find(|&i| toks[i].is_punct('('))?;
        let subject = plain_np_before(toks, lo, open)?;
        return toks[subject.last].cap.then_some(subject);
    }
    let floor = lo.max(comma.saturating_sub(40));
    let mut k = comma;
    let mut chunks = 0;
    while k > floor && chunks < 4 {
        k -= 1;
        let t = &toks[k];
        // An abbreviation's point is no stop ("Jonas Pell, of Brindle, Va., said").
        let abbreviation = t.is_punct('.')
            && k > 0
            && toks[k - 1].cap
            && toks[k - 1].span.end == t.span.start
            && toks[k - 1].lower.len() <= 4;
        // Nor is a plural's possessive mark ("Tom Reyes, Ferris' campaign manager, said").
        let possessive = matches!(t.lower.as_str(), "'" | "’")
            && k > 0
            && toks[k - 1].lower.ends_with('s')
            && toks[k - 1].span.end == t.span.start
            && toks.get(k + 1).is_some_and(|n| n.is_word() && !n.cap);
        if t.kind == TokKind::Punct
            && matches!(t.lower.as_str(), "." | ";" | ":" | "!" | "?")
            && !abbreviation
            || t.is_quote() && !possessive
        {
            return None;
        }
        if !t.is_punct(',') || k + 1 >= comma {
            continue;
        }
        chunks += 1;
        if let Some(found) = appositive_at(text, toks, lo, k, comma) {
            return Some(found);
        }
    }
    None
}

/// The role in an appositive: "Jane Ode, 45, a nurse from Leeds, who …" has the role
/// "a nurse from Leeds" — an age and a relative clause are not roles.
fn role_in(text: &str, inner: &[Tok]) -> Option<Span> {
    let mut chunks: Vec<&[Tok]> = inner
        .split(|t| t.is_punct(','))
        .filter(|c| !c.is_empty())
        .collect();
    if let Some(i) = chunks
        .iter()
        .position(|c| lexicon::RELATIVE_PRONOUNS.has(c[0].lower.as_str()))
    {
        chunks.truncate(i);
    }
    chunks.retain(|c| !(c.len() == 1 && c[0].kind == TokKind::Number));
    let first = chunks.first()?.first()?;
    let last = chunks.last()?.last()?;
    Some(Span::new(first.span.start, last.span.end).trim(text))
}

/// Tries `toks[..k]` as the subject and `toks[k + 1..comma]` as its appositive.
fn appositive_at(text: &str, toks: &[Tok], lo: usize, k: usize, comma: usize) -> Option<Np> {
    let inner = &toks[k + 1..comma];
    let inner_first = inner.first()?;
    let w = inner_first.lower.as_str();
    let parenthetical = lexicon::PARENTHETICAL_OPENERS.has(w);
    let relative = lexicon::RELATIVE_PRONOUNS.has(w);
    let mentions_role = inner.iter().any(|t| {
        t.is_word() && (lexicon::is_person_role(t.stem()) || lexicon::is_org_word(t.stem()))
    });
    let role_like = !inner_first.cap
        || is_determiner(w)
        || inner_first.kind == TokKind::Number
        || inner_first.is_possessive()
        || lexicon::is_person_role(w)
        || lexicon::is_nationality(w)
        || mentions_role && inner_first.cap && inner.iter().any(|t| t.is_word() && !t.cap);
    // ("the pollster, Dana Ruiz of Valdera University, said": a name and its place)
    let name_only = inner_first.cap
        && inner.last().is_some_and(|t| t.cap)
        && inner.iter().all(|t| {
            t.cap && t.is_word() || t.is_punct('.') || t.is("of") || t.is("at") || t.is("from")
        });
    // "Rep. Sander Levin (Mich.), a superdelegate, said": skip the parenthesis.
    let mut before = k;
    if before > lo && toks[before - 1].is_punct(')') {
        before = (lo..before - 1).rev().find(|&i| toks[i].is_punct('('))?;
    }
    if name_only && let Some(found) = name_after_role(text, toks, lo, before, k, comma) {
        return Some(found);
    }
    let subject = plain_np_before(toks, lo, before)?;
    let head = &toks[subject.last];
    if !(parenthetical || relative || role_like) {
        return None;
    }
    // "Marta Lind, 59, of Tarrow, who watched …": "Tarrow" ends an earlier appositive;
    // the subject is further back.
    if subject.first > lo && toks[subject.first - 1].is_word_in(super::is_preposition) {
        return None;
    }
    // A name (or pronoun) takes an appositive; "the deal, a big one," is no source.
    let describes_source =
        lexicon::is_source_document(head.stem()) || lexicon::is_org_word(head.stem());
    // An aside ("Valdera economists, like their Tarrow counterparts, say") may follow
    // a word for people too.
    let people = parenthetical
        && (lexicon::is_unnamed_head(head.stem()) || lexicon::is_role_or_roles(head.stem()));
    if !(head.cap || is_subject_pronoun(&head.lower) || describes_source || people) {
        return None;
    }
    let appositive = if parenthetical || relative {
        None
    } else {
        role_in(text, inner)
    };
    Some(Np {
        appositive,
        ..subject
    })
}

/// Where a chain of plain words and phrases ending before `first` starts: back over
/// words and numbers (not auxiliaries or clause words) to punctuation or `lo`, at most
/// twelve tokens.
fn role_chain_start(toks: &[Tok], lo: usize, first: usize) -> usize {
    let mut j = first;
    while j > lo && first - j < 12 {
        let t = &toks[j - 1];
        let plain = t.kind == TokKind::Number
            || t.is_word()
                && !lexicon::is_auxiliary(&t.lower)
                && (is_determiner(&t.lower)
                    || matches!(t.lower.as_str(), "that" | "this" | "these" | "those")
                    || !lexicon::is_clause_word(&t.lower));
        if !plain {
            break;
        }
        j -= 1;
    }
    j
}

/// "the director of the FBI, James Comey, said": the name in `toks[k + 1..comma]` is
/// the source and the phrase before it (ending at `before`) its role. The role may head
/// a chain of phrases ("One of the authors of that report, Lena Marsh,", "Another
/// delegate on the Ode slate, Jim Porter,"); then the name has two words at least.
fn name_after_role(
    text: &str,
    toks: &[Tok],
    lo: usize,
    before: usize,
    k: usize,
    comma: usize,
) -> Option<Np> {
    // (a plural role too: "one of the authors")
    let is_role = |t: &Tok| !t.cap && lexicon::is_role_or_roles(t.stem());
    let subject = plain_np_before(toks, lo, before);
    let from = match subject {
        Some(np) if toks[np.last].cap => return None,
        Some(np)
            if toks[np.first..=np.last]
                .iter()
                .any(|t| lexicon::is_person_role(t.stem())) =>
        {
            np.first
        }
        _ => {
            let chain = role_chain_start(toks, lo, before);
            let words = toks[k + 1..comma].iter().filter(|t| t.is_word()).count();
            (words >= 2 && toks[chain..before].iter().any(is_role)).then_some(chain)?
        }
    };
    let role = Span::new(toks[from].span.start, toks[before - 1].span.end).trim(text);
    Some(Np {
        span: Span::new(toks[k + 1].span.start, toks[comma - 1].span.end),
        appositive: Some(role),
        first: k + 1,
        last: comma - 1,
    })
}
