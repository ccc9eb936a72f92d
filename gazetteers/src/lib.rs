//! The language data built into [dossier](https://crates.io/crates/dossier): its gazetteers
//! (entity lists), the evidence lexicons, the lemmatiser's tables, the built-in patterns, the
//! word clusters and the entity model's weights, as the text and bytes of their files.
//!
//! They are a crate of their own only so that each crate stays under crates.io's size limit;
//! dossier embeds them through its default feature `builtin`, and reads them on first use. Each
//! file's source, version and licence is in this crate's README (its files carry several
//! licences: CC BY 4.0, CC BY-SA 4.0, MIT, Apache-2.0, the WordNet and SCOWL licences and
//! public domain), and the scripts that regenerate them are in dossier's repository
//! (`scripts/gazetteers/`). The formats are described there too.

#![forbid(unsafe_code)]

/// Places: countries, regions, divisions and towns (GeoNames, WordNet) (`place.tsv`).
pub static PLACE: &str = include_str!("../place.tsv");

/// Organisations from WordNet and compromise (`org.tsv`).
pub static ORG: &str = include_str!("../org.tsv");

/// Nationalities, religious, ethnic and political groups (`norp.tsv`).
pub static NORP: &str = include_str!("../norp.tsv");

/// Job titles and honorifics (`title.tsv`).
pub static TITLE: &str = include_str!("../title.tsv");

/// Political parties (Party Facts) (`party.tsv`).
pub static PARTY: &str = include_str!("../party.tsv");

/// Universities and colleges (Hipo) (`university.tsv`).
pub static UNIVERSITY: &str = include_str!("../university.tsv");

/// Football and other sports clubs (openfootball, Wikipedia) (`club.tsv`).
pub static CLUB: &str = include_str!("../club.tsv");

/// US Congress legislators and committees (`congress.tsv`).
pub static CONGRESS: &str = include_str!("../congress.tsv");

/// News organisations, agencies, ministries and international bodies (curated from Wikipedia) (`news_org.tsv`).
pub static NEWS_ORG: &str = include_str!("../news_org.tsv");

/// Listed companies (pytickersymbols) and a curated list (`company.tsv`).
pub static COMPANY: &str = include_str!("../company.tsv");

/// Given names with their frequency (evidence, never entities) (`given_names.tsv`).
pub static GIVEN_NAMES: &str = include_str!("../given_names.tsv");

/// Surnames with their frequency (evidence) (`surnames.tsv`).
pub static SURNAMES: &str = include_str!("../surnames.tsv");

/// Person-name parts from many cultures (evidence) (`name_parts.txt`).
pub static NAME_PARTS: &str = include_str!("../name_parts.txt");

/// Organisation head words and legal-form suffixes (evidence) (`org_words.tsv`).
pub static ORG_WORDS: &str = include_str!("../org_words.tsv");

/// Place head words (evidence) (`place_words.txt`).
pub static PLACE_WORDS: &str = include_str!("../place_words.txt");

/// Lower-case English words (SCOWL) (`common_words.txt`).
pub static COMMON_WORDS: &str = include_str!("../common_words.txt");

/// Inflections for the lemmatiser (AGID) (`lemmas.tsv`).
pub static LEMMAS: &str = include_str!("../lemmas.tsv");

/// The treebank's choice where an inflection has several lemmas (`lemma_ties.tsv`).
pub static LEMMA_TIES: &str = include_str!("../lemma_ties.tsv");

/// The built-in token patterns (spaCy EntityRuler JSON Lines) (`patterns.jsonl`).
pub static PATTERNS: &str = include_str!("../patterns.jsonl");

/// Word clusters from GloVe 6B 50d (a model feature) (`clusters.tsv`).
pub static CLUSTERS: &str = include_str!("../clusters.tsv");

/// The NLP4J name list (evidence only) (`nlp4j.tsv`).
pub static NLP4J: &str = include_str!("../nlp4j.tsv");

/// The entity model's weights (`ner.bin`, format `DSNER01`: an averaged structured perceptron
/// over BILOU classes for PER, ORG, LOC and MISC; CC BY-SA 4.0, see `ner.bin.ATTRIBUTION.md`).
pub static NER: &[u8] = include_bytes!("../ner.bin");
