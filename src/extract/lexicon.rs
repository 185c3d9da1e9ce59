//! Word lists: attribution verbs and the small closed classes the patterns need.
//!
//! Everything here is lowercase. Verb entries list a lemma and, for irregular verbs,
//! its forms; regular inflections are generated.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: the cue table is looked up for every word, and its keys are short.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// How much an attribution verb commits its subject to the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CueClass {
    /// Speech and writing: say, tell, announce, write. Any content will do.
    Speech,
    /// Evidence and findings: show, find, estimate. Needs a clause ("that …") or
    /// an inverted tag to count.
    Evidence,
    /// Beliefs and wishes: think, believe, expect. Needs a clause.
    Cognition,
    /// Positions and judgements: criticize, praise, call (X a Y), want. The subject must
    /// be a named or described person or organisation.
    Stance,
}

/// The verb form a token is: which lemma, which class, and whether it is a participle
/// ("saying", "adding") or a finite form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueVerb {
    pub lemma: &'static str,
    pub class: CueClass,
    /// `-ing` form.
    pub progressive: bool,
    /// The verb usually takes a person object before its clause ("told reporters that").
    pub takes_object: bool,
}

/// Speech verbs: (lemma, irregular forms or empty, takes an object).
const SPEECH: &[(&str, &[&str], bool)] = &[
    ("say", &["says", "said", "saying"], false),
    ("tell", &["tells", "told", "telling"], true),
    ("add", &[], false),
    ("state", &[], false),
    ("declare", &[], false),
    ("announce", &[], false),
    ("write", &["writes", "wrote", "written", "writing"], false),
    ("tweet", &[], false),
    ("post", &[], false),
    ("report", &[], false),
    ("claim", &[], false),
    ("insist", &[], false),
    ("argue", &[], false),
    ("warn", &[], true),
    ("note", &[], false),
    ("explain", &[], false),
    ("confirm", &[], false),
    ("deny", &["denies", "denied", "denying"], false),
    ("admit", &["admits", "admitted", "admitting"], false),
    ("acknowledge", &[], false),
    ("reveal", &[], false),
    ("disclose", &[], false),
    ("reply", &["replies", "replied", "replying"], false),
    ("respond", &[], false),
    ("answer", &[], false),
    ("ask", &[], true),
    ("estimate", &[], false),
    ("predict", &[], false),
    (
        "forecast",
        &["forecasts", "forecast", "forecasted", "forecasting"],
        false,
    ),
    ("project", &[], false),
    ("calculate", &[], false),
    ("urge", &[], true),
    ("promise", &[], true),
    ("pledge", &[], false),
    ("vow", &[], false),
    ("recall", &[], false),
    ("stress", &["stresses", "stressed", "stressing"], false),
    ("emphasize", &[], false),
    ("emphasise", &[], false),
    ("maintain", &[], false),
    ("contend", &[], false),
    ("allege", &[], false),
    ("charge", &[], false),
    ("testify", &["testifies", "testified", "testifying"], false),
    ("concede", &[], false),
    ("complain", &[], false),
    ("caution", &[], false),
    ("counter", &[], false),
    ("quip", &["quips", "quipped", "quipping"], false),
    ("joke", &[], false),
    ("remark", &[], false),
    ("comment", &[], false),
    ("observe", &[], false),
    ("assert", &[], false),
    ("reiterate", &[], false),
    ("repeat", &[], false),
    ("boast", &[], false),
    ("brag", &["brags", "bragged", "bragging"], false),
    ("assure", &[], true),
    ("inform", &[], true),
    ("remind", &[], true),
    (
        "signal",
        &[
            "signals",
            "signaled",
            "signalled",
            "signaling",
            "signalling",
        ],
        false,
    ),
    ("hint", &[], false),
    ("mention", &[], false),
    ("agree", &["agrees", "agreed", "agreeing"], false),
    ("dispute", &[], false),
    ("speculate", &[], false),
    ("affirm", &[], false),
    ("proclaim", &[], false),
    ("underline", &[], false),
    ("underscore", &[], false),
    ("exclaim", &[], false),
    ("shout", &[], false),
    ("scream", &[], false),
    ("whisper", &[], false),
    ("acknowledge", &[], false),
    ("concur", &["concurs", "concurred", "concurring"], false),
    ("object", &[], false),
    ("protest", &[], false),
    ("retort", &[], false),
    ("continue", &[], false),
    ("conclude", &[], false),
    ("quote", &[], false),
    ("cite", &[], false),
    ("advise", &[], true),
    ("demand", &[], false),
    ("propose", &[], false),
    ("recommend", &[], false),
    ("threaten", &[], false),
    (
        "guarantee",
        &["guarantees", "guaranteed", "guaranteeing"],
        false,
    ),
    ("accuse", &[], true),
    ("suggest", &[], false),
    ("indicate", &[], false),
    ("question", &[], false),
    ("read", &["reads", "read"], false),
    ("talk", &[], false),
    ("speak", &["speaks", "spoke", "spoken", "speaking"], false),
    ("rail", &[], false),
    ("muse", &[], false),
    ("echo", &["echoes", "echoed", "echoing"], false),
    ("insinuate", &[], false),
    ("imply", &["implies", "implied", "implying"], false),
];

/// Verbs whose object is the person addressed ("told reporters", "assured voters").
pub fn addresses_listener(lemma: &str) -> bool {
    matches!(
        lemma,
        "tell" | "inform" | "assure" | "remind" | "ask" | "advise" | "notify" | "brief"
    )
}

const EVIDENCE: &[(&str, &[&str], bool)] = &[
    ("show", &["shows", "showed", "shown", "showing"], false),
    ("find", &["finds", "found", "finding"], false),
    ("demonstrate", &[], false),
    ("conclude", &[], false),
    ("determine", &[], false),
    ("establish", &[], false),
    ("confirm", &[], false),
    ("suggest", &[], false),
    ("indicate", &[], false),
    ("reveal", &[], false),
    ("estimate", &[], false),
];

const COGNITION: &[(&str, &[&str], bool)] = &[
    ("believe", &[], false),
    ("think", &["thinks", "thought", "thinking"], false),
    ("expect", &[], false),
    ("hope", &[], false),
    ("fear", &[], false),
    ("feel", &["feels", "felt", "feeling"], false),
    ("worry", &["worries", "worried", "worrying"], false),
    ("doubt", &[], false),
    ("know", &["knows", "knew", "known", "knowing"], false),
    ("suspect", &[], false),
    ("assume", &[], false),
    (
        "understand",
        &["understands", "understood", "understanding"],
        false,
    ),
    ("acknowledge", &[], false),
    ("recognize", &[], false),
    ("recognise", &[], false),
    ("realize", &[], false),
    ("realise", &[], false),
    ("conclude", &[], false),
    ("agree", &["agrees", "agreed", "agreeing"], false),
    ("hold", &["holds", "held", "holding"], false),
];

/// Regular inflections of a lemma: -s, -ed, -ing.
fn regular_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let sibilant = ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|e| lemma.ends_with(e));
    out.push(if sibilant {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    });
    if let Some(stem) = lemma.strip_suffix('e') {
        out.push(format!("{lemma}d"));
        out.push(format!("{stem}ing"));
    } else {
        out.push(format!("{lemma}ed"));
        out.push(format!("{lemma}ing"));
    }
    out
}

const STANCE: &[(&str, &[&str], bool)] = &[
    ("criticize", &[], false),
    ("criticise", &[], false),
    ("condemn", &[], false),
    ("praise", &[], false),
    ("defend", &[], false),
    ("dismiss", &["dismisses", "dismissed", "dismissing"], false),
    ("reject", &[], false),
    ("oppose", &[], false),
    ("support", &[], false),
    ("endorse", &[], false),
    ("attack", &[], false),
    ("slam", &["slams", "slammed", "slamming"], false),
    ("blast", &[], false),
    ("mock", &[], false),
    ("ridicule", &[], false),
    ("describe", &[], false),
    (
        "label",
        &["labels", "labeled", "labelled", "labeling", "labelling"],
        false,
    ),
    ("brand", &[], false),
    ("dub", &["dubs", "dubbed", "dubbing"], false),
    ("characterize", &[], false),
    ("characterise", &[], false),
    ("want", &[], false),
    ("plan", &["plans", "planned", "planning"], false),
    ("seek", &["seeks", "sought", "seeking"], false),
    ("intend", &[], false),
    ("refuse", &[], false),
    ("welcome", &[], false),
    ("applaud", &[], false),
    ("hail", &[], false),
    ("blame", &[], false),
    ("challenge", &[], false),
    ("fault", &[], false),
    ("lament", &[], false),
    ("decry", &["decries", "decried", "decrying"], false),
    ("denounce", &[], false),
    ("lambaste", &[], false),
    ("berate", &[], false),
    ("laud", &[], false),
    ("commend", &[], false),
    ("credit", &[], false),
    ("highlight", &[], false),
    ("call", &[], false),
    ("vow", &[], false),
    ("favor", &[], false),
    ("favour", &[], false),
    ("prefer", &["prefers", "preferred", "preferring"], false),
    ("tout", &[], false),
    ("reference", &[], false),
    ("belittle", &[], false),
    ("dismiss", &["dismisses", "dismissed", "dismissing"], false),
    ("recommend", &[], false),
    ("advocate", &[], false),
    ("champion", &[], false),
    ("pitch", &["pitches", "pitched", "pitching"], false),
    ("portray", &[], false),
    ("depict", &[], false),
    ("frame", &[], false),
    ("push", &["pushes", "pushed", "pushing"], false),
    ("press", &["presses", "pressed", "pressing"], false),
];

static CUES: LazyLock<FnvMap<String, CueVerb>> = LazyLock::new(|| {
    let mut map = FnvMap::default();
    // Later classes do not override earlier ones: speech wins over evidence and cognition.
    for (class, table) in [
        (CueClass::Speech, SPEECH),
        (CueClass::Evidence, EVIDENCE),
        (CueClass::Cognition, COGNITION),
        (CueClass::Stance, STANCE),
    ] {
        for &(lemma, irregular, takes_object) in table {
            let forms: Vec<String> = if irregular.is_empty() {
                regular_forms(lemma)
            } else {
                std::iter::once(lemma.to_string())
                    .chain(irregular.iter().map(|f| (*f).to_string()))
                    .collect()
            };
            for form in forms {
                let progressive = form.ends_with("ing") && form != lemma;
                map.entry(form).or_insert(CueVerb {
                    lemma,
                    class,
                    progressive,
                    takes_object,
                });
            }
        }
    }
    map
});

/// The attribution verb `word` (lowercase) is, if any.
pub fn cue_verb(word: &str) -> Option<CueVerb> {
    // Every form in the tables has 3 to 14 letters; most words can skip the lookup.
    if !(3..=14).contains(&word.len()) {
        return None;
    }
    // A bitset of the (first, last) byte pairs of every form rejects most words
    // before hashing.
    let (Some(&a), Some(&b)) = (word.as_bytes().first(), word.as_bytes().last()) else {
        return None;
    };
    let bit = usize::from(a) << 8 | usize::from(b);
    if CUE_ENDS[bit / 64] & (1 << (bit % 64)) == 0 {
        return None;
    }
    CUES.get(word).copied()
}

static CUE_ENDS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 65536 / 64];
    for form in CUES.keys() {
        if let (Some(&a), Some(&b)) = (form.as_bytes().first(), form.as_bytes().last()) {
            let bit = usize::from(a) << 8 | usize::from(b);
            bits[bit / 64] |= 1 << (bit % 64);
        }
    }
    bits
});

macro_rules! word_set {
    ($name:ident, $doc:literal, [$($w:literal),* $(,)?]) => {
        #[doc = $doc]
        pub fn $name(word: &str) -> bool {
            matches!(word, $($w)|*)
        }
    };
}

#[rustfmt::skip]
word_set!(is_determiner, "Articles, demonstratives, possessives and quantifiers that open a noun phrase.", [
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "many", "several", "most", "few", "other", "another", "each", "every",
    "both", "all", "any", "no", "two", "three", "four", "five", "one",
]);

#[rustfmt::skip]
word_set!(is_subject_pronoun, "Pronouns that can be the subject of an attribution verb.", [
    "he", "she", "they", "we", "i", "you", "it",
]);

#[rustfmt::skip]
word_set!(is_auxiliary, "Auxiliaries and adverbs that sit between a subject and its verb.", [
    "has", "have", "had", "also", "previously", "repeatedly", "later", "then", "again", "once",
    "recently", "already", "would", "will", "could", "can", "may", "might", "did", "does",
    "do", "not", "never", "often", "first", "last", "long", "still", "just", "since",
    "further", "earlier", "separately", "initially", "even", "herself", "himself",
    "themselves", "itself", "too", "was", "were", "is", "are", "been", "being", "be", "should",
    "must", "shall", "ever", "always", "subsequently", "now", "today", "yesterday",
]);

#[rustfmt::skip]
word_set!(is_clause_word, "Words that end a noun phrase when read backwards from a verb.", [
    "that", "which", "who", "whom", "whose", "where", "when", "because", "if", "while",
    "after", "before", "although", "though", "than", "until", "but", "or", "so", "is", "was",
    "are", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
    "would", "can", "could", "should", "may", "might", "must", "not", "as", "whether", "why",
    "how", "what", "unless", "whereas", "yet", "nor", "then", "said", "says", "say", "to",
    "into", "by", "there", "here", "also", "it", "this",
]);

#[rustfmt::skip]
word_set!(is_time_word, "Days, months and relative time words (\"on Monday\", \"last week\").", [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "tomorrow", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "week", "weekend", "month",
    "year", "morning", "afternoon", "evening", "night", "earlier", "later", "recently", "day",
    "days", "weeks", "months", "years", "decade", "hours", "minutes",
]);

#[rustfmt::skip]
word_set!(is_month, "Month names.", [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]);

#[rustfmt::skip]
word_set!(is_weekday, "Day names.", [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);

#[rustfmt::skip]
word_set!(is_person_title, "Honorifics that precede a person's name.", [
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
    "reverend", "mr.", "mrs.", "ms.", "dr.", "prof.", "rev.", "sen.", "rep.", "gov.", "gen.",
    "lt.", "col.", "capt.", "sgt.", "st.", "hon.", "pres.", "atty.", "sen", "rep", "gov",
    "gen", "lt", "col", "capt", "sgt",
]);

#[rustfmt::skip]
word_set!(is_person_role, "Nouns naming a person's office or job.", [
    "president", "vice", "minister", "ministers", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "senator", "governor", "mayor", "chancellor", "director", "chief",
    "executive", "ceo", "cfo", "coo", "chairman", "chairwoman", "chair", "chairperson",
    "leader", "official", "analyst", "economist", "expert", "professor", "researcher",
    "scientist", "doctor", "physician", "lawyer", "attorney", "prosecutor", "judge", "justice",
    "general", "commander", "ambassador", "envoy", "adviser", "advisor", "aide", "candidate",
    "nominee", "lawmaker", "congressman", "congresswoman", "representative", "deputy", "head",
    "founder", "owner", "manager", "officer", "inspector", "commissioner", "author",
    "historian", "activist", "organizer", "organiser", "coach", "speaker", "premier", "king",
    "queen", "prince", "princess", "pope", "bishop", "archbishop", "cardinal", "imam", "rabbi",
    "mp", "mep", "councillor", "councilman", "councilwoman", "councilor", "alderman",
    "sheriff", "detective", "sergeant", "colonel", "lieutenant", "captain", "major", "admiral",
    "marshal", "treasurer", "auditor", "controller", "comptroller", "registrar", "dean",
    "provost", "rector", "principal", "superintendent", "administrator", "coordinator",
    "strategist", "consultant", "pollster", "campaigner", "negotiator", "diplomat",
    "correspondent", "reporter", "editor", "columnist", "host", "anchor", "presenter",
    "producer", "engineer", "economists", "analysts", "officials", "experts", "researchers",
    "scientists", "doctors", "lawyers", "residents", "witnesses", "farmers", "workers",
    "teachers", "nurses", "police", "spokesmen", "spokeswomen", "sources", "source", "partner",
    "member", "members", "fellow", "trustee", "steward", "physicist", "epidemiologist",
    "virologist", "statistician", "surgeon", "nurse", "teacher", "farmer", "worker",
    "resident", "witness", "survivor", "victim", "mother", "father", "son", "daughter", "wife",
    "husband", "brother", "sister", "friend", "neighbor", "neighbour", "colleague", "boss",
    "emir", "sheikh", "sultan", "chairs",
]);

#[rustfmt::skip]
word_set!(is_org_word, "Head words of organisation names and nouns for organisations.", [
    "ministry", "department", "office", "government", "agency", "union", "party", "group",
    "company", "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "llc", "plc",
    "co", "co.", "firm", "bank", "fund", "council", "committee", "commission", "board",
    "institute", "institution", "university", "college", "school", "hospital", "clinic",
    "association", "federation", "foundation", "society", "league", "network", "news", "times",
    "post", "journal", "herald", "guardian", "telegraph", "tribune", "gazette", "magazine",
    "newspaper", "paper", "channel", "radio", "television", "tv", "broadcaster", "service",
    "services", "court", "parliament", "congress", "senate", "assembly", "cabinet",
    "administration", "authority", "authorities", "police", "army", "navy", "military",
    "forces", "command", "center", "centre", "organization", "organisation", "campaign",
    "coalition", "alliance", "bureau", "directorate", "secretariat", "regulator", "watchdog",
    "tank", "lab", "laboratory", "labs", "holdings", "industries", "motors", "airlines",
    "airways", "systems", "technologies", "partners", "capital", "securities", "insurance",
    "energy", "oil", "gas", "mining", "media", "press", "reuters", "carmaker", "automaker",
    "retailer", "lender", "insurer", "airline", "startup", "giant", "manufacturer", "producer",
    "exporter", "importer", "operator", "utility", "publisher", "website", "outlet", "daily",
    "weekly", "club", "team", "church", "mission", "embassy", "consulate", "state", "states",
    "nations", "fbi", "cia", "pentagon", "kremlin", "monitor", "observatory", "trust",
    "charity", "ngo", "initiative", "caucus", "delegation", "panel", "jury", "tribunal",
    "house", "hall", "chamber", "exchange", "market", "markets",
]);

#[rustfmt::skip]
word_set!(is_source_document, "Nouns for documents and studies that can be sources.", [
    "report", "study", "survey", "poll", "statement", "analysis", "data", "figures",
    "research", "audit", "review", "census", "letter", "memo", "document", "documents",
    "filing", "complaint", "lawsuit", "ruling", "indictment", "estimate", "estimates",
    "forecast", "projections", "records", "paper", "assessment", "investigation", "probe",
    "inquiry", "findings", "release", "post", "tweet", "message", "email", "emails", "book",
    "article", "editorial", "op-ed", "column", "interview", "transcript", "video", "ad",
    "advert", "advertisement", "speech", "testimony", "polls",
]);

#[rustfmt::skip]
word_set!(is_unnamed_head, "Plural or generic nouns for sources nobody names.", [
    "officials", "sources", "source", "analysts", "experts", "observers", "critics", "people",
    "insiders", "diplomats", "economists", "residents", "witnesses", "investigators",
    "authorities", "police", "aides", "advisers", "advisors", "lawmakers", "legislators",
    "politicians", "activists", "supporters", "opponents", "scientists", "researchers",
    "doctors", "campaigners", "workers", "traders", "investors", "reports", "others", "some",
    "many", "several", "critic", "official", "observer", "insider", "spokesman", "spokeswoman",
    "spokesperson", "person", "officer", "officers", "staff", "employees", "members",
    "bankers", "executives", "managers", "farmers", "voters", "locals", "families",
    "relatives", "parents", "teachers", "nurses", "union", "unions",
]);

#[rustfmt::skip]
word_set!(is_gendered_pronoun, "Personal pronouns that refer to a single person.", [
    "he", "she", "him", "her", "his", "hers",
]);

#[rustfmt::skip]
word_set!(is_nationality, "Common nationality and place adjectives used in roles.", [
    "american", "british", "russian", "ukrainian", "chinese", "french", "german", "italian",
    "spanish", "canadian", "australian", "indian", "japanese", "korean", "israeli",
    "palestinian", "iranian", "iraqi", "syrian", "turkish", "egyptian", "mexican", "brazilian",
    "african", "european", "polish", "dutch", "swedish", "irish", "scottish", "welsh",
    "english", "kenyan", "nigerian", "pakistani", "afghan", "saudi", "u.s.", "us", "uk",
    "u.k.", "eu", "un", "u.n.", "federal", "state", "national", "regional", "local",
    "republican", "democratic", "democrat", "labour", "conservative", "liberal", "former",
    "senior", "junior", "acting", "interim", "then", "outgoing", "incoming", "top", "chief",
    "deputy", "assistant", "associate", "vice", "general", "foreign", "defence", "defense",
    "finance", "health", "home", "interior", "justice", "trade", "economy", "energy",
    "environment", "education", "transport", "agriculture", "labor", "treasury", "prime",
    "attorney", "secretary", "executive", "managing", "press", "communications",
]);

#[rustfmt::skip]
word_set!(is_given_name_lower, "Common given names (lowercase), to tell a person's name from a business's.", [
    "aaron", "abdul", "abdullah", "abigail", "abraham", "adam", "adrian", "ahmad", "ahmed",
    "aisha", "alan", "albert", "alex", "alexander", "alexandra", "alexis", "alfred", "ali",
    "alice", "alicia", "alison", "amanda", "amber", "amelia", "amina", "amir", "amy", "ana",
    "anastasia", "andre", "andrea", "andreas", "andrew", "andy", "angela", "angelo", "anita",
    "ann", "anna", "anne", "annie", "anthony", "antonio", "arjun", "arthur", "ashley", "aziz",
    "barbara", "barry", "beatriz", "ben", "benjamin", "bernard", "bernie", "beth", "betty",
    "bill", "billy", "bob", "bobby", "brad", "brandon", "brenda", "brian", "bruce", "bryan",
    "carl", "carla", "carlos", "carmen", "carol", "caroline", "carolyn", "catherine",
    "charles", "charlie", "charlotte", "chen", "chris", "christian", "christina", "christine",
    "christopher", "claire", "clara", "claudia", "colin", "connor", "craig", "cynthia",
    "daniel", "daniela", "danny", "dave", "david", "dean", "deborah", "declan", "denis",
    "dennis", "derek", "diana", "diane", "diego", "dmitri", "dmitry", "dominic", "donald",
    "donna", "doris", "dorothy", "douglas", "duncan", "dylan", "eduardo", "edward", "elena",
    "eli", "elijah", "elizabeth", "ellen", "emily", "emma", "eric", "erica", "erik", "ethan",
    "eugene", "eva", "evelyn", "fatima", "felix", "fernando", "fiona", "francesca", "francis",
    "francisco", "frank", "fred", "frederick", "gabriel", "gabriela", "gareth", "gary",
    "gavin", "george", "georgia", "gerald", "gloria", "gordon", "grace", "graham", "greg",
    "gregory", "hannah", "hans", "harold", "harry", "hassan", "heather", "helen", "helena",
    "henry", "hillary", "howard", "hugh", "hugo", "ian", "ibrahim", "igor", "irene", "isaac",
    "isabel", "isabella", "ivan", "jack", "jacob", "jacqueline", "james", "jamie", "jan",
    "jane", "janet", "janice", "jason", "javier", "jean", "jeb", "jeff", "jeffrey", "jennifer",
    "jeremy", "jerry", "jesse", "jessica", "jim", "jimmy", "joan", "joanna", "joe", "joel",
    "john", "johnny", "jon", "jonathan", "jorge", "jose", "joseph", "josh", "joshua", "joyce",
    "juan", "judith", "judy", "julia", "julian", "julie", "justin", "karen", "karl", "kate",
    "katherine", "kathleen", "kathryn", "katie", "keith", "kelly", "ken", "kenneth", "kevin",
    "khalid", "kim", "kimberly", "kyle", "larry", "laura", "lauren", "lawrence", "leah", "lee",
    "leo", "leon", "leonard", "li", "lily", "linda", "lisa", "liu", "lois", "louis", "louise",
    "lucas", "lucy", "luis", "luke", "lynn", "malik", "manuel", "marco", "marcus", "margaret",
    "maria", "marie", "marilyn", "mario", "mark", "marta", "martha", "martin", "mary", "matt",
    "matthew", "maurice", "max", "megan", "melissa", "michael", "michelle", "miguel", "mike",
    "mikhail", "mitch", "mohamed", "mohammad", "mohammed", "monica", "muhammad", "nancy",
    "naomi", "natalie", "nathan", "neil", "nicholas", "nick", "nicola", "nicole", "nigel",
    "nina", "noah", "noor", "norman", "olga", "oliver", "olivia", "omar", "oscar", "owen",
    "pablo", "pamela", "patricia", "patrick", "paul", "paula", "pedro", "peter", "philip",
    "phillip", "pierre", "priya", "rachel", "rafael", "rahul", "ralph", "ramon", "randy",
    "raymond", "rebecca", "richard", "rick", "rita", "robert", "roberto", "robin", "roger",
    "ron", "ronald", "rosa", "rose", "roy", "ruby", "russell", "ruth", "ryan", "sally", "sam",
    "samantha", "samuel", "sandra", "sara", "sarah", "scott", "sean", "sergei", "sergey",
    "sharon", "shirley", "simon", "sofia", "sophia", "sophie", "stacy", "stanley", "stephanie",
    "stephen", "steve", "steven", "stuart", "susan", "suzanne", "tanya", "teresa", "terry",
    "theresa", "thomas", "tim", "timothy", "tina", "todd", "tom", "tomas", "tommy", "tony",
    "tracy", "ursula", "valerie", "vanessa", "victor", "victoria", "vincent", "virginia",
    "vladimir", "walter", "wang", "wayne", "wei", "wendy", "william", "willie", "xavier",
    "yang", "yasmin", "yusuf", "zachary", "zhang",
]);

/// True if `word` (any case) is a common given name.
pub fn is_given_name(word: &str) -> bool {
    is_given_name_lower(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_and_regular_forms_are_cues() {
        assert_eq!(cue_verb("said").map(|c| c.lemma), Some("say"));
        assert_eq!(cue_verb("told").map(|c| c.lemma), Some("tell"));
        assert_eq!(cue_verb("estimated").map(|c| c.lemma), Some("estimate"));
        assert_eq!(cue_verb("warns").map(|c| c.lemma), Some("warn"));
        assert_eq!(cue_verb("stresses").map(|c| c.lemma), Some("stress"));
        assert!(cue_verb("adding").is_some_and(|c| c.progressive));
        assert!(cue_verb("table").is_none());
    }

    #[test]
    fn every_form_fits_the_quick_checks() {
        for form in CUES.keys() {
            assert!((3..=14).contains(&form.len()), "{form}");
            assert!(cue_verb(form).is_some(), "{form}");
        }
    }

    #[test]
    fn speech_wins_over_other_classes() {
        assert_eq!(
            cue_verb("confirmed").map(|c| c.class),
            Some(CueClass::Speech)
        );
        assert_eq!(cue_verb("found").map(|c| c.class), Some(CueClass::Evidence));
        assert_eq!(
            cue_verb("believes").map(|c| c.class),
            Some(CueClass::Cognition)
        );
    }

    #[test]
    fn closed_classes() {
        assert!(is_determiner("the"));
        assert!(is_person_role("minister"));
        assert!(is_org_word("ministry"));
        assert!(is_time_word("monday"));
        assert!(!is_time_word("minister"));
    }
}
