//! The headless commands behind `claimdesk extract`, `claimdesk new`,
//! `claimdesk report`, `claimdesk library …` and `claimdesk match`. No GUI here; `main.rs`
//! parses arguments and calls these.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::extract::{Extraction, extract_article};
use crate::import::{Imported, import_path};
use crate::library::{self, Filter, Hit, Library, LibraryError, Origin, UpdateReport};
use crate::model::{Claim, Project, Source, Span};
use crate::{project, report};

/// Output format of `claimdesk extract`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExtractFormat {
    /// The JSON contract other tools read.
    #[default]
    Json,
    /// A listing for people.
    Text,
}

/// Why a command failed: one line for stderr.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    #[error(transparent)]
    Project(#[from] crate::project::ProjectError),
    #[error(transparent)]
    Report(#[from] crate::report::ReportError),
    #[error(transparent)]
    Library(#[from] LibraryError),
    #[error("cannot write to standard output: {0}")]
    Stdout(#[source] std::io::Error),
    #[error("{path}: {message}", path = .path.display())]
    Refused { path: PathBuf, message: String },
}

/// `claimdesk extract FILE`: imports and extracts, writing JSON or text to `out`.
/// Import warnings (such as a Windows-1252 fallback) are added to `warnings`.
pub fn extract_command(
    path: &Path,
    format: ExtractFormat,
    out: &mut dyn Write,
    warnings: &mut Vec<String>,
) -> Result<(), CliError> {
    let imported = import_path(path)?;
    warnings.extend(imported.warnings.iter().cloned());
    let extraction = extract_article(&imported.article);
    let rendered = match format {
        ExtractFormat::Json => {
            let mut s = extraction_json(&imported, &extraction).to_string();
            s.push('\n');
            s
        }
        ExtractFormat::Text => extraction_text(&imported, &extraction),
    };
    out.write_all(rendered.as_bytes()).map_err(CliError::Stdout)
}

/// `claimdesk new ARTICLE -o PROJECT`: imports, extracts and saves a new project.
/// Refuses to overwrite an existing project unless `force`. Returns the project.
pub fn new_command(
    article: &Path,
    output: &Path,
    force: bool,
    warnings: &mut Vec<String>,
) -> Result<Project, CliError> {
    if output.exists() && !force {
        return Err(CliError::Refused {
            path: output.to_path_buf(),
            message: "already exists (use --force to replace it)".into(),
        });
    }
    let imported = import_path(article)?;
    warnings.extend(imported.warnings.iter().cloned());
    let extraction = extract_article(&imported.article);
    let project = Project::new(imported.article, extraction.sources, extraction.claims);
    project::save(&project, output)?;
    Ok(project)
}

/// `claimdesk report PROJECT`: renders a report; writes it to `output` (atomically) or,
/// without one, to `out`.
pub fn report_command(
    project_path: &Path,
    format: report::Format,
    options: &report::Options,
    output: Option<&Path>,
    out: &mut dyn Write,
    warnings: &mut Vec<String>,
) -> Result<(), CliError> {
    let loaded = project::load(project_path)?;
    warnings.extend(loaded.warnings.iter().cloned());
    let rendered = report::render(&loaded.project, format, options)?;
    match output {
        Some(path) => report::write(path, &rendered)?,
        None => out
            .write_all(rendered.as_bytes())
            .map_err(CliError::Stdout)?,
    }
    Ok(())
}

/// Output format of `claimdesk library search`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchFormat {
    /// A listing for people.
    #[default]
    Text,
    /// One JSON array of hits.
    Json,
}

fn write_out(out: &mut dyn Write, s: &str) -> Result<(), CliError> {
    out.write_all(s.as_bytes()).map_err(CliError::Stdout)
}

fn report_line(root: &Path, r: &UpdateReport) -> String {
    format!(
        "{}: {} entries ({} files read, {} removed{})\n",
        root.display(),
        r.entries,
        r.files_indexed,
        r.files_removed,
        if r.rebuilt { ", index rebuilt" } else { "" }
    )
}

fn open_library(root: &Path, warnings: &mut Vec<String>) -> Result<Library, CliError> {
    let (library, report) = Library::open(root)?;
    warnings.extend(report.warnings);
    Ok(library)
}

/// `claimdesk library add PATH…`: adds folders of projects and ClaimReview files.
pub fn library_add_command(
    root: &Path,
    paths: &[PathBuf],
    out: &mut dyn Write,
    warnings: &mut Vec<String>,
) -> Result<(), CliError> {
    let mut library = open_library(root, warnings)?;
    let report = library.add(paths)?;
    warnings.extend(report.warnings.iter().cloned());
    write_out(out, &report_line(root, &report))
}

/// `claimdesk library rebuild`: builds the index again from the files.
pub fn library_rebuild_command(
    root: &Path,
    out: &mut dyn Write,
    warnings: &mut Vec<String>,
) -> Result<(), CliError> {
    let mut library = open_library(root, warnings)?;
    let report = library.rebuild()?;
    warnings.extend(report.warnings.iter().cloned());
    write_out(out, &report_line(root, &report))
}

/// `claimdesk library search QUERY`: the best entries under `filter`.
pub fn library_search_command(
    root: &Path,
    query: &str,
    filter: &Filter,
    limit: usize,
    format: SearchFormat,
    out: &mut dyn Write,
    warnings: &mut Vec<String>,
) -> Result<(), CliError> {
    let library = open_library(root, warnings)?;
    let hits = library.search(query, filter, limit)?;
    let rendered = match format {
        SearchFormat::Json => {
            let mut s = Value::Array(hits.iter().map(hit_json).collect()).to_string();
            s.push('\n');
            s
        }
        SearchFormat::Text => hits_text(&hits),
    };
    write_out(out, &rendered)
}

/// A hit as JSON: the entry's fields, its score and its origin.
pub fn hit_json(hit: &Hit) -> Value {
    let e = &hit.entry;
    let origin = match &e.origin {
        Origin::Project { file, claim } => {
            json!({"project": file.display().to_string(), "claim": claim.to_string()})
        }
        Origin::Review {
            file,
            url,
            publisher,
        } => json!({"file": file.display().to_string(), "url": url, "publisher": publisher}),
    };
    json!({
        "score": (f64::from(hit.score) * 10_000.0).round() / 10_000.0,
        "claim": e.claim,
        "title": e.title,
        "source": e.source,
        "verdict": e.verdict,
        "note": e.note,
        "evidence": e.evidence,
        "reviewer": e.reviewer,
        "date": e.date.map(|d| d.to_string()),
        "origin": origin,
    })
}

fn hits_text(hits: &[Hit]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if hits.is_empty() {
        out.push_str("no matches\n");
    }
    for (i, h) in hits.iter().enumerate() {
        let e = &h.entry;
        let _ = writeln!(
            out,
            "{}. [{}] {:.3}  {}",
            i + 1,
            e.verdict,
            h.score,
            e.claim
        );
        let mut meta = vec![e.origin.label()];
        if let Some(d) = e.date {
            meta.push(d.to_string());
        }
        match &e.origin {
            Origin::Project { claim, .. } => meta.push(claim.to_string()),
            Origin::Review { url: Some(u), .. } => meta.push(u.clone()),
            Origin::Review { .. } => {}
        }
        let _ = writeln!(out, "   {}", meta.join(" · "));
        if !e.note.is_empty() {
            let _ = writeln!(out, "   note: {}", e.note);
        }
    }
    out
}

/// `claimdesk match QUERIES.tsv VCLAIMS.jsonl`: indexes the collection in a temporary
/// library and prints a TREC run, the best `depth` claims per query. With `features`,
/// also writes each candidate's re-ranker features there (for training it).
pub fn match_command(
    queries: &Path,
    vclaims: &Path,
    depth: usize,
    features: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use std::fmt::Write as _;
    let collection = library::read_collection(vclaims)?;
    let queries = library::read_queries(queries)?;
    let dir = tempfile::tempdir().map_err(|e| LibraryError::Io {
        path: std::env::temp_dir(),
        source: e,
    })?;
    let (mut lib, _) = Library::open(dir.path())?;
    lib.add_entries(&collection)?;
    let mut run = String::new();
    let mut rows = String::new();
    for (qid, text) in &queries {
        let q = library::parse_tweet(text);
        for (rank, hit) in lib.matches(&q, depth.max(1))?.iter().enumerate() {
            let _ = writeln!(
                run,
                "{qid}\tQ0\t{}\t{}\t{:.6}\tclaimdesk",
                hit.entry.key,
                rank + 1,
                hit.score
            );
        }
        if features.is_some() {
            for (entry, f) in lib.candidate_features(&q)? {
                let cols: Vec<String> = f.iter().map(|x| format!("{x:.5}")).collect();
                let _ = writeln!(rows, "{qid}\t{}\t{}", entry.key, cols.join("\t"));
            }
        }
    }
    if let Some(path) = features {
        let header = format!("qid\tkey\t{}\n", library::rank::FEATURES.join("\t"));
        crate::fsio::write_atomic(path, format!("{header}{rows}").as_bytes()).map_err(|e| {
            LibraryError::Write {
                path: path.to_path_buf(),
                source: e,
            }
        })?;
    }
    write_out(out, &run)
}

fn span_json(span: Span) -> Value {
    json!({ "start": span.start, "end": span.end })
}

fn name_json(source: &Source) -> Value {
    if source.name.is_empty() {
        Value::Null
    } else {
        json!(source.name)
    }
}

/// The JSON contract of `claimdesk extract`: `title`, `text` (which all offsets index),
/// `sources`, and `claims` with `id`, `start`, `end`, `text`, `kind`, `score`, `cue`,
/// `reasons` and `source` (`null` or `{name, role, kind, mention}`; an unnamed source
/// with no naming words has a `null` name).
pub fn extraction_json(imported: &Imported, extraction: &Extraction) -> Value {
    let article = &imported.article;
    let text = &article.text;
    let source_of = |claim: &Claim| {
        claim.source.and_then(|cs| {
            extraction
                .sources
                .iter()
                .find(|s| s.id == cs.id)
                .map(|s| (s, cs))
        })
    };
    let claims: Vec<Value> = extraction
        .claims
        .iter()
        .map(|c| {
            let source = source_of(c).map_or(Value::Null, |(s, cs)| {
                json!({
                    "id": s.id.to_string(),
                    "name": name_json(s),
                    "role": s.role,
                    "kind": s.kind.as_str(),
                    "mention": cs.mention.map_or(Value::Null, span_json),
                })
            });
            json!({
                "id": c.id.to_string(),
                "start": c.span.start,
                "end": c.span.end,
                "text": c.text(text),
                "kind": c.kind.as_str(),
                "score": (f64::from(c.score) * 100.0).round() / 100.0,
                "cue": c.cue.as_ref().map(|q| q.text.clone()),
                "reasons": c.reasons,
                "source": source,
            })
        })
        .collect();
    let sources: Vec<Value> = extraction
        .sources
        .iter()
        .map(|s| {
            json!({
                "id": s.id.to_string(),
                "name": name_json(s),
                "role": s.role,
                "kind": s.kind.as_str(),
                "aliases": s.aliases,
                "mentions": s.mentions.iter().map(|m| span_json(*m)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "site": article.site,
        "url": article.url,
        "text": text,
        "sources": sources,
        "claims": claims,
    })
}

/// A readable listing: one block per claim with its source, cue and reasons.
pub fn extraction_text(imported: &Imported, extraction: &Extraction) -> String {
    use std::fmt::Write as _;
    let article = &imported.article;
    let mut out = String::new();
    let _ = writeln!(out, "{}", article.title);
    let _ = writeln!(
        out,
        "{} claims, {} sources\n",
        extraction.claims.len(),
        extraction.sources.len()
    );
    for c in &extraction.claims {
        let source = c
            .source
            .and_then(|cs| extraction.sources.iter().find(|s| s.id == cs.id))
            .map_or_else(
                || "(no source)".to_string(),
                |s| {
                    if s.name.is_empty() {
                        "Unnamed source".to_string()
                    } else {
                        s.display_name()
                    }
                },
            );
        let _ = writeln!(
            out,
            "{} [{}] {:.2}  {}",
            c.id,
            c.kind,
            c.score,
            c.text(&article.text)
        );
        let cue = c.cue.as_ref().map(|q| format!("  cue: {}", q.text));
        let _ = writeln!(out, "    source: {source}{}", cue.unwrap_or_default());
        if !c.reasons.is_empty() {
            let _ = writeln!(out, "    why: {}", c.reasons.join("; "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    fn imported(text: &str) -> Imported {
        Imported {
            article: Article::from_text("Test", text),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn json_offsets_index_the_text() {
        let imp = imported("\"The toll will rise,\" said Declan Moriarty, the city treasurer.");
        let x = extract_article(&imp.article);
        let v = extraction_json(&imp, &x);
        let text = v["text"].as_str().unwrap_or_default();
        let claims = v["claims"].as_array().cloned().unwrap_or_default();
        assert!(!claims.is_empty());
        for c in &claims {
            let (s, e) = (
                c["start"].as_u64().unwrap_or(0) as usize,
                c["end"].as_u64().unwrap_or(0) as usize,
            );
            assert_eq!(Some(&text[s..e]), c["text"].as_str());
        }
        assert_eq!(claims[0]["source"]["name"], "Declan Moriarty");
        assert_eq!(claims[0]["source"]["role"], "the city treasurer");
        assert_eq!(claims[0]["source"]["kind"], "person");
        let m = &claims[0]["source"]["mention"];
        let (s, e) = (
            m["start"].as_u64().unwrap_or(0) as usize,
            m["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(&text[s..e], "Declan Moriarty");
    }

    #[test]
    fn unnamed_agentless_source_has_null_name() {
        let imp = imported("The two ministries are reported to be near a deal on the bridge.");
        let x = extract_article(&imp.article);
        let v = extraction_json(&imp, &x);
        assert_eq!(v["claims"][0]["source"]["name"], Value::Null);
        assert_eq!(v["claims"][0]["source"]["kind"], "unnamed");
        assert_eq!(v["claims"][0]["cue"], "are reported to");
    }

    #[test]
    fn text_listing_names_sources() {
        let imp = imported("According to the Harbour Trust, tolls rose 37 percent.");
        let x = extract_article(&imp.article);
        let t = extraction_text(&imp, &x);
        assert!(t.contains("Harbour Trust"), "{t}");
        assert!(t.contains("cue: According to"), "{t}");
    }
}
