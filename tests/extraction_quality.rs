//! Extraction quality on the project's own hand-labelled articles (assets/samples and
//! tests/fixtures/articles, each NAME.gold.json beside its article), scored with the
//! same rules as the corpus scorer: a predicted claim matches a gold claim when it
//! holds at least 60% of the gold claim's words and at least 30% of its own words are
//! in the gold claim; a source is right when it shares the gold source's last word or
//! names one of the accepted alternatives. This guards against regressions; the
//! figures for real news are measured on the shared corpus (see README).

use std::collections::HashSet;
use std::path::Path;

use claimdesk::extract::extract_article;
use claimdesk::import::import_path;
use serde_json::Value;

fn words(s: &str) -> HashSet<String> {
    s.split(|c: char| {
        !(c.is_ascii_alphanumeric()
            || ('\u{C0}'..='\u{24F}').contains(&c)
            || ('\u{400}'..='\u{4FF}').contains(&c))
    })
    .filter(|w| !w.is_empty())
    .map(str::to_lowercase)
    .collect()
}

fn overlap(pred: &str, gold: &str) -> (f64, f64) {
    let (p, g) = (words(pred), words(gold));
    if p.is_empty() || g.is_empty() {
        return (0.0, 0.0);
    }
    let inter = p.intersection(&g).count() as f64;
    (inter / g.len() as f64, inter / p.len() as f64)
}

fn source_ok(pred: Option<&str>, gold: &Value) -> bool {
    let mut accept: Vec<&str> = gold["accept"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let gold_source = gold["source"].as_str();
    if let Some(g) = gold_source {
        accept.push(g);
    }
    let pred = pred.filter(|p| !p.trim().is_empty());
    match (gold_source, pred) {
        (None, None) => true,
        (_, None) => false,
        (_, Some(p)) => {
            let ptoks = words(p);
            accept.iter().any(|a| {
                let mut at: Vec<String> = words(a).into_iter().collect();
                at.sort();
                let last = a
                    .split(|c: char| !c.is_alphanumeric())
                    .rfind(|w| !w.is_empty())
                    .map(str::to_lowercase);
                last.is_some_and(|l| ptoks.contains(&l))
                    || !at.is_empty() && at.iter().all(|w| ptoks.contains(w))
            })
        }
    }
}

#[derive(Default, Debug)]
struct Tally {
    pred: usize,
    gold: usize,
    matched: usize,
    right: usize,
}

fn score(dir: &Path, name: &str, tally: &mut Tally) {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(name)).expect("gold"))
        .expect("gold json");
    let article = dir.join(gold["article"].as_str().expect("article"));
    let imported = import_path(&article).expect("sample imports");
    let x = extract_article(&imported.article);
    let text = &imported.article.text;
    let preds: Vec<(String, Option<String>)> = x
        .claims
        .iter()
        .map(|c| {
            let src = c
                .source
                .and_then(|s| x.sources.iter().find(|r| r.id == s.id))
                .map(|s| s.name.clone());
            (c.text(text).to_string(), src)
        })
        .collect();
    let golds = gold["claims"].as_array().expect("claims");
    let mut pairs = Vec::new();
    for (i, (p, _)) in preds.iter().enumerate() {
        for (j, g) in golds.iter().enumerate() {
            let (r, pr) = overlap(p, g["text"].as_str().unwrap_or_default());
            if r >= 0.6 && pr >= 0.3 {
                pairs.push((r + pr, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut used_p, mut used_g) = (HashSet::new(), HashSet::new());
    let mut right = 0;
    for (_, i, j) in pairs {
        if used_p.contains(&i) || used_g.contains(&j) {
            continue;
        }
        used_p.insert(i);
        used_g.insert(j);
        if source_ok(preds[i].1.as_deref(), &golds[j]) {
            right += 1;
        }
    }
    let ignore: Vec<&str> = gold["ignore"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let ignored = (0..preds.len())
        .filter(|i| !used_p.contains(i))
        .filter(|&i| {
            ignore.iter().any(|ig| {
                let (r, pr) = overlap(&preds[i].0, ig);
                r >= 0.6 && pr >= 0.3
            })
        })
        .count();
    tally.pred += preds.len() - ignored;
    tally.gold += golds.len();
    tally.matched += used_g.len();
    tally.right += right;
}

fn f1(hit: usize, pred: usize, gold: usize) -> f64 {
    let p = hit as f64 / pred.max(1) as f64;
    let r = hit as f64 / gold.max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn own_articles_meet_the_quality_bar() {
    let mut tally = Tally::default();
    let mut files = 0;
    for dir in ["assets/samples", "tests/fixtures/articles"] {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".gold.json"))
            .collect();
        names.sort();
        for n in names {
            score(Path::new(dir), &n, &mut tally);
            files += 1;
        }
    }
    assert!(files >= 8, "labelled articles found: {files}");
    let detection = f1(tally.matched, tally.pred, tally.gold);
    let attributed = f1(tally.right, tally.pred, tally.gold);
    eprintln!("{tally:?} detection-F1 {detection:.3} attributed-F1 {attributed:.3}");
    assert!(detection >= 0.80, "detection F1 {detection:.3}");
    assert!(attributed >= 0.70, "attributed F1 {attributed:.3}");
}
