//! Where an article's text came from: the fetched version of a web page, and the page of
//! a PDF each stretch of text is on.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The exact version of a web page that was checked: what was asked for, where the
/// server sent it, when, and a hash of the bytes received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fetched {
    /// The link as given.
    pub url: String,
    /// Where the page was finally read from, after redirects.
    pub final_url: String,
    /// Every address the server redirected through, in order, ending with `final_url`
    /// (empty when there was no redirect).
    #[serde(default)]
    pub redirects: Vec<String>,
    /// When the response was read.
    pub fetched_at: Timestamp,
    /// The `Content-Type` the server declared, if any.
    #[serde(default)]
    pub content_type: Option<String>,
    /// Hex SHA-256 of the bytes received (the body, before any decoding).
    pub sha256: String,
    /// How many bytes were received.
    pub bytes: u64,
}

/// The page on which the article text from `start` on is printed (for PDFs): a page
/// runs until the next mark's `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PageMark {
    /// Byte offset into [`Article::text`](super::Article::text).
    pub start: usize,
    /// The page number, counting the first page of the document as 1.
    pub page: u32,
}

/// The page containing byte `offset`, given marks sorted by `start`.
pub(super) fn page_at(marks: &[PageMark], offset: usize) -> Option<u32> {
    let i = marks.partition_point(|m| m.start <= offset);
    i.checked_sub(1).and_then(|i| marks.get(i)).map(|m| m.page)
}

/// "p. 14", or "pp. 14–15" for a range that runs onto a later page.
pub fn page_citation(first: u32, last: u32) -> String {
    if last > first {
        format!("pp. {first}\u{2013}{last}")
    } else {
        format!("p. {first}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks() -> Vec<PageMark> {
        vec![
            PageMark { start: 0, page: 1 },
            PageMark { start: 10, page: 2 },
            PageMark { start: 25, page: 4 },
        ]
    }

    #[test]
    fn page_at_finds_the_page_a_byte_is_on() {
        let marks = marks();
        assert_eq!(page_at(&marks, 0), Some(1));
        assert_eq!(page_at(&marks, 9), Some(1));
        assert_eq!(page_at(&marks, 10), Some(2));
        assert_eq!(page_at(&marks, 24), Some(2));
        assert_eq!(page_at(&marks, 1000), Some(4));
        assert_eq!(page_at(&[], 3), None);
        let late = [PageMark { start: 5, page: 3 }];
        assert_eq!(page_at(&late, 2), None);
    }

    #[test]
    fn citations_name_one_page_or_a_range() {
        assert_eq!(page_citation(14, 14), "p. 14");
        assert_eq!(page_citation(14, 15), "pp. 14\u{2013}15");
    }
}
