//! Byte spans into an article's text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a text.
///
/// A span is only useful against the text it was made for: [`Span::slice`] checks that
/// both ends lie on char boundaries and returns `None` otherwise, so a stale span never
/// panics.
///
/// ```
/// use claimdesk::model::Span;
/// let text = "Prices rose 4% — officials said.";
/// let span = Span::new(0, 14);
/// assert_eq!(span.slice(text), Some("Prices rose 4%"));
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; if `end < start` the two are swapped.
    pub fn new(start: usize, end: usize) -> Self {
        if end < start {
            Self {
                start: end,
                end: start,
            }
        } else {
            Self { start, end }
        }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text under the span, or `None` if the span is out of range or not on char boundaries.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// True if the span lies inside `text` on char boundaries.
    pub fn is_valid_for(self, text: &str) -> bool {
        self.slice(text).is_some()
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn contains_offset(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shrinks the span so it does not start or end with whitespace.
    #[must_use]
    pub fn trim(self, text: &str) -> Span {
        let Some(s) = self.slice(text) else {
            return self;
        };
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }

    /// Moves the span by `delta` bytes.
    #[must_use]
    pub fn shifted(self, delta: usize) -> Span {
        Span::new(self.start + delta, self.end + delta)
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_orders_ends() {
        assert_eq!(Span::new(5, 2), Span { start: 2, end: 5 });
    }

    #[test]
    fn slice_rejects_non_boundary() {
        let text = "é!";
        assert_eq!(Span::new(0, 1).slice(text), None);
        assert_eq!(Span::new(0, 2).slice(text), Some("é"));
        assert_eq!(Span::new(0, 9).slice(text), None);
    }

    #[test]
    fn trim_drops_surrounding_whitespace() {
        let text = "  a b  ";
        assert_eq!(Span::new(0, 7).trim(text).slice(text), Some("a b"));
        assert!(Span::new(0, 2).trim(text).is_empty());
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert_eq!(a.cover(b), Span::new(0, 9));
        assert!(a.cover(b).contains(b));
    }
}
