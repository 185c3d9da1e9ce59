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

/// One non-speech attribution: the sentence, the content and source expected of its first
/// claim, and the cue class where the case is about the class.
struct Case {
    text: &'static str,
    content: &'static str,
    source: &'static str,
    class: Option<CueClass>,
}

const CASES: &[Case] = &[
    // A plural subject takes the plain form of a belief or a stance.
    Case {
        text: "Party leaders hope that as the race narrows, the senator will soften his attacks.",
        content: "as the race narrows, the senator will soften his attacks",
        source: "Party leaders",
        class: Some(CueClass::Cognition),
    },
    Case {
        text: "Many fear the new tax will push small shops out of the high street.",
        content: "the new tax will push small shops out of the high street",
        source: "Many",
        class: Some(CueClass::Cognition),
    },
    Case {
        text: "Union leaders want the plant to stay open until 2028.",
        content: "the plant to stay open until 2028",
        source: "Union leaders",
        class: Some(CueClass::Stance),
    },
    // A document heading its phrase: "a survey by X showed …".
    Case {
        text: "A survey by the Harbour Institute showed the mayor leading her rival by seven points.",
        content: "the mayor leading her rival by seven points",
        source: "A survey by the Harbour Institute",
        class: Some(CueClass::Evidence),
    },
    // A stance takes a noun-phrase object.
    Case {
        text: "The dockers' union dismissed the offer from Harrow Ports.",
        content: "the offer from Harrow Ports",
        source: "The dockers' union",
        class: Some(CueClass::Stance),
    },
    // An organisation takes a stance in the -s form.
    Case {
        text: "The campaign rejects the charge that it hid the donations.",
        content: "the charge that it hid the donations",
        source: "The campaign",
        class: None,
    },
    // A name alone is object enough.
    Case {
        text: "Governor Ilse Marr endorsed Tobin.",
        content: "Tobin",
        source: "Governor Ilse Marr",
        class: None,
    },
    // A wish or a plan takes a to-infinitive.
    Case {
        text: "Petra Lind hopes to reopen the mill by next spring.",
        content: "to reopen the mill by next spring",
        source: "Petra Lind",
        class: Some(CueClass::Cognition),
    },
    Case {
        text: "The senator promised to cut rail fares by half.",
        content: "to cut rail fares by half",
        source: "The senator",
        class: None,
    },
    // "is worried that" is a belief.
    Case {
        text: "The harbour master is worried that the breakwater will fail this winter.",
        content: "the breakwater will fail this winter",
        source: "The harbour master",
        class: Some(CueClass::Cognition),
    },
    // Voting for is a stance.
    Case {
        text: "Councillor Amos Reid voted for the new parking levy.",
        content: "the new parking levy",
        source: "Councillor Amos Reid",
        class: None,
    },
    // The issuer of a statement speaks, not the statement.
    Case {
        text: "Kestrel Energy issued a statement saying it would close the plant.",
        content: "it would close the plant",
        source: "Kestrel Energy",
        class: None,
    },
    // A participle after a comma is the subject's stance.
    Case {
        text: "Mayor Tilde Aas toured the flooded depot, calling the repairs a scandal.",
        content: "the repairs a scandal",
        source: "Mayor Tilde Aas",
        class: Some(CueClass::Stance),
    },
    // A belief whose clause has no "that" and a bare noun for its subject.
    Case {
        text: "Councillor Ines Prado thinks rents will fall by 5% next year.",
        content: "rents will fall by 5% next year",
        source: "Councillor Ines Prado",
        class: Some(CueClass::Cognition),
    },
    Case {
        text: "The mayor fears ferry crossings could stop in January.",
        content: "ferry crossings could stop in January",
        source: "The mayor",
        class: Some(CueClass::Cognition),
    },
    // A comparison is a stance; a ruling is a finding, with its clause.
    Case {
        text: "Ines Vale likened the toll to a tax on the poor.",
        content: "the toll to a tax on the poor",
        source: "Ines Vale",
        class: Some(CueClass::Stance),
    },
    Case {
        text: "The appeals judge ruled that the strike was legal.",
        content: "the strike was legal",
        source: "The appeals judge",
        class: Some(CueClass::Evidence),
    },
    // Set phrases of more than one word: "made clear", "went on to say", "took issue with".
    Case {
        text: "The governor made clear that the ferry subsidy would end in March.",
        content: "the ferry subsidy would end in March",
        source: "The governor",
        class: Some(CueClass::Speech),
    },
    Case {
        text: "Ms. Ode went on to say the audit had found no missing funds.",
        content: "the audit had found no missing funds",
        source: "Ms. Ode",
        class: Some(CueClass::Speech),
    },
    Case {
        text: "The union took issue with the council's claim that the depot was losing money.",
        content: "the council's claim that the depot was losing money",
        source: "The union",
        class: Some(CueClass::Stance),
    },
    Case {
        text: "He then listed the three reasons the harbour plan had failed.",
        content: "the three reasons the harbour plan had failed",
        source: "He",
        class: Some(CueClass::Stance),
    },
    // A share of a group, and a group with a place phrase, take stances.
    Case {
        text: "About three-quarters support a temporary ban on new tolls.",
        content: "a temporary ban on new tolls",
        source: "About three-quarters",
        class: Some(CueClass::Stance),
    },
    Case {
        text: "Residents across the valley oppose the new levy.",
        content: "the new levy",
        source: "Residents",
        class: Some(CueClass::Stance),
    },
    Case {
        text: "Voters in all five districts want the depot to close.",
        content: "the depot to close",
        source: "Voters",
        class: None,
    },
];

#[test]
fn rules_and_rates_as_nouns_are_no_cues() {
    for text in [
        "Under the new rules, fares rise 5%.",
        "The rate rose to 4% in May.",
    ] {
        let (outs, _) = run(text);
        assert!(outs.iter().all(|o| o.source.is_none()), "{text:?}");
    }
}

#[test]
fn a_plain_form_after_a_plural_noun_before_a_noun_is_a_noun() {
    // "workers support fund": no determiner, pronoun, name, "that" or "to" follows.
    for text in [
        "The dockers support fund paid out £40,000 last year.",
        "Local farmers hope chest auctions raised £900.",
    ] {
        let (outs, _) = run(text);
        assert!(outs.iter().all(|o| o.source.is_none()), "{text:?}");
    }
}

#[test]
fn a_belief_needs_a_clause_not_just_a_noun() {
    // "thinks highly", "fears reprisals": no clause follows, so no attribution.
    for text in [
        "Councillor Ines Prado thinks highly of the new harbour master.",
        "The harbour master fears reprisals from the ferry company.",
    ] {
        let (outs, _) = run(text);
        assert!(
            outs.iter().all(|o| o.source.is_none()),
            "{text:?} gave {:?}",
            outs.iter().map(|o| &o.content).collect::<Vec<_>>()
        );
    }
}

#[test]
fn each_non_speech_attribution_gives_its_content_source_and_class() {
    for case in CASES {
        let (content, source, class) = first(case.text);
        assert_eq!(content, case.content, "content of {:?}", case.text);
        assert_eq!(source, case.source, "source of {:?}", case.text);
        if let Some(want) = case.class {
            assert_eq!(class, want, "cue class of {:?}", case.text);
        }
    }
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
fn seeing_something_as_something_is_a_stance_and_plain_seeing_is_not() {
    for (text, source, content) in [
        (
            "Harbour traders see the new toll as a threat to their weekend trade.",
            "Harbour traders",
            "the new toll as a threat to their weekend trade",
        ),
        (
            "Councillor Mira Osei regards the ferry deal as a bad bargain for the town.",
            "Councillor Mira Osei",
            "the ferry deal as a bad bargain for the town",
        ),
    ] {
        let (c, s, class) = first(text);
        assert_eq!(
            (c.as_str(), s.as_str(), class),
            (content, source, CueClass::Stance),
            "{text:?}"
        );
    }
    for text in [
        "Councillor Mira Osei saw the flooded pier on Tuesday morning.",
        "Harbour traders see fewer visitors every winter.",
    ] {
        let (outs, _) = run(text);
        assert!(outs.iter().all(|o| o.source.is_none()), "{text:?}");
    }
}

#[test]
fn a_set_phrase_ending_in_a_cue_word_is_no_attribution() {
    for text in [
        "All told, the three hospitals spent $41 million on agency nurses last year.",
        "That said, the ferry company still expects a loss of €2 million.",
        "Truth be told, the reservoir has not been full since 2019.",
        "The new terminal will cost, all told, about $900 million.",
    ] {
        let (outs, _) = run(text);
        assert!(
            outs.iter()
                .all(|o| o.cue.as_deref() != Some("told") && o.cue.as_deref() != Some("said")),
            "{text:?} gave a cue"
        );
    }
    // The words are cues when they do not stand alone.
    let (outs, _) = run("\"The mayor knew that,\" said Ines Vale, the council's clerk.");
    assert!(
        outs.iter()
            .any(|o| o.cue.as_deref() == Some("said") && o.source.as_deref() == Some("Ines Vale"))
    );
    // "according to" still attributes what the set phrase opens.
    let (outs, _) = run(
        "All told, outside groups spent more than $2 million on the race, according to an analysis by the Harbour Ledger.",
    );
    assert_eq!(outs.len(), 1);
    assert_eq!(outs[0].cue.as_deref(), Some("according to"));
}

#[test]
fn declining_to_say_is_a_stance_and_falling_is_not() {
    let (content, source, class) =
        first("The ministry declined to say whether the ferry contract had been signed.");
    assert_eq!(content, "to say whether the ferry contract had been signed");
    assert_eq!(source, "The ministry");
    assert_eq!(class, CueClass::Stance);
    for text in [
        "Sales at the Dunmore bakery declined 4 percent in March.",
        "Exports of Valdera wine declined to $3 billion last year.",
        "Ticket sales declined to their lowest level since 2009.",
        "Councillor Ines Vale declined, saying she had not read the report.",
        "The ferry company declined to comment on the strike.",
        "A spokeswoman for the port declines to comment on contracts.",
    ] {
        let (outs, _) = run(text);
        assert!(
            outs.iter().all(|o| o.cue.as_deref() != Some("declined")),
            "{text:?} took 'declined' as a cue"
        );
    }
}

#[test]
fn an_average_of_polls_is_evidence_that_shows() {
    let (content, source, class) = first(
        "The Harbour Ledger average of recent polls shows Vale leading Ode by 47 percent to 44 percent.",
    );
    assert_eq!(content, "Vale leading Ode by 47 percent to 44 percent");
    assert_eq!(source, "The Harbour Ledger average of recent polls");
    assert_eq!(class, CueClass::Evidence);
    let (outs, _) = run("On average, the ferries ran 12 minutes late in March.");
    assert!(outs.is_empty());
}

#[test]
fn a_that_clause_opening_with_a_setting_is_still_what_is_said() {
    let (content, source, _) = first("Ode said that in a close race, Vale leads by 5 points.");
    assert_eq!(content, "in a close race, Vale leads by 5 points");
    assert_eq!(source, "Ode");
    let (content, source, class) = first(
        "The poll shows that in a head-to-head contest, Vale leads Ode by 43 percent to 38 percent.",
    );
    assert_eq!(
        content,
        "in a head-to-head contest, Vale leads Ode by 43 percent to 38 percent"
    );
    assert_eq!(source, "The poll");
    assert_eq!(class, CueClass::Evidence);
    // "that" as the object: nothing said ("on Monday" is when).
    let (outs, _) = run("Neither side would confirm that on Monday.");
    assert!(outs.iter().all(|o| o.content != "on Monday"));
    // Without "that", a setting alone still introduces the quotation to come.
    let (outs, a) = run("Ode said in an interview with the Ledger:");
    assert!(outs.is_empty());
    assert!(a.pending.is_some());
}
