//! Raw HTML inside Markdown: its text without tags, comments, scripts and styles.

/// Where [`HtmlStripper`] is in the raw HTML it has been fed.
#[derive(Debug, Default)]
enum Mode {
    #[default]
    Text,
    /// Inside a tag, whose name (lower case, with a leading `/` if closing) is kept.
    Tag(String),
    Comment,
    /// Inside `<script>` or `<style>`: skipped up to this closing tag.
    Raw(&'static str),
}

/// Keeps the text of raw HTML in Markdown: drops tags, comments, scripts and styles,
/// decodes common entities. Fed piece by piece, as pulldown-cmark hands HTML out by line.
#[derive(Debug, Default)]
pub(super) struct HtmlStripper {
    mode: Mode,
}

impl HtmlStripper {
    pub(super) fn feed(&mut self, mut rest: &str, out: &mut String) {
        while !rest.is_empty() {
            match &self.mode {
                Mode::Text => {
                    let Some(lt) = rest.find('<') else {
                        push_decoded(rest, out);
                        return;
                    };
                    push_decoded(&rest[..lt], out);
                    let after = &rest[lt + 1..];
                    if let Some(comment) = after.strip_prefix("!--") {
                        self.mode = Mode::Comment;
                        rest = comment;
                    } else if after.starts_with(|c: char| {
                        c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?')
                    }) {
                        let name = after
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                            .map(|c| c.to_ascii_lowercase())
                            .collect();
                        self.mode = Mode::Tag(name);
                        rest = after;
                    } else {
                        out.push('<');
                        rest = after;
                    }
                }
                Mode::Comment => {
                    let Some(end) = rest.find("-->") else { return };
                    rest = &rest[end + 3..];
                    self.mode = Mode::Text;
                }
                Mode::Raw(closing) => {
                    let Some(at) = rest.to_ascii_lowercase().find(closing) else {
                        return;
                    };
                    rest = &rest[at..];
                    self.mode = Mode::Text;
                }
                Mode::Tag(name) => {
                    let Some(gt) = rest.find('>') else { return };
                    rest = &rest[gt + 1..];
                    self.mode = match name.as_str() {
                        "script" => Mode::Raw("</script"),
                        "style" => Mode::Raw("</style"),
                        name => {
                            if is_block_tag(name.trim_start_matches('/')) {
                                out.push(' ');
                            }
                            Mode::Text
                        }
                    };
                }
            }
        }
    }
}

/// Tags that separate words: `a<br>b` is two words, `a<em>b</em>` one.
fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "br"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "figcaption"
            | "figure"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "td"
            | "th"
            | "tr"
            | "ul"
    )
}

/// Appends `s` with entity references (`&amp;`, `&#8217;`, `&#x2014;`…) decoded.
fn push_decoded(mut s: &str, out: &mut String) {
    while let Some(amp) = s.find('&') {
        out.push_str(&s[..amp]);
        let after = &s[amp + 1..];
        let entity = after
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .and_then(|(semi, _)| Some((semi, decode_entity(&after[..semi])?)));
        if let Some((semi, c)) = entity {
            out.push(c);
            s = &after[semi + 1..];
        } else {
            out.push('&');
            s = after;
        }
    }
    out.push_str(s);
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hellip" => '\u{2026}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "copy" => '\u{a9}',
        "euro" => '\u{20ac}',
        "pound" => '\u{a3}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(pieces: &[&str]) -> String {
        let mut stripper = HtmlStripper::default();
        let mut out = String::new();
        for piece in pieces {
            stripper.feed(piece, &mut out);
        }
        out
    }

    #[test]
    fn tags_go_and_text_stays() {
        assert_eq!(
            strip(&["<p class=\"x\">Flood <em>warning</em></p>"]),
            " Flood warning "
        );
    }

    #[test]
    fn block_tags_separate_words() {
        assert_eq!(strip(&["one<br>two<div>three</div>"]), "one two three ");
    }

    #[test]
    fn scripts_styles_and_comments_are_dropped_across_pieces() {
        let out = strip(&[
            "<script>\n",
            "var secret = 1;\n",
            "</script>after",
            "<!-- a\n",
            "b -->end",
        ]);
        assert_eq!(out, "afterend");
        assert_eq!(strip(&["<STYLE>p { color: red }</STYLE>text"]), "text");
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            strip(&["Tom &amp; Jerry &#8217;s &#x2014; &hellip; &bogus; & 5 &lt; 6"]),
            "Tom & Jerry \u{2019}s \u{2014} \u{2026} &bogus; & 5 < 6"
        );
    }

    #[test]
    fn a_lone_less_than_is_text() {
        assert_eq!(strip(&["3 < 4 and 5<6"]), "3 < 4 and 5<6");
    }
}
