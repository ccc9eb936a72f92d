//! Token patterns, in the JSON Lines format of spaCy's EntityRuler.
//!
//! One pattern per line: `{"id": "...", "label": "DATE", "pattern": [TOKEN, ...]}`, or with a
//! string pattern (`"pattern": "last week"`), matched token by token in any case. A TOKEN is an
//! object of attributes, all of which must hold:
//!
//! | attribute | value | matches when |
//! |---|---|---|
//! | `ORTH`, `TEXT` | string | the token's text is this exactly |
//! | `LOWER` | string | the lower-cased text is this |
//! | `SHAPE` | string | the word shape is this (`Xxxx`, `dddd`, `X.X.`) |
//! | `POS` | string | the universal tag is this (`PROPN`) |
//! | `TAG` | string | the Penn Treebank tag is this (`NNP`) |
//! | `LEMMA` | string | the lemma is this |
//! | `ENT` | string | a gazetteer entry of this label covers the token (`PLACE`) |
//! | `IS_DIGIT`, `IS_ALPHA`, `IS_TITLE`, `IS_UPPER`, `IS_LOWER`, `IS_PUNCT` | bool | the flag is this |
//! | `LENGTH` | integer | the text has this many characters |
//!
//! A string attribute may instead take `{"IN": [...]}`, `{"NOT_IN": [...]}` or `{"REGEX": "..."}`
//! (the regex must match somewhere in the value; anchor it with `^...$` for the whole value).
//! `OP` repeats the token: `"?"` (0 or 1), `"*"` (0 or more), `"+"` (1 or more), `"!"` (must
//! not match here, consumes nothing... as in spaCy it matches 0 times), or `"{n,m}"`.
//!
//! Matching is greedy and leftmost-longest per start token; patterns never cross a sentence.
//!
//! ## Limits
//!
//! Pattern files come from users, so absurd input is an error when the extractor is built
//! (naming the file, the line and the cause), never a hang, a panic or an unbounded allocation
//! at extraction time:
//!
//! * a line (one pattern) is at most [`MAX_PATTERN_LINE_BYTES`] (1 MiB);
//! * a pattern has at most [`MAX_PATTERN_TOKENS`] (256) token objects, and an `IN` or
//!   `NOT_IN` list at most [`MAX_LIST_ITEMS`] (100,000) strings;
//! * a `REGEX` is at most [`MAX_REGEX_BYTES`] (10,000) bytes of source and must compile
//!   within the regex crate's size limit of 1 MiB (`{1000}{1000}` does not), nesting at most
//!   100 deep; regexes match in linear time (no backreferences or look-around);
//! * `{n,m}` takes numbers up to 65,535, and a pattern with repeated tokens tries at most
//!   10,000 steps of backtracking per start token before giving up on that start, so a
//!   pattern such as `[{"OP": "*"}, {"OP": "*"}, ..., {"ORTH": "x"}]` costs a bounded time
//!   per token.

use regex::Regex;
use serde_json::Value;

use crate::entity::Label;

type WordSet = std::collections::HashSet<String, crate::hash::FxBuild>;
use crate::error::BuildError;

/// The longest line (one pattern) a pattern file may have, in bytes.
pub const MAX_PATTERN_LINE_BYTES: usize = 1 << 20;
/// The most token objects one pattern may have.
pub const MAX_PATTERN_TOKENS: usize = 256;
/// The most strings an `IN` or `NOT_IN` list may have.
pub const MAX_LIST_ITEMS: usize = 100_000;
/// The longest `REGEX` source, in bytes.
pub const MAX_REGEX_BYTES: usize = 10_000;
/// The compiled size limit of a `REGEX` (the regex crate's `size_limit`), in bytes.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// The steps of backtracking a pattern may take from one start token.
const BACKTRACK_BUDGET: usize = 10_000;

/// How many times a token spec may repeat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantifier {
    /// Exactly once.
    One,
    /// Zero or one (`?`).
    Optional,
    /// Zero or more (`*`).
    ZeroOrMore,
    /// One or more (`+`).
    OneOrMore,
    /// Zero times: the token must not match here (`!`).
    Not,
    /// Between `n` and `m` times (`{n,m}`).
    Range(u16, u16),
}

impl Quantifier {
    fn bounds(&self) -> (usize, usize) {
        match *self {
            Quantifier::One => (1, 1),
            Quantifier::Optional => (0, 1),
            Quantifier::ZeroOrMore => (0, usize::MAX),
            Quantifier::OneOrMore => (1, usize::MAX),
            Quantifier::Not => (0, 0),
            Quantifier::Range(n, m) => (n as usize, m as usize),
        }
    }
}

#[derive(Clone, Debug)]
enum Test {
    Eq(String),
    In(WordSet),
    NotIn(WordSet),
    /// A regex, and for one anchored at the start the bytes a match can begin with
    /// ([`first_bytes`]): most tokens fail that test without running the regex.
    Regex(Regex, Option<Box<[bool; 256]>>),
}

/// The bytes a match of `src` can begin with, when it is anchored at the start of the token
/// and every match begins with one of finitely many non-empty literals; `None` when there is no
/// such test.
fn first_bytes(src: &str) -> Option<Box<[bool; 256]>> {
    let hir = regex_syntax::parse(src).ok()?;
    if !hir.properties().look_set_prefix().contains(regex_syntax::hir::Look::Start) {
        return None;
    }
    // Literals cut to their first byte: a small set even where the full ones are not.
    let seq = regex_syntax::hir::literal::Extractor::new().limit_literal_len(1).extract(&hir);
    let mut first = Box::new([false; 256]);
    for lit in seq.literals()? {
        first[*lit.as_bytes().first()? as usize] = true;
    }
    Some(first)
}

impl Test {
    fn holds(&self, v: &str) -> bool {
        match self {
            Test::Eq(s) => s == v,
            Test::In(l) => l.contains(v),
            Test::NotIn(l) => !l.contains(v),
            Test::Regex(r, first) => {
                first.as_ref().is_none_or(|f| v.as_bytes().first().is_some_and(|&b| f[b as usize]))
                    && r.is_match(v)
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Attr {
    Orth,
    Lower,
    Shape,
    Pos,
    Tag,
    Lemma,
    Ent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flag {
    Digit,
    Alpha,
    Title,
    Upper,
    Lower,
    Punct,
}

/// One token of a pattern.
#[derive(Clone, Debug)]
pub struct TokenSpec {
    tests: Vec<(Attr, Test)>,
    flags: Vec<(Flag, bool)>,
    length: Option<usize>,
    quantifier: Quantifier,
}

/// Patterns in priority order, indexed by their required words ([`Pattern::required`]): the
/// patterns a sentence may match are found with a lookup or two per token, not one per token
/// and pattern.
#[derive(Clone, Debug, Default)]
pub(crate) struct PatternSet {
    /// Each pattern, and whether it is the user's (`true`) or built in.
    patterns: Vec<(Pattern, bool)>,
    /// Lower-cased required word -> the patterns that need it.
    by_lower: std::collections::HashMap<String, Vec<usize>, crate::hash::FxBuild>,
    /// Exact required word -> the patterns that need it.
    by_orth: std::collections::HashMap<String, Vec<usize>, crate::hash::FxBuild>,
    /// The patterns without required words: tried on every sentence.
    always: Vec<usize>,
}

impl PatternSet {
    /// Indexes `patterns` (in priority order; `true` for the user's).
    pub(crate) fn new(patterns: Vec<(Pattern, bool)>) -> PatternSet {
        let mut set = PatternSet { patterns, ..PatternSet::default() };
        for (i, (p, _)) in set.patterns.iter().enumerate() {
            let Some((attr, words)) = &p.required else {
                set.always.push(i);
                continue;
            };
            let map = if *attr == Attr::Lower { &mut set.by_lower } else { &mut set.by_orth };
            for w in words {
                map.entry(w.clone()).or_default().push(i);
            }
        }
        set
    }

    /// Whether there are no patterns.
    pub(crate) fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The patterns, in priority order, each with whether it is the user's.
    pub(crate) fn patterns(&self) -> &[(Pattern, bool)] {
        &self.patterns
    }

    /// Puts in `live`, in priority order, the patterns a sentence of these tokens (exact and
    /// lower-cased text) may match: those without required words and those one of whose
    /// required words it contains. `seen` is scratch space.
    pub(crate) fn live<'a>(
        &self,
        words: impl Iterator<Item = (&'a str, &'a str)>,
        live: &mut Vec<usize>,
        seen: &mut Vec<bool>,
    ) {
        live.clear();
        seen.clear();
        seen.resize(self.patterns.len(), false);
        for &i in &self.always {
            seen[i] = true;
        }
        let (lower, orth) = (!self.by_lower.is_empty(), !self.by_orth.is_empty());
        for (text, low) in words {
            let hits = (if lower { self.by_lower.get(low) } else { None }).into_iter().chain(if orth {
                self.by_orth.get(text)
            } else {
                None
            });
            for &i in hits.flatten() {
                seen[i] = true;
            }
        }
        live.extend(seen.iter().enumerate().filter(|(_, s)| **s).map(|(i, _)| i));
    }
}

/// A token pattern with a label.
#[derive(Clone, Debug)]
pub struct Pattern {
    id: String,
    label: Label,
    specs: Vec<TokenSpec>,
    /// Words one of which every match must contain (from its first required token with a
    /// LOWER or ORTH test): a sentence with none of them is skipped without trying the pattern.
    required: Option<(Attr, WordSet)>,
    /// The first token that every match has (the first spec that must match at least once),
    /// and the most tokens the optional specs before it can take (`usize::MAX` where they are
    /// unbounded). A match can only start that many tokens or fewer before a token the anchor
    /// spec matches ([`Pattern::starts`]).
    anchor: Option<(usize, usize)>,
}

/// What a pattern sees of a token.
pub(crate) struct TokenView<'a> {
    pub text: &'a str,
    pub lower: &'a str,
    pub shape: &'a str,
    pub pos: &'a str,
    pub tag: &'a str,
    pub lemma: &'a str,
    pub ent: Option<Label>,
}

impl TokenSpec {
    fn matches(&self, t: &TokenView<'_>) -> bool {
        for (a, test) in &self.tests {
            let ok = match a {
                Attr::Orth => test.holds(t.text),
                Attr::Lower => test.holds(t.lower),
                Attr::Shape => test.holds(t.shape),
                Attr::Pos => test.holds(t.pos),
                Attr::Tag => test.holds(t.tag),
                Attr::Lemma => test.holds(t.lemma),
                Attr::Ent => test.holds(t.ent.map_or("", |l| l.as_str())),
            };
            if !ok {
                return false;
            }
        }
        for (f, want) in &self.flags {
            let has = match f {
                Flag::Digit => !t.text.is_empty() && t.text.chars().all(|c| c.is_ascii_digit()),
                Flag::Alpha => !t.text.is_empty() && t.text.chars().all(char::is_alphabetic),
                Flag::Title => {
                    let mut cs = t.text.chars();
                    cs.next().is_some_and(char::is_uppercase) && !cs.any(char::is_uppercase)
                }
                Flag::Upper => {
                    t.text.chars().any(char::is_alphabetic) && !t.text.chars().any(char::is_lowercase)
                }
                Flag::Lower => {
                    t.text.chars().any(char::is_alphabetic) && !t.text.chars().any(char::is_uppercase)
                }
                Flag::Punct => {
                    !t.text.is_empty()
                        && t.text.chars().all(|c| c.is_ascii_punctuation() || !c.is_alphanumeric())
                }
            };
            if has != *want {
                return false;
            }
        }
        self.length.is_none_or(|n| t.text.chars().count() == n)
    }
}

impl Pattern {
    /// Whether any token of the pattern tests the word shape (shapes are only computed then).
    pub(crate) fn uses_shape(&self) -> bool {
        self.specs.iter().any(|s| s.tests.iter().any(|(a, _)| *a == Attr::Shape))
    }

    /// The pattern's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The label it gives.
    pub fn label(&self) -> Label {
        self.label
    }

    /// Parses one pattern from a JSON value (one line of the file format).
    ///
    /// # Errors
    /// A missing or unknown label, an empty pattern, an unknown attribute or operator, or a bad
    /// regex: the error names the pattern and the cause.
    ///
    /// ```
    /// use dossier::matcher::Pattern;
    /// let p = Pattern::parse_json(r#"{"id": "year", "label": "DATE", "pattern": [{"TEXT": {"REGEX": "^(19|20)[0-9]{2}$"}}]}"#)?;
    /// assert_eq!(p.id(), "year");
    /// let e = Pattern::parse_json(r#"{"id": "bad", "label": "DATE", "pattern": [{"COLOUR": "red"}]}"#).unwrap_err();
    /// assert_eq!(e.to_string(), "pattern \"bad\": unknown token attribute \"COLOUR\"");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_json(line: &str) -> Result<Pattern, BuildError> {
        if line.len() > MAX_PATTERN_LINE_BYTES {
            return Err(BuildError::syntax(format!(
                "the pattern is {} bytes long, more than the limit of {MAX_PATTERN_LINE_BYTES}",
                line.len()
            )));
        }
        let v: Value = serde_json::from_str(line)
            .map_err(|e| BuildError::pattern("?", format!("not valid JSON: {e}")))?;
        let id = v.get("id").and_then(Value::as_str).unwrap_or("").to_string();
        let err = |msg: String| BuildError::pattern(if id.is_empty() { "?" } else { &id }, msg);
        let label = v.get("label").and_then(Value::as_str).ok_or_else(|| err("missing \"label\"".into()))?;
        let label = Label::parse(label).ok_or_else(|| err(format!("unknown label {label:?}")))?;
        let specs = match v.get("pattern") {
            Some(Value::String(s)) => crate::text::Tokenizer::new()
                .tokenize(s)
                .iter()
                .map(|t| TokenSpec {
                    tests: vec![(Attr::Lower, Test::Eq(t.norm().to_lowercase()))],
                    flags: Vec::new(),
                    length: None,
                    quantifier: Quantifier::One,
                })
                .collect(),
            Some(Value::Array(items)) if items.len() > MAX_PATTERN_TOKENS => {
                return Err(err(format!(
                    "the pattern has {} tokens, more than the limit of {MAX_PATTERN_TOKENS}",
                    items.len()
                )));
            }
            Some(Value::Array(items)) => {
                items.iter().map(|item| parse_spec(item, &err)).collect::<Result<Vec<_>, _>>()?
            }
            _ => return Err(err("\"pattern\" must be a string or a list of token objects".into())),
        };
        if specs.len() > MAX_PATTERN_TOKENS {
            return Err(err(format!(
                "the pattern has {} tokens, more than the limit of {MAX_PATTERN_TOKENS}",
                specs.len()
            )));
        }
        if specs.is_empty() || specs.iter().all(|s| s.quantifier.bounds().0 == 0) {
            return Err(err("the pattern can match nothing: it needs at least one required token".into()));
        }
        let required = specs.iter().find(|s| s.quantifier.bounds().0 >= 1).and_then(|s| {
            s.tests.iter().find_map(|(a, t)| match (a, t) {
                (Attr::Lower | Attr::Orth, Test::Eq(w)) => Some((*a, std::iter::once(w.clone()).collect())),
                (Attr::Lower | Attr::Orth, Test::In(ws)) => Some((*a, ws.clone())),
                _ => None,
            })
        });
        let anchor = specs.iter().position(|s| s.quantifier.bounds().0 >= 1).and_then(|a| {
            specs[..a].iter().try_fold(0usize, |n, s| n.checked_add(s.quantifier.bounds().1)).map(|n| (a, n))
        });
        Ok(Pattern { id, label, specs, required, anchor })
    }

    /// Marks in `out` (one flag per token of `toks`) the tokens a match may start at: those at
    /// most the optional prefix's length before a token the pattern's first required spec
    /// matches.
    pub(crate) fn starts(&self, toks: &[TokenView<'_>], out: &mut Vec<bool>) {
        out.clear();
        let Some((a, before)) = self.anchor else {
            out.resize(toks.len(), true);
            return;
        };
        out.resize(toks.len(), false);
        let spec = &self.specs[a];
        // From the right: after an anchor token, `before` more starts to its left.
        let mut left: Option<usize> = None;
        for (p, t) in toks.iter().enumerate().rev() {
            if spec.matches(t) {
                left = Some(before);
            }
            if let Some(k) = left {
                out[p] = true;
                left = k.checked_sub(1);
            }
        }
    }

    /// The length in tokens of the longest match starting at `start`, if any.
    pub(crate) fn match_at(&self, toks: &[TokenView<'_>], start: usize) -> Option<usize> {
        fn go(specs: &[TokenSpec], toks: &[TokenView<'_>], i: usize, budget: &mut usize) -> Option<usize> {
            if *budget == 0 {
                return None;
            }
            *budget -= 1;
            let Some((spec, rest)) = specs.split_first() else { return Some(i) };
            if spec.quantifier == Quantifier::Not {
                if i < toks.len() && spec.matches(&toks[i]) {
                    return None;
                }
                return go(rest, toks, i, budget);
            }
            let (lo, hi) = spec.quantifier.bounds();
            let mut n = 0;
            while n < hi && i + n < toks.len() && spec.matches(&toks[i + n]) {
                n += 1;
            }
            // Greedy: the most repetitions first.
            let mut k = n;
            loop {
                if k >= lo {
                    if let Some(end) = go(rest, toks, i + k, budget) {
                        return Some(end);
                    }
                }
                if k == 0 || k <= lo || *budget == 0 {
                    return None;
                }
                k -= 1;
            }
        }
        // A bound on backtracking keeps a pathological pattern from stalling extraction.
        let mut budget = BACKTRACK_BUDGET;
        go(&self.specs, toks, start, &mut budget).filter(|&end| end > start).map(|end| end - start)
    }
}

fn parse_spec(item: &Value, err: &dyn Fn(String) -> BuildError) -> Result<TokenSpec, BuildError> {
    let obj = item.as_object().ok_or_else(|| err("each token must be a JSON object".into()))?;
    let mut spec =
        TokenSpec { tests: Vec::new(), flags: Vec::new(), length: None, quantifier: Quantifier::One };
    for (k, v) in obj {
        let attr = match k.as_str() {
            "ORTH" | "TEXT" => Some(Attr::Orth),
            "LOWER" => Some(Attr::Lower),
            "SHAPE" => Some(Attr::Shape),
            "POS" => Some(Attr::Pos),
            "TAG" => Some(Attr::Tag),
            "LEMMA" => Some(Attr::Lemma),
            "ENT" | "ENT_TYPE" => Some(Attr::Ent),
            _ => None,
        };
        if let Some(a) = attr {
            spec.tests.push((a, parse_test(k, v, err)?));
            continue;
        }
        let flag = match k.as_str() {
            "IS_DIGIT" => Some(Flag::Digit),
            "IS_ALPHA" => Some(Flag::Alpha),
            "IS_TITLE" => Some(Flag::Title),
            "IS_UPPER" => Some(Flag::Upper),
            "IS_LOWER" => Some(Flag::Lower),
            "IS_PUNCT" => Some(Flag::Punct),
            _ => None,
        };
        if let Some(f) = flag {
            let b = v.as_bool().ok_or_else(|| err(format!("{k} takes true or false, got {v}")))?;
            spec.flags.push((f, b));
            continue;
        }
        match k.as_str() {
            "LENGTH" => {
                spec.length =
                    Some(v.as_u64().ok_or_else(|| err(format!("LENGTH takes a whole number, got {v}")))?
                        as usize)
            }
            "OP" => {
                let op = v.as_str().ok_or_else(|| err(format!("OP takes a string, got {v}")))?;
                spec.quantifier = parse_op(op)
                    .ok_or_else(|| err(format!("unknown OP {op:?} (use ?, *, +, ! or {{n,m}})")))?;
            }
            _ => return Err(err(format!("unknown token attribute {k:?}"))),
        }
    }
    Ok(spec)
}

fn parse_test(k: &str, v: &Value, err: &dyn Fn(String) -> BuildError) -> Result<Test, BuildError> {
    let list = |v: &Value| -> Result<WordSet, BuildError> {
        let items = v.as_array().ok_or_else(|| err(format!("{k}: IN and NOT_IN take a list")))?;
        if items.len() > MAX_LIST_ITEMS {
            return Err(err(format!(
                "{k}: the list has {} items, more than the limit of {MAX_LIST_ITEMS}",
                items.len()
            )));
        }
        items
            .iter()
            .map(|x| {
                x.as_str().map(str::to_string).ok_or_else(|| err(format!("{k}: list items must be strings")))
            })
            .collect()
    };
    match v {
        Value::String(s) => Ok(Test::Eq(s.clone())),
        Value::Object(o) if o.len() == 1 => {
            let (op, arg) = o.iter().next().expect("one entry");
            match op.as_str() {
                "IN" => Ok(Test::In(list(arg)?)),
                "NOT_IN" => Ok(Test::NotIn(list(arg)?)),
                "REGEX" => {
                    let src = arg.as_str().ok_or_else(|| err(format!("{k}: REGEX takes a string")))?;
                    if src.len() > MAX_REGEX_BYTES {
                        return Err(err(format!(
                            "{k}: the REGEX is {} bytes long, more than the limit of {MAX_REGEX_BYTES}",
                            src.len()
                        )));
                    }
                    let re = regex::RegexBuilder::new(src)
                        .size_limit(REGEX_SIZE_LIMIT)
                        .nest_limit(100)
                        .build()
                        .map_err(|e| err(format!("{k}: bad REGEX {src:?}: {e}")))?;
                    Ok(Test::Regex(re, first_bytes(src)))
                }
                _ => Err(err(format!("{k}: unknown operator {op:?} (use IN, NOT_IN or REGEX)"))),
            }
        }
        _ => Err(err(format!("{k} takes a string or an object with IN, NOT_IN or REGEX, got {v}"))),
    }
}

fn parse_op(op: &str) -> Option<Quantifier> {
    Some(match op {
        "?" => Quantifier::Optional,
        "*" => Quantifier::ZeroOrMore,
        "+" => Quantifier::OneOrMore,
        "!" => Quantifier::Not,
        "1" => Quantifier::One,
        _ => {
            let inner = op.strip_prefix('{')?.strip_suffix('}')?;
            let (a, b) = inner.split_once(',')?;
            let n: u16 = if a.trim().is_empty() { 0 } else { a.trim().parse().ok()? };
            let m: u16 = if b.trim().is_empty() { u16::MAX } else { b.trim().parse().ok()? };
            if n > m {
                return None;
            }
            Quantifier::Range(n, m)
        }
    })
}

/// Parses a JSON Lines file of patterns. Empty lines and lines starting with `#` or `//` are
/// skipped.
///
/// # Errors
/// The first bad pattern, with the file name and line.
pub fn parse_patterns(name: &str, data: &str) -> Result<Vec<Pattern>, BuildError> {
    let mut out = Vec::new();
    for (i, line) in data.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') || l.starts_with("//") {
            continue;
        }
        out.push(Pattern::parse_json(l).map_err(|e| e.with_file(name).with_line(i + 1))?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence's live patterns are those without required words and those whose required
    /// word (lower-cased or exact, as the pattern says) it contains, in priority order.
    #[test]
    fn live_patterns_are_found_through_their_required_words() {
        let data = [
            r#"{"label": "DATE", "pattern": [{"LOWER": "last"}, {"LOWER": "week"}]}"#,
            r#"{"label": "ORG", "pattern": [{"ORTH": {"IN": ["Acme", "Zeta"]}}, {"LOWER": "corp"}]}"#,
            r#"{"label": "PERSON", "pattern": [{"LOWER": "jr", "OP": "?"}, {"LOWER": "sen"}]}"#,
            r#"{"label": "DATE", "pattern": [{"SHAPE": "dddd"}]}"#,
        ]
        .join("\n");
        let parsed = parse_patterns("test", &data).unwrap();
        let set = PatternSet::new(parsed.into_iter().map(|p| (p, false)).collect());
        let live = |words: &[&str]| {
            let lowers: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let (mut live, mut seen) = (Vec::new(), Vec::new());
            set.live(words.iter().copied().zip(lowers.iter().map(|l| l.as_str())), &mut live, &mut seen);
            live
        };
        assert_eq!(live(&["nothing", "here"]), vec![3]);
        assert_eq!(live(&["LAST", "time"]), vec![0, 3]);
        assert_eq!(live(&["Zeta", "Corp", "Jr"]), vec![1, 3]);
        // Only the first required token's words count ("jr" is optional).
        assert_eq!(live(&["Zeta", "SEN"]), vec![1, 2, 3]);
        // The exact test does not match another case.
        assert_eq!(live(&["ACME", "corp"]), vec![3]);
        assert_eq!(live(&["Acme", "last"]), vec![0, 1, 3]);
    }

    /// The prefix test only ever rejects what the regex rejects.
    #[test]
    fn regex_prefix_test_agrees_with_the_regex() {
        let cases = [
            r"^(1[89][0-9]{2}|20[0-9]{2})$",
            r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$",
            r"(?i)^mc[a-z]+$",
            r"[0-9]{4}s",
            r"^\w+$",
            r"^$",
        ];
        let words =
            ["1999", "2024", "x1999", "2100", "3rd", "31st", "07", "McCain", "MCCAIN", "the1990s", "", "é"];
        for src in cases {
            let re = Regex::new(src).unwrap();
            let test = Test::Regex(re.clone(), first_bytes(src));
            for w in words {
                assert_eq!(test.holds(w), re.is_match(w), "{src} on {w:?}");
            }
        }
        let year = first_bytes(r"^(1[89][0-9]{2}|20[0-9]{2})$").expect("a first-byte test");
        assert_eq!((0..=255u8).filter(|&b| year[b as usize]).collect::<Vec<_>>(), b"12");
        assert!(first_bytes(r"[0-9]{4}s").is_none(), "unanchored: a match may start anywhere");
    }

    /// A match starts only where [`Pattern::starts`] says it may, and wherever `match_at` finds
    /// one, `starts` allows it: checked on every start of a few sentences.
    #[test]
    fn starts_are_the_places_a_match_can_begin() {
        let src = r#"{"label": "DATE", "pattern": [{"LOWER": "early", "OP": "?"}, {"LOWER": "in", "OP": "?"}, {"LOWER": "may"}, {"IS_DIGIT": true, "OP": "*"}]}
{"label": "DATE", "pattern": [{"LOWER": "the", "OP": "*"}, {"LOWER": "may"}]}
{"label": "DATE", "pattern": [{"TEXT": {"REGEX": "^[0-9]+$"}}, {"LOWER": "may"}]}"#;
        let patterns = parse_patterns("test", src).unwrap();
        let sentences =
            ["it was early in may 2020 and 7 may too", "may", "the the may early may", "nothing here"];
        for sentence in sentences {
            let words: Vec<&str> = sentence.split(' ').collect();
            let views: Vec<TokenView<'_>> = words
                .iter()
                .map(|w| TokenView { text: w, lower: w, shape: "", pos: "", tag: "", lemma: w, ent: None })
                .collect();
            for (k, p) in patterns.iter().enumerate() {
                let mut starts = Vec::new();
                p.starts(&views, &mut starts);
                assert_eq!(starts.len(), views.len());
                for (i, &ok) in starts.iter().enumerate() {
                    if p.match_at(&views, i).is_some() {
                        assert!(ok, "pattern {k} matches at {i} of {sentence:?}");
                    }
                }
                if k == 0 {
                    // At most two optional tokens before "may".
                    let marked: Vec<usize> = (0..views.len()).filter(|&i| starts[i]).collect();
                    let want: Vec<usize> = match sentence {
                        "it was early in may 2020 and 7 may too" => vec![2, 3, 4, 6, 7, 8],
                        "may" => vec![0],
                        "the the may early may" => vec![0, 1, 2, 3, 4],
                        _ => vec![],
                    };
                    assert_eq!(marked, want, "{sentence:?}");
                }
                if k == 1 {
                    // An unbounded prefix: every start up to the last "may".
                    let last = words.iter().rposition(|&w| w == "may");
                    for (i, &ok) in starts.iter().enumerate() {
                        assert_eq!(ok, last.is_some_and(|l| i <= l), "{i} of {sentence:?}");
                    }
                }
            }
        }
    }
}
