use super::*;

fn built_in() -> &'static Model {
    match model() {
        Ok(m) => m,
        Err(e) => panic!("the built-in weights do not parse: {e}"),
    }
}

fn p(text: &str) -> f32 {
    built_in().assess(text).probability
}

#[test]
fn weights_parse_with_their_header() {
    assert!(WEIGHTS.starts_with(WEIGHTS_HEADER));
    assert!(WEIGHTS.contains("Written by tools/train_checkworthiness.py"));
    assert!(WEIGHTS.len() < 300_000, "{} bytes", WEIGHTS.len());
    let m = built_in();
    assert!(m.terms() > 1000, "{} terms", m.terms());
    assert!(m.rule_weight(Rule::Figure) > 0.0);
    assert!(m.rule_weight(Rule::Question) < 0.0);
}

#[test]
fn malformed_weights_name_the_line() {
    let head = format!("{WEIGHTS_HEADER}\n");
    assert!(Model::parse("bias\t1\n").is_err());
    let bad = format!("{head}bias\tx\n");
    assert_eq!(
        Model::parse(&bad).err().as_deref(),
        Some("line 2: \"x\" is not a weight")
    );
    let three = format!("{head}bias\t0\nterm\ta b c\t1\n");
    assert!(Model::parse(&three).is_err_and(|e| e.starts_with("line 3:")));
    let twice = format!("{head}bias\t0\nterm\tsaid\t1\nterm\tsaid\t2\n");
    assert!(Model::parse(&twice).is_err_and(|e| e.contains("repeats")));
    let no_rules = format!("{head}bias\t0\n");
    assert!(Model::parse(&no_rules).is_err_and(|e| e.contains("rule")));
}

/// The training script wrote the probabilities of invented sentences with the same
/// weights; the Rust side computes the same.
#[test]
fn matches_the_training_script() {
    let fixture = include_str!("learned_fixture.tsv");
    let mut checked = 0;
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        let Some((want, text)) = line.split_once('\t') else {
            panic!("fixture line without a tab: {line:?}");
        };
        let want: f32 = want.parse().unwrap_or(f32::NAN);
        let got = p(text);
        assert!((got - want).abs() < 2e-5, "{text:?}: {got} != {want}");
        checked += 1;
    }
    assert!(checked >= 10);
}

#[test]
fn tokens_normalise_case_and_digits() {
    assert_eq!(keys("Rose 4.5%"), keys("rose 0.0 %"));
    assert_eq!(keys("$12,000"), keys("$ 0 0"));
    assert_eq!(keys("1990s"), keys("0s"));
    assert_ne!(keys("ab"), keys("a b"));
    assert_eq!(
        term_key("said that"),
        Some(pair(keys("said")[0], keys("that")[0]))
    );
    assert_eq!(keys(" -- ... "), Vec::<u64>::new());
}

#[test]
fn rule_features() {
    let m = built_in();
    let a = m.assess("Prices in Dunmore rose 7 percent in 2023?");
    assert!(a.rule(Rule::Figure) > 0.99);
    assert!(a.rule(Rule::Year) > 0.99);
    assert!(a.rule(Rule::Question) > 0.99);
    assert_eq!(a.names, 1);
    let b = m.assess("You should go.");
    assert!(b.rule(Rule::Opinion) > 0.99);
    assert!(b.rule(Rule::Short) > 0.99);
    assert!(b.rule(Rule::Figure) < 0.01);
}

#[test]
fn every_boilerplate_phrase_holds_a_trigger_word() {
    let m = built_in();
    for phrase in lexicon::BOILERPLATE.entries() {
        assert!(
            keys(phrase)
                .iter()
                .any(|k| m.terms.get(k).is_some_and(|e| e.flags & TRIGGER_WORD != 0)),
            "{phrase:?}"
        );
    }
}

#[test]
fn boilerplate_is_capped() {
    let a = built_in().assess(
        "Officials at Halvorsen Mining did not respond to a request for comment on the 40 layoffs.",
    );
    assert!(a.boilerplate);
    assert!(a.probability <= BOILERPLATE_CAP);
}

#[test]
fn strongest_terms_are_kept_once_each() {
    let text = "Exports rose 12 percent, then 14 percent, then 9 percent.";
    let a = built_in().assess(text);
    assert!(!a.raising.is_empty() && a.raising.len() <= 3);
    let mut words: Vec<&str> = a.raising.iter().map(|t| &text[t.start..t.end]).collect();
    let n = words.len();
    words.sort_unstable();
    words.dedup();
    assert_eq!(words.len(), n);
    for w in a.raising.windows(2) {
        assert!(w[0].weight >= w[1].weight);
    }
}
