//! Numbers with their scale and unit, in one canonical form.
//!
//! `$14.8tn`, `$14.8 trillion`, `14.8 trillion dollars` and `US$14,800bn` all read as the
//! value 14,800,000,000,000 with the unit `dollar`; `37%`, `37 percent`, `37 per cent`
//! as 37 `percent`; `twelve` as 12.

/// Anything [`read`] can take words from.
pub(super) trait NumberWord {
    fn text(&self) -> &str;
}

/// Currency signs that may stand before a number.
pub(super) fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹')
}

fn currency_unit(c: char) -> &'static str {
    match c {
        '£' => "pound",
        '€' => "euro",
        '¥' => "yen",
        '₹' => "rupee",
        _ => "dollar",
    }
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "millions" | "mn" | "mln" => 1e6,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Scales written straight after the digits: `5k`, `$3m`, `14.8tn`. A bare `m`/`b`/`t`
/// counts only after a currency sign (`5m` alone may be metres).
fn suffix_scale(suffix: &str, has_currency: bool) -> Option<f64> {
    match suffix {
        "" | "st" | "nd" | "rd" | "th" => Some(1.0),
        "m" if has_currency => Some(1e6),
        "b" if has_currency => Some(1e9),
        "t" if has_currency => Some(1e12),
        other => scale_word(other),
    }
}

fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "%" | "percent" | "pct" | "percentage" => "percent",
        "dollar" | "dollars" | "usd" => "dollar",
        "pound" | "pounds" | "gbp" => "pound",
        "euro" | "euros" | "eur" => "euro",
        "yen" => "yen",
        "rupee" | "rupees" => "rupee",
        _ => return None,
    })
}

const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

const TENS: [(&str, f64); 7] = [
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

fn number_word(w: &str) -> Option<f64> {
    if let Some(i) = NUMBER_WORDS.iter().position(|x| *x == w) {
        return Some(i as f64);
    }
    TENS.iter().find(|(t, _)| *t == w).map(|(_, v)| *v)
}

/// The value of `14.8`, `1,200` or `3` (commas as thousands separators).
fn parse_digits(s: &str) -> Option<f64> {
    let plain: String = s.chars().filter(|c| *c != ',').collect();
    if plain.is_empty() || plain.starts_with('.') || plain.ends_with('.') {
        return None;
    }
    plain.parse::<f64>().ok()
}

/// The canonical text of a value: an integer without separators when it is one,
/// else a decimal with at most six places and no trailing zeros.
pub(super) fn canonical(value: f64) -> String {
    // 1.1 × 1e9 is 1100000000.0000002 in floating point: within a billionth, a whole number.
    let whole = value.round();
    if (value - whole).abs() <= 1e-9 * value.abs().max(1.0) && whole.abs() < 1e18 {
        format!("{}", whole as i64)
    } else {
        let s = format!("{value:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// Reads a number at the start of `words`: its canonical value, its unit if any, and
/// how many words it took. `None` when the first word is not a number.
pub(super) fn read<W: NumberWord>(words: &[W]) -> Option<(String, Option<&'static str>, usize)> {
    let first = words.first()?.text();
    let mut unit = None;
    let mut body = first;
    if let Some(c) = body.chars().next().filter(|c| is_currency(*c)) {
        unit = Some(currency_unit(c));
        body = &body[c.len_utf8()..];
    }
    let lower = body.to_lowercase();
    let mut value = if let Some(v) = number_word(&lower) {
        v
    } else {
        let split = lower
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(lower.len());
        let (digits, suffix) = lower.split_at(split);
        if !digits.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        parse_digits(digits)? * suffix_scale(suffix, unit.is_some())?
    };
    let mut used = 1;
    let next = |i: usize| words.get(i).map(|w| w.text().to_lowercase());
    while let Some(scale) = next(used).as_deref().and_then(scale_word) {
        value *= scale;
        used += 1;
    }
    match next(used).as_deref() {
        Some("per") if next(used + 1).as_deref() == Some("cent") => {
            unit = Some("percent");
            used += 2;
        }
        Some(w) => {
            if let Some(u) = unit_word(w) {
                unit = Some(u);
                used += 1;
            }
        }
        None => {}
    }
    Some((canonical(value), unit, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    impl NumberWord for &str {
        fn text(&self) -> &str {
            self
        }
    }

    fn r(words: &[&str]) -> Option<(String, Option<&'static str>, usize)> {
        read(words)
    }

    #[test]
    fn currency_with_suffix_scale() {
        assert_eq!(
            r(&["$14.8tn"]),
            Some(("14800000000000".into(), Some("dollar"), 1))
        );
        assert_eq!(r(&["$3m"]), Some(("3000000".into(), Some("dollar"), 1)));
        assert_eq!(r(&["€2bn"]), Some(("2000000000".into(), Some("euro"), 1)));
    }

    #[test]
    fn scale_and_unit_words_follow() {
        assert_eq!(
            r(&["14.8", "trillion", "dollars", "debt"]),
            Some(("14800000000000".into(), Some("dollar"), 3))
        );
        assert_eq!(
            r(&["37", "per", "cent"]),
            Some(("37".into(), Some("percent"), 3))
        );
    }

    #[test]
    fn bare_m_is_not_million_without_a_currency() {
        assert_eq!(r(&["5m"]), None);
        assert_eq!(r(&["10k"]), Some(("10000".into(), None, 1)));
    }

    #[test]
    fn words_and_ordinals() {
        assert_eq!(r(&["twelve"]), Some(("12".into(), None, 1)));
        assert_eq!(r(&["3rd"]), Some(("3".into(), None, 1)));
        assert_eq!(r(&["5g"]), None);
        assert_eq!(r(&["ferry"]), None);
    }

    #[test]
    fn canonical_trims_decimals() {
        assert_eq!(canonical(2.5), "2.5");
        assert_eq!(canonical(1200.0), "1200");
        assert_eq!(canonical(0.333_333_33), "0.333333");
        assert_eq!(canonical(1.1 * 1e9), "1100000000");
    }
}
