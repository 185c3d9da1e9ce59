//! The search engine behind the library: tantivy, and only here.
//!
//! Everything tantivy-specific — the schema, the writer, queries and collectors — lives in
//! this module; the rest of the library talks in [`Entry`], analysed term strings and
//! [`Filter`]. Moving the library to another engine (Quickwit, OpenSearch; see the README)
//! means writing this module again against the same four calls: [`Engine::add`],
//! [`Engine::remove_file`], [`Engine::commit`] and [`Engine::search`].

use std::ops::Bound;
use std::path::Path;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::entry::Entry;
use super::{Filter, LibraryError};

/// The analysed text fields a query can weigh.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    Claim,
    Title,
    Note,
}

/// The tokenizer of the analysed fields: the text is already analysed
/// ([`super::normalize::analyzed_text`]), so it only splits at spaces.
const TERMS_TOKENIZER: &str = "claimdesk_terms";

/// Memory the writer may buffer before it flushes a segment.
const WRITER_MEMORY: usize = 50_000_000;

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    file: Field,
    claim: Field,
    title: Field,
    note: Field,
    source: Field,
    publisher: Field,
    verdict: Field,
    day: Field,
    entry: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let terms = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TERMS_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("default")
            .set_index_option(IndexRecordOption::Basic),
    );
    let fields = Fields {
        key: b.add_text_field("key", STRING),
        file: b.add_text_field("file", STRING),
        claim: b.add_text_field("claim", terms.clone()),
        title: b.add_text_field("title", terms.clone()),
        note: b.add_text_field("note", terms),
        source: b.add_text_field("source", words.clone()),
        publisher: b.add_text_field("publisher", words),
        verdict: b.add_text_field("verdict", STRING),
        day: b.add_i64_field("day", INDEXED | FAST),
        entry: b.add_text_field("entry", STORED),
    };
    (b.build(), fields)
}

/// An open index.
pub struct Engine {
    index: Index,
    reader: IndexReader,
    writer: Option<IndexWriter>,
    fields: Fields,
    dir: std::path::PathBuf,
}

fn engine_error(dir: &Path, e: &tantivy::TantivyError) -> LibraryError {
    let message = match e {
        tantivy::TantivyError::LockFailure(..) => {
            "the index is being updated by another claimdesk; try again when it is done".to_owned()
        }
        other => other.to_string().replace('\n', " "),
    };
    LibraryError::Index {
        path: dir.to_path_buf(),
        message,
    }
}

impl Engine {
    /// Opens the index in `dir`, creating an empty one if there is none.
    pub fn open(dir: &Path) -> Result<Self, LibraryError> {
        let err = |e: tantivy::TantivyError| engine_error(dir, &e);
        let (schema, fields) = schema();
        std::fs::create_dir_all(dir).map_err(|e| LibraryError::Io {
            path: dir.to_path_buf(),
            source: e,
        })?;
        let index = if dir.join("meta.json").exists() {
            Index::open_in_dir(dir).map_err(err)?
        } else {
            Index::create_in_dir(dir, schema.clone()).map_err(err)?
        };
        if index.schema() != schema {
            return Err(LibraryError::Index {
                path: dir.to_path_buf(),
                message: "the index has another schema".into(),
            });
        }
        index.tokenizers().register(
            TERMS_TOKENIZER,
            TextAnalyzer::builder(WhitespaceTokenizer::default()).build(),
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(err)?;
        Ok(Self {
            index,
            reader,
            writer: None,
            fields,
            dir: dir.to_path_buf(),
        })
    }

    fn dir_error(&self, e: &tantivy::TantivyError) -> LibraryError {
        engine_error(&self.dir, e)
    }

    fn writer(&mut self) -> Result<&mut IndexWriter, LibraryError> {
        if self.writer.is_none() {
            let w = self
                .index
                .writer_with_num_threads(1, WRITER_MEMORY)
                .map_err(|e| self.dir_error(&e))?;
            self.writer = Some(w);
        }
        self.writer.as_mut().ok_or_else(|| LibraryError::Index {
            path: self.dir.clone(),
            message: "no index writer".into(),
        })
    }

    /// Queues `entry` with its analysed fields.
    pub fn add(&mut self, entry: &Entry, analysed: [&str; 3]) -> Result<(), LibraryError> {
        let f = self.fields;
        let stored = serde_json::to_string(entry).map_err(|e| LibraryError::Index {
            path: entry.origin.file().to_path_buf(),
            message: e.to_string(),
        })?;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, &entry.key);
        doc.add_text(f.file, entry.origin.file().to_string_lossy());
        doc.add_text(f.claim, analysed[0]);
        doc.add_text(f.title, analysed[1]);
        doc.add_text(f.note, analysed[2]);
        doc.add_text(f.source, entry.source.as_deref().unwrap_or_default());
        doc.add_text(f.publisher, entry.publisher());
        doc.add_text(f.verdict, entry.verdict.to_lowercase());
        if let Some(d) = entry.date {
            doc.add_i64(f.day, day_number(d));
        }
        doc.add_text(f.entry, stored);
        let w = self.writer()?;
        w.add_document(doc).map_err(|e| self.dir_error(&e))?;
        Ok(())
    }

    /// Queues the removal of every entry read from `file`.
    pub fn remove_file(&mut self, file: &Path) -> Result<(), LibraryError> {
        let term = Term::from_field_text(self.fields.file, &file.to_string_lossy());
        self.writer()?.delete_term(term);
        Ok(())
    }

    /// Queues the removal of everything.
    pub fn clear(&mut self) -> Result<(), LibraryError> {
        let w = self.writer()?;
        w.delete_all_documents().map_err(|e| self.dir_error(&e))?;
        Ok(())
    }

    /// Makes the queued changes durable and visible to searches.
    pub fn commit(&mut self) -> Result<(), LibraryError> {
        if let Some(mut w) = self.writer.take() {
            w.commit().map_err(|e| self.dir_error(&e))?;
            w.wait_merging_threads().map_err(|e| self.dir_error(&e))?;
        }
        self.reader.reload().map_err(|e| self.dir_error(&e))
    }

    /// Number of entries.
    pub fn entry_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The inverse document frequency of an analysed term in claims (BM25's idf).
    pub fn idf(&self, term: &str) -> f32 {
        let searcher = self.reader.searcher();
        let n = searcher.num_docs() as f32;
        let df = searcher
            .doc_freq(&Term::from_field_text(self.fields.claim, term))
            .unwrap_or(0) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The best `limit` entries for the weighted terms under `filter`, best first, with
    /// their BM25 scores. No terms and no filter gives nothing; a filter alone gives
    /// `limit` of the entries it admits.
    pub fn search(
        &self,
        terms: &[(TextField, &str, f32)],
        filter: &Filter,
        limit: usize,
    ) -> Result<Vec<(f32, Entry)>, LibraryError> {
        let f = self.fields;
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, text, boost) in terms {
            let field = match field {
                TextField::Claim => f.claim,
                TextField::Title => f.title,
                TextField::Note => f.note,
            };
            let q = TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::WithFreqs,
            );
            should.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(q), *boost)),
            ));
        }
        let mut must: Vec<(Occur, Box<dyn Query>)> = self.filter_clauses(filter);
        if should.is_empty() && must.is_empty() {
            return Ok(Vec::new());
        }
        if !should.is_empty() {
            must.push((Occur::Must, Box::new(BooleanQuery::new(should))));
        }
        let query = BooleanQuery::new(must);
        let searcher = self.reader.searcher();
        let hits = searcher
            .search(&query, &TopDocs::with_limit(limit.max(1)).order_by_score())
            .map_err(|e| self.dir_error(&e))?;
        let mut out = Vec::with_capacity(hits.len());
        for (score, address) in hits {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.dir_error(&e))?;
            let Some(json) = doc.get_first(f.entry).and_then(|v| v.as_str()) else {
                continue;
            };
            if let Ok(entry) = serde_json::from_str::<Entry>(json) {
                out.push((score, entry));
            }
        }
        Ok(out)
    }

    fn filter_clauses(&self, filter: &Filter) -> Vec<(Occur, Box<dyn Query>)> {
        let f = self.fields;
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(v) = filter.verdict.as_deref().filter(|v| !v.trim().is_empty()) {
            let term = Term::from_field_text(f.verdict, &v.trim().to_lowercase());
            out.push((
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
        for (field, words) in [(f.source, &filter.source), (f.publisher, &filter.publisher)] {
            for w in words
                .as_deref()
                .unwrap_or_default()
                .split(|c: char| !c.is_alphanumeric())
            {
                if w.is_empty() {
                    continue;
                }
                let term = Term::from_field_text(field, &w.to_lowercase());
                out.push((
                    Occur::Must,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                ));
            }
        }
        if filter.from.is_some() || filter.to.is_some() {
            let bound = |d: Option<jiff::civil::Date>| {
                d.map_or(Bound::Unbounded, |d| {
                    Bound::Included(Term::from_field_i64(f.day, day_number(d)))
                })
            };
            out.push((
                Occur::Must,
                Box::new(RangeQuery::new(bound(filter.from), bound(filter.to))),
            ));
        }
        out
    }
}

/// Days since 1970-01-01.
pub fn day_number(d: jiff::civil::Date) -> i64 {
    let epoch = jiff::civil::date(1970, 1, 1);
    (d - epoch).get_days().into()
}
