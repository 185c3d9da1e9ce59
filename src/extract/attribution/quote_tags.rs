//! The quotation rule family: a quotation with its tag after it (`"…," X said`,
//! `"…," said X`) or before it (`X said: "…"`, `Vale, in the interview: "…"`).

use super::verbs::{coordinated, main_subject};
use super::words::{cue_at, names_a_time, speaker_after_verb, verb_use};
use super::{QuoteToks, Sentence, inside_quote};
use crate::extract::lexicon::{self, CueClass, CueVerb, is_determiner, is_subject_pronoun};
use crate::extract::phrases::{Np, np_after, np_before, skip_adverbials, skip_back_adverbials};
use crate::extract::tokens::{Tok, TokKind};
use crate::model::Span;

pub(super) struct Tag {
    pub source: Np,
    pub cue: Span,
    pub class: CueClass,
    /// Token index after the tag.
    pub end: usize,
    /// A name alone after a dash (`"…" ― Dana Morrow`): the next quotation is another's.
    pub pull_quote: bool,
}

/// `, X said …` / `, said X …` / `X said` right after a quotation.
pub(super) fn tag_after(s: &Sentence<'_>, mut i: usize, hi: usize) -> Option<Tag> {
    let toks = s.toks;
    let mut dash = None;
    while i < hi
        && toks[i].kind == TokKind::Punct
        && (matches!(toks[i].lower.as_str(), "," | "—" | "–" | "―" | "-") || toks[i].is_quote())
    {
        if matches!(toks[i].lower.as_str(), "—" | "–" | "―") {
            dash = Some(i);
        }
        i += 1;
    }
    if i >= hi {
        return None;
    }
    if let Some(d) = dash
        && let Some(tag) = pull_quote_name(toks, d, i, hi)
    {
        return Some(tag);
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
            pull_quote: false,
        });
    }
    // `X (also) said`: the first verb within a few words (a long appositive between:
    // "Anna Ruiz, a senior fellow at the institute and a former deputy mayor, said").
    let limit = hi.min(i + 24);
    let c = (i + 1..limit).find(|&c| cue_at(&toks[c]).is_some_and(|v| !v.progressive))?;
    let verb = cue_at(&toks[c])?;
    let end = skip_back_adverbials(toks, i, c);
    // The phrase from the quotation to the verb. Read backwards it can stop short of a
    // name with an organisation or a party tag ("Mr. Voss of the Harbour Trust said",
    // "Marta Ode, D-Valdera, said"); read forwards it must reach the verb.
    let np = np_before(s.text, toks, i, end)
        .filter(|np| np.first == i)
        .or_else(|| {
            np_after(s.text, toks, i, end)
                .filter(|(np, after)| {
                    skip_party_tag(toks, *after, end) == end && toks[np.first].cap
                })
                .map(|(np, _)| np)
        })?;
    let after = object_end(toks, verb, c + 1, hi);
    Some(Tag {
        source: np,
        cue: toks[c].span,
        class: verb.class,
        end: skip_tag_tail(toks, after, hi),
        pull_quote: false,
    })
}

/// `, D-Valdera,` / `, R-Ky.,`: a politician's party and state after the name; the index
/// after it (`i` itself when there is none).
fn skip_party_tag(toks: &[Tok], i: usize, hi: usize) -> usize {
    if i + 2 < hi && toks[i].is_punct(',') && crate::extract::phrases::is_party_tag(&toks[i + 1]) {
        let mut j = i + 2;
        if toks[j].is_punct('.') {
            j += 1;
        }
        if j < hi && toks[j].is_punct(',') {
            return j + 1;
        }
    }
    i
}

/// `"…" ― Dana Morrow`: a name alone after a dash closes a quotation (a pull quote, a
/// round-up of readers' words), up to the next quotation or the sentence end.
fn pull_quote_name(toks: &[Tok], dash: usize, i: usize, hi: usize) -> Option<Tag> {
    let words = toks[i..hi]
        .iter()
        .take_while(|t| t.is_word() && t.cap)
        .count();
    let j = i + words;
    let closes = j == hi || toks[j].is_quote() || toks[j].is_punct('.') && j + 1 == hi;
    if !(1..=4).contains(&words) || !closes {
        return None;
    }
    Some(Tag {
        source: Np {
            span: Span::new(toks[i].span.start, toks[j - 1].span.end),
            appositive: None,
            first: i,
            last: j - 1,
        },
        cue: toks[dash].span,
        class: CueClass::Speech,
        end: j,
        pull_quote: true,
    })
}

/// Index after the object of an attribution verb: the listener of "told reporters", or
/// any short phrase before "that" ("warned the government that").
pub(super) fn object_end(toks: &[Tok], verb: CueVerb, start: usize, hi: usize) -> usize {
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
    if verb.listener {
        return crate::extract::phrases::listener_after(toks, start, hi).unwrap_or(start);
    }
    start
}

/// Skips what may follow a tag before the sentence or the next quote: time and place,
/// "in a statement", an object ("told reporters").
/// `told reporters: "…"`, `told the BBC, "…"`: only the listener between verb and quote.
fn addresses_listener_only(toks: &[Tok], c: usize, j: usize) -> bool {
    let listener = |from: usize| crate::extract::phrases::listener_after(toks, from, j) == Some(j);
    cue_at(&toks[c]).is_some_and(|v| v.listener) && listener(c + 1)
        // "wrote to her followers, "…"", "said to reporters: "…""
        || cue_at(&toks[c]).is_some_and(|v| v.class == CueClass::Speech)
            && toks.get(c + 1).is_some_and(|t| t.is("to"))
            && listener(c + 2)
}

fn skip_tag_tail(toks: &[Tok], i: usize, hi: usize) -> usize {
    skip_adverbials(toks, i, hi)
}

/// `X said (in an interview with Y, a host): "…"` — the cue before a quotation at `open`.
pub(super) fn tag_before(
    s: &Sentence<'_>,
    qt: &[QuoteToks],
    lo: usize,
    open: usize,
) -> Option<Tag> {
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
    // A stance word right before the comma takes no quotation ("if the country pulls
    // back, "…"": a particle); a stance with a colon may ("Ode hit back: "…"").
    let c = (floor..j).rev().find(|&c| {
        cue_at(&toks[c]).is_some_and(|v| {
            (!v.progressive || c == floor) && !(v.class == CueClass::Stance && c + 1 == j && !colon)
        }) && verb_use(toks, c)
            && !inside_quote(qt, c)
    });
    if let Some(c) = c {
        let verb = cue_at(&toks[c])?;
        let tag = |source: Np| Tag {
            source,
            cue: toks[c].span,
            class: verb.class,
            end: open,
            pull_quote: false,
        };
        // `Said Ann Ode, who grew up nearby, "…"`: the verb first, its speaker after it.
        if c == lo
            && toks[c].cap
            && !verb.progressive
            && let Some((np, _)) = np_after(s.text, toks, c + 1, j)
                .filter(|(np, _)| speaker_after_verb(toks, np) && !names_a_time(toks, np))
        {
            return Some(tag(np));
        }
        // What lies between the verb and the quote must be adverbial, not a clause.
        let between_ok = j == c + 1
            || skip_adverbials(toks, c + 1, j) == j
            || colon && toks[c + 1..j].iter().all(|t| !t.is("that"))
            || addresses_listener_only(toks, c, j);
        if between_ok {
            let end = skip_back_adverbials(toks, lo, c);
            // `Vale shook her head and said, "No."`: the verb shares the subject.
            let np = if end > lo + 1 && coordinated(toks, end) {
                main_subject(s, end - 1).filter(|np| np.first >= lo)
            } else {
                np_before(s.text, toks, lo, end)
            };
            if let Some(np) = np {
                return Some(tag(np));
            }
        }
    }
    // `Vale, in the interview: "…"` — a name and a colon, no verb.
    if colon {
        return colon_name_tag(s, lo, j, open);
    }
    None
}

/// `Vale, in the interview: "…"`, `According to the Ledger: "…"`: a name (after any
/// setting) and the colon at `j` before the quotation at `open`.
fn colon_name_tag(s: &Sentence<'_>, lo: usize, j: usize, open: usize) -> Option<Tag> {
    let toks = s.toks;
    let mut end = j;
    for _ in 0..2 {
        let np = np_before(s.text, toks, lo, end)?;
        let head = &toks[np.last];
        // "According to the Ledger: "…"": the source is what follows "according to".
        if np.first == lo + 2 && toks[lo].is("according") && toks[lo + 1].is("to") {
            return Some(Tag {
                source: np,
                cue: Span::new(toks[lo].span.start, toks[lo + 1].span.end),
                class: CueClass::Speech,
                end: open,
                pull_quote: false,
            });
        }
        if np.first > lo
            && toks[np.first - 1].is_word()
            && lexicon::SETTING_PREPOSITIONS.has(toks[np.first - 1].lower.as_str())
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
                pull_quote: false,
            });
        }
        return None;
    }
    None
}
