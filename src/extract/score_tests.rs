use super::super::tokens::tokenize;
use super::*;

fn feats(text: &str) -> Features {
    features(text, &tokenize(text, Span::new(0, text.len())))
}

#[test]
fn money_with_scale() {
    let f = feats("Reserves are worth an estimated $14.8 trillion.");
    assert_eq!(f.figures, ["amount: $14.8 trillion"]);
    assert!(f.has_statistic);
}

#[test]
fn percentages_in_words_and_symbols() {
    assert_eq!(
        feats("About 70 percent rose.").figures,
        ["percentage: 70 percent"]
    );
    assert_eq!(feats("It fell 4.5% in May.").figures, ["percentage: 4.5%"]);
    assert_eq!(
        feats("Some 37 per cent agreed.").figures,
        ["percentage: 37 per cent"]
    );
}

#[test]
fn currency_words() {
    assert_eq!(
        feats("It cost 1.9 million euros.").figures,
        ["amount: 1.9 million euros"]
    );
    assert_eq!(feats("a pounds 1bn deal").figures, ["amount: pounds 1bn"]);
}

#[test]
fn rankings_and_counts() {
    let f = feats("It is the third-largest port and employs 2,000 people.");
    assert_eq!(f.figures, ["ranking: third-largest", "number: 2,000"]);
}

#[test]
fn years_are_dates_not_statistics() {
    let f = feats("The plan was unveiled in October 2024.");
    assert!(!f.has_statistic);
    assert_eq!(f.dates, ["October 2024"]);
}

#[test]
fn boilerplate_scores_low() {
    let f = feats("The ministry did not respond to a request for comment.");
    assert!(f.boilerplate);
    assert!(score(false, false, &f) < FACT_THRESHOLD);
}

#[test]
fn statistic_beats_reported_kind() {
    let f = feats("Output rose 4 percent.");
    assert_eq!(kind_for(false, true, &f), ClaimKind::Statistic);
    assert_eq!(kind_for(true, true, &f), ClaimKind::Quote);
    assert_eq!(
        kind_for(false, true, &feats("It will open.")),
        ClaimKind::Reported
    );
}

#[test]
fn score_is_in_range() {
    let f = feats("Is it true?");
    let s = score(false, false, &f);
    assert!((0.0..=1.0).contains(&s));
    assert!(s < FACT_THRESHOLD);
}

fn cw(text: &str) -> f32 {
    check_worthiness(text, 0.0).0
}

#[test]
fn specific_claims_rank_above_opinion_promises_and_boilerplate() {
    let stat = "Unemployment in Halden County rose to 6.3 percent in June, the Labour \
                Office said, the highest since 2011.";
    let actor = "Mayor Idris Vance cut the parks budget by $4 million last year.";
    let opinion = "I think people are tired of all this and they want something better.";
    let promise = "We will fight for you every single day, and we will never give up.";
    let boiler = "A spokeswoman for the port did not respond to a request for comment.";
    for worthy in [stat, actor] {
        assert!(is_check_worthy(cw(worthy)), "{worthy}: {}", cw(worthy));
        for vague in [opinion, promise, boiler] {
            assert!(cw(worthy) > cw(vague), "{worthy} vs {vague}");
            assert!(!is_check_worthy(cw(vague)), "{vague}: {}", cw(vague));
        }
    }
}

#[test]
fn reasons_say_why() {
    let (s, why) = check_worthiness("Mayor Idris Vance cut the parks budget by $4 million.", 0.0);
    assert!(is_check_worthy(s));
    assert!(why.starts_with("check-worthy: a figure"), "{why}");
    assert!(why.contains("wording '"), "{why}");
    let (s, why) = check_worthiness("I think we should all be proud of that.", 0.0);
    assert!(!is_check_worthy(s));
    assert!(
        why.starts_with("not check-worthy: opinion wording"),
        "{why}"
    );
    assert!(why.contains("no figure, date or name"), "{why}");
    let (_, why) = check_worthiness("The agency did not respond to a request for comment.", 0.0);
    assert!(
        why.starts_with("not check-worthy: newsroom boilerplate"),
        "{why}"
    );
}

#[test]
fn the_sentence_around_a_claim() {
    let text = "Rates rose. Ms. Ode said the fund lost 4 percent. Then it rained.\nNext line.";
    let claim = text
        .find("the fund")
        .map_or(Span::new(0, 0), |a| Span::new(a, a + 8));
    let got = sentence_around(text, claim);
    assert_eq!(got.slice(text), Some("Ode said the fund lost 4 percent."));
    let all = Span::new(0, text.len());
    assert_eq!(sentence_around(text, all), all);
    assert_eq!(sentence_around(text, Span::new(3, 200)), Span::new(3, 200));
    let next = text
        .find("Next")
        .map_or(Span::new(0, 0), |a| Span::new(a, a + 4));
    assert_eq!(sentence_around(text, next).slice(text), Some("Next line."));
}

#[test]
fn the_threshold_is_inclusive() {
    assert!(is_check_worthy(CHECK_WORTHY));
    assert!(!is_check_worthy(0.49));
}

proptest::proptest! {
    #[test]
    fn scores_stay_in_range_for_any_text(text in "\\PC{0,200}", a in 0usize..220, b in 0usize..220) {
        let (s, why) = check_worthiness(&text, 0.3);
        proptest::prop_assert!((0.0..=1.0).contains(&s));
        proptest::prop_assert!(((s * 100.0).round() - s * 100.0).abs() < 1e-3);
        proptest::prop_assert!(why.contains("check-worthy"));
        let span = Span::new(a.min(b), a.max(b));
        let around = sentence_around(&text, span);
        if span.slice(&text).is_some() {
            proptest::prop_assert!(around.slice(&text).is_some());
            proptest::prop_assert!(around.start <= span.start && around.end >= span.end);
        }
    }
}
