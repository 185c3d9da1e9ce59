//! Named sources: finding the entity a name refers to, and recording the people and
//! organisations named in running text so that "she said" and "the union" can find
//! them later.

use super::registry::Entity;
use super::{Gender, Resolver, clean, gender_of, initials, is_acronym};
use crate::extract::lexicon;
use crate::extract::lexicon::{
    is_clause_word, is_determiner, is_given_name, is_nationality, is_org_word, is_person_role,
    is_person_title, is_subject_pronoun,
};
use crate::extract::tokens::Tok;
use crate::model::{SourceKind, Span};

/// Spans to pass over (quotations), answering "is this token inside one" by binary
/// search: `reach[k]` is the furthest end among the first k + 1 spans by start.
struct Skip {
    spans: Vec<Span>,
    reach: Vec<usize>,
}

impl Skip {
    fn new(skip: &[Span]) -> Self {
        let mut spans = skip.to_vec();
        spans.sort_by_key(|s| s.start);
        let reach = spans
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        Self { spans, reach }
    }

    fn covers(&self, span: Span) -> bool {
        let k = self.spans.partition_point(|s| s.start <= span.start);
        k > 0 && self.reach[k - 1] >= span.end
    }
}

/// A capitalised word that opens a sentence without being part of a name ("But Rover
/// told …", "However", "According").
fn opens_clause(t: &Tok) -> bool {
    is_clause_word(&t.lower)
        || is_determiner(&t.lower)
        || is_subject_pronoun(&t.lower)
        || lexicon::CLAUSE_OPENERS.has(t.lower.as_str())
}

/// A word before a capitalised run that makes it a place or a thing ("in Leeds", "the
/// Harbour Bridge").
fn is_place_preposition(w: &str) -> bool {
    lexicon::PLACE_PREPOSITIONS.has(w)
}

fn is_place_word(stem: &str) -> bool {
    lexicon::PLACE_WORDS.has(stem)
}

fn is_joiner(t: &Tok) -> bool {
    t.is_word() && lexicon::NAME_JOINERS.has(t.lower.as_str()) || t.is_punct('&')
}

impl Resolver {
    /// An earlier entity this name refers to: same name or alias, same surname, an
    /// acronym of it, or a one-word name equal to its last word.
    pub(super) fn find_by_name(&self, name: &str) -> Option<usize> {
        let r = &self.registry;
        if let Some(i) = r.latest_named(name) {
            return Some(i);
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let last = *words.last()?;
        if words.len() == 1 {
            if is_acronym(last)
                && let Some(i) =
                    r.latest_with_initials(last, |e| e.kind == SourceKind::Organization)
            {
                return Some(i);
            }
            return r.latest_with_surname(last, |e| e.kind != SourceKind::Unnamed);
        }
        // "Financial Times" after "FT"; "Ines Vale" after "Vale".
        let acronym = initials(name);
        let one_word =
            |e: &Entity| e.kind != SourceKind::Unnamed && e.name.split_whitespace().count() == 1;
        let by_surname = r
            .named(last)
            .iter()
            .rev()
            .copied()
            .find(|&i| one_word(r.get(i)) && r.get(i).kind == SourceKind::Person);
        let by_acronym = (acronym.len() >= 2)
            .then(|| {
                r.named(&acronym)
                    .iter()
                    .rev()
                    .copied()
                    .find(|&i| one_word(r.get(i)) && r.get(i).name == acronym)
            })
            .flatten();
        by_surname.max(by_acronym)
    }

    /// Records an organisation named in running text ("the Fabrication and Technical
    /// Workers Union") so that "the union" can find it later. `i..j` is a run of
    /// capitalised words; joiners ("and", "of", "for", "&") may continue it.
    fn observe_organisation(&mut self, text: &str, toks: &[Tok], i: usize, mut j: usize) {
        // The tail of a longer name ("… and Technical Workers Union") was read with it.
        if i >= 2 && is_joiner(&toks[i - 1]) && toks[i - 2].cap {
            return;
        }
        while j + 1 < toks.len() && is_joiner(&toks[j]) && toks[j + 1].cap && toks[j + 1].is_word()
        {
            j += 2;
            while j < toks.len() && toks[j].cap && toks[j].is_word() {
                j += 1;
            }
        }
        if j < i + 2 || !is_org_word(toks[j - 1].stem()) {
            return;
        }
        let span = Span::new(toks[i].span.start, toks[j - 1].span.end);
        let name = clean(text, span);
        if self.find_by_name(&name).is_some() {
            return;
        }
        let mut entity = Entity::new(name, SourceKind::Organization, Gender::Unknown, span.start);
        entity.mentions.push(span);
        self.registry.push(entity);
    }

    /// Records people named in running text ("President Ana Ruiz", "Mr. Ode",
    /// "Maria Okonkwo met …") so that a later "she said" can find them.
    /// Tokens inside `skip` (quotations) are not read.
    pub fn observe_names(&mut self, text: &str, toks: &[Tok], skip: &[Span]) {
        let skip = Skip::new(skip);
        let n = toks.len();
        let mut i = 0;
        while i < n {
            let t = &toks[i];
            if skip.covers(t.span) || !(t.cap && t.is_word()) || opens_clause(t) {
                i += 1;
                continue;
            }
            // The run of capitalised words starting here.
            let mut j = i;
            while j < n && toks[j].cap && toks[j].is_word() && !skip.covers(toks[j].span) {
                j += 1;
            }
            self.observe_organisation(text, toks, i, j);
            self.observe_run(text, toks, i, j);
            i = j.max(i + 1);
        }
    }

    /// One run `toks[i..j]` of capitalised words met in running text.
    fn observe_run(&mut self, text: &str, toks: &[Tok], i: usize, j: usize) {
        let t = &toks[i];
        let titled =
            t.cap && (is_person_title(&t.lower) || is_person_role(t.stem()) && !t.is_possessive());
        let run = &toks[i..j];
        // Drop leading role/title words and nationality adjectives: the name follows
        // the last of them ("Council President Marcus Lindqvist").
        let is_role = |t: &Tok| is_person_title(&t.lower) || is_person_role(t.stem());
        let mut k = run.iter().rposition(&is_role).map_or(0, |r| r + 1);
        if k == run.len() {
            k = 0;
        }
        while k < run.len() && (is_role(&run[k]) || is_nationality(&run[k].lower)) {
            k += 1;
        }
        let name_toks = &run[k..];
        if let (Some(first), Some(last)) = (name_toks.first(), name_toks.last()) {
            self.known_name_again(text, Span::new(first.span.start, last.span.end), i == 0);
        }
        let after_prep = i
            .checked_sub(1)
            .is_some_and(|p| is_place_preposition(&toks[p].lower));
        let placeish = name_toks
            .iter()
            .any(|t| is_org_word(t.stem()) || is_place_word(t.stem()));
        let plural_business = name_toks.len() >= 2
            && !is_given_name(&name_toks[0].lower)
            && name_toks.last().is_some_and(|t| {
                t.lower.len() > 4
                    && t.lower.ends_with('s')
                    && !t.lower.ends_with("ss")
                    && !t.is_possessive()
            });
        let looks_person = (titled || k > 0 || !after_prep && (2..=3).contains(&name_toks.len()))
            && !placeish
            && !plural_business
            && !name_toks.is_empty()
            && name_toks.iter().all(|t| {
                !is_determiner(&t.lower) && t.lower.chars().count() > 1 || t.lower.ends_with('.')
            });
        if looks_person && (k > 0 || name_toks.len() >= 2) {
            self.person_in_text(text, run, k);
        }
    }

    /// Every later mention of a known source by its name or an alias; a person opening
    /// the sentence becomes its subject.
    fn known_name_again(&mut self, text: &str, span: Span, opens_sentence: bool) {
        let name = span.slice(text).unwrap_or_default();
        let name = super::without_possessive(name);
        let r = &self.registry;
        let by_name = r.latest_named(name);
        let by_surname = r.latest_with_surname(name, |e| {
            e.kind != SourceKind::Unnamed && e.surname() == Some(name)
        });
        let Some(idx) = by_name.max(by_surname) else {
            return;
        };
        let mention = Span::new(span.start, span.start + name.len());
        self.registry.get_mut(idx).mentions.push(mention);
        let e = self.registry.get(idx);
        if opens_sentence && (e.kind == SourceKind::Person || e.could_be_person()) {
            self.registry.seen(idx, span.start);
            self.last_subject = Some((idx, span.start));
        }
    }

    /// A person named in running text (`run[k..]`, after role words `run[..k]`): noted as
    /// seen if known, else registered.
    fn person_in_text(&mut self, text: &str, run: &[Tok], k: usize) {
        let name_toks = &run[k..];
        let span = Span::new(
            name_toks[0].span.start,
            name_toks[name_toks.len() - 1].span.end,
        );
        let name = clean(text, span);
        let name = super::without_possessive(&name).to_string();
        let role_words: Vec<&str> = run[..k].iter().map(|t| t.lower.as_str()).collect();
        let gender = gender_of(&role_words);
        match self.find_by_name(&name) {
            Some(e) if self.registry.get(e).kind == SourceKind::Person => {
                self.registry.seen(e, span.start);
            }
            None if name_toks.len() >= 2
                || k > 0
                    && run[..k]
                        .iter()
                        .any(|t| is_person_title(&t.lower) || is_person_role(t.stem())) =>
            {
                let mut entity = Entity::new(name, SourceKind::Person, gender, span.start);
                entity.role =
                    (k > 0).then(|| clean(text, Span::new(run[0].span.start, run[k - 1].span.end)));
                self.registry.push(entity);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_covers_as_a_scan_does() {
        let skip = [
            Span::new(30, 40),
            Span::new(2, 10),
            Span::new(12, 12),
            Span::new(5, 25),
        ];
        let index = Skip::new(&skip);
        for start in 0..45 {
            for end in start..46 {
                let span = Span::new(start, end);
                let scan = skip.iter().any(|q| q.contains(span));
                assert_eq!(index.covers(span), scan, "{start}..{end}");
            }
        }
    }
}
