//! The headless commands behind `claimdesk extract`, `claimdesk new`, `claimdesk report`,
//! `claimdesk update`, `claimdesk rerun`, `claimdesk library …` and `claimdesk match`. No GUI here; `main.rs`
//! parses arguments and calls these.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::extract::{Extraction, extract_article};
use crate::fsio::printable;
use crate::import::{FetchOptions, Imported, import_path, import_url, looks_like_link};
use crate::library::{self, Filter, Hit, Library, LibraryError, Origin, UpdateReport};
use crate::model::{Claim, CueClass, Project, Reasons, Source, Span};
use crate::project::UpdateSummary;
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
    #[error("cannot write to standard output: {}", crate::fsio::io_message(.0))]
    Stdout(#[source] std::io::Error),
    #[error("{path}: {message}", path = .path.display())]
    Refused { path: PathBuf, message: String },
    #[error("--url {url:?} is not an http(s) URL (it is published as the report's address)")]
    BadUrl { url: String },
}

/// An article from a file, or from the web when `input` is an http(s) link.
pub fn import_input(input: &Path) -> Result<Imported, CliError> {
    match input.to_str().filter(|s| looks_like_link(s)) {
        Some(url) => Ok(import_url(url, &FetchOptions::default())?),
        None => Ok(import_path(input)?),
    }
}

/// `claimdesk extract FILE` (or `extract URL`): imports and extracts, writing JSON or text to `out`.
/// Import warnings (such as a Windows-1252 fallback) are added to `warnings`.
pub fn extract_command(
    path: &Path,
    format: ExtractFormat,
    out: &mut dyn Write,
    warnings: &mut Vec<String>,
) -> Result<(), CliError> {
    let imported = import_input(path)?;
    warnings.extend(imported.warnings.iter().cloned());
    let extraction = extract_article(&imported.article);
    match format {
        ExtractFormat::Json => write_extraction_json(&imported, &extraction, out),
        ExtractFormat::Text => out.write_all(extraction_text(&imported, &extraction).as_bytes()),
    }
    .map_err(CliError::Stdout)
}

/// `claimdesk new ARTICLE -o PROJECT` (ARTICLE a file or a link): imports, extracts and saves a new project.
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
    let imported = import_input(article)?;
    warnings.extend(imported.warnings.iter().cloned());
    let project = project::new_project(imported.article);
    project::save(&project, output)?;
    Ok(project)
}

/// `claimdesk report PROJECT`: renders a report; writes it to `output` (atomically,
/// keeping the file it replaces as `NAME.bak`) or, without one, to `out`.
///
/// Refuses, unless `force`, an `output` that is the project itself or any other existing
/// claimdesk project file: a report written there would replace a day of review work.
/// Refuses a `--url` that is not an `http(s)` URL (it is published in ClaimReview).
pub fn report_command(
    project_path: &Path,
    format: report::Format,
    options: &report::Options,
    output: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    warnings: &mut Vec<String>,
) -> Result<(), CliError> {
    if let Some(url) = options.url.as_deref().filter(|u| !report::is_http_url(u)) {
        return Err(CliError::BadUrl {
            url: url.to_owned(),
        });
    }
    if let Some(path) = output
        && !force
    {
        refuse_project_output(project_path, path)?;
    }
    let loaded = project::load(project_path)?;
    warnings.extend(loaded.warnings.iter().cloned());
    if let Some(path) = output {
        report::write_report(path, &loaded.project, format, options)?;
    } else {
        let mut out = std::io::BufWriter::new(out);
        report::render_to(&loaded.project, format, options, &mut out)
            .and_then(|()| out.flush())
            .map_err(|e| match report::report_error(e) {
                Ok(report) => CliError::Report(report),
                Err(e) => CliError::Stdout(e),
            })?;
    }
    Ok(())
}

/// An error if `output` is the project at `project_path` or another project file.
fn refuse_project_output(project_path: &Path, output: &Path) -> Result<(), CliError> {
    let refuse = |message: &str| {
        Err(CliError::Refused {
            path: output.to_path_buf(),
            message: message.to_owned(),
        })
    };
    if same_file(project_path, output) {
        return refuse(
            "is the project the report is made from (use --force to replace it with the report; it is kept as .bak)",
        );
    }
    if output.is_file() && project::looks_like_project(output) {
        return refuse(
            "is a claimdesk project file (use --force to replace it with the report; it is kept as .bak)",
        );
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

/// Whether two paths name the same existing file (through links and `..`).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `claimdesk update PROJECT ARTICLE`: re-imports a corrected version of the article,
/// places every claim again in its text, and saves the project (keeping the previous
/// save as `.bak`). Claims that cannot be placed become orphans with their reviews.
pub fn update_command(
    project_path: &Path,
    article: &Path,
    warnings: &mut Vec<String>,
) -> Result<UpdateSummary, CliError> {
    let loaded = project::load(project_path)?;
    warnings.extend(loaded.warnings.iter().cloned());
    let imported = import_path(article)?;
    warnings.extend(imported.warnings.iter().cloned());
    let (updated, summary) =
        project::update_article(&loaded.project, imported.article).map_err(CliError::Project)?;
    warnings.extend(summary.warnings.iter().cloned());
    project::save(&updated, project_path)?;
    Ok(summary)
}

/// `claimdesk rerun PROJECT [-o OUT]`: extracts the project's article again and merges
/// the result in as the window's "Re-run extraction" does (reviewed and hand-made claims
/// kept); saves atomically to `output`, or in place (the previous save kept as `.bak`).
/// Refuses, unless `force`, an `output` that exists and is not the project itself.
pub fn rerun_command(
    project_path: &Path,
    output: Option<&Path>,
    force: bool,
    warnings: &mut Vec<String>,
) -> Result<project::Rerun, CliError> {
    let target = output.unwrap_or(project_path);
    if target != project_path && target.exists() && !force {
        return Err(CliError::Refused {
            path: target.to_path_buf(),
            message: "already exists (use --force to replace it)".into(),
        });
    }
    let loaded = project::load(project_path)?;
    warnings.extend(loaded.warnings.iter().cloned());
    let mut updated = loaded.project;
    let done = project::rerun(&mut updated).map_err(|e| CliError::Refused {
        path: project_path.to_path_buf(),
        message: format!("cannot merge the new extraction: {e}"),
    })?;
    project::save(&updated, target)?;
    Ok(done)
}

// The JSON contract, field by field in alphabetical order (the order `serde_json::Value`
// prints), so that streaming it and building a `Value` give the same bytes.

#[derive(serde::Serialize)]
struct JsonSpan {
    end: usize,
    start: usize,
}

impl From<Span> for JsonSpan {
    fn from(span: Span) -> Self {
        Self {
            end: span.end,
            start: span.start,
        }
    }
}

#[derive(serde::Serialize)]
struct JsonClaimSource<'a> {
    id: String,
    kind: &'static str,
    mention: Option<JsonSpan>,
    name: Option<&'a str>,
    role: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct JsonClaim<'a> {
    cue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue_class: Option<&'static str>,
    end: usize,
    id: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<u32>,
    reasons: &'a Reasons,
    #[serde(skip_serializing_if = "Option::is_none")]
    reported_in: Option<JsonReportedIn<'a>>,
    score: f64,
    source: Option<JsonClaimSource<'a>>,
    start: usize,
    text: &'a str,
}

/// Where the claim was reported: the words naming the report and where they are.
#[derive(serde::Serialize)]
struct JsonReportedIn<'a> {
    end: usize,
    start: usize,
    text: &'a str,
}

#[derive(serde::Serialize)]
struct JsonSource<'a> {
    aliases: &'a [String],
    id: String,
    kind: &'static str,
    mentions: Vec<JsonSpan>,
    name: Option<&'a str>,
    role: Option<&'a str>,
}

/// A sequence serialized item by item, never collected.
struct Seq<I>(std::cell::RefCell<Option<I>>);

impl<I: Iterator<Item = T>, T: serde::Serialize> serde::Serialize for Seq<I> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self.0.borrow_mut().take();
        serializer.collect_seq(items.into_iter().flatten())
    }
}

fn seq<I>(items: I) -> Seq<I> {
    Seq(std::cell::RefCell::new(Some(items)))
}

#[derive(serde::Serialize)]
struct JsonExtraction<'a, C, S> {
    byline: Option<&'a str>,
    claims: C,
    #[serde(skip_serializing_if = "Option::is_none")]
    fetched: Option<JsonFetched<'a>>,
    published: Option<&'a str>,
    site: Option<&'a str>,
    sources: S,
    text: &'a str,
    title: &'a str,
    url: Option<&'a str>,
}

/// Where and when an article from a link was read.
#[derive(serde::Serialize)]
struct JsonFetched<'a> {
    bytes: u64,
    content_type: Option<&'a str>,
    fetched_at: String,
    final_url: &'a str,
    redirects: &'a [String],
    sha256: &'a str,
    url: &'a str,
}

impl<'a> From<&'a crate::model::Fetched> for JsonFetched<'a> {
    fn from(f: &'a crate::model::Fetched) -> Self {
        Self {
            bytes: f.bytes,
            content_type: f.content_type.as_deref(),
            fetched_at: f.fetched_at.to_string(),
            final_url: &f.final_url,
            redirects: &f.redirects,
            sha256: &f.sha256,
            url: &f.url,
        }
    }
}

fn name_json(source: &Source) -> Option<&str> {
    (!source.name.is_empty()).then_some(source.name.as_str())
}

fn claim_json<'a>(
    c: &'a Claim,
    article: &'a crate::model::Article,
    by_id: &std::collections::HashMap<crate::model::SourceId, &'a Source>,
) -> JsonClaim<'a> {
    let source = c.source.and_then(|cs| {
        by_id.get(&cs.id).map(|s| JsonClaimSource {
            id: s.id.to_string(),
            kind: s.kind.as_str(),
            mention: cs.mention.map(JsonSpan::from),
            name: name_json(s),
            role: s.role.as_deref(),
        })
    });
    JsonClaim {
        cue: c.cue.as_ref().map(|q| q.text.as_str()),
        cue_class: c.cue.as_ref().and_then(|q| q.class).map(CueClass::as_str),
        end: c.span.end,
        id: c.id.to_string(),
        kind: c.kind.as_str(),
        page: article.page_at(c.span.start),
        reasons: &c.reasons,
        reported_in: c.reported_in.as_ref().map(|r| JsonReportedIn {
            end: r.span.end,
            start: r.span.start,
            text: &r.text,
        }),
        score: (f64::from(c.score) * 100.0).round() / 100.0,
        source,
        start: c.span.start,
        text: c.text(&article.text),
    }
}

/// Serializes the contract of `imported` and `extraction` with `serializer`.
fn contract<S: serde::Serializer>(
    imported: &Imported,
    extraction: &Extraction,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::Serialize;
    let article = &imported.article;
    let text = &article.text;
    // Sources by id, so that each claim finds its own in constant time.
    let by_id: std::collections::HashMap<_, &Source> =
        extraction.sources.iter().map(|s| (s.id, s)).collect();
    let sources = extraction.sources.iter().map(|s| JsonSource {
        aliases: &s.aliases,
        id: s.id.to_string(),
        kind: s.kind.as_str(),
        mentions: s.mentions.iter().copied().map(JsonSpan::from).collect(),
        name: name_json(s),
        role: s.role.as_deref(),
    });
    JsonExtraction {
        byline: article.byline.as_deref(),
        claims: seq(extraction
            .claims
            .iter()
            .map(|c| claim_json(c, article, &by_id))),
        fetched: article.fetched.as_ref().map(JsonFetched::from),
        published: article.published.as_deref(),
        site: article.site.as_deref(),
        sources: seq(sources),
        text,
        title: &article.title,
        url: article.url.as_deref(),
    }
    .serialize(serializer)
}

/// The JSON contract of `claimdesk extract`: `title`, `text` (which all offsets index),
/// `sources`, and `claims` with `id`, `start`, `end`, `text`, `kind`, `score`, `cue`,
/// `reasons` and `source` (`null` or `{name, role, kind, mention}`; an unnamed source
/// with no naming words has a `null` name). A claim with a cue has `cue_class`
/// (`speech`, `belief`, `stance` or `evidence`); one whose words reach the article through
/// another report has `reported_in` (`{text, start, end}`: "…, according to a report in
/// the Valdera Times"). A claim from a PDF also has `page`; an article
/// from a link has `fetched` (`url`, `final_url`, `redirects`, `fetched_at`,
/// `content_type`, `sha256` and `bytes` of the page as received).
pub fn extraction_json(imported: &Imported, extraction: &Extraction) -> Value {
    contract(imported, extraction, serde_json::value::Serializer).unwrap_or(Value::Null)
}

/// Writes [`extraction_json`] to `out` as one line, without building it in memory.
pub fn write_extraction_json(
    imported: &Imported,
    extraction: &Extraction,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut buffered = std::io::BufWriter::new(out);
    contract(
        imported,
        extraction,
        &mut serde_json::Serializer::new(&mut buffered),
    )?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// A readable listing: one block per claim with its source, cue and reasons. Control
/// characters from the article (terminal escape sequences) are shown as `\u{1b}` and
/// never reach the terminal.
pub fn extraction_text(imported: &Imported, extraction: &Extraction) -> String {
    use std::fmt::Write as _;
    let article = &imported.article;
    let mut out = String::new();
    let _ = writeln!(out, "{}", printable(&article.title, false));
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
            .map_or_else(|| "(no source)".to_string(), Source::label);
        let _ = writeln!(
            out,
            "{} [{}] {:.2}  {}",
            c.id,
            c.kind,
            c.score,
            printable(c.text(&article.text), true)
        );
        let cue = c.cue.as_ref().map(|q| match q.class {
            Some(class) => format!("  cue: {} ({class})", q.text),
            None => format!("  cue: {}", q.text),
        });
        let _ = writeln!(
            out,
            "    source: {}{}",
            printable(&source, false),
            printable(&cue.unwrap_or_default(), false)
        );
        if let Some(r) = &c.reported_in {
            let _ = writeln!(out, "    reported in: {}", printable(&r.text, false));
        }
        if !c.reasons.is_empty() {
            let _ = writeln!(out, "    why: {}", printable(&c.reasons.join("; "), false));
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
    fn streamed_json_is_the_json_value_on_one_line() {
        let imp = imported(
            "\"The toll will rise,\" said Declan Moriarty, the city treasurer. Officials said 40 \
             jobs would go, according to the council.",
        );
        let x = extract_article(&imp.article);
        let mut out = Vec::new();
        assert!(write_extraction_json(&imp, &x, &mut out).is_ok());
        let v = extraction_json(&imp, &x);
        assert_eq!(String::from_utf8_lossy(&out), format!("{v}\n"));
        assert!(v["claims"].as_array().is_some_and(|c| c.len() >= 2));
        assert!(v["sources"].as_array().is_some_and(|s| s.len() >= 2));
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
    fn text_listing_escapes_terminal_sequences() {
        let imp = Imported {
            article: Article::from_text(
                "Title\u{1b}]0;owned\u{7}",
                "\u{1b}[2J\"The toll will rise \u{1b}[31mnow,\" said Declan Moriarty.",
            ),
            warnings: Vec::new(),
        };
        let x = extract_article(&imp.article);
        let t = extraction_text(&imp, &x);
        assert!(!t.contains('\u{1b}') && !t.contains('\u{7}'), "{t:?}");
        assert!(t.starts_with("Title\\u{1b}]0;owned\\u{7}\n"), "{t:?}");
    }

    #[test]
    fn text_listing_names_sources() {
        let imp = imported("According to the Harbour Trust, tolls rose 37 percent.");
        let x = extract_article(&imp.article);
        let t = extraction_text(&imp, &x);
        assert!(t.contains("Harbour Trust"), "{t}");
        assert!(t.contains("cue: According to (speech)"), "{t}");
    }

    #[test]
    fn json_has_the_cue_class_and_where_a_nested_claim_was_reported() {
        let imp = imported(
            "Economists at Brindle Partners found that the tunnel will cost $2.4 billion, \
             according to a report in the Valdera Times.",
        );
        let x = extract_article(&imp.article);
        let v = extraction_json(&imp, &x);
        let claims = v["claims"].as_array().cloned().unwrap_or_default();
        assert_eq!(claims.len(), 1, "{v}");
        let c = &claims[0];
        assert_eq!(c["cue"], "found");
        assert_eq!(c["cue_class"], "evidence");
        assert_eq!(c["source"]["name"], "Brindle Partners");
        let r = &c["reported_in"];
        assert_eq!(r["text"], "a report in the Valdera Times");
        let text = v["text"].as_str().unwrap_or_default();
        let (s, e) = (
            r["start"].as_u64().unwrap_or(0) as usize,
            r["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(&text[s..e], "a report in the Valdera Times");
        let t = extraction_text(&imp, &x);
        assert!(t.contains("cue: found (evidence)"), "{t}");
        assert!(
            t.contains("reported in: a report in the Valdera Times"),
            "{t}"
        );
    }

    #[test]
    fn json_leaves_out_what_a_claim_does_not_have() {
        let imp = imported("The council voted 7-2 on Monday to close the Orchard Street depot.");
        let x = extract_article(&imp.article);
        let v = extraction_json(&imp, &x);
        let c = &v["claims"][0];
        assert_eq!(c["cue"], Value::Null);
        assert!(
            c.get("cue_class").is_none() && c.get("reported_in").is_none(),
            "{c}"
        );
    }
}
