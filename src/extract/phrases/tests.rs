use super::super::tokens::tokenize;
use super::*;

fn toks(text: &str) -> Vec<Tok> {
    tokenize(text, Span::new(0, text.len()))
}

fn before(text: &str, verb: &str) -> Option<(String, Option<String>)> {
    let toks = toks(text);
    let i = toks.iter().position(|t| t.lower == verb)?;
    let end = skip_back_adverbials(&toks, 0, i);
    np_before(text, &toks, 0, end).map(|n| {
        (
            text[n.span.start..n.span.end].to_string(),
            n.appositive.map(|a| text[a.start..a.end].to_string()),
        )
    })
}

#[test]
fn name_with_role_before_verb() {
    assert_eq!(
        before("Fisheries Minister Ines Vale said on Monday", "said").map(|x| x.0),
        Some("Fisheries Minister Ines Vale".into())
    );
}

#[test]
fn auxiliaries_and_time_are_skipped() {
    assert_eq!(
        before("Trump has also said", "said").map(|x| x.0),
        Some("Trump".into())
    );
    assert_eq!(
        before("The minister on Monday said", "said").map(|x| x.0),
        Some("The minister".into())
    );
}

#[test]
fn appositive_role() {
    assert_eq!(
        before("Olga Ode, deputy minister for water, said", "said"),
        Some(("Olga Ode".into(), Some("deputy minister for water".into())))
    );
}

#[test]
fn parenthetical_is_not_a_role() {
    assert_eq!(
        before("The ministry, in a statement, said", "said"),
        Some(("The ministry".into(), None))
    );
    assert_eq!(
        before("Jane Ode, in a statement, said", "said"),
        Some(("Jane Ode".into(), None))
    );
}

#[test]
fn unnamed_sources_with_prepositions() {
    assert_eq!(
        before("It will close, sources close to the talks say", "say").map(|x| x.0),
        Some("sources close to the talks".into())
    );
}

#[test]
fn pronoun_subject() {
    assert_eq!(
        before("Then he said", "said").map(|x| x.0),
        Some("he".into())
    );
}

#[test]
fn clause_word_blocks_subject() {
    assert_eq!(before("It is said", "said"), None);
}

#[test]
fn np_after_with_appositive() {
    let text = "said Jane Ode, a nurse at the clinic.";
    let t = toks(text);
    let (n, next) = np_after(text, &t, 1, t.len()).expect("np");
    assert_eq!(&text[n.span.start..n.span.end], "Jane Ode");
    assert_eq!(
        n.appositive.map(|a| &text[a.start..a.end]),
        Some("a nurse at the clinic")
    );
    assert!(t[next].is_punct('.'));
}

#[test]
fn adverbials_are_skipped() {
    let text = "said on Monday he would go";
    let t = toks(text);
    let i = skip_adverbials(&t, 1, t.len());
    assert_eq!(t[i].lower, "he");
    let text = "said in a statement that it would";
    let t = toks(text);
    assert_eq!(t[skip_adverbials(&t, 1, t.len())].lower, "that");
}

#[test]
fn a_bare_time_adverb_is_skipped_only_before_a_comma_or_that() {
    for (text, next) in [
        ("said before, the harbour is closed", "the"),
        ("said earlier that the harbour was closed", "that"),
        ("said again, watch the harbour", "watch"),
        // A preposition here: what follows is not content.
        ("said before the vote the harbour was closed", "before"),
        ("said later the harbour would open", "later"),
    ] {
        let t = toks(text);
        assert_eq!(t[skip_adverbials(&t, 1, t.len())].lower, next, "{text:?}");
    }
}

#[test]
fn a_name_after_a_role_with_its_organisation_is_the_speaker() {
    for (text, name, role) in [
        (
            "said a spokesman for the Foreign Ministry, Oleg Varn.",
            "Oleg Varn",
            "a spokesman for the Foreign Ministry",
        ),
        (
            "said a spokeswoman for the port, Ines Vale.",
            "Ines Vale",
            "a spokeswoman for the port",
        ),
        (
            "said the ministry's spokesman, Oleg Varn.",
            "Oleg Varn",
            "the ministry's spokesman",
        ),
    ] {
        let t = toks(text);
        let (n, next) = np_after(text, &t, 1, t.len()).expect("np");
        assert_eq!(&text[n.span.start..n.span.end], name, "{text:?}");
        let a = n.appositive.expect("role");
        assert_eq!(&text[a.start..a.end], role, "{text:?}");
        assert_eq!(next, t.len() - 1, "{text:?}");
    }
    // A phrase with no role word keeps what follows its comma as an aside.
    let text = "said the port of Tarrow, Ines Vale.";
    let t = toks(text);
    let (n, _) = np_after(text, &t, 1, t.len()).expect("np");
    assert_ne!(&text[n.span.start..n.span.end], "Ines Vale");
}

#[test]
fn a_slash_joins_two_names() {
    assert_eq!(
        before("The latest Ledger/Ipsos poll shows a lead.", "shows").map(|b| b.0),
        Some("The latest Ledger/Ipsos poll".to_string())
    );
    let text = "said a Ledger/Ipsos poll.";
    let t = toks(text);
    let (n, _) = np_after(text, &t, 1, t.len()).expect("np");
    assert_eq!(&text[n.span.start..n.span.end], "a Ledger/Ipsos poll");
    // Not between lowercase words: "yes/no" is no name.
    assert_eq!(
        before("The yes/no vote shows a lead.", "shows").map(|b| b.0),
        Some("no vote".to_string())
    );
}
