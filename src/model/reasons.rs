//! Why the extractor picked a claim: a short list of reasons held in one allocation.
//!
//! A claim has three or four reasons of a few dozen bytes each; as a list of strings each
//! would cost its own allocation and a 24-byte header, a quarter of an extraction's
//! memory over a long article. Here every reason is its length (LEB128) followed by its
//! bytes, so any text is kept exactly. Serialised as a list of strings, as before.

use std::fmt;

use serde::de::{SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Default, PartialEq, Eq)]
pub struct Reasons {
    bytes: Vec<u8>,
}

impl Reasons {
    pub fn new() -> Self {
        Self::default()
    }

    /// The reasons `list`, in a buffer of exactly their size.
    pub fn exact(list: &[&str]) -> Self {
        let size = list.iter().map(|r| varint_len(r.len()) + r.len()).sum();
        let mut out = Reasons {
            bytes: Vec::with_capacity(size),
        };
        for r in list {
            out.push(r);
        }
        out
    }

    /// Adds a reason at the end.
    pub fn push(&mut self, reason: &str) {
        let mut n = reason.len();
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(low);
                break;
            }
            self.bytes.push(low | 0x80);
        }
        self.bytes.extend_from_slice(reason.as_bytes());
    }

    /// The reasons in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter { rest: &self.bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The number of reasons.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// True if `reason` is one of them.
    pub fn contains(&self, reason: &str) -> bool {
        self.iter().any(|r| r == reason)
    }

    /// The reasons with `sep` between them.
    pub fn join(&self, sep: &str) -> String {
        let mut out = String::with_capacity(self.bytes.len());
        for (i, r) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(r);
        }
        out
    }

    /// Gives back spare room (a claim's reasons are held to the end of an extraction).
    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
    }
}

/// The bytes of `n` in LEB128.
fn varint_len(n: usize) -> usize {
    (usize::BITS - (n | 1).leading_zeros()).div_ceil(7) as usize
}

/// The reasons of a [`Reasons`], in order.
#[derive(Clone)]
pub struct Iter<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let mut len = 0usize;
        let mut shift = 0u32;
        let mut at = 0;
        loop {
            let b = *self.rest.get(at)?;
            at += 1;
            len |= usize::from(b & 0x7f).checked_shl(shift)?;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        let body = self.rest.get(at..at.checked_add(len)?)?;
        self.rest = &self.rest[at + len..];
        // Only whole `&str`s are ever pushed, so every body is UTF-8.
        std::str::from_utf8(body).ok()
    }
}

impl<'a> IntoIterator for &'a Reasons {
    type Item = &'a str;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Reasons {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut out = Reasons::new();
        out.extend(iter);
        out
    }
}

impl<S: AsRef<str>> Extend<S> for Reasons {
    fn extend<I: IntoIterator<Item = S>>(&mut self, iter: I) {
        for r in iter {
            self.push(r.as_ref());
        }
    }
}

impl<S: AsRef<str>, const N: usize> From<[S; N]> for Reasons {
    fn from(list: [S; N]) -> Self {
        list.into_iter().collect()
    }
}

impl From<Vec<String>> for Reasons {
    fn from(list: Vec<String>) -> Self {
        list.into_iter().collect()
    }
}

impl fmt::Debug for Reasons {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Reasons {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for r in self {
            seq.serialize_element(r)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Reasons {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct List;

        impl<'de> Visitor<'de> for List {
            type Value = Reasons;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of reasons")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Reasons, A::Error> {
                let mut out = Reasons::new();
                while let Some(r) = seq.next_element::<std::borrow::Cow<'de, str>>()? {
                    out.push(&r);
                }
                Ok(out)
            }
        }

        deserializer.deserialize_seq(List)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reasons_keep_their_order_and_text() {
        let r = Reasons::from(["attributed: Ana Ruiz said", "", "amount: $3.2 billion"]);
        assert_eq!(
            r.iter().collect::<Vec<_>>(),
            ["attributed: Ana Ruiz said", "", "amount: $3.2 billion"]
        );
        assert_eq!(r.len(), 3);
        assert!(r.contains(""));
        assert!(!r.contains("amount"));
        assert_eq!(
            r.join("; "),
            "attributed: Ana Ruiz said; ; amount: $3.2 billion"
        );
        assert!(Reasons::new().is_empty());
        assert_eq!(Reasons::new().iter().count(), 0);
    }

    #[test]
    fn a_long_reason_takes_a_longer_length() {
        let long = "x".repeat(300);
        let r = Reasons::from([long.as_str(), "é"]);
        assert_eq!(r.iter().collect::<Vec<_>>(), [long.as_str(), "é"]);
        let exact = Reasons::exact(&[long.as_str(), "é", ""]);
        assert_eq!(exact.bytes.len(), exact.bytes.capacity());
        assert_eq!(exact.bytes.len(), 2 + 300 + 1 + 2 + 1);
        assert_eq!(exact.iter().collect::<Vec<_>>(), [long.as_str(), "é", ""]);
        assert_eq!((varint_len(0), varint_len(127), varint_len(128)), (1, 1, 2));
        assert_eq!((varint_len(16_383), varint_len(16_384)), (2, 3));
    }

    #[test]
    fn reasons_are_a_list_of_strings_in_json_and_ron() {
        let r = Reasons::from(["a \"b\"", "c\nd"]);
        let json = serde_json::to_string(&r).expect("encodes");
        assert_eq!(json, r#"["a \"b\"","c\nd"]"#);
        assert_eq!(serde_json::from_str::<Reasons>(&json).expect("decodes"), r);
        let ron = ron::to_string(&r).expect("encodes");
        assert_eq!(
            ron::from_str::<Vec<String>>(&ron).expect("decodes"),
            ["a \"b\"", "c\nd"]
        );
        assert_eq!(ron::from_str::<Reasons>(&ron).expect("decodes"), r);
    }

    proptest! {
        #[test]
        fn any_list_of_strings_comes_back_as_it_went_in(list in prop::collection::vec(".{0,200}", 0..8)) {
            let r: Reasons = list.iter().collect();
            prop_assert_eq!(r.iter().collect::<Vec<_>>(), list.iter().map(String::as_str).collect::<Vec<_>>());
            prop_assert_eq!(r.len(), list.len());
            prop_assert_eq!(r.is_empty(), list.is_empty());
        }
    }
}
