//! Attribution verbs: `cues.tsv` (one lemma a row: class, forms, listener) and
//! `multiword.tsv` (cues of more than one word), parsed once on first use.

use std::sync::LazyLock;

use super::FnvMap;

/// How much an attribution verb commits its subject to the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CueClass {
    /// Speech and writing: say, tell, announce, write. Any content will do.
    Speech,
    /// Evidence and findings: show, find, estimate. Needs a clause ("that …") or
    /// an inverted tag to count.
    Evidence,
    /// Beliefs and wishes: think, believe, expect. Needs a clause.
    Cognition,
    /// Positions and judgements: criticize, praise, call (X a Y), want. The subject must
    /// be a named or described person or organisation.
    Stance,
}

impl CueClass {
    /// The class named in the data files: speech, evidence, cognition or stance.
    pub fn from_name(name: &str) -> Option<CueClass> {
        match name {
            "speech" => Some(CueClass::Speech),
            "evidence" => Some(CueClass::Evidence),
            "cognition" => Some(CueClass::Cognition),
            "stance" => Some(CueClass::Stance),
            _ => None,
        }
    }

    /// What a claim of this class is, shown to editors beside the pattern's reason.
    pub fn reason(self) -> Option<&'static str> {
        match self {
            CueClass::Cognition => Some("belief or expectation, not a statement"),
            CueClass::Stance => Some("a position taken, not a statement"),
            CueClass::Speech | CueClass::Evidence => None,
        }
    }
}

/// The verb form a token is: which lemma, which class, and whether it is a participle
/// ("saying", "adding") or a finite form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueVerb {
    pub lemma: &'static str,
    pub class: CueClass,
    /// `-ing` form.
    pub progressive: bool,
    /// Its object is the person addressed ("told reporters", "assured voters").
    pub listener: bool,
}

pub(super) const CUES_TSV: &str = include_str!("cues.tsv");
pub(super) const MULTIWORD_TSV: &str = include_str!("multiword.tsv");

/// The data rows of a TSV file, split at tabs: comment lines (`#`) and the header (the
/// first other line) are not rows.
pub(super) fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
}

/// One row of `cues.tsv`, with every form spelled out.
pub(super) struct CueRow {
    pub lemma: &'static str,
    pub class: CueClass,
    pub forms: Vec<String>,
    pub listener: bool,
}

/// The rows of `cues.tsv`; a row with the wrong number of fields or an unknown class is
/// skipped (the verify test fails on it).
pub(super) fn cue_rows() -> Vec<CueRow> {
    rows(CUES_TSV)
        .filter_map(|row| {
            let [lemma, class, forms, listener] = row[..] else {
                return None;
            };
            let forms = if forms == "-" {
                regular_forms(lemma)
            } else {
                std::iter::once(lemma)
                    .chain(forms.split(','))
                    .map(str::to_string)
                    .collect()
            };
            Some(CueRow {
                lemma,
                class: CueClass::from_name(class)?,
                forms,
                listener: listener == "yes",
            })
        })
        .collect()
}

/// Regular inflections of a lemma: -s, -ed, -ing.
pub(super) fn regular_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let sibilant = ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|e| lemma.ends_with(e));
    out.push(if sibilant {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    });
    if let Some(stem) = lemma.strip_suffix('e') {
        out.push(format!("{lemma}d"));
        out.push(format!("{stem}ing"));
    } else {
        out.push(format!("{lemma}ed"));
        out.push(format!("{lemma}ing"));
    }
    out
}

pub(super) static CUES: LazyLock<FnvMap<String, CueVerb>> = LazyLock::new(|| {
    let mut map = FnvMap::default();
    // Each form belongs to one lemma (the verify test checks it).
    for row in cue_rows() {
        for form in row.forms {
            let progressive = form.ends_with("ing") && form != row.lemma;
            map.entry(form).or_insert(CueVerb {
                lemma: row.lemma,
                class: row.class,
                progressive,
                listener: row.listener,
            });
        }
    }
    map
});

/// The attribution verb `word` (lowercase) is, if any.
pub fn cue_verb(word: &str) -> Option<CueVerb> {
    // Every form in the tables has 3 to 14 letters; most words can skip the lookup.
    if !(3..=14).contains(&word.len()) {
        return None;
    }
    // A bitset of the (first, last) byte pairs of every form rejects most words
    // before hashing.
    if !ends_in(&CUE_ENDS, word) {
        return None;
    }
    CUES.get(word).copied()
}

/// A bitset of the (first, last) byte pairs of `words`.
fn byte_ends<'w>(words: impl Iterator<Item = &'w str>) -> Vec<u64> {
    let mut bits = vec![0u64; 65536 / 64];
    for form in words {
        if let (Some(&a), Some(&b)) = (form.as_bytes().first(), form.as_bytes().last()) {
            let bit = usize::from(a) << 8 | usize::from(b);
            bits[bit / 64] |= 1 << (bit % 64);
        }
    }
    bits
}

/// True if `word`'s (first, last) byte pair is in `bits` (see [`byte_ends`]).
fn ends_in(bits: &[u64], word: &str) -> bool {
    let (Some(&a), Some(&b)) = (word.as_bytes().first(), word.as_bytes().last()) else {
        return false;
    };
    let bit = usize::from(a) << 8 | usize::from(b);
    bits[bit / 64] & (1 << (bit % 64)) != 0
}

static CUE_ENDS: LazyLock<Vec<u64>> = LazyLock::new(|| byte_ends(CUES.keys().map(String::as_str)));

static MULTIWORD_ENDS: LazyLock<Vec<u64>> = LazyLock::new(|| byte_ends(MULTIWORD.keys().copied()));

/// A cue of several words: the words after the first, and the verb it is.
struct Multiword {
    rest: Vec<&'static str>,
    lemma: &'static str,
    class: CueClass,
}

/// `multiword.tsv` by the forms of its first word, rows in file order.
static MULTIWORD: LazyLock<FnvMap<&'static str, Vec<Multiword>>> = LazyLock::new(|| {
    let mut map: FnvMap<&'static str, Vec<Multiword>> = FnvMap::default();
    for row in rows(MULTIWORD_TSV) {
        let [lemma, forms, rest, class] = row[..] else {
            continue;
        };
        let Some(class) = CueClass::from_name(class) else {
            continue;
        };
        for form in forms.split(',') {
            map.entry(form).or_default().push(Multiword {
                rest: rest.split(' ').collect(),
                lemma,
                class,
            });
        }
    }
    map
});

/// The cue of several words that starts with `first` (lowercase), given the lowercase
/// words after it (`next(1)` is the word right after), and how many words follow the
/// first: "called for" is (call, 1), "made the case" (argue, 2).
pub fn multiword_cue<'a>(
    first: &str,
    next: impl Fn(usize) -> Option<&'a str>,
) -> Option<(CueVerb, usize)> {
    // Most words start no multiword cue: their (first, last) byte pair says so before
    // hashing.
    if !ends_in(&MULTIWORD_ENDS, first) {
        return None;
    }
    let found = MULTIWORD.get(first)?.iter().find(|m| {
        m.rest
            .iter()
            .enumerate()
            .all(|(k, w)| next(k + 1) == Some(*w))
    })?;
    let verb = CueVerb {
        lemma: found.lemma,
        class: found.class,
        progressive: first.ends_with("ing"),
        listener: false,
    };
    Some((verb, found.rest.len()))
}
