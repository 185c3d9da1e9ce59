use super::*;
use crate::extract::quotes::find_quotes;
use crate::extract::tokens::tokenize;

pub(super) struct Out {
    pub(super) content: String,
    pub(super) source: Option<String>,
    pub(super) cue: Option<String>,
    pattern: Pattern,
    role: Option<String>,
}

pub(super) fn run(text: &str) -> (Vec<Out>, Analysis) {
    let span = Span::new(0, text.len());
    let toks = tokenize(text, span);
    let quotes = find_quotes(text, span);
    let s = Sentence {
        text,
        span,
        toks: &toks,
        quotes: &quotes,
        para_end: text.len(),
    };
    let a = analyze(&s);
    let slice = |sp: Span| text[sp.start..sp.end].to_string();
    let outs = a
        .found
        .iter()
        .map(|f| Out {
            content: slice(f.content),
            source: f.source.map(|n| slice(n.span)),
            cue: f.cue.map(slice),
            pattern: f.pattern,
            role: f.source.and_then(|n| n.appositive).map(slice),
        })
        .collect();
    (outs, a)
}

fn one(text: &str) -> Out {
    let (mut outs, _) = run(text);
    assert!(!outs.is_empty(), "nothing found in {text:?}");
    outs.remove(0)
}

#[test]
fn quote_then_name_said() {
    let o = one("\"The bridge is safe,\" Moriarty said.");
    assert_eq!(o.content, "The bridge is safe");
    assert_eq!(o.source.as_deref(), Some("Moriarty"));
    assert_eq!(o.cue.as_deref(), Some("said"));
    assert_eq!(o.pattern, Pattern::QuoteThenTag);
}

#[test]
fn quote_then_said_name_with_role() {
    let o = one("“Tolls will rise,” said Aoife Dunne, a council spokeswoman.");
    assert_eq!(o.content, "Tolls will rise");
    assert_eq!(o.source.as_deref(), Some("Aoife Dunne"));
    assert_eq!(o.role.as_deref(), Some("a council spokeswoman"));
}

#[test]
fn quote_then_pronoun_added() {
    let o = one("\"We will not back down,\" she added on Tuesday.");
    assert_eq!(o.source.as_deref(), Some("she"));
    assert_eq!(o.cue.as_deref(), Some("added"));
}

#[test]
fn question_quote_then_tag() {
    let o = one("\"Who pays for this?\" asked the mayor.");
    assert_eq!(o.content, "Who pays for this?");
    assert_eq!(o.source.as_deref(), Some("the mayor"));
}

#[test]
fn tag_then_colon_quote() {
    let o = one("Gov. Helen Marsh said: \"This plant changes everything.\"");
    assert_eq!(o.content, "This plant changes everything.");
    assert_eq!(o.source.as_deref(), Some("Gov. Helen Marsh"));
    assert_eq!(o.pattern, Pattern::TagThenQuote);
}

#[test]
fn tag_with_long_adverbial_then_quote() {
    let o = one("Ode said in an interview with Tom Bell, a radio host: \"We are ready to talk.\"");
    assert_eq!(o.content, "We are ready to talk.");
    assert_eq!(o.source.as_deref(), Some("Ode"));
}

#[test]
fn split_quote_is_one_claim() {
    let o = one("\"We are ready,\" he said, \"to talk to anyone.\"");
    assert_eq!(o.content, "We are ready,\" he said, \"to talk to anyone.");
    assert_eq!(o.source.as_deref(), Some("he"));
}

#[test]
fn reported_speech_with_time_and_no_that() {
    let o = one("Vale said on Monday he would grant access to the mines.");
    assert_eq!(o.content, "he would grant access to the mines");
    assert_eq!(o.source.as_deref(), Some("Vale"));
    assert_eq!(o.pattern, Pattern::SubjectVerb);
}

#[test]
fn reported_speech_with_that() {
    let o = one("The ministry announced that the fund would open in March.");
    assert_eq!(o.content, "the fund would open in March");
    assert_eq!(o.source.as_deref(), Some("The ministry"));
}

#[test]
fn told_skips_the_listener() {
    let o = one("Rover told BBC News that reports of job cuts were \"speculation\".");
    assert_eq!(o.content, "reports of job cuts were \"speculation\"");
    assert_eq!(o.source.as_deref(), Some("Rover"));
    assert_eq!(o.cue.as_deref(), Some("told"));
}

#[test]
fn said_with_an_infinitive_of_purpose_before_the_clause() {
    let o = one("The chief auditor said to balance the books the city would have to cut 40 posts.");
    assert_eq!(
        o.content,
        "to balance the books the city would have to cut 40 posts"
    );
    assert_eq!(o.source.as_deref(), Some("The chief auditor"));
    // An order with no clause after it is no claim of the speaker's.
    assert!(
        run("The coach said to wait.")
            .0
            .iter()
            .all(|o| o.source.is_none())
    );
}

#[test]
fn estimated_that() {
    let o =
        one("In 2022, risk firm Halvard estimated that the strike had cost $3.1 billion in cargo.");
    assert_eq!(o.content, "the strike had cost $3.1 billion in cargo");
    assert_eq!(o.source.as_deref(), Some("risk firm Halvard"));
}

#[test]
fn appositive_subject() {
    let o = one(
        "Grace Tembo, deputy minister for water resources, said on Monday that the dams were full.",
    );
    assert_eq!(o.source.as_deref(), Some("Grace Tembo"));
    assert_eq!(
        o.role.as_deref(),
        Some("deputy minister for water resources")
    );
    assert_eq!(o.content, "the dams were full");
}

#[test]
fn inverted_tag_at_end() {
    let o = one("Some 2,000 jobs may be cut, the Financial Times has reported.");
    assert_eq!(o.content, "Some 2,000 jobs may be cut");
    assert_eq!(o.source.as_deref(), Some("the Financial Times"));
    assert_eq!(o.pattern, Pattern::InvertedTag);
}

#[test]
fn inverted_said_name() {
    let o = one("The toll will double by 2030, said Declan Moriarty, the city treasurer.");
    assert_eq!(o.content, "The toll will double by 2030");
    assert_eq!(o.source.as_deref(), Some("Declan Moriarty"));
    assert_eq!(o.role.as_deref(), Some("the city treasurer"));
}

#[test]
fn unnamed_sources_tell() {
    let o =
        one("The firm plans to shift production, sources close to the negotiations tell the FT.");
    assert_eq!(
        o.source.as_deref(),
        Some("sources close to the negotiations")
    );
    assert_eq!(o.content, "The firm plans to shift production");
}

#[test]
fn according_to_first() {
    let o =
        one("According to Harbour Gazette, approximately 70 percent of berths lie in the east.");
    assert_eq!(
        o.content,
        "approximately 70 percent of berths lie in the east"
    );
    assert_eq!(o.source.as_deref(), Some("Harbour Gazette"));
    assert_eq!(o.cue.as_deref(), Some("According to"));
}

#[test]
fn according_to_last() {
    let o = one("Traffic rose 10% last year, according to the National Roads Office.");
    assert_eq!(o.content, "Traffic rose 10% last year");
    assert_eq!(o.source.as_deref(), Some("the National Roads Office"));
}

#[test]
fn passive_report_has_no_source() {
    let o = one("Kyiv and Washington are reported to be closing in on a deal.");
    assert_eq!(o.pattern, Pattern::Passive);
    assert_eq!(o.source, None);
    assert_eq!(o.cue.as_deref(), Some("are reported to"));
}

#[test]
fn adding_gives_second_claim() {
    let (outs, _) = run("Reyes said the fund was empty, adding that more money would come in May.");
    assert_eq!(outs.len(), 2);
    assert_eq!(outs[0].content, "the fund was empty");
    assert_eq!(outs[1].content, "more money would come in May");
    assert_eq!(outs[1].source.as_deref(), Some("Reyes"));
    assert_eq!(outs[1].pattern, Pattern::Participle);
}

#[test]
fn partial_quote_inside_reported_speech() {
    let o = one("Olga Ode said that the talks were \"in the final stages.\"");
    assert!(o.kind_is_reported());
    assert_eq!(o.content, "the talks were \"in the final stages.\"");
}

#[test]
fn speaker_with_no_content_is_pending() {
    let (outs, a) = run("Vale said in an interview with a state channel.");
    assert!(outs.is_empty());
    assert!(a.pending.is_some());
}

#[test]
fn untagged_quote_sentence() {
    let (outs, a) = run("\"We have them in the north.\"");
    assert!(outs.is_empty());
    assert!(a.untagged_quote.is_some());
}

#[test]
fn cognition_needs_a_clause() {
    let (outs, _) = run("Farmers expect rain.");
    assert!(outs.is_empty());
    let o = one("Analysts expect that prices will fall.");
    assert_eq!(o.source.as_deref(), Some("Analysts"));
}

#[test]
fn plain_sentence_has_no_attribution() {
    let (outs, a) = run("The bridge opened in 1962 and carries 40,000 cars a day.");
    assert!(outs.is_empty());
    assert!(a.pending.is_none());
}

#[test]
fn infinitive_say_is_not_a_cue() {
    // "say" after "to" is no cue of its own; the refusal is the company's stance.
    let (outs, _) = run("The company declined to say how many jobs would go.");
    assert_eq!(outs.len(), 1);
    assert_eq!(outs[0].cue.as_deref(), Some("declined"));
    assert_eq!(outs[0].source.as_deref(), Some("The company"));
    let (outs, _) = run("The company is not able to say how many jobs would go.");
    assert!(outs.is_empty());
}

impl Out {
    fn kind_is_reported(&self) -> bool {
        self.pattern == Pattern::SubjectVerb
    }
}

#[test]
fn as_clause_attributes_the_main_clause() {
    let o = one("As Menendez pointed out, court rulings have a lasting impact.");
    assert_eq!(o.content, "court rulings have a lasting impact");
    assert_eq!(o.source.as_deref(), Some("Menendez"));
    assert_eq!(o.cue.as_deref(), Some("pointed out"));
}

#[test]
fn as_clause_with_a_time_phrase() {
    let o = one("As the minister said on Monday, the dam is full.");
    assert_eq!(o.content, "the dam is full");
    assert_eq!(o.source.as_deref(), Some("the minister"));
}

#[test]
fn making_the_case_is_a_cue() {
    let o = one("Christie has been making the case for weeks that Rubio is not ready.");
    assert_eq!(o.content, "Rubio is not ready");
    assert_eq!(o.cue.as_deref(), Some("making the case"));
}

#[test]
fn noun_like_verb_after_a_name() {
    let o = one("Democrats, Frank notes, applaud the governor's management.");
    assert_eq!(o.source.as_deref(), Some("Frank"));
    assert_eq!(o.pattern, Pattern::InvertedTag);
}

#[test]
fn plainly_reported_speech_needs_no_speaking_noun() {
    let o = one("The front-runner complained that the contest had been rigged.");
    assert_eq!(o.source.as_deref(), Some("The front-runner"));
    assert_eq!(o.content, "the contest had been rigged");
}

#[test]
fn possessive_apostrophe_is_not_a_quote() {
    let (outs, _) = run("Their home states’ votes are tallied on March 15.");
    assert!(
        outs.is_empty(),
        "{:?}",
        outs.iter().map(|o| &o.content).collect::<Vec<_>>()
    );
}

#[test]
fn a_list_of_names_after_a_colon_is_no_claim() {
    let (outs, _) = run("South Carolina: Ann Ode, Bo Lee, Cy Moss, Di Park, Ed Hale.");
    assert!(outs.is_empty());
}

#[test]
fn a_capitalised_adverb_is_no_speaker() {
    let (outs, _) = run("Just ask the former coach about the season.");
    assert!(outs.is_empty());
}

#[test]
fn a_dateline_credit_is_only_a_setting() {
    let (outs, a) = run("Phillip reported from Oakland, Calif.; Gearan, from Washington.");
    assert!(outs.is_empty());
    assert!(a.pending.is_some());
}

#[test]
fn punct_runs_answer_as_the_scans_do() {
    let text = "— ( \"a\" , . ! “ b ” - [ c ) ' x";
    let toks = tokenize(text, Span::new(0, text.len()));
    let runs = words::PunctRuns::new(&toks);
    let n = toks.len();
    for from in 0..=n + 1 {
        for to in 0..=n + 1 {
            assert_eq!(
                runs.only_openers(from, to),
                words::only_openers(&toks, from, to),
                "openers {from}..{to}"
            );
            assert_eq!(
                runs.only_closers(from, to),
                words::only_closers(&toks, from, to),
                "closers {from}..{to}"
            );
        }
    }
}

#[test]
fn inside_quote_by_search_matches_a_scan() {
    let text = "He said \"a b\" and 'c d' then \"e f g\" and “h";
    let span = Span::new(0, text.len());
    let toks = tokenize(text, span);
    let quotes = find_quotes(text, span);
    let s = Sentence {
        text,
        span,
        toks: &toks,
        quotes: &quotes,
        para_end: text.len(),
    };
    let qt = quote_tokens(&s);
    assert!(qt.len() >= 3);
    for i in 0..=toks.len() {
        let scan = qt.iter().any(|q| q.open <= i && i <= q.close);
        assert_eq!(inside_quote(&qt, i), scan, "token {i}");
    }
}

#[test]
fn thousands_of_quotes_in_one_sentence_are_read_once() {
    // 95 KB of scare quotes: each quotation is a fragment nobody is named for.
    let text = "\"ok\" ".repeat(19_000);
    let (found, analysis) = run(&text);
    assert!(found.is_empty());
    assert_eq!(
        analysis.partial_quote.and_then(|p| p.slice(&text)),
        Some("ok")
    );
}

#[test]
fn a_time_adverb_after_the_verb_is_not_content() {
    for (text, content, source) in [
        (
            "She said before, the harbour is closed.",
            "the harbour is closed",
            "She",
        ),
        (
            "I said earlier, watch the harbour.",
            "watch the harbour",
            "I",
        ),
        (
            "Mayor Ode said again that the levy would stay.",
            "the levy would stay",
            "Mayor Ode",
        ),
    ] {
        let (outs, _) = run(text);
        let o = outs
            .first()
            .unwrap_or_else(|| panic!("nothing found in {text:?}"));
        assert_eq!(o.content, content, "{text:?}");
        assert_eq!(o.source.as_deref(), Some(source), "{text:?}");
    }
}

#[test]
fn a_linking_adverb_before_the_content_is_the_writers() {
    let o = one("Instead, prices rose 4 percent, the statistics office said.");
    assert_eq!(o.content, "prices rose 4 percent");
    assert_eq!(o.source.as_deref(), Some("the statistics office"));
    // Not before a comma, the adverb is part of what was said.
    let o = one("Prices still rose 4 percent, the statistics office said.");
    assert_eq!(o.content, "Prices still rose 4 percent");
}

#[test]
fn whoever_says_a_clause_speaks_whatever_the_noun() {
    for (text, source, content) in [
        (
            "The actress said she was tired of the status quo.",
            "The actress",
            "she was tired of the status quo",
        ),
        (
            "A delegate said he tried to give away his guest passes.",
            "A delegate",
            "he tried to give away his guest passes",
        ),
        (
            "Rep. Ana Ruiz (D-Ore.) said the harbour plan was dead.",
            "Rep. Ana Ruiz",
            "the harbour plan was dead",
        ),
    ] {
        let (outs, _) = run(text);
        let o = outs
            .first()
            .unwrap_or_else(|| panic!("nothing in {text:?}"));
        assert_eq!(o.source.as_deref(), Some(source), "{text:?}");
        assert_eq!(o.content, content, "{text:?}");
    }
    // A thing adding a figure still says nothing.
    let (outs, _) = run("The increase will add €500 to the average bill.");
    assert!(outs.iter().all(|o| o.source.is_none()));
}

#[test]
fn a_linking_adverb_between_commas_stands_outside_the_speaker() {
    for (text, source) in [
        (
            "The experts, however, said the plan was dead.",
            "The experts",
        ),
        (
            "Security officials, though, said the ferry would sail.",
            "Security officials",
        ),
    ] {
        let (outs, _) = run(text);
        let o = outs
            .first()
            .unwrap_or_else(|| panic!("nothing in {text:?}"));
        assert_eq!(o.source.as_deref(), Some(source), "{text:?}");
    }
}

#[test]
fn a_time_or_a_setting_is_never_the_speaker() {
    let (outs, _) = run(
        "\"The numbers put our campaign on pace,\" Jeff Warner, the senator's campaign manager, said in a statement.",
    );
    assert_eq!(outs[0].source.as_deref(), Some("Jeff Warner"));
    let (outs, _) = run("Wednesday, however, said nothing about the closure of the two wards.");
    assert!(
        outs.iter().all(|o| o.source.is_none()),
        "{:?}",
        outs[0].source
    );
}
