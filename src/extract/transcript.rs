//! Interview transcripts: paragraphs that open with a speaker label ("Q:", "A:",
//! "TAPPER:", "Jane Ode:"). In a transcript every sentence of a turn is the labelled
//! speaker's, until the next label.

use crate::model::{Paragraph, ParagraphKind, Span};

/// The label opening a paragraph, without its colon: "Q", "TAPPER", "Jane Ode".
pub fn label(text: &str, para: Span) -> Option<Span> {
    let s = para.slice(text)?;
    let colon = s
        .char_indices()
        .take(40)
        .find(|&(_, c)| c == ':')
        .map(|(i, _)| i)?;
    if !s[colon + 1..].starts_with(' ') || s[colon + 1..].trim().is_empty() {
        return None;
    }
    let name = s[..colon].trim_end();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 || name.len() != colon {
        return None;
    }
    let is_qa = matches!(name, "Q" | "A");
    let shouting = words.iter().all(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    });
    let titled = words.len() >= 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        });
    (is_qa || shouting || titled).then(|| Span::new(para.start, para.start + colon))
}

/// True if the article reads as a transcript: at least three labelled paragraphs, and
/// some label used twice.
pub fn is_transcript(text: &str, paragraphs: &[Paragraph]) -> bool {
    let labels: Vec<&str> = paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Body)
        .filter_map(|p| label(text, p.span))
        .filter_map(|s| s.slice(text))
        .collect();
    labels.len() >= 3
        && labels
            .iter()
            .enumerate()
            .any(|(i, a)| labels[i + 1..].contains(a))
}

/// The name a label stands for: "Q" is the interviewer, "A" the interviewee.
pub fn speaker_name(label: &str) -> String {
    match label {
        "Q" => "interviewer".into(),
        "A" => "interviewee".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::split_paragraphs;

    fn paras(text: &str) -> Vec<Paragraph> {
        split_paragraphs(text)
            .into_iter()
            .map(|span| Paragraph {
                span,
                kind: ParagraphKind::Body,
            })
            .collect()
    }

    #[test]
    fn labels_are_short_names_before_a_colon() {
        let text = "TAPPER: Why now?";
        assert_eq!(
            label(text, Span::new(0, text.len())).and_then(|s| s.slice(text)),
            Some("TAPPER")
        );
        let text = "Q: Where were you?";
        assert_eq!(
            label(text, Span::new(0, text.len())).and_then(|s| s.slice(text)),
            Some("Q")
        );
        let text = "The result: a tie.";
        assert_eq!(label(text, Span::new(0, text.len())), None);
        let text = "Update: the vote moved.";
        assert_eq!(label(text, Span::new(0, text.len())), None);
    }

    #[test]
    fn transcript_needs_repeated_labels() {
        let text = "Q: Where were you?\nA: At home.\nQ: Alone?\nA: Yes.";
        assert!(is_transcript(text, &paras(text)));
        let text = "Graham: Trump is wrong.\nThe vote is Tuesday.";
        assert!(!is_transcript(text, &paras(text)));
    }
}
