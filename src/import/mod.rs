//! Opening an article: `.txt`, `.md`, `.html`, `.docx` and `.pdf` files, links and
//! pasted text become an [`Article`].
//!
//! One file per format: `text.rs` keeps a plain-text file byte for byte, `markdown.rs`
//! drops the markup, `html.rs` finds a saved news page's main text and metadata with
//! Readability (dom_smoothie), `docx.rs` reads a Word draft (tracked changes resolved),
//! `pdf.rs` rebuilds a PDF's paragraphs and keeps each one's page. The text formats decode
//! bytes the same way (`decode.rs`: UTF-8, with a Windows-1252 fallback reported as a
//! warning) and all look for a byline and a date line near the top (`cues.rs`). `url.rs`
//! fetches a link and hands what it got to the importer for its type.
//!
//! ```
//! use claimdesk::import::{Format, import_bytes};
//! use claimdesk::model::ParagraphKind;
//!
//! let text = "Harbour Bridge to Close for Repairs\nBy Nadia Okafor\nThe bridge closes on Monday.\n";
//! let imported = import_bytes(text.as_bytes(), Format::Text, None)?;
//! let article = &imported.article;
//! assert_eq!(article.title, "Harbour Bridge to Close for Repairs");
//! assert_eq!(article.byline.as_deref(), Some("Nadia Okafor"));
//! assert_eq!(article.text, text);
//! assert_eq!(article.paragraphs[2].kind, ParagraphKind::Body);
//! assert!(imported.warnings.is_empty());
//! # Ok::<(), claimdesk::import::ImportError>(())
//! ```

mod builder;
mod cues;
mod decode;
mod docx;
mod docx_styles;
mod dom;
mod html;
mod markdown;
mod pdf;
mod pdf_fonts;
mod pdf_layout;
mod raw_html;
#[cfg(test)]
mod test_support;
mod text;
mod url;
mod zip_parts;

pub use url::{
    Download, FetchError, FetchOptions, USER_AGENT, body_format, fetch, import_download,
    import_url, looks_like_link,
};

use std::io;
use std::path::{Path, PathBuf};

use crate::model::{Article, PageMark, Paragraph, sha256_hex};

/// An imported article and what the user should know about how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub article: Article,
    /// Things worth telling the user ("notes.txt: not valid UTF-8 …"); never fatal.
    pub warnings: Vec<String>,
}

/// A file format claimdesk can open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: `.txt`, `.text`.
    Text,
    /// Markdown: `.md`, `.markdown`.
    Markdown,
    /// A web page saved from a browser: `.html`, `.htm`.
    Html,
    /// A Word document: `.docx`.
    Docx,
    /// A PDF with a text layer: `.pdf`.
    Pdf,
}

impl Format {
    /// The file extensions claimdesk opens (lower case, without the dot), e.g. for a
    /// file dialog's filter.
    pub const EXTENSIONS: &[&str] = &[
        "txt", "text", "md", "markdown", "html", "htm", "docx", "pdf",
    ];

    /// The format for a file name's extension (case-insensitive), if claimdesk opens it.
    ///
    /// ```
    /// use claimdesk::import::Format;
    /// use std::path::Path;
    /// assert_eq!(Format::from_path(Path::new("Story.HTM")), Some(Format::Html));
    /// assert_eq!(Format::from_path(Path::new("report.pdf")), Some(Format::Pdf));
    /// assert_eq!(Format::from_path(Path::new("old.doc")), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// Why a file could not be imported. Displays as one line naming the file and the problem.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: cannot read: {source}", shown(path.as_deref()))]
    Read {
        path: Option<PathBuf>,
        #[source]
        source: io::Error,
    },
    #[error(
        "{}: unsupported file type {} (claimdesk opens .txt, .md, .html, .docx and .pdf)",
        shown(path.as_deref()),
        shown_extension(extension.as_deref())
    )]
    Unsupported {
        path: Option<PathBuf>,
        /// The extension without its dot, if the name has one.
        extension: Option<String>,
    },
    #[error("{}: the file is empty", shown(path.as_deref()))]
    Empty { path: Option<PathBuf> },
    #[error(
        "{}: this looks like a binary file (it contains NUL bytes), not an article",
        shown(path.as_deref())
    )]
    Binary { path: Option<PathBuf> },
    #[error("{}: no article text found", shown(path.as_deref()))]
    NoText { path: Option<PathBuf> },
    #[error("{}: cannot read this {kind}: {reason}", shown(path.as_deref()))]
    Damaged {
        path: Option<PathBuf>,
        /// "Word document", "PDF".
        kind: &'static str,
        reason: String,
    },
    #[error("{}: {reason}", shown(path.as_deref()))]
    TooBig {
        path: Option<PathBuf>,
        reason: String,
    },
    #[error(
        "{}: this PDF has no text layer (a scanned document?); run it through OCR and open the result",
        shown(path.as_deref())
    )]
    NoTextLayer { path: Option<PathBuf> },
    #[error(
        "{}: this PDF is password-protected; save a copy without the password and open that",
        shown(path.as_deref())
    )]
    Encrypted { path: Option<PathBuf> },
    #[error(transparent)]
    Fetch(#[from] FetchError),
}

impl ImportError {
    /// The file the error is about, if the input came from a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            ImportError::Read { path, .. }
            | ImportError::Unsupported { path, .. }
            | ImportError::Empty { path }
            | ImportError::Binary { path }
            | ImportError::NoText { path }
            | ImportError::Damaged { path, .. }
            | ImportError::TooBig { path, .. }
            | ImportError::NoTextLayer { path }
            | ImportError::Encrypted { path } => path.as_deref(),
            ImportError::Fetch(_) => None,
        }
    }
}

fn shown(path: Option<&Path>) -> std::path::Display<'_> {
    path.unwrap_or(Path::new("(unnamed input)")).display()
}

fn shown_extension(extension: Option<&str>) -> String {
    match extension {
        Some(ext) => format!("\".{ext}\""),
        None => "(the name has no extension)".to_owned(),
    }
}

/// Reads a file and imports it according to its extension.
pub fn import_path(path: &Path) -> Result<Imported, ImportError> {
    let Some(format) = Format::from_path(path) else {
        return Err(ImportError::Unsupported {
            path: Some(path.to_path_buf()),
            extension: path
                .extension()
                .map(|ext| ext.to_string_lossy().into_owned()),
        });
    };
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: Some(path.to_path_buf()),
        source,
    })?;
    import_bytes(&bytes, format, Some(path))
}

/// Imports a file's contents. `path`, when given, names the file in errors and warnings,
/// gives the title when the text has none, and is recorded in [`Article::path`].
pub fn import_bytes(
    bytes: &[u8],
    format: Format,
    path: Option<&Path>,
) -> Result<Imported, ImportError> {
    import_labeled(bytes, format, path, path)
}

/// Like [`import_bytes`], calling `progress(done, total)` as the work goes on (after each
/// page of a PDF; once at the end for the other formats), for a progress bar.
pub fn import_bytes_with_progress(
    bytes: &[u8],
    format: Format,
    path: Option<&Path>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Imported, ImportError> {
    let imported = import_inner(bytes, format, path, path, progress)?;
    if format != Format::Pdf {
        progress(1, 1);
    }
    Ok(imported)
}

/// Text pasted or dropped on the window, as a plain-text article: the first line is the
/// title when it reads like one.
///
/// ```
/// let imported = claimdesk::import::import_pasted("Bridge Closes\nThe bridge closes on Monday.")?;
/// assert_eq!(imported.article.title, "Bridge Closes");
/// # Ok::<(), claimdesk::import::ImportError>(())
/// ```
pub fn import_pasted(text: &str) -> Result<Imported, ImportError> {
    let label = Path::new("(pasted text)");
    let mut imported = import_labeled(text.as_bytes(), Format::Text, Some(label), None)?;
    if imported.article.title.is_empty() {
        let first = imported
            .article
            .paragraphs
            .first()
            .and_then(|p| p.span.slice(&imported.article.text))
            .unwrap_or_default();
        imported.article.title = first.chars().take(80).collect();
    }
    Ok(imported)
}

/// Imports bytes. `label` names the input in errors and warnings; `path`, when given,
/// also gives the title when the text has none and is recorded in [`Article::path`].
fn import_labeled(
    bytes: &[u8],
    format: Format,
    label: Option<&Path>,
    path: Option<&Path>,
) -> Result<Imported, ImportError> {
    import_inner(bytes, format, label, path, &mut |_, _| {})
}

fn import_inner(
    bytes: &[u8],
    format: Format,
    label: Option<&Path>,
    path: Option<&Path>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Imported, ImportError> {
    let fail = |failure: Failure| {
        let path = label.map(Path::to_path_buf);
        match failure {
            Failure::Empty => ImportError::Empty { path },
            Failure::Binary => ImportError::Binary { path },
            Failure::NoText => ImportError::NoText { path },
            Failure::Damaged(reason) => ImportError::Damaged {
                path,
                kind: match format {
                    Format::Pdf => "PDF",
                    Format::Docx => "Word document",
                    _ => "file",
                },
                reason,
            },
            Failure::TooBig(reason) => ImportError::TooBig { path, reason },
            Failure::NoTextLayer => ImportError::NoTextLayer { path },
            Failure::Encrypted => ImportError::Encrypted { path },
        }
    };
    let (mut parsed, mut warnings) = match format {
        Format::Docx => (docx::parse(bytes).map_err(fail)?, Vec::new()),
        Format::Pdf => (pdf::parse(bytes, progress).map_err(fail)?, Vec::new()),
        Format::Text | Format::Markdown | Format::Html => {
            let decoded = decode::decode(bytes, format == Format::Html).map_err(fail)?;
            let parsed = match format {
                Format::Markdown => markdown::parse(&decoded.text),
                Format::Html => html::parse(&decoded.text),
                _ => text::parse(decoded.text),
            }
            .map_err(fail)?;
            (parsed, decoded.warning.into_iter().collect())
        }
    };
    warnings.append(&mut parsed.warnings);
    if let Some(label) = label {
        for warning in &mut warnings {
            *warning = format!("{}: {warning}", label.display());
        }
    }
    Ok(Imported {
        article: parsed.into_article(path),
        warnings,
    })
}

/// A problem found in the contents, before the file's name is attached.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Failure {
    Empty,
    Binary,
    NoText,
    /// Not a well-formed document of its format; the reason reads after "cannot read
    /// this PDF: ".
    Damaged(String),
    /// Refused before unpacking everything (a zip bomb); the whole reason.
    TooBig(String),
    NoTextLayer,
    Encrypted,
}

/// What a format's parser found: the text, its paragraphs and any metadata.
#[derive(Debug, Default)]
struct Parsed {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site: Option<String>,
    url: Option<String>,
    text: String,
    paragraphs: Vec<Paragraph>,
    /// Where each page starts in `text` (PDF only).
    pages: Vec<PageMark>,
    warnings: Vec<String>,
}

impl Parsed {
    /// The article, titled by the file's stem when the text gave no title.
    fn into_article(self, path: Option<&Path>) -> Article {
        let title = self
            .title
            .map(|t| cues::collapse_whitespace(&t))
            .filter(|t| !t.is_empty())
            .or_else(|| {
                path.and_then(Path::file_stem)
                    .map(|stem| stem.to_string_lossy().into_owned())
            })
            .unwrap_or_default();
        let clean = |field: Option<String>| {
            field
                .map(|s| cues::collapse_whitespace(&s))
                .filter(|s| !s.is_empty())
        };
        let sha256 = sha256_hex(&self.text);
        Article {
            title,
            byline: clean(self.byline),
            published: clean(self.published),
            site: clean(self.site),
            url: clean(self.url),
            path: path.map(Path::to_path_buf),
            text: self.text,
            paragraphs: self.paragraphs,
            sha256,
            fetched: None,
            pages: self.pages,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::ParagraphKind;

    /// Spans in order, on char boundaries, non-empty, trimmed, not overlapping.
    fn assert_well_formed(article: &Article) {
        let mut end = 0;
        for p in &article.paragraphs {
            let text = p.span.slice(&article.text);
            assert!(text.is_some(), "span {} not valid for the text", p.span);
            let text = text.unwrap_or_default();
            assert!(
                p.span.start >= end,
                "span {} overlaps the one before",
                p.span
            );
            assert!(
                !text.is_empty() && text.trim() == text,
                "span {} not trimmed: {text:?}",
                p.span
            );
            end = p.span.end;
        }
        assert_eq!(article.sha256, sha256_hex(&article.text));
    }

    #[test]
    fn format_from_path_is_case_insensitive() {
        let of = |name: &str| Format::from_path(Path::new(name));
        assert_eq!(of("a.TXT"), Some(Format::Text));
        assert_eq!(of("a.text"), Some(Format::Text));
        assert_eq!(of("a.Md"), Some(Format::Markdown));
        assert_eq!(of("a.markdown"), Some(Format::Markdown));
        assert_eq!(of("a.HTML"), Some(Format::Html));
        assert_eq!(of("a.htm"), Some(Format::Html));
        assert_eq!(of("a.pdf"), Some(Format::Pdf));
        assert_eq!(of("a.DOCX"), Some(Format::Docx));
        assert_eq!(of("a.doc"), None);
        assert_eq!(of("README"), None);
        for ext in Format::EXTENSIONS {
            assert!(of(&format!("story.{ext}")).is_some(), "{ext}");
        }
    }

    #[test]
    fn unsupported_extension_names_the_supported_ones() {
        let err = import_path(Path::new("report.odt"));
        let Err(err) = err else {
            panic!("a .odt was imported");
        };
        assert_eq!(
            err.to_string(),
            "report.odt: unsupported file type \".odt\" (claimdesk opens .txt, .md, .html, .docx and .pdf)"
        );
        assert_eq!(err.path(), Some(Path::new("report.odt")));
        let err = import_path(Path::new("README"))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                "README: unsupported file type (the name has no extension) (claimdesk opens .txt, .md, .html, .docx and .pdf)"
            )
        );
    }

    #[test]
    fn missing_file_is_a_read_error_with_source() {
        let err = import_path(Path::new("no-such-dir/x.txt"));
        let Err(err) = err else {
            panic!("a missing file was imported");
        };
        let message = err.to_string();
        assert!(
            message.starts_with("no-such-dir/x.txt: cannot read: "),
            "{message}"
        );
        assert!(!message.contains('\n'));
        assert!(std::error::Error::source(&err).is_some());
    }

    #[test]
    fn import_path_reads_the_file_and_records_it() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("Night Ferry.TXT");
        std::fs::write(&path, "the ferry runs late.\nIt stops at midnight.\n")?;
        let imported = import_path(&path)?;
        assert_eq!(imported.article.path.as_deref(), Some(path.as_path()));
        assert_eq!(imported.article.title, "Night Ferry");
        assert_eq!(imported.article.paragraphs.len(), 2);
        Ok(())
    }

    #[test]
    fn warnings_name_the_file() {
        let imported = import_bytes(b"na\xefve", Format::Markdown, Some(Path::new("a.md")));
        let warnings = imported.map(|i| i.warnings).unwrap_or_default();
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("a.md: not valid UTF-8"),
            "{warnings:?}"
        );
    }

    #[test]
    fn errors_without_a_path_still_read_as_one_line() {
        let err = import_bytes(b"", Format::Html, None)
            .err()
            .map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("(unnamed input): the file is empty"));
    }

    const FRAGMENTS: &[&str] = &[
        "<p>",
        "</p>",
        "<h1>",
        "</h1>",
        "<li>",
        "<script>",
        "</script>",
        "<br>",
        "<td>",
        "&amp;",
        "&#x2014;",
        "# ",
        "## ",
        "- ",
        "> ",
        "*",
        "**",
        "`",
        "```",
        "[a](b)",
        "|",
        "---",
        "\n",
        "\r\n",
        "\n\n",
        " ",
        "By Jane Smith",
        "March 3, 2026",
        "\u{e9}",
        "\u{201c}",
        "\u{1F600}",
        "Council Votes",
        "it said.",
        "\u{a0}",
        "\u{200b}",
        "<!--",
        "-->",
        "\t",
    ];

    fn soup() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40)
            .prop_map(|parts| parts.concat())
    }

    fn any_format() -> impl Strategy<Value = Format> {
        prop::sample::select(vec![Format::Text, Format::Markdown, Format::Html])
    }

    proptest! {
        // Failures are kept beside this file (the top level holds only the project's
        // fixed folders).
        #![proptest_config(ProptestConfig {
            failure_persistence: Some(Box::new(
                proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
            )),
            ..ProptestConfig::with_cases(200)
        })]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), format in any_format()) {
            if let Ok(imported) = import_bytes(&bytes, format, Some(Path::new("fuzz"))) {
                assert_well_formed(&imported.article);
            }
        }

        #[test]
        fn arbitrary_strings_never_panic(text in any::<String>(), format in any_format()) {
            if let Ok(imported) = import_bytes(text.as_bytes(), format, None) {
                assert_well_formed(&imported.article);
            }
        }

        #[test]
        fn markup_soup_never_panics(text in soup(), format in any_format()) {
            if let Ok(imported) = import_bytes(text.as_bytes(), format, None) {
                assert_well_formed(&imported.article);
                if format != Format::Text {
                    // Rebuilt text has one paragraph per line, joined by blank lines.
                    let lines = crate::model::split_paragraphs(&imported.article.text);
                    let spans: Vec<_> = imported.article.paragraphs.iter().map(|p| p.span).collect();
                    prop_assert_eq!(lines, spans);
                }
            }
        }

        #[test]
        fn plain_utf8_text_is_kept_byte_for_byte(text in "[^\r\u{0}\u{feff}]{1,200}") {
            if let Ok(imported) = import_bytes(text.as_bytes(), Format::Text, None) {
                prop_assert_eq!(&imported.article.text, &text);
                // A line that reads as a byline ("by Ө 0" too) is marked as one.
                let kinds_ok = imported.article.paragraphs.iter().all(|p| match p.kind {
                    ParagraphKind::Heading | ParagraphKind::Body => true,
                    ParagraphKind::Byline => p
                        .span
                        .slice(&imported.article.text)
                        .and_then(cues::parse_byline)
                        .is_some(),
                });
                prop_assert!(kinds_ok);
            }
        }
    }
}
