//! What is matched against the library: a claim, and what is known around it.

use jiff::civil::Date;

use super::entry::{month_number, parse_date};

/// A claim to look up, with the date it was made and who made it when known (the
/// article's date and the claim's source; a tweet's signature line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatchQuery {
    pub text: String,
    pub date: Option<Date>,
    pub speaker: Option<String>,
}

impl MatchQuery {
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            ..Self::default()
        }
    }
}

/// A tweet as collected — `text — Name (@handle) Month D, YYYY` — split into its text,
/// its author's name and its date. Text without that signature is returned whole.
///
/// ```
/// use claimdesk::library::parse_tweet;
/// let q = parse_tweet("Tolls up 37% pic.twitter.com/x1 — Ines Vale (@ivale) March 5, 2024");
/// assert_eq!(q.text, "Tolls up 37% pic.twitter.com/x1");
/// assert_eq!(q.speaker.as_deref(), Some("Ines Vale"));
/// assert_eq!(q.date, jiff::civil::Date::new(2024, 3, 5).ok());
/// ```
pub fn parse_tweet(tweet: &str) -> MatchQuery {
    let trimmed = tweet.trim();
    let Some(dash) = trimmed.rfind('—') else {
        return MatchQuery::new(trimmed);
    };
    let (body, sig) = (&trimmed[..dash], trimmed[dash + '—'.len_utf8()..].trim());
    let (Some(open), Some(close)) = (sig.rfind("(@"), sig.rfind(')')) else {
        return MatchQuery::new(trimmed);
    };
    if close < open {
        return MatchQuery::new(trimmed);
    }
    let name = sig[..open].trim();
    let date_text = sig[close + 1..].trim();
    let date = parse_date(date_text).filter(|_| {
        date_text
            .split_whitespace()
            .next()
            .and_then(month_number)
            .is_some()
    });
    if date.is_none() && !date_text.is_empty() {
        return MatchQuery::new(trimmed);
    }
    MatchQuery {
        text: body.trim().to_owned(),
        date,
        speaker: (!name.is_empty()).then(|| name.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_signature_is_whole() {
        let q = parse_tweet("The bridge closed — again — on Monday.");
        assert_eq!(q.text, "The bridge closed — again — on Monday.");
        assert_eq!((q.date, q.speaker), (None, None));
    }

    #[test]
    fn signature_without_date_keeps_the_name() {
        let q = parse_tweet("Ferries cancelled — Harbour Trust (@htrust)");
        assert_eq!(q.text, "Ferries cancelled");
        assert_eq!(q.speaker.as_deref(), Some("Harbour Trust"));
        assert_eq!(q.date, None);
    }

    #[test]
    fn dash_in_the_text_before_the_signature() {
        let q = parse_tweet("Tolls — up again — Ines Vale (@ivale) January 14, 2020");
        assert_eq!(q.text, "Tolls — up again");
        assert_eq!(q.date, Date::new(2020, 1, 14).ok());
    }
}
