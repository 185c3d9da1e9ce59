//! The page's DOM, for `html.rs`: clearing clutter (navigation, ads, share bars, hidden
//! elements) and walking blocks into paragraphs.
//!
//! dom_query's node type is not nameable here (it is not a direct dependency, only
//! dom_smoothie's), so the functions that touch nodes take the whole [`Readability`] and
//! let inference name the node type.

use dom_smoothie::Readability;

use super::builder::TextBuilder;
use super::cues;
use crate::model::ParagraphKind;

/// Paragraphs that are only an ad's label.
const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "article continues below advertisement",
    "skip advertisement",
];

/// Removes navigation, ads, share bars, hidden elements and the like from the page's body.
pub(super) fn remove_clutter(reader: &Readability) {
    let Some(body) = reader.doc.body() else {
        return;
    };
    let doomed: Vec<_> = body
        .descendants_it()
        .filter(|node| {
            let Some(tag) = node.node_name() else {
                return false;
            };
            let attr = |name: &str| {
                node.attr(name)
                    .map(|v| v.to_ascii_lowercase())
                    .unwrap_or_default()
            };
            let hidden = node.has_attr("hidden") || attr("aria-hidden") == "true";
            match clutter(
                &tag.to_ascii_lowercase(),
                &attr("class"),
                &attr("id"),
                &attr("role"),
                hidden,
            ) {
                Clutter::No => false,
                Clutter::Yes => true,
                Clutter::IfLinksOrShort => {
                    let text = node.text().chars().filter(|c| !c.is_whitespace()).count();
                    let links: usize = node
                        .descendants_it()
                        .filter(|n| n.node_name().is_some_and(|name| &*name == "a"))
                        .map(|a| a.text().chars().filter(|c| !c.is_whitespace()).count())
                        .sum();
                    text < 200 || links * 2 >= text
                }
            }
        })
        .collect();
    for node in doomed {
        node.remove_from_parent();
    }
}

/// How deeply the body's elements nest (the body itself is 1).
pub(super) fn depth(reader: &Readability) -> usize {
    let Some(body) = reader.doc.body() else {
        return 0;
    };
    let mut deepest = 0;
    let mut stack = vec![(body, 1_usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        #[allow(
            clippy::redundant_closure_for_method_calls,
            reason = "dom_query's node type cannot be named here"
        )]
        stack.extend(
            node.children_it(false)
                .filter(|child| child.is_element())
                .map(|child| (child, depth + 1)),
        );
    }
    deepest
}

/// How deeply a page may nest elements before it is parsed; deeper start tags (and their
/// end tags) are left out, keeping their text. html5ever checks scopes by walking the
/// stack of open elements, so parsing takes time in the square of the depth: 100,000
/// nested `<div>`s took 28 s. Real pages nest a few dozen levels.
pub(super) const MAX_PARSE_DEPTH: usize = 400;

/// Elements that never have content, or whose end tag the parser adds by itself (a
/// `<p>` closes the one before it): they never count towards the depth.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "rb", "rt", "rp", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is text up to their end tag (no tags inside).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// `html` with element nesting cut to `max` levels before parsing, in one linear pass
/// over the markup: start tags deeper than that, and their end tags, are left out (their
/// text stays). Comments, doctypes and raw-text elements (`<script>`, `<style>` …) are
/// skipped over whole. `None` when nothing is that deep, so the page is parsed as it is.
pub(super) fn limit_depth(html: &str, max: usize) -> Option<String> {
    let bytes = html.as_bytes();
    let mut stack: Vec<bool> = Vec::new(); // true: this open element was kept
    let mut kept_depth = 0_usize;
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(lt) = memchr_from(bytes, b'<', i) {
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |e| lt + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(bytes.len(), |e| lt + e + 1);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_from = lt + if closing { 2 } else { 1 };
        let name_len = bytes[name_from..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_from].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = html[name_from..name_from + name_len].to_ascii_lowercase();
        let end = tag_end(bytes, name_from + name_len);
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        if closing {
            if !UNCOUNTED.contains(&name.as_str()) && !RAW_TEXT.contains(&name.as_str()) {
                match stack.pop() {
                    Some(true) => kept_depth -= 1,
                    Some(false) => dropped.push((lt, end)),
                    None => {}
                }
            }
            i = end;
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ascii_case_insensitive(&html[end..], &close)
                .map_or(bytes.len(), |at| end + at);
            continue;
        }
        if !UNCOUNTED.contains(&name.as_str()) && !self_closing {
            if kept_depth >= max {
                stack.push(false);
                dropped.push((lt, end));
            } else {
                stack.push(true);
                kept_depth += 1;
            }
        }
        i = end;
    }
    if dropped.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in dropped {
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    Some(out)
}

fn memchr_from(bytes: &[u8], needle: u8, from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|b| *b == needle)
        .map(|at| from + at)
}

/// Just past the `>` that ends a tag whose attributes start at `from`, skipping quoted
/// attribute values; the end of the input if it never ends.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (at, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return at + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// Where `needle` (ASCII) starts in `haystack`, ignoring ASCII case.
fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&at| h[at..at + n.len()].eq_ignore_ascii_case(n))
}

/// Whether an element is clutter rather than article.
#[derive(Debug, PartialEq, Eq)]
enum Clutter {
    No,
    Yes,
    /// Share bars, related links, newsletter boxes: clutter if mostly links or short.
    IfLinksOrShort,
}

fn clutter(tag: &str, class: &str, id: &str, role: &str, hidden: bool) -> Clutter {
    const TAGS: &[&str] = &[
        "nav", "aside", "footer", "form", "button", "select", "textarea", "input", "iframe", "svg",
        "canvas", "dialog", "template", "object", "embed", "menu", "noscript",
    ];
    const ROLES: &[&str] = &[
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "menu",
        "menubar",
        "dialog",
        "alertdialog",
        "toolbar",
    ];
    const ADS: &[&str] = &[
        "ad",
        "ads",
        "advert",
        "adsbygoogle",
        "dfp",
        "outbrain",
        "taboola",
    ];
    const SOFT: &[&str] = &[
        "share",
        "social",
        "newsletter",
        "subscribe",
        "signup",
        "promo",
        "related",
        "recommend",
        "cookie",
        "consent",
        "paywall",
        "breadcrumb",
        "comments",
        "popup",
        "modal",
        "most-read",
    ];
    if hidden || TAGS.contains(&tag) || ROLES.contains(&role) {
        return Clutter::Yes;
    }
    let mut tokens = class.split_whitespace().chain(id.split_whitespace());
    let is_ad = |t: &str| {
        ADS.contains(&t)
            || [
                "ad-", "ads-", "ad_", "advert", "dfp-", "gpt-ad", "outbrain", "taboola",
            ]
            .iter()
            .any(|p| t.starts_with(p))
            || ["-ad", "-ads", "_ad"].iter().any(|s| t.ends_with(s))
            || t.contains("-ad-")
            || t.contains("advertis")
            || t.contains("sponsor")
    };
    if tokens.clone().any(is_ad) {
        return Clutter::Yes;
    }
    if tokens.any(|t| SOFT.iter().any(|s| t.contains(s))) {
        return Clutter::IfLinksOrShort;
    }
    Clutter::No
}

/// How the walk treats an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Never text: scripts, styles, forms…
    Skip,
    /// A word break: `<br>`.
    Space,
    /// Text flows through it: `a`, `em`, `span`…
    Inline,
    /// A table cell: cells of one row are joined with " | ".
    Cell,
    /// Starts and ends a paragraph. `content` blocks are what the strict walk keeps.
    Block { heading: bool, content: bool },
}

fn role(tag: &str) -> Role {
    match tag {
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
        | "embed" | "canvas" | "button" | "select" | "textarea" | "input" | "nav" | "aside"
        | "form" | "dialog" | "head" | "title" | "meta" | "link" | "img" | "picture" | "video"
        | "audio" | "source" => Role::Skip,
        "br" | "wbr" => Role::Space,
        "td" | "th" => Role::Cell,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Block {
            heading: true,
            content: true,
        },
        "p" | "li" | "blockquote" | "pre" | "figcaption" | "dd" | "dt" | "caption" | "address" => {
            Role::Block {
                heading: false,
                content: true,
            }
        }
        "body" | "div" | "section" | "article" | "main" | "header" | "footer" | "ul" | "ol"
        | "dl" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "figure" | "hr" | "details"
        | "summary" | "center" | "fieldset" | "hgroup" => Role::Block {
            heading: false,
            content: false,
        },
        _ => Role::Inline,
    }
}

enum Step<N> {
    Enter(N),
    Leave(Role),
}

/// The text under the first element matching `root`, a paragraph per block. A `strict`
/// walk keeps only text inside content blocks (paragraphs, headings, list items, quotes,
/// cells), leaving out loose text in `div`s, which on a whole page is mostly menus.
pub(super) fn walk(reader: &Readability, root: &str, strict: bool) -> TextBuilder {
    let mut out = TextBuilder::default();
    let Some(root) = reader
        .doc
        .try_select(root)
        .and_then(|found| found.nodes().first().copied())
    else {
        return out;
    };
    let mut para = String::new();
    let mut headings = 0_usize;
    let mut contents = 0_usize;
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Enter(node) => node,
            Step::Leave(role) => {
                if let Role::Block { heading, content } = role {
                    push_paragraph(&mut out, &mut para, headings > 0);
                    headings -= usize::from(heading);
                    contents -= usize::from(content);
                } else {
                    contents -= 1;
                }
                continue;
            }
        };
        if node.is_text() {
            if !strict || contents > 0 {
                para.push_str(&node.text());
            }
            continue;
        }
        let Some(tag) = node.node_name() else {
            continue;
        };
        let role = role(&tag.to_ascii_lowercase());
        match role {
            Role::Skip => continue,
            Role::Space => {
                para.push(' ');
                continue;
            }
            Role::Inline => {}
            Role::Cell => {
                if !para.trim().is_empty() {
                    para.push_str(" | ");
                }
                contents += 1;
                stack.push(Step::Leave(role));
            }
            Role::Block { heading, content } => {
                push_paragraph(&mut out, &mut para, headings > 0);
                headings += usize::from(heading);
                contents += usize::from(content);
                stack.push(Step::Leave(role));
            }
        }
        stack.extend(node.children_it(true).map(Step::Enter));
    }
    push_paragraph(&mut out, &mut para, headings > 0);
    out
}

fn push_paragraph(out: &mut TextBuilder, para: &mut String, heading: bool) {
    let is_ad_label = para.len() < 80
        && AD_LABELS.contains(&cues::collapse_whitespace(para).to_lowercase().as_str());
    if !is_ad_label {
        let kind = if heading {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        out.push(para, kind);
    }
    para.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_prefers_paragraphs_to_loose_text() {
        let page = "<body><div class=\"menu\">Weather Traffic Jobs</div>\
                    <p>The school board met on Thursday.</p><h2>Budget</h2><li>Item one</li></body>";
        let Ok(reader) = Readability::new(page, None, None) else {
            panic!("no reader");
        };
        remove_clutter(&reader);
        let (text, paragraphs) = walk(&reader, "body", true).finish();
        assert_eq!(
            text,
            "The school board met on Thursday.\n\nBudget\n\nItem one"
        );
        assert_eq!(paragraphs[1].kind, ParagraphKind::Heading);
        let (loose, _) = walk(&reader, "body", false).finish();
        assert!(loose.starts_with("Weather Traffic Jobs"));
    }

    #[test]
    fn depth_counts_nested_elements() {
        let page = "<body><div><p>One <em>two</em></p></div><p>Three</p></body>";
        let Ok(reader) = Readability::new(page, None, None) else {
            panic!("no reader");
        };
        assert_eq!(depth(&reader), 4);
    }

    #[test]
    fn limit_depth_leaves_normal_pages_alone() {
        let page = "<html><body><div><p>One<br>two <img src=x> <em>three</em></p><ul><li>a<li>b</ul></div></body></html>";
        assert_eq!(limit_depth(page, 3), None);
        let many_paragraphs = "<p>x".repeat(1000);
        assert_eq!(limit_depth(&many_paragraphs, 3), None);
    }

    #[test]
    fn limit_depth_drops_deep_tags_and_keeps_their_text() {
        let page = "<div><div><div><div>deep</div> text</div></div></div><p>after</p>";
        let flat = limit_depth(page, 2);
        assert_eq!(
            flat.as_deref(),
            Some("<div><div>deep text</div></div><p>after</p>")
        );
    }

    #[test]
    fn limit_depth_skips_comments_scripts_and_quoted_brackets() {
        let page = "<div title=\"a>b\"><!-- <div><div> --><script>if (a<b) {'<div>'}</script><div><span>x</span></div></div>";
        let flat = limit_depth(page, 2).unwrap_or_default();
        assert_eq!(
            flat,
            "<div title=\"a>b\"><!-- <div><div> --><script>if (a<b) {'<div>'}</script><div>x</div></div>"
        );
    }

    #[test]
    fn limit_depth_is_linear_on_a_hundred_thousand_nested_divs() {
        let page = format!(
            "{}text{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let flat = limit_depth(&page, MAX_PARSE_DEPTH).unwrap_or_default();
        assert_eq!(flat.matches("<div>").count(), MAX_PARSE_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_PARSE_DEPTH);
    }

    #[test]
    fn ad_and_widget_classes_are_clutter() {
        assert_eq!(clutter("div", "ad-slot", "", "", false), Clutter::Yes);
        assert_eq!(
            clutter("div", "story adsbygoogle", "", "", false),
            Clutter::Yes
        );
        assert_eq!(
            clutter("section", "", "div-gpt-ad-123", "", false),
            Clutter::Yes
        );
        assert_eq!(
            clutter("div", "sponsored-content", "", "", false),
            Clutter::Yes
        );
        assert_eq!(clutter("div", "", "", "navigation", false), Clutter::Yes);
        assert_eq!(clutter("p", "", "", "", true), Clutter::Yes);
        assert_eq!(clutter("nav", "", "", "", false), Clutter::Yes);
        assert_eq!(
            clutter("div", "share-bar", "", "", false),
            Clutter::IfLinksOrShort
        );
    }

    #[test]
    fn article_classes_are_not_clutter() {
        for class in [
            "article-body",
            "lead",
            "header",
            "thread",
            "shadow",
            "headline",
            "read-more-text",
        ] {
            assert_eq!(clutter("div", class, "", "", false), Clutter::No, "{class}");
        }
    }
}
