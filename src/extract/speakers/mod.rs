//! Who a source phrase refers to: names, roles, pronouns and descriptions resolved to
//! one entry per person or organisation.
//!
//! "Fisheries Minister Ines Vale" is the person "Ines Vale" with the role
//! "Fisheries Minister"; a later "Vale" or "Mr. Vale" is the same person; "he" is the
//! most recent compatible person (the latest speaker first); "the minister" is the latest
//! source whose role has "minister" in it; "FT" is "Financial Times"; "officials" is an
//! unnamed source.
//!
//! By concept: [`registry`] (the entities and their indexes), [`names`] (named people
//! and organisations, and names met in running text), [`pronouns`], [`descriptions`]
//! ("the minister", "a company spokeswoman", "officials").

mod descriptions;
mod names;
mod pronouns;
pub mod registry;

use crate::extract::lexicon;
pub use registry::Entity;
use registry::Registry;

use super::lexicon::{
    is_determiner, is_given_name, is_org_word, is_person_role, is_person_title, is_subject_pronoun,
};
use super::phrases::Np;
use super::tokens::{Tok, TokKind};
use crate::model::{SourceKind, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Unknown,
    Male,
    Female,
}

/// The source for a pronoun with no antecedent in the article.
pub const UNIDENTIFIED: &str = "unidentified speaker";

/// Resolves source phrases to entities as the text is read in order.
#[derive(Default)]
pub struct Resolver {
    registry: Registry,
    /// Where the sentence being read starts: a person named earlier in it is the first
    /// candidate for "he" or "she".
    pub sentence_start: usize,
    /// The person a sentence opened with, and where: the next sentence's "he" or "she"
    /// most likely continues with them ("Ode is due in court. He said …").
    pub last_subject: Option<(usize, usize)>,
    previous_sentence_start: usize,
}

/// A resolved source phrase: which entity and the words naming it here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub entity: usize,
    pub mention: Span,
}

fn gender_of(words: &[&str]) -> Gender {
    for w in words {
        let w = w.trim_end_matches('.');
        match w {
            "mr" | "he" | "spokesman" | "chairman" | "congressman" | "councilman" | "king"
            | "prince" | "sir" | "lord" | "father" | "son" | "husband" | "brother" => {
                return Gender::Male;
            }
            "mrs" | "ms" | "miss" | "she" | "spokeswoman" | "chairwoman" | "congresswoman"
            | "councilwoman" | "queen" | "princess" | "dame" | "lady" | "mother" | "daughter"
            | "wife" | "sister" => return Gender::Female,
            _ => {}
        }
    }
    Gender::Unknown
}

fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn is_acronym(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    (2..=6).contains(&letters.clone().count()) && letters.all(char::is_uppercase)
}

/// The text of `span` with its white space runs as single spaces.
fn clean(text: &str, span: Span) -> String {
    crate::model::collapse_whitespace(span.slice(text).unwrap_or_default())
}

fn opposite(g: Gender) -> Gender {
    match g {
        Gender::Male => Gender::Female,
        Gender::Female => Gender::Male,
        Gender::Unknown => Gender::Unknown,
    }
}

/// A word that, in a name or as a whole alias, marks a news organisation.
fn is_media_word(w: &str) -> bool {
    lexicon::MEDIA_WORDS.has(w.to_lowercase().as_str())
}

/// Unions, parties, governments and the like: organisations that are not businesses.
fn is_public_body(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        // "Workers'", "Union's", "unions", "parties", "agencies": possessive and plural
        // endings come off, one at a time ("congress" keeps its "ss").
        let w = w.to_lowercase();
        let w = w.trim_end_matches(['\'', '’']);
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        let singular = w.strip_suffix("ies").map_or_else(
            || w.strip_suffix('s').unwrap_or(w).to_string(),
            |stem| format!("{stem}y"),
        );
        lexicon::PUBLIC_BODIES.has(w) || lexicon::PUBLIC_BODIES.has(&singular)
    })
}

/// Where the name starts in a source phrase: the trailing run of capitalised words that
/// are not role words, joiners ("of", "de", "&") inside it included.
/// "Mr. Voss of the Harbour Trust", "Lena Ortiz of the Valdera Institute": a person's
/// name (a title and a name, or two capitalised words, none a role or organisation
/// word) and the organisation they are of. Returns the name's phrase.
fn person_of_organisation(toks: &[Tok], np: &Np) -> Option<Np> {
    let of = (np.first + 1..np.last).find(|&k| toks[k].is("of"))?;
    let name = &toks[np.first..of];
    let person = name
        .iter()
        .all(|t| t.is_word() && t.cap && !is_org_word(t.stem()) && !is_person_role(t.stem()))
        && (name.len() >= 2 || is_person_title(&name[0].lower))
        && !is_person_title(&name[name.len() - 1].lower)
        && toks[of + 1..=np.last].iter().any(|t| t.cap);
    person.then(|| Np {
        span: Span::new(toks[np.first].span.start, toks[of - 1].span.end),
        appositive: None,
        first: np.first,
        last: of - 1,
    })
}

fn name_start(words: &[&Tok]) -> usize {
    let mut name_start = words.len();
    // In an organisation's name role words are part of it ("Dock Workers' Union").
    let org_name = words.last().is_some_and(|h| h.cap && is_org_word(h.stem()));
    while name_start > 0 {
        let t = words[name_start - 1];
        let capital = t.cap || t.kind == TokKind::Number && name_start < words.len();
        let joiner = t.kind == TokKind::Punct && matches!(t.lower.as_str(), "&" | "-" | "'" | "’")
            || lexicon::NAME_PARTICLES.has(t.lower.as_str())
                && name_start < words.len()
                && name_start >= 2
                && words[name_start - 2].cap;
        let role_word =
            is_person_role(t.stem()) && name_start < words.len() && !(org_name && t.cap);
        let name_word =
            capital && !(is_determiner(&t.lower) || is_person_title(&t.lower) || role_word);
        if name_word || joiner {
            name_start -= 1;
        } else {
            break;
        }
    }
    // Joiners cannot open a name.
    while name_start < words.len() && !words[name_start].cap {
        name_start += 1;
    }
    name_start
}

/// A source phrase split into its role and its name.
struct Named {
    name: String,
    role: Option<String>,
    kind_hint: KindHint,
    gender: Gender,
}

/// What the words of a named source say about its kind.
enum KindHint {
    Known(SourceKind),
    /// A lone name: a person if an earlier person has it as surname.
    LoneName,
}

/// "Fisheries Minister Ines Vale" → role "Fisheries Minister", name "Ines Vale".
fn split_named(
    text: &str,
    np: &Np,
    words: &[&Tok],
    name_start: usize,
    appositive: Option<String>,
) -> Named {
    let name_span = Span::new(words[name_start].span.start, np.span.end);
    let name = clean(text, name_span);
    let name = without_possessive(&name).to_string();
    let role_words: Vec<&str> = words[..name_start]
        .iter()
        .map(|t| t.lower.as_str())
        .filter(|w| !is_determiner(w))
        .collect();
    let role_span =
        (name_start > 0).then(|| Span::new(words[0].span.start, words[name_start - 1].span.end));
    let role = role_span
        .map(|s| clean(text, s))
        .map(|r| {
            r.trim_start_matches("the ")
                .trim_start_matches("The ")
                .to_string()
        })
        .filter(|r| !r.is_empty() && !is_determiner(&r.to_lowercase()))
        // "A study by the Valdera Institute": the words before the name are the
        // document it speaks through, not a role ("a study by the").
        .filter(|_| !ends_in_function_word(&words[..name_start]))
        // "Ode met Voss": a name and a verb before the name are a clause, not a role.
        .filter(|_| !names_then_verb(&words[..name_start]))
        .or(appositive);
    let role_lower: Vec<String> = role
        .as_deref()
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let role_refs: Vec<&str> = role_lower.iter().map(String::as_str).collect();
    let kind_hint = kind_hint(words, name_start, &name, &role_refs, &role_words);
    let mut lowered: Vec<&str> = role_refs.clone();
    lowered.extend(words[..name_start].iter().map(|t| t.lower.as_str()));
    let gender = gender_of(&lowered);
    Named {
        name,
        role,
        kind_hint,
        gender,
    }
}

/// A capitalised name followed by a verb ("Ode met", "Voss visited"): words before a
/// name that read as a clause, not a role.
fn names_then_verb(words: &[&Tok]) -> bool {
    let role_like = |t: &Tok| {
        is_person_title(&t.lower) || lexicon::is_role_or_roles(t.stem()) || is_org_word(t.stem())
    };
    words.windows(2).any(|w| {
        w[0].is_word()
            && w[0].cap
            && !w[0].is_possessive()
            && !role_like(w[0])
            && w[1].is_word()
            && !w[1].cap
            && !role_like(w[1])
            && (w[1].cue.is_some()
                || w[1].lower.ends_with("ed")
                || lexicon::IRREGULAR_PAST.has(w[1].lower.as_str())
                || lexicon::FINITE_VERBS.has(w[1].lower.as_str()))
    })
}

fn kind_hint(
    words: &[&Tok],
    name_start: usize,
    name: &str,
    role_refs: &[&str],
    role_words: &[&str],
) -> KindHint {
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let led_by_the = words[0].is("the") && name_start == 1;
    let titled = words[..name_start]
        .iter()
        .any(|t| is_person_title(&t.lower));
    let person_role = role_refs
        .iter()
        .any(|w| is_person_role(w.trim_end_matches(',')));
    let org_role = role_words.last().is_some_and(|w| is_org_word(w));
    let org_name = name_words.iter().any(|w| is_org_word(&w.to_lowercase()))
        || name_words.len() == 1 && is_acronym(name_words[0]);
    // "Northwest Container Terminals": a plural last word names a business, unless
    // the name opens with a given name ("Bernie Sanders").
    let plural_business = name_words.len() >= 2
        && name_words.last().is_some_and(|w| {
            w.len() > 4
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("'s")
                && !w.ends_with("’s")
        })
        && !is_given_name(name_words[0]);
    if org_role || led_by_the || org_name && !titled || plural_business && !titled && !person_role {
        KindHint::Known(SourceKind::Organization)
    } else if titled || person_role || name_words.len() >= 2 {
        KindHint::Known(SourceKind::Person)
    } else {
        KindHint::LoneName
    }
}

impl Resolver {
    /// Every entity met so far, in the order they were first met.
    pub fn entities(&self) -> &[Entity] {
        self.registry.entities()
    }

    /// The entities, for the sources made of them at the end.
    pub fn into_entities(self) -> Vec<Entity> {
        self.registry.into_entities()
    }

    /// Resolves the phrase `np` (tokens from `toks`) at its place in `text`.
    pub fn resolve(&mut self, text: &str, toks: &[Tok], np: &Np) -> Option<Resolved> {
        let words: Vec<&Tok> = toks[np.first..=np.last].iter().collect();
        let first = words.first()?;
        if words.len() == 1 && is_subject_pronoun(&first.lower) {
            return Some(self.pronoun(&first.lower, np.span));
        }
        if let Some(person) = person_of_organisation(toks, np) {
            let r = self.resolve(text, toks, &person)?;
            self.registry.mention(r.entity, np.span);
            return Some(Resolved {
                entity: r.entity,
                mention: np.span,
            });
        }
        let appositive = np.appositive.map(|a| clean(text, a));
        let name_start = name_start(&words);
        let head = words[words.len() - 1];
        // "Engineers plan …", "Residents said …": a common noun capitalised only
        // because it opens the sentence names nobody.
        let opening_common_noun = words.len() == 1 && np.first == 0 && {
            let stem = head.stem();
            lexicon::is_unnamed_head(stem) || lexicon::is_role_or_roles(stem)
        };
        let has_name = name_start < words.len()
            && head.cap
            && !opening_common_noun
            && !(words.len() - name_start == 1 && is_determiner(&head.lower));
        if !has_name {
            return Some(self.description(text, np, &words, appositive.as_ref()));
        }
        let named = split_named(text, np, &words, name_start, appositive);
        let found = self.find_by_name(&named.name);
        let idx = found.unwrap_or_else(|| {
            let kind = match named.kind_hint {
                KindHint::Known(kind) => kind,
                // A lone name: the same as an earlier person's surname, else an
                // organisation (`found` is None here, so no earlier entity has it).
                KindHint::LoneName => SourceKind::Organization,
            };
            let entity = Entity::new(named.name.clone(), kind, named.gender, np.span.start);
            self.registry.push(entity)
        });
        if self.registry.get(idx).role.is_none()
            && let Some(role) = named.role.filter(|r| !r.is_empty())
        {
            self.registry.set_role(idx, role);
        }
        let e = self.registry.get_mut(idx);
        if e.gender == Gender::Unknown {
            e.gender = named.gender;
        }
        if !e.matches_name(&named.name) {
            self.registry.add_alias(idx, named.name);
        }
        self.registry.mention(idx, np.span);
        Some(Resolved {
            entity: idx,
            mention: np.span,
        })
    }

    /// The entity called exactly `name` (a transcript label), created as a person if
    /// new; `mention` is where the label stands.
    pub fn register(&mut self, name: &str, mention: Span) -> Resolved {
        let existing = self
            .registry
            .named(name)
            .iter()
            .copied()
            .find(|&i| self.registry.get(i).name == name);
        let idx = existing.unwrap_or_else(|| {
            let kind = if matches!(name, "interviewer" | "interviewee" | UNIDENTIFIED) {
                SourceKind::Unnamed
            } else {
                SourceKind::Person
            };
            let entity = Entity::new(name.to_string(), kind, Gender::Unknown, mention.start);
            self.registry.push(entity)
        });
        self.registry.mention(idx, mention);
        Resolved {
            entity: idx,
            mention,
        }
    }

    /// Starts reading the sentence at `start`.
    pub fn begin_sentence(&mut self, start: usize) {
        self.previous_sentence_start = self.sentence_start;
        self.sentence_start = start;
    }

    /// Notes that `entity` was the source of a claim at `offset`.
    pub fn spoke(&mut self, entity: usize, offset: usize) {
        self.registry.spoke(entity, offset);
    }
}

/// True if the last of `words` is a determiner or a preposition: the words end in the
/// middle of a phrase.
fn ends_in_function_word(words: &[&Tok]) -> bool {
    words.last().is_some_and(|t| {
        is_determiner(&t.lower) || crate::extract::phrases::is_preposition(&t.lower)
    })
}

/// `name` without its possessive endings ("Ode's" → "Ode"): every trailing "'s", then
/// every trailing "’s".
fn without_possessive(name: &str) -> &str {
    let mut name = name;
    while let Some(n) = name.strip_suffix("'s") {
        name = n;
    }
    while let Some(n) = name.strip_suffix("’s") {
        name = n;
    }
    name
}

#[cfg(test)]
mod tests;
