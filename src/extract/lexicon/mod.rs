//! Word lists: attribution verbs and the closed classes the patterns need, kept as data
//! in this folder and built into the binary.
//!
//! - `cues.tsv`: attribution verbs (lemma, class, irregular forms, listener);
//!   `multiword.tsv`: cues of several words ("called for", "made the case").
//! - `*.lst`: word lists in `[section]`s, one entry a line, each section read by one
//!   static [`WordSet`] in [`lists`] (`closed.lst`, `people.lst`, `organisations.lst`
//!   for the shared classes; one file per stage for the rest).
//!
//! Everything is lowercase and parsed once, on first use, into hash sets and maps.
//! `cargo test --lib lexicon::verify` checks the files (sorted, no repeats, no shadowed
//! form, every field read, every section read).

mod cues;
pub mod lists;
#[cfg(test)]
mod verify;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub use cues::{CueClass, CueVerb, cue_verb, multiword_cue};
pub use lists::*;

/// FNV-1a: the cue table is looked up for every word, and its keys are short.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Articles, demonstratives, possessives and quantifiers that open a noun phrase.
pub fn is_determiner(word: &str) -> bool {
    DETERMINERS.has(word)
}

/// Pronouns that can be the subject of an attribution verb.
pub fn is_subject_pronoun(word: &str) -> bool {
    SUBJECT_PRONOUNS.has(word)
}

/// Auxiliaries and adverbs that sit between a subject and its verb.
pub fn is_auxiliary(word: &str) -> bool {
    AUXILIARIES.has(word)
}

/// Words that end a noun phrase when read backwards from a verb.
pub fn is_clause_word(word: &str) -> bool {
    CLAUSE_WORDS.has(word)
}

/// Days, months and relative time words ("on Monday", "last week").
pub fn is_time_word(word: &str) -> bool {
    TIME_WORDS.has(word)
}

/// Month names.
pub fn is_month(word: &str) -> bool {
    MONTHS.has(word)
}

/// Day names.
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.has(word)
}

/// Honorifics that precede a person's name.
pub fn is_person_title(word: &str) -> bool {
    PERSON_TITLES.has(word)
}

/// Nouns naming a person's office or job.
pub fn is_person_role(word: &str) -> bool {
    PERSON_ROLES.has(word)
}

/// A role word, singular or plural ("delegate", "speakers").
pub fn is_role_or_roles(word: &str) -> bool {
    is_person_role(word) || word.strip_suffix('s').is_some_and(is_person_role)
}

/// Head words of organisation names and nouns for organisations.
pub fn is_org_word(word: &str) -> bool {
    ORG_WORDS.has(word)
}

/// Nouns for documents and studies that can be sources.
pub fn is_source_document(word: &str) -> bool {
    SOURCE_DOCUMENTS.has(word)
}

/// Plural or generic nouns for sources nobody names.
pub fn is_unnamed_head(word: &str) -> bool {
    UNNAMED_HEADS.has(word)
}

/// Personal pronouns that refer to a single person.
pub fn is_gendered_pronoun(word: &str) -> bool {
    GENDERED_PRONOUNS.has(word)
}

/// Common nationality and place adjectives used in roles.
pub fn is_nationality(word: &str) -> bool {
    NATIONALITIES.has(word)
}

/// Common given names (lowercase), to tell a person's name from a business's.
pub fn is_given_name_lower(word: &str) -> bool {
    GIVEN_NAMES.has(word)
}

/// True if `word` (any case) is a common given name.
pub fn is_given_name(word: &str) -> bool {
    is_given_name_lower(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_and_regular_forms_are_cues() {
        assert_eq!(cue_verb("said").map(|c| c.lemma), Some("say"));
        assert_eq!(cue_verb("told").map(|c| c.lemma), Some("tell"));
        assert_eq!(cue_verb("estimated").map(|c| c.lemma), Some("estimate"));
        assert_eq!(cue_verb("warns").map(|c| c.lemma), Some("warn"));
        assert_eq!(cue_verb("stresses").map(|c| c.lemma), Some("stress"));
        assert!(cue_verb("adding").is_some_and(|c| c.progressive));
        assert!(cue_verb("table").is_none());
    }

    #[test]
    fn every_form_fits_the_quick_checks() {
        for form in cues::CUES.keys() {
            assert!((3..=14).contains(&form.len()), "{form}");
            assert!(cue_verb(form).is_some(), "{form}");
        }
    }

    #[test]
    fn each_lemma_has_its_class() {
        assert_eq!(
            cue_verb("confirmed").map(|c| c.class),
            Some(CueClass::Speech)
        );
        assert_eq!(cue_verb("found").map(|c| c.class), Some(CueClass::Evidence));
        assert_eq!(
            cue_verb("believes").map(|c| c.class),
            Some(CueClass::Cognition)
        );
    }

    #[test]
    fn listeners_and_multiword_cues() {
        assert!(cue_verb("told").is_some_and(|c| c.listener));
        assert!(cue_verb("said").is_some_and(|c| !c.listener));
        let words = ["the", "case", "that"];
        let next = |k: usize| words.get(k - 1).copied();
        assert_eq!(
            multiword_cue("made", next).map(|(v, n)| (v.lemma, n)),
            Some(("argue", 2))
        );
        assert!(multiword_cue("calling", |_| Some("on")).is_some_and(|(v, _)| v.progressive));
        assert!(multiword_cue("called", |_| Some("off")).is_none());
    }

    #[test]
    fn closed_classes() {
        assert!(is_determiner("the"));
        assert!(is_person_role("minister"));
        assert!(is_org_word("ministry"));
        assert!(is_time_word("monday"));
        assert!(!is_time_word("minister"));
    }
}
