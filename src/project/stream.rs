//! Reading a project file piece by piece, so opening a large project never holds the
//! whole file's text next to the project it becomes.
//!
//! A file laid out as claimdesk writes it (the current version's fields in their order,
//! any formatting, comments allowed) is cut at its top-level fields and at each source,
//! claim and orphan; every piece is parsed with ron on its own and handed to the
//! [`Reader`] at once. Anything else (an older version, a struct name, fields in another order, a piece
//! that does not parse) returns `None`, and the caller reads the file whole, which gives
//! the same project or the exact error. Memory is then one piece at a time plus the
//! project: the article is the largest piece.

use std::fs::File;
use std::io::{self, Read as _};
use std::path::Path;

use serde::de::DeserializeOwned;
use sha2::{Digest as _, Sha256};

use super::ProjectError;
use super::convert::{Read, Reader};
use super::format::{ArticleFile, ClaimFile, FORMAT_VERSION, SAME_STRUCTS_SINCE, SourceFile};
use super::stamp::FileStamp;

/// How much of the file is read at a time.
const CHUNK: usize = 64 * 1024;

/// Why reading piece by piece stopped: the file is not laid out as expected, or the
/// project it describes contradicts itself. Either way the file is then read whole,
/// which gives the error a whole read gives (a syntax error further on comes before a
/// duplicate id, say).
struct Stop;

impl From<ProjectError> for Stop {
    fn from(_: ProjectError) -> Self {
        Stop
    }
}

/// The project at `path` and the stamp of its bytes, read piece by piece; `None` if the
/// file has to be read whole (see the [module docs](self)), including when reading it
/// fails or it holds an error, so that the whole read reports it.
pub(crate) fn load(path: &Path) -> Option<(Read, FileStamp)> {
    let file = File::open(path).ok()?;
    let modified = file.metadata().ok().and_then(|m| m.modified().ok());
    let mut scanner = Scanner::new(file);
    let read = read_pieces(&mut scanner, path).ok()?;
    Some((read, scanner.stamp(modified)))
}

/// The top level of a version-2 or -3 file, in the order [`super::format::ProjectFile`]
/// declares (and saves write) its fields.
fn read_pieces(sc: &mut Scanner, path: &Path) -> Result<Read, Stop> {
    let mut piece = Vec::new();
    sc.skip_bom()?;
    sc.skip_trivia()?;
    sc.expect(b'(')?;
    let version: u32 = sc.field(b"version", &mut piece)?;
    if !(SAME_STRUCTS_SINCE..=FORMAT_VERSION).contains(&version) {
        return Err(Stop);
    }
    sc.expect(b',')?;
    let next_claim_id: u32 = sc.field(b"next_claim_id", &mut piece)?;
    sc.expect(b',')?;
    let next_source_id: u32 = sc.field(b"next_source_id", &mut piece)?;
    sc.expect(b',')?;
    let article: ArticleFile = sc.field(b"article", &mut piece)?;
    sc.expect(b',')?;
    let mut reader = Reader::new(article, path, false);
    sc.list(b"sources", &mut piece, |s: SourceFile| reader.source(s))?;
    sc.expect(b',')?;
    sc.list(b"claims", &mut piece, |c: ClaimFile| reader.claim(c, false))?;
    sc.expect(b',')?;
    sc.list(b"orphans", &mut piece, |c: ClaimFile| reader.orphan(c))?;
    sc.skip_trivia()?;
    if sc.peek()? == Some(b',') {
        sc.bump();
    }
    sc.expect(b')')?;
    sc.skip_trivia()?;
    if sc.peek()?.is_some() {
        return Err(Stop);
    }
    Ok(reader.finish(next_claim_id, next_source_id))
}

fn parse<T: DeserializeOwned>(piece: &[u8]) -> Result<T, Stop> {
    let text = std::str::from_utf8(piece).map_err(|_| Stop)?;
    ron::Options::default().from_str(text).map_err(|_| Stop)
}

/// The bytes [`Scanner::value`] has to look at: brackets, commas, the starts of strings,
/// characters and comments.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let special = b"()[]{},\"'/";
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
};

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The file's bytes, read a chunk at a time, hashed and checked to be UTF-8 as they
/// arrive.
struct Scanner {
    file: File,
    buf: Vec<u8>,
    /// Where the unread part of `buf` starts.
    pos: usize,
    eof: bool,
    hasher: Sha256,
    size: u64,
    utf8: Utf8Check,
}

impl Scanner {
    fn new(file: File) -> Self {
        Self {
            file,
            buf: Vec::with_capacity(CHUNK),
            pos: 0,
            eof: false,
            hasher: Sha256::new(),
            size: 0,
            utf8: Utf8Check::default(),
        }
    }

    fn stamp(self, modified: Option<std::time::SystemTime>) -> FileStamp {
        FileStamp {
            size: self.size,
            modified,
            sha256: self.hasher.finalize().into(),
        }
    }

    /// Whether `n` unread bytes are there, reading more if needed.
    fn fill(&mut self, n: usize) -> Result<bool, Stop> {
        while self.buf.len() - self.pos < n && !self.eof {
            self.buf.drain(..self.pos);
            self.pos = 0;
            let old = self.buf.len();
            self.buf.resize(old + CHUNK, 0);
            let read = loop {
                match self.file.read(&mut self.buf[old..]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    other => break other,
                }
            };
            let read = read.map_err(|_| Stop)?;
            self.buf.truncate(old + read);
            if read == 0 {
                self.eof = true;
                if !self.utf8.finished() {
                    return Err(Stop);
                }
            } else {
                let new = &self.buf[old..];
                self.hasher.update(new);
                self.size += read as u64;
                if !self.utf8.feed(new) {
                    return Err(Stop);
                }
            }
        }
        Ok(self.buf.len() - self.pos >= n)
    }

    fn peek(&mut self) -> Result<Option<u8>, Stop> {
        Ok(if self.fill(1)? {
            Some(self.buf[self.pos])
        } else {
            None
        })
    }

    fn peek_second(&mut self) -> Result<Option<u8>, Stop> {
        Ok(if self.fill(2)? {
            Some(self.buf[self.pos + 1])
        } else {
            None
        })
    }

    /// Steps over the byte [`Self::peek`] returned.
    fn bump(&mut self) {
        self.pos += 1;
    }

    fn next(&mut self) -> Result<u8, Stop> {
        let b = self.peek()?.ok_or(Stop)?;
        self.bump();
        Ok(b)
    }

    fn skip_bom(&mut self) -> Result<(), Stop> {
        if self.fill(3)? && self.buf[self.pos..self.pos + 3] == [0xEF, 0xBB, 0xBF] {
            self.pos += 3;
        }
        Ok(())
    }

    /// Skips white space and comments.
    fn skip_trivia(&mut self) -> Result<(), Stop> {
        loop {
            match self.peek()? {
                Some(b) if b.is_ascii_whitespace() => self.bump(),
                Some(b'/') if matches!(self.peek_second()?, Some(b'/' | b'*')) => {
                    self.comment()?;
                }
                _ => return Ok(()),
            }
        }
    }

    /// Steps over a `//` or `/* */` comment (block comments nest, as in RON).
    fn comment(&mut self) -> Result<(), Stop> {
        self.bump();
        if self.next()? == b'/' {
            while let Some(b) = self.peek()? {
                self.bump();
                if b == b'\n' {
                    break;
                }
            }
            return Ok(());
        }
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                b'*' if self.peek()? == Some(b'/') => {
                    self.bump();
                    depth -= 1;
                }
                b'/' if self.peek()? == Some(b'*') => {
                    self.bump();
                    depth += 1;
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn expect(&mut self, byte: u8) -> Result<(), Stop> {
        self.skip_trivia()?;
        if self.next()? == byte {
            Ok(())
        } else {
            Err(Stop)
        }
    }

    fn ident(&mut self) -> Result<Vec<u8>, Stop> {
        self.skip_trivia()?;
        let mut out = Vec::new();
        while let Some(b) = self.peek()?.filter(|&b| is_ident_byte(b)) {
            out.push(b);
            self.bump();
        }
        Ok(out)
    }

    /// `name: value`, the value parsed on its own.
    fn field<T: DeserializeOwned>(&mut self, name: &[u8], piece: &mut Vec<u8>) -> Result<T, Stop> {
        self.field_name(name)?;
        piece.clear();
        self.value(piece)?;
        let value = parse(piece);
        // The article is the one large piece: do not keep its buffer for the claims.
        piece.clear();
        piece.shrink_to(CHUNK);
        value
    }

    fn field_name(&mut self, name: &[u8]) -> Result<(), Stop> {
        if self.ident()? != name {
            return Err(Stop);
        }
        self.expect(b':')
    }

    /// `name: [item, item, …]`, each item parsed and handed to `each` as it is read.
    fn list<T: DeserializeOwned>(
        &mut self,
        name: &[u8],
        piece: &mut Vec<u8>,
        mut each: impl FnMut(T) -> Result<(), ProjectError>,
    ) -> Result<(), Stop> {
        self.field_name(name)?;
        self.expect(b'[')?;
        loop {
            self.skip_trivia()?;
            if self.peek()? == Some(b']') {
                self.bump();
                return Ok(());
            }
            piece.clear();
            self.value(piece)?;
            each(parse(piece)?)?;
            self.skip_trivia()?;
            match self.peek()? {
                Some(b',') => self.bump(),
                Some(b']') => {}
                _ => return Err(Stop),
            }
        }
    }

    /// Copies one value into `out`: everything up to the `,` or closing bracket that
    /// ends it at its own depth (not taken), with strings and comments stepped over
    /// whole so that brackets and commas inside them do not count.
    fn value(&mut self, out: &mut Vec<u8>) -> Result<(), Stop> {
        let mut depth = 0usize;
        loop {
            self.copy_until(out, |b| SPECIAL[usize::from(b)])?;
            let Some(b) = self.peek()? else {
                return Err(Stop);
            };
            match b {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' | b',' if depth == 0 => return Ok(()),
                b')' | b']' | b'}' => depth -= 1,
                b'"' => {
                    self.string(out)?;
                    continue;
                }
                b'\'' => {
                    self.char_literal(out)?;
                    continue;
                }
                b'/' if matches!(self.peek_second()?, Some(b'/' | b'*')) => {
                    self.comment()?;
                    out.push(b' ');
                    continue;
                }
                _ => {}
            }
            out.push(b);
            self.bump();
        }
    }

    /// Copies bytes into `out` up to the first one `stop` is true of (not taken) or the
    /// end of the file, a buffer at a time.
    fn copy_until(&mut self, out: &mut Vec<u8>, stop: impl Fn(u8) -> bool) -> Result<(), Stop> {
        while self.fill(1)? {
            let unread = &self.buf[self.pos..];
            let run = unread.iter().position(|&b| stop(b));
            let run = run.unwrap_or(unread.len());
            out.extend_from_slice(&unread[..run]);
            self.pos += run;
            if self.pos < self.buf.len() {
                break;
            }
        }
        Ok(())
    }

    /// A string: `"…"` with escapes, or a raw string `r#"…"#` when `out` ends in its
    /// `r#`.
    fn string(&mut self, out: &mut Vec<u8>) -> Result<(), Stop> {
        let hashes = out.iter().rev().take_while(|&&b| b == b'#').count();
        let raw = raw_prefix(&out[..out.len() - hashes]);
        self.bump();
        out.push(b'"');
        if raw {
            let mut closing = 0usize;
            loop {
                let b = self.next()?;
                out.push(b);
                if closing > 0 && b == b'#' && closing <= hashes {
                    closing += 1;
                } else {
                    closing = usize::from(b == b'"');
                }
                if closing == hashes + 1 {
                    return Ok(());
                }
            }
        }
        loop {
            self.copy_until(out, |b| b == b'"' || b == b'\\')?;
            let b = self.next()?;
            out.push(b);
            match b {
                b'\\' => out.push(self.next()?),
                _ => return Ok(()),
            }
        }
    }

    fn char_literal(&mut self, out: &mut Vec<u8>) -> Result<(), Stop> {
        self.bump();
        out.push(b'\'');
        loop {
            let b = self.next()?;
            out.push(b);
            match b {
                b'\\' => out.push(self.next()?),
                b'\'' => return Ok(()),
                _ => {}
            }
        }
    }
}

/// Whether `before` (what precedes a string's `#`s and quote) ends in the `r` or `br` of
/// a raw string rather than in an identifier.
fn raw_prefix(before: &[u8]) -> bool {
    let Some((&b'r', rest)) = before.split_last() else {
        return false;
    };
    match rest.split_last() {
        Some((&b'b', rest)) => !rest.last().copied().is_some_and(is_ident_byte),
        Some((&b, _)) => !is_ident_byte(b),
        None => true,
    }
}

/// Checks bytes arriving in chunks are UTF-8, a character split between chunks included.
#[derive(Default)]
struct Utf8Check {
    /// The start of a character the last chunk ended in.
    pending: Vec<u8>,
}

impl Utf8Check {
    fn feed(&mut self, mut data: &[u8]) -> bool {
        if let Some(&lead) = self.pending.first() {
            let width = match lead {
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => return false,
            };
            let take = (width - self.pending.len()).min(data.len());
            self.pending.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.pending.len() < width {
                return true;
            }
            if std::str::from_utf8(&self.pending).is_err() {
                return false;
            }
            self.pending.clear();
        }
        match std::str::from_utf8(data) {
            Ok(_) => true,
            Err(e) if e.error_len().is_none() => {
                self.pending.extend_from_slice(&data[e.valid_up_to()..]);
                true
            }
            Err(_) => false,
        }
    }

    fn finished(&self) -> bool {
        self.pending.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_check_accepts_characters_split_between_chunks() {
        let text = "Zoë paid 12 € for 🍎.".as_bytes();
        for cut in 0..=text.len() {
            for second in cut..=text.len() {
                let mut check = Utf8Check::default();
                assert!(check.feed(&text[..cut]));
                assert!(check.feed(&text[cut..second]));
                assert!(check.feed(&text[second..]));
                assert!(check.finished(), "cut at {cut} and {second}");
            }
        }
    }

    #[test]
    fn utf8_check_refuses_broken_and_unfinished_text() {
        let mut check = Utf8Check::default();
        assert!(!check.feed(b"caf\xC3("));
        let mut check = Utf8Check::default();
        assert!(check.feed(b"caf\xC3"));
        assert!(!check.finished());
        let mut check = Utf8Check::default();
        assert!(!check.feed(b"\xFF"));
    }

    #[test]
    fn raw_prefix_is_r_or_br_not_the_end_of_a_word() {
        assert!(raw_prefix(b"r"));
        assert!(raw_prefix(b"(text: r"));
        assert!(raw_prefix(b"(text: br"));
        assert!(!raw_prefix(b"(text: bar"));
        assert!(!raw_prefix(b"(text: "));
        assert!(!raw_prefix(b"xbr"));
    }
}

#[cfg(test)]
mod reading {
    //! Which files are read piece by piece, and that doing so gives what reading them
    //! whole gives.

    use std::fmt::Write as _;
    use std::fs;
    use std::path::PathBuf;

    use proptest::prelude::*;

    use super::*;
    use crate::model::{
        Article, Claim, ClaimId, ClaimKind, Origin, Project, Review, Span, Verdict,
    };
    use crate::project::{from_ron_str, to_ron_string};

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    /// An article of `n` sentences with a claim on every other one, the last reviewed.
    fn project(n: usize) -> Project {
        let mut text = String::from("Ferry timetable changes\n");
        let mut claims = Vec::new();
        for i in 0..n {
            let start = text.len();
            let _ = write!(
                text,
                "Sailing {i} leaves Harwick pier at {}:{:02}, \"the (new) [slot]\", the operator said. ",
                6 + i % 12,
                i % 60
            );
            if i % 2 == 0 {
                let mut review = Review::default();
                if i + 2 >= n {
                    review.verdict = Verdict::Disputed;
                    review.note = "Timetable says 7:10 \\ not \"7:00\" // check".into();
                }
                claims.push(Claim {
                    id: ClaimId(u32::try_from(i / 2 + 1).unwrap_or(u32::MAX)),
                    span: Span::new(start, text.len() - 1),
                    kind: ClaimKind::Fact,
                    source: None,
                    cue: None,
                    reported_in: None,
                    score: 0.5,
                    reasons: [format!("number: {i}")].into(),
                    origin: Origin::Extracted,
                    review,
                });
            }
            if i % 5 == 4 {
                text.push('\n');
            }
        }
        Project::new(
            Article::from_text("Ferries", text.trim_end()),
            vec![],
            claims,
        )
    }

    /// `text` saved as a file in `dir`.
    fn file(dir: &tempfile::TempDir, text: &str) -> Result<PathBuf, std::io::Error> {
        let path = dir.path().join("p.ron");
        fs::write(&path, text)?;
        Ok(path)
    }

    /// Reads `text` both ways; true if it was read piece by piece (and then equal).
    fn streamed_as_whole(text: &str) -> Result<bool, Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = file(&dir, text)?;
        let Some((read, stamp)) = load(&path) else {
            return Ok(false);
        };
        let whole = from_ron_str(text, &path)?;
        assert_eq!(read.project, whole.project);
        assert_eq!(read.warnings, whole.warnings);
        assert!(stamp.same_content(&whole.stamp));
        Ok(true)
    }

    #[test]
    fn a_saved_project_is_read_piece_by_piece() -> TestResult {
        let ron = to_ron_string(&project(1500))?;
        assert!(ron.len() > 3 * CHUNK, "pieces cross chunk boundaries");
        assert!(streamed_as_whole(&ron)?);
        Ok(())
    }

    #[test]
    fn an_edited_article_is_placed_the_same_way_both_ways() -> TestResult {
        let ron = to_ron_string(&project(60))?;
        // Corrections in the text only (it comes before the claims): one claim moves,
        // one is changed a little, one is gone (and placed by a fuzzy match on a
        // sentence like it, or kept as an orphan).
        let ron = ron
            .replacen("Sailing 4 leaves", "Update: sailing 4 leaves", 1)
            .replacen("Sailing 10 leaves Harwick pier", "Sailing 10 leaves Harwick quay", 1)
            .replacen(
                r#"Sailing 20 leaves Harwick pier at 14:20, \"the (new) [slot]\", the operator said."#,
                "Cancelled.",
                1,
            );
        assert!(streamed_as_whole(&ron)?);
        let loaded = from_ron_str(&ron, "p.ron".as_ref())?;
        assert!(loaded.warnings.len() >= 3, "{:?}", loaded.warnings);
        assert!(
            loaded.warnings[0].contains("does not match its checksum"),
            "{:?}",
            loaded.warnings
        );
        Ok(())
    }

    #[test]
    fn comments_a_byte_order_mark_and_raw_strings_still_stream() -> TestResult {
        let ron = to_ron_string(&project(6))?;
        let ron = format!(
            "\u{feff}// a project\n{}",
            ron.replacen(
                "    version: 2,",
                "    /* kept /* nested */ */ version: 2, // two",
                1
            )
            .replacen("note: \"\"", "note: r#\"raw \"note\" (with brackets]\"#", 1)
        );
        assert!(streamed_as_whole(&ron)?);
        let loaded = from_ron_str(&ron, "p.ron".as_ref())?;
        assert!(
            loaded
                .project
                .claims
                .iter()
                .any(|c| c.review.note == "raw \"note\" (with brackets]")
        );
        Ok(())
    }

    /// Version 3 only added optional fields, so a version 2 file streams too.
    #[test]
    fn a_version_2_file_is_read_piece_by_piece() -> TestResult {
        let v2 = include_str!("../../tests/fixtures/projects/v2.ron");
        assert!(streamed_as_whole(v2)?);
        Ok(())
    }

    #[test]
    fn other_layouts_are_read_whole() -> TestResult {
        let ron = to_ron_string(&project(6))?;
        let reordered = ron.replacen("next_claim_id", "next_claimx_id", 1);
        let v1 = include_str!("../../tests/fixtures/projects/v1.ron");
        let cut = &ron[..ron.len() / 2];
        let trailing = format!("{ron}\n(junk)");
        // Reading it whole does not take a struct name either.
        let named = format!("Project{ron}");
        for text in [
            reordered.as_str(),
            v1,
            cut,
            trailing.as_str(),
            named.as_str(),
            "",
        ] {
            let dir = tempfile::tempdir()?;
            let path = file(&dir, text)?;
            assert!(load(&path).is_none(), "{text:.60}");
        }
        // And reading them whole gives the project or the error it always gave.
        let dir = tempfile::tempdir()?;
        let path = file(&dir, cut)?;
        let err = crate::project::load(&path)
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert!(err.as_ref().is_err_and(|e| e.contains("p.ron:")), "{err:?}");
        let path = file(&dir, v1)?;
        assert!(crate::project::load(&path).is_ok());
        Ok(())
    }

    #[test]
    fn an_error_in_the_project_is_the_error_a_whole_read_gives() -> TestResult {
        let ron = to_ron_string(&project(6))?.replacen("id: 2,", "id: 1,", 1);
        // A duplicate id, and further on a syntax error: reading whole, the syntax error
        // is the one reported (found by fuzzing).
        let broken = ron.replacen("orphans: [", "orphans: [(", 1);
        for text in [ron.as_str(), broken.as_str()] {
            let dir = tempfile::tempdir()?;
            let path = file(&dir, text)?;
            assert!(load(&path).is_none());
            let opened = crate::project::load(&path)
                .map(|_| ())
                .map_err(|e| e.to_string());
            let whole = from_ron_str(text, &path)
                .map(|_| ())
                .map_err(|e| e.to_string());
            assert!(whole.is_err());
            assert_eq!(opened, whole);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Comments and blank lines at any line break of a saved file (saved strings are
        /// escaped, so a line break is never inside one) change nothing.
        #[test]
        fn comments_anywhere_between_lines_change_nothing(
            n in 0usize..40,
            marks in prop::collection::vec(0u8..4, 0..400),
        ) {
            let ron = to_ron_string(&project(n)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut decorated = String::new();
            for (i, line) in ron.split_inclusive('\n').enumerate() {
                decorated.push_str(line);
                match marks.get(i) {
                    Some(1) => decorated.push_str("// (a [comment], \"quoted\"\n"),
                    Some(2) => decorated.push_str("  /* block ) ] */ \n\n"),
                    Some(3) => decorated.push_str("\t\r\n"),
                    _ => {}
                }
            }
            let streamed = streamed_as_whole(&decorated).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(streamed);
        }
    }
}
