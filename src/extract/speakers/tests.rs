use super::*;
use crate::extract::phrases::{np_before, skip_back_adverbials};
use crate::extract::tokens::tokenize;

/// Resolves the subject of `verb` in each sentence in turn; returns entity names.
fn resolve_all(sentences: &[(&str, &str)]) -> (Vec<String>, Resolver) {
    let mut r = Resolver::default();
    let mut out = Vec::new();
    for (text, verb) in sentences {
        let toks = tokenize(text, Span::new(0, text.len()));
        let i = toks.iter().position(|t| t.lower == *verb).expect("verb");
        let end = skip_back_adverbials(&toks, 0, i);
        let np = np_before(text, &toks, 0, end).expect("subject");
        let res = r.resolve(text, &toks, &np).expect("resolved");
        r.spoke(res.entity, np.span.start);
        out.push(r.entities()[res.entity].name.clone());
        r.observe_names(text, &toks, &[]);
    }
    (out, r)
}

#[test]
fn role_prefix_is_split_from_name() {
    let (names, r) = resolve_all(&[("Fisheries Minister Ines Vale said it", "said")]);
    assert_eq!(names, ["Ines Vale"]);
    assert_eq!(r.entities()[0].role.as_deref(), Some("Fisheries Minister"));
    assert_eq!(r.entities()[0].kind, SourceKind::Person);
}

#[test]
fn surname_and_pronoun_resolve_to_same_person() {
    let (names, _) = resolve_all(&[
        ("Finance Minister Tomas Reyes said it", "said"),
        ("Reyes added more", "added"),
        ("he said so", "said"),
    ]);
    assert_eq!(names, ["Tomas Reyes", "Tomas Reyes", "Tomas Reyes"]);
}

#[test]
fn title_and_surname_match() {
    let (names, _) = resolve_all(&[
        ("Feroz Abbasi said it", "said"),
        ("Mr. Abbasi said it", "said"),
    ]);
    assert_eq!(names, ["Feroz Abbasi", "Feroz Abbasi"]);
}

#[test]
fn role_noun_resolves_to_latest_holder() {
    let (names, _) = resolve_all(&[
        ("Grace Tembo, deputy minister for water, said it", "said"),
        ("The fund opened, the minister said", "said"),
    ]);
    assert_eq!(names, ["Grace Tembo", "Grace Tembo"]);
}

#[test]
fn she_skips_a_male_speaker() {
    let (names, _) = resolve_all(&[
        ("Ms. Ana Ruiz said it", "said"),
        ("Mr. Tom Bell said it", "said"),
        ("she said", "said"),
    ]);
    assert_eq!(names[2], "Ana Ruiz");
}

#[test]
fn acronym_matches_organisation() {
    let (names, r) = resolve_all(&[
        ("the Financial Times has reported", "reported"),
        ("sources tell the FT", "tell"),
        ("FT reports it", "reports"),
    ]);
    assert_eq!(names[0], "Financial Times");
    assert_eq!(names[2], "Financial Times");
    assert_eq!(r.entities()[0].kind, SourceKind::Organization);
}

#[test]
fn org_role_makes_organisation() {
    let (names, r) = resolve_all(&[("Danish risk firm Halvard estimated it", "estimated")]);
    assert_eq!(names, ["Halvard"]);
    assert_eq!(r.entities()[0].kind, SourceKind::Organization);
}

#[test]
fn unnamed_sources_are_unnamed() {
    let (names, r) = resolve_all(&[("officials said", "said")]);
    assert_eq!(names, ["officials"]);
    assert_eq!(r.entities()[0].kind, SourceKind::Unnamed);
}

#[test]
fn definite_company_resolves_to_latest_org() {
    let (names, _) = resolve_all(&[
        ("Harlow Semiconductor Corp. said it", "said"),
        ("the company said", "said"),
    ]);
    assert_eq!(names[1], names[0]);
}

#[test]
fn pronoun_finds_person_named_in_text() {
    let mut r = Resolver::default();
    let text = "President Ana Ruiz visited the dam.";
    r.observe_names(text, &tokenize(text, Span::new(0, text.len())), &[]);
    let res = r.pronoun("she", Span::new(0, 3));
    assert_eq!(r.entities()[res.entity].name, "Ana Ruiz");
}

#[test]
fn role_words_inside_an_organisation_name() {
    let (names, r) = resolve_all(&[("The Dock Workers' Union said it", "said")]);
    assert_eq!(names, ["Dock Workers' Union"]);
    assert_eq!(r.entities()[0].kind, SourceKind::Organization);
}

#[test]
fn plural_last_word_names_a_business() {
    let (_, r) = resolve_all(&[
        ("Northwest Container Terminals said it", "said"),
        ("Bernie Sanders said it", "said"),
    ]);
    assert_eq!(r.entities()[0].kind, SourceKind::Organization);
    assert_eq!(r.entities()[1].kind, SourceKind::Person);
}

#[test]
fn the_company_is_not_the_union() {
    let (names, _) = resolve_all(&[
        ("Northwest Container Terminals said it", "said"),
        ("The Dock Workers' Union said it", "said"),
        ("the company said", "said"),
    ]);
    assert_eq!(names[2], "Northwest Container Terminals");
}

/// `n` people named in full, one sentence each: "Given{i} Surname{i} said it".
fn many_people(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let letters: String = format!("{i:04}")
                .chars()
                .map(|d| char::from(b'a' + (d as u8 - b'0')))
                .collect();
            format!("Aldo V{letters} said it")
        })
        .collect()
}

#[test]
fn a_surname_finds_its_person_among_thousands() {
    let sentences = many_people(3_000);
    let mut pairs: Vec<(&str, &str)> = sentences.iter().map(|s| (s.as_str(), "said")).collect();
    pairs.push(("Mr. Vbaaa said it", "said"));
    let (names, r) = resolve_all(&pairs);
    assert_eq!(names.last().map(String::as_str), Some("Aldo Vbaaa"));
    assert_eq!(r.entities().len(), 3_000);
}

#[test]
fn pronouns_look_back_over_recent_entities_only() {
    let mut pairs = vec![("Ana Ruiz said it", "said")];
    let orgs: Vec<String> = (0..registry::RECENT)
        .map(|i| format!("The Harbour Board {i} said it"))
        .collect();
    pairs.extend(orgs.iter().map(|s| (s.as_str(), "said")));
    pairs.push(("she said so", "said"));
    let (names, _) = resolve_all(&pairs);
    assert_eq!(names.last().map(String::as_str), Some(UNIDENTIFIED));
    // Within the window she is found.
    let (names, _) = resolve_all(&[
        ("Ana Ruiz said it", "said"),
        ("The Harbour Board said it", "said"),
        ("she said so", "said"),
    ]);
    assert_eq!(names[2], "Ana Ruiz");
}

#[test]
fn an_alias_added_later_is_found() {
    let (names, _) = resolve_all(&[
        ("Financial Times said it", "said"),
        ("the FT said it", "said"),
        ("FT said it", "said"),
    ]);
    assert_eq!(
        names,
        ["Financial Times", "Financial Times", "Financial Times"]
    );
}

#[test]
fn public_bodies_by_any_ending() {
    for name in [
        "US Congress",
        "Dock Workers' Union",
        "the Union's board",
        "Ministry of Agriculture",
        "Allied Trade Unions",
        "Opposition Parties",
        "Farm Agencies",
        "Congress",
    ] {
        assert!(is_public_body(name), "{name}");
    }
    for name in [
        "Acme Steel",
        "Northwest Container Terminals",
        "Gazprom Bank",
    ] {
        assert!(!is_public_body(name), "{name}");
    }
}

#[test]
fn the_company_is_not_congress() {
    let (names, _) = resolve_all(&[
        ("Northwest Container Terminals said it", "said"),
        ("The United States Congress said it", "said"),
        ("the company said", "said"),
    ]);
    assert_eq!(names[2], "Northwest Container Terminals");
}

#[test]
fn a_common_noun_opening_the_sentence_is_no_organisation() {
    // Capitalised only because it starts the sentence.
    let (names, r) = resolve_all(&[
        ("Officials said the bridge would reopen", "said"),
        ("Engineers plan to close one lane", "plan"),
    ]);
    assert_eq!(names, ["Officials", "Engineers"]);
    assert!(r.entities().iter().all(|e| e.kind == SourceKind::Unnamed));
    // A one-word name in the same place still names an organisation.
    let (_, r) = resolve_all(&[("Harrowgate said the deal was off", "said")]);
    assert_eq!(r.entities()[0].kind, SourceKind::Organization);
}
