//! The gazetteer: a token-aware dictionary matcher.
//!
//! Every surface form is tokenised like the text and lower-cased, and each of its words is given
//! a three-byte code: the first byte has its high bit set, the other two do not. Surfaces become
//! strings of codes in one Aho-Corasick automaton (leftmost-longest), and the haystack is the
//! document's tokens (hyphenated ones split into parts, so "Punjab" is found in "Punjab-based"),
//! each written as its word's code, or the code of an unknown word, with a separator byte between
//! sentences. A match can then only start and end on word boundaries and never crosses a
//! sentence, with no check needed; the automaton is a third the size of a byte-level one over the
//! same names, and the haystack a third the length of the text. A match counts when the text's
//! case fits the surface's [`CasePolicy`]; when it does not, I retry the longest shorter match at
//! the same start before moving on, so a bad long candidate never hides a good short one.

use std::collections::HashMap;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};

use crate::error::BuildError;
use crate::hash::FxBuild;
use crate::text::Token;
use crate::{Label, Span};

/// How the case of the text must fit a surface form for it to match. Inferred from the surface
/// when an entry is added.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CasePolicy {
    /// An acronym ("CIA", "ISI", "LET", "U.S."): only in exactly this case. Acronyms of four or more
    /// letters also match in title case, as British papers write them ("Nato", "Opec").
    Acronym,
    /// A proper name ("Leon Panetta", "al Qaeda"): each word as written, or all in capitals as in a
    /// headline; lower-case particles may also be capitalised ("Al Qaeda").
    Proper,
    /// A lower-case entry ("prime minister"): in any case.
    AnyCase,
}

impl CasePolicy {
    /// The policy a surface form gets.
    ///
    /// ```
    /// use dossier::matcher::CasePolicy;
    /// assert_eq!(CasePolicy::infer("CIA"), CasePolicy::Acronym);
    /// assert_eq!(CasePolicy::infer("U.S."), CasePolicy::Acronym);
    /// assert_eq!(CasePolicy::infer("Lahore"), CasePolicy::Proper);
    /// assert_eq!(CasePolicy::infer("prime minister"), CasePolicy::AnyCase);
    /// ```
    pub fn infer(surface: &str) -> CasePolicy {
        let upper = surface.chars().filter(|c| c.is_uppercase()).count();
        let lower = surface.chars().filter(|c| c.is_lowercase()).count();
        if upper == 0 {
            CasePolicy::AnyCase
        } else if lower == 0 && (upper >= 2 || surface.contains('.')) && !surface.contains(' ') {
            CasePolicy::Acronym
        } else {
            CasePolicy::Proper
        }
    }

    /// Whether `text` (the original text of a match) fits `surface` under this policy.
    pub fn accepts(&self, surface: &str, text: &str) -> bool {
        match self {
            CasePolicy::AnyCase => true,
            CasePolicy::Acronym => {
                text == surface || {
                    // "Nato" for "NATO": title case, four letters or more, no dots.
                    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
                    letters >= 4 && !surface.contains('.') && is_title_case_of(text, surface)
                }
            }
            CasePolicy::Proper => {
                if text == surface {
                    return true;
                }
                let tw = text.split(' ');
                let sw = surface.split(' ');
                let all_caps = text.chars().all(|c| !c.is_lowercase());
                for (t, s) in tw.zip(sw) {
                    let ok = t == s
                        || (all_caps
                            && t.chars()
                                .flat_map(char::to_lowercase)
                                .eq(s.chars().flat_map(char::to_lowercase)))
                        || (s.chars().all(|c| !c.is_uppercase()) && is_title_case_of(t, s));
                    if !ok {
                        return false;
                    }
                }
                true
            }
        }
    }
}

/// Whether `text` is `surface` with only its first letter upper-case ("Nato" / "NATO", "Al" / "al").
fn is_title_case_of(text: &str, surface: &str) -> bool {
    let mut tc = text.chars();
    let Some(first) = tc.next() else { return false };
    if !first.is_uppercase() || tc.clone().any(char::is_uppercase) {
        return false;
    }
    text.chars().flat_map(char::to_lowercase).eq(surface.chars().flat_map(char::to_lowercase))
}

/// One gazetteer entry: a thing with a label, a canonical name, a stable id and its surface forms.
///
/// ```
/// use dossier::{Label, matcher::Entry};
/// let e = Entry::new("watch:1", Label::Person, "Raymond Davis").alias("Ray Davis").attr("weak", "1");
/// assert_eq!(e.name(), "Raymond Davis");
/// assert_eq!(e.aliases(), ["Ray Davis"]);
/// assert!(e.is_weak());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    id: String,
    label: Label,
    name: String,
    aliases: Vec<String>,
    attrs: Vec<(String, String)>,
}

impl Entry {
    /// A new entry; its canonical name is also a surface form.
    pub fn new(id: impl Into<String>, label: Label, name: impl Into<String>) -> Entry {
        Entry { id: id.into(), label, name: name.into(), aliases: Vec::new(), attrs: Vec::new() }
    }

    /// Adds another surface form.
    pub fn alias(mut self, alias: impl Into<String>) -> Entry {
        self.aliases.push(alias.into());
        self
    }

    /// Adds an attribute. Known keys: `weak` (`1`: fire only with support from the context),
    /// `pop` (population, to rank places of one name), `kind` (country, admin1, state, city, region),
    /// `cc` (ISO country code), `country` (for NORP: the id of the country entry).
    pub fn attr(mut self, key: impl Into<String>, value: impl Into<String>) -> Entry {
        self.attrs.push((key.into(), value.into()));
        self
    }

    /// The stable id (`geonames:1172451`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The label.
    pub fn label(&self) -> Label {
        self.label
    }

    /// The canonical name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The other surface forms.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// An attribute's value.
    pub fn get_attr(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// Whether the entry fires only with support from its context (a place that is also a common
    /// word, a one-word title).
    pub fn is_weak(&self) -> bool {
        self.get_attr("weak").is_some_and(|v| v == "1" || v == "true")
    }
}

/// A string stored in a [`Gazetteer`]'s arena: offset and length.
#[derive(Clone, Copy, Debug, Default)]
struct StrRef(u32, u32);

/// What the matcher keeps of an entry: compact, all strings in one arena.
#[derive(Clone, Copy, Debug)]
struct EntryData {
    id: StrRef,
    name: StrRef,
    label: Label,
    weak: bool,
    kind: Kind,
    population: u32,
    country: StrRef,
    /// ISO 3166 alpha-2 country code, or two spaces.
    cc: [u8; 2],
}

/// The kind of place (or other entry), used to rank readings of one surface.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// No kind given.
    Other,
    /// A city or town.
    City,
    /// A region or geographic feature.
    Region,
    /// A first-level administrative division (province, state).
    Admin1,
    /// A country.
    Country,
    /// A continent.
    Continent,
}

#[derive(Clone, Copy, Debug)]
struct Reading {
    entry: u32,
    case: CasePolicy,
    surface: StrRef,
}

/// One reading of a match: the entry it may stand for.
#[derive(Clone, Copy, Debug)]
pub struct EntryRef<'g> {
    gaz: &'g Gazetteer,
    entry: u32,
}

impl<'g> EntryRef<'g> {
    fn data(&self) -> &'g EntryData {
        &self.gaz.entries[self.entry as usize]
    }

    /// The entry's stable id.
    pub fn id(&self) -> &'g str {
        self.gaz.get(self.data().id)
    }

    /// The entry's canonical name.
    pub fn name(&self) -> &'g str {
        self.gaz.get(self.data().name)
    }

    /// The entry's label.
    pub fn label(&self) -> Label {
        self.data().label
    }

    /// Whether the entry needs support from its context.
    pub fn is_weak(&self) -> bool {
        self.data().weak
    }

    /// The kind of entry (country, city, ...).
    pub fn kind(&self) -> Kind {
        self.data().kind
    }

    /// The population, for places (0 when unknown).
    pub fn population(&self) -> u32 {
        self.data().population
    }

    /// For NORP entries, the id of the country entry they belong to.
    pub fn country(&self) -> Option<&'g str> {
        let s = self.gaz.get(self.data().country);
        if s.is_empty() { None } else { Some(s) }
    }

    /// The ISO 3166 alpha-2 code of the country the entry is in (or, for a country or
    /// nationality, stands for), if known.
    pub fn country_code(&self) -> Option<&'g str> {
        let cc = &self.data().cc;
        if cc == b"  " { None } else { std::str::from_utf8(cc).ok() }
    }

    /// The name of the list the entry came from.
    pub fn source(&self) -> &'g str {
        &self.gaz.name
    }

    /// The index of the entry in its gazetteer.
    pub fn index(&self) -> usize {
        self.entry as usize
    }
}

/// A dictionary match: where, and which entries it may stand for.
#[derive(Clone, Debug)]
pub struct GazetteerMatch {
    /// The byte span in the original text.
    pub span: Span,
    /// The first token the match touches.
    pub first_token: usize,
    /// One past the last token the match touches.
    pub end_token: usize,
    /// Whether the match covers only part of a hyphenated token ("Punjab" in "Punjab-based").
    pub partial: bool,
    readings: Vec<u32>,
}

impl GazetteerMatch {
    /// The entries the match may stand for, in the order they were added (ranking them is the
    /// resolution stage's job).
    pub fn readings<'a, 'g: 'a>(&'a self, gaz: &'g Gazetteer) -> impl Iterator<Item = EntryRef<'g>> + 'a {
        self.readings.iter().map(move |&entry| EntryRef { gaz, entry })
    }
}

/// A token-aware dictionary matcher. Build it with [`Gazetteer::builder`], [`Gazetteer::from_tsv`]
/// or [`Gazetteer::from_path`].
///
/// ```
/// use dossier::{Label, matcher::{Entry, Gazetteer}};
/// let gaz = Gazetteer::builder("watchlist")
///     .entry(Entry::new("w:1", Label::Org, "Inter-Services Intelligence").alias("ISI"))
///     .build()?;
/// let doc = dossier::Extractor::new().extract("The ISI and the Isis river.");
/// let found = gaz.find(doc.tokens(), doc.sentences());
/// assert_eq!(found.len(), 1);
/// assert_eq!(doc.slice(found[0].span), "ISI");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Gazetteer {
    name: String,
    ac: Option<AhoCorasick>,
    /// Every word of every surface, lower-cased, with its id (its code in the automaton).
    vocab: HashMap<Box<str>, u32, FxBuild>,
    arena: String,
    entries: Vec<EntryData>,
    /// Readings of pattern `p` are `readings[starts[p]..starts[p + 1]]`.
    starts: Vec<u32>,
    readings: Vec<Reading>,
    surfaces: usize,
}

/// Builds a [`Gazetteer`].
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    name: String,
    /// Each entry with the file and line it was read from, if any.
    entries: Vec<(Entry, Option<(usize, usize)>)>,
    files: Vec<String>,
}

impl GazetteerBuilder {
    /// Adds an entry.
    pub fn entry(mut self, entry: Entry) -> GazetteerBuilder {
        self.entries.push((entry, None));
        self
    }

    /// Adds an entry by reference, for builders held in a variable.
    pub fn push(&mut self, entry: Entry) -> &mut GazetteerBuilder {
        self.entries.push((entry, None));
        self
    }

    fn push_at_line(&mut self, entry: Entry, file: &str, line: usize) {
        if self.files.last().is_none_or(|f| f != file) {
            self.files.push(file.to_string());
        }
        self.entries.push((entry, Some((self.files.len() - 1, line))));
    }

    /// Builds the automaton.
    ///
    /// # Errors
    /// An entry with an empty id, name or alias, or an id used twice, is an error naming the
    /// list, the line (for files) and the value.
    pub fn build(&self) -> Result<Gazetteer, BuildError> {
        let err = |at: Option<(usize, usize)>, msg: String| match at {
            Some((f, l)) => BuildError::syntax(msg).with_file(&self.files[f]).with_line(l),
            None => BuildError::syntax(msg).with_file(&self.name),
        };
        let mut arena = String::new();
        fn put(arena: &mut String, s: &str) -> StrRef {
            let r = StrRef(arena.len() as u32, s.len() as u32);
            arena.push_str(s);
            r
        }
        let mut entries = Vec::with_capacity(self.entries.len());
        let mut ids: HashMap<&str, usize, FxBuild> =
            HashMap::with_capacity_and_hasher(self.entries.len(), FxBuild);
        // Every (surface key, reading); sorted and grouped by key after the loop. A cached 8-byte
        // prefix of the key keeps most comparisons out of memcmp.
        let mut pending: Vec<(u64, Vec<u8>, Reading)> = Vec::with_capacity(self.entries.len() * 2);
        let mut vocab: HashMap<Box<str>, u32, FxBuild> = HashMap::with_hasher(FxBuild);
        let mut code: Vec<u8> = Vec::new();
        let tokenizer = crate::text::Tokenizer::new();
        let (mut key, mut cmp) = (String::new(), String::new());
        for (i, (e, line)) in self.entries.iter().enumerate() {
            if e.id.trim().is_empty() {
                return Err(err(*line, format!("entry {:?} has an empty id", e.name)));
            }
            if let Some(prev) = ids.insert(e.id.as_str(), i) {
                let prev_line = match self.entries[prev].1 {
                    Some((f, l)) if Some(f) == line.map(|x| x.0) => format!(" (first used on line {l})"),
                    Some((f, l)) => format!(" (first used in {} line {l})", self.files[f]),
                    None => String::new(),
                };
                return Err(err(*line, format!("duplicate id {:?}{prev_line}", e.id)));
            }
            let num = |k: &str| e.get_attr(k).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
            let kind = match e.get_attr("kind") {
                Some("continent") => Kind::Continent,
                Some("country") => Kind::Country,
                Some("admin1") | Some("state") => Kind::Admin1,
                Some("region") => Kind::Region,
                Some("city") => Kind::City,
                _ => Kind::Other,
            };
            let data = EntryData {
                id: put(&mut arena, &e.id),
                name: put(&mut arena, &e.name),
                label: e.label,
                weak: e.is_weak(),
                kind,
                population: num("pop").min(u32::MAX as u64) as u32,
                country: put(&mut arena, e.get_attr("country").unwrap_or("")),
                cc: match e.get_attr("cc").map(str::as_bytes) {
                    Some(&[a, b]) => [a.to_ascii_uppercase(), b.to_ascii_uppercase()],
                    _ => *b"  ",
                },
            };
            let entry_idx = entries.len() as u32;
            entries.push(data);
            let first_pending = pending.len();
            for surface in std::iter::once(&e.name).chain(e.aliases.iter()) {
                let surface = surface.trim();
                if surface.is_empty() {
                    return Err(err(*line, format!("entry {:?} has an empty name or alias", e.id)));
                }
                match_key(surface, &tokenizer, &mut key, &mut cmp);
                if key.is_empty() {
                    continue;
                }
                code.clear();
                for unit in key.split(' ').filter(|u| !u.is_empty()) {
                    let id = match vocab.get(unit) {
                        Some(&id) => id,
                        None => {
                            let id = vocab.len() as u32 + 1; // 0 is the code of unknown words
                            if id >= 1 << 21 {
                                return Err(err(
                                    *line,
                                    "more than 2,097,151 distinct words in one gazetteer".into(),
                                ));
                            }
                            vocab.insert(unit.into(), id);
                            id
                        }
                    };
                    code.extend_from_slice(&word_code(id));
                }
                // The same entry twice under one surface adds nothing.
                let case = CasePolicy::infer(surface);
                let dup = pending[first_pending..].iter().any(|(_, k, r)| {
                    *k == code
                        && r.case == case
                        && arena[r.surface.0 as usize..(r.surface.0 + r.surface.1) as usize] == cmp
                });
                if dup {
                    continue;
                }
                let reading = Reading { entry: entry_idx, case, surface: put(&mut arena, &cmp) };
                let mut pre = [0u8; 8];
                let n = code.len().min(8);
                pre[..n].copy_from_slice(&code[..n]);
                pending.push((u64::from_be_bytes(pre), code.clone(), reading));
            }
        }
        // Sort by key and group: equal keys become one pattern, numbered in sorted order (the
        // automaton's trie builds about twice as fast from sorted input, which matters at a
        // million patterns), and each pattern's readings end up contiguous (CSR layout).
        pending.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)).then(a.2.entry.cmp(&b.2.entry))
        });
        let mut pattern_list: Vec<Vec<u8>> = Vec::with_capacity(pending.len());
        let mut starts: Vec<u32> = Vec::with_capacity(pending.len() + 1);
        let mut readings: Vec<Reading> = Vec::with_capacity(pending.len());
        for (_, k, r) in pending {
            if pattern_list.last() != Some(&k) {
                starts.push(readings.len() as u32);
                pattern_list.push(k);
            }
            readings.push(r);
        }
        starts.push(readings.len() as u32);
        let ac = if pattern_list.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    // The contiguous NFA searches fastest of the kinds that build in reasonable time
                    // and memory at a million patterns (a DFA takes gigabytes).
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&pattern_list)
                    .map_err(|e| err(None, format!("cannot build the automaton: {e}")))?,
            )
        };
        arena.shrink_to_fit();
        vocab.shrink_to_fit();
        Ok(Gazetteer {
            name: self.name.clone(),
            ac,
            vocab,
            arena,
            entries,
            starts,
            readings,
            surfaces: pattern_list.len(),
        })
    }
}

/// The pattern a surface is matched by, and the form its case is checked against: the surface
/// run through the same tokenizer as the text, hyphenated tokens split into parts, written as in
/// the haystack (" unit unit "). Plain surfaces (letters and single spaces) skip the tokenizer.
fn match_key(surface: &str, tokenizer: &crate::text::Tokenizer, key: &mut String, cmp: &mut String) {
    key.clear();
    cmp.clear();
    let mut unit = |u: &str| {
        key.push(' ');
        push_lower(key, u);
        if !cmp.is_empty() {
            cmp.push(' ');
        }
        cmp.push_str(u);
    };
    let plain = surface.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ');
    if plain {
        surface.split(' ').filter(|w| !w.is_empty()).for_each(&mut unit);
    } else {
        for t in tokenizer.tokenize(surface) {
            if t.is_hyphenated() {
                for (part, _) in t.parts() {
                    unit(&crate::text::normalize(part));
                }
            } else {
                unit(t.norm());
            }
        }
    }
    if !key.is_empty() {
        key.push(' ');
    }
}

fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
    } else {
        out.extend(s.chars().flat_map(char::to_lowercase));
    }
}

/// The columns of the TSV format.
const TSV_COLUMNS: &str = "id<TAB>label<TAB>name[<TAB>aliases separated by |[<TAB>key=value;...]]";

impl Gazetteer {
    /// A builder for a gazetteer called `name` (used in error messages and as the source of
    /// every match).
    pub fn builder(name: impl Into<String>) -> GazetteerBuilder {
        GazetteerBuilder { name: name.into(), entries: Vec::new(), files: Vec::new() }
    }

    /// Parses the TSV format: one entry per line, `id<TAB>label<TAB>name`, optionally followed by
    /// `<TAB>aliases` (separated by `|`) and `<TAB>attributes` (`key=value` separated by `;`).
    /// Lines starting with `#` and empty lines are skipped. Labels are PERSON, ORG, PLACE, TITLE,
    /// NORP and DATE. `name` is used in error messages.
    ///
    /// # Errors
    /// Missing columns, an unknown label, an empty name or alias, a byte-order mark, a CRLF line
    /// ending or a duplicate id: the error names the file, the line and the cause. Nothing is
    /// silently dropped.
    ///
    /// ```
    /// use dossier::matcher::Gazetteer;
    /// let g = Gazetteer::from_tsv("people.tsv", "p1\tPERSON\tRaymond Davis\tRay Davis\n")?;
    /// assert_eq!(g.len(), 1);
    /// let e = Gazetteer::from_tsv("people.tsv", "p1\tHUMAN\tRaymond Davis\n").unwrap_err();
    /// assert_eq!(e.to_string(), "people.tsv:1: unknown label \"HUMAN\" (expected PERSON, ORG, PLACE, TITLE, NORP or DATE)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_tsv(name: &str, data: &str) -> Result<Gazetteer, BuildError> {
        let mut b = Gazetteer::builder(name);
        parse_tsv(name, data, &mut b)?;
        b.build()
    }

    /// Reads a TSV file (see [`Gazetteer::from_tsv`]).
    ///
    /// # Errors
    /// The file cannot be read or is not valid UTF-8, or [`Gazetteer::from_tsv`] fails.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer, BuildError> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| BuildError::io(shown.clone(), e))?;
        let data = String::from_utf8(bytes).map_err(|e| {
            BuildError::syntax(format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()))
                .with_file(shown.clone())
        })?;
        Gazetteer::from_tsv(&shown, &data)
    }

    /// The gazetteer's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of distinct surface forms (after lower-casing).
    pub fn surface_count(&self) -> usize {
        self.surfaces
    }

    /// Heap memory used by the automaton and the tables, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.ac.as_ref().map_or(0, |a| a.memory_usage())
            + self.vocab.capacity() * (std::mem::size_of::<(Box<str>, u32)>() + 1)
            + self.vocab.keys().map(|k| k.len()).sum::<usize>()
            + self.arena.capacity()
            + self.entries.capacity() * std::mem::size_of::<EntryData>()
            + self.starts.capacity() * 4
            + self.readings.capacity() * std::mem::size_of::<Reading>()
    }

    /// One entry by index.
    pub fn entry(&self, index: usize) -> Option<EntryRef<'_>> {
        (index < self.entries.len()).then_some(EntryRef { gaz: self, entry: index as u32 })
    }

    fn get(&self, r: StrRef) -> &str {
        &self.arena[r.0 as usize..(r.0 + r.1) as usize]
    }

    /// Finds every match in the tokens, sentence by sentence, leftmost-longest, on token
    /// boundaries and with the case each surface requires.
    pub fn find(&self, tokens: &[Token<'_>], sentences: &[crate::text::Sentence]) -> Vec<GazetteerMatch> {
        let mut out = Vec::new();
        let Some(ac) = &self.ac else { return out };
        let hay = Haystack::new(tokens, sentences, &self.vocab);
        let h = hay.codes.as_slice();
        let mut at = 0;
        while at < h.len() {
            let Some(m) = ac.find(Input::new(h).span(at..h.len())) else { break };
            let (start, mut end) = (m.start(), m.end());
            let mut pattern = m.pattern().as_usize();
            let mut accepted = None;
            // Matches are aligned on words by construction. Only the case check can fail; then the
            // longest shorter match at the same start gets its turn.
            loop {
                if let Some(found) = self.check(&hay, tokens, pattern, start, end) {
                    accepted = Some(found);
                    break;
                }
                if end < start + 2 * CODE {
                    break;
                }
                match ac.find(Input::new(h).span(start..end - CODE)) {
                    Some(m2) if m2.start() == start => {
                        end = m2.end();
                        pattern = m2.pattern().as_usize();
                    }
                    _ => break,
                }
            }
            match accepted {
                Some(found) => {
                    at = end;
                    out.push(found);
                }
                None => at = start + CODE,
            }
        }
        out
    }

    /// Checks the readings of a candidate match; returns the match if any reading fits.
    fn check(
        &self,
        hay: &Haystack,
        tokens: &[Token<'_>],
        pattern: usize,
        start: usize,
        end: usize,
    ) -> Option<GazetteerMatch> {
        let first = hay.units.binary_search_by_key(&(start as u32), |u| u.hay_start).ok()?;
        let last = hay.units.partition_point(|u| (u.hay_start as usize) < end).checked_sub(1)?;
        let (a, b) = (hay.unit_span(first, tokens), hay.unit_span(last, tokens));
        let partial = !a.2 || !b.3;
        // The original text of the match, unit by unit, joined by single spaces: the form the
        // surfaces' case is checked against.
        let mut text = String::new();
        for k in first..=last {
            if k > first {
                text.push(' ');
            }
            let (s, e, _, _) = hay.unit_span(k, tokens);
            let t = &tokens[hay.units[k].token()];
            text.push_str(&crate::text::normalize(&t.text[s - t.span.start..e - t.span.start]));
        }
        let range = self.starts[pattern] as usize..self.starts[pattern + 1] as usize;
        let mut readings = Vec::new();
        let all_caps_sentence = hay.all_caps_at(start);
        for r in &self.readings[range] {
            if partial && r.case == CasePolicy::AnyCase {
                continue; // lower-case words never match inside a compound
            }
            let surface = self.get(r.surface);
            if r.case == CasePolicy::Acronym && all_caps_sentence && crate::lexicon::is_common_word(surface) {
                continue; // "WHO", "IT", "LET" in a shouted headline are words, not acronyms
            }
            if r.case.accepts(surface, &text) && !readings.contains(&r.entry) {
                readings.push(r.entry);
            }
        }
        if readings.is_empty() {
            return None;
        }
        let span = Span::new(a.0, b.1);
        Some(GazetteerMatch {
            span,
            first_token: hay.units[first].token(),
            end_token: hay.units[last].token() + 1,
            partial,
            readings,
        })
    }
}

/// The width of a word's code in the automaton.
const CODE: usize = 3;

/// The code of word `id`: three bytes, only the first with its high bit set, so a code string can
/// only match at a code boundary. Id 0 is the code of words no surface has.
#[inline]
fn word_code(id: u32) -> [u8; CODE] {
    [0x80 | ((id >> 14) & 0x7f) as u8, ((id >> 7) & 0x7f) as u8, (id & 0x7f) as u8]
}

/// The byte written between sentences: no code starts with it, so no match crosses it.
const SENTENCE_BREAK: u8 = b'\n';

/// One unit of the haystack: a token, or a part of a hyphenated token (8 bytes: the haystack is
/// rebuilt on every call, so its tables must stay small).
#[derive(Clone, Copy, Debug)]
struct Unit {
    /// Position of the unit's code in the haystack.
    hay_start: u32,
    /// The token index; the top bit marks a part of a hyphenated token.
    token: u32,
}

const PART: u32 = 1 << 31;

impl Unit {
    fn token(&self) -> usize {
        (self.token & !PART) as usize
    }
}

/// The haystack: one code per unit, a break byte after each sentence.
struct Haystack {
    codes: Vec<u8>,
    units: Vec<Unit>,
    /// For each sentence: its end in `codes` and whether it is written in capitals.
    sent_caps: Vec<(u32, bool)>,
}

impl Haystack {
    fn new(
        tokens: &[Token<'_>],
        sentences: &[crate::text::Sentence],
        vocab: &HashMap<Box<str>, u32, FxBuild>,
    ) -> Haystack {
        let mut codes = Vec::with_capacity((tokens.len() + tokens.len() / 16) * CODE + sentences.len());
        let mut units = Vec::with_capacity(tokens.len() + tokens.len() / 16);
        let mut sent_caps = Vec::with_capacity(sentences.len());
        let mut buf = String::new();
        let mut push = |unit: &str, token: u32, codes: &mut Vec<u8>, units: &mut Vec<Unit>| {
            buf.clear();
            push_lower(&mut buf, unit);
            let id = vocab.get(buf.as_str()).copied().unwrap_or(0);
            units.push(Unit { hay_start: codes.len() as u32, token });
            codes.extend_from_slice(&word_code(id));
        };
        for s in sentences {
            let (mut upper, mut lower) = (0usize, 0usize);
            for i in s.tokens() {
                let t = &tokens[i];
                if t.is_hyphenated() {
                    for (part, _) in t.parts() {
                        push(&crate::text::normalize(part), i as u32 | PART, &mut codes, &mut units);
                    }
                } else {
                    push(&t.norm, i as u32, &mut codes, &mut units);
                }
                if t.is_all_caps() {
                    upper += 1;
                } else if t.has_lower() {
                    lower += 1;
                }
            }
            codes.push(SENTENCE_BREAK);
            sent_caps.push((codes.len() as u32, upper >= 3 && upper > 3 * lower));
        }
        Haystack { codes, units, sent_caps }
    }

    /// The original span of unit `k` and whether it is the first and the last part of its token.
    fn unit_span(&self, k: usize, tokens: &[Token<'_>]) -> (usize, usize, bool, bool) {
        let u = self.units[k];
        let t = &tokens[u.token()];
        if u.token & PART == 0 {
            return (t.span.start, t.span.end, true, true);
        }
        // Which part of the token is it? Count the part units of the same token before it.
        let nth = self.units[..k].iter().rev().take_while(|v| v.token == u.token).count();
        let mut parts = t.parts();
        let span = parts.nth(nth).map_or(t.span, |(_, s)| s);
        let last = parts.next().is_none();
        (span.start, span.end, nth == 0, last)
    }

    fn all_caps_at(&self, p: usize) -> bool {
        let i = self.sent_caps.partition_point(|&(end, _)| (end as usize) <= p);
        self.sent_caps.get(i).is_some_and(|&(_, c)| c)
    }
}

/// Parses the TSV format into a builder (see [`Gazetteer::from_tsv`]).
pub(crate) fn parse_tsv(name: &str, data: &str, b: &mut GazetteerBuilder) -> Result<(), BuildError> {
    let err = |line: usize, msg: String| BuildError::syntax(msg).with_file(name).with_line(line);
    if data.starts_with('\u{feff}') {
        return Err(err(1, "the file starts with a UTF-8 byte-order mark; save it without one".into()));
    }
    for (i, line) in data.split('\n').enumerate() {
        let n = i + 1;
        if line.ends_with('\r') {
            return Err(err(n, "CRLF line ending; save the file with LF line endings".into()));
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(err(
                n,
                format!("expected at least 3 tab-separated columns ({TSV_COLUMNS}), found {}", cols.len()),
            ));
        }
        if cols.len() > 5 {
            return Err(err(
                n,
                format!("expected at most 5 tab-separated columns ({TSV_COLUMNS}), found {}", cols.len()),
            ));
        }
        let id = cols[0].trim();
        if id.is_empty() {
            return Err(err(n, "empty id".into()));
        }
        let label = Label::parse(cols[1]).ok_or_else(|| {
            err(n, format!("unknown label {:?} (expected PERSON, ORG, PLACE, TITLE, NORP or DATE)", cols[1]))
        })?;
        let surface = cols[2].trim();
        if surface.is_empty() {
            return Err(err(n, format!("empty name for id {id:?}")));
        }
        let mut e = Entry::new(id, label, surface);
        if let Some(aliases) = cols.get(3).filter(|a| !a.trim().is_empty()) {
            for a in aliases.split('|') {
                if a.trim().is_empty() {
                    return Err(err(n, format!("empty alias in {aliases:?}")));
                }
                e = e.alias(a.trim());
            }
        }
        if let Some(attrs) = cols.get(4).filter(|a| !a.trim().is_empty()) {
            for kv in attrs.split(';') {
                let (k, v) =
                    kv.split_once('=').ok_or_else(|| err(n, format!("attribute {kv:?} is not key=value")))?;
                e = e.attr(k.trim(), v.trim());
            }
        }
        b.push_at_line(e, name, n);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn find<'t>(gaz: &Gazetteer, text: &'t str) -> Vec<&'t str> {
        let doc = Extractor::new().extract(text);
        gaz.find(doc.tokens(), doc.sentences()).iter().map(|m| &text[m.span.range()]).collect()
    }

    fn gaz() -> Gazetteer {
        Gazetteer::builder("t")
            .entry(Entry::new("p:1", Label::Place, "Paris"))
            .entry(Entry::new("p:2", Label::Place, "Punjab"))
            .entry(Entry::new("o:1", Label::Org, "Central Intelligence Agency").alias("CIA"))
            .entry(Entry::new("o:2", Label::Org, "Lashkar-e-Taiba").alias("LET"))
            .entry(Entry::new("o:3", Label::Org, "al Qaeda"))
            .entry(Entry::new("o:4", Label::Org, "North Atlantic Treaty Organization").alias("NATO"))
            .entry(Entry::new("t:1", Label::Title, "prime minister"))
            .entry(Entry::new("t:2", Label::Title, "minister"))
            .build()
            .unwrap()
    }

    #[test]
    fn token_boundaries() {
        let g = gaz();
        assert_eq!(find(&g, "Parisian food in Paris."), ["Paris"]);
        assert_eq!(find(&g, "the Punjab-based group"), ["Punjab"]);
        assert_eq!(find(&g, "Lashkar-e-Taiba struck"), ["Lashkar-e-Taiba"]);
        assert_eq!(find(&g, "the CIA's agents"), ["CIA"]);
    }

    #[test]
    fn case_policies() {
        let g = gaz();
        assert_eq!(find(&g, "let it be, said the CIA"), ["CIA"]);
        assert_eq!(find(&g, "the cia"), Vec::<&str>::new());
        assert_eq!(find(&g, "Al Qaeda and al Qaeda but not al qaeda"), ["Al Qaeda", "al Qaeda"]);
        assert_eq!(
            find(&g, "The Prime Minister met the prime minister"),
            ["Prime Minister", "prime minister"]
        );
        assert_eq!(find(&g, "PARIS TALKS"), ["PARIS"]);
        assert_eq!(find(&g, "Nato and NATO"), ["Nato", "NATO"]);
    }

    #[test]
    fn shorter_match_when_longest_fails() {
        // "prime minister" is longest at "prime", but "prime ministerial" ends mid-token; the
        // shorter anchored retry finds nothing at "prime", and "minister" is not a token either.
        let g = gaz();
        assert_eq!(find(&g, "prime ministerial talks"), Vec::<&str>::new());
        assert_eq!(find(&g, "a prime minister"), ["prime minister"]);
    }

    #[test]
    fn several_readings_are_kept() {
        let g = Gazetteer::builder("t")
            .entry(Entry::new("c", Label::Place, "Jordan").attr("kind", "country"))
            .entry(Entry::new("p", Label::Person, "Jordan"))
            .build()
            .unwrap();
        let doc = Extractor::new().extract("Jordan said");
        let m = g.find(doc.tokens(), doc.sentences());
        assert_eq!(m.len(), 1);
        let labels: Vec<Label> = m[0].readings(&g).map(|r| r.label()).collect();
        assert_eq!(labels, [Label::Place, Label::Person]);
    }

    #[test]
    fn no_match_across_sentences() {
        let g = Gazetteer::builder("t").entry(Entry::new("x", Label::Org, "Acme Widgets")).build().unwrap();
        assert_eq!(find(&g, "We met Acme. Widgets were sold."), Vec::<&str>::new());
    }

    #[test]
    fn tsv_errors_name_file_line_cause() {
        let cases = [
            ("a\tPERSON\n", "w.tsv:1: expected at least 3 tab-separated columns"),
            ("# c\na\tHUMAN\tX\n", "w.tsv:2: unknown label \"HUMAN\""),
            ("a\tPERSON\t \n", "w.tsv:1: empty name for id \"a\""),
            ("\u{feff}a\tPERSON\tX\n", "w.tsv:1: the file starts with a UTF-8 byte-order mark"),
            ("a\tPERSON\tX\r\n", "w.tsv:1: CRLF line ending"),
            ("a\tPERSON\tX\na\tORG\tY\n", "w.tsv:2: duplicate id \"a\" (first used on line 1)"),
            ("a\tPERSON\tX\tY||Z\n", "w.tsv:1: empty alias"),
            ("a\tPERSON\tX\t\tweak\n", "w.tsv:1: attribute \"weak\" is not key=value"),
            ("\tPERSON\tX\n", "w.tsv:1: empty id"),
        ];
        for (data, want) in cases {
            let e = Gazetteer::from_tsv("w.tsv", data).unwrap_err();
            assert!(e.to_string().starts_with(want), "{data:?}: got {e}");
            assert_eq!(e.file(), Some("w.tsv"));
            assert!(e.line().is_some());
        }
    }
}
