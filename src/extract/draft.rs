//! Reading an article paragraph by paragraph: attributions per sentence, quotes that
//! continue across paragraphs, speakers carried over, then claims with ids and the
//! source registry.

use super::attribution::{self, Found, Pattern, Sentence};
use super::lexicon::CueClass;
use super::quotes::{self, Quote};
use super::score::{self, FACT_THRESHOLD};
use super::speakers::{Resolved, Resolver};
use super::tokens::{self, Tok};
use super::transcript;
use super::{Extraction, sentences_in};
use crate::model::{
    Claim, ClaimId, ClaimKind, ClaimSource, Cue, Origin, Paragraph, ParagraphKind, Review, Source,
    SourceId, SourceKind, Span,
};

/// A claim before ids and sources are assigned.
struct Draft {
    span: Span,
    direct_quote: bool,
    cue: Option<Span>,
    source: Option<Resolved>,
    /// Attributed, but to nobody named ("are reported to").
    nameless: bool,
    reasons: Vec<String>,
    /// Check-worthiness features, read from the sentence's tokens when the claim lies
    /// inside one sentence; computed at the end otherwise.
    features: Option<score::Features>,
}

/// The speaker a following untagged quotation belongs to.
#[derive(Clone, Copy)]
struct Speaker {
    who: Resolved,
    paragraph: usize,
    /// Where the speaker's latest words start.
    offset: usize,
}

pub struct Reader<'a> {
    text: &'a str,
    resolver: Resolver,
    drafts: Vec<Draft>,
    /// Speaker of the latest direct quotation.
    last_quote: Option<Speaker>,
    /// Speaker of the latest attribution of any kind.
    last_speaker: Option<Speaker>,
    /// A speaker introduced without content (`X said in an interview:`).
    pending: Option<Speaker>,
    /// In a transcript: the speaker whose turn it is.
    turn: Option<(Resolved, Span)>,
    transcript: bool,
    /// The draft of a quotation interrupted by its tag (`"…," she said. "…"`) that a
    /// following quotation in the same paragraph continues.
    interrupted: Option<usize>,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            resolver: Resolver::default(),
            drafts: Vec::new(),
            last_quote: None,
            last_speaker: None,
            pending: None,
            interrupted: None,
            turn: None,
            transcript: false,
        }
    }

    pub fn read(mut self, paragraphs: &[Paragraph]) -> Extraction {
        self.transcript = transcript::is_transcript(self.text, paragraphs);
        let mut open_ended = false;
        for (pi, para) in paragraphs.iter().enumerate() {
            if para.kind == ParagraphKind::Heading || is_byline(self.text, para.span) {
                open_ended = false;
                self.last_quote = None;
                self.last_speaker = None;
                self.pending = None;
                continue;
            }
            let quotes = quotes::find_quotes(self.text, para.span);
            let continues = open_ended && quotes::starts_with_opener(self.text, para.span);
            self.paragraph(pi, para.span, &quotes, continues);
            open_ended = quotes.last().is_some_and(|q| q.close.is_none());
        }
        self.finish()
    }

    fn paragraph(&mut self, pi: usize, para: Span, quotes: &[Quote], continues: bool) {
        self.interrupted = None;
        let mut label_end = None;
        if self.transcript
            && let Some(label) = transcript::label(self.text, para)
        {
            let name = transcript::speaker_name(label.slice(self.text).unwrap_or_default());
            let who = self.resolver.register(&name, label);
            self.turn = Some((who, label));
            // The words of the turn start after "Q: ".
            let rest = &self.text[label.end..para.end];
            let skip = rest.len() - rest.trim_start_matches(':').trim_start().len();
            label_end = Some(label.end + skip);
        }
        let sentences = sentences_in(self.text, para, quotes);
        for (si, sspan) in sentences.iter().enumerate() {
            let dateline = if si == 0 {
                label_end.or_else(|| dateline_end(self.text, *sspan))
            } else {
                None
            };
            let sspan = &dateline.map_or(*sspan, |end| Span::new(end, sspan.end));
            let toks = tokens::tokenize(self.text, *sspan);
            if toks.is_empty() {
                continue;
            }
            // Quotations are in order of their opening marks: those opening in this
            // sentence are one run of them.
            let from = quotes.partition_point(|q| q.open.start < sspan.start);
            let squotes: Vec<Quote> = quotes[from..]
                .iter()
                .take_while(|q| q.open.start < sspan.end)
                .filter(|q| sspan.contains_offset(q.open.start))
                .copied()
                .collect();
            let sentence = Sentence {
                text: self.text,
                span: *sspan,
                toks: &toks,
                quotes: &squotes,
                para_end: para.end,
            };
            let first_new = self.drafts.len();
            let mut observed = 0;
            let analysis = attribution::analyze(&sentence);
            // People named earlier in this sentence, outside quotations, are the first
            // candidates for a pronoun speaker ("Ode visited Leeds, where he said …").
            self.resolver.begin_sentence(sspan.start);
            if let Some(first) = analysis
                .found
                .iter()
                .filter_map(|f| f.source)
                .map(|np| np.span.start)
                .min()
            {
                let k = toks.partition_point(|t| t.span.end <= first);
                let quoted: Vec<Span> = squotes.iter().map(|q| q.outer(para.end)).collect();
                self.resolver.observe_names(self.text, &toks[..k], &quoted);
                observed = k;
            }
            if analysis.untagged_quote.is_none() {
                self.interrupted = None;
            }
            for f in &analysis.found {
                self.found(pi, &toks, f);
            }
            if let Some(prefix) = main_clause_before(self.text, *sspan, &analysis.found) {
                self.fact(prefix, &toks);
            }
            if let [f] = analysis.found.as_slice()
                && (f.pattern == Pattern::QuoteThenTag
                    || f.pattern == Pattern::InvertedTag && analysis.partial_quote.is_some())
                && f.source.is_some()
            {
                self.interrupted = Some(self.drafts.len() - 1);
            }
            if let Some((np, _cue)) = analysis.pending
                && let Some(r) = self.resolver.resolve(self.text, &toks, &np)
            {
                self.resolver.spoke(r.entity, np.span.start);
                self.pending = Some(Speaker {
                    who: r,
                    paragraph: pi,
                    offset: r.mention.start,
                });
            }
            // A sentence that only introduces a speaker ("Ode said in an interview:") says
            // nothing to check itself.
            if analysis.found.is_empty() && analysis.pending.is_none() {
                if let Some(inner) = analysis.untagged_quote {
                    let first = si == 0;
                    self.untagged_quote(pi, inner, continues && first);
                } else if let Some(fragment) = analysis.partial_quote
                    && word_count(self.text, fragment) >= 4
                    && let Some(sp) = self.last_quote.filter(|s| s.paragraph + 1 >= pi)
                {
                    let span = trim_final_period(self.text, *sspan);
                    self.push_quote_draft(span, sp, "quoted words follow the speaker's quote");
                    self.last_quote = Some(Speaker {
                        who: sp.who,
                        paragraph: pi,
                        offset: span.start,
                    });
                } else if let Some((who, _)) = self.turn
                    && word_count(self.text, *sspan) >= 6
                    && !self.text[sspan.start..sspan.end].trim_end().ends_with('?')
                {
                    // A turn's sentences are its speaker's; "No!" and questions are not
                    // claims.
                    let span = trim_final_period(self.text, *sspan);
                    let sp = Speaker {
                        who,
                        paragraph: pi,
                        offset: span.start,
                    };
                    self.push_quote_draft(span, sp, "transcript: said in this turn by");
                } else {
                    self.interrupted = None;
                    self.fact(*sspan, &toks);
                }
            }
            self.resolver
                .observe_names(self.text, &toks[observed..], &[]);
            for d in &mut self.drafts[first_new..] {
                if d.features.is_none() && sspan.contains(d.span) {
                    let a = toks.partition_point(|t| t.span.start < d.span.start);
                    let b = toks.partition_point(|t| t.span.end <= d.span.end);
                    d.features = Some(score::features(self.text, &toks[a..b.max(a)]));
                }
            }
        }
    }

    fn found(&mut self, pi: usize, toks: &[Tok], f: &Found) {
        let resolved = match (self.turn, f.source) {
            // The label of a transcript turn: its speaker is already registered.
            (Some((who, label)), Some(np)) if np.span == label => Some(who),
            (_, source) => source.and_then(|np| self.resolver.resolve(self.text, toks, &np)),
        };
        let mut reasons = Vec::new();
        let cue_text = f.cue.and_then(|c| c.slice(self.text)).unwrap_or_default();
        let mention_text = f
            .source
            .and_then(|np| np.span.slice(self.text))
            .unwrap_or_default();
        reasons.push(match f.pattern {
            Pattern::AccordingTo => format!("attributed: {cue_text} {mention_text}"),
            Pattern::Passive => format!("unnamed source: {cue_text}"),
            Pattern::QuoteThenTag | Pattern::TagThenQuote => {
                format!("direct quote: {mention_text} {cue_text}")
            }
            Pattern::Colon => format!("attributed: {mention_text}:"),
            Pattern::InDocument => format!("attributed: in {mention_text}"),
            Pattern::InvertedTag
            | Pattern::SubjectVerb
            | Pattern::Relative
            | Pattern::Participle => {
                format!("attributed: {mention_text} {cue_text}")
            }
        });
        match f.class {
            CueClass::Cognition => reasons.push("belief or expectation, not a statement".into()),
            CueClass::Stance => reasons.push("a position taken, not a statement".into()),
            CueClass::Speech | CueClass::Evidence => {}
        }
        if let Some(r) = resolved {
            self.resolver.spoke(r.entity, f.content.start);
            let e = &self.resolver.entities()[r.entity];
            if !e.name.eq_ignore_ascii_case(mention_text) {
                reasons.push(format!("speaker: \"{mention_text}\" is {}", e.name));
            }
        }
        let direct = f.kind == ClaimKind::Quote;
        if let Some(r) = resolved {
            let sp = Speaker {
                who: r,
                paragraph: pi,
                offset: f.content.start,
            };
            if direct || f.pattern == Pattern::Colon {
                self.last_quote = Some(sp);
            }
            self.last_speaker = Some(sp);
        }
        self.pending = None;
        self.drafts.push(Draft {
            span: claim_span(f),
            direct_quote: direct,
            cue: f.cue,
            source: resolved,
            nameless: f.source.is_none(),
            reasons,
            features: None,
        });
    }

    /// The speaker an untagged quotation in paragraph `pi` inherits: one introduced with
    /// no content yet, or the speaker of a quotation in this or the previous paragraph.
    fn carried_speaker(&self, pi: usize) -> Option<Speaker> {
        let near = |s: &Speaker| s.paragraph + 1 >= pi;
        [self.pending, self.last_quote, self.last_speaker]
            .into_iter()
            .flatten()
            .filter(near)
            .max_by_key(|s| s.offset)
    }

    fn untagged_quote(&mut self, pi: usize, inner: Span, continues: bool) {
        // `"…," she said. "…"`: one quotation, interrupted by its tag.
        if let Some(d) = self.interrupted.and_then(|i| self.drafts.get_mut(i)) {
            // Only when the tag is short beside the quotation; a long tag between two
            // quotations makes them two claims.
            let gap = inner.start.saturating_sub(d.span.end);
            if gap <= 2 * (d.span.len() + inner.len()) {
                d.span = Span::new(d.span.start, inner.end);
                d.features = None;
                return;
            }
            self.interrupted = None;
        }
        let speaker = if continues {
            self.last_quote.or(self.pending)
        } else {
            self.carried_speaker(pi)
        };
        match speaker {
            Some(sp) => {
                let why = if continues {
                    "quote continues from the previous paragraph"
                } else {
                    "quote follows the speaker's earlier words"
                };
                self.push_quote_draft(inner, sp, why);
                self.last_quote = Some(Speaker {
                    who: sp.who,
                    paragraph: pi,
                    offset: inner.start,
                });
            }
            None => self.drafts.push(Draft {
                span: inner,
                direct_quote: true,
                cue: None,
                source: None,
                nameless: false,
                reasons: vec!["direct quote: speaker not named".into()],
                features: None,
            }),
        }
    }

    fn push_quote_draft(&mut self, span: Span, sp: Speaker, why: &str) {
        let name = self.resolver.entities()[sp.who.entity].name.clone();
        self.resolver.spoke(sp.who.entity, span.start);
        self.drafts.push(Draft {
            span,
            direct_quote: true,
            cue: None,
            source: Some(sp.who),
            nameless: false,
            reasons: vec![format!("{why}: {name}")],
            features: None,
        });
    }

    fn fact(&mut self, sentence: Span, toks: &[Tok]) {
        let span = trim_final_period(self.text, sentence);
        if span.is_empty() || toks.len() < 4 {
            return;
        }
        self.drafts.push(Draft {
            span,
            direct_quote: false,
            cue: None,
            source: None,
            nameless: false,
            reasons: Vec::new(),
            features: None,
        });
    }

    fn finish(self) -> Extraction {
        let Reader {
            text,
            resolver,
            mut drafts,
            ..
        } = self;
        drafts.sort_by_key(|d| (d.span.start, d.span.end));
        drafts.dedup_by_key(|d| d.span);
        let mut entity_ids: Vec<Option<SourceId>> = vec![None; resolver.entities().len()];
        let mut sources: Vec<Source> = Vec::new();
        let mut nameless_id: Option<SourceId> = None;
        let mut claims = Vec::new();
        for mut d in drafts {
            // Nothing to check in an empty quotation or bare punctuation.
            if !d
                .span
                .slice(text)
                .is_some_and(|t| t.chars().any(char::is_alphanumeric))
            {
                continue;
            }
            let f = match d.features.take() {
                Some(f) => f,
                None => score::features(text, &tokens::tokenize(text, d.span)),
            };
            let attributed = d.source.is_some() || d.nameless;
            let s = score::score(attributed, d.direct_quote, &f);
            if !attributed && (s < FACT_THRESHOLD || f.question) {
                continue;
            }
            let kind = score::kind_for(d.direct_quote, attributed, &f);
            let mut reasons = d.reasons;
            reasons.extend(f.figures.iter().cloned());
            if !f.dates.is_empty() {
                reasons.push(format!("date: {}", f.dates.join(", ")));
            }
            if reasons.is_empty() {
                reasons.push("factual statement".into());
            }
            let source = if let Some(r) = d.source {
                let id = *entity_ids[r.entity].get_or_insert_with(|| {
                    let e = &resolver.entities()[r.entity];
                    let id = SourceId(sources.len() as u32 + 1);
                    let mut src = Source::new(id, e.name.clone(), e.kind);
                    src.role.clone_from(&e.role);
                    src.aliases.clone_from(&e.aliases);
                    src.mentions.clone_from(&e.mentions);
                    sources.push(src);
                    id
                });
                Some(ClaimSource {
                    id,
                    mention: Some(r.mention),
                })
            } else if d.nameless {
                let id = *nameless_id.get_or_insert_with(|| {
                    let id = SourceId(sources.len() as u32 + 1);
                    sources.push(Source::new(id, String::new(), SourceKind::Unnamed));
                    id
                });
                if let (Some(cue), Some(src)) = (d.cue, sources.iter_mut().find(|s| s.id == id)) {
                    src.mentions.push(cue);
                }
                Some(ClaimSource { id, mention: d.cue })
            } else {
                None
            };
            let cue = d.cue.and_then(|c| {
                c.slice(text).map(|t| Cue {
                    text: t.to_string(),
                    span: c,
                })
            });
            claims.push(Claim {
                id: ClaimId(claims.len() as u32 + 1),
                span: d.span,
                kind,
                source,
                cue,
                score: s,
                reasons,
                origin: Origin::Extracted,
                review: Review::default(),
            });
        }
        for s in &mut sources {
            tidy_mentions(s);
        }
        Extraction { sources, claims }
    }
}

/// Sorts a source's mentions and drops repeats and mentions inside a longer one.
fn tidy_mentions(source: &mut Source) {
    source
        .mentions
        .sort_unstable_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(source.mentions.len());
    for m in source.mentions.drain(..) {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    source.mentions = kept;
}

/// The span a found attribution's claim covers: its content, or — when the content is
/// short beside the words introducing it (`Ode said a deal had been secured`) — the
/// whole clause from the speaker on, so the claim reads on its own.
/// Where a dateline opening a paragraph ends: `CORK, Ireland, Feb. 11 — ` or
/// `WASHINGTON (Reuters) - `. The place and date are not part of any claim.
fn dateline_end(text: &str, sentence: Span) -> Option<usize> {
    let s = sentence.slice(text)?;
    // Datelines open with a place in capitals ("CORK", "WASHINGTON").
    let first_word = s.split([',', ' ', '(']).next()?;
    if first_word.len() < 3 || first_word.bytes().any(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let head: String = s.chars().take(80).collect();
    let (dash, width) = [" — ", " – ", " -- ", " - ", "—"]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min()?;
    let place = &head[..dash];
    let first = place.split([',', ' ', '(']).next()?;
    let shouting = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && first
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    let tidy = place
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '('));
    (shouting && tidy).then(|| {
        let rest = &s[dash + width..];
        sentence.start + dash + width + (rest.len() - rest.trim_start().len())
    })
}

/// `The council voted to raise tolls by 37 percent, a move officials said was needed`:
/// an attribution buried late in a sentence leaves the main clause before it
/// unattributed; that clause is a claim of its own (up to its last comma).
fn main_clause_before(text: &str, sentence: Span, found: &[Found]) -> Option<Span> {
    let first = found.iter().min_by_key(|f| f.content.start)?;
    if !matches!(
        first.pattern,
        Pattern::SubjectVerb | Pattern::Participle | Pattern::Relative
    ) {
        return None;
    }
    let speaker = first.source.map_or(first.content.start, |np| np.span.start);
    // "The plan was drawn up by Acme, which said …": the clause ends with the speaker.
    let prefix = if first.pattern == Pattern::Relative {
        Span::new(sentence.start, first.source?.span.end).trim(text)
    } else {
        let start = speaker.min(first.content.start);
        if (start - sentence.start) * 5 < sentence.len() * 2 {
            return None;
        }
        let head = Span::new(sentence.start, start).slice(text)?;
        let comma = head.rfind(',')?;
        Span::new(sentence.start, sentence.start + comma).trim(text)
    };
    // An opening adverbial ("Until the announcement of the shutdown, …") is no clause.
    let opener = prefix
        .slice(text)?
        .split_whitespace()
        .map(str::to_lowercase)
        .find(|w| !matches!(w.as_str(), "and" | "but" | "so" | "yet"))?;
    let adverbial = matches!(
        opener.as_str(),
        "until"
            | "when"
            | "after"
            | "before"
            | "while"
            | "as"
            | "if"
            | "although"
            | "though"
            | "because"
            | "since"
            | "in"
            | "on"
            | "at"
            | "during"
            | "for"
            | "with"
            | "despite"
            | "among"
            | "unlike"
            | "like"
            | "once"
            | "whenever"
            | "whether"
            | "by"
            | "from"
            | "under"
            | "over"
            | "amid"
            | "following"
            | "according"
    );
    (word_count(text, prefix) >= 8 && !adverbial).then_some(prefix)
}

fn claim_span(f: &Found) -> Span {
    let Some(np) = f.source else {
        return f.content;
    };
    if f.pattern != Pattern::SubjectVerb || np.span.start >= f.content.start {
        return f.content;
    }
    let prefix = f.content.start - np.span.start;
    let content = f.content.len();
    if 2 * content < 3 * prefix && 2 * content >= prefix {
        Span::new(np.span.start, f.content.end)
    } else {
        f.content
    }
}

fn word_count(text: &str, span: Span) -> usize {
    span.slice(text).map_or(0, |s| s.split_whitespace().count())
}

/// Drops one final period (not "?" or "!" or a closing quote) from a sentence span.
fn trim_final_period(text: &str, span: Span) -> Span {
    match span.slice(text) {
        Some(s) if s.ends_with('.') && !s.ends_with("...") => Span::new(span.start, span.end - 1),
        _ => span,
    }
}

/// A byline paragraph: "By Jane Ode", "By Jane Ode and Tom Bell, Reuters".
fn is_byline(text: &str, span: Span) -> bool {
    let Some(s) = span.slice(text) else {
        return false;
    };
    let Some(rest) = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
    else {
        return false;
    };
    rest.starts_with(char::is_uppercase)
        && !s.ends_with('.')
        && s.split_whitespace().take(11).count() <= 10
}
