//! Who a source phrase refers to: names, roles, pronouns and descriptions resolved to
//! one entry per person or organisation.
//!
//! "Russian President Vladimir Putin" is the person "Vladimir Putin" with the role
//! "Russian President"; a later "Putin" or "Mr. Putin" is the same person; "he" is the
//! most recent compatible person (the latest speaker first); "the minister" is the latest
//! source whose role has "minister" in it; "FT" is "Financial Times"; "officials" is an
//! unnamed source.

use super::lexicon::{
    is_clause_word, is_determiner, is_given_name, is_nationality, is_org_word, is_person_role,
    is_person_title, is_source_document, is_subject_pronoun, is_unnamed_head,
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

/// A person, organisation or unnamed group the article cites.
#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    pub role: Option<String>,
    pub kind: SourceKind,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    pub gender: Gender,
    /// Byte offset of the latest mention.
    pub last_seen: usize,
    /// Offset of the latest claim attributed to it.
    pub last_spoke: Option<usize>,
}

impl Entity {
    fn surname(&self) -> Option<&str> {
        self.name.rsplit(' ').next().filter(|s| !s.is_empty())
    }

    /// A one-word name taken for an organisation only because nothing said otherwise
    /// ("Putin", not "BBC", "SecDev" or "Gazprom Bank").
    fn could_be_person(&self) -> bool {
        self.kind == SourceKind::Organization
            && !self.name.contains(' ')
            && !is_acronym(&self.name)
            && !is_org_word(&self.name.to_lowercase())
            && self.name.chars().skip(1).all(|c| !c.is_uppercase())
    }

    fn matches_name(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}

/// The source for a pronoun with no antecedent in the article.
pub const UNIDENTIFIED: &str = "unidentified speaker";

/// Resolves source phrases to entities as the text is read in order.
#[derive(Default)]
pub struct Resolver {
    pub entities: Vec<Entity>,
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
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

fn clean(text: &str, span: Span) -> String {
    span.slice(text)
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Resolver {
    /// Resolves the phrase `np` (tokens from `toks`) at its place in `text`.
    pub fn resolve(&mut self, text: &str, toks: &[Tok], np: &Np) -> Option<Resolved> {
        let words: Vec<&Tok> = toks[np.first..=np.last].iter().collect();
        let first = words.first()?;
        let at = np.span.start;
        if words.len() == 1 && is_subject_pronoun(&first.lower) {
            return Some(self.pronoun(&first.lower, np.span));
        }
        let appositive = np.appositive.map(|a| clean(text, a));
        // Split into a role prefix and a name: the name is the trailing run of
        // capitalised words that are not role words.
        let mut name_start = words.len();
        while name_start > 0 {
            let t = words[name_start - 1];
            let stem = t.stem();
            let capital = t.cap || t.kind == TokKind::Number && name_start < words.len();
            let joiner = t.kind == TokKind::Punct
                && matches!(t.lower.as_str(), "&" | "-" | "'" | "’")
                || matches!(
                    t.lower.as_str(),
                    "of" | "and"
                        | "for"
                        | "on"
                        | "de"
                        | "van"
                        | "von"
                        | "der"
                        | "al"
                        | "bin"
                        | "le"
                        | "la"
                        | "du"
                        | "del"
                        | "da"
                        | "di"
                ) && name_start < words.len()
                    && name_start >= 2
                    && words[name_start - 2].cap;
            // In an organisation's name role words are part of it ("Dock Workers' Union").
            let org_name = words.last().is_some_and(|h| h.cap && is_org_word(h.stem()));
            let role_word =
                is_person_role(stem) && name_start < words.len() && !(org_name && t.cap);
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
        let head = words[words.len() - 1];
        let has_name = name_start < words.len()
            && head.cap
            && !(words.len() - name_start == 1 && is_determiner(&head.lower));
        if !has_name {
            return Some(self.description(text, np, &words, appositive.as_ref()));
        }
        let name_span = Span::new(words[name_start].span.start, np.span.end);
        let name = clean(text, name_span);
        let name = name
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_string();
        let role_words: Vec<&str> = words[..name_start]
            .iter()
            .map(|t| t.lower.as_str())
            .filter(|w| !is_determiner(w))
            .collect();
        let role_span = (name_start > 0)
            .then(|| Span::new(words[0].span.start, words[name_start - 1].span.end));
        let role = role_span
            .map(|s| clean(text, s))
            .map(|r| {
                r.trim_start_matches("the ")
                    .trim_start_matches("The ")
                    .to_string()
            })
            .filter(|r| !r.is_empty() && !is_determiner(&r.to_lowercase()))
            .or(appositive.clone());
        let role_lower: Vec<String> = role
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let role_refs: Vec<&str> = role_lower.iter().map(String::as_str).collect();
        let name_words: Vec<&str> = name.split_whitespace().collect();
        let led_by_the = first.is("the") && name_start == 1;
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
        let kind = if org_role
            || led_by_the
            || org_name && !titled
            || plural_business && !titled && !person_role
        {
            SourceKind::Organization
        } else if titled || person_role || name_words.len() >= 2 {
            SourceKind::Person
        } else {
            // A lone name: the same as an earlier person's surname, else an organisation.
            if self
                .find_by_name(&name)
                .is_some_and(|e| self.entities[e].kind == SourceKind::Person)
            {
                SourceKind::Person
            } else {
                SourceKind::Organization
            }
        };
        let mut lowered: Vec<&str> = role_refs.clone();
        lowered.extend(words[..name_start].iter().map(|t| t.lower.as_str()));
        let gender = gender_of(&lowered);
        let idx = if let Some(i) = self.find_by_name(&name) {
            i
        } else {
            self.entities.push(Entity {
                name: name.clone(),
                role: None,
                kind,
                aliases: Vec::new(),
                mentions: Vec::new(),
                gender,
                last_seen: at,
                last_spoke: None,
            });
            self.entities.len() - 1
        };
        let e = &mut self.entities[idx];
        if e.role.is_none() {
            e.role = role.filter(|r| !r.is_empty());
        }
        if e.gender == Gender::Unknown {
            e.gender = gender;
        }
        if !e.matches_name(&name) {
            e.aliases.push(name);
        }
        e.mentions.push(np.span);
        e.last_seen = at;
        Some(Resolved {
            entity: idx,
            mention: np.span,
        })
    }

    /// An earlier entity this name refers to: same name or alias, same surname, an
    /// acronym of it, or a one-word name equal to its last word.
    fn find_by_name(&self, name: &str) -> Option<usize> {
        if let Some(i) = self.entities.iter().rposition(|e| e.matches_name(name)) {
            return Some(i);
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let last = *words.last()?;
        if words.len() == 1 {
            if is_acronym(last)
                && let Some(i) = self
                    .entities
                    .iter()
                    .rposition(|e| e.kind == SourceKind::Organization && initials(&e.name) == last)
            {
                return Some(i);
            }
            return self.entities.iter().rposition(|e| {
                e.kind != SourceKind::Unnamed
                    && e.surname().is_some_and(|s| s.eq_ignore_ascii_case(last))
            });
        }
        // "Financial Times" after "FT"; "Vladimir Putin" after "Putin".
        let acronym = initials(name);
        self.entities.iter().rposition(|e| {
            e.kind != SourceKind::Unnamed
                && (e.name.split_whitespace().count() == 1
                    && (e.name.eq_ignore_ascii_case(last) && e.kind == SourceKind::Person
                        || e.name == acronym && acronym.len() >= 2))
        })
    }

    fn pronoun(&mut self, pronoun: &str, span: Span) -> Resolved {
        let want = match pronoun {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        let idx = if let Some(g) = want {
            let compatible = |e: &Entity| {
                (e.kind == SourceKind::Person || e.could_be_person()) && e.gender != opposite(g)
            };
            let in_sentence = self
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    compatible(e) && e.last_seen >= self.sentence_start && e.last_seen < span.start
                })
                .max_by_key(|(_, e)| e.last_seen)
                .map(|(i, _)| i);
            // The latest speaker if it spoke recently, else the latest person named.
            let speaker = self
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| compatible(e) && e.last_spoke.is_some())
                .max_by_key(|(_, e)| e.last_spoke)
                .map(|(i, _)| i);
            let named = self
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| compatible(e))
                .max_by_key(|(_, e)| e.last_seen)
                .map(|(i, _)| i);
            // The subject of the sentence just before this one.
            let continued = self
                .last_subject
                .filter(|&(e, at)| {
                    at >= self.previous_sentence_start
                        && at < self.sentence_start
                        && compatible(&self.entities[e])
                })
                .map(|(e, _)| e);
            match (speaker, named) {
                _ if in_sentence.is_some() => in_sentence,
                _ if continued.is_some() => continued,
                (Some(s), Some(n)) if s != n => {
                    let spoke = self.entities[s].last_spoke.unwrap_or(0);
                    let seen = self.entities[n].last_seen;
                    // A person named after the speaker's last claim takes over only if
                    // they were named as a subject (they became a speaker or candidate).
                    if seen > spoke
                        && span.start.saturating_sub(seen) < 400
                        && self.entities[n].last_spoke.is_none()
                        && span.start.saturating_sub(spoke) > 600
                    {
                        Some(n)
                    } else {
                        Some(s)
                    }
                }
                (s, n) => s.or(n),
            }
        } else {
            // they / it / we: the latest organisation or group.
            self.entities
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    matches!(e.kind, SourceKind::Organization | SourceKind::Unnamed)
                        || pronoun == "i"
                })
                .max_by_key(|(_, e)| e.last_spoke.max(Some(e.last_seen)))
                .map(|(i, _)| i)
        };
        // Nobody to refer to: an unidentified speaker, named by the pronoun's mention.
        let Some(idx) = idx else {
            return self.register(UNIDENTIFIED, span);
        };
        let e = &mut self.entities[idx];
        if e.gender == Gender::Unknown {
            e.gender = want.unwrap_or(Gender::Unknown);
        }
        // "Putin said … he added": a lone name called "he" or "she" is a person.
        if want.is_some() && e.could_be_person() {
            e.kind = SourceKind::Person;
        }
        e.mentions.push(span);
        e.last_seen = span.start;
        Resolved {
            entity: idx,
            mention: span,
        }
    }

    /// A phrase without a name: "the minister", "officials", "a spokesman for the
    /// ministry", "Rover bosses", "a Bloomberg poll".
    fn description(
        &mut self,
        text: &str,
        np: &Np,
        words: &[&Tok],
        appositive: Option<&String>,
    ) -> Resolved {
        let head = words[words.len() - 1];
        let head_stem = head.stem().to_string();
        let definite = words[0].is("the") || words[0].is("this");
        let has_cap = words.iter().any(|t| t.cap && !is_determiner(&t.lower));
        // "a company spokeswoman", "a spokesman for the ministry": the organisation
        // speaks through them.
        if let Some(org) = self.spokesperson_for(words) {
            let e = &mut self.entities[org];
            e.mentions.push(np.span);
            e.last_seen = np.span.start;
            return Resolved {
                entity: org,
                mention: np.span,
            };
        }
        // "the minister", "the company": the latest entity described that way.
        if definite && !has_cap && words.len() <= 3 {
            let singular = head_stem.trim_end_matches('s');
            let found = self
                .entities
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, e)| e.kind != SourceKind::Unnamed)
                .find(|(_, e)| {
                    let role = e.role.as_deref().unwrap_or_default().to_lowercase();
                    let name = e.name.to_lowercase();
                    let described = |w: &str| {
                        role.split_whitespace().any(|r| r.trim_matches(',') == w)
                            || name.split_whitespace().any(|n| n == w)
                    };
                    // "the finance ministry" is not the Ministry of Agriculture.
                    let modifiers_fit = words
                        .get(1..words.len().saturating_sub(1))
                        .unwrap_or_default()
                        .iter()
                        .all(|m| is_determiner(&m.lower) || described(m.stem()));
                    modifiers_fit && (described(&head_stem) || described(singular))
                });
            // "the newspaper", "the broadcaster": the latest news organisation.
            let media_noun = matches!(
                head_stem.as_str(),
                "newspaper"
                    | "paper"
                    | "daily"
                    | "magazine"
                    | "broadcaster"
                    | "network"
                    | "channel"
                    | "station"
                    | "outlet"
                    | "agency"
                    | "website"
                    | "site"
                    | "publication"
                    | "tabloid"
            );
            // Among news organisations, one that has spoken (reported) comes first.
            let is_media = |e: &Entity| {
                e.kind == SourceKind::Organization
                    && e.name
                        .split_whitespace()
                        .chain(e.aliases.iter().map(String::as_str))
                        .any(|w| {
                            matches!(
                                w.to_lowercase().as_str(),
                                "times"
                                    | "post"
                                    | "journal"
                                    | "news"
                                    | "herald"
                                    | "guardian"
                                    | "telegraph"
                                    | "tribune"
                                    | "gazette"
                                    | "ft"
                                    | "bbc"
                                    | "cnn"
                                    | "reuters"
                                    | "ap"
                                    | "press"
                                    | "daily"
                                    | "mail"
                                    | "express"
                                    | "observer"
                                    | "economist"
                                    | "magazine"
                                    | "radio"
                                    | "tv"
                                    | "television"
                                    | "ledger"
                                    | "courier"
                                    | "recorder"
                                    | "chronicle"
                                    | "standard"
                                    | "independent"
                                    | "bloomberg"
                                    | "politico"
                                    | "axios"
                                    | "nbc"
                                    | "abc"
                                    | "cbs"
                                    | "fox"
                                    | "msnbc"
                                    | "npr"
                                    | "pbs"
                            )
                        })
            };
            let media = media_noun
                .then(|| {
                    self.entities
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| is_media(e))
                        .max_by_key(|(_, e)| (e.last_spoke.is_some(), e.last_spoke, e.last_seen))
                })
                .flatten();
            let found = found.or(media);
            // "the company", "the agency": the latest organisation, when nothing more
            // specific ("the finance ministry") is said.
            let bare = words.len() == 2;
            let found = found.map(|(i, _)| i).or_else(|| {
                (bare && is_org_word(&head_stem))
                    .then(|| {
                        // "the company" is no union, ministry or university.
                        let business = matches!(
                            head_stem.as_str(),
                            "company"
                                | "firm"
                                | "group"
                                | "carmaker"
                                | "automaker"
                                | "retailer"
                                | "lender"
                                | "insurer"
                                | "airline"
                                | "operator"
                                | "manufacturer"
                                | "producer"
                                | "bank"
                        );
                        self.entities
                            .iter()
                            .enumerate()
                            .filter(|(_, e)| e.kind == SourceKind::Organization)
                            .filter(|(_, e)| !business || !is_public_body(&e.name))
                            .max_by_key(|(_, e)| e.last_seen)
                            .map(|(i, _)| i)
                    })
                    .flatten()
            });
            if let Some(i) = found {
                let e = &mut self.entities[i];
                e.mentions.push(np.span);
                e.last_seen = np.span.start;
                return Resolved {
                    entity: i,
                    mention: np.span,
                };
            }
        }
        // Drop an article, keep a quantifier: "officials", but "most of them".
        let article = matches!(
            words[0].lower.as_str(),
            "the" | "a" | "an" | "this" | "these" | "those"
        );
        let start = usize::from(article && words.len() > 1);
        let name = clean(text, Span::new(words[start].span.start, np.span.end));
        let kind = if has_cap && (is_org_word(&head_stem) || is_source_document(&head_stem)) {
            SourceKind::Organization
        } else if is_person_role(&head_stem) && !is_unnamed_head(&head_stem) && definite {
            SourceKind::Person
        } else if is_org_word(&head_stem) && !is_unnamed_head(&head_stem) && definite {
            SourceKind::Organization
        } else {
            SourceKind::Unnamed
        };
        let idx = self
            .entities
            .iter()
            .position(|e| e.name.eq_ignore_ascii_case(&name))
            .unwrap_or_else(|| {
                let lowered: Vec<&str> = words.iter().map(|t| t.lower.as_str()).collect();
                self.entities.push(Entity {
                    name: name.clone(),
                    role: appositive.cloned(),
                    kind,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    gender: gender_of(&lowered),
                    last_seen: np.span.start,
                    last_spoke: None,
                });
                self.entities.len() - 1
            });
        let e = &mut self.entities[idx];
        e.mentions.push(np.span);
        e.last_seen = np.span.start;
        Resolved {
            entity: idx,
            mention: np.span,
        }
    }

    /// The entity called exactly `name` (a transcript label), created as a person if
    /// new; `mention` is where the label stands.
    pub fn register(&mut self, name: &str, mention: Span) -> Resolved {
        let idx = self
            .entities
            .iter()
            .position(|e| e.name == name)
            .unwrap_or_else(|| {
                let kind = if matches!(name, "interviewer" | "interviewee" | UNIDENTIFIED) {
                    SourceKind::Unnamed
                } else {
                    SourceKind::Person
                };
                self.entities.push(Entity {
                    name: name.to_string(),
                    role: None,
                    kind,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    gender: Gender::Unknown,
                    last_seen: mention.start,
                    last_spoke: None,
                });
                self.entities.len() - 1
            });
        let e = &mut self.entities[idx];
        e.mentions.push(mention);
        e.last_seen = mention.start;
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
        if let Some(e) = self.entities.get_mut(entity) {
            e.last_spoke = Some(offset);
        }
    }

    /// The organisation a spokesperson phrase speaks for, if it is known: the latest
    /// organisation described by the noun before the role ("company", "ministry") or
    /// named after "for"/"of".
    fn spokesperson_for(&self, words: &[&Tok]) -> Option<usize> {
        let role = words.iter().position(|t| {
            matches!(
                t.stem(),
                "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "spokespeople"
                    | "representative"
                    | "spokesmen"
                    | "spokeswomen"
            )
        })?;
        let org_noun = words[..role]
            .iter()
            .rev()
            .find(|t| t.is_word() && !t.cap && is_org_word(t.stem()))
            .map(|t| t.stem().to_string());
        let named: Vec<&str> = words[role + 1..]
            .iter()
            .skip_while(|t| matches!(t.lower.as_str(), "for" | "of" | "at" | "the"))
            .filter(|t| t.cap)
            .map(|t| t.lower.as_str())
            .collect();
        self.entities.iter().enumerate().rev().find_map(|(i, e)| {
            if e.kind != SourceKind::Organization {
                return None;
            }
            let lower = e.name.to_lowercase();
            let by_noun = org_noun.as_ref().is_some_and(|noun| {
                lower.split_whitespace().any(|w| w == noun)
                    || matches!(noun.as_str(), "company" | "firm") && !is_public_body(&e.name)
            });
            let by_name = !named.is_empty()
                && named
                    .iter()
                    .all(|w| lower.split_whitespace().any(|n| n == *w));
            (by_noun || by_name).then_some(i)
        })
    }

    /// Records an organisation named in running text ("the Fabrication and Technical
    /// Workers Union") so that "the union" can find it later. `i..j` is a run of
    /// capitalised words; joiners ("and", "of", "for", "&") may continue it.
    fn observe_organisation(&mut self, text: &str, toks: &[Tok], i: usize, mut j: usize) {
        // The tail of a longer name ("… and Technical Workers Union") was read with it.
        let joined = i >= 2
            && (toks[i - 1].is_word()
                && matches!(toks[i - 1].lower.as_str(), "and" | "of" | "for" | "on")
                || toks[i - 1].is_punct('&'))
            && toks[i - 2].cap;
        if joined {
            return;
        }
        while j + 1 < toks.len()
            && (toks[j].is_word() && matches!(toks[j].lower.as_str(), "and" | "of" | "for" | "on")
                || toks[j].is_punct('&'))
            && toks[j + 1].cap
            && toks[j + 1].is_word()
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
        self.entities.push(Entity {
            name,
            role: None,
            kind: SourceKind::Organization,
            aliases: Vec::new(),
            mentions: vec![span],
            gender: Gender::Unknown,
            last_seen: span.start,
            last_spoke: None,
        });
    }

    /// Records people named in running text ("President Ana Ruiz", "Mr. Ode",
    /// "Maria Okonkwo met …") so that a later "she said" can find them.
    /// Tokens inside `skip` (quotations) are not read.
    pub fn observe_names(&mut self, text: &str, toks: &[Tok], skip: &[Span]) {
        let n = toks.len();
        let mut i = 0;
        while i < n {
            let t = &toks[i];
            if skip.iter().any(|q| q.contains(t.span)) {
                i += 1;
                continue;
            }
            let titled = t.cap
                && (is_person_title(&t.lower) || is_person_role(t.stem()) && !t.is_possessive());
            if !(t.cap && t.is_word()) {
                i += 1;
                continue;
            }
            // A sentence-initial function word is no part of a name ("But Rover told …").
            if is_clause_word(&t.lower)
                || is_determiner(&t.lower)
                || is_subject_pronoun(&t.lower)
                || matches!(
                    t.lower.as_str(),
                    "in" | "on"
                        | "at"
                        | "for"
                        | "with"
                        | "from"
                        | "after"
                        | "however"
                        | "meanwhile"
                        | "still"
                        | "and"
                        | "according"
                        | "asked"
                        | "speaking"
                        | "last"
                        | "earlier"
                        | "under"
                        | "despite"
                        | "among"
                        | "during"
                        | "like"
                        | "unlike"
                )
            {
                i += 1;
                continue;
            }
            // The run of capitalised words starting here.
            let mut j = i;
            while j < n
                && toks[j].cap
                && toks[j].is_word()
                && !skip.iter().any(|q| q.contains(toks[j].span))
            {
                j += 1;
            }
            self.observe_organisation(text, toks, i, j);
            let run: Vec<&Tok> = toks[i..j].iter().collect();
            // Drop leading role/title words and nationality adjectives: the name follows
            // the last of them ("Council President Marcus Lindqvist").
            let is_role = |t: &Tok| is_person_title(&t.lower) || is_person_role(t.stem());
            let mut k = run.iter().rposition(|t| is_role(t)).map_or(0, |r| r + 1);
            if k == run.len() {
                k = 0;
            }
            while k < run.len() && (is_role(run[k]) || is_nationality(&run[k].lower)) {
                k += 1;
            }
            let name_toks = &run[k..];
            // Every later mention of a known source by its name or an alias.
            if let (Some(first), Some(last)) = (name_toks.first(), name_toks.last()) {
                let span = Span::new(first.span.start, last.span.end);
                let name = span.slice(text).unwrap_or_default();
                let name = name.trim_end_matches("'s").trim_end_matches("’s");
                if let Some(idx) = self.entities.iter().rposition(|e| {
                    e.matches_name(name)
                        || e.kind != SourceKind::Unnamed && e.surname() == Some(name)
                }) {
                    let e = &mut self.entities[idx];
                    e.mentions
                        .push(Span::new(span.start, span.start + name.len()));
                    // A person opening the sentence is its subject.
                    if i == 0 && (e.kind == SourceKind::Person || e.could_be_person()) {
                        e.last_seen = span.start;
                        self.last_subject = Some((idx, span.start));
                    }
                }
            }
            let prev = i.checked_sub(1).map(|p| toks[p].lower.as_str());
            let after_prep = prev.is_some_and(|p| {
                matches!(
                    p,
                    "in" | "at"
                        | "from"
                        | "to"
                        | "into"
                        | "near"
                        | "of"
                        | "across"
                        | "on"
                        | "the"
                        | "a"
                        | "an"
                        | "for"
                        | "over"
                        | "by"
                )
            });
            let placeish = name_toks.iter().any(|t| {
                is_org_word(t.stem())
                    || matches!(
                        t.stem(),
                        "bay"
                            | "sea"
                            | "street"
                            | "river"
                            | "road"
                            | "island"
                            | "airport"
                            | "east"
                            | "west"
                            | "north"
                            | "south"
                            | "city"
                            | "county"
                            | "region"
                            | "province"
                            | "valley"
                            | "mountains"
                            | "lake"
                    )
            });
            let plural_business = name_toks.len() >= 2
                && !is_given_name(&name_toks[0].lower)
                && name_toks.last().is_some_and(|t| {
                    t.lower.len() > 4
                        && t.lower.ends_with('s')
                        && !t.lower.ends_with("ss")
                        && !t.is_possessive()
                });
            let looks_person =
                (titled || k > 0 || !after_prep && (2..=3).contains(&name_toks.len()))
                    && !placeish
                    && !plural_business
                    && !name_toks.is_empty()
                    && name_toks.iter().all(|t| {
                        !is_determiner(&t.lower) && t.lower.chars().count() > 1
                            || t.lower.ends_with('.')
                    });
            if looks_person && (k > 0 || name_toks.len() >= 2) {
                let span = Span::new(
                    name_toks[0].span.start,
                    name_toks[name_toks.len() - 1].span.end,
                );
                let name = clean(text, span);
                let name = name
                    .trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .to_string();
                let role_words: Vec<&str> = run[..k].iter().map(|t| t.lower.as_str()).collect();
                let gender = gender_of(&role_words);
                match self.find_by_name(&name) {
                    Some(e) => {
                        let e = &mut self.entities[e];
                        if e.kind == SourceKind::Person {
                            e.last_seen = span.start;
                        }
                    }
                    None if name_toks.len() >= 2
                        || k > 0
                            && run[..k]
                                .iter()
                                .any(|t| is_person_title(&t.lower) || is_person_role(t.stem())) =>
                    {
                        let role = (k > 0).then(|| {
                            clean(text, Span::new(run[0].span.start, run[k - 1].span.end))
                        });
                        self.entities.push(Entity {
                            name,
                            role,
                            kind: SourceKind::Person,
                            aliases: Vec::new(),
                            mentions: Vec::new(),
                            gender,
                            last_seen: span.start,
                            last_spoke: None,
                        });
                    }
                    None => {}
                }
            }
            i = j.max(i + 1);
        }
    }
}

/// Unions, parties, governments and the like: organisations that are not businesses.
fn is_public_body(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().trim_end_matches(['\'', '’', 's']),
            "union"
                | "party"
                | "partie"
                | "ministry"
                | "ministrie"
                | "department"
                | "government"
                | "council"
                | "committee"
                | "commission"
                | "university"
                | "institute"
                | "agency"
                | "agencie"
                | "association"
                | "federation"
                | "court"
                | "police"
                | "parliament"
                | "congres"
                | "senate"
                | "assembly"
                | "office"
                | "worker"
                | "observatory"
                | "trust"
                | "charity"
                | "foundation"
                | "school"
                | "hospital"
                | "church"
                | "army"
        )
    })
}

fn opposite(g: Gender) -> Gender {
    match g {
        Gender::Male => Gender::Female,
        Gender::Female => Gender::Male,
        Gender::Unknown => Gender::Unknown,
    }
}

#[cfg(test)]
#[path = "speakers_tests.rs"]
mod tests;
