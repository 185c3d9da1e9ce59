//! The claim library's background work: "Checked before" for the open project's claims,
//! the Library panel's searches and indexing a project just saved. Each runs as a job
//! (see [`jobs`](super::jobs)); the open [`Library`] is shared between jobs behind a
//! mutex that only job threads take, so the window never waits for the index.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::library::{Filter, Hit, Library, LibraryError, MatchQuery, UpdateReport};
use crate::model::ClaimId;

/// How many earlier checks "Checked before" lists per claim.
pub const MATCHES_SHOWN: usize = 3;
/// How many results a Library search shows.
pub const SEARCH_LIMIT: usize = 50;

/// A search the Library panel asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibrarySearch {
    pub text: String,
    pub filter: Filter,
}

/// The library the jobs use, opened by the first job that needs it and opened again
/// when the folder in the preferences changes.
#[derive(Clone, Default)]
pub struct SharedLibrary(Arc<Mutex<Option<Library>>>);

impl SharedLibrary {
    /// Runs `work` on the library in `root`, opening it first if needed. Errors become
    /// the one line the window shows.
    fn with<T>(
        &self,
        root: &Path,
        work: impl FnOnce(&mut Library) -> Result<T, LibraryError>,
    ) -> Result<(T, u64), String> {
        // A job that panicked leaves the library in doubt: open it again.
        let mut slot = self.0.lock().unwrap_or_else(|poisoned| {
            let mut slot = poisoned.into_inner();
            *slot = None;
            slot
        });
        self.0.clear_poison();
        if slot.as_ref().is_none_or(|l| l.root() != root) {
            *slot = None;
            let (library, _report) = Library::open(root).map_err(|e| cannot_open(&e))?;
            *slot = Some(library);
        }
        let Some(library) = slot.as_mut() else {
            return Err(format!(
                "the claim library in {} is not open",
                root.display()
            ));
        };
        let out = work(library).map_err(|e| format!("claim library: {e}"))?;
        Ok((out, library.len()))
    }
}

fn cannot_open(e: &LibraryError) -> String {
    format!("The claim library cannot be opened: {e}")
}

/// What "Checked before" is computed for; a finished match is kept only if it is still
/// what the window wants.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatchKey {
    /// The document ([`Document::generation`](super::state::Document)).
    pub generation: u64,
    /// A hash of the claims' ids and texts.
    pub claims: u64,
    pub root: PathBuf,
    /// Bumped whenever a job changed the library.
    pub library_rev: u64,
}

/// The state of the library as the window knows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum LibraryStatus {
    /// Not opened yet.
    #[default]
    Unknown,
    /// Open, with this many entries.
    Ready { entries: u64 },
    /// It cannot be opened or searched: the line to show.
    Failed(String),
}

/// What the panels show of the library for the open document.
#[derive(Clone, Debug, Default)]
pub struct Findings {
    pub status: LibraryStatus,
    /// Changes whenever the findings do (the claims table rebuilds its markers).
    pub revision: u64,
    /// The document these are for.
    pub generation: u64,
    /// The earlier checks of each claim that has some, best first.
    pub claims: BTreeMap<ClaimId, Vec<Hit>>,
}

impl Findings {
    /// The earlier checks of `claim` (empty if none, or if these are for another document).
    pub fn of(&self, claim: ClaimId, generation: u64) -> &[Hit] {
        if self.generation != generation {
            return &[];
        }
        self.claims.get(&claim).map_or(&[], Vec::as_slice)
    }
}

/// A finished library job.
#[derive(Debug)]
pub enum LibraryDone {
    Matched {
        key: MatchKey,
        result: Result<(BTreeMap<ClaimId, Vec<Hit>>, u64), String>,
    },
    Searched {
        serial: u64,
        result: Result<(Vec<Hit>, u64), String>,
    },
    Indexed {
        path: PathBuf,
        result: Result<(UpdateReport, u64), String>,
    },
}

/// "Checked before" for the claims (`queries`) of the document in `key`.
pub fn match_claims(
    shared: &SharedLibrary,
    key: MatchKey,
    queries: &[(ClaimId, MatchQuery)],
    own_file: Option<&Path>,
) -> LibraryDone {
    let result = shared.with(&key.root, |lib| {
        lib.checked_before(queries, own_file, MATCHES_SHOWN)
    });
    LibraryDone::Matched { key, result }
}

/// A Library panel search.
pub fn search(
    shared: &SharedLibrary,
    root: &Path,
    serial: u64,
    search: &LibrarySearch,
) -> LibraryDone {
    let result = shared.with(root, |lib| {
        lib.search(&search.text, &search.filter, SEARCH_LIMIT)
    });
    LibraryDone::Searched { serial, result }
}

/// Indexes a project just saved (adding it to the library's files if no library folder
/// holds it).
pub fn index_saved(shared: &SharedLibrary, root: &Path, path: PathBuf) -> LibraryDone {
    let result = shared.with(root, |lib| lib.update_file(&path));
    LibraryDone::Indexed { path, result }
}

/// A hash of the claims' ids and texts, to notice when "Checked before" is out of date
/// (one pass over the claims).
pub fn claims_hash(queries: &[(ClaimId, MatchQuery)]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (id, q) in queries {
        id.hash(&mut h);
        q.text.hash(&mut h);
        q.speaker.hash(&mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(text: &str) -> LibrarySearch {
        LibrarySearch {
            text: text.into(),
            filter: Filter::default(),
        }
    }

    #[test]
    fn a_folder_that_is_a_file_gives_one_clear_line() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("not-a-folder");
        std::fs::write(&file, "x")?;
        let shared = SharedLibrary::default();
        let LibraryDone::Searched { result, .. } = search(&shared, &file, 1, &query("ferry"))
        else {
            panic!("not a search result");
        };
        let line = result.err().ok_or("opened a file as a library")?;
        assert!(
            line.starts_with("The claim library cannot be opened: "),
            "{line}"
        );
        assert!(line.contains("not-a-folder"), "{line}");
        assert!(!line.contains('\n'));
        Ok(())
    }

    #[test]
    fn the_library_is_opened_again_when_the_folder_changes()
    -> Result<(), Box<dyn std::error::Error>> {
        let (a, b) = (tempfile::tempdir()?, tempfile::tempdir()?);
        std::fs::write(
            b.path().join("feed.json"),
            r#"[{"@type": "ClaimReview", "claimReviewed": "Ferry fares doubled in Kellmouth.",
                "reviewRating": {"alternateName": "False"}}]"#,
        )?;
        let shared = SharedLibrary::default();
        let count = |root: &Path| match search(&shared, root, 1, &query("ferry fares")) {
            LibraryDone::Searched {
                result: Ok((hits, _)),
                ..
            } => hits.len(),
            other => panic!("{other:?}"),
        };
        assert_eq!(count(a.path()), 0);
        assert_eq!(count(b.path()), 1);
        Ok(())
    }
}
