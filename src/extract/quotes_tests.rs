use super::*;

fn inner(text: &str) -> Vec<String> {
    let span = Span::new(0, text.len());
    find_quotes(text, span)
        .iter()
        .map(|q| q.inner(text.len()).slice(text).unwrap_or("?").to_string())
        .collect()
}

#[test]
fn straight_double_quotes_pair() {
    assert_eq!(
        inner(r#""We won," she said. "Again.""#),
        ["We won,", "Again."]
    );
}

#[test]
fn curly_quotes_pair() {
    assert_eq!(inner("“Not now,” he said."), ["Not now,"]);
}

#[test]
fn a_curly_mark_turned_the_wrong_way_plays_the_part_its_place_gives_it() {
    assert_eq!(
        inner("“It is unusual,“ said Ines Vale. “Very unusual.”"),
        ["It is unusual,", "Very unusual."]
    );
    assert_eq!(
        inner("Ode said: ”We will not sell.”"),
        ["We will not sell."]
    );
    // Marks the right way round are left as they are.
    assert_eq!(
        inner("“Not now,” he said. (“Later.”)"),
        ["Not now,", "Later."]
    );
    assert_eq!(
        inner("She called it “the “best” plan”."),
        ["the “best” plan"]
    );
}

#[test]
fn nested_single_quotes_stay_inside() {
    assert_eq!(
        inner(r#""When I say 'partners,' I mean firms," he said."#),
        ["When I say 'partners,' I mean firms,"]
    );
}

#[test]
fn apostrophes_are_not_quotes() {
    assert_eq!(inner("Rover’s plan isn't 'dead', don’t worry."), ["dead"]);
}

#[test]
fn open_ended_quote_runs_to_paragraph_end() {
    let text = "\"We have them in the North. We will sell.";
    let quotes = find_quotes(text, Span::new(0, text.len()));
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].close, None);
    assert_eq!(
        quotes[0].inner(text.len()).slice(text),
        Some("We have them in the North. We will sell.")
    );
}

#[test]
fn reopened_quote_on_one_line_starts_a_new_quote() {
    assert_eq!(
        inner(r#"He said: "It was a waste of money. "Nobody came.""#),
        ["It was a waste of money. ", "Nobody came."]
    );
}

#[test]
fn tex_style_quotes() {
    assert_eq!(inner("``It works,'' she said."), ["It works,"]);
}

#[test]
fn doubled_apostrophes_as_both_marks() {
    assert_eq!(
        inner("''It costs too much,'' she said."),
        ["It costs too much,"]
    );
}

#[test]
fn single_quote_headline() {
    assert_eq!(
        inner("Rover deal 'may cost 2,000 jobs'"),
        ["may cost 2,000 jobs"]
    );
}

#[test]
fn quote_after_colon() {
    assert_eq!(inner("He said:\"Go.\""), ["Go."]);
}

#[test]
fn a_long_run_of_straight_quotes_pairs_them_in_order() {
    let text = "\"".repeat(40_000);
    let quotes = find_quotes(&text, Span::new(0, text.len()));
    assert_eq!(quotes.len(), 20_000);
    assert!(
        quotes
            .iter()
            .enumerate()
            .all(|(k, q)| { q.open.start == 2 * k && q.close.map(|c| c.start) == Some(2 * k + 1) })
    );
}

#[test]
fn repeated_scare_quotes_are_one_quote_each() {
    let text = "\"ok\" ".repeat(19_000);
    let found = inner(&text);
    assert_eq!(found.len(), 19_000);
    assert!(found.iter().all(|q| q == "ok"));
}

#[test]
fn a_run_of_apostrophes_pairs_as_doubled_marks() {
    let text = "'".repeat(95_000);
    let quotes = find_quotes(&text, Span::new(0, text.len()));
    // Two apostrophes make one mark; the marks pair up, 4 apostrophes a quote.
    assert_eq!(quotes.len(), 95_000 / 4);
    assert!(quotes.iter().all(|q| q.inner(text.len()).is_empty()));
}

#[test]
fn unclosed_single_openers_leave_no_quote() {
    let text = "‘".repeat(40_000);
    assert!(find_quotes(&text, Span::new(0, text.len())).is_empty());
}

#[test]
fn a_closer_after_many_open_singles_closes_the_innermost() {
    let text = format!("{}a’ “b”", "‘".repeat(1_000));
    // The singles never close at top level; the double inside them is nested.
    assert!(inner(&text).is_empty());
    assert_eq!(inner("‘a ‘b’ c’ “d”"), ["a ‘b’ c", "d"]);
}

#[test]
fn a_missing_straight_closer_does_not_swallow_the_paragraph() {
    // The writer opened a quote inside a quote and closed only once: the later
    // quotes still pair, and nothing runs to the paragraph end.
    let text = r#"He said it was "bold, but had not been "enough to go on". She added: "It was not the only one." The panel saw "a mood of hope" there."#;
    assert_eq!(
        inner(text),
        [
            r#"bold, but had not been "enough to go on"#,
            "It was not the only one.",
            "a mood of hope"
        ]
    );
    assert!(
        find_quotes(text, Span::new(0, text.len()))
            .iter()
            .all(|q| q.close.is_some())
    );
}

#[test]
fn nested_straight_quotes_that_close_stay_nested() {
    let text = r#""He told me "no" twice," she said."#;
    assert_eq!(inner(text), [r#"He told me "no" twice,"#]);
    // Open at the end with no nesting: the quote continues in the next paragraph.
    assert_eq!(inner(r#"She said: "We go on."#), ["We go on."]);
}

#[test]
fn opener_detection() {
    assert!(starts_with_opener("  “Yes.", Span::new(0, 8)));
    assert!(!starts_with_opener("Yes.", Span::new(0, 4)));
}
