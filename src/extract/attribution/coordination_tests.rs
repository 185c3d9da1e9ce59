//! A cue verb coordinated with the sentence's main verb ("Vale shook her head and said …")
//! shares its subject, past an opening phrase or a leading conjunction.

use super::tests::run;

/// The source and cue of every attribution found in `text`.
fn sources(text: &str) -> Vec<(String, String)> {
    run(text)
        .0
        .into_iter()
        .map(|o| (o.source.unwrap_or_default(), o.cue.unwrap_or_default()))
        .collect()
}

#[test]
fn a_coordinated_verb_before_a_quotation_takes_the_main_subject() {
    for (text, source) in [
        (
            "Asked on Monday whether the mayor would run again, Ms. Vale shook her head and said, \"No.\"",
            "Ms. Vale",
        ),
        (
            "The minister paused and said: \"The port stays open.\"",
            "The minister",
        ),
        (
            "But Ms. Vale shook her head and said, \"Not this year.\"",
            "Ms. Vale",
        ),
    ] {
        assert_eq!(
            sources(text),
            [(source.to_string(), "said".to_string())],
            "{text:?}"
        );
    }
}

#[test]
fn an_opening_phrase_or_conjunction_is_never_the_shared_subject() {
    for (text, source) in [
        (
            "By the end of the day, Mr. Ode was forced into a rare retreat and said that his words had been misread.",
            "Mr. Ode",
        ),
        (
            "And on Tuesday, the senator paused and said the port would stay open.",
            "the senator",
        ),
        (
            "Despite the rain, the harbour master stayed at her desk and said the ferries would sail.",
            "the harbour master",
        ),
    ] {
        assert_eq!(
            sources(text),
            [(source.to_string(), "said".to_string())],
            "{text:?}"
        );
    }
}

#[test]
fn two_names_joined_by_and_are_one_subject() {
    assert_eq!(
        sources("Ode and Vale said, \"The port stays open.\""),
        [("Ode and Vale".to_string(), "said".to_string())]
    );
}

#[test]
fn a_sentence_adverb_or_opening_phrase_is_never_part_of_the_source() {
    for (text, source, cue) in [
        (
            "Even Ines Vale, who backed the toll, said the bridge was unsafe.",
            "Ines Vale",
            "said",
        ),
        (
            "Now Dana Ode, the harbour's longest-serving pilot, is promising to hold an inquiry into the collapse.",
            "Dana Ode",
            "promising",
        ),
        (
            "Then she broke with her party, pledging that the plant would stay open.",
            "she",
            "pledging",
        ),
        (
            "Even as he won in Tarrow, Mr. Ode tired his voters, revealing a habit of testing their patience.",
            "Mr. Ode",
            "revealing",
        ),
    ] {
        assert_eq!(
            sources(text),
            [(source.to_string(), cue.to_string())],
            "{text:?}"
        );
    }
    // A prepositional opener is never a subject: no source rather than "Sunday".
    let found = sources("By Sunday afternoon she had cancelled the rally, citing the storm.");
    assert!(
        found.iter().all(|(s, _)| s != "Sunday" && s != "By Sunday"),
        "{found:?}"
    );
}

#[test]
fn a_participle_of_more_than_one_word_after_the_tag_is_the_same_speakers() {
    for (text, first) in [
        (
            "\"Many of the mills simply closed without warning,\" he said, referring to the plants in the north of the valley.",
            "Many of the mills simply closed without warning",
        ),
        (
            "Vale said the port would close, referring to the harbour at Midrand.",
            "the port would close",
        ),
        (
            "\"We are not finished,\" Ms. Ode added, pointing to the new berths on the east quay.",
            "We are not finished",
        ),
    ] {
        let found = run(text).0;
        assert_eq!(found.len(), 2, "{text:?}");
        assert_eq!(found[0].content, first, "{text:?}");
        assert_eq!(found[1].source, found[0].source, "{text:?}");
        assert!(
            found[1]
                .cue
                .as_deref()
                .is_some_and(|c| c.starts_with("referring to") || c.starts_with("pointing to")),
            "{text:?}: {:?}",
            found[1].cue
        );
    }
}

#[test]
fn a_later_participle_after_a_comma_or_a_quotation_takes_the_main_subject() {
    for (text, source, content) in [
        (
            "The businessman began by talking about the drug crisis, saying that heroin is now cheaper than candy.",
            "The businessman",
            "heroin is now cheaper than candy",
        ),
        (
            "The mayor delivered a defence of \"river values,\" saying the city embodied courage.",
            "The mayor",
            "the city embodied courage",
        ),
    ] {
        let found = run(text).0;
        assert_eq!(found.len(), 1, "{text:?}");
        assert_eq!(found[0].source.as_deref(), Some(source), "{text:?}");
        assert_eq!(found[0].content, content, "{text:?}");
    }
}

#[test]
fn a_second_description_after_an_inverted_tag_keeps_the_tag() {
    let text = "The levy will hurt small shops, said Ana Ruiz, a lawyer for the guild, and a former judge.";
    assert_eq!(
        sources(text),
        [("Ana Ruiz".to_string(), "said".to_string())],
        "{text:?}"
    );
    assert_eq!(run(text).0[0].content, "The levy will hurt small shops");
}

#[test]
fn an_opener_ending_in_a_place_and_its_state_is_no_subject() {
    let text = "Speaking at a town hall in Salem, New Hampshire, Vale went after Ode, calling her \"a total failure.\"";
    assert_eq!(
        sources(text),
        [("Vale".to_string(), "calling".to_string())],
        "{text:?}"
    );
}

#[test]
fn a_contrast_with_its_own_speaker_ends_the_first_content() {
    let found = run(
        "Vale accuses Ode of hiding the audit while Ode suggests the mayor is a captive of the port lobby.",
    )
    .0;
    let got: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|o| (o.content.as_str(), o.source.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Ode of hiding the audit", Some("Vale")),
            ("the mayor is a captive of the port lobby", Some("Ode")),
        ]
    );
    let found = run("Three-quarters of the voters said they were worried about the economy, and more than 4 in 10 said Vale would be best at handling it.").0;
    assert_eq!(found[0].content, "they were worried about the economy");
}

#[test]
fn a_circumstance_right_after_an_inverted_tag_is_not_what_was_said() {
    let found = run("The levy is a mistake, Vale said as she left the chamber.").0;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].content, "The levy is a mistake");
    assert_eq!(found[0].source.as_deref(), Some("Vale"));
}

#[test]
fn said_about_a_topic_is_no_content_but_about_a_figure_is() {
    assert!(
        run("Here are the things the mayor said about the port during the campaign.")
            .0
            .is_empty()
    );
    let found = run("Vale said about 20 people have applied for the post.").0;
    assert_eq!(
        found[0].content,
        "about 20 people have applied for the post"
    );
    assert_eq!(found[0].source.as_deref(), Some("Vale"));
}

#[test]
fn a_cue_coordinated_before_said_is_an_attribution_of_its_own() {
    let found = run("Vale praised the plan for the harbour and said the senator would bring change to the valley.").0;
    let got: Vec<(&str, Option<&str>, Option<&str>)> = found
        .iter()
        .map(|o| (o.content.as_str(), o.source.as_deref(), o.cue.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("the plan for the harbour", Some("Vale"), Some("praised")),
            (
                "the senator would bring change to the valley",
                Some("Vale"),
                Some("said")
            ),
        ]
    );
}

#[test]
fn a_second_past_cue_after_a_comma_starts_a_claim_of_its_own() {
    let found =
        run("He later suggested her plan had failed, called her \"third-rate\" and left the hall.")
            .0;
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].content, "her plan had failed");
    assert_eq!(found[1].cue.as_deref(), Some("called"));
    assert_eq!(found[1].source.as_deref(), Some("He"));
    // A participle phrase set off by commas is part of the clause.
    let found = run("Vale said the plan, backed by the mayor, would fail.").0;
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].content,
        "the plan, backed by the mayor, would fail"
    );
}

#[test]
fn a_participle_coordinated_with_another_after_the_comma_takes_the_main_subject() {
    let found = run("He ducked, pointing to his record on the council and saying that busy mayors are overrated.").0;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].source.as_deref(), Some("He"));
    assert_eq!(found[0].content, "busy mayors are overrated");
}

#[test]
fn a_tag_that_opens_with_its_verb_names_the_speaker_after_it() {
    for (text, source) in [
        (
            "Said Ann Ode, who grew up with Vale in the harbour district, \"We were all so proud of her.\"",
            "Ann Ode",
        ),
        (
            "Said one resident: \"The ferry is our only road.\"",
            "one resident",
        ),
    ] {
        assert_eq!(
            sources(text),
            [(source.to_string(), "Said".to_string())],
            "{text:?}"
        );
    }
}

#[test]
fn a_quotation_after_its_tag_may_be_followed_by_another_verb_of_the_speaker() {
    for (text, cue, content) in [
        (
            "Ode told reporters, \"It is time to end his career for good,\" and left the hall.",
            "told",
            "It is time to end his career for good",
        ),
        (
            "Vale said to reporters: \"We will appeal.\"",
            "said",
            "We will appeal.",
        ),
    ] {
        let found = run(text).0;
        assert_eq!(found.len(), 1, "{text:?}");
        assert_eq!(found[0].cue.as_deref(), Some(cue), "{text:?}");
        assert_eq!(found[0].content, content, "{text:?}");
    }
}

#[test]
fn a_stance_word_before_the_comma_of_a_quotation_is_no_tag() {
    let found = run("Ryan said it is unrealistic to think that if the country pulls back, \"our oceans are going to save us.\"").0;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].source.as_deref(), Some("Ryan"));
    assert_eq!(found[0].cue.as_deref(), Some("said"));
}

#[test]
fn a_role_then_a_name_with_its_place_before_said_is_the_speaker() {
    for text in [
        "The pollster, Dana Ruiz of Valdera University, said her survey of voters showed support for the levy.",
        "Another pollster, Dana Ruiz of Valdera University, said support for the levy was steady.",
    ] {
        let found = run(text).0;
        assert_eq!(found.len(), 1, "{text:?}");
        assert_eq!(
            found[0].source.as_deref(),
            Some("Dana Ruiz of Valdera University"),
            "{text:?}"
        );
        assert_eq!(found[0].cue.as_deref(), Some("said"), "{text:?}");
    }
}
