//! Stage 3: from matches to entities.
//!
//! The steps, in order:
//!
//! 1. **Readings.** Each gazetteer match may stand for several entries ("Georgia": a country and
//!    a US state). Weak readings (places that are also common words or people's names, one-word
//!    titles) are kept only with support from the context; the rest are ranked: entries from a
//!    user's gazetteer first, then strong before weak, then places in a country the document
//!    names, then countries before regions before cities, then by population (parties of one name by vote share times their country's population).
//! 2. **Overlaps**, the one policy: longer spans win, then earlier ones, then higher-priority
//!    sources (user lists before built-in ones). A candidate is kept only if it overlaps no
//!    candidate kept before it.
//! 3. **Folding.** Mentions of the same entry become one entity named by the entry's canonical
//!    name, with the entry's id as its `kb_id`. Entities are numbered in order of first mention.

mod names;
pub mod ner;

use std::borrow::Cow;
use std::collections::HashMap;

use names::Known;

use crate::Span;
use crate::entity::{Entity, EntityId, Label, Mention};
use crate::hash::FxBuild;
use crate::matcher::pattern::PatternSet;
use crate::matcher::{EntryRef, Gazetteer, GazetteerMatch, Kind, Pattern};
use crate::tagger::Tag;
use crate::text::{Sentence, Token};

/// One candidate mention with what produced it.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub span: Span,
    pub first_token: usize,
    pub end_token: usize,
    pub label: Label,
    /// Lower wins when two candidates of one length overlap: user gazetteers in the order given,
    /// then the built-in one, then rules.
    pub priority: usize,
    pub origin: Origin,
    /// From the user's own gazetteers or patterns: always kept.
    pub user: bool,
    /// The entity model agreed (its span and label are the candidate's).
    pub model: bool,
    /// How strong the evidence is ([`STRONG`] and above: a list entry that needs no support or
    /// got it, a specific rule, a name with two kinds of evidence).
    pub strength: i32,
}

/// The strength of evidence the entity model cannot overrule unless it is sure.
pub(crate) const STRONG: i32 = 4;
/// The strength of a rule for a context the model's training data lack (sports results): the
/// model never overrules it.
pub(crate) const CERTAIN: i32 = 20;

/// What produced a candidate.
#[derive(Clone, Debug)]
pub(crate) enum Origin {
    /// An entry of gazetteer `g`.
    Gazetteer { g: usize, entry: usize },
    /// A rule, with its name and evidence.
    Rule(String),
    /// The entity model, on its own.
    Model,
}

/// Words before a place that show it is one ("in Reading", "near Bath").
const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "to",
    "outside",
    "around",
    "across",
    "into",
    "towards",
    "toward",
    "via",
    "throughout",
    "within",
    "between",
    "inside",
    "through",
    "visited",
    "visit",
    "visiting",
];

/// Context facts about a sentence used by the support checks.
struct SentenceInfo {
    /// Most ordinary words are capitalised: a title-case headline, where capitals prove nothing.
    title_case: bool,
    /// The sentence (or, failing that, its document) is about sport: a club's short name ("Spurs",
    /// "Liverpool") is the club there.
    sports: bool,
    /// The sentence (or its document) is about business: a company's short name is the company.
    business: bool,
    /// The sentence names a chamber of the US Congress: a committee named without its chamber
    /// ("the Judiciary Committee") is that chamber's.
    congress: bool,
    /// The one chamber the sentence names ("senate" for "Senate", "senator"; "house" for
    /// "House", "Representatives", "congressman"), when it names one and not the other.
    chamber: Option<&'static str>,
}

/// Words that show a sentence is about sport.
const SPORTS_WORDS: &[&str] = &[
    "beat",
    "beaten",
    "beating",
    "defeat",
    "defeated",
    "draw",
    "drew",
    "drawn",
    "win",
    "won",
    "wins",
    "victory",
    "lose",
    "lost",
    "loss",
    "match",
    "matches",
    "game",
    "games",
    "goal",
    "goals",
    "scored",
    "scoring",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "manager",
    "coach",
    "boss",
    "season",
    "league",
    "cup",
    "premiership",
    "championship",
    "fixture",
    "fixtures",
    "derby",
    "transfer",
    "signed",
    "signing",
    "loan",
    "squad",
    "fans",
    "stadium",
    "kick-off",
    "play-off",
    "relegation",
    "promotion",
    "points",
    "penalty",
    "penalties",
    "try",
    "tries",
    "wicket",
    "wickets",
    "innings",
    "batting",
    "bowling",
    "inning",
    "pitcher",
    "touchdown",
    "quarterback",
    "v",
    "vs",
    "half-time",
    "semi-final",
    "final",
    "title",
    "champions",
    "club",
    "clubs",
    "side",
    "sides",
    "team",
    "teams",
    "player",
    "players",
    "tournament",
    "referee",
    "trophy",
];

/// Words that tell one sport from another, for choosing among clubs of one name ("Boston": the
/// Red Sox in a baseball story, the Celtics in a basketball one).
const SPORT_WORDS: &[(&str, &[&str])] = &[
    (
        "football",
        &[
            "football",
            "soccer",
            "striker",
            "midfielder",
            "goalkeeper",
            "premiership",
            "fa",
            "uefa",
            "penalty",
            "corner",
            "offside",
            "keeper",
            "goals",
        ],
    ),
    (
        "cricket",
        &[
            "cricket", "wicket", "wickets", "innings", "overs", "batsman", "batting", "bowled", "bowler",
            "test", "lbw",
        ],
    ),
    (
        "baseball",
        &[
            "baseball",
            "inning",
            "innings",
            "pitcher",
            "pitched",
            "homer",
            "rbi",
            "bullpen",
            "mlb",
            "hitter",
            "outfielder",
        ],
    ),
    (
        "basketball",
        &["basketball", "nba", "rebounds", "assists", "dunk", "court", "guard", "forward", "three-pointer"],
    ),
    ("ice hockey", &["hockey", "nhl", "puck", "goalie", "power-play", "rink", "ice"]),
    ("rugby union", &["rugby", "try", "tries", "scrum", "fly-half", "lineout", "conversion", "six"]),
    ("rugby league", &["rugby", "try", "tries", "scrum", "super", "league"]),
    ("american football", &["touchdown", "touchdowns", "quarterback", "nfl", "yards", "field-goal"]),
];

/// Words that show a sentence is about business.
const BUSINESS_WORDS: &[&str] = &[
    "shares",
    "share",
    "stock",
    "stocks",
    "profit",
    "profits",
    "revenue",
    "revenues",
    "sales",
    "firm",
    "firms",
    "company",
    "companies",
    "deal",
    "takeover",
    "bid",
    "merger",
    "acquisition",
    "investors",
    "analysts",
    "quarter",
    "quarterly",
    "dividend",
    "earnings",
    "brand",
    "products",
    "customers",
    "executive",
    "chairman",
    "shareholders",
    "market",
    "markets",
    "rival",
    "rivals",
    "group",
    "business",
    "bank",
    "banks",
    "chief",
    "maker",
    "makers",
    "retailer",
    "retailers",
    "operator",
    "giant",
    "subsidiary",
    "stake",
];

/// Words that follow a party's name or adjective in a role ("Labour MP", "Democrat senator").
const PARTY_CUES: &[&str] = &[
    "party",
    "parties",
    "mp",
    "mps",
    "mep",
    "meps",
    "msp",
    "msps",
    "leader",
    "leaders",
    "leadership",
    "candidate",
    "candidates",
    "voter",
    "voters",
    "supporter",
    "supporters",
    "member",
    "members",
    "councillor",
    "councillors",
    "peer",
    "peers",
    "politician",
    "politicians",
    "activist",
    "activists",
    "government",
    "administration",
    "minister",
    "ministers",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "deputy",
    "backbencher",
    "backbenchers",
    "rebel",
    "rebels",
    "manifesto",
    "conference",
    "campaign",
    "campaigners",
    "senator",
    "senators",
    "congressman",
    "congresswoman",
    "representative",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "governor",
    "nominee",
    "nomination",
    "primary",
    "primaries",
    "convention",
    "majority",
    "whip",
    "frontbencher",
    "frontbenchers",
    "delegates",
    "colleagues",
    "council",
    "group",
    "bench",
    "benches",
    "peer",
    "donor",
    "donors",
];

/// What follows a place's name in a hyphenated word that shows it is the place ("Reading-based").
const PLACE_SUFFIXES: &[&str] = &[
    "based",
    "born",
    "bred",
    "bound",
    "raised",
    "educated",
    "headquartered",
    "registered",
    "area",
    "region",
];

/// In [`cue_bits`]: a sports word.
const CUE_SPORTS: u16 = 1;
/// In [`cue_bits`]: a business word.
const CUE_BUSINESS: u16 = 2;
/// In [`cue_bits`]: a word that follows a party's name in a role.
const CUE_PARTY: u16 = 4;
/// In [`cue_bits`]: the first bit of the sports of [`SPORT_WORDS`], in order.
const CUE_SPORT0: u16 = 8;

/// What the cue lists above say of a lower-case word: one probe per token instead of a scan of
/// every list.
fn cue_bits(word: &str) -> u16 {
    static CUES: std::sync::LazyLock<HashMap<&'static str, u16, crate::hash::FxBuild>> =
        std::sync::LazyLock::new(|| {
            let mut m: HashMap<&'static str, u16, crate::hash::FxBuild> = HashMap::default();
            for (list, bit) in
                [(SPORTS_WORDS, CUE_SPORTS), (BUSINESS_WORDS, CUE_BUSINESS), (PARTY_CUES, CUE_PARTY)]
            {
                for w in list {
                    *m.entry(w).or_insert(0) |= bit;
                }
            }
            for (k, (_, words)) in SPORT_WORDS.iter().enumerate() {
                for w in words.iter() {
                    *m.entry(w).or_insert(0) |= CUE_SPORT0 << k;
                }
            }
            m
        });
    CUES.get(word).copied().unwrap_or(0)
}

fn sentence_info(
    tokens: &[Token<'_>],
    cues: &[u16],
    s: &Sentence,
    common: &[bool],
    given: &[bool],
    doc_sports: bool,
    doc_business: bool,
) -> SentenceInfo {
    let has = |bit: u16| cues[s.tokens()].iter().any(|&c| c & bit != 0);
    SentenceInfo {
        title_case: title_case(tokens, s, None, common, given),
        sports: doc_sports || has(CUE_SPORTS) || is_results(tokens, s),
        business: doc_business || has(CUE_BUSINESS),
        congress: tokens[s.tokens()].iter().any(|t| {
            matches!(t.norm(), "Senate" | "House" | "Congress" | "congressional" | "Representatives")
        }),
        chamber: {
            let words = || tokens[s.tokens()].iter().map(|t| t.norm());
            let senate = words().any(|w| matches!(w, "Senate" | "senator" | "senators" | "Senator" | "Sen."));
            let house = words()
                .any(|w| matches!(w, "House" | "Representatives" | "congressman" | "congresswoman" | "Rep."));
            match (senate, house) {
                (true, false) => Some("senate"),
                (false, true) => Some("house"),
                _ => None,
            }
        },
    }
}

/// Whether a sentence is a line of sports results: at least two numbers and few lower-case words.
fn is_results(tokens: &[Token<'_>], s: &Sentence) -> bool {
    let toks = &tokens[s.tokens()];
    let numbers = toks.iter().filter(|t| t.kind() == crate::text::TokenKind::Number).count();
    let lower = toks.iter().filter(|t| t.is_lowercase() && t.text().len() > 2).count();
    numbers >= 2 && lower * 4 <= toks.len()
}

/// Whether a sentence is a title-case headline. Only ordinary English words count: in a headline
/// they are capitalised ("Deal With Pakistan"), in a sentence full of names and titles they are
/// not ("Director Christopher Wray met ..."). Words inside known entities and given names ("Mike")
/// are left out.
fn title_case(
    tokens: &[Token<'_>],
    s: &Sentence,
    known: Option<&[Known]>,
    common: &[bool],
    given: &[bool],
) -> bool {
    let (mut caps, mut words) = (0, 0);
    for i in s.tokens().skip(1) {
        let t = &tokens[i];
        if known.is_some_and(|k| k[i] != Known::None) || given[i] {
            continue;
        }
        if t.is_alpha() && t.text().len() >= 3 && common[i] {
            words += 1;
            if t.is_capitalized() {
                caps += 1;
            }
        }
    }
    caps >= 2 && caps * 10 >= words * 7
}

/// Finds the sentence holding token `i`.
pub(crate) fn sentence_of(sentences: &[Sentence], i: usize) -> usize {
    sentences.partition_point(|s| s.tokens().end <= i).min(sentences.len().saturating_sub(1))
}

/// How the entity stage uses the entity model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Gazetteers and rules only.
    Rules,
    /// The model's names only (with the user's lists and the rules' titles, nationalities and
    /// dates): for measuring the model on its own.
    Model,
    /// The model fused with the gazetteers and rules (the default).
    Fused,
}

/// The inputs of the entity stage.
pub(crate) struct Input<'a, 't> {
    pub tokens: &'a [Token<'t>],
    pub tags: &'a [Tag],
    pub lemmas: &'a [Option<Box<str>>],
    pub sentences: &'a [Sentence],
    /// The user's gazetteers in priority order, then the built-in one (if any).
    pub gazetteers: &'a [&'a Gazetteer],
    /// The index of the built-in gazetteer in `gazetteers`.
    pub builtin: Option<usize>,
    /// The user's patterns, then the built-in ones.
    pub patterns: &'a PatternSet,
    pub model: Option<&'a ner::NerModel>,
    pub mode: Mode,
}

/// Runs every gazetteer, the patterns, the name rules and the entity model, and resolves what
/// they found to entities.
pub(crate) fn resolve(x: &Input<'_, '_>) -> Vec<Entity> {
    if x.tokens.is_empty() {
        return Vec::new();
    }
    let with_model = x.model.filter(|_| x.mode != Mode::Rules);
    let (kept, evidence, builtin_matches) = rules(x, with_model.is_some());
    let mut kept = match with_model {
        Some(m) => {
            let mut spans = m.predict(x.tokens, x.sentences, x.tags, &evidence);
            // A possessive ending is not part of the name ("United's chief executive").
            for s in &mut spans {
                while s.end > s.first + 1
                    && matches!(x.tokens[s.end - 1].text(), "'s" | "\u{2019}s" | "'" | "\u{2019}")
                {
                    s.end -= 1;
                }
            }
            let spans = split_at_possessives(x.tokens, &kept, spans);
            let spans = start_after_modifiers(x.tokens, spans);
            fuse(x, kept, &spans, builtin_matches)
        }
        None => kept,
    };
    add_aliases(x.tokens, x.sentences, &mut kept, x.gazetteers.len());
    fold(x.tokens, x.sentences, x.gazetteers, kept)
}

/// Cuts a model span at a possessive that follows a name the rules found on its own: there
/// the possessive joins two names ("France's Pernod Ricard", "BP's Texas City", "Real Madrid's
/// Bernabeu"), and the part before it is the rules' name, with their label. A span the rules
/// found whole ("European People's Party") is left as it is, and so is a possessive after words
/// the rules did not take for a name ("Jacob's Creek", "St David's Hall").
fn split_at_possessives(
    tokens: &[Token<'_>],
    kept: &[Candidate],
    spans: Vec<ner::NerSpan>,
) -> Vec<ner::NerSpan> {
    let exact = |first: usize, end: usize| {
        // `kept` is in token order, with no token shared.
        let i = kept.partition_point(|c| c.first_token < first);
        kept.get(i).filter(|c| c.first_token == first && c.end_token == end)
    };
    let mut out = Vec::with_capacity(spans.len());
    for mut s in spans {
        if exact(s.first, s.end).is_none() {
            let mut k = s.first + 1;
            while k + 1 < s.end {
                if matches!(tokens[k].text(), "'s" | "\u{2019}s") {
                    if let Some(c) = exact(s.first, k) {
                        if ner::LABELS.contains(&c.label) {
                            out.push(ner::NerSpan {
                                first: s.first,
                                end: k,
                                label: c.label,
                                margin: s.margin,
                            });
                        }
                        s.first = k + 1;
                        k = s.first;
                    }
                }
                k += 1;
            }
        }
        out.push(s);
    }
    out
}

/// Starts a model span after a hyphenated modifier inside it: "Hong Kong-based Hutchison
/// Whampoa" is the company, "Rosneft-owned Yugansk" the oil unit; the words before are the
/// rules' to name ("Hong Kong" a place). A span that is nothing but such words is dropped.
fn start_after_modifiers(tokens: &[Token<'_>], spans: Vec<ner::NerSpan>) -> Vec<ner::NerSpan> {
    let modifier = |t: &Token<'_>| {
        t.text().rsplit_once('-').is_some_and(|(first, last)| {
            !first.is_empty()
                && (PLACE_SUFFIXES.contains(&last.to_lowercase().as_str())
                    || matches!(
                        last.to_lowercase().as_str(),
                        "owned" | "backed" | "led" | "run" | "funded" | "controlled"
                    ))
        })
    };
    spans
        .into_iter()
        .filter_map(|mut s| {
            if let Some(k) = (s.first..s.end).rev().find(|&k| modifier(&tokens[k])) {
                s.first = k + 1;
            }
            (s.first < s.end).then_some(s)
        })
        .collect()
}

/// The rules' candidates, after the overlap policy, and (when `evidence` is asked for) what
/// the entity model is told about each token.
pub(crate) fn rules(
    x: &Input<'_, '_>,
    evidence: bool,
) -> (Vec<Candidate>, ner::features::Evidence, Vec<GazetteerMatch>) {
    let (tokens, tags, lemmas, sentences, gazetteers, patterns) =
        (x.tokens, x.tags, x.lemmas, x.sentences, x.gazetteers, x.patterns);
    let mut ev = ner::features::Evidence::default();
    if evidence {
        ev.gaz = vec![[0; 4]; tokens.len()];
    }
    // Each token's dictionary facts, looked up once: several passes below ask for them.
    let common: Vec<bool> = tokens
        .iter()
        .map(|t| t.has_lower() || t.has_upper())
        .zip(tokens.iter())
        .map(|(alpha, t)| alpha && crate::lexicon::is_common_word(t.text()))
        .collect();
    let given: Vec<bool> =
        tokens.iter().map(|t| t.is_capitalized() && crate::lexicon::given_name(t.text()).is_some()).collect();
    // Each lower-case word's cue bits (capitalised cues like "NBA" count in lower case too).
    let cues: Vec<u16> = tokens
        .iter()
        .map(|t| {
            if t.is_lowercase() {
                cue_bits(t.norm())
            } else if t.has_upper() && t.text().len() <= 12 {
                cue_bits(&t.lower()) & !(CUE_SPORTS | CUE_BUSINESS | CUE_PARTY)
            } else {
                0
            }
        })
        .collect();
    // A document about sport or business: its sentences need no words of their own to show it.
    let doc_cues = |bit: u16| cues.iter().filter(|&&c| c & bit != 0).count();
    let (doc_sports, doc_business) = (doc_cues(CUE_SPORTS) >= 8, doc_cues(CUE_BUSINESS) >= 8);
    // The document's sport, if its words name one more than the others.
    let doc_sport: Option<&str> = {
        let mut scores: Vec<(usize, &str)> = SPORT_WORDS
            .iter()
            .enumerate()
            .map(|(k, (sport, _))| (doc_cues(CUE_SPORT0 << k), *sport))
            .collect();
        scores.sort_by_key(|s| std::cmp::Reverse(s.0));
        (scores[0].0 >= 2 && scores[0].0 > scores[1].0).then_some(scores[0].1)
    };
    let infos: Vec<SentenceInfo> = sentences
        .iter()
        .map(|s| sentence_info(tokens, &cues, s, &common, &given, doc_sports, doc_business))
        .collect();
    let all: Vec<(usize, Vec<GazetteerMatch>)> =
        gazetteers.iter().enumerate().map(|(g, gaz)| (g, gaz.find(tokens, sentences))).collect();

    // Which tokens start a strong place, org or nationality: support for weak neighbours.
    let mut strong_at: HashMap<usize, Label, FxBuild> = HashMap::default();
    let mut strong_end: HashMap<usize, Label, FxBuild> = HashMap::default();
    // Which tokens start a title (weak or strong): "a Labour MP".
    let mut title_at: std::collections::HashSet<usize, FxBuild> = Default::default();
    for (g, ms) in &all {
        for m in ms {
            if m.readings(gazetteers[*g]).any(|r| r.label() == Label::Title) {
                title_at.insert(m.first_token);
            }
            if let Some(r) = m.readings(gazetteers[*g]).find(|r| !r.is_weak()) {
                if matches!(r.label(), Label::Place | Label::Org | Label::Norp) {
                    strong_at.insert(m.first_token, r.label());
                    strong_end.insert(m.end_token, r.label());
                }
            }
        }
    }

    // Countries the document names (or whose nationality it names): places in them win ties
    // ("Punjab" in an article about Pakistan is Pakistan's).
    let mut doc_countries: Vec<&str> = Vec::new();
    for (g, ms) in &all {
        for m in ms {
            for r in m.readings(gazetteers[*g]) {
                let is_country = r.kind() == Kind::Country || r.label() == Label::Norp;
                if let (true, Some(cc)) = (is_country && !r.is_weak(), r.country_code()) {
                    if !doc_countries.contains(&cc) {
                        doc_countries.push(cc);
                    }
                }
            }
        }
    }
    // The country of the clubs the document names: the commonest country among the club
    // readings of its matches, each match one vote ("Chelsea", "Man Utd" -> GB), so that
    // "Arsenal" is the English club in a story about English football.
    let league: Option<&str> = {
        // Each match's club readings share one vote among their countries.
        let mut counts: Vec<(&str, f32)> = Vec::new();
        for (g, ms) in &all {
            for m in ms {
                let clubs = || m.readings(gazetteers[*g]).filter(|r| r.kind_name() == Some("club"));
                let n = clubs().count();
                for cc in clubs().filter_map(|r| r.country_code()) {
                    match counts.iter_mut().find(|(c, _)| *c == cc) {
                        Some(e) => e.1 += 1.0 / n as f32,
                        None => counts.push((cc, 1.0 / n as f32)),
                    }
                }
            }
        }
        counts.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        // A tie names no country.
        match counts.as_slice() {
            [(cc, _)] => Some(*cc),
            [(cc, a), (_, b), ..] if a > b => Some(*cc),
            _ => None,
        }
    };
    if let Some(cc) = league {
        if !doc_countries.contains(&cc) {
            doc_countries.push(cc);
        }
    }
    // A weak organisation reading that its context supports (a club in a sports story, a party
    // before "MP") is read in that context's sense: it outranks a strong reading of the same
    // words ("Liverpool" the city, "Democrat" the group), but not a country, a first-level
    // region or a continent ("the US ambassador"), nor a strong organisation ("Apple" the
    // company before a party's short name). Other weak readings rank last.
    let rank = |r: &EntryRef<'_>| {
        let in_doc = r.country_code().is_some_and(|cc| doc_countries.contains(&cc));
        let big_place = r.label() == Label::Place && !r.is_weak() && r.kind() >= Kind::Admin1;
        let specific = r.is_weak() && r.label() == Label::Org;
        // Typed ones only: an untyped entry (WordNet's "Labour Party") says less than a party
        // reading the context supports.
        let strong_org = !r.is_weak() && r.label() == Label::Org && r.kind_name().is_some();
        let sport = doc_sport.is_some() && sport_of(r) == doc_sport;
        (
            big_place,
            strong_org,
            specific,
            !r.is_weak(),
            in_doc,
            sport,
            r.kind(),
            r.population(),
            r.voters(),
            r.share(),
        )
    };

    let mut cands = Vec::new();
    for (g, ms) in &all {
        let gaz = gazetteers[*g];
        for m in ms {
            let sent = sentence_of(sentences, m.first_token);
            let ctx = Context {
                tokens,
                sentence: &sentences[sent],
                info: &infos[sent],
                strong_at: &strong_at,
                strong_end: &strong_end,
                title_at: &title_at,
                sport: doc_sport,
                countries: &doc_countries,
            };
            // A one-word match that is also a common word proves nothing by its capital at the
            // start of a sentence or in a title-case headline ("Reading", "Twitter"): it needs the
            // same support as a weak entry. Countries ("Turkey", "China") are exempt.
            let uninformative_case = m.end_token == m.first_token + 1
                && !m.partial
                && !tokens[m.first_token].is_all_caps()
                && (ctx.at_sentence_start(m.first_token) || ctx.info.title_case)
                && common[m.first_token];
            // Words that are a title or a party cue ("MP", "MEP", "Leader") are that, not a weak
            // organisation short form of the same letters.
            let is_title = m.readings(gaz).any(|r| r.label() == Label::Title)
                || (m.end_token == m.first_token + 1
                    && cue_bits(&tokens[m.first_token].text().to_lowercase()) & CUE_PARTY != 0);
            // A built-in organisation or place right after a form of address is a person's
            // name ("Lord Sainsbury", "Mr Ford"; user lists still win).
            let addressed = Some(*g) == x.builtin
                && ctx
                    .prev(m.first_token)
                    .is_some_and(|p| p.is_capitalized() && crate::lexicon::is_form_of_address(p.text()));
            let supported = |r: &EntryRef<'_>| {
                if is_title && r.is_weak() && r.label() == Label::Org {
                    return false;
                }
                if addressed && matches!(r.label(), Label::Org | Label::Place) {
                    return false;
                }
                let needs = r.is_weak() || (uninformative_case && r.kind() < Kind::Country);
                !needs || ctx.supports(r, m)
            };
            // Ties: the committee of the chamber the sentence names, then the entry added first.
            let chamber = |r: &EntryRef<'_>| ctx.info.chamber.is_some() && r.chamber() == ctx.info.chamber;
            let best = m.readings(gaz).filter(supported).max_by(|a, b| {
                rank(a).cmp(&rank(b)).then(chamber(a).cmp(&chamber(b))).then(b.index().cmp(&a.index()))
            });
            if evidence && Some(*g) == x.builtin {
                // At most four readings a token: the first four of the match.
                for r in m.readings(gaz).take(4) {
                    let kind = crate::linear::hash_bytes(r.kind_name().unwrap_or("").as_bytes());
                    let (label, weak, backed) = (label_code(r.label()), r.is_weak(), supported(&r));
                    for k in m.first_token..m.end_token {
                        let pos = ner::features::bilu(k, m.first_token, m.end_token);
                        let code = ner::features::gaz_code(label, weak, backed, kind, pos, m.partial);
                        if let Some(slot) = ev.gaz[k].iter_mut().find(|c| **c == 0) {
                            *slot = code;
                        }
                    }
                }
            }
            if let Some(r) = best {
                // A club's short name in a sports story, or a party's form before a title or a
                // party word ("Labour MPs"), is knowledge the entity model's training text lacks
                // (it has almost no sport or British politics): the model never overrules it.
                let club = r.is_weak() && matches!(r.kind_name(), Some("club" | "party"));
                cands.push(Candidate {
                    span: m.span,
                    first_token: m.first_token,
                    end_token: m.end_token,
                    label: r.label(),
                    priority: *g,
                    origin: Origin::Gazetteer { g: *g, entry: r.index() },
                    user: Some(*g) != x.builtin,
                    model: false,
                    strength: if club { CERTAIN } else { 10 },
                });
            }
        }
    }

    // Unknown names, knowing what the gazetteers found.
    let mut known = vec![Known::None; tokens.len()];
    for c in &cands {
        for k in known.iter_mut().take(c.end_token).skip(c.first_token) {
            *k = Known::Entity(c.label);
        }
    }
    if !patterns.is_empty() {
        pattern_candidates(tokens, tags, lemmas, sentences, &known, patterns, gazetteers.len(), &mut cands);
    }
    let mut names = Vec::new();
    for s in sentences {
        let title_case = title_case(tokens, s, Some(&known), &common, &given);
        names::sentence_candidates(tokens, tags, s, &known, &common, title_case, &mut names);
    }
    for n in names {
        cands.push(Candidate {
            span: n.span,
            first_token: n.first_token,
            end_token: n.end_token,
            label: n.label,
            priority: gazetteers.len(),
            origin: Origin::Rule(n.why),
            user: false,
            model: false,
            strength: n.score,
        });
    }
    let mut kept = select_non_overlapping(cands);
    teams_in_results(tokens, sentences, gazetteers, &mut kept);
    if evidence {
        rule_evidence(tokens, gazetteers, &kept, &mut ev);
    }
    // The built-in gazetteer's matches, for the fusion's canonical entries.
    let builtin = match x.builtin {
        Some(b) => all.into_iter().find(|(g, _)| *g == b).map(|(_, ms)| ms).unwrap_or_default(),
        None => Vec::new(),
    };
    (kept, ev, builtin)
}

/// A label as the model's features number it.
fn label_code(l: Label) -> u64 {
    Label::ALL.iter().position(|&x| x == l).unwrap_or(0) as u64
}

/// Tells the model what the rules decided at each token, and which labels they gave the same
/// word elsewhere in the document.
fn rule_evidence(
    tokens: &[Token<'_>],
    gazetteers: &[&Gazetteer],
    kept: &[Candidate],
    ev: &mut ner::features::Evidence,
) {
    ev.rule = vec![[0; 2]; tokens.len()];
    let mut own: Vec<u8> = vec![0; tokens.len()];
    for c in kept {
        let origin: Cow<'_, str> = match &c.origin {
            Origin::Gazetteer { .. } if c.user => Cow::Borrowed("user"),
            Origin::Gazetteer { g, entry } => match gazetteers[*g].entry(*entry) {
                Some(r) => Cow::Owned(format!(
                    "gazetteer:{}:{}",
                    if r.is_weak() { "weak" } else { "strong" },
                    r.kind_name().unwrap_or("")
                )),
                None => Cow::Borrowed("gazetteer"),
            },
            Origin::Rule(why) => Cow::Borrowed(why.as_str()),
            Origin::Model => Cow::Borrowed("model"),
        };
        let l = label_code(c.label);
        let origin = crate::linear::hash_bytes(origin.as_bytes());
        let end = c.end_token.min(tokens.len());
        for (k, o) in own.iter_mut().enumerate().take(end).skip(c.first_token) {
            ev.rule[k] =
                ner::features::rule_code(l, ner::features::bilu(k, c.first_token, c.end_token), origin);
            *o = 1 << l;
        }
    }
    // Per capitalised word: how often the rules gave it each label.
    let mut counts: HashMap<&str, [u32; 8], FxBuild> = HashMap::default();
    for (k, t) in tokens.iter().enumerate() {
        if own[k] != 0 && t.has_upper() {
            let e = counts.entry(t.norm()).or_default();
            e[own[k].trailing_zeros() as usize] += 1;
        }
    }
    ev.rule_label_bits = tokens
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let Some(c) = t.has_upper().then(|| counts.get(t.norm())).flatten() else { return 0 };
            let mut bits = 0u8;
            for (l, &n) in c.iter().enumerate() {
                let mine = (own[k] == 1 << l) as u32;
                if n > mine {
                    bits |= 1 << l;
                }
            }
            bits
        })
        .collect();
}

/// A model span's margin (in the model's score units) above which it overrules a strong rule
/// candidate of another label with the same tokens, or replaces one it contains.
const OVERRULE: f32 = 20000.0;

/// Fuses the model's spans with the rules' candidates.
///
/// * The user's lists and patterns always win; the rules' titles, nationalities and dates stay.
/// * A strong rule candidate ([`STRONG`]) stays, with its label, unless the model finds the
///   same tokens with another label, or a longer name containing them, and is sure of it (a
///   margin above [`OVERRULE`]).
/// * A weaker rule candidate stays only where the model agrees (same tokens and label).
/// * The model's other names fill the gaps, taking the canonical entry of a built-in gazetteer
///   match with exactly their tokens and a reading of their label.
///
/// In [`Mode::Model`] the model's names replace the rules' altogether.
fn fuse(
    x: &Input<'_, '_>,
    rules: Vec<Candidate>,
    spans: &[ner::NerSpan],
    builtin_matches: Vec<GazetteerMatch>,
) -> Vec<Candidate> {
    let tokens = x.tokens;
    let protected = |c: &Candidate| c.user || matches!(c.label, Label::Title | Label::Norp | Label::Date);
    let mut taken = vec![false; tokens.len()];
    let mut out: Vec<Candidate> = Vec::new();
    let take = |c: Candidate, taken: &mut Vec<bool>, out: &mut Vec<Candidate>| {
        for t in taken.iter_mut().take(c.end_token).skip(c.first_token) {
            *t = true;
        }
        out.push(c);
    };
    for c in rules.iter().filter(|c| protected(c)) {
        take(c.clone(), &mut taken, &mut out);
    }
    let overlaps = |s: &ner::NerSpan, c: &Candidate| s.first < c.end_token && c.first_token < s.end;
    // The rule candidates that can overlap a span. `rules` comes from `select_non_overlapping`,
    // in token order with no token shared, so those candidates are one run found by two binary
    // searches; scanning all of them for every span made fusion quadratic in the length of the
    // document (19 s for 1 MiB of shuffled names, 70% of it here: benches/linear.rs). Should
    // the order ever not hold, every candidate is returned, and `overlaps` still decides.
    let ordered =
        rules.windows(2).all(|w| w[0].first_token <= w[1].first_token && w[0].end_token <= w[1].end_token);
    let near = |s: &ner::NerSpan| -> &[Candidate] {
        if !ordered {
            return &rules;
        }
        let hi = rules.partition_point(|c| c.first_token < s.end);
        let lo = rules[..hi].partition_point(|c| c.end_token <= s.first);
        &rules[lo..hi]
    };
    let fused = x.mode == Mode::Fused;
    // The model's spans that win: not on a protected candidate, and (fused) not against a
    // strong rule candidate unless sure.
    let mut winners: Vec<&ner::NerSpan> = Vec::new();
    for s in spans {
        if taken[s.first..s.end].iter().any(|&t| t) {
            continue;
        }
        let beaten = fused
            && near(s).iter().filter(|c| !protected(c) && c.strength >= STRONG && overlaps(s, c)).any(|c| {
                let same_tokens = c.first_token == s.first && c.end_token == s.end;
                let contains = s.first <= c.first_token && c.end_token <= s.end && !same_tokens;
                if same_tokens && c.label == s.label {
                    return false; // agreement
                }
                c.strength >= CERTAIN || !((same_tokens || contains) && s.margin >= OVERRULE)
            });
        if !beaten {
            winners.push(s);
        }
    }
    // Built-in gazetteer matches by their token span, for canonical entries.
    let builtin_matches: HashMap<(usize, usize), GazetteerMatch, FxBuild> = builtin_matches
        .into_iter()
        .filter(|m| !m.partial)
        .map(|m| ((m.first_token, m.end_token), m))
        .collect();
    for s in winners {
        let same =
            near(s).iter().find(|c| c.first_token == s.first && c.end_token == s.end && c.label == s.label);
        let span = Span::new(tokens[s.first].span().start, tokens[s.end - 1].span().end);
        let cand = if let Some(c) = same {
            Candidate { model: true, ..c.clone() }
        } else if let Some((g, r)) = x.builtin.and_then(|g| {
            let m = builtin_matches.get(&(s.first, s.end))?;
            // Only a strong entry: the rules have turned down the weak ones in this context, and
            // the model's agreement on the label does not say which of them it would be.
            let best =
                m.readings(x.gazetteers[g]).filter(|r| r.label() == s.label && !r.is_weak()).max_by_key(
                    |r| (r.kind(), r.population(), r.voters(), r.share(), std::cmp::Reverse(r.index())),
                )?;
            Some((g, best.index()))
        }) {
            Candidate {
                span,
                first_token: s.first,
                end_token: s.end,
                label: s.label,
                priority: g,
                origin: Origin::Gazetteer { g, entry: r },
                user: false,
                model: true,
                strength: STRONG,
            }
        } else if s.end - s.first == 1 && is_plural_acronym(tokens[s.first].text()) {
            // "PCs", "DJs", "MPs": the plural of a common noun's abbreviation names no one.
            continue;
        } else {
            // A name the model alone found that ends like an event's ("Davis Cup", "Brit Awards")
            // is an event, not a person; nor an organisation, unless it ends in "Games", which
            // companies do ("Rockstar Games").
            let last = tokens[s.end - 1].text();
            let event = s.end - s.first >= 2 && crate::lexicon::is_event_head(last);
            let label = match s.label {
                Label::Person if event => Label::Misc,
                Label::Org if event && !last.eq_ignore_ascii_case("games") => Label::Misc,
                l => l,
            };
            Candidate {
                span,
                first_token: s.first,
                end_token: s.end,
                label,
                priority: x.gazetteers.len(),
                origin: Origin::Model,
                user: false,
                model: true,
                strength: STRONG,
            }
        };
        take(cand, &mut taken, &mut out);
    }
    if fused {
        // The rules' strong names the model did not replace, wherever they are still free.
        for c in rules.iter().filter(|c| !protected(c) && c.strength >= STRONG) {
            if !taken[c.first_token..c.end_token].iter().any(|&t| t) {
                take(c.clone(), &mut taken, &mut out);
            }
        }
    }
    out.sort_by_key(|c| c.span.start);
    out
}

/// Runs the token patterns, sentence by sentence; the longest match of any pattern at each start.
/// User patterns (`true`) take priority 0, built-in ones come after the built-in gazetteer.
#[allow(clippy::too_many_arguments)]
fn pattern_candidates(
    tokens: &[Token<'_>],
    tags: &[Tag],
    lemmas: &[Option<Box<str>>],
    sentences: &[Sentence],
    known: &[Known],
    set: &PatternSet,
    builtin_priority: usize,
    out: &mut Vec<Candidate>,
) {
    let patterns = set.patterns();
    let mut starts: Vec<Vec<bool>> = Vec::new();
    let (mut live, mut seen) = (Vec::new(), Vec::new());
    for s in sentences {
        let r = s.tokens();
        let lowers: Vec<std::borrow::Cow<'_, str>> = tokens[r.clone()].iter().map(|t| t.lower()).collect();
        let words = tokens[r.clone()].iter().zip(&lowers).map(|(t, l)| (t.text(), &**l));
        set.live(words, &mut live, &mut seen);
        if live.is_empty() {
            continue;
        }
        let live: Vec<&(Pattern, bool)> = live.iter().map(|&i| &patterns[i]).collect();
        let shapes: Vec<String> = if live.iter().any(|(p, _)| p.uses_shape()) {
            tokens[r.clone()].iter().map(|t| t.shape()).collect()
        } else {
            vec![String::new(); r.len()]
        };
        let views: Vec<crate::matcher::pattern::TokenView<'_>> = r
            .clone()
            .enumerate()
            .map(|(k, i)| crate::matcher::pattern::TokenView {
                text: tokens[i].text(),
                lower: &lowers[k],
                shape: &shapes[k],
                pos: tags.get(i).map_or("", |t| t.upos.as_str()),
                tag: tags.get(i).map_or("", |t| t.xpos.as_str()),
                lemma: lemmas.get(i).and_then(|l| l.as_deref()).unwrap_or(&lowers[k]),
                ent: match known[i] {
                    Known::Entity(l) => Some(l),
                    Known::None => None,
                },
            })
            .collect();
        // Where each live pattern may start (a few places: near the words it needs).
        starts.resize_with(live.len(), Vec::new);
        for ((p, _), st) in live.iter().zip(starts.iter_mut()) {
            p.starts(&views, st);
        }
        for start in 0..views.len() {
            for ((p, user), st) in live.iter().copied().zip(&starts) {
                if !st[start] {
                    continue;
                }
                if let Some(n) = p.match_at(&views, start) {
                    let (a, b) = (r.start + start, r.start + start + n);
                    out.push(Candidate {
                        span: Span::new(tokens[a].span().start, tokens[b - 1].span().end),
                        first_token: a,
                        end_token: b,
                        label: p.label(),
                        priority: if *user { 0 } else { builtin_priority },
                        origin: Origin::Rule(format!("pattern:{}", p.id())),
                        user: *user,
                        model: false,
                        strength: 10,
                    });
                }
            }
        }
    }
}

/// In a line of sports results ("Chicago 5 Houston 3", "NEW YORK 74 55 .574"), a city or state
/// beside a score is a team: an organisation. Countries stay places (national teams are named
/// by their country). A results line has at least two numbers and few lower-case words.
fn teams_in_results(
    tokens: &[Token<'_>],
    sentences: &[Sentence],
    gazetteers: &[&Gazetteer],
    kept: &mut [Candidate],
) {
    let is_results = |s: &Sentence| is_results(tokens, s);
    let mut cache: HashMap<usize, bool, FxBuild> = HashMap::default();
    for c in kept.iter_mut() {
        let Origin::Gazetteer { g, entry } = c.origin else { continue };
        let Some(r) = gazetteers[g].entry(entry) else { continue };
        if c.label != Label::Place || !matches!(r.kind(), Kind::City | Kind::Admin1) {
            continue;
        }
        let si = sentence_of(sentences, c.first_token);
        let s = &sentences[si];
        let score_next =
            c.end_token < s.tokens().end && tokens[c.end_token].kind() == crate::text::TokenKind::Number;
        let score_prev = c.first_token > s.tokens().start
            && tokens[c.first_token - 1].kind() == crate::text::TokenKind::Number;
        if (score_next || score_prev) && *cache.entry(si).or_insert_with(|| is_results(s)) {
            c.label = Label::Org;
            c.origin = Origin::Rule(format!("rule:team-in-results:{}", r.id()));
            c.strength = CERTAIN;
        }
    }
}

/// Document-level aliases: a surname alone joins the full name seen in the document ("Panetta",
/// "Davis'"), an all-capital word joins the organisation it abbreviates ("NSA"). A one-word
/// place or organisation reading of a surname gives way to the person.
fn add_aliases(
    tokens: &[Token<'_>],
    sentences: &[Sentence],
    kept: &mut Vec<Candidate>,
    rule_priority: usize,
) {
    let mut surnames: HashMap<String, (), FxBuild> = HashMap::default();
    let mut acronyms: HashMap<String, (), FxBuild> = HashMap::default();
    for c in kept.iter() {
        let words: Vec<&Token<'_>> =
            tokens[c.first_token..c.end_token].iter().filter(|t| t.is_wordlike()).collect();
        if c.label == Label::Person && words.len() >= 2 {
            if let Some(last) = words.last() {
                surnames.insert(last.text().to_string(), ());
            }
            // Family name first ("Wang Donghai", later "Wang"), when it is no common given name.
            if crate::lexicon::given_name(words[0].text()).is_none() && words[0].text().len() > 2 {
                surnames.insert(words[0].text().to_string(), ());
            }
        }
        if c.label == Label::Org && words.len() >= 2 {
            let initials: String =
                words.iter().filter(|t| t.is_capitalized()).filter_map(|t| t.text().chars().next()).collect();
            if initials.chars().count() >= 2 {
                acronyms.insert(initials, ());
            }
        }
    }
    if surnames.is_empty() && acronyms.is_empty() {
        return;
    }
    let mut covered = vec![false; tokens.len()];
    for c in kept.iter_mut() {
        let one_word = c.end_token == c.first_token + 1;
        let text = tokens[c.first_token].text();
        if one_word && matches!(c.label, Label::Place | Label::Org) && surnames.contains_key(text) {
            c.label = Label::Person;
            c.origin = Origin::Rule("rule:alias:surname".into());
        }
        for k in covered.iter_mut().take(c.end_token).skip(c.first_token) {
            *k = true;
        }
    }
    for s in sentences {
        for i in s.tokens() {
            if covered[i] {
                continue;
            }
            let t = &tokens[i];
            // A word inside a longer run of capitalised words is part of another name ("Twin
            // Peaks" is not two people called Twin and Peaks).
            // (A capitalised determiner, "The BLF", belongs to the sentence.)
            let capital_run = |j: usize| {
                s.tokens().contains(&j)
                    && !covered[j]
                    && tokens[j].is_capitalized()
                    && tokens[j].is_wordlike()
                    && !names::DETERMINERS.contains(&tokens[j].text())
            };
            if (i > s.tokens().start && capital_run(i - 1)) || capital_run(i + 1) {
                continue;
            }
            let (label, why) = if surnames.contains_key(t.text()) && t.is_capitalized() {
                (Label::Person, "rule:alias:surname")
            } else if t.is_all_caps() && acronyms.contains_key(t.text()) {
                (Label::Org, "rule:alias:acronym")
            } else {
                continue;
            };
            kept.push(Candidate {
                span: t.span(),
                first_token: i,
                end_token: i + 1,
                label,
                priority: rule_priority,
                origin: Origin::Rule(why.into()),
                user: false,
                model: false,
                strength: 10,
            });
        }
    }
    kept.sort_by_key(|c| c.span.start);
}

struct Context<'a, 't> {
    tokens: &'a [Token<'t>],
    sentence: &'a Sentence,
    info: &'a SentenceInfo,
    strong_at: &'a HashMap<usize, Label, FxBuild>,
    strong_end: &'a HashMap<usize, Label, FxBuild>,
    title_at: &'a std::collections::HashSet<usize, FxBuild>,
    /// The document's sport, when its words name one clearly.
    sport: Option<&'a str>,
    /// The countries the document names, and the country of the clubs it names.
    countries: &'a [&'a str],
}

/// A day of the week or a month, capitalised: a time, not an organisation ("leading lady at
/// Sunday's awards"). After "at" or "of", April and Christmas are times too.
fn is_day_or_month(word: &str) -> bool {
    names::DATE_WORDS.contains(&word) || matches!(word, "April" | "Christmas")
}

/// A reading's sport: its own, or that of the entry it is a short form of.
fn sport_of<'g>(r: &EntryRef<'g>) -> Option<&'g str> {
    r.sport().or_else(|| r.of().and_then(|o| o.sport()))
}

impl Context<'_, '_> {
    fn prev(&self, i: usize) -> Option<&Token<'_>> {
        (i > self.sentence.tokens().start).then(|| &self.tokens[i - 1])
    }

    fn at_sentence_start(&self, i: usize) -> bool {
        self.tokens[self.sentence.tokens().start..i].iter().all(|t| !t.is_wordlike())
    }

    /// Whether a capitalised weak title at tokens `first..end` is a word of a name: after a
    /// form of address ("Mr Dean", "Mr Major") or a given name that is no common word
    /// ("James Dean Bradfield"; not after a party's name, "Tory Lord Campbell"); a common first name before a capitalised word
    /// ("Don Cheadle", "Bobby Darin"); or before the head word of an organisation or place
    /// ("Regent Street", "Censor Board").
    fn in_a_name(&self, first: usize, end: usize) -> bool {
        let s = self.sentence.tokens();
        let word = |t: &Token<'_>| t.is_capitalized() && t.is_alpha();
        if let Some(p) = self.prev(first) {
            if crate::lexicon::is_form_of_address(p.text()) {
                return true;
            }
            if word(p)
                && !self.title_at.contains(&(first - 1))
                && !self.strong_end.contains_key(&first)
                && crate::lexicon::given_name(p.text()).is_some()
                && !crate::lexicon::is_common_word(&p.lower())
            {
                return true;
            }
        }
        let Some(next) = (end < s.end).then(|| &self.tokens[end]).filter(|t| word(t)) else { return false };
        let common_first_name = end - first == 1
            && crate::lexicon::given_name(self.tokens[first].text()).is_some_and(|f| f >= 0.04);
        let thing =
            crate::lexicon::org_word(next.text()).is_some() || crate::lexicon::is_place_word(next.text());
        common_first_name || thing
    }

    /// Whether the context supports a weak reading.
    fn supports(&self, r: &EntryRef<'_>, m: &GazetteerMatch) -> bool {
        let first = m.first_token;
        let end = m.end_token;
        match r.label() {
            Label::Place => {
                if m.partial {
                    // "Reading-based", "Swat-born"; not a name inside another ("Wright-Phillips").
                    let t = &self.tokens[first];
                    let after = &t.text()[(m.span.end - t.span().start).min(t.text().len())..];
                    let rest = after.trim_start_matches(['-', '\u{2010}', '\u{2011}']).to_lowercase();
                    return PLACE_SUFFIXES.contains(&rest.as_str());
                }
                if self.prev(first).is_some_and(|p| LOCATIVES.contains(&p.lower().as_ref())) {
                    return true;
                }
                // "Reading, Pennsylvania"
                end + 1 < self.sentence.tokens().end
                    && self.tokens[end].text() == ","
                    && self.strong_at.get(&(end + 1)) == Some(&Label::Place)
            }
            Label::Title => {
                let t = &self.tokens[first];
                if t.is_capitalized() && self.in_a_name(first, end) {
                    return false;
                }
                // A capital that proves something: not at the start, not in a title-case headline,
                // not right after a given name ("John Major" is a name, not a major).
                let after_given_name = self
                    .prev(first)
                    .is_some_and(|p| p.is_capitalized() && crate::lexicon::given_name(p.text()).is_some());
                if t.is_capitalized()
                    && !self.at_sentence_start(first)
                    && !self.info.title_case
                    && !after_given_name
                {
                    return true;
                }
                // A name follows: "contractor Raymond Davis", "Adm. Mike Mullen".
                let next_is_name = end < self.sentence.tokens().end
                    && self.tokens[end].is_capitalized()
                    && self.tokens[end].is_alpha()
                    && !self.info.title_case;
                if next_is_name {
                    return true;
                }
                // An organisation, place or nationality before it: "CIA contractor", "US ambassador",
                // "Pakistan's foreign secretary".
                let mut j = first;
                if self.prev(j).is_some_and(|p| p.norm() == "'s" || p.norm() == "'") {
                    j -= 1;
                }
                if self.strong_end.contains_key(&j) {
                    return true;
                }
                // A known organisation after it: "director of Amnesty International", "a
                // researcher at Futurelab".
                let s_end = self.sentence.tokens().end;
                if end < s_end && matches!(self.tokens[end].norm(), "of" | "at" | "for") {
                    let mut k = end + 1;
                    if k < s_end && self.tokens[k].norm().eq_ignore_ascii_case("the") {
                        k += 1;
                    }
                    // Or a name no list knows yet, which the model may find ("a researcher at
                    // Futurelab"): a capitalised word that is no common word.
                    return self.strong_at.get(&k) == Some(&Label::Org)
                        || k < s_end
                            && self.tokens[end].norm() != "for"
                            && !t.is_capitalized()
                            && self.tokens[k].is_capitalized()
                            && self.tokens[k].is_alpha()
                            && !self.info.title_case
                            && self.strong_at.get(&k).is_none()
                            && !crate::lexicon::is_common_word(&self.tokens[k].text().to_lowercase())
                            && !is_day_or_month(self.tokens[k].text());
                }
                // An apposition to a name: "Ben Williamson, a researcher ...".
                let s_start = self.sentence.tokens().start;
                if first >= s_start + 3
                    && matches!(self.tokens[first - 1].norm(), "a" | "an")
                    && self.tokens[first - 2].text() == ","
                    && self.tokens[first - 3].is_capitalized()
                    && self.tokens[first - 3].is_alpha()
                    && !self.info.title_case
                {
                    return true;
                }
                false
            }
            Label::Org => {
                let s = self.sentence.tokens();
                let next = (end < s.end).then(|| &self.tokens[end]);
                let next_lower = next.map(|t| t.lower()).unwrap_or_default();
                // Whether the entry's country is one the story names (or its clubs' country).
                let home = r.country_code().is_some_and(|cc| self.countries.contains(&cc));
                let common_word = end - first == 1
                    && crate::lexicon::is_common_word(&self.tokens[first].text().to_lowercase());
                match r.kind_name().unwrap_or("") {
                    // "a Labour MP", "Conservative leader Michael Howard", "Sinn Fein's president",
                    // "Democrat John Kerry".
                    // An acronym before a given name is more often a name's initials or a
                    // company ("JP Morgan"); a common word ("Independent", "Green") or an acronym
                    // ("PDA", "MPC") is the party only in a story that names its country, unless
                    // millions vote for it.
                    "party" => {
                        let acronym = self.tokens[first..end].iter().all(|t| t.is_all_caps());
                        // A title may come past a portfolio: "Conservative deregulation spokesman".
                        let mut t_at = end;
                        while t_at < end + 4 && t_at < self.tokens.len() && is_portfolio(&self.tokens[t_at]) {
                            t_at += 1;
                        }
                        (!(common_word || acronym) || home || r.voters() >= 5_000_000)
                            && (self.title_at.contains(&end)
                                || (t_at > end && self.title_at.contains(&t_at))
                                || cue_bits(&next_lower) & CUE_PARTY != 0
                                || next_lower == "'s"
                                || !acronym
                                    && next.is_some_and(|t| {
                                        t.is_capitalized()
                                            && t.is_alpha()
                                            && crate::lexicon::given_name(t.text()).is_some()
                                    }))
                    }
                    // In a sports story; "in Liverpool", "near Leeds" are still the places.
                    // Not a club of another sport than the story's ("Lions" in a rugby story is
                    // no American football team); a short name that is also a person's name
                    // ("Brown") only for a club of a country the story names, and one that is a
                    // common word ("Spurs") only there or in a story of the club's sport.
                    "club" => {
                        let other_sport = matches!((self.sport, sport_of(r)), (Some(a), Some(b)) if a != b);
                        let person_like = m.end_token - m.first_token == 1 && {
                            let w = self.tokens[first].text();
                            crate::lexicon::surname(w).is_some() || crate::lexicon::given_name(w).is_some()
                        };
                        let same_sport = self.sport.is_some() && self.sport == sport_of(r);
                        self.info.sports
                            && !other_sport
                            && (home || !person_like && (!common_word || same_sport))
                            && !self
                                .prev(first)
                                .is_some_and(|p| matches!(p.norm(), "in" | "near" | "outside" | "around"))
                    }
                    "company" => {
                        self.info.business || matches!(next_lower.as_ref(), "shares" | "'s" | "stock")
                    }
                    "committee" => self.info.congress,
                    _ => false,
                }
            }
            _ => false,
        }
    }
}

/// The overlap policy: longest first, then earliest, then the gazetteer given first.
pub(crate) fn select_non_overlapping(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.span.start.cmp(&b.span.start))
            .then(a.priority.cmp(&b.priority))
    });
    let mut kept: Vec<Candidate> = Vec::with_capacity(cands.len());
    // Kept spans by start (start -> end), for an overlap check in logarithmic time: kept spans
    // never overlap, so only the neighbours on either side of a start can clash.
    let mut spans: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for c in cands {
        let clash = |(&start, &end): (&usize, &usize)| Span::new(start, end).overlaps(c.span);
        let before = spans.range(..c.span.start).next_back().is_some_and(clash);
        let after = spans.range(c.span.start..).next().is_some_and(clash);
        if !(before || after) {
            spans.insert(c.span.start, c.span.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}

/// Words that name a portfolio before a title ("health spokesman", "foreign affairs
/// spokesman", "education secretary"), in lower case.
const PORTFOLIOS: [&str; 68] = [
    "health",
    "education",
    "foreign",
    "home",
    "affairs",
    "defence",
    "defense",
    "justice",
    "finance",
    "treasury",
    "trade",
    "industry",
    "transport",
    "environment",
    "energy",
    "culture",
    "media",
    "sport",
    "sports",
    "economic",
    "economics",
    "economy",
    "business",
    "work",
    "pensions",
    "welfare",
    "housing",
    "immigration",
    "agriculture",
    "rural",
    "science",
    "technology",
    "development",
    "security",
    "intelligence",
    "employment",
    "communications",
    "police",
    "policing",
    "constitutional",
    "deregulation",
    "regulation",
    "local",
    "government",
    "equality",
    "equalities",
    "women",
    "children",
    "families",
    "schools",
    "skills",
    "legal",
    "food",
    "farming",
    "fisheries",
    "europe",
    "european",
    "international",
    "digital",
    "innovation",
    "universities",
    "budget",
    "taxation",
    "tax",
    "northern",
    "consumer",
    "competition",
    "cabinet",
];

/// Whether a lower-case token names a portfolio ([`PORTFOLIOS`]).
fn is_portfolio(t: &Token<'_>) -> bool {
    let w = t.norm();
    t.is_alpha() && PORTFOLIOS.iter().any(|p| w.eq_ignore_ascii_case(p))
}

/// Whether a token is a [`crate::lexicon::is_title_qualifier`] word (any case: "Former President Bill Clinton").
fn is_qualifier(t: &Token<'_>) -> bool {
    crate::lexicon::is_title_qualifier(t.norm())
}

/// Whether a token is a word prefixed "ex-" ("ex-minister", "Ex-Home"): what follows was.
fn is_ex(t: &Token<'_>) -> bool {
    let w = t.norm();
    w.len() > 3 && w.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("ex-"))
}

/// A word with its first letter upper-case, as titles' names are written.
fn capitalize(w: &str) -> String {
    let mut cs = w.chars();
    cs.next().map_or(String::new(), |f| f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect())
}

/// A form of address and one name ("Mr Davis", "Mrs Thatcher", "Dr. Houck"): the form's sex
/// (where it has one) and the name.
fn addressed_name<'a>(tokens: &'a [Token<'_>]) -> Option<(Option<crate::lexicon::Gender>, &'a str)> {
    let words: Vec<&Token<'_>> = tokens.iter().filter(|t| t.is_wordlike()).collect();
    let [form, name] = words[..] else { return None };
    if !crate::lexicon::is_form_of_address(form.text()) || !name.is_capitalized() {
        return None;
    }
    use crate::lexicon::Gender;
    let sex = match form.text().trim_end_matches('.').to_lowercase().as_str() {
        "mr" | "sir" | "lord" | "mister" | "baron" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "baroness" => Some(Gender::Female),
        _ => None,
    };
    Some((sex, name.text()))
}

/// A person named by surname alone or with a form of address before the full name comes
/// ("Mogul Wilson backs band" in a headline, then "Tony Wilson"; "Mr Stening" read before
/// "Chris Stening" was seen) joins the full name, when exactly one person of the document has
/// that surname and the form of address does not contradict the given name's sex.
fn merge_earlier_short_names(tokens: &[Token<'_>], entities: &mut [Entity]) {
    use crate::lexicon::{Gender, given_name_gender};
    // Full names by surname: (entity, given name's sex), or None when two people share it.
    let mut full: HashMap<String, Option<(usize, Option<Gender>)>, FxBuild> = HashMap::default();
    let words_of = |name: &str| -> Vec<String> { name.split_whitespace().map(str::to_string).collect() };
    for (k, e) in entities.iter().enumerate() {
        if e.label != Label::Person || e.mentions.is_empty() {
            continue;
        }
        let w = words_of(&e.name);
        if w.len() < 2 || crate::lexicon::is_form_of_address(&w[0]) {
            continue;
        }
        let sex = given_name_gender(&w[0]);
        full.entry(w[w.len() - 1].clone())
            .and_modify(|v| {
                if v.is_some_and(|(j, _)| j != k) {
                    *v = None;
                }
            })
            .or_insert(Some((k, sex)));
    }
    if full.is_empty() {
        return;
    }
    for k in 0..entities.len() {
        let e = &entities[k];
        if e.label != Label::Person || e.mentions.is_empty() {
            continue;
        }
        let w = words_of(&e.name);
        let (sex, surname) = match w.len() {
            1 => (None, w[0].as_str()),
            2 if crate::lexicon::is_form_of_address(&w[0]) => {
                let first = e.mentions.first().map(|m| m.span);
                // The mention's tokens, found by binary search (a scan per entity would make a
                // document of many addressed names quadratic).
                let toks: &[Token<'_>] = match first {
                    Some(sp) => {
                        let (a, b) = crate::text::token_range(tokens, sp);
                        &tokens[a..b]
                    }
                    None => &[],
                };
                match addressed_name(toks) {
                    Some((sex, _)) => (sex, w[1].as_str()),
                    None => continue,
                }
            }
            _ => continue,
        };
        let Some(Some((target, given_sex))) = full.get(surname).copied() else { continue };
        if target == k || sex.is_some() && given_sex.is_some() && sex != given_sex {
            continue;
        }
        let moved = std::mem::take(&mut entities[k].mentions);
        entities[target].mentions.extend(moved);
    }
}

/// An organisation named by one word that ends a longer name of the document ("United" after
/// "Manchester United", "Telegraph" after "Daily Telegraph") is that organisation: the one whose
/// longer mentions end with the word or, where several do, the one named at least twice as
/// often as any other ("United's chief executive" in an article about Manchester United that
/// also names Shareholders United once).
fn merge_short_org_names(tokens: &[Token<'_>], entities: &mut [Entity]) {
    // The last word of each longer mention -> the organisations with such a mention.
    let mut ends: HashMap<&str, Vec<usize>, FxBuild> = HashMap::default();
    for (k, e) in entities.iter().enumerate() {
        if e.label != Label::Org {
            continue;
        }
        for m in e.mentions.iter().filter(|m| !m.is_reference()) {
            let (a, b) = crate::text::token_range(tokens, m.span);
            let words: Vec<&Token<'_>> = tokens[a..b].iter().filter(|t| t.is_wordlike()).collect();
            if let [_, .., last] = words[..] {
                let list = ends.entry(last.text()).or_default();
                if !list.contains(&k) {
                    list.push(k);
                }
            }
        }
    }
    if ends.is_empty() {
        return;
    }
    let count = |e: &Entity| e.mentions.iter().filter(|m| !m.is_reference()).count();
    for k in 0..entities.len() {
        let e = &entities[k];
        if e.label != Label::Org || e.name.contains(' ') || e.kb_id.is_some() || e.mentions.is_empty() {
            continue;
        }
        let Some(list) = ends.get(e.name.as_str()) else { continue };
        let mut by_count: Vec<(usize, usize)> =
            list.iter().filter(|&&j| j != k).map(|&j| (count(&entities[j]), j)).collect();
        by_count.sort_unstable_by(|a, b| b.cmp(a));
        let target = match by_count[..] {
            [(_, j)] => j,
            [(c0, j), (c1, _), ..] if c0 >= 2 * c1.max(1) => j,
            _ => continue,
        };
        let moved = std::mem::take(&mut entities[k].mentions);
        entities[target].mentions.extend(moved);
    }
}

/// Whether `word` is capitals and a plural "s" ("PCs", "DVDs", "MSPs").
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A name is the same thing wherever the document repeats it: each other occurrence of a
/// mention's exact words (same case, whole tokens, not inside another mention or a longer run of
/// capitalised words) is a mention of that entity too, source `rule:alias:repeat`. Not for
/// words that could be ordinary ones (one or two letters; common words, unless the document
/// writes them as the name twice inside sentences), nor for words the document gives to two
/// entities ("Wales" the place and "Wales" read as a person).
fn repeat_mentions(tokens: &[Token<'_>], sentences: &[Sentence], entities: &mut [Entity]) {
    let n = tokens.len();
    let mut covered = vec![false; n];
    // Words of each name -> the entity (None when two entities have it), keyed by first word:
    // (first token, end token, entity) of one mention with those words.
    type Named = (usize, usize, Option<usize>);
    let mut names: HashMap<&str, Vec<Named>, FxBuild> = HashMap::default();
    let range = |sp: Span| crate::text::token_range(tokens, sp);
    let mut opens = vec![false; n];
    for s in sentences {
        if let Some(o) = opens.get_mut(s.tokens().start) {
            *o = true;
        }
    }
    for (k, e) in entities.iter().enumerate() {
        // A common word as a name ("Fiat", "Cairn", "Sky") spreads only where the document
        // writes it as a name at least twice where a capital says so (not opening a sentence
        // or a quotation): then "Fiat owns a 56% stake" opening a sentence is the firm too.
        let named_midsentence = e
            .mentions
            .iter()
            .filter(|m| {
                let (a, b) = range(m.span);
                b == a + 1 && !opens[a] && a > 0 && tokens[a - 1].is_wordlike()
            })
            .count()
            >= 2;
        // One word the model alone read as a person, place or other name ("Vioxx" a person)
        // is not sure enough to spread; a list entry, a rule's name, a name of two words is,
        // and so is an organisation's ("Balco": the model reads a company once, in a
        // headline, and misses "the Balco headquarters"; CoNLL-2003 dev ORG F1 0.750 ->
        // 0.753, while spreading the other labels' cost more than it gained).
        let listed = e.kb_id.is_some()
            || e.label == Label::Org
            || e.mentions
                .iter()
                .any(|m| m.source.starts_with("gazetteer:") || m.source.starts_with("rule:name"));
        for m in &e.mentions {
            let (a, b) = range(m.span);
            for c in covered.iter_mut().take(b.min(n)).skip(a) {
                *c = true;
            }
            if !matches!(e.label, Label::Person | Label::Org | Label::Place | Label::Misc)
                || m.is_reference()
                || a >= b
                || b - a > 6
                || (b - a == 1 && !listed)
            {
                continue;
            }
            let first = &tokens[a];
            let word = first.text();
            if !first.is_capitalized()
                || (b - a == 1
                    && (word.chars().count() < 3
                        || (crate::lexicon::is_common_word(&word.to_lowercase()) && !named_midsentence)))
            {
                continue;
            }
            let list = names.entry(word).or_default();
            let same = list.iter().position(|&(x, y, _)| {
                y - x == b - a && tokens[x..y].iter().zip(&tokens[a..b]).all(|(p, q)| p.text() == q.text())
            });
            match same {
                Some(j) if list[j].2 != Some(k) => list[j].2 = None,
                Some(_) => {}
                None if list.len() < 8 => list.push((a, b, Some(k))),
                None => {}
            }
        }
    }
    if names.is_empty() {
        return;
    }
    let mut added: Vec<(usize, Mention)> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let r = s.tokens();
        let mut i = r.start;
        while i < r.end.min(n) {
            let Some(list) = names.get(tokens[i].text()) else {
                i += 1;
                continue;
            };
            let hit = list.iter().find(|(a, b, e)| {
                let len = b - a;
                e.is_some()
                    && i + len <= r.end.min(n)
                    && (i..i + len).all(|j| !covered[j])
                    && tokens[i..i + len].iter().zip(&tokens[*a..*b]).all(|(p, q)| p.text() == q.text())
                    // Not part of a longer capitalised run ("Wales" in "Wales Rally GB").
                    && !(i > r.start && tokens[i - 1].is_capitalized() && tokens[i - 1].is_wordlike() && !covered[i - 1] && i - 1 != r.start)
                    && !(i + len < r.end.min(n) && tokens[i + len].is_capitalized() && tokens[i + len].is_wordlike())
            });
            match hit {
                Some(&(a, b, Some(e))) => {
                    let len = b - a;
                    let span = Span::new(tokens[i].span().start, tokens[i + len - 1].span().end);
                    added.push((
                        e,
                        Mention {
                            span,
                            sentence: si,
                            source: std::borrow::Cow::Borrowed("rule:alias:repeat"),
                        },
                    ));
                    i += len;
                }
                _ => i += 1,
            }
        }
    }
    for (e, m) in added {
        entities[e].mentions.push(m);
    }
}

/// Folds candidates into entities, numbered by first mention: one per gazetteer entry; one per
/// rule-found name (by label and lower-cased text), with surname and acronym aliases joining the
/// most recent entity they belong to.
fn fold(
    tokens: &[Token<'_>],
    sentences: &[Sentence],
    gazetteers: &[&Gazetteer],
    kept: Vec<Candidate>,
) -> Vec<Entity> {
    #[derive(Hash, PartialEq, Eq)]
    enum Key {
        Entry(usize, usize),
        Name(Label, String),
    }
    let mut index: HashMap<Key, usize, FxBuild> = HashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    // For aliases: surname -> entity, acronym -> entity (the latest one wins).
    let mut by_surname: HashMap<String, usize, FxBuild> = HashMap::default();
    let mut by_acronym: HashMap<String, usize, FxBuild> = HashMap::default();
    // Given name -> the one person seen so far with it as the first word of a full name (None
    // once two people share it): "John" after "John Yapp", "Sir Paul" after "Paul McCartney".
    let mut by_given: HashMap<String, Option<usize>, FxBuild> = HashMap::default();
    // The candidate's words as written, with one space wherever the text had white space.
    let text_of = |c: &Candidate| -> String {
        let mut out = String::new();
        for (k, t) in tokens[c.first_token..c.end_token].iter().enumerate() {
            if k > 0 && t.space_before() {
                out.push(' ');
            }
            out.push_str(t.text());
        }
        out
    };
    let new_entity = |entities: &mut Vec<Entity>,
                      label: Label,
                      name: String,
                      kb: Option<String>,
                      country: Option<String>| {
        entities.push(Entity {
            id: EntityId(entities.len() as u32),
            label,
            name,
            kb_id: kb,
            country,
            mentions: Vec::new(),
        });
        entities.len() - 1
    };
    // A title that is only qualifiers ("deputy", which is a post of its own) right before
    // another title, past portfolio words, is that title's qualifier ("deputy governor", "deputy
    // health minister"): it is left for the next title to take in.
    let absorbed: Vec<bool> = (0..kept.len())
        .map(|i| {
            let (c, Some(next)) = (&kept[i], kept.get(i + 1)) else { return false };
            c.label == Label::Title
                && next.label == Label::Title
                && tokens[c.first_token..c.end_token].iter().all(is_qualifier)
                && next.first_token >= c.end_token
                && next.first_token - c.end_token < 4
                && tokens[c.end_token..next.first_token].iter().all(is_portfolio)
        })
        .collect();
    let mut prev_end = 0;
    for (mut c, absorbed) in kept.into_iter().zip(absorbed) {
        if absorbed {
            continue;
        }
        // The qualifiers of a title change the post: "former prime minister", "shadow home
        // secretary", "acting president" are titles of their own.
        let qualifiers = if c.label == Label::Title {
            let s_start = sentences[sentence_of(sentences, c.first_token)].tokens().start;
            let mut q = c.first_token;
            let floor = s_start.max(prev_end);
            // The portfolio first ("health spokesman", "foreign affairs spokesman"), then the
            // qualifiers ("former health spokesman").
            // Up to four words, "and" between two of them ("work and pensions spokesman").
            while q > floor && c.first_token - q < 4 {
                if is_portfolio(&tokens[q - 1]) {
                    q -= 1;
                } else if q - 1 > floor
                    && q < c.first_token
                    && tokens[q - 1].norm() == "and"
                    && is_portfolio(&tokens[q - 2])
                {
                    q -= 2;
                } else {
                    break;
                }
            }
            let p = q;
            while q > floor && p - q < 2 && is_qualifier(&tokens[q - 1]) {
                q -= 1;
            }
            let mut words: Vec<String> = tokens[q..c.first_token]
                .iter()
                .map(|t| if t.norm() == "and" { "and".to_string() } else { capitalize(t.norm()) })
                .collect();
            // "Ex-Home Secretary" (the title found in the hyphenated word's part), "ex-foreign
            // secretary", "ex-Cabinet minister": a former post.
            let own = &tokens[c.first_token];
            let inside = q == c.first_token && is_ex(own) && c.span.start > own.span().start;
            if inside {
                words.insert(0, "Former".to_string());
                c.span = Span::new(own.span().start, c.span.end);
            } else if q > floor && is_ex(&tokens[q - 1]) {
                q -= 1;
                let rest = tokens[q].norm().get(3..).unwrap_or("");
                words.insert(0, format!("Former {}", capitalize(rest)));
            }
            if q < c.first_token {
                c.span = Span::new(tokens[q].span().start, c.span.end);
                c.first_token = q;
            }
            words
        } else {
            Vec::new()
        };
        prev_end = c.end_token;
        let (k, source) = match &c.origin {
            Origin::Gazetteer { g, entry } if !qualifiers.is_empty() => {
                let Some(r) = gazetteers[*g].entry(*entry) else { continue };
                let main = r.of().unwrap_or(r);
                let name = format!("{} {}", qualifiers.join(" "), main.name());
                let k = *index
                    .entry(Key::Name(c.label, name.to_lowercase()))
                    .or_insert_with(|| new_entity(&mut entities, c.label, name, None, None));
                (k, Cow::Owned(format!("gazetteer:{}:{}+rule:qualifier", r.source(), r.id())))
            }
            Origin::Gazetteer { g, entry } => {
                let Some(r) = gazetteers[*g].entry(*entry) else { continue };
                // A short or adjectival form ("Tory") is a mention of the entry it is a form of.
                let main = r.of().unwrap_or(r);
                let k = *index.entry(Key::Entry(*g, main.index())).or_insert_with(|| {
                    let kb = match main.wikidata() {
                        Some(q) => format!("wikidata:{q}"),
                        None => main.id().to_string(),
                    };
                    new_entity(
                        &mut entities,
                        c.label,
                        main.name().to_string(),
                        Some(kb),
                        main.country().map(str::to_string),
                    )
                });
                let model = if c.model { "+model:ner" } else { "" };
                (k, Cow::Owned(format!("gazetteer:{}:{}{model}", r.source(), r.id())))
            }
            Origin::Rule(_) | Origin::Model => {
                let why = match &c.origin {
                    Origin::Rule(why) if c.model => Cow::Owned(format!("{why}+model:ner")),
                    Origin::Rule(why) => Cow::Borrowed(why.as_str()),
                    _ => Cow::Borrowed("model:ner"),
                };
                let text = text_of(&c);
                let one_word = c.end_token == c.first_token + 1;
                // "Mr Davis", "Dr Houck", "Sir Edward": a form of address and one name is the
                // full name seen before whose surname (or first word) that is.
                let addressed = (c.label == Label::Person)
                    .then(|| addressed_name(&tokens[c.first_token..c.end_token]))
                    .flatten();
                // A knight or dame is addressed by the given name ("Sir Paul", "Dame Judi").
                let knighted = addressed.is_some()
                    && ["sir", "dame"].iter().any(|f| tokens[c.first_token].text().eq_ignore_ascii_case(f));
                let given = |w: &str| by_given.get(w).copied().flatten();
                let alias = match why.as_ref() {
                    _ if addressed.is_some() => addressed.and_then(|(_, w)| {
                        by_surname.get(w).copied().or_else(|| if knighted { given(w) } else { None })
                    }),
                    "rule:alias:surname" => by_surname.get(&text).copied(),
                    "rule:alias:acronym" => by_acronym.get(&text).copied(),
                    // A one-word person found on its own evidence is still the full name seen
                    // before ("Wray said ..." after "Christopher Wray").
                    // A given name alone is the one person seen with it ("John" after "John
                    // Yapp"), where no one has it as a surname.
                    _ if one_word && c.label == Label::Person => by_surname
                        .get(&text)
                        .copied()
                        .or_else(|| crate::lexicon::given_name(&text).and_then(|_| given(&text))),
                    _ if one_word && c.label == Label::Org => by_acronym.get(&text).copied(),
                    _ => None,
                };
                let k = match alias {
                    Some(k) => k,
                    None => *index
                        .entry(Key::Name(c.label, text.to_lowercase()))
                        .or_insert_with(|| new_entity(&mut entities, c.label, text.clone(), None, None)),
                };
                (k, Cow::Owned(why.into_owned()))
            }
        };
        let words: Vec<&Token<'_>> =
            tokens[c.first_token..c.end_token].iter().filter(|t| t.is_wordlike()).collect();
        if entities[k].label == Label::Person && words.len() >= 2 {
            by_surname.insert(words[words.len() - 1].text().to_string(), k);
            // (Past a form of address: "Sir Paul McCartney" is Paul's.)
            let first = usize::from(crate::lexicon::is_form_of_address(words[0].text()));
            if words.len() > first + 1 && crate::lexicon::given_name(words[first].text()).is_some() {
                let slot = by_given.entry(words[first].text().to_string()).or_insert(Some(k));
                if *slot != Some(k) {
                    *slot = None;
                }
            }
            if crate::lexicon::given_name(words[0].text()).is_none()
                && words[0].text().len() > 2
                && !crate::lexicon::is_form_of_address(words[0].text())
            {
                by_surname.entry(words[0].text().to_string()).or_insert(k);
            }
        }
        if entities[k].label == Label::Org && words.len() >= 2 {
            let initials: String =
                words.iter().filter(|t| t.is_capitalized()).filter_map(|t| t.text().chars().next()).collect();
            by_acronym.insert(initials, k);
        }
        entities[k].mentions.push(Mention {
            span: c.span,
            sentence: sentence_of(sentences, c.first_token),
            source,
        });
    }
    merge_earlier_short_names(tokens, &mut entities);
    merge_short_org_names(tokens, &mut entities);
    repeat_mentions(tokens, sentences, &mut entities);
    // Entities in order of first mention, ids matching.
    entities.retain(|e| !e.mentions.is_empty());
    entities.sort_by_key(|e| e.mentions.iter().map(|m| m.span.start).min().unwrap_or(0));
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = EntityId(i as u32);
        e.mentions.sort_by_key(|m| m.span.start);
    }
    entities
}
