//! The structs written to a `.ron` project file, and reading them by version.
//!
//! These mirror the model but belong to the file: their field order is the order in the
//! file, their enum names are spelled out here (so renaming a model type never changes
//! the format), and every cross-reference is an id. A claim stores an [`Anchor`] instead
//! of a bare span; shorter references (source mentions, cues) store their text next to
//! their offsets so they too can be found again if the article text changes.
//!
//! # Versions
//!
//! [`FORMAT_VERSION`] is what this build writes. [`decode`] reads the version first,
//! leniently, then parses the whole file with the structs of that version and migrates
//! it to the current ones: version 1 (no orphans) through `v1.rs`. To add version 3: move
//! the structs that change to `v2.rs`, write the new ones here, add
//! `2 => parse::<v2::ProjectFile>(..).map(v2::migrate)` to the match in [`decode`], and
//! add `tests/fixtures/projects/v3.ron`.
//!
//! | version | what it added |
//! |---|---|
//! | 1 | the article, sources, claims with anchors and reviews |
//! | 2 | `orphans`: claims whose passage is no longer in the text, kept with their review |
//! | 3 | a cue's `class` (`Speech`, `Belief`, `Stance`, `Evidence`) and a claim's `reported_in` (the report that carries it); both optional, so version 2 files read with these structs |

use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::ProjectError;
use super::anchor::Anchor;
use crate::model::Reasons;

/// The file format version this build writes (and the newest it reads).
pub const FORMAT_VERSION: u32 = 3;

/// The oldest version whose files read with the current structs (newer versions only
/// added optional fields).
pub(crate) const SAME_STRUCTS_SINCE: u32 = 2;

/// A whole project file (version 3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Project", deny_unknown_fields)]
pub(crate) struct ProjectFile {
    pub version: u32,
    pub next_claim_id: u32,
    pub next_source_id: u32,
    pub article: ArticleFile,
    pub sources: Vec<SourceFile>,
    pub claims: Vec<ClaimFile>,
    /// Claims that could not be placed in the text: their anchor is where they were last
    /// placed, in the text they were placed in.
    pub orphans: Vec<ClaimFile>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Article", deny_unknown_fields)]
pub(crate) struct ArticleFile {
    pub title: String,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    /// The file the article was imported from.
    pub path: Option<String>,
    /// The version of the page that was read, for an article fetched from a link
    /// (absent in files written before links could be opened).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<FetchedFile>,
    /// Where each PDF page starts in the text (absent for other articles).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<PageFile>,
    /// Hex SHA-256 of the text; a mismatch on load means the text was edited by hand.
    pub sha256: String,
    pub paragraphs: Vec<ParagraphFile>,
    /// The article text split at `\n`, one string per line, so a changed paragraph shows
    /// up as one changed line in a diff. Joined with `\n` on load.
    pub lines: Vec<String>,
}

/// How a web page was fetched: see [`crate::model::Fetched`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Fetched", deny_unknown_fields)]
pub(crate) struct FetchedFile {
    pub url: String,
    pub final_url: String,
    #[serde(default)]
    pub redirects: Vec<String>,
    pub fetched_at: Timestamp,
    #[serde(default)]
    pub content_type: Option<String>,
    pub sha256: String,
    pub bytes: u64,
}

/// The page the text from byte `start` on is printed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Page", deny_unknown_fields)]
pub(crate) struct PageFile {
    pub start: usize,
    pub page: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Paragraph", deny_unknown_fields)]
pub(crate) struct ParagraphFile {
    pub start: usize,
    pub end: usize,
    pub kind: ParagraphKindFile,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "ParagraphKind")]
pub(crate) enum ParagraphKindFile {
    Heading,
    Byline,
    Body,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Source", deny_unknown_fields)]
pub(crate) struct SourceFile {
    pub id: u32,
    pub name: String,
    pub role: Option<String>,
    pub kind: SourceKindFile,
    pub aliases: Vec<String>,
    pub mentions: Vec<TextRef>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "SourceKind")]
pub(crate) enum SourceKindFile {
    Person,
    Organization,
    Unnamed,
}

/// A short passage of the article: offsets plus the text found there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "TextRef", deny_unknown_fields)]
pub(crate) struct TextRef {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Claim", deny_unknown_fields)]
pub(crate) struct ClaimFile {
    pub id: u32,
    pub anchor: Anchor,
    pub kind: ClaimKindFile,
    pub source: Option<ClaimSourceFile>,
    /// The attribution cue ("said"); `text` is the cue's own text, which the extractor
    /// may have normalised, so it need not equal the text at `start..end`.
    pub cue: Option<CueFile>,
    /// The report that carries the claim ("an analysis for The Harbour Gazette"); absent
    /// when there is none, and in files before version 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_in: Option<TextRef>,
    pub score: f32,
    pub reasons: Reasons,
    pub origin: OriginFile,
    pub review: ReviewFile,
}

/// A claim's cue: a [`TextRef`] with the cue verb's class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "TextRef", deny_unknown_fields)]
pub(crate) struct CueFile {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Absent (`Unknown`) in files before version 3 and for cues typed by hand.
    #[serde(default, skip_serializing_if = "CueClassFile::is_unknown")]
    pub class: CueClassFile,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "CueClass")]
pub(crate) enum CueClassFile {
    #[default]
    Unknown,
    Speech,
    Belief,
    Stance,
    Evidence,
}

impl CueClassFile {
    #[allow(
        clippy::trivially_copy_pass_by_ref,
        reason = "serde's skip_serializing_if"
    )]
    fn is_unknown(&self) -> bool {
        *self == CueClassFile::Unknown
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "ClaimKind")]
pub(crate) enum ClaimKindFile {
    Quote,
    Reported,
    Statistic,
    Fact,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "ClaimSource", deny_unknown_fields)]
pub(crate) struct ClaimSourceFile {
    /// A [`SourceFile::id`].
    pub id: u32,
    pub mention: Option<TextRef>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Origin")]
pub(crate) enum OriginFile {
    Extracted,
    Manual,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Review", deny_unknown_fields)]
pub(crate) struct ReviewFile {
    pub verdict: VerdictFile,
    pub note: String,
    pub evidence: Vec<EvidenceFile>,
    pub reviewer: Option<String>,
    /// RFC 3339, UTC: `"2025-05-02T09:30:00Z"`.
    pub reviewed_at: Option<Timestamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Verdict")]
pub(crate) enum VerdictFile {
    Unreviewed,
    Verified,
    Disputed,
    NeedsContext,
    Unverifiable,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Evidence", deny_unknown_fields)]
pub(crate) struct EvidenceFile {
    pub url: String,
    pub title: String,
    pub note: String,
}

/// Pretty, stable RON: four-space indent, `\n` line ends, escaped strings (so a file's
/// own line endings never change the text inside it), no struct names. Each claim's
/// fields and each paragraph take a line; what a claim field holds (its anchor, its
/// review) is written on that field's line, which keeps the file about three times
/// smaller than one field a line and still easy to read and diff.
fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .depth_limit(3)
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .escape_strings(true)
}

/// The RON text of `file` (see [`pretty`]), ending in a newline.
pub(crate) fn encode(file: &ProjectFile) -> Result<String, ProjectError> {
    let mut out = ron::ser::to_string_pretty(file, pretty()).map_err(|e| ProjectError::Encode {
        path: None,
        message: e.to_string(),
    })?;
    out.push('\n');
    Ok(out)
}

/// What went wrong writing RON to a stream: the stream's own error, or the encoding's.
pub(crate) enum WriteRonError {
    Io(io::Error),
    Encode(String),
}

/// Writes the same text as [`encode`] to `out` as it is made, so a save never holds the
/// whole file in memory.
pub(crate) fn encode_to(
    file: &impl Serialize,
    out: &mut dyn io::Write,
) -> Result<(), WriteRonError> {
    let mut out = Recording {
        inner: out,
        error: None,
    };
    let encoded = ron::Options::default().to_io_writer_pretty(&mut out, file, pretty());
    match (encoded, out.error.take()) {
        (_, Some(e)) => Err(WriteRonError::Io(e)),
        (Err(e), None) => Err(WriteRonError::Encode(e.to_string())),
        (Ok(()), None) => out.inner.write_all(b"\n").map_err(WriteRonError::Io),
    }
}

/// A writer that keeps the first error of the one it wraps: ron turns I/O errors into
/// text, and a full disk must still be told as one.
struct Recording<'a> {
    inner: &'a mut dyn io::Write,
    error: Option<io::Error>,
}

impl Recording<'_> {
    fn keep(&mut self, e: io::Error) -> io::Error {
        let copy = io::Error::new(e.kind(), e.to_string());
        self.error.get_or_insert(e);
        copy
    }
}

impl io::Write for Recording<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.keep(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(|e| self.keep(e))
    }
}

/// Parses a project file of any supported version into the current structs.
pub(crate) fn decode(text: &str, path: &Path) -> Result<ProjectFile, ProjectError> {
    let version = read_version(text, path)?;
    match version {
        1 => parse::<super::v1::ProjectFileV1>(text, path).map(super::v1::migrate),
        2..=3 => parse::<ProjectFile>(text, path),
        v if v > u64::from(FORMAT_VERSION) => Err(ProjectError::NewerVersion {
            path: path.to_path_buf(),
            found: v,
            supported: FORMAT_VERSION,
        }),
        v => Err(ProjectError::UnknownVersion {
            path: path.to_path_buf(),
            found: v,
        }),
    }
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, path: &Path) -> Result<T, ProjectError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| not_a_project_or_syntax(text, path, &e))
}

/// What a parse error means to the user: an empty file, one that is not RON at all, or
/// one nested deeper than any project is not a claimdesk project; anything else is a
/// syntax error at its line and column.
fn not_a_project_or_syntax(
    text: &str,
    path: &Path,
    err: &ron::error::SpannedError,
) -> ProjectError {
    let not = |why: &'static str| ProjectError::NotAProject {
        path: path.to_path_buf(),
        why,
    };
    let body = text.trim_start_matches('\u{feff}').trim();
    if body.is_empty() {
        not("the file is empty")
    } else if matches!(err.code, ron::Error::ExceededRecursionLimit) {
        not("it is nested too deeply to be one")
    } else if !body.starts_with('(') {
        not("it is not a RON project file")
    } else {
        ProjectError::syntax(path, text, err)
    }
}

/// Only the version; every other field, known or not, is skipped.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default, deserialize_with = "some_number")]
    version: Option<u64>,
}

/// `version: 3` as `Some(3)` (RON would otherwise want `Some(3)` written out).
fn some_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    u64::deserialize(d).map(Some)
}

/// Reads `version` without understanding the rest, so a newer file with fields this
/// build has never heard of still gets the "newer claimdesk" message. If the file does
/// not parse even loosely, a `version: N` near its start still counts when N is newer;
/// otherwise the parse error is reported.
fn read_version(text: &str, path: &Path) -> Result<u64, ProjectError> {
    if let Some(v) = leading_version(text) {
        // Every file claimdesk writes starts this way; reading the rest twice would
        // double the time a large project takes to open.
        return Ok(v);
    }
    match ron::Options::default().from_str::<VersionProbe>(text) {
        Ok(VersionProbe { version: Some(v) }) => Ok(v),
        Ok(VersionProbe { version: None }) => Err(ProjectError::MissingVersion {
            path: path.to_path_buf(),
        }),
        Err(err) => match scan_version(text) {
            Some(v) if v > u64::from(FORMAT_VERSION) => Err(ProjectError::NewerVersion {
                path: path.to_path_buf(),
                found: v,
                supported: FORMAT_VERSION,
            }),
            _ => Err(not_a_project_or_syntax(text, path, &err)),
        },
    }
}

/// The number after the first `version:` in the first few kilobytes, if any.
/// The version of a file whose first field is `version: N,` (only spaces and line
/// breaks between the tokens: anything else, a comment say, leaves it to the full probe).
fn leading_version(text: &str) -> Option<u64> {
    let rest = text.trim_start().strip_prefix('(')?.trim_start();
    let rest = rest
        .strip_prefix("version")?
        .trim_start()
        .strip_prefix(':')?;
    let rest = rest.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].trim_start();
    if digits == 0 || digits > 9 || !after.starts_with(',') {
        return None;
    }
    rest[..digits].parse().ok()
}

fn scan_version(text: &str) -> Option<u64> {
    let head = &text[..text.floor_char_boundary(4096)];
    let at = head.find("version")?;
    let rest = head[at + "version".len()..]
        .trim_start()
        .strip_prefix(':')?;
    let digits: String = rest
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Converts the article path for the file; a non-UTF-8 path is stored lossily.
pub(crate) fn path_to_file(path: Option<&PathBuf>) -> Option<String> {
    path.map(|p| p.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        decode(text, Path::new("x.ron")).map_or_else(|e| e.to_string(), |_| "ok".into())
    }

    #[test]
    fn newer_version_with_unknown_fields_names_both_versions() {
        let text = "(version: 4, colour_scheme: Dark(level: 2), article: (), claims: [])";
        assert_eq!(
            err(text),
            "x.ron: this project was saved by a newer claimdesk (file format 4; \
             this version reads up to 3); update claimdesk to open it"
        );
    }

    #[test]
    fn newer_version_that_does_not_parse_is_still_reported_as_newer() {
        let text = "(\n    version: 7,\n    claims: [ NewThing { x: 1 } ],\n)";
        assert!(err(text).contains("file format 7; this version reads up to 3"));
    }

    #[test]
    fn missing_version_is_not_a_project() {
        assert_eq!(
            err("(title: \"x\")"),
            "x.ron: not a claimdesk project (it has no `version` field)"
        );
    }

    #[test]
    fn version_zero_is_unknown() {
        assert_eq!(
            err("(version: 0)"),
            "x.ron: unknown project file format version 0"
        );
    }

    #[test]
    fn unknown_field_in_a_v1_file_is_an_error_with_position() {
        let text = "(\n    version: 1,\n    colour: 3,\n)";
        let msg = err(text);
        assert!(msg.starts_with("x.ron:3:"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
        let text = "(\n    version: 2,\n    colour: 3,\n)";
        let msg = err(text);
        assert!(msg.starts_with("x.ron:3:"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
    }

    #[test]
    fn files_that_are_not_projects_say_so_in_plain_words() {
        assert_eq!(
            err(""),
            "x.ron: not a claimdesk project (the file is empty)"
        );
        assert_eq!(
            err(" \n"),
            "x.ron: not a claimdesk project (the file is empty)"
        );
        assert_eq!(
            err("name = \"harbour\"\n"),
            "x.ron: not a claimdesk project (it is not a RON project file)"
        );
        assert_eq!(
            err("{\"version\": 2}"),
            "x.ron: not a claimdesk project (it is not a RON project file)"
        );
        // Too deep to read even loosely for its version (a file that starts with a plain
        // `version:` is read in full at once, and says where it stops being a project).
        let deep = format!("(x: {}{}, version: 2)", "[".repeat(5000), "]".repeat(5000));
        assert_eq!(
            err(&deep),
            "x.ron: not a claimdesk project (it is nested too deeply to be one)"
        );
        let deep_after_version = format!("(version: 2, article: {})", "[".repeat(5000));
        assert_eq!(
            err(&deep_after_version),
            "x.ron:1:23: expected opening `(` for struct `Article`"
        );
        for text in ["", "x", &deep, &deep_after_version] {
            let msg = err(text);
            assert!(
                !msg.contains("VersionProbe") && !msg.contains("serde_stacker"),
                "{msg}"
            );
        }
    }

    #[test]
    fn leading_version_reads_only_a_plain_first_field() {
        assert_eq!(
            leading_version("(\n    version: 2,\n    article: ()"),
            Some(2)
        );
        assert_eq!(leading_version("  ( version : 17 , x: 1)"), Some(17));
        // Anything unusual goes to the full probe, which knows RON.
        assert_eq!(leading_version("(/* v */ version: 2,"), None);
        assert_eq!(leading_version("(version: 2)"), None);
        assert_eq!(leading_version("(version: 2.5,"), None);
        assert_eq!(leading_version("(versions: 2,"), None);
        assert_eq!(leading_version("(version: 99999999999999999999,"), None);
        assert_eq!(leading_version("(title: 1, version: 2,"), None);
        assert_eq!(leading_version(""), None);
    }

    #[test]
    fn scan_version_reads_the_first_version_field() {
        assert_eq!(scan_version("(\n  version : 12,"), Some(12));
        assert_eq!(scan_version("(title: 1)"), None);
        assert_eq!(scan_version("(version: x)"), None);
    }
}
