//! The measurement inputs of `claimdesk match`: a collection of verified claims, one
//! JSON object a line (`id`, `vclaim`, `title`, `subtitle`, `date`, `url`, all strings),
//! and queries, `qid<TAB>text` a line.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::LibraryError;
use super::entry::{Entry, Origin, parse_date};

#[derive(Deserialize)]
struct VerifiedClaim {
    id: String,
    #[serde(default)]
    vclaim: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    subtitle: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    url: Option<String>,
}

fn read_text(path: &Path) -> Result<String, LibraryError> {
    let bytes = std::fs::read(path).map_err(|e| LibraryError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    String::from_utf8(bytes).map_err(|e| LibraryError::NotText {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// The verified claims of a collection file as library entries; the entry key is the
/// claim's `id`. Blank lines are skipped; a line that is not such an object is an error
/// naming its line.
pub fn read_collection(path: &Path) -> Result<Vec<Entry>, LibraryError> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: VerifiedClaim =
            serde_json::from_str(line).map_err(|e| LibraryError::Collection {
                path: path.to_path_buf(),
                line: n + 1,
                message: format!("not a verified claim: {e}"),
            })?;
        out.push(Entry {
            key: v.id,
            claim: v.vclaim,
            title: v.title,
            source: None,
            verdict: String::new(),
            note: v.subtitle,
            evidence: Vec::new(),
            reviewer: None,
            date: parse_date(&v.date),
            origin: Origin::Review {
                file: PathBuf::from(path),
                url: v.url.filter(|u| !u.is_empty()),
                publisher: None,
            },
        });
    }
    Ok(out)
}

/// The queries of a `qid<TAB>text` file, in file order. Blank lines are skipped; a line
/// without a tab is an error naming its line.
pub fn read_queries(path: &Path) -> Result<Vec<(String, String)>, LibraryError> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((qid, q)) = line.split_once('\t') else {
            return Err(LibraryError::Collection {
                path: path.to_path_buf(),
                line: n + 1,
                message: "expected query id, a tab, then the query text".into(),
            });
        };
        out.push((qid.trim().to_owned(), q.to_owned()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collection_lines_become_entries() {
        let Ok(dir) = tempfile::tempdir() else { return };
        let p = dir.path().join("v.jsonl");
        let line = r#"{"id": "vc-1", "title": "Did tolls rise?", "subtitle": "No.", "vclaim": "Tolls rose 37%.", "date": "5 March 2024"}"#;
        assert!(std::fs::write(&p, format!("{line}\n\n")).is_ok());
        let e = read_collection(&p).unwrap_or_default();
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].key.as_str(), e[0].note.as_str()), ("vc-1", "No."));
        assert_eq!(e[0].date, jiff::civil::Date::new(2024, 3, 5).ok());
    }

    #[test]
    fn bad_lines_are_named() {
        let Ok(dir) = tempfile::tempdir() else { return };
        let p = dir.path().join("q.tsv");
        assert!(std::fs::write(&p, "q1\tfine\nno tab here\n").is_ok());
        let msg = read_queries(&p)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            msg.ends_with("q.tsv:2: expected query id, a tab, then the query text"),
            "{msg}"
        );
        assert!(std::fs::write(&p, "{\"id\": 3}\n").is_ok());
        let msg = read_collection(&p)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(msg.contains("q.tsv:1: not a verified claim"), "{msg}");
    }
}
