//! Claim assembly, the last stage: the article read paragraph by paragraph —
//! attributions per sentence, quotations that continue across paragraphs, speakers
//! carried over — then claims with ids and the source registry ([`assemble`]).

mod assemble;
mod continued;
mod found;
mod spans;
mod untagged;

#[cfg(test)]
mod reported_tests;

use super::attribution::{self, Analysis, Pattern, Sentence};
use super::quotes::{self, Quote};
use super::score;
use super::speakers::{Resolved, Resolver};
use super::tokens::{self, Tok};
use super::transcript;
use super::{Extraction, sentences_in};
use crate::model::{Claim, CueClass, Paragraph, ParagraphKind, Span};
use spans::{dateline_end, main_clause_after, main_clause_before, trim_final_period, word_count};

/// A claim before ids and sources are assigned.
struct Draft {
    span: Span,
    direct_quote: bool,
    /// The cue word(s) and their class.
    cue: Option<(Span, CueClass)>,
    source: Option<Resolved>,
    /// The report that carries the speaker's words (`…, according to a report in Y`).
    reported_in: Option<Span>,
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
    /// Drafts not yet made claims: those of the paragraphs since the last
    /// [`Reader::settle`].
    drafts: Vec<Draft>,
    claims: Vec<Claim>,
    registry: assemble::Registry,
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
    /// The statement of a sentence that introduced a speaker with nothing said yet
    /// ("The board had its plans revealed in the Valdera Times."): dropped if the next
    /// sentence opens with the quotation it introduced, kept as a claim otherwise.
    held: Option<Draft>,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            resolver: Resolver::default(),
            drafts: Vec::new(),
            // Room for more claims than an article ever has (one per 64 bytes; news has
            // one per 100 or more): a list that grows by doubling holds the old and the
            // new copy at once. Pages not written are never taken from the system.
            claims: Vec::with_capacity(text.len() / 64),
            registry: assemble::Registry::default(),
            last_quote: None,
            last_speaker: None,
            pending: None,
            interrupted: None,
            held: None,
            turn: None,
            transcript: false,
        }
    }

    pub fn read(mut self, paragraphs: &[Paragraph]) -> Extraction {
        self.transcript = transcript::is_transcript(self.text, paragraphs);
        let mut open_ended = false;
        let mut open_quote = None;
        // Paragraphs in order: a draft starts inside its paragraph, so one that starts
        // before the next paragraph is done once no quotation runs on into it and no
        // statement is held for it.
        let in_order = paragraphs.is_sorted_by_key(|p| p.span.start)
            && paragraphs
                .windows(2)
                .all(|w| w[0].span.end <= w[1].span.start);
        for (pi, para) in paragraphs.iter().enumerate() {
            if in_order && open_quote.is_none() && self.held.is_none() {
                self.settle(para.span.start);
            }
            if para.kind != ParagraphKind::Body {
                self.release_held();
                open_ended = false;
                open_quote = None;
                self.last_quote = None;
                self.last_speaker = None;
                self.pending = None;
                continue;
            }
            let quotes = quotes::find_quotes(self.text, para.span);
            let continues = open_ended && quotes::starts_with_opener(self.text, para.span);
            let first_draft = self.drafts.len();
            self.paragraph(pi, para.span, &quotes, continues);
            open_quote =
                self.continue_quote(first_draft, para.span, &quotes, open_quote, continues);
            open_ended = quotes.last().is_some_and(|q| q.close.is_none());
        }
        self.release_held();
        self.finish()
    }

    /// Adds a draft.
    fn push_draft(&mut self, d: Draft) {
        self.drafts.push(d);
    }

    /// The held statement becomes a draft: no quotation followed its speaker.
    fn release_held(&mut self) {
        if let Some(d) = self.held.take() {
            self.push_draft(d);
        }
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
            let sspan = dateline.map_or(*sspan, |end| Span::new(end, sspan.end));
            self.sentence(pi, si == 0, sspan, para, quotes, continues);
        }
    }

    /// One sentence of paragraph `pi` (`first`: its first sentence).
    fn sentence(
        &mut self,
        pi: usize,
        first: bool,
        sspan: Span,
        para: Span,
        quotes: &[Quote],
        continues: bool,
    ) {
        let toks = tokens::tokenize(self.text, sspan);
        if toks.is_empty() {
            return;
        }
        // A quotation opening this sentence is what the held sentence introduced.
        if toks[0].is_quote() {
            self.held = None;
        } else {
            self.release_held();
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
            span: sspan,
            toks: &toks,
            quotes: &squotes,
            para_end: para.end,
        };
        let first_new = self.drafts.len();
        let analysis = attribution::analyze(&sentence);
        // People named earlier in this sentence, outside quotations, are the first
        // candidates for a pronoun speaker ("Ode visited Leeds, where he said …").
        self.resolver.begin_sentence(sspan.start);
        let observed = self.observe_before_speakers(&toks, &squotes, para.end, &analysis);
        if analysis.untagged_quote.is_none() {
            self.interrupted = None;
        }
        for f in &analysis.found {
            self.found(pi, &toks, f);
        }
        if let Some(prefix) = main_clause_before(self.text, sspan, &analysis.found) {
            self.fact(prefix, &toks);
        }
        if let Some(tail) = main_clause_after(self.text, sspan, &toks, &analysis.found) {
            self.fact(tail, &toks);
        }
        self.after_found(pi, &toks, &analysis);
        // A sentence that only introduces a speaker ("Ode said in an interview:") says
        // nothing to check itself.
        let mut hold = None;
        if analysis.found.is_empty() && analysis.pending.is_none() {
            self.unattributed(pi, sspan, &toks, &analysis, continues && first);
        } else if analysis.found.is_empty() {
            let speaker = analysis.pending.map(|(np, _)| np.span.start);
            hold = self.hold_statement(sspan, &toks, quotes, speaker);
        }
        self.resolver
            .observe_names(self.text, &toks[observed..], &[]);
        self.features_of(first_new, sspan, &toks);
        if let Some(i) = hold
            && i + 1 == self.drafts.len()
        {
            self.held = self.drafts.pop();
        }
    }

    /// A speaker introduced with nothing said ("Ode said in an interview."): what the
    /// sentence states is drafted, to be held until the next sentence shows whether a
    /// quotation follows; returns the draft's index. A colon, or a quotation later in
    /// the paragraph, always is what it introduces: then nothing is drafted.
    fn hold_statement(
        &mut self,
        sspan: Span,
        toks: &[Tok],
        quotes: &[Quote],
        pending_speaker: Option<usize>,
    ) -> Option<usize> {
        if toks[toks.len() - 1].is_punct(':') || quotes.iter().any(|q| q.open.start >= sspan.end) {
            return None;
        }
        let before = self.drafts.len();
        self.fact(sspan, toks);
        // A speaker after a comma closes a statement of the sentence's own ("The pier
        // is safe, he said in an interview."): that is never dropped for a quotation.
        let tag_after_comma = pending_speaker.is_some_and(|start| {
            toks.iter()
                .take_while(|t| t.span.start < start)
                .any(|t| t.is_punct(','))
        });
        (self.drafts.len() > before && !tag_after_comma).then_some(before)
    }

    /// Check-worthiness features of the drafts from `first_new` on that lie inside the
    /// sentence, read from its tokens.
    fn features_of(&mut self, first_new: usize, sspan: Span, toks: &[Tok]) {
        for d in &mut self.drafts[first_new..] {
            if d.features.is_none() && sspan.contains(d.span) {
                let a = toks.partition_point(|t| t.span.start < d.span.start);
                let b = toks.partition_point(|t| t.span.end <= d.span.end);
                d.features = Some(score::features(self.text, &toks[a..b.max(a)]));
            }
        }
    }

    /// Registers the names before the first speaker of the sentence; returns how many
    /// tokens it read.
    fn observe_before_speakers(
        &mut self,
        toks: &[Tok],
        squotes: &[Quote],
        para_end: usize,
        analysis: &Analysis,
    ) -> usize {
        let Some(first) = analysis
            .found
            .iter()
            .filter_map(|f| f.source)
            .map(|np| np.span.start)
            .min()
        else {
            return 0;
        };
        let k = toks.partition_point(|t| t.span.end <= first);
        let quoted: Vec<Span> = squotes.iter().map(|q| q.outer(para_end)).collect();
        self.resolver.observe_names(self.text, &toks[..k], &quoted);
        k
    }

    /// After the sentence's attributions: a quotation its tag interrupts, and a speaker
    /// introduced with no content yet.
    fn after_found(&mut self, pi: usize, toks: &[Tok], analysis: &Analysis) {
        if let [f] = analysis.found.as_slice()
            && (f.pattern == Pattern::QuoteThenTag
                || f.pattern == Pattern::InvertedTag && analysis.partial_quote.is_some())
            && f.source.is_some()
        {
            self.interrupted = Some(self.drafts.len() - 1);
        }
        if let Some((np, _cue)) = analysis.pending
            && let Some(r) = self.resolver.resolve(self.text, toks, &np)
        {
            self.resolver.spoke(r.entity, np.span.start);
            self.pending = Some(Speaker {
                who: r,
                paragraph: pi,
                offset: r.mention.start,
            });
        }
    }

    /// A sentence with no attribution: an untagged quotation, quoted words after a
    /// speaker's quote, a transcript turn, or a plain statement.
    fn unattributed(
        &mut self,
        pi: usize,
        sspan: Span,
        toks: &[Tok],
        analysis: &Analysis,
        continues: bool,
    ) {
        if let Some(inner) = analysis.untagged_quote {
            self.untagged_quote(pi, inner, continues);
        } else if let Some(fragment) = analysis.partial_quote
            && word_count(self.text, fragment) >= 4
            && let Some(sp) = self.last_quote.filter(|s| s.paragraph + 1 >= pi)
        {
            let span = trim_final_period(self.text, sspan);
            self.push_quote_draft(span, sp, "quoted words follow the speaker's quote");
            self.last_quote = Some(Speaker {
                who: sp.who,
                paragraph: pi,
                offset: span.start,
            });
        } else if let Some((who, _)) = self.turn
            && word_count(self.text, sspan) >= 6
            && !self.text[sspan.start..sspan.end].trim_end().ends_with('?')
        {
            // A turn's sentences are its speaker's; "No!" and questions are not
            // claims.
            let span = trim_final_period(self.text, sspan);
            let sp = Speaker {
                who,
                paragraph: pi,
                offset: span.start,
            };
            self.push_quote_draft(span, sp, "transcript: said in this turn by");
        } else {
            self.interrupted = None;
            self.fact(sspan, toks);
        }
    }

    fn fact(&mut self, sentence: Span, toks: &[Tok]) {
        let span = trim_final_period(self.text, sentence);
        if span.is_empty() || toks.len() < 4 {
            return;
        }
        self.push_draft(Draft {
            span,
            direct_quote: false,
            cue: None,
            source: None,
            reported_in: None,
            nameless: false,
            reasons: Vec::new(),
            features: None,
        });
    }
}
