//! Claims carry their cue's class and, for words that reach the article through another
//! report, where they were reported.

use crate::extract::{Extraction, extract_text};
use crate::model::{Claim, ClaimKind, CueClass};

fn claim_with<'a>(x: &'a Extraction, text: &str, needle: &str) -> &'a Claim {
    x.claims
        .iter()
        .find(|c| c.text(text).contains(needle))
        .unwrap_or_else(|| panic!("no claim containing {needle:?} in {:?}", x.claims))
}

fn source_name<'a>(x: &'a Extraction, c: &Claim) -> Option<&'a str> {
    let id = c.source?.id;
    x.sources
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.as_str())
}

#[test]
fn nested_report_is_one_claim_of_the_speaker_reported_in_the_report() {
    let text = "Economists at Brindle Partners estimated that the tunnel will cost $2.4 billion, \
                according to a report in the Valdera Times.";
    let x = extract_text(text);
    assert_eq!(x.claims.len(), 1, "{:?}", x.claims);
    let c = &x.claims[0];
    assert_eq!(source_name(&x, c), Some("Brindle Partners"));
    let reported = c.reported_in.as_ref().expect("reported in");
    assert_eq!(reported.text, "a report in the Valdera Times");
    assert_eq!(
        reported.span.slice(text),
        Some("a report in the Valdera Times")
    );
    let cue = c.cue.as_ref().expect("a cue");
    // "estimate" is a speech verb in the lexicon.
    assert_eq!(
        (cue.text.as_str(), cue.class),
        ("estimated", Some(CueClass::Speech))
    );
}

#[test]
fn analysis_for_a_publication_is_where_it_was_reported() {
    let text = "Surveyors at Kestrel Group calculated that the reserves are worth $8 billion, \
                according to an analysis for The Orla Courier.\n\
                The Orla Courier is based in Dunmore.";
    let x = extract_text(text);
    let c = claim_with(&x, text, "$8 billion");
    assert_eq!(source_name(&x, c), Some("Kestrel Group"));
    assert_eq!(
        c.reported_in.as_ref().map(|r| r.text.as_str()),
        Some("an analysis for The Orla Courier")
    );
}

#[test]
fn plain_according_to_keeps_its_source_and_no_report() {
    let text = "Ferry fares rose 12 percent last year, according to a report in the Valdera Times.";
    let x = extract_text(text);
    let c = claim_with(&x, text, "12 percent");
    assert_ne!(c.kind, ClaimKind::Fact);
    assert!(c.source.is_some(), "{c:?}");
    assert_eq!(c.reported_in, None);
    assert_eq!(c.cue.as_ref().and_then(|q| q.class), Some(CueClass::Speech));
}

#[test]
fn every_cue_has_its_class() {
    let text = "\"The pier will reopen in June,\" said Ines Varga, the harbour master.\n\
                Councillor Tomas Brill believes that the tolls will rise next year.\n\
                The Dunmore Traders Union criticised the plan to close the depot.\n\
                The audit found that the council overspent by $4 million.";
    let x = extract_text(text);
    for (needle, class) in [
        ("pier will reopen", CueClass::Speech),
        ("tolls will rise", CueClass::Belief),
        ("close the depot", CueClass::Stance),
        ("overspent", CueClass::Evidence),
    ] {
        let c = claim_with(&x, text, needle);
        assert_eq!(
            c.cue.as_ref().and_then(|q| q.class),
            Some(class),
            "{needle}: {c:?}"
        );
    }
}

#[test]
fn a_statement_without_attribution_has_neither() {
    let text = "The council voted 7-2 on Monday to close the Orchard Street depot.";
    let x = extract_text(text);
    let c = claim_with(&x, text, "7-2");
    assert_eq!((c.cue.as_ref(), c.reported_in.as_ref()), (None, None));
}

#[test]
fn respondents_answers_are_the_polls_finding() {
    let text = "Some 55 percent of voters said they do not trust the harbour board, according to a Tarrow Gazette poll conducted in February.";
    let x = extract_text(text);
    assert_eq!(x.claims.len(), 1);
    let c = claim_with(&x, text, "do not trust");
    assert_eq!(source_name(&x, c), Some("Tarrow Gazette poll"));
    assert!(c.reported_in.is_none());
    let text = "Nearly three in four say they would buy goods made in Valdera, but those items cost too much, according to the survey.";
    let x = extract_text(text);
    let c = claim_with(&x, text, "goods made in Valdera");
    assert_eq!(source_name(&x, c), Some("survey"));
}
