//! Reports: a [`Project`] rendered as Markdown, HTML, JSON, CSV, schema.org ClaimReview or
//! W3C Web Annotations.
//!
//! [`render`] is pure: it turns a project into text and never touches the disk. All
//! report writing goes through [`write`], which replaces the file atomically, like a
//! project save. The caller passes everything that varies between runs (the time, the
//! organisation, the reviewer) in [`Options`], so the same project and options always
//! give the same bytes.
//!
//! ```
//! use claimdesk::model::{Article, Project};
//! use claimdesk::report::{self, Format, Options};
//!
//! let project = Project::new(Article::from_text("Harbour", "The harbour reopened."), vec![], vec![]);
//! let options = Options { organization: Some("Harbour Fact Desk".into()), ..Options::default() };
//! let markdown = report::render(&project, Format::Markdown, &options)?;
//! assert!(markdown.starts_with("# Fact-check report: Harbour\n"));
//!
//! let format: Format = "html".parse()?;
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join(format!("harbour.{}", format.extension()));
//! report::write(&path, &report::render(&project, format, &options)?)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! One file per format: `markdown.rs`, `html.rs` (with `highlight.rs` for the article and
//! `assets/report/report.css`), `json.rs` (schema on [`JSON_SCHEMA`]), `csv_table.rs`,
//! `claimreview.rs` ([`claimreview_rating`] documents the verdict → rating mapping) and
//! `annotations.rs`; `view.rs` prepares what they share and `write.rs` writes files.
//!
//! # Formats
//!
//! | [`Format`] | Name | What it is for |
//! |---|---|---|
//! | `Markdown` | `md` | A readable report: metadata, counts per verdict, a table of claims, one section per claim. |
//! | `Html` | `html` | The same as one self-contained, printable page, with the article and its claims highlighted. |
//! | `Json` | `json` | The whole project in a stable, versioned schema for other tools. |
//! | `Csv` | `csv` | One row per claim for spreadsheets, safe against formula injection. |
//! | `ClaimReview` | `claimreview` | schema.org ClaimReview JSON-LD, read by fact-check aggregators. |
//! | `Annotations` | `annotations` | W3C Web Annotations JSON-LD, as Hypothesis uses them. |
//!
//! [`Options::reviewed_only`] drops unreviewed claims from every format. A source with an
//! empty name (the extractor's agentless "are reported to") is shown as
//! [`UNNAMED_SOURCE`].

mod annotations;
mod claimreview;
mod csv_table;
mod highlight;
mod html;
mod json;
mod markdown;
mod sink;
mod view;
mod write;

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use jiff::Timestamp;

use crate::model::Project;

pub use claimreview::{BEST_RATING, WORST_RATING, claimreview_rating};
pub use json::{JSON_SCHEMA, JSON_SCHEMA_VERSION};
pub use view::{UNNAMED_SOURCE, is_http_url};
pub use write::{write, write_report};

/// A kind of report.
///
/// Every format lists the same claims, in text order: all of them, or only the reviewed
/// ones with [`Options::reviewed_only`]. Claim ids (`c12`) are the same everywhere: the
/// HTML anchors, the CSV `id` column, the JSON ids and the ClaimReview URLs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// A readable Markdown report: title and article metadata, counts per verdict, a
    /// table of claims (verdict, claim, source) and one section per claim with the claim
    /// quoted in a few words of context, its source and role, kind, cue and its class
    /// (speech, belief, stance, evidence), the report it was reported in, verdict,
    /// reviewer and time, note and evidence links.
    ///
    /// Article and user text is put on one line and every character that could start
    /// Markdown or HTML is backslash-escaped, so a `|` cannot break the table and a
    /// `<script>` in a note stays text. Sections are headed `### Claim c12`, so
    /// `#claim-c12` links to them on GitHub and most renderers. Only `http`, `https` and
    /// `mailto` evidence URLs become links.
    Markdown,
    /// One self-contained, printable HTML page: the Markdown report's contents as verdict
    /// badges in the app's colours ([`Verdict::rgb`](crate::model::Verdict::rgb)), a
    /// summary table linking to each claim's details (`#c12`), and the article with its
    /// claims highlighted.
    ///
    /// Claims may overlap or nest: the article is cut at every claim boundary into flat
    /// pieces, each drawn in the colour of the innermost claim covering it (darker where
    /// several do), so the markup is always well formed. A claim whose span no longer
    /// fits the text is listed but not highlighted.
    ///
    /// The page runs no scripts and fetches nothing: the stylesheet
    /// (`assets/report/report.css`, with print rules that fit A4 and Letter) is inlined
    /// and a Content Security Policy forbids scripts and remote loads. All text is
    /// escaped by maud. The only links leaving the page are evidence links with an
    /// `http`, `https` or `mailto` URL; other URLs (`javascript:` …) are shown as text.
    Html,
    /// The whole project as JSON, in the stable, versioned schema documented on
    /// [`JSON_SCHEMA`].
    Json,
    /// One row per claim for spreadsheets, written with the `csv` crate (RFC 4180
    /// quoting). Columns: `id, verdict, kind, claim, source, role, cue, score, note,
    /// evidence_urls, reviewer, reviewed_at, orphan, cue_class, reported_in`;
    /// `cue_class` is `speech`, `belief`, `stance` or `evidence`, `reported_in` the words
    /// naming the report that carries the claim ("a report in the Valdera Times"); verdict and kind are labels ("Needs
    /// context", "Quote"), `evidence_urls` has one URL per line, `reviewed_at` is RFC 3339
    /// in UTC, `score` has two decimals, `orphan` is `yes` for a claim no longer in the
    /// article text (listed after the others, its quote as `claim`).
    ///
    /// Against formula injection (OWASP, "CSV Injection"), a cell that begins with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return gets a single quote in front, so a
    /// spreadsheet shows it as text instead of running it.
    Csv,
    /// schema.org ClaimReview JSON-LD, what Google Fact Check Explorer and fact-check
    /// aggregators read: a JSON array with one `ClaimReview` per reviewed claim
    /// (unreviewed claims never appear, and nor do claims whose span no longer fits the
    /// article). Each has:
    ///
    /// - `claimReviewed`: the claim's text on one line.
    /// - `reviewRating`: a `Rating` with `bestRating` [`BEST_RATING`], `worstRating`
    ///   [`WORST_RATING`], `ratingValue` from [`claimreview_rating`] (none for
    ///   Unverifiable) and `alternateName` the verdict's label ("Needs context").
    /// - `itemReviewed`: a `Claim` whose `author` is the claim's source, a `Person` (its
    ///   role as `jobTitle`) or an `Organization`. An unnamed source is an
    ///   `Organization` named "Unnamed source" ([`UNNAMED_SOURCE`]) whose `description`
    ///   holds the article's words for it ("officials") if it has any; a claim without a
    ///   source has no `author`. `datePublished` is the article's published date as
    ///   imported; `appearance` is the article as a `CreativeWork` with `headline`, `url`
    ///   and its site as `publisher`. A claim the article cites from another report
    ///   ("…, according to an analysis for The Harbour Gazette") has that report as
    ///   `firstAppearance`, a `CreativeWork` whose `description` is the article's words
    ///   for it.
    /// - `author`: [`Options::organization`] as an `Organization`, else
    ///   [`Options::reviewer`] as a `Person`, else left out.
    /// - `datePublished`: [`Options::generated_at`], else when the claim was reviewed,
    ///   else left out (RFC 3339, UTC).
    /// - `url`: [`Options::url`] with `#c12` appended (the claim's anchor in the HTML
    ///   report) unless it already has a fragment; left out without a URL, and when it is
    ///   not an `http(s)` URL.
    ///
    /// `<`, `>` and `&` in every string are written as `\u003c`, `\u003e`, `\u0026`, so
    /// the JSON can be pasted into `<script type="application/ld+json">` as is: a claim
    /// quoting `</script>` cannot end the element. Orphans (claims no longer in the text)
    /// that are reviewed are included, with their quote as `claimReviewed`.
    ///
    /// Editors' notes and evidence are not published here; `url` leads to the report
    /// that has them.
    ClaimReview,
    /// W3C Web Annotations JSON-LD, the model Hypothesis uses: an `AnnotationCollection`
    /// whose first (and only) `AnnotationPage` holds one `Annotation` per claim (claims
    /// whose span no longer fits the text are left out).
    ///
    /// The target's `source` is the article's URL, else its file as a `file:` URI, else
    /// `urn:sha256:` of its text, with two selectors:
    ///
    /// - `TextQuoteSelector`: `exact` is the claim, `prefix` and `suffix` up to
    ///   [`CONTEXT_CHARS`](crate::project::CONTEXT_CHARS) characters around it;
    /// - `TextPositionSelector`: `start` and `end` in Unicode code points (not bytes), so
    ///   `text.chars().skip(start).take(end - start)` is `exact`. For an imported web
    ///   page this is the text claimdesk extracted, not the page's DOM; the quote
    ///   selector is what finds it there.
    ///
    /// Bodies are `TextualBody`s: the verdict's label with purpose `assessing` (reviewed
    /// claims only; the motivation is then `assessing`, else `highlighting`), the note
    /// with purpose `commenting`, the claim's kind with purpose `tagging`, "Reported in: …"
    /// with purpose `describing` for a claim cited from another report; each `http(s)`
    /// evidence URL is a `SpecificResource` with purpose `linking` (any other URL, such as
    /// `javascript:`, is only mentioned in a `commenting` text body). Orphans (claims no
    /// longer in the text) are annotations with only a `TextQuoteSelector`, as Hypothesis
    /// keeps orphaned annotations. `<`, `>` and `&` are escaped as in ClaimReview. `creator` is the claim's
    /// reviewer and `created` when it was reviewed. Ids are `urn:uuid:` values (SHA-256
    /// based UUIDv8) of the article's text and the claim id, the same on every export.
    Annotations,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 6] = [
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Csv,
        Format::ClaimReview,
        Format::Annotations,
    ];

    /// The name used on the command line: `md`, `html`, `json`, `csv`, `claimreview`,
    /// `annotations`. [`FromStr`] accepts these (and `markdown`), in any case.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::ClaimReview => "claimreview",
            Format::Annotations => "annotations",
        }
    }

    /// The usual file extension, without the dot. Both JSON-LD formats use `jsonld`.
    ///
    /// ```
    /// use claimdesk::report::Format;
    /// assert_eq!(Format::Markdown.extension(), "md");
    /// assert_eq!(Format::Annotations.extension(), "jsonld");
    /// ```
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::ClaimReview | Format::Annotations => "jsonld",
        }
    }

    /// A name for menus and file dialogs.
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::ClaimReview => "ClaimReview (schema.org JSON-LD)",
            Format::Annotations => "Web Annotations (W3C JSON-LD)",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = ReportError;

    /// ```
    /// use claimdesk::report::Format;
    /// assert_eq!("HTML".parse::<Format>().ok(), Some(Format::Html));
    /// assert_eq!("markdown".parse::<Format>().ok(), Some(Format::Markdown));
    /// assert!("pdf".parse::<Format>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim().to_ascii_lowercase();
        if name == "markdown" {
            return Ok(Format::Markdown);
        }
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == name)
            .ok_or_else(|| ReportError::UnknownFormat { name: s.to_owned() })
    }
}

/// What goes into a report besides the project.
///
/// Nothing here is read from the clock or the environment: pass `generated_at` to date
/// the report; without it the report carries no generation time, so it is reproducible.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Leave out claims whose verdict is still `Unreviewed` (in every format).
    pub reviewed_only: bool,
    /// The organisation publishing the fact-check (ClaimReview's `author`).
    pub organization: Option<String>,
    /// Where the report will be published; ClaimReview links each claim to `URL#c12`.
    pub url: Option<String>,
    /// Who prepared the report.
    pub reviewer: Option<String>,
    /// When the report was made.
    pub generated_at: Option<Timestamp>,
}

/// Why a report could not be made or written. Each message is one line naming the file
/// (or format) and the problem.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// A format name that is not one of [`Format::ALL`].
    #[error(
        "unknown report format \"{name}\" (use md, html, json, csv, claimreview or annotations)"
    )]
    UnknownFormat { name: String },

    /// The report could not be encoded (a bug, reported rather than panicking).
    #[error("could not make the {format} report: {message}")]
    Encode { format: Format, message: String },

    /// Writing failed at `step`; whatever was at `path` before is untouched.
    #[error("{}: report not written, {step}: {}", .path.display(), crate::fsio::io_message(.source))]
    Write {
        path: PathBuf,
        step: &'static str,
        #[source]
        source: std::io::Error,
    },

    /// The report is written, but the file it replaced could not be kept as `NAME.bak`.
    #[error(
        "{}: report written, but the file it replaced could not be kept as .bak: {}",
        .path.display(),
        crate::fsio::io_message(.source)
    )]
    BackupNotKept {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Renders `project` as a report in `format`.
///
/// Never panics on a project read from a file: claims whose span no longer fits the
/// article text are listed without text (and left out where a format needs the text to
/// place them: the HTML article view, ClaimReview and Annotations).
///
/// ```
/// use claimdesk::model::{Article, Project};
/// use claimdesk::report::{Format, Options, render};
///
/// let project = Project::new(Article::from_text("Notes", "<b>Bold</b> claims."), vec![], vec![]);
/// let html = render(&project, Format::Html, &Options::default())?;
/// assert!(html.contains("&lt;b&gt;Bold&lt;/b&gt; claims."));
/// # Ok::<(), claimdesk::report::ReportError>(())
/// ```
pub fn render(project: &Project, format: Format, options: &Options) -> Result<String, ReportError> {
    let mut out = Vec::new();
    render_to(project, format, options, &mut out).map_err(|e| {
        report_error(e).unwrap_or_else(|e| ReportError::Encode {
            format,
            message: e.to_string(),
        })
    })?;
    String::from_utf8(out).map_err(|e| ReportError::Encode {
        format,
        message: e.to_string(),
    })
}

/// Writes the report [`render`] makes to `out` as it is made, so a large project's
/// report is never held whole in memory (the claims are passed on a few at a time).
///
/// The error is the writer's own, or an encoding failure that [`report_error`] turns
/// back into the [`ReportError`] it is.
///
/// ```
/// use claimdesk::model::{Article, Project};
/// use claimdesk::report::{Format, Options, render, render_to};
///
/// let project = Project::new(Article::from_text("Notes", "The ferry runs hourly."), vec![], vec![]);
/// let mut out = Vec::new();
/// render_to(&project, Format::Markdown, &Options::default(), &mut out)?;
/// assert_eq!(String::from_utf8(out)?, render(&project, Format::Markdown, &Options::default())?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_to(
    project: &Project,
    format: Format,
    options: &Options,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let report = view::Report::new(project, options);
    match format {
        Format::Markdown => markdown::render(&report, sink::Spill::new(out)),
        Format::Html => html::render(&report, sink::Spill::new(out)),
        Format::Json => json::render(&report, out),
        Format::Csv => csv_table::render(&report, out),
        Format::ClaimReview => claimreview::render(&report, out),
        Format::Annotations => annotations::render(&report, out),
    }
}

/// The [`ReportError`] an error of [`render_to`] carries, or the I/O error it is.
pub fn report_error(e: std::io::Error) -> Result<ReportError, std::io::Error> {
    if e.get_ref()
        .is_some_and(<dyn std::error::Error + Send + Sync>::is::<ReportError>)
    {
        match e
            .into_inner()
            .map(<dyn std::error::Error + Send + Sync>::downcast::<ReportError>)
        {
            Some(Ok(report)) => Ok(*report),
            Some(Err(inner)) => Err(std::io::Error::other(inner)),
            None => Err(std::io::Error::other("unknown error")),
        }
    } else {
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.to_string().parse::<Format>().ok(), Some(format));
        }
    }

    #[test]
    fn unknown_format_error_names_the_choices() {
        let err = "pdf".parse::<Format>().map_err(|e| e.to_string());
        assert_eq!(
            err,
            Err("unknown report format \"pdf\" (use md, html, json, csv, claimreview or annotations)".to_owned())
        );
    }

    #[test]
    fn every_format_renders_an_empty_project() {
        let project = Project::default();
        for format in Format::ALL {
            let out = render(&project, format, &Options::default());
            assert!(out.is_ok(), "{format}: {out:?}");
        }
    }
}
