//! Converting between the in-memory [`Project`] and the file structs.
//!
//! Writing is total: whatever the project holds is written (a stale span is snapped to
//! the text first). Reading checks the file against itself: spans are re-placed from
//! their anchors (by position, quote and context, or a fuzzy match of the quote), a claim
//! that cannot be placed becomes an orphan with its review, a missing source reference is
//! dropped with a warning, and only contradictions that cannot be repaired without
//! guessing (duplicate ids) are errors. No claim is ever left out.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::ProjectError;
use super::anchor::{Anchor, anchor_for, locate};
use super::format::{
    ArticleFile, ClaimFile, ClaimKindFile, ClaimSourceFile, CueClassFile, CueFile, EvidenceFile,
    FORMAT_VERSION, FetchedFile, OriginFile, PageFile, ParagraphFile, ParagraphKindFile,
    ProjectFile, ReviewFile, SourceFile, SourceKindFile, TextRef, VerdictFile, path_to_file,
};
use super::place::{Placement, place_exact, place_fuzzy};
use crate::model::{
    Article, Claim, ClaimId, ClaimKind, ClaimSource, Cue, CueClass, Evidence, Fetched, Origin,
    Orphan, PageMark, Paragraph, ParagraphKind, Project, ReportedIn, Review, Source, SourceId,
    SourceKind, Span, Verdict, sha256_hex, sort_large_by_key, split_paragraphs,
};

// ---------------------------------------------------------------------------------------
// Project -> file

pub(crate) fn to_file(project: &Project) -> ProjectFile {
    let text = project.article.text.as_str();
    ProjectFile {
        version: FORMAT_VERSION,
        next_claim_id: project.next_claim_id,
        next_source_id: project.next_source_id,
        article: article_to_file(&project.article),
        sources: project
            .sources
            .iter()
            .map(|s| source_to_file(s, text))
            .collect(),
        claims: project
            .claims
            .iter()
            .map(|c| claim_to_file(c, text))
            .collect(),
        orphans: project.orphans.iter().map(orphan_to_file).collect(),
    }
}

/// What [`to_file`] makes, as it is written: the same fields, but each source and claim
/// is turned into its file form only while it is being written, so a save holds one
/// claim's file form at a time instead of a second copy of every claim.
#[derive(Serialize)]
#[serde(rename = "Project")]
pub(crate) struct ProjectView<'a> {
    version: u32,
    next_claim_id: u32,
    next_source_id: u32,
    article: ArticleFile,
    sources: Sources<'a>,
    claims: Claims<'a>,
    orphans: Vec<ClaimFile>,
}

pub(crate) struct Sources<'a>(&'a [Source], &'a str);
pub(crate) struct Claims<'a>(&'a [Claim], &'a str);

impl Serialize for Sources<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|x| source_to_file(x, self.1)))
    }
}

impl Serialize for Claims<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|x| claim_to_file(x, self.1)))
    }
}

/// The [`ProjectView`] of `project`; it serialises exactly as [`to_file`]'s result.
pub(crate) fn to_view(project: &Project) -> ProjectView<'_> {
    let text = project.article.text.as_str();
    ProjectView {
        version: FORMAT_VERSION,
        next_claim_id: project.next_claim_id,
        next_source_id: project.next_source_id,
        article: article_to_file(&project.article),
        sources: Sources(&project.sources, text),
        claims: Claims(&project.claims, text),
        orphans: project.orphans.iter().map(orphan_to_file).collect(),
    }
}

/// An orphan keeps the anchor it had in the text it was last placed in.
fn orphan_to_file(o: &Orphan) -> ClaimFile {
    let c = &o.claim;
    ClaimFile {
        id: c.id.0,
        anchor: Anchor {
            start: c.span.start,
            end: c.span.end,
            prefix: o.prefix.clone(),
            exact: o.quote.clone(),
            suffix: o.suffix.clone(),
        },
        kind: kind_to_file(c.kind),
        source: c.source.map(|s| ClaimSourceFile {
            id: s.id.0,
            mention: None,
        }),
        cue: c.cue.as_ref().map(cue_to_file),
        reported_in: c.reported_in.as_ref().map(|r| TextRef {
            start: r.span.start,
            end: r.span.end,
            text: r.text.clone(),
        }),
        score: c.score,
        reasons: c.reasons.clone(),
        origin: origin_to_file(c.origin),
        review: review_to_file(&c.review),
    }
}

fn cue_to_file(cue: &Cue) -> CueFile {
    CueFile {
        start: cue.span.start,
        end: cue.span.end,
        text: cue.text.clone(),
        class: match cue.class {
            None => CueClassFile::Unknown,
            Some(CueClass::Speech) => CueClassFile::Speech,
            Some(CueClass::Belief) => CueClassFile::Belief,
            Some(CueClass::Stance) => CueClassFile::Stance,
            Some(CueClass::Evidence) => CueClassFile::Evidence,
        },
    }
}

fn cue_class_from_file(class: CueClassFile) -> Option<CueClass> {
    match class {
        CueClassFile::Unknown => None,
        CueClassFile::Speech => Some(CueClass::Speech),
        CueClassFile::Belief => Some(CueClass::Belief),
        CueClassFile::Stance => Some(CueClass::Stance),
        CueClassFile::Evidence => Some(CueClass::Evidence),
    }
}

fn kind_to_file(kind: ClaimKind) -> ClaimKindFile {
    match kind {
        ClaimKind::Quote => ClaimKindFile::Quote,
        ClaimKind::Reported => ClaimKindFile::Reported,
        ClaimKind::Statistic => ClaimKindFile::Statistic,
        ClaimKind::Fact => ClaimKindFile::Fact,
    }
}

fn origin_to_file(origin: Origin) -> OriginFile {
    match origin {
        Origin::Extracted => OriginFile::Extracted,
        Origin::Manual => OriginFile::Manual,
    }
}

pub(crate) fn article_to_file(a: &Article) -> ArticleFile {
    ArticleFile {
        title: a.title.clone(),
        byline: a.byline.clone(),
        published: a.published.clone(),
        site: a.site.clone(),
        url: a.url.clone(),
        path: path_to_file(a.path.as_ref()),
        fetched: a.fetched.as_ref().map(|f| FetchedFile {
            url: f.url.clone(),
            final_url: f.final_url.clone(),
            redirects: f.redirects.clone(),
            fetched_at: f.fetched_at,
            content_type: f.content_type.clone(),
            sha256: f.sha256.clone(),
            bytes: f.bytes,
        }),
        pages: a
            .pages
            .iter()
            .map(|m| PageFile {
                start: m.start,
                page: m.page,
            })
            .collect(),
        // Always the hash of the text written, whatever the in-memory field says.
        sha256: sha256_hex(&a.text),
        paragraphs: a
            .paragraphs
            .iter()
            .map(|p| ParagraphFile {
                start: p.span.start,
                end: p.span.end,
                kind: match p.kind {
                    ParagraphKind::Heading => ParagraphKindFile::Heading,
                    ParagraphKind::Byline => ParagraphKindFile::Byline,
                    ParagraphKind::Body => ParagraphKindFile::Body,
                },
            })
            .collect(),
        lines: a.text.split('\n').map(str::to_owned).collect(),
    }
}

fn text_ref(text: &str, span: Span) -> TextRef {
    let a = anchor_for(text, span);
    TextRef {
        start: a.start,
        end: a.end,
        text: a.exact,
    }
}

fn source_to_file(s: &Source, text: &str) -> SourceFile {
    SourceFile {
        id: s.id.0,
        name: s.name.clone(),
        role: s.role.clone(),
        kind: match s.kind {
            SourceKind::Person => SourceKindFile::Person,
            SourceKind::Organization => SourceKindFile::Organization,
            SourceKind::Unnamed => SourceKindFile::Unnamed,
        },
        aliases: s.aliases.clone(),
        mentions: s.mentions.iter().map(|m| text_ref(text, *m)).collect(),
    }
}

fn claim_to_file(c: &Claim, text: &str) -> ClaimFile {
    ClaimFile {
        id: c.id.0,
        anchor: anchor_for(text, c.span),
        kind: kind_to_file(c.kind),
        source: c.source.map(|s| ClaimSourceFile {
            id: s.id.0,
            mention: s.mention.map(|m| text_ref(text, m)),
        }),
        cue: c.cue.as_ref().map(cue_to_file),
        reported_in: c.reported_in.as_ref().map(|r| TextRef {
            start: r.span.start,
            end: r.span.end,
            text: r.text.clone(),
        }),
        score: c.score,
        reasons: c.reasons.clone(),
        origin: origin_to_file(c.origin),
        review: review_to_file(&c.review),
    }
}

fn review_to_file(r: &Review) -> ReviewFile {
    ReviewFile {
        verdict: match r.verdict {
            Verdict::Unreviewed => VerdictFile::Unreviewed,
            Verdict::Verified => VerdictFile::Verified,
            Verdict::Disputed => VerdictFile::Disputed,
            Verdict::NeedsContext => VerdictFile::NeedsContext,
            Verdict::Unverifiable => VerdictFile::Unverifiable,
        },
        note: r.note.clone(),
        evidence: r
            .evidence
            .iter()
            .map(|e| EvidenceFile {
                url: e.url.clone(),
                title: e.title.clone(),
                note: e.note.clone(),
            })
            .collect(),
        reviewer: r.reviewer.clone(),
        reviewed_at: r.reviewed_at,
    }
}

// ---------------------------------------------------------------------------------------
// file -> Project

/// The project in `file`, with warnings for whatever had to be repaired.
pub(crate) fn from_file(
    file: ProjectFile,
    path: &Path,
) -> Result<(Project, Vec<String>), ProjectError> {
    read(file, path, false).map(|r| (r.project, r.warnings))
}

/// A project read from its file structs, with what happened to each claim.
pub(crate) struct Read {
    pub project: Project,
    pub warnings: Vec<String>,
    /// Every claim placed (orphans too, with `retry_orphans`), with whether it was an
    /// orphan before: in file order, orphans last.
    pub placed: Vec<(ClaimId, Placement, bool)>,
}

/// Reads `file`; with `retry_orphans`, the orphans are placed in the text too (after an
/// article update).
pub(crate) fn read(
    file: ProjectFile,
    path: &Path,
    retry_orphans: bool,
) -> Result<Read, ProjectError> {
    let mut reader = Reader::new(file.article, path, retry_orphans);
    for s in file.sources {
        reader.source(s)?;
    }
    for c in file.claims {
        reader.claim(c, false)?;
    }
    for c in file.orphans {
        reader.orphan(c)?;
    }
    Ok(reader.finish(file.next_claim_id, file.next_source_id))
}

/// Builds a project from its file structs one at a time, in file order (the article,
/// then sources, claims and orphans), so a large file never needs all of its claims'
/// file forms at once: a claim still at its position, or whose quote is found elsewhere,
/// becomes a [`Claim`] as soon as it is read; only the ones that need the fuzzy search
/// wait for the end, where all of those are searched in one pass.
///
/// The result is the same as placing every anchor with
/// [`place_all`](super::place_all) first: warnings in file order, claims sorted by
/// position (ties in file order), orphans in file order after the claims that could not
/// be placed.
pub(crate) struct Reader<'p> {
    path: &'p Path,
    retry_orphans: bool,
    article: Article,
    text_unchanged: bool,
    /// The article's and the sources' warnings.
    warnings: Vec<String>,
    /// Each claim's and orphan's warnings, by its place in the file.
    claim_warnings: Vec<(usize, String)>,
    source_ids: BTreeSet<u32>,
    sources: Vec<Source>,
    claim_ids: BTreeSet<u32>,
    /// Claims and orphans read so far.
    seen: usize,
    claims: Vec<(usize, Claim)>,
    orphans: Vec<(usize, Orphan)>,
    placed: Vec<(usize, ClaimId, Placement, bool)>,
    /// Claims no exact search found, for the fuzzy one: place in the file, whether it
    /// was an orphan.
    unplaced: Vec<(usize, ClaimFile, bool)>,
}

impl<'p> Reader<'p> {
    pub(crate) fn new(article: ArticleFile, path: &'p Path, retry_orphans: bool) -> Self {
        let mut warnings = Vec::new();
        let (article, text_unchanged) = article_from_file(article, &mut warnings);
        if retry_orphans {
            // An update: the text was meant to change, and the caller reports placements.
            warnings.clear();
        }
        // Room for more claims than an article has (one per 64 bytes), so a long
        // project's list never holds two copies while it grows; pages not written are
        // never taken from the system.
        let room = article.text.len() / 64;
        Self {
            path,
            retry_orphans,
            article,
            text_unchanged,
            warnings,
            claim_warnings: Vec::new(),
            source_ids: BTreeSet::new(),
            sources: Vec::new(),
            claim_ids: BTreeSet::new(),
            seen: 0,
            claims: Vec::with_capacity(room),
            orphans: Vec::new(),
            placed: Vec::new(),
            unplaced: Vec::new(),
        }
    }

    pub(crate) fn source(&mut self, s: SourceFile) -> Result<(), ProjectError> {
        if !self.source_ids.insert(s.id) {
            return Err(ProjectError::inconsistent(
                self.path,
                format!(
                    "source id {} is used by more than one source",
                    SourceId(s.id)
                ),
            ));
        }
        let source = source_from_file(s, &self.article.text, &mut self.warnings);
        self.sources.push(source);
        Ok(())
    }

    /// The next claim of the file's `claims` (or, when retrying them, of its orphans).
    pub(crate) fn claim(&mut self, c: ClaimFile, was_orphan: bool) -> Result<(), ProjectError> {
        let at = self.next_place(c.id)?;
        match place_exact(&self.article.text, &c.anchor) {
            Placement::Lost => self.unplaced.push((at, c, was_orphan)),
            placement => self.place(at, c, placement, was_orphan),
        }
        Ok(())
    }

    /// The next of the file's orphans: kept as it is, or placed again when retrying.
    pub(crate) fn orphan(&mut self, c: ClaimFile) -> Result<(), ProjectError> {
        if self.retry_orphans {
            return self.claim(c, true);
        }
        let at = self.next_place(c.id)?;
        let mut warnings = Vec::new();
        let orphan = orphan_from_file(c, &self.source_ids, &mut warnings);
        self.orphans.push((at, orphan));
        self.claim_warnings
            .extend(warnings.into_iter().map(|w| (at, w)));
        Ok(())
    }

    fn next_place(&mut self, id: u32) -> Result<usize, ProjectError> {
        if !self.claim_ids.insert(id) {
            return Err(ProjectError::inconsistent(
                self.path,
                format!("claim id {} is used by more than one claim", ClaimId(id)),
            ));
        }
        self.seen += 1;
        Ok(self.seen - 1)
    }

    fn place(&mut self, at: usize, c: ClaimFile, placement: Placement, was_orphan: bool) {
        let id = ClaimId(c.id);
        self.placed.push((at, id, placement, was_orphan));
        let text = self.article.text.as_str();
        let mut warnings = Vec::new();
        if let Some(span) = placement.span() {
            if let Placement::Changed(_) = placement
                && !self.retry_orphans
            {
                warnings.push(format!(
                    "claim {id} was placed where the text is close to its quote but \
                     edited: it now reads \u{201c}{}\u{201d}",
                    excerpt(span.slice(text).unwrap_or_default())
                ));
            }
            let delta = (c.anchor.start, span.start);
            let claim = claim_from_file(
                c,
                span,
                delta,
                text,
                // An update's text is new whatever its checksum says: a stored offset
                // that no longer holds its text never stands.
                self.text_unchanged && !self.retry_orphans,
                &self.source_ids,
                &mut warnings,
            );
            self.claims.push((at, claim));
        } else {
            if !was_orphan && !self.retry_orphans {
                warnings.push(format!(
                    "claim {id} could not be placed in the text: \u{201c}{}\u{201d} is no \
                     longer in the article, so it is kept as an orphan with its review",
                    excerpt(&c.anchor.exact)
                ));
            }
            let orphan = orphan_from_file(c, &self.source_ids, &mut warnings);
            self.orphans.push((at, orphan));
        }
        self.claim_warnings
            .extend(warnings.into_iter().map(|w| (at, w)));
    }

    /// The project, once every part of the file has been read.
    pub(crate) fn finish(mut self, next_claim_id: u32, next_source_id: u32) -> Read {
        let unplaced = std::mem::take(&mut self.unplaced);
        let anchors: Vec<&Anchor> = unplaced.iter().map(|(_, c, _)| &c.anchor).collect();
        let placements = place_fuzzy(&self.article.text, &anchors);
        drop(anchors);
        for ((at, c, was_orphan), placement) in unplaced.into_iter().zip(placements) {
            self.place(at, c, placement, was_orphan);
        }
        // Claims are kept in text order, ties in file order.
        sort_large_by_key(&mut self.claims, |(at, c)| (c.span.start, *at));
        self.orphans.sort_by_key(|(at, _)| *at);
        self.placed.sort_by_key(|(at, ..)| *at);
        self.claim_warnings.sort_by_key(|(at, _)| *at);
        let mut warnings = self.warnings;
        warnings.extend(self.claim_warnings.into_iter().map(|(_, w)| w));

        // Ids are never reused, even if the stored counters fell behind (a hand edit).
        let next_claim_id = self.claim_ids.last().map_or(next_claim_id, |max| {
            next_claim_id.max(max.saturating_add(1))
        });
        let next_source_id = self.source_ids.last().map_or(next_source_id, |max| {
            next_source_id.max(max.saturating_add(1))
        });
        let project = Project {
            article: self.article,
            sources: self.sources,
            claims: self.claims.into_iter().map(|(_, c)| c).collect(),
            orphans: self.orphans.into_iter().map(|(_, o)| o).collect(),
            next_claim_id,
            next_source_id,
        };
        Read {
            project,
            warnings,
            placed: self
                .placed
                .into_iter()
                .map(|(_, id, p, orphan)| (id, p, orphan))
                .collect(),
        }
    }
}

/// The article, and whether its text still matches the stored checksum.
fn article_from_file(a: ArticleFile, warnings: &mut Vec<String>) -> (Article, bool) {
    let text = a.lines.join("\n");
    let sha256 = sha256_hex(&text);
    let unchanged = sha256.eq_ignore_ascii_case(a.sha256.trim());
    if !unchanged {
        warnings.push(
            "the article text does not match its checksum (was the file edited by hand?); \
             claims were placed again by their quoted text"
                .to_owned(),
        );
    }
    let stored: Vec<Paragraph> = a
        .paragraphs
        .iter()
        .map(|p| Paragraph {
            span: Span::new(p.start, p.end),
            kind: match p.kind {
                ParagraphKindFile::Heading => ParagraphKind::Heading,
                ParagraphKindFile::Byline => ParagraphKind::Byline,
                ParagraphKindFile::Body => ParagraphKind::Body,
            },
        })
        .collect();
    let fits = stored.iter().all(|p| p.span.is_valid_for(&text))
        && stored.windows(2).all(|w| w[0].span.end <= w[1].span.start);
    let paragraphs = if unchanged && fits {
        stored
    } else {
        if unchanged {
            warnings.push(
                "the paragraph breaks did not fit the article text; they were recomputed"
                    .to_owned(),
            );
        }
        split_paragraphs(&text)
            .into_iter()
            .map(|span| Paragraph {
                span,
                kind: ParagraphKind::Body,
            })
            .collect()
    };
    let article = Article {
        title: a.title,
        byline: a.byline,
        published: a.published,
        site: a.site,
        url: a.url,
        path: a.path.map(PathBuf::from),
        fetched: a.fetched.map(|f| Fetched {
            url: f.url,
            final_url: f.final_url,
            redirects: f.redirects,
            fetched_at: f.fetched_at,
            content_type: f.content_type,
            sha256: f.sha256,
            bytes: f.bytes,
        }),
        pages: pages_from_file(&a.pages, &text, unchanged, warnings),
        text,
        paragraphs,
        sha256,
    };
    (article, unchanged)
}

/// Page marks, kept when they still fit the text: sorted, inside it, on char boundaries.
fn pages_from_file(
    pages: &[PageFile],
    text: &str,
    unchanged: bool,
    warnings: &mut Vec<String>,
) -> Vec<PageMark> {
    let fits = pages
        .iter()
        .all(|p| p.start <= text.len() && text.is_char_boundary(p.start))
        && pages.windows(2).all(|w| w[0].start <= w[1].start);
    if pages.is_empty() {
        Vec::new()
    } else if unchanged && fits {
        pages
            .iter()
            .map(|p| PageMark {
                start: p.start,
                page: p.page,
            })
            .collect()
    } else {
        warnings.push(
            "the page numbers did not fit the article text; reports will not cite pages".to_owned(),
        );
        Vec::new()
    }
}

fn source_from_file(s: SourceFile, text: &str, warnings: &mut Vec<String>) -> Source {
    let id = SourceId(s.id);
    let mut lost = 0;
    let mentions = s
        .mentions
        .iter()
        .filter_map(|m| {
            let found = locate(text, &m.text, Span::new(m.start, m.end));
            lost += usize::from(found.is_none());
            found
        })
        .collect();
    if lost > 0 {
        warnings.push(format!(
            "source {id} ({}): {lost} mention(s) no longer in the text were dropped",
            s.name
        ));
    }
    Source {
        id,
        name: s.name,
        role: s.role,
        kind: match s.kind {
            SourceKindFile::Person => SourceKind::Person,
            SourceKindFile::Organization => SourceKind::Organization,
            SourceKindFile::Unnamed => SourceKind::Unnamed,
        },
        aliases: s.aliases,
        mentions,
    }
}

/// A placed claim: `span` is where it is now; `moved` is (old start, new start), by which
/// its cue and source mention are expected to have moved too.
fn claim_from_file(
    c: ClaimFile,
    span: Span,
    moved: (usize, usize),
    text: &str,
    text_unchanged: bool,
    source_ids: &BTreeSet<u32>,
    warnings: &mut Vec<String>,
) -> Claim {
    let id = ClaimId(c.id);
    let shift = |s: Span| {
        let start = (s.start + moved.1).saturating_sub(moved.0);
        Span::new(start, start + s.len())
    };
    let source =
        source_from_claim_file(id, c.source, source_ids, warnings).map(|(sid, m)| ClaimSource {
            id: sid,
            mention: m.and_then(|m| {
                let found = locate(text, &m.text, shift(Span::new(m.start, m.end)));
                if found.is_none() {
                    warnings.push(format!(
                        "claim {id}: the mention \u{201c}{}\u{201d} of its source is no longer \
                         in the text and was dropped",
                        excerpt(&m.text)
                    ));
                }
                found
            }),
        });
    // A cue or report whose text is where it was stays there (the extractor may have
    // normalised a cue's text, so an unchanged text keeps any valid span); else it is
    // looked for near where the claim moved.
    let mut carry = |r: &TextRef, what: &str| {
        let stored = Span::new(r.start, r.end);
        let span = if stored.slice(text) == Some(r.text.as_str())
            || (text_unchanged && stored.is_valid_for(text))
        {
            Some(stored)
        } else {
            locate(text, &r.text, shift(stored))
        };
        if span.is_none() {
            warnings.push(format!(
                "claim {id}: {what} \u{201c}{}\u{201d} is no longer in the text and was dropped",
                excerpt(&r.text)
            ));
        }
        span
    };
    let cue = c.cue.and_then(|cue| {
        let at = TextRef {
            start: cue.start,
            end: cue.end,
            text: cue.text,
        };
        carry(&at, "its cue").map(|span| Cue {
            text: at.text,
            span,
            class: cue_class_from_file(cue.class),
        })
    });
    let reported_in = c.reported_in.and_then(|r| {
        carry(&r, "the report it was reported in")
            .map(|span| Box::new(ReportedIn { text: r.text, span }))
    });
    Claim {
        id,
        span,
        kind: kind_from_file(c.kind),
        source,
        cue,
        reported_in,
        score: c.score,
        reasons: c.reasons,
        origin: origin_from_file(c.origin),
        review: review_from_file(c.review),
    }
}

/// A claim that is not in the text: everything kept as stored, its spans those of the
/// text it was last placed in.
fn orphan_from_file(
    c: ClaimFile,
    source_ids: &BTreeSet<u32>,
    warnings: &mut Vec<String>,
) -> Orphan {
    let id = ClaimId(c.id);
    let source =
        source_from_claim_file(id, c.source, source_ids, warnings).map(|(sid, _)| ClaimSource {
            id: sid,
            mention: None,
        });
    let anchor = c.anchor;
    let claim = Claim {
        id,
        span: anchor.span(),
        kind: kind_from_file(c.kind),
        source,
        cue: c.cue.map(|cue| Cue {
            text: cue.text,
            span: Span::new(cue.start, cue.end),
            class: cue_class_from_file(cue.class),
        }),
        reported_in: c.reported_in.map(|r| {
            Box::new(ReportedIn {
                text: r.text,
                span: Span::new(r.start, r.end),
            })
        }),
        score: c.score,
        reasons: c.reasons,
        origin: origin_from_file(c.origin),
        review: review_from_file(c.review),
    };
    Orphan {
        claim,
        quote: anchor.exact,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
    }
}

/// The claim's source id if it is in the project (else a warning), and its mention.
fn source_from_claim_file(
    id: ClaimId,
    source: Option<ClaimSourceFile>,
    source_ids: &BTreeSet<u32>,
    warnings: &mut Vec<String>,
) -> Option<(SourceId, Option<TextRef>)> {
    match source {
        Some(s) if source_ids.contains(&s.id) => Some((SourceId(s.id), s.mention)),
        Some(s) => {
            warnings.push(format!(
                "claim {id} refers to source {}, which is not in the project; its source was \
                 cleared",
                SourceId(s.id)
            ));
            None
        }
        None => None,
    }
}

fn kind_from_file(kind: ClaimKindFile) -> ClaimKind {
    match kind {
        ClaimKindFile::Quote => ClaimKind::Quote,
        ClaimKindFile::Reported => ClaimKind::Reported,
        ClaimKindFile::Statistic => ClaimKind::Statistic,
        ClaimKindFile::Fact => ClaimKind::Fact,
    }
}

fn origin_from_file(origin: OriginFile) -> Origin {
    match origin {
        OriginFile::Extracted => Origin::Extracted,
        OriginFile::Manual => Origin::Manual,
    }
}

fn review_from_file(r: ReviewFile) -> Review {
    Review {
        verdict: match r.verdict {
            VerdictFile::Unreviewed => Verdict::Unreviewed,
            VerdictFile::Verified => Verdict::Verified,
            VerdictFile::Disputed => Verdict::Disputed,
            VerdictFile::NeedsContext => Verdict::NeedsContext,
            VerdictFile::Unverifiable => Verdict::Unverifiable,
        },
        note: r.note,
        evidence: r
            .evidence
            .into_iter()
            .map(|e| Evidence {
                url: e.url,
                title: e.title,
                note: e.note,
            })
            .collect(),
        reviewer: r.reviewer,
        reviewed_at: r.reviewed_at,
    }
}

/// The first 60 characters of a quote, for messages.
fn excerpt(s: &str) -> String {
    const MAX: usize = 60;
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}\u{2026}", &flat[..cut]),
        None => flat,
    }
}
