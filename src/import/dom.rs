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
