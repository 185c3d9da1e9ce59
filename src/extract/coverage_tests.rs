//! Nothing dropped, nothing doubled: every clause of a sentence ends up in a claim, and
//! a quotation mark left out does not swallow what follows (issue 9).

use super::tests::{find, source_name};
use super::*;

#[test]
fn a_missing_closing_quote_inside_a_quote_keeps_the_next_claims_apart() {
    // The writer opened a second quote inside the first and closed once: the next
    // sentences still get their own claims and speakers.
    let text = "A ministry spokeswoman said the venture had been \"bold, but take-up had not been \"enough to go on\". She added: \"It was not the only one to fail.\" The committee found that the founders had been swept up in the \"mood of the moment\" around the web.";
    let x = extract_text(text);
    let c = find(&x, text, "swept up");
    assert!(!c.text(text).contains("bold"), "{:?}", c.text(text));
    assert_eq!(source_name(&x, c), Some("committee"));
    let c = find(&x, text, "not the only one");
    assert!(!c.text(text).contains("swept up"));
}

#[test]
fn the_clause_after_an_attribution_is_a_claim_of_its_own() {
    let cases = [
        (
            "The trust, which says it must save 48 million pounds, will close two wards next year.",
            "will close two wards next year",
        ),
        (
            "When the mayor said the pier was safe, the crowd cheered loudly for a long time.",
            "the crowd cheered loudly for a long time",
        ),
        (
            "Maize output fell by 61 percent, according to the ministry, and the crop was the smallest in 28 years.",
            "the crop was the smallest in 28 years",
        ),
    ];
    for (text, tail) in cases {
        let x = extract_text(text);
        let c = find(&x, text, tail);
        assert_eq!(c.text(text), tail, "{text:?}");
        assert!(c.source.is_none(), "{text:?}");
    }
    // A role or a listener after the speaker is no clause of its own.
    for text in [
        "\"It was a fine deal,\" said Paul Marsh, a law professor at Tideway University who has argued such cases for years.",
        "The minister told reporters after the long meeting that the port would stay open.",
    ] {
        let x = extract_text(text);
        assert_eq!(x.claims.len(), 1, "{text:?}");
    }
}

#[test]
fn a_tag_after_its_statement_is_never_dropped_for_the_next_quote() {
    // "…, he said in an interview." once held the statement as if it only introduced
    // the quotation that opens the next paragraph, and then dropped it.
    let text = "Mayor Ann Voss spoke on Friday.\n\nThe ferry, built in 1991 to carry 200 people, is the town's favourite boat, she said in an interview on Saturday.\n\n\"It is unusual,\" said Lara Noble, a lawyer for the harbour board.";
    let x = extract_text(text);
    let c = find(&x, text, "favourite boat");
    assert_eq!(source_name(&x, c), Some("Ann Voss"));
    assert!(!c.text(text).contains("she said"));
}

#[test]
fn a_restrictive_who_is_the_mention_of_its_phrase() {
    let text =
        "The governor won by 20 points among the voters who said the economy was their main worry.";
    let x = extract_text(text);
    let c = find(&x, text, "the economy was");
    assert_eq!(c.text(text), "the economy was their main worry");
    let m = c.source.and_then(|s| s.mention).expect("mention");
    assert_eq!(m.slice(text), Some("who"));
    // As the sentence's subject, the phrase's own verb follows the relative clause.
    let text = "The man who said he saw the crash has left the town for good.";
    let x = extract_text(text);
    assert!(
        x.claims.iter().all(|c| c.source.is_none()),
        "{:?}",
        x.claims
    );
}

#[test]
fn a_belief_taking_a_that_clause_holds_the_speech_verbs_inside_it() {
    let text = "Regulators worried that if the state held up the deal, the miner could threaten to sell its mines.";
    let x = extract_text(text);
    let c = find(&x, text, "could threaten");
    assert_eq!(source_name(&x, c), Some("Regulators"));
    assert!(c.text(text).starts_with("if the state"));
}

#[test]
fn talks_after_to_is_a_noun() {
    let text = "The union said its members had rejected the offer, and would not return to talks until the company withdrew its plans.";
    let x = extract_text(text);
    assert_eq!(x.claims.len(), 1);
    assert!(x.claims[0].text(text).ends_with("withdrew its plans"));
}

#[test]
fn a_name_after_a_dash_is_the_speaker_of_a_pull_quote() {
    let text = "“The mayor made the harbour a private club for his friends.” ― Dana Morrow “During the debate she called the ferry a luxury for tourists.”― Luis Pardo “I am ashamed of this council and its leader.” — Kim Osei";
    let x = extract_text(text);
    for (needle, who) in [
        ("private club", "Dana Morrow"),
        ("luxury for tourists", "Luis Pardo"),
        ("ashamed of this council", "Kim Osei"),
    ] {
        let c = find(&x, text, needle);
        assert_eq!(source_name(&x, c), Some(who), "{needle}");
        assert!(!c.text(text).contains('―'), "{:?}", c.text(text));
    }
    // A dash inside a sentence, before lowercase words, names nobody.
    let text = "“We will rebuild the pier,” the mayor said — and the council agreed to pay for it.";
    let x = extract_text(text);
    let c = find(&x, text, "rebuild the pier");
    assert_eq!(source_name(&x, c), Some("mayor"));
}

#[test]
fn a_document_and_what_it_is_of_is_the_source_of_what_it_shows() {
    let cases = [
        (
            "Polls show a close contest in the county, where six council seats are up for grabs.",
            "a close contest",
            "Polls",
        ),
        (
            "Video of the meeting shows the mayor with his hands raised before the vote.",
            "hands raised",
            "Video of the meeting",
        ),
        (
            "Leaked documents from his 2009 tax return show he took a $91 million loss.",
            "million loss",
            "Leaked documents from his 2009 tax return",
        ),
        (
            "The report on the bridge shows costs rose 40 percent.",
            "costs rose",
            "report on the bridge",
        ),
    ];
    for (text, needle, source) in cases {
        let x = extract_text(text);
        let c = find(&x, text, needle);
        assert_eq!(source_name(&x, c), Some(source), "{text}");
        assert_eq!(
            c.cue.as_ref().map(|q| q.class),
            Some(Some(crate::model::CueClass::Evidence)),
            "{text}"
        );
    }
}

#[test]
fn shows_after_a_noun_that_is_no_document_stays_a_noun() {
    for text in [
        "Television shows about the harbour drew 2 million viewers last year.",
        "The city shows no sign of slowing its building boom this year.",
    ] {
        let x = extract_text(text);
        assert_eq!(x.claims.len(), 1, "{text}");
        assert!(x.claims[0].source.is_none(), "{text}");
    }
}

#[test]
fn a_person_of_an_organisation_is_the_person() {
    let cases = [
        (
            "\"It was the least bad outcome,\" Mr. Voss of the Harbour Trust said.",
            "least bad outcome",
            "Voss",
        ),
        (
            "Dr. Lena Ortiz of the Harbour Institute said the bridge was safe for another decade.",
            "bridge was safe",
            "Lena Ortiz",
        ),
        (
            "The Bank of Valdera said rates would rise by 2 percent next year.",
            "rates would rise",
            "Bank of Valdera",
        ),
    ];
    assert_sources(&cases);
    // The claim keeps the whole speaker phrase, name included.
    let text = cases[1].0;
    let x = extract_text(text);
    assert!(
        find(&x, text, "bridge was safe")
            .text(text)
            .starts_with("Dr. Lena Ortiz")
    );
}

#[test]
fn a_day_after_the_verb_is_never_the_speaker() {
    let text = "\"Our assumption is that the tolls will be cut,\" Council Leader Marta Ode, a Valdera Democrat, said Tuesday.";
    let x = extract_text(text);
    let c = find(&x, text, "tolls will be cut");
    assert_ne!(source_name(&x, c), Some("Tuesday"));
    let text =
        "The tolls will be cut by a third next spring, officials from the port, said Tuesday.";
    let x = extract_text(text);
    for c in &x.claims {
        assert_ne!(source_name(&x, c), Some("Tuesday"), "{:?}", c.text(text));
    }
}

#[test]
fn party_tags_opening_phrases_and_asides_leave_the_speaker_alone() {
    let cases = [
        (
            "\"The veto will be overridden,\" Senator Paul Krane, R-Ky., said on Monday.",
            "veto will be overridden",
            "Paul Krane",
        ),
        (
            "Senator Paul Krane, R-Ky., said the veto would be overridden within a week.",
            "overridden within a week",
            "Paul Krane",
        ),
        (
            "\"We will not pay,\" Councillor Marta Ode, D-Valdera, said.",
            "will not pay",
            "Marta Ode",
        ),
        (
            "In a Facebook message posted Friday, Marta Ode said she had doubts about the bridge plan.",
            "doubts about the bridge",
            "Marta Ode",
        ),
        (
            "Raising the toll is a misguided approach, said Mr. Kerr (a view shared by most people I asked).",
            "misguided approach",
            "Kerr",
        ),
    ];
    assert_sources(&cases);
}

#[test]
fn a_who_with_a_date_before_its_verb_is_the_speaker_and_a_clause_is_no_role() {
    let text = "Ode has a frosty relationship with Voss, who in 2010 said the top goal was to cut the tolls.";
    let x = extract_text(text);
    let c = find(&x, text, "top goal");
    assert_eq!(source_name(&x, c), Some("Voss"));
    let text = "Ode met Voss, who on Monday said the top goal was to cut the tolls.";
    let x = extract_text(text);
    let c = find(&x, text, "top goal");
    assert_eq!(source_name(&x, c), Some("Voss"));
    let role = x
        .sources
        .iter()
        .find(|s| s.name == "Voss")
        .and_then(|s| s.role.clone());
    assert_eq!(role, None);
    // A role with a capitalised word and a noun is still a role.
    let text = "Provincial mines inspector Dana Kell said the shaft had been sealed in May.";
    let x = extract_text(text);
    let role = x
        .sources
        .iter()
        .find(|s| s.name == "Dana Kell")
        .and_then(|s| s.role.clone());
    assert_eq!(role.as_deref(), Some("Provincial mines inspector"));
}

#[test]
fn the_speakers_before_a_relative_clause_are_the_source() {
    let text = "Current and former officials who spoke with the Valdera Times said the plan had been shelved in March.";
    let x = extract_text(text);
    let c = find(&x, text, "shelved in March");
    assert_eq!(source_name(&x, c), Some("Current and former officials"));
    // A stance with no object is no attribution: the sentence stays a fact.
    let text = "Residents who packed the chamber applauded when the result was read out.";
    let x = extract_text(text);
    assert_eq!(x.claims.len(), 1);
    assert!(x.claims[0].source.is_none());
}

#[test]
fn a_comma_opening_the_text_is_no_party_tag() {
    // Found by the property test: the party-tag check looked before the first token.
    for text in ["”, : \"\"", ", D-Valdera, said", "R-Ky., said"] {
        let _ = extract_text(text);
    }
}

/// Each `(text, needle, source)`: the claim containing `needle` has that source.
pub(super) fn assert_sources(cases: &[(&str, &str, &str)]) {
    for &(text, needle, source) in cases {
        let x = extract_text(text);
        let c = find(&x, text, needle);
        assert_eq!(source_name(&x, c), Some(source), "{text}");
    }
}
