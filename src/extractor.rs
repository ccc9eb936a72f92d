//! The [`Extractor`]: built once, then shared and reused. The only module that sees every stage.

use std::borrow::Cow;
use std::sync::Arc;

use crate::document::Document;
use crate::error::BuildError;
use crate::matcher::pattern::PatternSet;
use crate::matcher::{Gazetteer, Pattern};
use crate::text::{self, Tokenizer};

/// Settings for an [`Extractor`].
///
/// ```
/// let config = dossier::Config::new().max_sentence_tokens(300);
/// assert_eq!(config.get_max_sentence_tokens(), 300);
/// ```
#[derive(Clone, Debug)]
pub struct Config {
    max_sentence_tokens: usize,
    max_document_bytes: usize,
    parse: bool,
    ner: NerMode,
}

/// How names are found: by the gazetteers and rules, by the entity model, or by both fused
/// (the default). See [`Config::ner`].
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NerMode {
    /// Gazetteers, patterns and name rules only; no model.
    Rules,
    /// The entity model's names only (PERSON, ORG, PLACE, MISC), with the user's gazetteers and
    /// patterns and the rules' titles, nationalities and dates: the model on its own, for
    /// measuring it.
    Model,
    /// The model fused with the gazetteers and rules.
    Fused,
}

impl Default for Config {
    fn default() -> Self {
        Config::new()
    }
}

impl Config {
    /// The default settings.
    pub fn new() -> Config {
        Config {
            max_sentence_tokens: 400,
            max_document_bytes: Config::DEFAULT_MAX_DOCUMENT_BYTES,
            parse: true,
            ner: NerMode::Fused,
        }
    }

    /// How names are found (default [`NerMode::Fused`]). Without an entity model (no built-in
    /// data and none loaded), every mode works as [`NerMode::Rules`].
    ///
    /// ```
    /// use dossier::{Config, NerMode};
    /// let config = Config::new().ner(NerMode::Rules);
    /// assert_eq!(config.get_ner(), NerMode::Rules);
    /// ```
    pub fn ner(mut self, mode: NerMode) -> Config {
        self.ner = mode;
        self
    }

    /// See [`Config::ner`].
    pub fn get_ner(&self) -> NerMode {
        self.ner
    }

    /// The default of [`Config::max_document_bytes`]: 64 MiB, a thousand times a long article.
    pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 64 << 20;

    /// Sentences longer than this many tokens are cut, so that the later stages stay fast on
    /// text with no punctuation. Must be at least 1 (checked by [`ExtractorBuilder::build`]).
    pub fn max_sentence_tokens(mut self, n: usize) -> Config {
        self.max_sentence_tokens = n;
        self
    }

    /// See [`Config::max_sentence_tokens`].
    pub fn get_max_sentence_tokens(&self) -> usize {
        self.max_sentence_tokens
    }

    /// The longest text, in bytes, that [`Extractor::extract`] analyses whole (default
    /// [`Config::DEFAULT_MAX_DOCUMENT_BYTES`], 64 MiB; `usize::MAX` for no limit). Must be at
    /// least 1 (checked by [`ExtractorBuilder::build`]).
    ///
    /// `extract` cannot fail, so a longer text is not refused: only its beginning is analysed,
    /// up to the end of the last sentence that starts and ends within the first `n` bytes (or,
    /// when those bytes hold a single sentence, up to the last character boundary at or before
    /// `n`). The rest has no tokens, sentences, entities or triples, and the document says so:
    /// [`Document::truncated`](crate::Document::truncated) gives the length analysed, and the
    /// JSON has a `"truncated_at"` field. A caller that wants an error instead checks
    /// `text.len()` against this limit first, as the `extract` example program does.
    ///
    /// ```
    /// let ex = dossier::Extractor::builder()
    ///     .config(dossier::Config::new().max_document_bytes(20))
    ///     .build()?;
    /// let doc = ex.extract("Ann Lee spoke. Bob Ray left at once.");
    /// assert_eq!(doc.truncated(), Some(14)); // "Ann Lee spoke."
    /// assert_eq!(doc.sentences().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max_document_bytes(mut self, n: usize) -> Config {
        self.max_document_bytes = n;
        self
    }

    /// See [`Config::max_document_bytes`].
    pub fn get_max_document_bytes(&self) -> usize {
        self.max_document_bytes
    }

    /// Whether to run the dependency parser (default: yes). Without it, extraction is about
    /// twice as fast, but [`Document::head`](crate::Document::head) has nothing to say and the
    /// relation pass falls back to part-of-speech patterns.
    pub fn parse(mut self, on: bool) -> Config {
        self.parse = on;
        self
    }

    /// See [`Config::parse`].
    pub fn get_parse(&self) -> bool {
        self.parse
    }
}

/// Builds an [`Extractor`]. Building is the only step that can fail; the builder stays usable.
///
/// ```
/// let extractor = dossier::Extractor::builder()
///     .config(dossier::Config::new().max_sentence_tokens(200))
///     .abbreviation("Supt.", true)
///     .build()?;
/// let doc = extractor.extract("Supt. Ann Lee spoke.");
/// assert_eq!(doc.sentences().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    config: Config,
    abbreviations: Vec<(String, bool)>,
    gazetteers: Vec<Gazetteer>,
    gazetteer_paths: Vec<std::path::PathBuf>,
    patterns: Vec<Pattern>,
    pattern_paths: Vec<std::path::PathBuf>,
    no_builtin: bool,
    ner_model: Option<crate::ner::NerModel>,
    ner_model_path: Option<std::path::PathBuf>,
}

impl ExtractorBuilder {
    /// A builder with the default configuration and the built-in data.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Sets the configuration.
    pub fn config(&mut self, config: Config) -> &mut ExtractorBuilder {
        self.config = config;
        self
    }

    /// Adds an abbreviation that keeps its full stop ("Supt."); `title` ones precede names and
    /// never end a sentence.
    pub fn abbreviation(&mut self, abbrev: &str, title: bool) -> &mut ExtractorBuilder {
        self.abbreviations.push((abbrev.to_string(), title));
        self
    }

    /// Adds a gazetteer of your own (a watchlist). Its entries win over the built-in ones where
    /// both match the same text; gazetteers added earlier win over later ones.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut ExtractorBuilder {
        self.gazetteers.push(gazetteer);
        self
    }

    /// Adds a gazetteer read from a TSV file when [`ExtractorBuilder::build`] runs (see
    /// [`Gazetteer::from_tsv`] for the format).
    pub fn gazetteer_path(&mut self, path: impl Into<std::path::PathBuf>) -> &mut ExtractorBuilder {
        self.gazetteer_paths.push(path.into());
        self
    }

    /// Adds a token pattern of your own (see [`crate::matcher::pattern`] for the format). Your
    /// patterns win over built-in data where both match the same text.
    pub fn pattern(&mut self, pattern: Pattern) -> &mut ExtractorBuilder {
        self.patterns.push(pattern);
        self
    }

    /// Adds the patterns of a JSON Lines file, read when [`ExtractorBuilder::build`] runs.
    pub fn patterns_path(&mut self, path: impl Into<std::path::PathBuf>) -> &mut ExtractorBuilder {
        self.pattern_paths.push(path.into());
        self
    }

    /// Uses an entity model of your own (see [`crate::ner`]) instead of the built-in one.
    pub fn ner(&mut self, model: crate::ner::NerModel) -> &mut ExtractorBuilder {
        self.ner_model = Some(model);
        self.ner_model_path = None;
        self
    }

    /// Uses the entity model in this file (written by [`crate::ner::train::train`], for example
    /// through `examples/train_ner.rs`), read when [`ExtractorBuilder::build`] runs.
    ///
    /// ```
    /// let err = dossier::Extractor::builder().ner_model("no/such/model.bin").build().unwrap_err();
    /// assert!(err.to_string().contains("no/such/model.bin"));
    /// ```
    pub fn ner_model(&mut self, path: impl Into<std::path::PathBuf>) -> &mut ExtractorBuilder {
        self.ner_model_path = Some(path.into());
        self.ner_model = None;
        self
    }

    /// Whether to use the built-in gazetteers (default: yes, when the `builtin` feature is on).
    pub fn builtin(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.no_builtin = !yes;
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    /// Fails when a configuration value is out of range, an abbreviation is malformed or a
    /// gazetteer file cannot be read or parsed; the message names the value, file and line.
    pub fn build(&self) -> Result<Extractor, BuildError> {
        if self.config.max_sentence_tokens == 0 {
            return Err(BuildError::config("max_sentence_tokens must be at least 1, got 0"));
        }
        if self.config.max_document_bytes == 0 {
            return Err(BuildError::config("max_document_bytes must be at least 1, got 0"));
        }
        let mut tokenizer = Tokenizer::new();
        for (a, title) in &self.abbreviations {
            if !a.ends_with('.') || a.len() < 2 || a.chars().any(char::is_whitespace) {
                return Err(BuildError::config(format!(
                    "abbreviation {a:?} must be one word ending in a full stop"
                )));
            }
            tokenizer.add_abbreviation(a, *title);
        }
        let mut gazetteers = self.gazetteers.clone();
        for p in &self.gazetteer_paths {
            gazetteers.push(Gazetteer::from_path(p)?);
        }
        let mut patterns = self.patterns.clone();
        for p in &self.pattern_paths {
            let shown = p.display().to_string();
            let data = std::fs::read_to_string(p).map_err(|e| BuildError::io(shown.clone(), e))?;
            patterns.extend(crate::matcher::parse_patterns(&shown, &data)?);
        }
        let builtin = !self.no_builtin && cfg!(feature = "builtin");
        let user_ner = match (&self.ner_model, &self.ner_model_path) {
            (Some(m), _) => Some(m.clone()),
            (None, Some(p)) => Some(crate::ner::NerModel::from_path(p)?),
            (None, None) => None,
        };
        if builtin {
            load_builtin();
        }
        // The built-in model is borrowed, not copied (its tables are megabytes), and loads on
        // `load_builtin`'s threads, not before them.
        let ner = match user_ner {
            Some(m) => Some(Cow::Owned(m)),
            None if builtin => crate::ner::NerModel::builtin().map(Cow::Borrowed),
            None => None,
        };
        let mut patterns: Vec<(Pattern, bool)> = patterns.into_iter().map(|p| (p, true)).collect();
        if builtin {
            patterns.extend(crate::builtin::PATTERNS_PARSED.iter().map(|p| (p.clone(), false)));
        }
        Ok(Extractor {
            inner: Arc::new(Inner {
                config: self.config.clone(),
                tokenizer,
                gazetteers,
                patterns: PatternSet::new(patterns),
                builtin,
                ner,
            }),
        })
    }
}

#[derive(Debug)]
struct Inner {
    config: Config,
    tokenizer: Tokenizer,
    /// The user's gazetteers, in priority order.
    gazetteers: Vec<Gazetteer>,
    /// The user's patterns, then the built-in ones (if any).
    patterns: PatternSet,
    builtin: bool,
    /// The entity model, if any.
    ner: Option<Cow<'static, crate::ner::NerModel>>,
}

/// Loads every built-in list, lexicon and model now rather than on first use, the gazetteer (the
/// largest) on a thread of its own beside the rest. Where no thread can be started, one after
/// the other.
fn load_builtin() {
    let rest = || {
        let _ = crate::tagger::Tagger::builtin();
        let _ = crate::parser::Parser::builtin();
        let _ = crate::ner::NerModel::builtin();
        std::sync::LazyLock::force(&crate::builtin::PATTERNS_PARSED);
        crate::lexicon::load_all();
        crate::tagger::lemma::load_all();
    };
    std::thread::scope(|s| {
        let gazetteer = std::thread::Builder::new()
            .name("dossier-gazetteer".into())
            .spawn_scoped(s, || std::sync::LazyLock::force(&crate::builtin::GAZETTEER).len());
        rest();
        match gazetteer {
            Ok(handle) => {
                let _ = handle.join();
            }
            Err(_) => {
                std::sync::LazyLock::force(&crate::builtin::GAZETTEER);
            }
        }
    });
}

/// What the entity stage and its model see of a text (for training the model).
pub(crate) struct EntityInputs<'t> {
    pub tokens: Vec<crate::text::Token<'t>>,
    pub sentences: Vec<crate::text::Sentence>,
    pub tags: Vec<crate::tagger::Tag>,
    pub evidence: crate::entities::ner::features::Evidence,
}

/// Extracts entities, roles and triples from text. Build it once (it is cheap to clone: the
/// data is shared) and use it from any number of threads.
///
/// ```
/// let extractor = dossier::Extractor::new();
/// let doc = extractor.extract("CIA Director Leon Panetta met Adm. Mike Mullen on Monday.");
/// assert_eq!(doc.sentences().len(), 1);
/// for token in doc.tokens() {
///     assert_eq!(&doc.text()[token.span().range()], token.text());
/// }
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Inner>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the default configuration and the built-in data. Cannot fail.
    pub fn new() -> Extractor {
        // The default configuration is valid by construction, so this cannot fail (a test
        // checks it).
        ExtractorBuilder::new().build().expect("the default configuration is valid")
    }

    /// A builder for a customised extractor.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// The configuration this extractor was built with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The tokenizer this extractor uses.
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.inner.tokenizer
    }

    /// Extracts every text of a batch on all cores (feature `rayon`), returning the documents in
    /// input order.
    ///
    /// Without the feature, the same is a few lines of `std`: an `Extractor` is `Send + Sync`,
    /// so share one between scoped threads, each taking a slice of the batch.
    ///
    /// ```
    /// # #[cfg(feature = "rayon")] {
    /// let ex = dossier::Extractor::new();
    /// let docs = ex.extract_batch(&["The CIA spoke.", "Pakistan listened."]);
    /// assert_eq!(docs[1].text(), "Pakistan listened.");
    /// # }
    /// ```
    #[cfg(feature = "rayon")]
    pub fn extract_batch<'t, T: AsRef<str> + Sync>(&self, texts: &'t [T]) -> Vec<Document<'t>> {
        use rayon::prelude::*;
        texts.par_iter().map(|t| self.extract(t.as_ref())).collect()
    }

    /// Runs every stage on `text`. Cannot fail and never panics, whatever the input. A text
    /// longer than [`Config::max_document_bytes`] is analysed only up to a sentence boundary
    /// within that limit; see [`Document::truncated`](crate::Document::truncated).
    pub fn extract<'t>(&self, text: &'t str) -> Document<'t> {
        let inner = &*self.inner;
        let limit = inner.config.max_document_bytes;
        let (tokens, sentences, truncated) = if text.len() > limit {
            analyze_prefix(text, limit, &inner.tokenizer, inner.config.max_sentence_tokens)
        } else {
            let (tokens, sentences) = text::analyze(text, &inner.tokenizer, inner.config.max_sentence_tokens);
            (tokens, sentences, None)
        };
        let (tags, lemmas) = crate::tagger::tag_document(&tokens, &sentences);
        let entities = {
            let (gazetteers, builtin) = self.gazetteers();
            crate::entities::resolve(&crate::entities::Input {
                tokens: &tokens,
                tags: &tags,
                lemmas: &lemmas,
                sentences: &sentences,
                gazetteers: &gazetteers,
                builtin,
                patterns: &inner.patterns,
                model: inner.ner.as_deref(),
                mode: match inner.config.ner {
                    NerMode::Rules => crate::entities::Mode::Rules,
                    NerMode::Model => crate::entities::Mode::Model,
                    NerMode::Fused => crate::entities::Mode::Fused,
                },
            })
        };
        let deps = if inner.config.parse {
            crate::parser::parse_document(&tokens, &sentences, &tags, &entities)
        } else {
            Vec::new()
        };
        // The roles the names alone give, for the references (a speaker's "we" is their
        // organisation); read again below with the references' mentions ("the club manager").
        let named_roles = crate::roles::roles(&tokens, &sentences, &entities);
        let crate::references::Resolved { entities, quotations } =
            crate::references::resolve(&crate::references::Input {
                tokens: &tokens,
                sentences: &sentences,
                tags: &tags,
                lemmas: &lemmas,
                deps: &deps,
                entities: &entities,
                roles: &named_roles,
            });
        let roles = crate::roles::roles(&tokens, &sentences, &entities);
        let triples = crate::relations::triples(&crate::relations::Input {
            tokens: &tokens,
            sentences: &sentences,
            tags: &tags,
            lemmas: &lemmas,
            deps: &deps,
            entities: &entities,
            quotations: &quotations,
        });
        Document { text, tokens, sentences, tags, lemmas, deps, entities, roles, triples, truncated }
    }

    /// The user's gazetteers in priority order, then the built-in one, and its index.
    fn gazetteers(&self) -> (Vec<&Gazetteer>, Option<usize>) {
        let mut gazetteers: Vec<&Gazetteer> = self.inner.gazetteers.iter().collect();
        let mut builtin = None;
        if self.inner.builtin {
            builtin = Some(gazetteers.len());
            gazetteers.push(&crate::builtin::GAZETTEER);
        }
        (gazetteers, builtin)
    }

    /// Runs the stages up to the entity model and returns what it would see.
    pub(crate) fn entity_inputs<'t>(&self, text: &'t str) -> EntityInputs<'t> {
        let inner = &*self.inner;
        let (tokens, sentences) = text::analyze(text, &inner.tokenizer, inner.config.max_sentence_tokens);
        let (tags, lemmas) = crate::tagger::tag_document(&tokens, &sentences);
        let (gazetteers, builtin) = self.gazetteers();
        let evidence = if tokens.is_empty() {
            Default::default()
        } else {
            crate::entities::rules(
                &crate::entities::Input {
                    tokens: &tokens,
                    tags: &tags,
                    lemmas: &lemmas,
                    sentences: &sentences,
                    gazetteers: &gazetteers,
                    builtin,
                    patterns: &inner.patterns,
                    model: None,
                    mode: crate::entities::Mode::Rules,
                },
                true,
            )
            .1
        };
        EntityInputs { tokens, sentences, tags, evidence }
    }
}

/// Tokens and sentences of the beginning of a text longer than `limit` bytes (see
/// [`Config::max_document_bytes`]), and the length analysed.
fn analyze_prefix<'t>(
    text: &'t str,
    limit: usize,
    tokenizer: &Tokenizer,
    max_sentence_tokens: usize,
) -> (Vec<crate::text::Token<'t>>, Vec<crate::text::Sentence>, Option<usize>) {
    let mut cut = limit.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let (mut tokens, mut sentences) = text::analyze(&text[..cut], tokenizer, max_sentence_tokens);
    // The last sentence may run on past the cut: drop it unless it is the only one.
    if sentences.len() > 1 {
        if let Some(last) = sentences.pop() {
            tokens.truncate(last.tokens().start);
        }
        cut = sentences.last().map_or(0, |s| s.span().end);
    }
    (tokens, sentences, Some(cut))
}
