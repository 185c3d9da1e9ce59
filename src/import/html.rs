//! Web pages (`.html`, `.htm`): a news page saved from a browser.
//!
//! Readability (the dom_smoothie port of Mozilla's) finds the article and its metadata;
//! this module adds what it does not read (`<link rel="canonical">`, `og:url`,
//! `<time datetime>`), clears navigation, ads and share widgets out of the page first, and
//! turns the article's blocks (`p`, `h1`–`h6`, `li`, `blockquote`…) into paragraphs. When
//! Readability finds no article, the text of the page's `<p>`-like blocks is used, and
//! failing that all of the page's visible text, with a warning. The DOM work itself is in
//! `dom.rs`.

use dom_smoothie::{Config, Readability};

use super::builder::TextBuilder;
use super::dom::{MAX_PARSE_DEPTH, depth, limit_depth, remove_clutter, walk};
use super::{Failure, Parsed, cues};
use crate::model::ParagraphKind;

/// The element Readability wraps the article in.
const ARTICLE_ROOT: &str = "#readability-page-1";

/// Readability's time grows with the square of the nesting depth; real pages nest a few
/// dozen levels, so deeper ones skip it rather than hang.
const MAX_READABILITY_DEPTH: usize = 500;

/// The article text of a page and its metadata.
pub(super) fn parse(html: &str) -> Result<Parsed, Failure> {
    if html.trim().is_empty() {
        return Err(Failure::Empty);
    }
    let mut warnings = Vec::new();
    let flattened = limit_depth(html, MAX_PARSE_DEPTH);
    if flattened.is_some() {
        warnings.push(format!(
            "the page nests elements more than {MAX_PARSE_DEPTH} levels deep; the deeper \
             levels were flattened (their text is kept)"
        ));
    }
    let html = flattened.as_deref().unwrap_or(html);
    let (meta, out) = match with_readability(html) {
        Attempt::Found(meta, out) => (meta, out),
        attempt => {
            let (why, reader) = match attempt {
                Attempt::TooDeep(reader) => {
                    ("the page nests too deeply for Readability", Some(reader))
                }
                _ => ("no article found by Readability", None),
            };
            let (meta, out) = without_readability(html, reader);
            if !out.is_empty() {
                warnings.push(format!(
                    "{why}; the text is every paragraph of the page, so check for menus and captions"
                ));
            }
            (meta, out)
        }
    };
    if out.is_empty() {
        return Err(Failure::NoText);
    }
    let (text, mut paragraphs) = out.finish();
    let top = cues::scan_top(&text, &mut paragraphs);
    let first_heading = paragraphs
        .iter()
        .enumerate()
        .find(|(i, p)| p.kind == ParagraphKind::Heading && !top.marked.contains(i))
        .and_then(|(_, p)| p.span.slice(&text))
        .map(str::to_owned);
    Ok(Parsed {
        title: meta.title.or(first_heading),
        byline: meta.byline.or(top.byline),
        published: meta.published.or(top.published),
        site: meta.site,
        url: meta.url,
        text,
        paragraphs,
        pages: Vec::new(),
        warnings,
    })
}

/// Metadata of a page.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site: Option<String>,
    url: Option<String>,
}

/// What Readability does not read: the canonical URL and a `<time>` element.
#[derive(Debug, Default)]
struct Extras {
    canonical: Option<String>,
    og_url: Option<String>,
    time: Option<String>,
}

impl Meta {
    fn new(fields: dom_smoothie::Metadata, extras: Extras) -> Meta {
        let some = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        Meta {
            title: some(Some(fields.title)),
            byline: some(fields.byline).map(|b| strip_by(&b).to_owned()),
            published: some(fields.published_time).or(extras.time),
            site: some(fields.site_name),
            url: extras
                .canonical
                .or(extras.og_url)
                .or(some(fields.url).filter(|u| is_absolute_url(u))),
        }
    }
}

fn config() -> Config {
    // Keep classes so that clutter can still be recognised in Readability's output.
    Config {
        keep_classes: true,
        ..Config::default()
    }
}

/// What came of asking Readability for the article.
enum Attempt {
    Found(Meta, TextBuilder),
    /// No article, or one without text.
    NotFound,
    /// Not tried: the page (parsed, untouched) nests deeper than [`MAX_READABILITY_DEPTH`].
    TooDeep(Readability),
}

/// The article as Readability finds it.
fn with_readability(html: &str) -> Attempt {
    let Ok(mut reader) = Readability::new(html, None, Some(config())) else {
        return Attempt::NotFound;
    };
    if depth(&reader) > MAX_READABILITY_DEPTH {
        return Attempt::TooDeep(reader);
    }
    let extras = extras(&reader);
    remove_clutter(&reader);
    let Ok(article) = reader.parse() else {
        return Attempt::NotFound;
    };
    let out = walk(&reader, ARTICLE_ROOT, false);
    if out.is_empty() {
        return Attempt::NotFound;
    }
    let fields = dom_smoothie::Metadata {
        title: article.title,
        byline: article.byline,
        site_name: article.site_name,
        published_time: article.published_time,
        url: article.url,
        ..dom_smoothie::Metadata::default()
    };
    Attempt::Found(Meta::new(fields, extras), out)
}

/// The page's paragraphs (or, if it has none, all its visible text) and its metadata.
/// `parsed` is the page, if it was parsed already and is unchanged.
fn without_readability(html: &str, parsed: Option<Readability>) -> (Meta, TextBuilder) {
    let reader = match parsed {
        Some(reader) => reader,
        None => match Readability::new(html, None, Some(config())) {
            Ok(reader) => reader,
            Err(_) => return (Meta::default(), TextBuilder::default()),
        },
    };
    let extras = extras(&reader);
    let fields = reader.get_article_metadata(reader.parse_json_ld());
    remove_clutter(&reader);
    let mut out = walk(&reader, "body", true);
    if out.is_empty() {
        out = walk(&reader, "body", false);
    }
    (Meta::new(fields, extras), out)
}

fn extras(reader: &Readability) -> Extras {
    let first = |selector: &str, attribute: &str| {
        reader
            .doc
            .try_select(selector)
            .and_then(|found| found.attr(attribute))
            .map(|value| value.trim().to_owned())
            .filter(|value| !value.is_empty())
    };
    Extras {
        canonical: first("link[rel~=canonical][href]", "href").filter(|u| is_absolute_url(u)),
        og_url: first("meta[property='og:url'][content]", "content").filter(|u| is_absolute_url(u)),
        time: first("time[itemprop~=datePublished][datetime]", "datetime")
            .or_else(|| first("article time[datetime]", "datetime"))
            .or_else(|| first("time[datetime]", "datetime")),
    }
}

fn is_absolute_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// "By Jane Smith" → "Jane Smith".
fn strip_by(byline: &str) -> &str {
    let b = byline.trim();
    match b.get(..3) {
        Some(head) if head.eq_ignore_ascii_case("by ") => b.get(3..).unwrap_or(b).trim(),
        _ => b,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::import::test_support::{import_as, paragraphs};
    use crate::import::{Format, Imported, import_bytes};

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Reservoir Levels Fall to Record Low | The Valley Courier</title>
  <meta property="og:title" content="Reservoir Levels Fall to Record Low">
  <meta property="og:site_name" content="The Valley Courier">
  <meta property="og:url" content="https://valleycourier.example/news/reservoir-low?ref=og">
  <meta property="article:published_time" content="2026-03-03T07:30:00Z">
  <meta name="author" content="Ines Duarte">
  <link rel="canonical" href="https://valleycourier.example/news/reservoir-low">
  <style>.ad { color: red } body { font-family: serif }</style>
  <script>window.trackingId = "UA-SECRET-1";</script>
</head>
<body>
  <header class="site-header">
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Reservoir Levels Fall to Record Low</h1>
      <p>The Harlow reservoir dropped to 23% of capacity on Monday, the lowest level since records began in 1961, the regional water board said.</p>
      <div class="ad-slot"><p>Advertisement: Buy SuperGrow fertiliser today &amp; save!</p></div>
      <p>Board chair Tomas Ruiz said hosepipe restrictions would start on March 10 and could last &ldquo;well into the summer&rdquo;. Farmers&nbsp;in the lower valley have already cut irrigation by a third.</p>
      <h2>Rain Forecast Offers Little Relief</h2>
      <p>Forecasters expect only light showers over the next fortnight. &ldquo;We would need three weeks of steady rain to make a difference,&rdquo; said hydrologist Mei Lin of Eastfield University.</p>
      <blockquote><p>Every household can help by fixing leaks and taking shorter showers, the board said in a statement on Monday evening.</p></blockquote>
      <ul>
        <li>Garden sprinklers are banned from March 10.</li>
        <li>Car washing with a hose is banned from March 10.</li>
      </ul>
      <p>The board will review the restrictions at its April meeting, when it also expects to publish an updated drought plan for the region.</p>
      <div class="share-bar"><a href="/share">Share on Facebook</a> <a href="/share">Share on X</a></div>
      <script>document.write("INJECTED SCRIPT TEXT");</script>
    </article>
    <aside class="sidebar"><h3>Most Read</h3><p>Local bakery wins national prize for its sourdough loaf.</p></aside>
  </main>
  <footer><p>Copyright 2026 The Valley Courier. All rights reserved.</p></footer>
</body>
</html>
"#;

    fn import(html: &str) -> Imported {
        import_as(html, Format::Html, "reservoir.html")
    }

    #[test]
    fn scripts_styles_navigation_and_ads_never_reach_the_text() {
        let text = import(PAGE).article.text;
        for clutter in [
            "INJECTED",
            "trackingId",
            "font-family",
            "Home",
            "Sport",
            "SuperGrow",
            "Share on",
            "sourdough",
            "Most Read",
            "Copyright",
        ] {
            assert!(!text.contains(clutter), "{clutter:?} leaked into {text:?}");
        }
    }

    #[test]
    fn article_paragraphs_are_kept_in_order() {
        let imported = import(PAGE);
        let found = paragraphs(&imported);
        assert!(
            found[0]
                .0
                .starts_with("The Harlow reservoir dropped to 23%"),
            "{found:?}"
        );
        assert!(found.contains(&("Garden sprinklers are banned from March 10.", false)));
        assert!(
            found
                .iter()
                .any(|(t, _)| t.starts_with("Every household can help"))
        );
        assert!(
            found[found.len() - 1]
                .0
                .starts_with("The board will review")
        );
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    }

    #[test]
    fn metadata_is_extracted() {
        let a = import(PAGE).article;
        assert_eq!(a.title, "Reservoir Levels Fall to Record Low");
        assert_eq!(a.byline.as_deref(), Some("Ines Duarte"));
        assert_eq!(a.published.as_deref(), Some("2026-03-03T07:30:00Z"));
        assert_eq!(a.site.as_deref(), Some("The Valley Courier"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://valleycourier.example/news/reservoir-low")
        );
        assert_eq!(a.path.as_deref(), Some(Path::new("reservoir.html")));
    }

    #[test]
    fn entities_are_decoded_and_whitespace_collapsed() {
        let text = import(PAGE).article.text;
        assert!(
            text.contains("could last \u{201c}well into the summer\u{201d}."),
            "{text}"
        );
        assert!(
            text.contains("summer\u{201d}. Farmers in the lower valley"),
            "{text}"
        );
        assert!(!text.contains("&ldquo;") && !text.contains('\u{a0}'));
    }

    #[test]
    fn headings_are_heading_paragraphs() {
        let imported = import(PAGE);
        assert!(paragraphs(&imported).contains(&("Rain Forecast Offers Little Relief", true)));
        let body_only = paragraphs(&imported)
            .iter()
            .filter(|(_, heading)| *heading)
            .count();
        assert_eq!(body_only, 1);
    }

    #[test]
    fn json_ld_and_og_url_give_metadata() {
        let page = r#"<html><head>
            <meta property="og:url" content="https://tidings.example/a/42">
            <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
              "headline": "Tram Line Opens Early", "author": {"@type": "Person", "name": "Bo Lindgren"},
              "datePublished": "2026-02-14", "publisher": {"@type": "Organization", "name": "Tidings Daily"}}</script>
            </head><body><article><h2>Tram Line Opens Early</h2>
            <p>The new tram line opened two weeks ahead of schedule on Saturday, transport officials said.</p>
            </article></body></html>"#;
        let a = import(page).article;
        assert_eq!(a.title, "Tram Line Opens Early");
        assert_eq!(a.byline.as_deref(), Some("Bo Lindgren"));
        assert_eq!(a.published.as_deref(), Some("2026-02-14"));
        assert_eq!(a.site.as_deref(), Some("Tidings Daily"));
        assert_eq!(a.url.as_deref(), Some("https://tidings.example/a/42"));
    }

    #[test]
    fn byline_and_date_in_the_text_are_found() {
        let page = "<p>By Karl Jensen</p><p>March 3, 2026</p>\
                    <p>The depot closed on Friday after forty years of service to the town.</p>";
        let imported = import(page);
        assert_eq!(imported.article.byline.as_deref(), Some("Karl Jensen"));
        assert_eq!(imported.article.published.as_deref(), Some("March 3, 2026"));
        assert_eq!(paragraphs(&imported)[0], ("By Karl Jensen", false));
        assert_eq!(
            imported.article.paragraphs[0].kind,
            crate::model::ParagraphKind::Byline
        );
        assert_eq!(imported.article.title, "reservoir");
    }

    #[test]
    fn time_element_gives_the_date() {
        let page = "<body><article><p><time datetime=\"2026-01-09T10:00\">9 Jan</time></p>\
                    <p>Snow closed the mountain pass for a third day on Friday, police said.</p></article></body>";
        assert_eq!(
            import(page).article.published.as_deref(),
            Some("2026-01-09T10:00")
        );
    }

    #[test]
    fn table_cells_of_a_row_share_a_paragraph() {
        let page = "<body><p>Results by district were announced on Sunday night.</p>\
                    <table><tr><th>District</th><th>Turnout</th></tr><tr><td>North</td><td>61%</td></tr></table></body>";
        let text = import(page).article.text;
        assert!(text.contains("District | Turnout\n\nNorth | 61%"), "{text}");
    }

    #[test]
    fn page_without_text_is_an_error() {
        let page = b"<html><head><title>Empty</title><script>var a = 1;</script></head><body></body></html>";
        let err = import_bytes(page, Format::Html, Some(Path::new("page.html")));
        assert_eq!(
            err.err().map(|e| e.to_string()).as_deref(),
            Some("page.html: no article text found")
        );
    }

    #[test]
    fn long_text_in_a_social_container_is_kept() {
        let long =
            "The harbour authority said the new pier would be finished by the end of the year. "
                .repeat(4);
        let page =
            format!("<body><div class=\"article social-enabled\"><p>{long}</p></div></body>");
        assert!(
            import(&page)
                .article
                .text
                .starts_with("The harbour authority")
        );
    }

    #[test]
    fn ad_label_paragraphs_are_dropped() {
        let page = "<body><article><p>The museum reopens on Monday after a two-year refit, its director said.</p>\
                    <p>ADVERTISEMENT</p><p>Tickets go on sale this week at the box office and online.</p></article></body>";
        let text = import(page).article.text;
        assert!(!text.contains("ADVERTISEMENT"), "{text}");
        assert!(text.contains("Tickets go on sale"));
    }

    #[test]
    fn deeply_nested_page_is_flattened_before_parsing_with_a_warning() {
        for depth in [600, 100_000] {
            let page = format!(
                "<body>{}<p>The quarry will close in June, the owners said.</p>{}</body>",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            );
            let imported = import(&page);
            assert_eq!(
                imported.article.text,
                "The quarry will close in June, the owners said."
            );
            assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
            assert!(
                imported.warnings[0].contains("more than 400 levels deep"),
                "{:?}",
                imported.warnings
            );
        }
    }

    #[test]
    fn legacy_charset_page_is_decoded() {
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf".to_vec();
        page.extend_from_slice(
            b"\xe9 owners say the new parking rules have cut trade by a fifth.</p></body></html>",
        );
        let imported = import_bytes(&page, Format::Html, None);
        let Ok(imported) = imported else {
            panic!("import failed: {imported:?}");
        };
        assert!(imported.article.text.starts_with("Caf\u{e9} owners"));
        assert!(imported.warnings.is_empty());
    }
}
