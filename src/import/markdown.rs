//! Markdown (`.md`): the text without its markup, one paragraph per block.
//!
//! Headings stay headings; list items, block quotes, table rows and code-block lines
//! become paragraphs of their own; links, code spans and image descriptions keep their
//! text; emphasis markers go; a soft line break is a space. Raw HTML keeps its text. A
//! YAML front-matter block gives the title, author, date, site and URL.

use std::fmt::Write as _;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::builder::TextBuilder;
use super::raw_html::HtmlStripper;
use super::{Failure, Parsed, cues};
use crate::model::ParagraphKind;

/// The text of a Markdown document, its paragraphs and metadata.
pub(super) fn parse(source: &str) -> Result<Parsed, Failure> {
    if source.trim().is_empty() {
        return Err(Failure::Empty);
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut walker = Walker::default();
    for event in Parser::new_ext(source, options) {
        walker.event(event);
    }
    walker.flush();
    let Walker {
        out,
        h1,
        first_heading,
        front,
        ..
    } = walker;
    if out.is_empty() {
        return Err(Failure::NoText);
    }
    let (text, mut paragraphs) = out.finish();
    let top = cues::scan_top(&text, &mut paragraphs);
    Ok(Parsed {
        title: front.title.or(h1).or(first_heading),
        byline: front.byline.or(top.byline),
        published: front.published.or(top.published),
        site: front.site,
        url: front.url,
        text,
        paragraphs,
        pages: Vec::new(),
        warnings: Vec::new(),
    })
}

/// Turns pulldown-cmark's events into paragraphs.
#[derive(Default)]
struct Walker {
    out: TextBuilder,
    /// The paragraph being collected.
    para: String,
    /// Set while inside a heading.
    heading: Option<HeadingLevel>,
    h1: Option<String>,
    first_heading: Option<String>,
    /// The front-matter block's text, while inside it.
    metadata: Option<String>,
    front: FrontMatter,
    html: HtmlStripper,
}

impl Walker {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(&tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => match &mut self.metadata {
                Some(block) => block.push_str(&text),
                None => self.para.push_str(&text),
            },
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.para.push_str(&text);
            }
            Event::Html(html) | Event::InlineHtml(html) => self.html.feed(&html, &mut self.para),
            Event::FootnoteReference(label) => {
                let _ = write!(self.para, "[^{label}]");
            }
            Event::SoftBreak | Event::HardBreak => self.para.push(' '),
            Event::Rule => self.flush(),
            Event::TaskListMarker(done) => self.para.push_str(if done { "[x] " } else { "[ ] " }),
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(*level);
            }
            Tag::MetadataBlock(_) => {
                self.flush();
                self.metadata = Some(String::new());
            }
            Tag::TableCell => {
                if !self.para.trim().is_empty() {
                    self.para.push_str(" | ");
                }
            }
            Tag::Image { .. } => self.para.push(' '),
            Tag::Paragraph
            | Tag::CodeBlock(_)
            | Tag::BlockQuote(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow => self.flush(),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. } => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                let text = cues::collapse_whitespace(&self.para);
                if level == HeadingLevel::H1 && self.h1.is_none() && !text.is_empty() {
                    self.h1 = Some(text.clone());
                }
                if self.first_heading.is_none() && !text.is_empty() {
                    self.first_heading = Some(text);
                }
                self.flush();
                self.heading = None;
            }
            TagEnd::CodeBlock => {
                for line in self.para.lines() {
                    self.out.push(line, ParagraphKind::Body);
                }
                self.para.clear();
            }
            TagEnd::MetadataBlock(_) => {
                let block = self.metadata.take().unwrap_or_default();
                match FrontMatter::parse(&block) {
                    Some(front) => self.front = front,
                    // Not front matter after all: keep its lines as text.
                    None => {
                        for line in block.lines() {
                            self.out.push(line, ParagraphKind::Body);
                        }
                    }
                }
            }
            TagEnd::Image => self.para.push(' '),
            TagEnd::TableCell
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => {}
            TagEnd::Paragraph
            | TagEnd::BlockQuote(_)
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow => self.flush(),
        }
    }

    /// Ends the paragraph being collected.
    fn flush(&mut self) {
        let kind = if self.heading.is_some() {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        self.out.push(&self.para, kind);
        self.para.clear();
    }
}

/// Metadata from a YAML front-matter block (simple `key: value` lines and `- item` lists).
#[derive(Debug, Default, PartialEq, Eq)]
struct FrontMatter {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site: Option<String>,
    url: Option<String>,
}

impl FrontMatter {
    /// `None` if the block has no `key: value` line at all.
    fn parse(block: &str) -> Option<FrontMatter> {
        let mut entries: Vec<(String, Vec<String>)> = Vec::new();
        for line in block.lines() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if let Some(item) = trimmed.strip_prefix("- ")
                && let Some((_, values)) = entries.last_mut()
            {
                values.push(unquote(item));
                continue;
            }
            let Some((key, value)) = trimmed.split_once(':') else {
                continue;
            };
            let key = key.trim();
            if key.is_empty()
                || !key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            {
                continue;
            }
            let value = value.trim();
            let values = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                Some(list) => list.split(',').map(unquote).collect(),
                None if value.is_empty() => Vec::new(),
                None => vec![unquote(value)],
            };
            entries.push((key.to_ascii_lowercase(), values));
        }
        if entries.is_empty() {
            return None;
        }
        let find = |keys: &[&str]| {
            entries
                .iter()
                .find(|(key, values)| keys.contains(&key.as_str()) && !values.is_empty())
                .map(|(_, values)| values.join(", "))
                .filter(|v| !v.is_empty())
        };
        Some(FrontMatter {
            title: find(&["title", "headline"]),
            byline: find(&["author", "authors", "byline", "by"]),
            published: find(&[
                "date",
                "published",
                "published_at",
                "pubdate",
                "date_published",
            ]),
            site: find(&["site", "site_name", "publisher", "publication", "source"]),
            url: find(&["url", "canonical", "canonical_url", "permalink", "link"]),
        })
    }
}

fn unquote(value: &str) -> String {
    let v = value.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(v);
    v.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::import::test_support::{import_as, paragraphs};
    use crate::import::{Format, Imported, import_bytes};

    fn import(source: &str) -> Imported {
        import_as(source, Format::Markdown, "notes/vote.md")
    }

    #[test]
    fn headings_stay_heading_paragraphs() {
        let imported = import(
            "# Council Backs Tram Plan\n\nThe vote was 9-4.\n\n## What Comes Next\n\nA consultation.\n",
        );
        assert_eq!(
            paragraphs(&imported),
            [
                ("Council Backs Tram Plan", true),
                ("The vote was 9-4.", false),
                ("What Comes Next", true),
                ("A consultation.", false),
            ]
        );
        assert_eq!(
            imported.article.text,
            "Council Backs Tram Plan\n\nThe vote was 9-4.\n\nWhat Comes Next\n\nA consultation."
        );
    }

    #[test]
    fn title_is_first_h1_then_first_heading_then_stem() {
        assert_eq!(
            import("## Background\n\n# Main Story\n\nText.")
                .article
                .title,
            "Main Story"
        );
        assert_eq!(import("## Background\n\nText.").article.title, "Background");
        assert_eq!(import("Just text.").article.title, "vote");
    }

    #[test]
    fn list_items_and_quotes_are_own_paragraphs() {
        let imported = import(
            "Key figures:\n\n- 40% turnout\n- 3 new seats\n\n1. First\n2. Second\n\n> \"We are ready,\" she said.\n> Then she left.\n",
        );
        assert_eq!(
            paragraphs(&imported),
            [
                ("Key figures:", false),
                ("40% turnout", false),
                ("3 new seats", false),
                ("First", false),
                ("Second", false),
                ("\"We are ready,\" she said. Then she left.", false),
            ]
        );
    }

    #[test]
    fn links_code_and_emphasis_keep_only_their_text() {
        let imported = import(
            "The *mayor* said **no** to [the report](https://example.org/r) and `budget_v2`,\n_twice_ ~~once~~.",
        );
        assert_eq!(
            imported.article.text,
            "The mayor said no to the report and budget_v2, twice once."
        );
    }

    #[test]
    fn soft_break_is_a_space_and_nothing_is_dropped() {
        let imported = import(
            "Line one\nline two  \nline three\n\n![Crowd at the rally](a.jpg)\n\n---\n\nEnd.",
        );
        assert_eq!(
            imported.article.text,
            "Line one line two line three\n\nCrowd at the rally\n\nEnd."
        );
    }

    #[test]
    fn byline_after_headline_is_found() {
        let imported = import(
            "# Water Rates to Rise\n\n*By Priya Raman*\n\nPublished 3 March 2026\n\nRates rise 4%.",
        );
        let a = &imported.article;
        assert_eq!(a.byline.as_deref(), Some("Priya Raman"));
        assert_eq!(a.published.as_deref(), Some("3 March 2026"));
        assert_eq!(paragraphs(&imported)[1], ("By Priya Raman", false));
        assert_eq!(
            imported.article.paragraphs[1].kind,
            crate::model::ParagraphKind::Byline
        );
    }

    #[test]
    fn front_matter_gives_metadata() {
        let imported = import(
            "---\ntitle: \"Port Expansion Approved\"\nauthors:\n  - Lea Brandt\n  - Sami Noor\ndate: 2026-03-03\nurl: https://news.example/port\n---\n\nThe port grows.",
        );
        let a = &imported.article;
        assert_eq!(a.title, "Port Expansion Approved");
        assert_eq!(a.byline.as_deref(), Some("Lea Brandt, Sami Noor"));
        assert_eq!(a.published.as_deref(), Some("2026-03-03"));
        assert_eq!(a.url.as_deref(), Some("https://news.example/port"));
        assert_eq!(a.text, "The port grows.");
    }

    #[test]
    fn raw_html_keeps_its_text() {
        let imported = import(
            "<div class=\"note\">Editor&rsquo;s note: <em>updated</em><br>twice</div>\n\n<script>var x = 1;</script>\n\nBody <!-- hidden --> text &amp; more.",
        );
        assert_eq!(
            imported.article.text,
            "Editor\u{2019}s note: updated twice\n\nBody text & more."
        );
    }

    #[test]
    fn table_rows_become_paragraphs() {
        let imported = import("| Party | Seats |\n|---|---|\n| Green | 12 |\n");
        assert_eq!(imported.article.text, "Party | Seats\n\nGreen | 12");
    }

    #[test]
    fn code_block_lines_are_paragraphs() {
        let imported = import("```\nline a\n\nline b\n```\n");
        assert_eq!(imported.article.text, "line a\n\nline b");
    }

    #[test]
    fn markup_without_text_is_no_article() {
        let err = import_bytes(b"---\n\n***\n", Format::Markdown, Some(Path::new("x.md")));
        assert_eq!(
            err.err().map(|e| e.to_string()).as_deref(),
            Some("x.md: no article text found")
        );
    }
}
