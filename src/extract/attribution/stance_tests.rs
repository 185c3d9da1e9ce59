//! Non-speech attributions: stance, belief and plans (issue 9).

use super::tests::run;
use super::*;

fn first(text: &str) -> (String, String, CueClass) {
    let (outs, a) = run(text);
    let o = outs
        .first()
        .unwrap_or_else(|| panic!("nothing found in {text:?}"));
    let class = a.found[0].class;
    (
        o.content.clone(),
        o.source.clone().unwrap_or_default(),
        class,
    )
}

#[test]
fn a_stance_takes_a_noun_phrase_object() {
    let (content, source, class) =
        first("The dockers' union dismissed the offer from Harrow Ports.");
    assert_eq!(content, "the offer from Harrow Ports");
    assert_eq!(source, "The dockers' union");
    assert_eq!(class, CueClass::Stance);
}

#[test]
fn an_organisation_takes_a_stance_in_the_s_form() {
    let (content, source, _) = first("The campaign rejects the charge that it hid the donations.");
    assert_eq!(content, "the charge that it hid the donations");
    assert_eq!(source, "The campaign");
}

#[test]
fn a_name_alone_is_object_enough() {
    let (content, source, _) = first("Governor Ilse Marr endorsed Tobin.");
    assert_eq!(content, "Tobin");
    assert_eq!(source, "Governor Ilse Marr");
}

#[test]
fn a_wish_or_plan_takes_a_to_infinitive() {
    let (content, source, class) = first("Petra Lind hopes to reopen the mill by next spring.");
    assert_eq!(content, "to reopen the mill by next spring");
    assert_eq!(source, "Petra Lind");
    assert_eq!(class, CueClass::Cognition);
    let (content, _, _) = first("The senator promised to cut rail fares by half.");
    assert_eq!(content, "to cut rail fares by half");
}

#[test]
fn worried_that_is_a_belief() {
    let (content, source, class) =
        first("The harbour master is worried that the breakwater will fail this winter.");
    assert_eq!(content, "the breakwater will fail this winter");
    assert_eq!(source, "The harbour master");
    assert_eq!(class, CueClass::Cognition);
}

#[test]
fn voting_for_is_a_stance() {
    let (content, source, _) = first("Councillor Amos Reid voted for the new parking levy.");
    assert_eq!(content, "the new parking levy");
    assert_eq!(source, "Councillor Amos Reid");
}

#[test]
fn a_plan_with_nothing_said_introduces_no_speaker() {
    let (outs, a) = run("The ministry planned to open three clinics in the north.");
    assert!(a.pending.is_none());
    assert!(outs.iter().all(|o| o.source.is_some()));
    // A speaker introduced before a quotation still is.
    let (_, a) = run("Mayor Ode said in an interview:");
    assert!(a.pending.is_some());
}

#[test]
fn the_issuer_of_a_statement_speaks() {
    let (content, source, _) =
        first("Kestrel Energy issued a statement saying it would close the plant.");
    assert_eq!(content, "it would close the plant");
    assert_eq!(source, "Kestrel Energy");
}

#[test]
fn a_participle_after_a_comma_is_the_subjects_stance() {
    let (content, source, class) =
        first("Mayor Tilde Aas toured the flooded depot, calling the repairs a scandal.");
    assert_eq!(content, "the repairs a scandal");
    assert_eq!(source, "Mayor Tilde Aas");
    assert_eq!(class, CueClass::Stance);
}
