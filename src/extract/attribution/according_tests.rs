//! `X estimated …, according to a report in Y`: one attribution, X's, that keeps the
//! report as where it was reported; a plain `according to` stays as it is.

use super::tests::run;
use super::*;

/// The attributions of `text` as (content, source, where reported).
fn found(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let (_, a) = run(text);
    let slice = |sp: Span| text[sp.start..sp.end].to_string();
    a.found
        .iter()
        .map(|f| {
            (
                slice(f.content),
                f.source.map(|n| slice(n.span)),
                f.reported_in.map(slice),
            )
        })
        .collect()
}

#[test]
fn report_in_a_newspaper_is_kept_as_where_it_was_reported() {
    let text = "Economists at Brindle Partners estimated that the tunnel will cost $2.4 billion, \
                according to a report in the Valdera Times.";
    let f = found(text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "the tunnel will cost $2.4 billion");
    assert_eq!(f[0].1.as_deref(), Some("Economists at Brindle Partners"));
    assert_eq!(f[0].2.as_deref(), Some("a report in the Valdera Times"));
}

#[test]
fn analysis_for_a_publication_is_kept_whole() {
    let text = "Surveyors at Kestrel Group calculated that the reserves are worth $8 billion, \
                according to an analysis for The Orla Courier.";
    let f = found(text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1.as_deref(), Some("Surveyors at Kestrel Group"));
    assert_eq!(f[0].2.as_deref(), Some("an analysis for The Orla Courier"));
}

#[test]
fn report_named_by_its_publication_alone() {
    let text = "Marta Quell said that the depot will close in March, according to the Dunmore \
                Herald.";
    let f = found(text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1.as_deref(), Some("Marta Quell"));
    assert_eq!(f[0].2.as_deref(), Some("the Dunmore Herald"));
}

#[test]
fn according_to_without_a_nested_speaker_stays_the_attribution() {
    let text = "Ferry fares rose 12 percent last year, according to a report in the Valdera Times.";
    let (outs, a) = run(text);
    assert_eq!(outs.len(), 1);
    assert_eq!(a.found[0].pattern, Pattern::AccordingTo);
    assert_eq!(outs[0].content, "Ferry fares rose 12 percent last year");
    assert_eq!(a.found[0].reported_in, None);
}

#[test]
fn a_speaker_without_a_report_has_no_report() {
    let f = found("Marta Quell said that the depot will close in March.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].2, None);
}

#[test]
fn a_report_named_before_the_content_is_kept_the_same_way() {
    let text = "According to a report in the Valley Ledger, the auditors found that the fund \
                had lost 4 million pounds.";
    let f = found(text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "the fund had lost 4 million pounds");
    assert_eq!(f[0].1.as_deref(), Some("the auditors"));
    assert_eq!(f[0].2.as_deref(), Some("a report in the Valley Ledger"));
}

#[test]
fn a_word_of_the_source_phrase_is_no_speaker_inside_it() {
    // "state" read as a verb after "Chinese" must not take the attribution away.
    let text = "Meanwhile, according to Chinese state press reports, a small carmaker is in \
                talks to take a 20% stake in the venture.";
    let (_, a) = run(text);
    assert!(
        a.found.iter().any(|f| f.pattern == Pattern::AccordingTo),
        "{:?}",
        a.found
    );
}

#[test]
fn a_belief_or_a_position_reported_by_someone_else_is_theirs() {
    for (text, source) in [
        (
            "According to people close to her, Mayor Ines Varga has worried for weeks that \
             the tunnel will not open before the vote.",
            "people close to her",
        ),
        (
            "Most dock workers favour the night-shift plan by a wide margin, according to a \
             survey by the Port Workers' Union.",
            "a survey by the Port Workers' Union",
        ),
        (
            "The harbour board's chairman opposes the night-shift plan, according to two \
             board members.",
            "two board members",
        ),
    ] {
        let (outs, a) = run(text);
        assert_eq!(outs.len(), 1, "{text:?}: {:?}", a.found);
        assert_eq!(a.found[0].pattern, Pattern::AccordingTo, "{text:?}");
        assert!(
            source.starts_with(outs[0].source.as_deref().unwrap_or("-")),
            "{text:?}: {:?}",
            outs[0].source
        );
    }
    // What the holder said stays the holder's, with the report kept.
    let f = found(
        "Mayor Ines Varga said the tunnel will open in May, according to people close to her.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1.as_deref(), Some("Mayor Ines Varga"));
}

#[test]
fn a_leading_according_to_keeps_the_subject_of_what_follows() {
    for (text, source, content) in [
        (
            "According to the mayor, the port will close next year.",
            "the mayor",
            "the port will close next year",
        ),
        (
            "According to the city council, the ferry stops running in May.",
            "the city council",
            "the ferry stops running in May",
        ),
        (
            "According to Mayor Ines Vale, the bridge is unsafe.",
            "Mayor Ines Vale",
            "the bridge is unsafe",
        ),
    ] {
        let (outs, _) = run(text);
        assert_eq!(outs.len(), 1, "{text:?}");
        assert_eq!(outs[0].source.as_deref(), Some(source), "{text:?}");
        assert_eq!(outs[0].content, content, "{text:?}");
    }
    // An appositive closed by its comma is still the source's role.
    let (outs, _) = run("According to Ines Vale, the mayor, the port will close.");
    assert_eq!(outs[0].source.as_deref(), Some("Ines Vale"));
    assert_eq!(outs[0].content, "the port will close");
}
