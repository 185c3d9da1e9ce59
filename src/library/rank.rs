//! Matching: BM25 picks candidates, a linear re-ranker orders them.
//!
//! The re-ranker scores each candidate by [`FEATURES`]: the BM25 score and rank, how much
//! of the query (weighted by rarity) each field covers and how much of the candidate the
//! query covers, shared word pairs, names, numbers with units, the speaker, and the
//! distance between the query's date and the check's. Its weights are learned on the
//! CheckThat! train split by `assets/library/train_reranker.py` and built in from
//! `assets/library/reranker.json`; nothing is fetched at run time.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::engine::{Engine, TextField};
use super::entry::Entry;
use super::normalize::{Term, TermKind, analyze};
use super::query::MatchQuery;
use super::{Filter, Hit, LibraryError};

/// The re-ranker's features, in the order of its weights.
pub const FEATURES: [&str; 17] = [
    "bm25_rel",
    "bm25_log",
    "rank_inv",
    "q_cov_claim",
    "q_cov_title",
    "q_cov_note",
    "c_cov_claim",
    "num_match",
    "num_miss",
    "name_cov",
    "bigram_claim",
    "speaker",
    "date_known",
    "date_log_gap",
    "date_before",
    "date_near",
    "claim_len",
];

/// Where the two coverage features sit in [`FEATURES`] ([`Hit::overlap`]).
const Q_COV_CLAIM: usize = 3;
const C_COV_CLAIM: usize = 6;

/// The weights file built into the binary.
pub const WEIGHTS_JSON: &str = include_str!("../../assets/library/reranker.json");

/// A linear re-ranker and the candidate search it re-ranks.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Model {
    /// Feature names, equal to [`FEATURES`].
    pub features: Vec<String>,
    pub weights: Vec<f32>,
    /// How many BM25 candidates are re-ranked.
    pub candidates: usize,
    /// BM25 boosts of the claim, title and note fields.
    pub field_boosts: [f32; 3],
    /// Extra BM25 boost of names and numbers.
    pub entity_boost: f32,
}

impl Model {
    /// Parses a weights file; `None` if it is not one for these [`FEATURES`].
    pub fn from_json(text: &str) -> Option<Self> {
        let m: Model = serde_json::from_str(text).ok()?;
        let same = m.features.len() == FEATURES.len()
            && m.weights.len() == FEATURES.len()
            && m.features.iter().zip(FEATURES).all(|(a, b)| a == b);
        (same && m.candidates > 0).then_some(m)
    }

    /// Plain BM25: the score alone, over the default candidate search.
    pub fn bm25_only() -> Self {
        let mut weights = vec![0.0; FEATURES.len()];
        weights[0] = 1.0;
        Self {
            features: FEATURES.iter().map(|s| (*s).to_owned()).collect(),
            weights,
            candidates: 40,
            field_boosts: [1.0, 1.0, 0.6],
            entity_boost: 1.0,
        }
    }

    /// The built-in model.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_json(WEIGHTS_JSON).unwrap_or_else(Model::bm25_only))
    }

    fn score(&self, features: &[f32]) -> f32 {
        self.weights.iter().zip(features).map(|(w, x)| w * x).sum()
    }
}

/// The best `limit` entries for `query`, re-ranked, best first.
pub(super) fn rank(
    engine: &Engine,
    query: &MatchQuery,
    filter: &Filter,
    limit: usize,
) -> Result<Vec<Hit>, LibraryError> {
    let model = Model::builtin();
    let mut hits: Vec<Hit> = candidates(engine, query, filter, model)?
        .into_iter()
        .map(|(entry, f)| Hit {
            score: model.score(&f),
            overlap: f32::midpoint(f[Q_COV_CLAIM], f[C_COV_CLAIM]),
            entry,
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.entry.key.cmp(&b.entry.key))
    });
    hits.truncate(limit);
    Ok(hits)
}

/// The candidates for `query` with their features, in BM25 order.
pub(super) fn candidate_features(
    engine: &Engine,
    query: &MatchQuery,
    filter: &Filter,
) -> Result<Vec<(Entry, Vec<f32>)>, LibraryError> {
    candidates(engine, query, filter, Model::builtin())
}

fn candidates(
    engine: &Engine,
    query: &MatchQuery,
    filter: &Filter,
    model: &Model,
) -> Result<Vec<(Entry, Vec<f32>)>, LibraryError> {
    let q = QueryTerms::new(query);
    let mut counts: HashMap<&str, (f32, TermKind)> = HashMap::new();
    for t in &q.terms {
        let e = counts.entry(t.text.as_str()).or_insert((0.0, t.kind));
        e.0 += 1.0;
        if t.kind != TermKind::Word {
            e.1 = t.kind;
        }
    }
    let mut weighted: Vec<(TextField, &str, f32)> = Vec::new();
    let mut keys: Vec<&&str> = counts.keys().collect();
    keys.sort();
    for text in keys {
        let (n, kind) = counts[*text];
        let entity = if kind == TermKind::Word {
            1.0
        } else {
            model.entity_boost
        };
        let w = n.sqrt() * entity;
        for (field, boost) in [TextField::Claim, TextField::Title, TextField::Note]
            .into_iter()
            .zip(model.field_boosts)
        {
            if boost > 0.0 {
                weighted.push((field, text, w * boost));
            }
        }
    }
    let hits = engine.search(&weighted, filter, model.candidates)?;
    let top = hits.first().map_or(1.0, |h| h.0.max(f32::EPSILON));
    let mut idf = IdfCache {
        engine,
        cache: HashMap::new(),
    };
    let mut out = Vec::with_capacity(hits.len());
    for (rank, (bm25, entry)) in hits.into_iter().enumerate() {
        let f = features(&q, &entry, bm25, top, rank, &mut idf);
        out.push((entry, f));
    }
    Ok(out)
}

struct IdfCache<'a> {
    engine: &'a Engine,
    cache: HashMap<String, f32>,
}

impl IdfCache<'_> {
    fn get(&mut self, term: &str) -> f32 {
        if let Some(v) = self.cache.get(term) {
            return *v;
        }
        let v = self.engine.idf(term);
        self.cache.insert(term.to_owned(), v);
        v
    }

    fn sum<'t>(&mut self, terms: impl Iterator<Item = &'t str>) -> f32 {
        terms.map(|t| self.get(t)).sum()
    }
}

/// The query's terms, analysed once.
struct QueryTerms<'q> {
    terms: Vec<Term>,
    set: HashSet<String>,
    names: HashSet<String>,
    numbers: HashSet<String>,
    bigrams: HashSet<(String, String)>,
    speaker: HashSet<String>,
    query: &'q MatchQuery,
}

impl<'q> QueryTerms<'q> {
    fn new(query: &'q MatchQuery) -> Self {
        let terms = analyze(&query.text);
        let of = |k: TermKind| {
            terms
                .iter()
                .filter(|t| t.kind == k)
                .map(|t| t.text.clone())
                .collect::<HashSet<_>>()
        };
        let names = of(TermKind::Name);
        let numbers = of(TermKind::Number);
        Self {
            set: terms.iter().map(|t| t.text.clone()).collect(),
            bigrams: bigrams(&terms),
            speaker: query
                .speaker
                .as_deref()
                .map(|s| analyze(s).into_iter().map(|t| t.text).collect())
                .unwrap_or_default(),
            names,
            numbers,
            terms,
            query,
        }
    }
}

fn bigrams(terms: &[Term]) -> HashSet<(String, String)> {
    terms
        .windows(2)
        .map(|w| (w[0].text.clone(), w[1].text.clone()))
        .collect()
}

fn share(part: f32, whole: f32) -> f32 {
    if whole > 0.0 { part / whole } else { 0.0 }
}

fn features(
    q: &QueryTerms<'_>,
    entry: &Entry,
    bm25: f32,
    top: f32,
    rank: usize,
    idf: &mut IdfCache<'_>,
) -> Vec<f32> {
    let claim = analyze(&entry.claim);
    let title = analyze(&entry.title);
    let note = analyze(&entry.note);
    let set = |ts: &[Term]| ts.iter().map(|t| t.text.clone()).collect::<HashSet<_>>();
    let (claim_set, title_set, note_set) = (set(&claim), set(&title), set(&note));
    let q_total = idf.sum(q.set.iter().map(String::as_str));
    let mut cover = |field: &HashSet<String>| {
        let part = idf.sum(
            q.set
                .iter()
                .filter(|t| field.contains(*t))
                .map(String::as_str),
        );
        share(part, q_total)
    };
    let q_cov_claim = cover(&claim_set);
    let q_cov_title = cover(&title_set);
    let q_cov_note = cover(&note_set);
    let claim_total = idf.sum(claim_set.iter().map(String::as_str));
    let claim_part = idf.sum(
        claim_set
            .iter()
            .filter(|t| q.set.contains(*t))
            .map(String::as_str),
    );
    let in_any =
        |t: &String| claim_set.contains(t) || title_set.contains(t) || note_set.contains(t);
    let num_match = q.numbers.iter().filter(|n| in_any(n)).count().min(3) as f32 / 3.0;
    let claim_numbers: Vec<&Term> = claim
        .iter()
        .filter(|t| t.kind == TermKind::Number)
        .collect();
    let num_miss = f32::from(
        !claim_numbers.is_empty() && !claim_numbers.iter().any(|t| q.numbers.contains(&t.text)),
    );
    let names_total = idf.sum(q.names.iter().map(String::as_str));
    let names_part = idf.sum(q.names.iter().filter(|t| in_any(t)).map(String::as_str));
    let claim_bigrams = bigrams(&claim);
    let bigram_claim = share(
        claim_bigrams
            .iter()
            .filter(|b| q.bigrams.contains(*b))
            .count() as f32,
        claim_bigrams.len() as f32,
    );
    let speaker = share(
        q.speaker.iter().filter(|t| in_any(t)).count() as f32,
        q.speaker.len() as f32,
    );
    let (date_known, date_log_gap, date_before, date_near) = match (q.query.date, entry.date) {
        (Some(qd), Some(cd)) => {
            let gap = super::engine::day_number(cd) - super::engine::day_number(qd);
            (
                1.0,
                (1.0 + gap.unsigned_abs() as f32).ln(),
                f32::from(gap < -2),
                f32::from((0..=30).contains(&gap)),
            )
        }
        _ => (0.0, 0.0, 0.0, 0.0),
    };
    vec![
        bm25 / top,
        (1.0 + bm25).ln(),
        1.0 / (rank as f32 + 1.0),
        q_cov_claim,
        q_cov_title,
        q_cov_note,
        share(claim_part, claim_total),
        num_match,
        num_miss,
        share(names_part, names_total),
        bigram_claim,
        speaker,
        date_known,
        date_log_gap,
        date_before,
        date_near,
        (1.0 + claim.len() as f32).ln(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_weights_are_for_these_features() {
        let m = Model::from_json(WEIGHTS_JSON);
        assert!(
            m.is_some(),
            "assets/library/reranker.json does not match FEATURES"
        );
        let m = m.unwrap_or_else(Model::bm25_only);
        assert!(m.weights.iter().all(|w| w.is_finite()));
        assert!(m.candidates >= 10 && m.candidates <= 200);
    }

    #[test]
    fn overlap_features_are_the_coverage_ones() {
        assert_eq!(FEATURES[Q_COV_CLAIM], "q_cov_claim");
        assert_eq!(FEATURES[C_COV_CLAIM], "c_cov_claim");
    }

    #[test]
    fn weights_for_other_features_are_refused() {
        let text = WEIGHTS_JSON.replace("\"bm25_rel\"", "\"something_else\"");
        assert_eq!(Model::from_json(&text), None);
        assert_eq!(Model::from_json("{}"), None);
    }
}
