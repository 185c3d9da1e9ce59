//! The word lists in `*.lst`: files of `[section]`s, one entry a line. Each section the
//! code reads is a static [`WordSet`] below, parsed on first use.

use std::sync::LazyLock;

/// A set of lowercase words (or phrases) read from one section of a list file.
#[derive(Debug, Default)]
pub struct WordSet {
    /// Open addressing, linear probing, at most half full. Every word looked up goes
    /// through a set or several (about eight look-ups a token): a slot holds the
    /// entry's first 16 bytes as numbers, so a probe compares two integers instead of
    /// hashing byte by byte and calling out to `memcmp`.
    slots: Vec<Slot>,
    /// log2 of `slots.len()`.
    bits: u32,
    entries: Vec<&'static str>,
    longest: usize,
    /// One bit per (first byte, last byte, length) class of the entries: most words
    /// looked up are in no list, and this turns them away before hashing.
    filter: [u64; FILTER_WORDS],
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// Bytes 0..8 and 8..16 of the entry, little-endian, zero-padded.
    head: (u64, u64),
    len: u32,
    /// The entry's index in `entries` plus one; 0 for an empty slot.
    entry: u32,
}

/// Bytes 0..8 and 8..16 of `word`, little-endian, zero-padded. Words are short: a byte
/// loop, no copy.
fn head(word: &[u8]) -> (u64, u64) {
    let (a, b) = word.split_at(word.len().min(8));
    let pack = |s: &[u8]| s.iter().rev().fold(0u64, |h, &x| h << 8 | u64::from(x));
    (pack(a), pack(&b[..b.len().min(8)]))
}

/// The home slot of a word from its head and length, mixed by a multiply (the top
/// `bits` bits of the product).
fn home(head: (u64, u64), len: usize, bits: u32) -> usize {
    let x = head.0 ^ head.1.rotate_left(31) ^ (len as u64) << 56;
    let h = x.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    if bits == 0 {
        0
    } else {
        (h >> (64 - bits)) as usize
    }
}

/// 2,048 bits.
const FILTER_WORDS: usize = 1 << (FILTER_BITS_LOG2 - 6);

/// The bit of `word`'s class in a [`WordSet`] filter: its first two bytes, last byte
/// and length, mixed by a multiply.
fn filter_bit(word: &str) -> usize {
    let b = word.as_bytes();
    let at = |i: usize| u32::from(b.get(i).copied().unwrap_or(0));
    let last = u32::from(b.last().copied().unwrap_or(0));
    let class = at(0) | at(1) << 8 | last << 16 | (b.len() as u32 & 0xff) << 24;
    (class.wrapping_mul(0x9e37_79b1) >> (32 - FILTER_BITS_LOG2)) as usize
}

const FILTER_BITS_LOG2: u32 = 11;

impl WordSet {
    /// The entries of section `name` in `file` (a list file's text). A missing section
    /// gives an empty set (the verify test checks that every section read exists).
    pub fn section(file: &'static str, name: &str) -> Self {
        let entries: Vec<&'static str> = section_lines(file, name)
            .filter(|l| !l.starts_with('#'))
            .collect();
        let mut filter = [0u64; FILTER_WORDS];
        for e in &entries {
            let bit = filter_bit(e);
            filter[bit / 64] |= 1 << (bit % 64);
        }
        let mut set = WordSet {
            slots: Vec::new(),
            bits: 0,
            longest: entries.iter().map(|e| e.len()).max().unwrap_or(0),
            entries,
            filter,
        };
        set.fill_slots();
        set
    }

    /// Builds the table of `entries`, at least twice their number of slots.
    fn fill_slots(&mut self) {
        let size = (self.entries.len() * 2).max(1).next_power_of_two();
        self.bits = size.trailing_zeros();
        self.slots = vec![Slot::default(); size];
        for (k, e) in self.entries.iter().enumerate() {
            if self.find(e).is_some() {
                continue;
            }
            let h = head(e.as_bytes());
            let mut i = home(h, e.len(), self.bits);
            while self.slots[i].entry != 0 {
                i = (i + 1) & (size - 1);
            }
            self.slots[i] = Slot {
                head: h,
                len: e.len() as u32,
                entry: k as u32 + 1,
            };
        }
    }

    /// The slot holding `word`, if any.
    fn find(&self, word: &str) -> Option<usize> {
        let h = head(word.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = home(h, word.len(), self.bits);
        loop {
            let s = &self.slots[i];
            if s.entry == 0 {
                return None;
            }
            // Past 16 bytes the heads may agree on different words: compare the rest.
            if s.head == h
                && s.len as usize == word.len()
                && (word.len() <= 16 || self.entries[s.entry as usize - 1] == word)
            {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// True if `word` (as given: the lists are lowercase) is in the set.
    pub fn has(&self, word: &str) -> bool {
        if word.len() > self.longest {
            return false;
        }
        let bit = filter_bit(word);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0 && self.find(word).is_some()
    }

    /// The entries in file order.
    pub fn entries(&self) -> &[&'static str] {
        &self.entries
    }
}

/// The trimmed, non-blank lines of section `name` (comments included).
pub(super) fn section_lines<'a>(
    file: &'static str,
    name: &'a str,
) -> impl Iterator<Item = &'static str> + 'a {
    let mut current: Option<&'static str> = None;
    file.lines().filter_map(move |line| {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(header);
            return None;
        }
        (current == Some(name) && !line.is_empty()).then_some(line)
    })
}

/// The section names of a list file, in order.
#[cfg(test)]
pub(super) fn section_names(file: &str) -> Vec<&str> {
    file.lines()
        .filter_map(|l| l.trim().strip_prefix('[')?.strip_suffix(']'))
        .collect()
}

/// Every list file, by name, as built into the binary.
pub(super) const FILES: &[(&str, &str)] = &[
    ("attribution.lst", include_str!("attribution.lst")),
    ("claims.lst", include_str!("claims.lst")),
    ("closed.lst", include_str!("closed.lst")),
    ("organisations.lst", include_str!("organisations.lst")),
    ("people.lst", include_str!("people.lst")),
    ("phrases.lst", include_str!("phrases.lst")),
    ("score.lst", include_str!("score.lst")),
    ("segment.lst", include_str!("segment.lst")),
    ("speakers.lst", include_str!("speakers.lst")),
];

fn file(name: &str) -> &'static str {
    FILES.iter().find(|f| f.0 == name).map_or("", |f| f.1)
}

macro_rules! lists {
    ($($name:ident = $file:literal [$section:ident];)*) => {
        $(
            #[doc = concat!("`[", stringify!($section), "]` in `lexicon/", $file, "`.")]
            pub static $name: LazyLock<WordSet> =
                LazyLock::new(|| WordSet::section(file($file), stringify!($section)));
        )*
        /// Every (file, section) a static above reads.
        #[cfg(test)]
        pub(super) const READ: &[(&str, &str)] = &[$(($file, stringify!($section))),*];
    };
}

lists! {
    AFTER_AND = "attribution.lst" [after_and];
    AGENT_SUFFIXES = "attribution.lst" [agent_suffixes];
    AMBIGUOUS_BELIEFS = "attribution.lst" [ambiguous_beliefs];
    ATTITUDE_ADJECTIVES = "attribution.lst" [attitude_adjectives];
    BE_BEFORE_PROGRESSIVE = "attribution.lst" [be_before_progressive];
    BEFORE_NOUN = "attribution.lst" [before_noun];
    BEFORE_PLAIN_FORM = "attribution.lst" [before_plain_form];
    CLAUSE_CONJUNCTIONS = "attribution.lst" [clause_conjunctions];
    AS_CUES = "attribution.lst" [as_cues];
    CLAUSE_ONLY_CUES = "attribution.lst" [clause_only_cues];
    CUE_IDIOMS = "attribution.lst" [cue_idioms];
    CONJUNCTIONS = "attribution.lst" [conjunctions];
    FINITE_AFTER_CUE = "attribution.lst" [finite_after_cue];
    FINITE_VERBS = "attribution.lst" [finite_verbs];
    FRAME_VERBS = "attribution.lst" [frame_verbs];
    GROUP_WORDS = "attribution.lst" [group_words];
    INFINITIVE_CUES = "attribution.lst" [infinitive_cues];
    INFINITIVE_ONLY_CUES = "attribution.lst" [infinitive_only_cues];
    LINE_LABELS = "attribution.lst" [line_labels];
    NOT_AGENT_NOUNS = "attribution.lst" [not_agent_nouns];
    NOT_PARTICIPLE_CUES = "attribution.lst" [not_participle_cues];
    NOTICE_NOUNS = "attribution.lst" [notice_nouns];
    NOUN_VERBS = "attribution.lst" [noun_verbs];
    PASSIVE_BE = "attribution.lst" [passive_be];
    PASSIVE_CUES = "attribution.lst" [passive_cues];
    PAST_FORMS = "attribution.lst" [past_forms];
    POLL_DETERMINERS = "attribution.lst" [poll_determiners];
    POLL_NOUNS = "attribution.lst" [poll_nouns];
    QUANTIFIER_SUBJECTS = "attribution.lst" [quantifier_subjects];
    SENTENCE_ADVERBS = "attribution.lst" [sentence_adverbs];
    SENTENCE_ADVERB_OPENERS = "attribution.lst" [sentence_adverb_openers];
    SENTENCE_OPENERS = "attribution.lst" [sentence_openers];
    SETTING_OPENERS = "attribution.lst" [setting_openers];
    SETTING_PREPOSITIONS = "attribution.lst" [setting_prepositions];
    SHARE_WORDS = "attribution.lst" [share_words];
    SHARES = "attribution.lst" [shares];
    SUBJECT_PLACE_PREPOSITIONS = "attribution.lst" [subject_place_prepositions];
    SUBORDINATORS = "attribution.lst" [subordinators];
    SURVEY_NOUNS = "attribution.lst" [survey_nouns];
    THING_NOUNS = "attribution.lst" [thing_nouns];
    ADVERBIAL_OPENERS = "claims.lst" [adverbial_openers];
    LEADING_CONJUNCTIONS = "claims.lst" [leading_conjunctions];
    AUXILIARIES = "closed.lst" [auxiliaries];
    CLAUSE_WORDS = "closed.lst" [clause_words];
    DETERMINERS = "closed.lst" [determiners];
    GENDERED_PRONOUNS = "closed.lst" [gendered_pronouns];
    MONTHS = "closed.lst" [months];
    OBJECT_PRONOUNS = "closed.lst" [object_pronouns];
    RELATIVE_PRONOUNS = "closed.lst" [relative_pronouns];
    SUBJECT_PRONOUNS = "closed.lst" [subject_pronouns];
    TIME_WORDS = "closed.lst" [time_words];
    WEEKDAYS = "closed.lst" [weekdays];
    ORG_WORDS = "organisations.lst" [org_words];
    SOURCE_DOCUMENTS = "organisations.lst" [source_documents];
    GIVEN_NAMES = "people.lst" [given_names];
    NATIONALITIES = "people.lst" [nationalities];
    PERSON_ROLES = "people.lst" [person_roles];
    PERSON_TITLES = "people.lst" [person_titles];
    UNNAMED_HEADS = "people.lst" [unnamed_heads];
    APPROXIMATORS = "phrases.lst" [approximators];
    BARE_TIME_ADVERBS = "phrases.lst" [bare_time_adverbs];
    BE_FORMS = "phrases.lst" [be_forms];
    CLAUSE_VERBS = "phrases.lst" [clause_verbs];
    DAY_PARTS = "phrases.lst" [day_parts];
    INNER_PREPOSITIONS = "phrases.lst" [inner_prepositions];
    LISTENERS = "phrases.lst" [listeners];
    NEARNESS = "phrases.lst" [nearness];
    NOT_ROLE_FOLLOWERS = "phrases.lst" [not_role_followers];
    NUMBER_WORDS = "phrases.lst" [number_words];
    OPEN_QUANTIFIERS = "phrases.lst" [open_quantifiers];
    PARENTHETICAL_OPENERS = "phrases.lst" [parenthetical_openers];
    PARTICIPLES = "phrases.lst" [participles];
    PREPOSITIONS = "phrases.lst" [prepositions];
    QUANTIFIERS_ALONE = "phrases.lst" [quantifiers_alone];
    ROLE_PREPOSITIONS = "phrases.lst" [role_prepositions];
    ROLE_TIME_WORDS = "phrases.lst" [role_time_words];
    SETTING_WORDS = "phrases.lst" [setting_words];
    TIME_MODIFIERS = "phrases.lst" [time_modifiers];
    TIME_MODIFIERS_AFTER = "phrases.lst" [time_modifiers_after];
    TIME_NOUNS = "phrases.lst" [time_nouns];
    TIME_PREPOSITIONS = "phrases.lst" [time_prepositions];
    TIME_PREPOSITIONS_AFTER = "phrases.lst" [time_prepositions_after];
    TODAY_WORDS = "phrases.lst" [today_words];
    BOILERPLATE = "score.lst" [boilerplate];
    BOILERPLATE_TRIGGERS = "score.lst" [boilerplate_triggers];
    CURRENCY_WORDS = "score.lst" [currency_words];
    OPINION_WORDS = "score.lst" [opinion_words];
    RANK_WORDS = "score.lst" [rank_words];
    SCALE_WORDS = "score.lst" [scale_words];
    NUMBER_ABBREVIATIONS = "segment.lst" [number_abbreviations];
    SENTENCE_STARTERS = "segment.lst" [sentence_starters];
    SOFT_ABBREVIATIONS = "segment.lst" [soft_abbreviations];
    TITLES = "segment.lst" [titles];
    ARTICLES = "speakers.lst" [articles];
    BUSINESS_NOUNS = "speakers.lst" [business_nouns];
    CLAUSE_OPENERS = "speakers.lst" [clause_openers];
    GENERIC_ORG_NOUNS = "speakers.lst" [generic_org_nouns];
    IRREGULAR_PAST = "speakers.lst" [irregular_past];
    MEDIA_NOUNS = "speakers.lst" [media_nouns];
    MEDIA_WORDS = "speakers.lst" [media_words];
    NAME_JOINERS = "speakers.lst" [name_joiners];
    NAME_PARTICLES = "speakers.lst" [name_particles];
    PLACE_PREPOSITIONS = "speakers.lst" [place_prepositions];
    PLACE_WORDS = "speakers.lst" [place_words];
    PUBLIC_BODIES = "speakers.lst" [public_bodies];
    ROLE_FILLERS = "speakers.lst" [role_fillers];
    SPOKESPEOPLE = "speakers.lst" [spokespeople];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_entries_sharing_a_head_are_told_apart() {
        let file = "[s]\nrepresentatives of\nrepresentatives on\na\nab\n";
        let set = WordSet::section(Box::leak(file.to_string().into_boxed_str()), "s");
        for word in ["representatives of", "representatives on", "a", "ab"] {
            assert!(set.has(word), "{word}");
        }
        for word in [
            "representatives",
            "representatives or",
            "",
            "b",
            "abc",
            "a ",
        ] {
            assert!(!set.has(word), "{word}");
        }
        assert!(!WordSet::default().has(""));
    }
}
