//! The claim library: every claim a desk has checked, found again when it reappears.
//!
//! A library is a folder. It holds `library.json`, the list of folders and files added
//! to it ([`Library::add`]), any projects and ClaimReview files saved into the folder
//! itself, and `index/`, an on-disk tantivy index of their checked claims. The files are
//! the truth and the index is a cache: [`Library::open`] rebuilds it when it is missing
//! or of an older version, and [`Library::update`] re-reads only files that changed.
//!
//! Entries come from projects (every claim with a verdict) and from ClaimReview JSON-LD
//! (claimdesk's export and published feeds). Matching ([`Library::matches`]) finds
//! rewordings: both sides go through one analysis ([`normalize`]), BM25 over claim,
//! title and note picks candidates, and a small learned re-ranker ([`rank`]) orders them
//! by word and name overlap, numbers with units and the distance between dates.
//!
//! ```
//! use claimdesk::library::{Filter, Library};
//! let dir = tempfile::tempdir()?;
//! std::fs::write(dir.path().join("feed.json"), r#"[{"@type": "ClaimReview",
//!     "claimReviewed": "The harbour bridge toll rose 37% in 2024.",
//!     "reviewRating": {"alternateName": "Disputed"}}]"#)?;
//! let (mut library, _report) = Library::open(dir.path())?;
//! let hits = library.search("bridge toll up 37 percent", &Filter::default(), 5)?;
//! assert_eq!(hits[0].entry.verdict, "Disputed");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod checked;
mod claimreview;
mod collection;
mod engine;
mod entry;
mod files;
pub mod normalize;
mod numbers;
mod query;
pub mod rank;

use std::path::{Path, PathBuf};

pub use checked::{MIN_OVERLAP, claim_queries, claim_query};
pub use claimreview::entries_from_claimreview;
pub use collection::{read_collection, read_queries};
pub use entry::{Entry, Origin, entries_from_project, month_number, parse_date};
pub use files::{INDEX_VERSION, SOURCES_FILE};
pub use query::{MatchQuery, parse_tweet};

use engine::Engine;
use files::{INDEX_DIR, Manifest, Sources};

/// Why a library operation failed: one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{path}: {source}", path = .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not written: {source}", path = .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: crate::fsio::WriteError,
    },
    #[error("{path}:{line}:{column}: {message}", path = .path.display())]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: not UTF-8 text (first bad byte at offset {offset})", path = .path.display())]
    NotText { path: PathBuf, offset: usize },
    #[error("{path}: no ClaimReview items in this JSON file", path = .path.display())]
    NoClaimReview { path: PathBuf },
    #[error(
        "{path}: not a project (.ron) or ClaimReview file (.json, .jsonld, .jsonl)",
        path = .path.display()
    )]
    Unsupported { path: PathBuf },
    #[error("{path}: no such file or folder", path = .path.display())]
    NotFound { path: PathBuf },
    #[error("{path}:{line}: {message}", path = .path.display())]
    Collection {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: index: {message}", path = .path.display())]
    Index { path: PathBuf, message: String },
    #[error(transparent)]
    Project(#[from] crate::project::ProjectError),
}

/// Restricts a search. Empty fields admit everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The verdict as worded by the checker, any case ("disputed", "False").
    pub verdict: Option<String>,
    /// Words that must all appear in the claim's source.
    pub source: Option<String>,
    /// Words that must all appear in the ClaimReview publisher.
    pub publisher: Option<String>,
    /// Checked on or after.
    pub from: Option<jiff::civil::Date>,
    /// Checked on or before.
    pub to: Option<jiff::civil::Date>,
}

/// An entry found by a search, with its score (higher is better; comparable within one
/// search only).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub entry: Entry,
    pub score: f32,
    /// How much the query and the entry's claim share, 0 to 1: the mean of the
    /// rarity-weighted share of the query's words in the claim and of the claim's words
    /// in the query. Comparable across searches (unlike `score`); the window shows it as
    /// the match score.
    pub overlap: f32,
}

/// What an update did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateReport {
    /// The index was built again from every file.
    pub rebuilt: bool,
    /// Files read (new or changed).
    pub files_indexed: usize,
    /// Files gone since the last update, whose entries were removed.
    pub files_removed: usize,
    /// Entries in the library after the update.
    pub entries: u64,
    /// Files that could not be read, one line each; their earlier entries are kept.
    pub warnings: Vec<String>,
}

/// An open library.
pub struct Library {
    root: PathBuf,
    engine: Engine,
    manifest: Manifest,
    sources: Sources,
}

impl Library {
    /// The default library folder: `claimdesk/library` in the user's data directory
    /// (`$XDG_DATA_HOME`, else `~/.local/share`; `%APPDATA%` on Windows).
    pub fn default_root() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_DATA_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
        Some(base.join("claimdesk").join("library"))
    }

    /// Opens the library in `root` (creating the folder if needed) and brings its index
    /// up to date: rebuilt from the files if it is missing or of another version, else
    /// updated with the files that changed.
    pub fn open(root: &Path) -> Result<(Self, UpdateReport), LibraryError> {
        std::fs::create_dir_all(root).map_err(|e| LibraryError::Io {
            path: root.to_path_buf(),
            source: e,
        })?;
        let sources = Sources::load(root)?;
        let index_dir = root.join(INDEX_DIR);
        let manifest = Manifest::load(&index_dir);
        let stale = manifest.is_none();
        if stale && index_dir.exists() {
            std::fs::remove_dir_all(&index_dir).map_err(|e| LibraryError::Io {
                path: index_dir.clone(),
                source: e,
            })?;
        }
        let engine = Engine::open(&index_dir)?;
        let mut library = Self {
            root: root.to_path_buf(),
            engine,
            manifest: manifest.unwrap_or_else(|| Manifest {
                version: files::INDEX_VERSION,
                files: std::collections::BTreeMap::new(),
            }),
            sources,
        };
        let mut report = library.update()?;
        report.rebuilt = stale;
        Ok((library, report))
    }

    /// The library folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folders and files added to the library (the library folder itself is
    /// always read too).
    pub fn sources(&self) -> &[PathBuf] {
        &self.sources.paths
    }

    /// Number of entries.
    pub fn len(&self) -> u64 {
        self.engine.entry_count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds folders of projects and ClaimReview files to the library and indexes them.
    /// A path that does not exist, or a named file that cannot be read, is an error and
    /// nothing is added; unreadable files inside a folder become warnings.
    pub fn add(&mut self, paths: &[PathBuf]) -> Result<UpdateReport, LibraryError> {
        let mut fresh = Vec::new();
        for p in paths {
            if !p.exists() {
                return Err(LibraryError::NotFound { path: p.clone() });
            }
            let p = std::path::absolute(p).map_err(|e| LibraryError::Io {
                path: p.clone(),
                source: e,
            })?;
            if p.is_file() {
                files::read_entries(&p)?;
            }
            if !self.sources.paths.contains(&p) {
                fresh.push(p);
            }
        }
        if !fresh.is_empty() {
            self.sources.paths.extend(fresh);
            self.sources.version = 1;
            self.sources.save(&self.root)?;
        }
        self.update()
    }

    /// Indexes one file now, such as a project just saved, adding it to the sources if
    /// no source folder holds it.
    pub fn update_file(&mut self, path: &Path) -> Result<UpdateReport, LibraryError> {
        let path = std::path::absolute(path).map_err(|e| LibraryError::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        let covered =
            path.starts_with(&self.root) || self.sources.paths.iter().any(|s| path.starts_with(s));
        if !covered {
            return self.add(&[path]);
        }
        let mut report = UpdateReport::default();
        self.index_files(&[path], &mut report)?;
        self.finish(report)
    }

    /// Re-reads every file that is new or changed since the last update and drops the
    /// entries of files that are gone.
    pub fn update(&mut self) -> Result<UpdateReport, LibraryError> {
        let index_dir = self.root.join(INDEX_DIR);
        let mut found = Vec::new();
        files::scan(&self.root, &index_dir, &mut found);
        for s in &self.sources.paths {
            files::scan(s, &index_dir, &mut found);
        }
        found.sort();
        found.dedup();
        let mut report = UpdateReport::default();
        let gone: Vec<PathBuf> = self
            .manifest
            .files
            .keys()
            .filter(|f| found.binary_search(f).is_err())
            .cloned()
            .collect();
        for f in &gone {
            self.engine.remove_file(f)?;
            self.manifest.files.remove(f);
        }
        report.files_removed = gone.len();
        let changed: Vec<PathBuf> = found
            .into_iter()
            .filter(|f| self.manifest.files.get(f).copied() != files::stamp(f))
            .collect();
        self.index_files(&changed, &mut report)?;
        self.finish(report)
    }

    /// Builds the index again from every file.
    pub fn rebuild(&mut self) -> Result<UpdateReport, LibraryError> {
        self.engine.clear()?;
        self.manifest.files.clear();
        let mut report = self.update()?;
        report.rebuilt = true;
        Ok(report)
    }

    fn index_files(
        &mut self,
        paths: &[PathBuf],
        report: &mut UpdateReport,
    ) -> Result<(), LibraryError> {
        for path in paths {
            let stamp = files::stamp(path);
            match files::read_entries(path) {
                Ok(entries) => {
                    self.engine.remove_file(path)?;
                    for e in &entries {
                        self.add_entry(e)?;
                    }
                    if let Some(s) = stamp {
                        self.manifest.files.insert(path.clone(), s);
                    }
                    report.files_indexed += 1;
                }
                Err(LibraryError::NoClaimReview { .. }) if !self.sources.paths.contains(path) => {
                    // A JSON file among projects that is not ClaimReview (a report, a
                    // settings file): not part of the library, said once.
                    report
                        .warnings
                        .push(format!("{}: not ClaimReview, skipped", path.display()));
                    if let Some(s) = stamp {
                        self.manifest.files.insert(path.clone(), s);
                    }
                }
                Err(e) => report.warnings.push(e.to_string()),
            }
        }
        Ok(())
    }

    fn add_entry(&mut self, e: &Entry) -> Result<(), LibraryError> {
        let claim = normalize::analyzed_text(&e.claim);
        let title = normalize::analyzed_text(&e.title);
        let note = normalize::analyzed_text(&e.note);
        self.engine.add(e, [&claim, &title, &note])
    }

    fn finish(&mut self, mut report: UpdateReport) -> Result<UpdateReport, LibraryError> {
        self.engine.commit()?;
        self.manifest.save(&self.root.join(INDEX_DIR))?;
        report.entries = self.engine.entry_count();
        Ok(report)
    }

    /// Full-text search of the whole library under `filter`, best first.
    pub fn search(
        &self,
        text: &str,
        filter: &Filter,
        limit: usize,
    ) -> Result<Vec<Hit>, LibraryError> {
        let q = MatchQuery::new(text);
        rank::rank(&self.engine, &q, filter, limit)
    }

    /// The earlier checks that best match `query` (a claim with its date and source).
    pub fn matches(&self, query: &MatchQuery, limit: usize) -> Result<Vec<Hit>, LibraryError> {
        rank::rank(&self.engine, query, &Filter::default(), limit)
    }

    /// Indexes `entries` that do not come from library files, such as a collection read
    /// by [`read_collection`] for measurement. They live until the next rebuild.
    pub fn add_entries(&mut self, entries: &[Entry]) -> Result<(), LibraryError> {
        for e in entries {
            self.add_entry(e)?;
        }
        self.engine.commit()
    }

    /// The re-ranker's features of the candidates for `query` (for training it).
    pub fn candidate_features(
        &self,
        query: &MatchQuery,
    ) -> Result<Vec<(Entry, Vec<f32>)>, LibraryError> {
        rank::candidate_features(&self.engine, query, &Filter::default())
    }
}
