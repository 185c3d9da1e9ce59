//! The claim library's speed on a generated collection the size of the CheckThat! one
//! (14,231 verified claims; generated here, no shared data).
//!
//! `cargo bench --bench library`. Goals: indexing the 14,231 claims ≤ 3 s; one query
//! ≤ 5 ms at the median; "Checked before" for a 40-claim article (40 matches, as the
//! window's background job runs them) ≤ 200 ms.

use std::hint::black_box;

use claimdesk::library::{Entry, Library, MatchQuery, Origin};
use claimdesk::model::ClaimId;
use criterion::{Criterion, criterion_group, criterion_main};

const CLAIMS: usize = 14_231;

/// A small deterministic generator (xorshift), so every run sees the same collection.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.next() % words.len()]
    }
}

const PEOPLE: &[&str] = &[
    "Declan Moriarty",
    "Ines Vale",
    "Marta Ilves",
    "Tobias Renner",
    "Priya Castell",
    "Oren Haldane",
    "Lucia Brandt",
    "Kofi Amankwah",
    "Signe Lund",
    "Rafael Quint",
    "the governor",
    "the health minister",
    "a city councillor",
    "the port authority",
    "Harbour Trust",
    "Westport Council",
    "the transit union",
    "Bayside Hospital",
];
const VERBS: &[&str] = &[
    "raised",
    "cut",
    "banned",
    "approved",
    "hid",
    "doubled",
    "sold",
    "closed",
    "funded",
    "cancelled",
    "moved",
    "tripled",
    "leaked",
    "blocked",
    "signed",
    "paid for",
];
const THINGS: &[&str] = &[
    "bridge tolls",
    "ferry fares",
    "school lunches",
    "the vaccine programme",
    "tram lines",
    "water rates",
    "the stadium deal",
    "hospital beds",
    "police budgets",
    "rent caps",
    "the airport runway",
    "fuel taxes",
    "library hours",
    "flood defences",
    "bus routes",
    "pension payments",
    "the election count",
    "mask rules",
    "wind farms",
    "border checks",
];
const TAILS: &[&str] = &[
    "last year",
    "in secret",
    "before the vote",
    "after the storm",
    "for donors",
    "without a debate",
    "in March",
    "overnight",
    "despite warnings",
    "during the strike",
];
const PLACES: &[&str] = &[
    "Westport",
    "Kellmouth",
    "Northdale",
    "Ashby",
    "Port Ferrin",
    "Lowmarsh",
    "Carrow",
];

fn claim_text(rng: &mut Rng) -> String {
    let amount = match rng.next() % 4 {
        0 => format!(" by {}%", 5 + rng.next() % 90),
        1 => format!(" worth ${}.{}bn", 1 + rng.next() % 40, rng.next() % 10),
        2 => format!(" for {} families", 100 + rng.next() % 9000),
        _ => String::new(),
    };
    format!(
        "{} {} {} in {}{} {}.",
        rng.pick(PEOPLE),
        rng.pick(VERBS),
        rng.pick(THINGS),
        rng.pick(PLACES),
        amount,
        rng.pick(TAILS)
    )
}

fn collection() -> Vec<Entry> {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    (0..CLAIMS)
        .map(|i| {
            let claim = claim_text(&mut rng);
            Entry {
                key: format!("vclaim-{i:05}"),
                title: format!("Did {}?", claim.trim_end_matches('.')),
                note: format!(
                    "What we found about {} in {}.",
                    rng.pick(THINGS),
                    rng.pick(PLACES)
                ),
                claim,
                source: Some(rng.pick(PEOPLE).to_owned()),
                verdict: ["False", "True", "Mixture", "Mostly false"][i % 4].to_owned(),
                evidence: Vec::new(),
                reviewer: None,
                date: jiff::civil::Date::new(
                    2015 + (i % 9) as i16,
                    1 + (i % 12) as i8,
                    1 + (i % 28) as i8,
                )
                .ok(),
                origin: Origin::Review {
                    file: "generated.jsonl".into(),
                    url: None,
                    publisher: Some("Generated Checks".into()),
                },
            }
        })
        .collect()
}

/// Queries as they come in: a tweet-style rewording of a claim in the collection.
fn queries(entries: &[Entry], n: usize) -> Vec<MatchQuery> {
    let mut rng = Rng(0x0bad_cafe_0042_0007);
    (0..n)
        .map(|_| {
            let e = &entries[rng.next() % entries.len()];
            let words: Vec<&str> = e.claim.split_whitespace().collect();
            let text = format!(
                "WOW 😡 {} #{} pic.twitter.com/Ab12Cd",
                words[..words.len().saturating_sub(2)].join(" "),
                rng.pick(PLACES).replace(' ', "")
            );
            MatchQuery {
                text,
                date: e.date,
                speaker: Some(rng.pick(PEOPLE).to_owned()),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let entries = collection();
    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.bench_function("index_14231_claims", |b| {
        b.iter(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            let (mut lib, _) = Library::open(dir.path()).expect("library");
            lib.add_entries(&entries).expect("indexed");
            black_box(lib.len())
        });
    });
    group.finish();

    let dir = tempfile::tempdir().expect("tempdir");
    let (mut lib, _) = Library::open(dir.path()).expect("library");
    lib.add_entries(&entries).expect("indexed");
    let qs = queries(&entries, 200);
    let mut group = c.benchmark_group("library");
    group.sample_size(50);
    let mut i = 0;
    group.bench_function("one_query", |b| {
        b.iter(|| {
            i = (i + 1) % qs.len();
            black_box(lib.matches(&qs[i], 5).expect("matches").len())
        });
    });
    // What the window's background job runs for an open 40-claim article.
    let article: Vec<(ClaimId, MatchQuery)> = qs
        .iter()
        .take(40)
        .enumerate()
        .map(|(i, q)| (ClaimId(i as u32 + 1), q.clone()))
        .collect();
    group.bench_function("checked_before_40_claims", |b| {
        b.iter(|| {
            let found = lib
                .checked_before(&article, None, 3)
                .expect("checked before");
            black_box(found.len())
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
