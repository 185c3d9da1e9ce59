//! The subject–verb rule family: `X said (that) …`, `X, which said …`, `…, said X.` and
//! `…, X said.` found by scanning the sentence's cue verbs left to right.

use super::objects::{as_in_object, content_fits, infinitive_at, opens_boilerplate};
use super::subjects::{
    antecedent_of_relative, before_place_phrase, in_cue_idiom, in_opening_phrase,
    past_document_participle, restrictive_antecedent, zero_relative_subject,
};
use super::verbs::{clause_end, coordinated, main_subject, nested, participles, remainder};
use super::words::{
    circumstance_after, content_span, cue_at, cue_at_next_progressive, cue_here,
    document_phrase_before, is_noun_verb, names_a_time, only_closers, plain_form_object,
    plural_subject_before, speaker_after_verb, speaks, stance_form_ok, stance_subject,
    starts_clause, tag_comma, tail_is_empty, verb_use,
};
use super::{Analysis, Pattern, QuoteToks, Sentence, inside_quote, object_end};
use crate::extract::lexicon::{self, CueClass, CueVerb, is_subject_pronoun};
use crate::extract::phrases::{Np, np_after, np_before, skip_adverbials, skip_back_adverbials};
use crate::extract::tokens::TokKind;
use crate::model::Span;

/// A cue verb that can head `X said …`: where it is, which verb, the token its cue ends
/// at ("pointed out"), and whether a form of "be" stands before it.
#[derive(Clone, Copy)]
struct Cue {
    c: usize,
    verb: CueVerb,
    verb_end: usize,
    be_before: bool,
}

struct Scan<'s, 'a> {
    s: &'s Sentence<'a>,
    qt: &'s [QuoteToks],
    allow_nested: bool,
}

/// The first cue verb (speech and evidence only unless `all_classes`) that makes an
/// attribution; true if one was found.
pub(super) fn verb_scan(
    s: &Sentence<'_>,
    qt: &[QuoteToks],
    out: &mut Analysis,
    allow_nested: bool,
    all_classes: bool,
) -> bool {
    let scan = Scan {
        s,
        qt,
        allow_nested,
    };
    // "Regulators worried that if the deal stalled, Patriot could threaten to …": a
    // belief or stance taking a that-clause holds the speech verbs after it; the
    // speech-first pass stops there and leaves the sentence to the pass for all classes.
    let toks = s.toks;
    let holds_clause = |c: usize| {
        !all_classes
            && toks[c]
                .cue
                .is_some_and(|v| !matches!(v.class, CueClass::Speech | CueClass::Evidence))
            && toks.get(c + 1).is_some_and(|t| t.is("that"))
            && candidate(&scan, c, true).is_some()
    };
    (0..toks.len())
        .take_while(|&c| !holds_clause(c))
        .any(|c| candidate(&scan, c, all_classes).is_some_and(|cue| scan.at(cue, out)))
}

/// A headline in title case ("Ode Says She Has Started Writing Her Budget Speech"):
/// most words of four letters or more are capitalised, so a capitalised cue verb is
/// still a verb.
fn title_case(toks: &[crate::extract::tokens::Tok]) -> bool {
    let long = toks.iter().filter(|t| t.is_word() && t.lower.len() >= 4);
    let (n, caps) = long.fold((0, 0), |(n, caps), t| (n + 1, caps + usize::from(t.cap)));
    n >= 4 && caps * 5 >= n * 4
}

/// The cue verb at `c`, if it is used as a verb here.
fn candidate(scan: &Scan<'_, '_>, c: usize, all_classes: bool) -> Option<Cue> {
    let toks = scan.s.toks;
    let n = toks.len();
    if inside_quote(scan.qt, c) {
        return None;
    }
    let (verb, verb_end) = cue_here(toks, c)?;
    if !all_classes && !matches!(verb.class, CueClass::Speech | CueClass::Evidence) {
        return None;
    }
    // "is accusing", "was calling for": a progressive form after "be" is finite.
    let be_before = c > 0 && lexicon::BE_BEFORE_PROGRESSIVE.has(toks[c - 1].lower.as_str());
    if verb.progressive && !be_before || toks[c].cap && c > 0 && !title_case(toks) {
        return None;
    }
    // "is worried that …": an attitude, not a passive.
    let attitude = be_before
        && lexicon::ATTITUDE_ADJECTIVES.has(toks[c].lower.as_str())
        && toks.get(c + 1).is_some_and(|t| t.is("that"));
    if c > 0 && (toks[c - 1].is("to") || be_before && !verb.progressive && !attitude) {
        return None; // "declined to say", "was told": not this pattern
    }
    if !verb_use(toks, c)
        || !stance_form_ok(toks, c, verb)
        || in_opening_phrase(toks, c)
        || in_cue_idiom(toks, c)
    {
        return None; // a noun: "the report", "in 30 states", "an attack"
    }
    // "Frank notes", "she claims": after a name or pronoun the word is a verb.
    // "Union leaders want the plant …", "the video shows …": after a plural subject
    // taking an object, or after a document, too.
    let after_subject = c > 0
        && toks[c - 1].is_word()
        && (toks[c - 1].cap
            || is_subject_pronoun(&toks[c - 1].lower)
            || plural_subject_before(toks, c) && plain_form_object(toks, c + 1)
            || lexicon::is_source_document(toks[c - 1].stem())
            || document_phrase_before(toks, c));
    // A quotation mark glued to the word is a possessive ("the states’ votes").
    let clause_follows = toks.get(verb_end + 1).is_some_and(|t| {
        t.is("that") || t.is_punct(':') || t.is_quote() && t.span.start > toks[verb_end].span.end
    });
    if lexicon::CLAUSE_ONLY_CUES.has(verb.lemma) && !clause_follows {
        return None;
    }
    // "declined to say": without its infinitive the word is no cue.
    if lexicon::INFINITIVE_ONLY_CUES.has(verb.lemma)
        && (!infinitive_at(toks, verb_end + 1) || opens_boilerplate(toks, c))
    {
        return None;
    }
    // "sees the plan as a threat": without its "as" the word is no cue.
    if lexicon::AS_CUES.has(verb.lemma) && !as_in_object(toks, verb_end + 1) {
        return None;
    }
    let ends_tag = c + 1 < n && only_closers(toks, skip_adverbials(toks, verb_end + 1, n), n);
    if is_noun_verb(&toks[c].lower) && !(after_subject || clause_follows || ends_tag) {
        return None;
    }
    Some(Cue {
        c,
        verb,
        verb_end,
        be_before,
    })
}

impl Scan<'_, '_> {
    /// Tries the patterns at one cue verb; true if one made an attribution.
    fn at(&self, cue: Cue, out: &mut Analysis) -> bool {
        let (s, toks) = (self.s, self.s.toks);
        let Cue { c, verb, .. } = cue;
        let end = skip_back_adverbials(toks, 0, if cue.be_before { c - 1 } else { c });
        let end = past_document_participle(toks, end, c);
        // `… and said …`: the verb shares the sentence's subject.
        let coordinated = coordinated(toks, end);
        // "the trust, which says it must save £48m": the relative pronoun stands for
        // the phrase before the comma.
        let relative = end >= 3
            && toks[end - 1].is_word()
            && matches!(toks[end - 1].lower.as_str(), "which" | "who")
            && toks[end - 2].is_punct(',');
        // "the voters who said the economy came first": a restrictive relative; the
        // "who" stands for the phrase right before it.
        let restrictive =
            !relative && end >= 2 && toks[end - 1].is("who") && toks[end - 2].is_word();
        let np = if coordinated {
            main_subject(s, end - 1)
        } else if relative {
            np_before(s.text, toks, 0, end - 2).filter(|np| np.appositive.is_none())
        } else if restrictive {
            restrictive_antecedent(s, end - 1)
        } else {
            zero_relative_subject(s, end)
                .or_else(|| np_before(s.text, toks, 0, end).map(|np| antecedent_of_relative(s, np)))
        };
        // "Wednesday, however, the director … said": a time is no speaker.
        let np = np
            .filter(|np| !names_a_time(toks, np))
            .map(|np| before_place_phrase(s, np));
        // `said X` inverted at the end: `…, said the minister.`
        if let Some(comma) = tag_comma(toks, c)
            && np.is_none()
        {
            return self.said_x(cue, comma, out);
        }
        // A thing that cannot speak is no source ("the increase will add €500"), unless
        // the verb plainly reports speech ("the front-runner complained that …").
        let reports_speech = toks
            .get(cue.verb_end + 1)
            .is_some_and(|t| t.is("that") || t.is_quote() || t.is_punct(':'))
            || verb.class == CueClass::Speech && self.clause_said(cue);
        let Some(np) = np.filter(|np| reports_speech || speaks(toks, np)) else {
            return false;
        };
        // Inverted: `…, the Financial Times has reported.`
        if let Some(comma) = tag_comma(toks, np.first)
            && !coordinated
            && !relative
            && (matches!(verb.class, CueClass::Speech | CueClass::Evidence)
                || stance_subject(toks, &np))
            && self.x_said(cue, np, comma, out)
        {
            return true;
        }
        if coordinated {
            self.first_of_coordinated(np, end - 1, out);
        }
        self.subject_verb(cue, np, relative || restrictive, out)
    }

    /// "Wilson praised the plan and said …": a cue verb between the shared subject `np`
    /// and the "and" at `and` is an attribution of its own, its content ending at the
    /// "and" ([`clause_end`]).
    fn first_of_coordinated(&self, np: Np, and: usize, out: &mut Analysis) {
        let first =
            (np.last + 1..and).find_map(|k| candidate(self, k, true).filter(|c| c.verb_end < and));
        let mut own = Analysis::default();
        if let Some(cue) = first
            && self.subject_verb(cue, np, false, &mut own)
        {
            // (what follows the "and" is the caller's: not the participles found here)
            out.found.extend(own.found.into_iter().take(1));
        }
    }

    /// A speech verb followed (past its listener and adverbials) by a clause: "The
    /// delegate said the hall was full", "the actress told reporters she was tired".
    /// Whoever says a whole clause speaks, whatever the noun.
    fn clause_said(&self, cue: Cue) -> bool {
        let (toks, n) = (self.s.toks, self.s.toks.len());
        let start = object_end(toks, cue.verb, cue.verb_end + 1, n);
        let start = skip_adverbials(toks, start, n);
        start < n && starts_clause(toks, start, n)
    }

    /// `…, said the minister.`: the speaker after the verb, nothing after it.
    fn said_x(&self, cue: Cue, comma: usize, out: &mut Analysis) -> bool {
        let (s, toks, n) = (self.s, self.s.toks, self.s.toks.len());
        // "…, said in a statement." names where, not who.
        let Some((np, after)) = np_after(s.text, toks, cue.c + 1, n)
            .filter(|(np, _)| !toks[np.first].is_word_in(crate::extract::phrases::is_preposition))
            .filter(|(np, _)| !names_a_time(toks, np))
            // "…, say taxing consumption encourages savings": no speaker after the verb.
            .filter(|(np, _)| speaker_after_verb(toks, np))
            // "…, said her survey of voters showed …": a clause, not a speaker.
            .filter(|(np, _)| {
                !toks[np.first + 1..=np.last]
                    .iter()
                    .any(|t| !t.cap && t.cue.is_some())
            })
        else {
            return false;
        };
        let after = skip_adverbials(toks, after, n);
        // "Any fair reading, said Anna Ruiz, an expert on ports, would treat this as …":
        // a tag inside the sentence; the claim is the whole sentence around it.
        if cue.verb.class == CueClass::Speech
            && after + 3 < n
            && toks[after].is_punct(',')
            && !circumstance_after(toks, after)
            && !cue_at_next_progressive(toks, after)
            && toks[after + 1].is_word()
            && !toks[after + 1].cap
            && toks[after + 1..n]
                .iter()
                .any(|t| t.is_word() && lexicon::FINITE_VERBS.has(t.lower.as_str()))
            && let Some(content) = content_span(s, 0, n)
        {
            out.push_reported(
                content,
                toks[cue.c].span,
                np,
                Pattern::InvertedTag,
                cue.verb.class,
            );
            return true;
        }
        if tail_is_empty(toks, after, n)
            && let Some(content) = content_span(s, 0, comma)
        {
            let class = cue.verb.class;
            out.push_reported(content, toks[cue.c].span, np, Pattern::InvertedTag, class);
            if self.allow_nested {
                nested(s, out);
            }
            return true;
        }
        false
    }

    /// `…, the Financial Times has reported.` and `In a merger, he said, the brand would
    /// survive.`: the tag after the content, set off by a comma.
    fn x_said(&self, cue: Cue, np: Np, comma: usize, out: &mut Analysis) -> bool {
        let (s, toks, n) = (self.s, self.s.toks, self.s.toks.len());
        let (c, verb) = (cue.c, cue.verb);
        let after = object_end(toks, verb, cue.verb_end + 1, n);
        let after = skip_adverbials(toks, after, n);
        // "…, her advisers said Friday, because …": the comma after the adverbial.
        let after = if after > cue.verb_end + 1 && toks[after - 1].is_punct(',') {
            after - 1
        } else {
            after
        };
        // `In a merger, he said, the brand would survive.`: a tag inside the
        // sentence; the claim is the whole sentence around it.
        let circumstance =
            after < n && toks[after].is_punct(',') && circumstance_after(toks, after);
        if after + 3 < n
            && toks[after].is_punct(',')
            && !cue_at_next_progressive(toks, after)
            && !circumstance
            && matches!(verb.class, CueClass::Speech)
            && comma >= 1
            && let Some(content) = content_span(s, 0, n)
        {
            out.push_reported(content, toks[c].span, np, Pattern::InvertedTag, verb.class);
            return true;
        }
        // "…, he said in an interview on Saturday.": where it was said is no more.
        if (tail_is_empty(toks, after, n)
            || verb.class == CueClass::Speech
                && !verb.progressive
                && n - after <= 8
                && only_setting(s, after)
                && nothing_said(s, after)
            || after < n && toks[after].is_punct(',') && cue_at_next_progressive(toks, after))
            && let Some(content) = content_span(s, 0, comma)
            && np.first >= 3
        {
            out.push_reported(content, toks[c].span, np, Pattern::InvertedTag, verb.class);
            participles(s, after, n, np, out);
            if self.allow_nested
                && let Some(i) = out
                    .found
                    .iter()
                    .rposition(|f| f.pattern == Pattern::InvertedTag)
            {
                // Look inside the inverted claim (it must be last for `nested`).
                let f = out.found.remove(i);
                out.found.push(f);
                nested(s, out);
            }
            return true;
        }
        false
    }

    /// Subject + verb + content: `X said (on Monday) (that) …`.
    fn subject_verb(&self, cue: Cue, np: Np, relative: bool, out: &mut Analysis) -> bool {
        let (s, toks, n) = (self.s, self.s.toks, self.s.toks.len());
        let Cue { c, verb, .. } = cue;
        let c_end = cue.verb_end;
        // The whole cue: "said", "pointed out", "calls for".
        let verb_span = Span::new(toks[c].span.start, toks[c_end].span.end);
        let mut start = object_end(toks, verb, c_end + 1, n);
        // "to reopen the mill" is what is hoped or promised, not an adverbial.
        let infinitive = infinitive_after(toks, start);
        if !infinitive {
            start = skip_adverbials(toks, start, n);
        }
        let has_that = start < n && toks[start].is("that");
        if has_that {
            start += 1;
        }
        // "As Ode noted, the plant never closed": the whole main clause is what she
        // noted.
        let as_clause =
            np.first > 0 && toks[np.first - 1].is("as") && start < n && toks[start].is_punct(',');
        if as_clause && let Some(content) = content_span(s, start + 1, n) {
            out.push_reported(content, verb_span, np, Pattern::SubjectVerb, verb.class);
            return true;
        }
        if start < n
            && toks[start].kind == TokKind::Punct
            && matches!(toks[start].lower.as_str(), "," | ":")
        {
            start += 1;
        }
        if !(infinitive || has_that && setting_then_clause(toks, start)) && nothing_said(s, start) {
            // Only a speaker is introduced ("Ode said in an interview:"), never by a
            // stance or a belief ("The union protested outside the hall.").
            if verb.class != CueClass::Speech {
                return false;
            }
            out.pending = Some((np, toks[c].span));
            return true;
        }
        if topic_only(toks, verb, start) {
            return false;
        }
        let clause = has_that || starts_clause(toks, start, n) || c_end > c;
        if !content_fits(s, verb, &np, start, clause) {
            return false;
        }
        let mut end = clause_end(toks, start, n);
        // "When Ode said X, the crowd cheered": the subordinate clause ends at a comma.
        let subordinate = np.first > 0
            && toks[np.first - 1].is_word()
            && lexicon::SUBORDINATORS.has(toks[np.first - 1].lower.as_str());
        if (subordinate || relative)
            && let Some(comma) =
                (start..end).find(|&i| toks[i].is_punct(',') && !inside_quote(self.qt, i))
        {
            end = comma;
        }
        let Some(content) = content_span(s, start, end) else {
            return false;
        };
        let pattern = if relative {
            Pattern::Relative
        } else {
            Pattern::SubjectVerb
        };
        out.push_reported(content, verb_span, np, pattern, verb.class);
        let before = out.found.len();
        participles(s, end, n, np, out);
        if out.found.len() == before && end < n {
            remainder(s, end, out);
        }
        true
    }
}

/// "spoke at a rally" says nothing; "spoke of a crisis" does. "The things Vale said
/// about the port": what was said is the phrase before, not "about …" ("said about 20
/// people applied" is a figure, not a topic).
fn topic_only(toks: &[crate::extract::tokens::Tok], verb: CueVerb, start: usize) -> bool {
    matches!(verb.lemma, "speak" | "talk") && !matches!(toks[start].lower.as_str(), "about" | "of")
        || verb.lemma == "say"
            && toks[start].is("about")
            && toks.get(start + 1).is_some_and(|t| {
                t.kind != TokKind::Number && !lexicon::NUMBER_WORDS.has(t.lower.as_str())
            })
}

/// Nothing follows the cue from `start` but punctuation or where it was said.
fn nothing_said(s: &Sentence<'_>, start: usize) -> bool {
    let (toks, n) = (s.toks, s.toks.len());
    start >= n
        || only_closers(toks, start, n)
        || only_setting(s, start)
            && toks
                .last()
                .is_some_and(|t| t.is_punct(':') || t.is_punct('.'))
}

/// After "that": a setting and a comma that open the clause said ("said that in a close
/// race, Vale leads"); "would not confirm that on Monday" says nothing.
fn setting_then_clause(toks: &[crate::extract::tokens::Tok], start: usize) -> bool {
    (start..toks.len().saturating_sub(2))
        .any(|i| toks[i].is_punct(',') && toks[i + 1].is_word() && toks[i + 2].is_word())
}

/// "to" and a verb at `start` ("to open clinics"), not "to reporters".
fn infinitive_after(toks: &[crate::extract::tokens::Tok], start: usize) -> bool {
    toks.get(start).is_some_and(|t| t.is("to"))
        && toks.get(start + 1).is_some_and(|t| {
            t.is_word()
                && !t.cap
                && !lexicon::is_determiner(&t.lower)
                && !is_subject_pronoun(&t.lower)
                && !t.lower.ends_with('s')
        })
}

/// Nothing said yet, or only where it was said ("in an interview with a radio
/// station"): the quotation that follows is this speaker's.
fn only_setting(s: &Sentence<'_>, start: usize) -> bool {
    let (toks, n) = (s.toks, s.toks.len());
    start < n
        && toks[start].is_word()
        && lexicon::SETTING_OPENERS.has(toks[start].lower.as_str())
        && (start..n).all(|i| {
            let t = &toks[i];
            t.kind == TokKind::Number
                || t.kind == TokKind::Punct
                    && matches!(t.lower.as_str(), "," | "." | ":" | ";" | "-" | "'" | "’")
                || t.is_word()
                    && !is_subject_pronoun(&t.lower)
                    && (cue_at(t).is_none() || t.cap || !verb_use(toks, i))
                    && !lexicon::is_auxiliary(&t.lower)
                    && !t.is("that")
        })
}
