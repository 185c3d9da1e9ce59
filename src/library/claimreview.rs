//! Reading ClaimReview JSON-LD: claimdesk's own export and the feeds fact-checkers
//! publish — one object, a JSON array, an `@graph`, a `DataFeed`, or one object a line.

use std::path::Path;

use serde_json::Value;

use super::LibraryError;
use super::entry::{Entry, Origin, parse_date};

/// The ClaimReview items of a JSON-LD document. `path` names the file in errors and in
/// the entries' origin.
pub fn entries_from_claimreview(text: &str, path: &Path) -> Result<Vec<Entry>, LibraryError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut values = Vec::new();
    for value in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        values.push(value.map_err(|e| LibraryError::Json {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            message: json_message(&e),
        })?);
    }
    let mut reviews = Vec::new();
    for v in &values {
        collect_reviews(v, &mut reviews);
    }
    if reviews.is_empty() {
        return Err(LibraryError::NoClaimReview {
            path: path.to_path_buf(),
        });
    }
    let mut out = Vec::with_capacity(reviews.len());
    for (n, r) in reviews.into_iter().enumerate() {
        if let Some(e) = entry(r, path, n + 1) {
            out.push(e);
        }
    }
    Ok(out)
}

fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    // serde_json appends " at line L column C"; the error carries those separately.
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

fn is_claim_review(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => type_is_claim_review(t),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(type_is_claim_review)),
        _ => false,
    }
}

fn type_is_claim_review(t: &str) -> bool {
    t == "ClaimReview" || t.ends_with("/ClaimReview") || t.ends_with(":ClaimReview")
}

/// Every ClaimReview object in `v`, in document order, without looking inside one.
fn collect_reviews<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(map) => {
            if is_claim_review(v) {
                out.push(v);
                return;
            }
            for (_, child) in map {
                collect_reviews(child, out);
            }
        }
        Value::Array(items) => {
            for child in items {
                collect_reviews(child, out);
            }
        }
        _ => {}
    }
}

/// A string, or the first string of an array, trimmed and non-empty.
fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => {
            let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
            (!t.is_empty()).then_some(t)
        }
        Value::Array(items) => items.iter().find_map(|i| text_of(Some(i))),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The `name` of an agent given as an object, an array of them, or a bare string.
fn agent_name(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Array(items) => items.iter().find_map(|i| agent_name(Some(i))),
        Value::Object(_) => text_of(v?.get("name")),
        other => text_of(Some(other)),
    }
}

fn first(v: Option<&Value>) -> Option<&Value> {
    match v? {
        Value::Array(items) => items.first(),
        other => Some(other),
    }
}

fn verdict(rating: Option<&Value>) -> String {
    let rating = first(rating);
    if let Some(name) = rating.and_then(|r| text_of(r.get("alternateName"))) {
        return name;
    }
    let value = rating.and_then(|r| text_of(r.get("ratingValue")));
    match (value, rating.and_then(|r| text_of(r.get("bestRating")))) {
        (Some(v), Some(best)) => format!("{v} of {best}"),
        (Some(v), None) => v,
        _ => "Unrated".into(),
    }
}

fn entry(r: &Value, path: &Path, n: usize) -> Option<Entry> {
    let claim = text_of(r.get("claimReviewed"))?;
    let item = first(r.get("itemReviewed"));
    let appearance = item.and_then(|i| {
        first(i.get("appearance"))
            .or_else(|| first(i.get("firstAppearance")))
            .filter(|a| a.is_object())
    });
    let url = text_of(r.get("url"));
    let title = text_of(r.get("headline"))
        .or_else(|| text_of(r.get("name")))
        .or_else(|| appearance.and_then(|a| text_of(a.get("headline"))))
        .unwrap_or_default();
    let note = text_of(r.get("reviewBody"))
        .or_else(|| text_of(r.get("description")))
        .or_else(|| first(r.get("reviewRating")).and_then(|x| text_of(x.get("ratingExplanation"))))
        .unwrap_or_default();
    let author = first(r.get("author"));
    let author_is_person = author
        .and_then(|a| a.get("@type"))
        .and_then(Value::as_str)
        .is_some_and(|t| t == "Person");
    let author_name = agent_name(r.get("author"));
    let (publisher, reviewer) = if author_is_person {
        (agent_name(r.get("publisher")), author_name)
    } else {
        (author_name.or_else(|| agent_name(r.get("publisher"))), None)
    };
    let date = text_of(r.get("datePublished"))
        .or_else(|| item.and_then(|i| text_of(i.get("datePublished"))))
        .and_then(|d| parse_date(&d));
    let evidence = appearance
        .and_then(|a| text_of(a.get("url")))
        .map(|u| vec![format!("appeared at {u}")])
        .unwrap_or_default();
    Some(Entry {
        key: url
            .clone()
            .unwrap_or_else(|| format!("{}#{n}", path.display())),
        claim,
        title,
        source: item.and_then(|i| agent_name(i.get("author"))),
        verdict: verdict(r.get("reviewRating")),
        note,
        evidence,
        reviewer,
        date,
        origin: Origin::Review {
            file: path.to_path_buf(),
            url,
            publisher,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{
      "@context": "https://schema.org", "@type": "ClaimReview",
      "url": "https://checks.example/harbour-tolls",
      "claimReviewed": "Harbour tolls rose 37 percent in one year.",
      "datePublished": "2024-03-05",
      "author": {"@type": "Organization", "name": "Coastline Check"},
      "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "alternateName": "Mostly false"},
      "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Declan Moriarty"},
        "appearance": {"@type": "CreativeWork", "headline": "Treasurer defends tolls", "url": "https://news.example/t"}}
    }"#;

    fn read(text: &str) -> Result<Vec<Entry>, LibraryError> {
        entries_from_claimreview(text, Path::new("feed.json"))
    }

    #[test]
    fn one_object_reads_every_field() {
        let e = read(ONE).unwrap_or_default();
        assert_eq!(e.len(), 1);
        let e = &e[0];
        assert_eq!(e.claim, "Harbour tolls rose 37 percent in one year.");
        assert_eq!(e.verdict, "Mostly false");
        assert_eq!(e.source.as_deref(), Some("Declan Moriarty"));
        assert_eq!(e.publisher(), "Coastline Check");
        assert_eq!(e.title, "Treasurer defends tolls");
        assert_eq!(e.date, jiff::civil::Date::new(2024, 3, 5).ok());
        assert_eq!(e.key, "https://checks.example/harbour-tolls");
    }

    #[test]
    fn array_graph_datafeed_and_lines_all_read() {
        let array = format!("[{ONE}, {ONE}]");
        let graph = format!(r#"{{"@context": "https://schema.org", "@graph": [{ONE}]}}"#);
        let feed = format!(
            r#"{{"@type": "DataFeed", "dataFeedElement": [{{"@type": "DataFeedItem", "item": [{ONE}]}}]}}"#
        );
        let line = ONE.replace('\n', " ");
        let lines = format!("{line}\n{line}\n");
        assert_eq!(read(&array).map(|e| e.len()).ok(), Some(2));
        assert_eq!(read(&graph).map(|e| e.len()).ok(), Some(1));
        assert_eq!(read(&feed).map(|e| e.len()).ok(), Some(1));
        assert_eq!(read(&lines).map(|e| e.len()).ok(), Some(2));
    }

    #[test]
    fn rating_without_a_name_uses_its_value() {
        let t = ONE.replace(r#", "alternateName": "Mostly false""#, "");
        assert_eq!(
            read(&t)
                .ok()
                .and_then(|e| e.first().map(|e| e.verdict.clone()))
                .as_deref(),
            Some("2 of 5")
        );
    }

    #[test]
    fn broken_json_names_file_line_and_column() {
        let err = read("[\n{\"@type\": \"ClaimReview\",, }]").err();
        let msg = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.starts_with("feed.json:2:"), "{msg}");
        assert!(!msg.contains('\n'));
    }

    #[test]
    fn json_without_claimreview_is_refused() {
        let msg = read(r#"{"title": "a report"}"#)
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            msg.as_deref(),
            Some("feed.json: no ClaimReview items in this JSON file")
        );
    }

    #[test]
    fn item_without_claim_text_is_skipped() {
        let t = format!(r#"[{ONE}, {{"@type": "ClaimReview", "url": "x"}}]"#);
        assert_eq!(read(&t).map(|e| e.len()).ok(), Some(1));
    }
}
