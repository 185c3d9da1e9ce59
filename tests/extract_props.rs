//! Extraction takes any text: it never panics, and every span it reports lies on char
//! boundaries of the text with `text == text[start..end]`.

use claimdesk::extract::extract_text;
use proptest::prelude::*;

fn check(text: &str) {
    let x = extract_text(text);
    for c in &x.claims {
        let t = c.span.slice(text).expect("claim span on char boundaries");
        assert!(!t.is_empty());
        assert!((0.0..=1.0).contains(&c.score));
        if let Some(cue) = &c.cue {
            assert_eq!(cue.span.slice(text), Some(cue.text.as_str()));
        }
        if let Some(m) = c.source.and_then(|s| s.mention) {
            assert!(m.slice(text).is_some(), "mention on char boundaries");
        }
        if let Some(s) = c.source {
            assert!(x.sources.iter().any(|r| r.id == s.id), "source registered");
        }
    }
    for s in &x.sources {
        for m in &s.mentions {
            assert!(m.slice(text).is_some());
        }
    }
}

/// Text built from newsroom-like pieces, so the attribution patterns actually fire.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("'".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just(" said ".to_string()),
        Just(" according to ".to_string()),
        Just("he ".to_string()),
        Just("Mr. Ode ".to_string()),
        Just("Finance Minister Ana Ruiz".to_string()),
        Just("$14.8 trillion ".to_string()),
        Just("37 percent ".to_string()),
        Just("are reported to ".to_string()),
        Just(": ".to_string()),
        Just("— ".to_string()),
        Just("é🎉".to_string()),
        "[a-zA-Z ]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn any_string_never_panics(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn newsroom_fragments_never_panic(text in newsy()) {
        check(&text);
    }
}
