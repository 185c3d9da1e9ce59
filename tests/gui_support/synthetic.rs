//! A large, deterministic project for speed tests and the frame benchmark: an article of
//! about `bytes` bytes in paragraphs of three to five sentences, with `claims` claims
//! spread evenly, attributed to a few hundred sources, in every verdict.

use claimdesk::model::{
    Article, Claim, ClaimId, ClaimKind, ClaimSource, Origin, Project, Review, Source, SourceId,
    SourceKind, Span, Verdict,
};

const WORDS: &[&str] = &[
    "council",
    "harbour",
    "budget",
    "report",
    "minister",
    "bridge",
    "repairs",
    "tolls",
    "survey",
    "engineers",
    "traffic",
    "residents",
    "funding",
    "contract",
    "review",
    "safety",
    "transport",
    "estimate",
    "schedule",
    "regulator",
];

/// A project with an article of about `bytes` bytes and exactly `claims` claims.
pub fn large_project(bytes: usize, claims: usize) -> Project {
    let source_count = 300;
    let mut seed: u32 = 7;
    let mut next = move || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 8) as usize
    };
    // Sentences first, then choose which become claims.
    let mut text = String::with_capacity(bytes + 512);
    let mut sentences: Vec<(Span, Option<(usize, Span)>)> = Vec::new();
    let mut paragraphs = Vec::new();
    while text.len() < bytes {
        let start = text.len();
        for _ in 0..3 + next() % 3 {
            if text.len() > start {
                text.push(' ');
            }
            let s0 = text.len();
            let words = 8 + next() % 10;
            for w in 0..words {
                if w > 0 {
                    text.push(' ');
                }
                text.push_str(WORDS[next() % WORDS.len()]);
            }
            text.push_str(" rose ");
            text.push_str(&(next() % 100).to_string());
            text.push_str(" percent");
            let attributed = next().is_multiple_of(2);
            let mention = if attributed {
                let who = next() % source_count;
                text.push_str(", Source ");
                let m0 = text.len() - "Source ".len();
                text.push_str(&who.to_string());
                let m = Span::new(m0, text.len());
                text.push_str(" said");
                Some((who, m))
            } else {
                None
            };
            text.push('.');
            sentences.push((Span::new(s0, text.len()), mention));
        }
        paragraphs.push(Span::new(start, text.len()));
        text.push('\n');
    }
    let mut article = Article::from_text("A very long article about the harbour", text);
    article.byline = Some("Synthetic Reporter".into());
    let mut sources: Vec<Source> = (0..source_count)
        .map(|i| {
            let mut s = Source::new(
                SourceId(i as u32 + 1),
                format!("Source {i}"),
                SourceKind::Person,
            );
            s.role = Some(format!("Spokesperson {i}"));
            s
        })
        .collect();
    let step = (sentences.len() / claims.max(1)).max(1);
    let kinds = ClaimKind::ALL;
    let claims: Vec<Claim> = sentences
        .iter()
        .step_by(step)
        .take(claims)
        .enumerate()
        .map(|(i, (span, mention))| {
            let source = mention.map(|(who, m)| {
                sources[who].mentions.push(m);
                ClaimSource {
                    id: SourceId(who as u32 + 1),
                    mention: Some(m),
                }
            });
            Claim {
                id: ClaimId(i as u32 + 1),
                span: *span,
                kind: kinds[i % kinds.len()],
                source,
                cue: None,
                reported_in: None,
                score: (i % 100) as f32 / 100.0,
                reasons: ["synthetic"].into(),
                origin: Origin::Extracted,
                review: Review {
                    verdict: Verdict::ALL[i % Verdict::ALL.len()],
                    ..Review::default()
                },
            }
        })
        .collect();
    for s in &mut sources {
        s.mentions.sort();
    }
    Project::new(article, sources, claims)
}
