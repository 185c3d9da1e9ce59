//! The learned half of check-worthiness: a logistic regression over a passage's words,
//! word pairs and a few rule features, trained on labelled debate sentences by
//! `tools/train_checkworthiness.py`. Its weights (`lexicon/checkworthiness.tsv`) are built
//! in and parsed once.
//!
//! Tokens are exactly the training script's: maximal runs of alphanumeric characters and
//! `_`, lowercased character by character, each run of ASCII digits read as `0`; `$` and
//! `%` are tokens of their own; anything else separates tokens. Terms are hashed (64-bit
//! FNV-1a), so scoring a passage allocates nothing unless it holds a boilerplate trigger
//! word; one pass over its characters.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::lexicon;

/// The weights file as built in.
pub const WEIGHTS: &str = include_str!("lexicon/checkworthiness.tsv");
/// How the weights file starts.
pub const WEIGHTS_HEADER: &str = "# claimdesk check-worthiness model, format 1.";
/// A passage holding newsroom boilerplate scores at most this.
pub const BOILERPLATE_CAP: f32 = 0.2;

/// The rule features the model reads, in the weights file's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A number that is not a year, a percent sign or word, a currency or scale word.
    Figure,
    /// A year (1800 to 2100).
    Year,
    /// Capitalised words after the first (up to three count).
    Names,
    /// The passage ends with a question mark.
    Question,
    /// An opinion word (`score.lst` `[opinion_words]`).
    Opinion,
    /// Fewer than six tokens.
    Short,
    /// The number of tokens, up to 40, over 40.
    Length,
}

pub const RULES: [(&str, Rule); 7] = [
    ("figure", Rule::Figure),
    ("year", Rule::Year),
    ("names", Rule::Names),
    ("question", Rule::Question),
    ("opinion", Rule::Opinion),
    ("short", Rule::Short),
    ("length", Rule::Length),
];

/// Keys that are already hashes.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

#[derive(Clone, Copy, Debug, Default)]
struct Entry {
    weight: f64,
    flags: u8,
}

const FIGURE_WORD: u8 = 1;
const OPINION_WORD: u8 = 2;
const TRIGGER_WORD: u8 = 4;

/// The parsed weights.
#[derive(Debug)]
pub struct Model {
    bias: f64,
    rules: [f64; RULES.len()],
    /// Terms by key: their weight, and for single words the lexicon lists the rule
    /// features read (one look-up per token for both).
    terms: KeyMap<Entry>,
    /// The boilerplate phrases as token hashes.
    boilerplate: Vec<Vec<u64>>,
}

/// A term that moved a passage's score, as a byte range of the passage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Term {
    pub start: usize,
    pub end: usize,
    pub weight: f64,
    key: u64,
}

/// What the model made of one passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// In 0..1, not rounded; at most [`BOILERPLATE_CAP`] for boilerplate.
    pub probability: f32,
    pub boilerplate: bool,
    /// The rule features' values, in [`RULES`] order.
    pub rules: [f64; RULES.len()],
    /// Capitalised words after the first.
    pub names: usize,
    /// The terms that raised the score most, strongest first.
    pub raising: Vec<Term>,
    /// The terms that lowered it most, strongest first.
    pub lowering: Vec<Term>,
}

impl Assessment {
    pub fn rule(&self, r: Rule) -> f64 {
        RULES
            .iter()
            .position(|(_, x)| *x == r)
            .map_or(0.0, |i| self.rules[i])
    }
}

/// One token: its byte range, the hash of its normalised form and what the rules read.
#[derive(Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    key: u64,
    all_digits: bool,
    year: bool,
    cap: bool,
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

fn feed(h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    fnv(h, c.encode_utf8(&mut buf).as_bytes())
}

/// The key of a word pair.
fn pair(a: u64, b: u64) -> u64 {
    fnv(fnv(a, b" "), &b.to_le_bytes())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Calls `each` with every token of `text`, in order.
fn scan(text: &str, mut each: impl FnMut(Token)) {
    // Bytes, not chars: almost all text is ASCII, read a byte at a time; any other
    // character is decoded where it starts.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() && !(b.is_ascii_alphanumeric() || b == b'_') {
            if b == b'$' || b == b'%' {
                each(Token {
                    start: i,
                    end: i + 1,
                    key: fnv(FNV_START, &[b]),
                    all_digits: false,
                    year: false,
                    cap: false,
                });
            }
            i += 1;
            continue;
        }
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let token = read_word(text, i, c);
        i = token.end;
        each(token);
    }
}

/// The word that starts with `c` at byte `i` of `text`, read to its end.
fn read_word(text: &str, mut i: usize, c: char) -> Token {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let start = i;
    let cap = c.is_uppercase();
    let mut key = FNV_START;
    let (mut in_digits, mut all_digits) = (false, true);
    let (mut digits, mut value) = (0usize, 0u32);
    while i < n {
        let b = bytes[i];
        let len = if b.is_ascii_digit() {
            if !in_digits {
                key = fnv(key, b"0");
            }
            in_digits = true;
            digits += 1;
            value = value.saturating_mul(10).saturating_add(u32::from(b - b'0'));
            1
        } else if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || b == b'_') {
                break;
            }
            in_digits = false;
            all_digits = false;
            key = fnv(key, &[b.to_ascii_lowercase()]);
            1
        } else {
            let c = text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            if !is_word_char(c) {
                break;
            }
            in_digits = false;
            all_digits = false;
            key = c.to_lowercase().fold(key, feed);
            c.len_utf8()
        };
        i += len;
    }
    Token {
        start,
        end: i,
        key,
        all_digits,
        year: all_digits && digits == 4 && (1800..=2100).contains(&value),
        cap,
    }
}

/// The keys of the tokens of `text`.
fn keys(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    scan(text, |t| out.push(t.key));
    out
}

/// The key of a one- or two-word term as the weights file writes it.
fn term_key(words: &str) -> Option<u64> {
    match keys(words).as_slice() {
        [a] => Some(*a),
        [a, b] => Some(pair(*a, *b)),
        _ => None,
    }
}

fn is_question(text: &str) -> bool {
    text.chars()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')'))
        == Some('?')
}

/// Keeps the (up to) three strongest terms of one sign, strongest first, each term once
/// (a term's weight is its key's, so a repeat is never stronger).
fn keep_top(top: &mut Vec<Term>, t: Term) {
    if (top.len() == 3 && top[2].weight.abs() >= t.weight.abs())
        || top.iter().any(|x| x.key == t.key)
    {
        return;
    }
    let at = top
        .iter()
        .position(|x| x.weight.abs() < t.weight.abs())
        .unwrap_or(top.len());
    top.insert(at, t);
    top.truncate(3);
}

impl Model {
    /// Parses a weights file; the error names the line and the problem.
    pub fn parse(file: &str) -> Result<Model, String> {
        if !file.starts_with(WEIGHTS_HEADER) {
            return Err(format!("the first line is not {WEIGHTS_HEADER:?}"));
        }
        let mut bias = None;
        let mut rules = [None; RULES.len()];
        let mut terms = KeyMap::default();
        let number = |n: usize, w: &str| {
            w.parse::<f64>()
                .ok()
                .filter(|w| w.is_finite())
                .ok_or_else(|| format!("line {n}: {w:?} is not a weight"))
        };
        for (i, line) in file.lines().enumerate() {
            let n = i + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                ["bias", w] => bias = Some(number(n, w)?),
                ["rule", name, w] => {
                    let at = RULES
                        .iter()
                        .position(|(r, _)| r == name)
                        .ok_or_else(|| format!("line {n}: no rule feature {name:?}"))?;
                    rules[at] = Some(number(n, w)?);
                }
                ["term", words, w] => {
                    let key = term_key(words)
                        .ok_or_else(|| format!("line {n}: {words:?} is not one or two words"))?;
                    let entry = Entry {
                        weight: number(n, w)?,
                        flags: 0,
                    };
                    if terms.insert(key, entry).is_some() {
                        return Err(format!("line {n}: {words:?} repeats a term or its hash"));
                    }
                }
                _ => return Err(format!("line {n}: not bias, rule or term")),
            }
        }
        let bias = bias.ok_or("no bias line")?;
        let mut rule_weights = [0.0; RULES.len()];
        for (i, w) in rules.iter().enumerate() {
            rule_weights[i] = w.ok_or_else(|| format!("no weight for rule {:?}", RULES[i].0))?;
        }
        let mut mark = |entries: &[&str], flag: u8| {
            for e in entries {
                if let [k] = keys(e).as_slice() {
                    terms.entry(*k).or_insert_with(Entry::default).flags |= flag;
                }
            }
        };
        mark(lexicon::CURRENCY_WORDS.entries(), FIGURE_WORD);
        mark(lexicon::SCALE_WORDS.entries(), FIGURE_WORD);
        mark(&["$", "%", "percent"], FIGURE_WORD);
        mark(lexicon::OPINION_WORDS.entries(), OPINION_WORD);
        mark(lexicon::BOILERPLATE_TRIGGERS.entries(), TRIGGER_WORD);
        let boilerplate = lexicon::BOILERPLATE
            .entries()
            .iter()
            .map(|p| keys(p))
            .filter(|k| !k.is_empty())
            .collect();
        Ok(Model {
            bias,
            rules: rule_weights,
            terms,
            boilerplate,
        })
    }

    /// The number of terms with a weight.
    pub fn terms(&self) -> usize {
        self.terms.values().filter(|e| e.weight != 0.0).count()
    }

    /// The weight of a rule feature.
    pub fn rule_weight(&self, r: Rule) -> f64 {
        RULES
            .iter()
            .position(|(_, x)| *x == r)
            .map_or(0.0, |i| self.rules[i])
    }

    /// Reads one passage.
    pub fn assess(&self, text: &str) -> Assessment {
        let mut sum = 0.0;
        let mut count = 0usize;
        let mut tokens = 0usize;
        let mut names = 0usize;
        let (mut figure, mut year, mut opinion, mut trigger) = (false, false, false, false);
        let mut prev: Option<Token> = None;
        let mut raising = Vec::new();
        let mut lowering = Vec::new();
        // The token keys, for the boilerplate phrases (read only if a trigger word shows).
        let mut ks: Vec<u64> = Vec::with_capacity(text.len() / 4);
        let mut weigh = |key: u64, start: usize, end: usize, sum: &mut f64| {
            let e = self.terms.get(&key).copied().unwrap_or_default();
            let w = e.weight;
            if w != 0.0 {
                *sum += w;
                let t = Term {
                    start,
                    end,
                    weight: w,
                    key,
                };
                if w > 0.0 {
                    keep_top(&mut raising, t);
                } else {
                    keep_top(&mut lowering, t);
                }
            }
            e.flags
        };
        scan(text, |t| {
            ks.push(t.key);
            let flags = weigh(t.key, t.start, t.end, &mut sum);
            count += 1;
            if let Some(p) = prev {
                let _ = weigh(pair(p.key, t.key), p.start, t.end, &mut sum);
                count += 1;
            }
            if t.all_digits {
                if t.year {
                    year = true;
                } else {
                    figure = true;
                }
            }
            figure |= flags & FIGURE_WORD != 0;
            opinion |= flags & OPINION_WORD != 0;
            trigger |= flags & TRIGGER_WORD != 0;
            if tokens > 0 && t.cap {
                names += 1;
            }
            tokens += 1;
            prev = Some(t);
        });
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let rules = [
            flag(figure),
            flag(year),
            names.min(3) as f64 / 3.0,
            flag(is_question(text)),
            flag(opinion),
            flag(tokens < 6),
            tokens.min(40) as f64 / 40.0,
        ];
        let mut probability = self.probability(sum, count, &rules);
        let boilerplate = trigger && self.is_boilerplate(&ks);
        if boilerplate {
            probability = probability.min(BOILERPLATE_CAP);
        }
        Assessment {
            probability,
            boilerplate,
            rules,
            names,
            raising,
            lowering,
        }
    }

    /// The logistic of the bias, the term weights (their sum over the square root of
    /// the number of terms) and the weighted rule features.
    fn probability(&self, sum: f64, count: usize, rules: &[f64; RULES.len()]) -> f32 {
        let mut z = self.bias;
        if count > 0 {
            z += sum / (count as f64).sqrt();
        }
        for (w, v) in self.rules.iter().zip(rules) {
            z += w * v;
        }
        (1.0 / (1.0 + (-z).exp())) as f32
    }

    /// True if the tokens of `text` hold one of the boilerplate phrases.
    /// True if the token keys `ks` hold one of the boilerplate phrases.
    fn is_boilerplate(&self, ks: &[u64]) -> bool {
        self.boilerplate
            .iter()
            .any(|p| ks.windows(p.len()).any(|w| w == p.as_slice()))
    }
}

static MODEL: LazyLock<Result<Model, String>> = LazyLock::new(|| Model::parse(WEIGHTS));

/// The built-in model, or why its weights would not parse.
pub fn model() -> Result<&'static Model, &'static str> {
    MODEL.as_ref().map_err(String::as_str)
}

#[cfg(test)]
#[path = "learned_tests.rs"]
mod tests;
