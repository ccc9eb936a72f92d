//! A reader for CoNLL-style named-entity files (CoNLL-2003, WikiGold, the UNER and WNUT
//! corpora): one token per line, the token in the first column and the entity tag in the last
//! (any number of columns between, separated by white space), a blank line after each sentence,
//! and `-DOCSTART-` lines between documents. Tags may be IOB1 (`I-X` starts an entity unless the
//! previous tag is of the same type), IOB2 (`B-X` starts every entity) or BIOES/BILOU (`S-`/`U-`
//! for one-token entities, `E-`/`L-` for the last token); the reader turns them all into IOB2.
//!
//! ```
//! let data = "-DOCSTART- -X- O\n\nLeon NNP I-PER\nPanetta NNP I-PER\nspoke VBD O\n\n";
//! let docs = dossier::conll::parse("x.conll", data)?;
//! assert_eq!(docs.len(), 1);
//! let s = &docs[0].sentences[0];
//! assert_eq!(s.tags, ["B-PER", "I-PER", "O"]);
//! assert_eq!(s.entities(), [(0, 2, "PER".to_string())]);
//! # Ok::<(), dossier::BuildError>(())
//! ```

use crate::BuildError;

/// The longest line accepted, in bytes.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// One sentence: tokens and their IOB2 tags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens, as written.
    pub tokens: Vec<String>,
    /// One IOB2 tag per token (`O`, `B-PER`, `I-PER`, ...).
    pub tags: Vec<String>,
}

impl Sentence {
    /// The entities of the sentence: (first token, end token, type).
    pub fn entities(&self) -> Vec<(usize, usize, String)> {
        chunks(&self.tags)
    }
}

/// One document: its sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// The document as text, the way dossier's tools rebuild it: tokens joined by single
    /// spaces, sentences by blank lines. Also returns each sentence's token spans (byte
    /// offsets into the text).
    ///
    /// ```
    /// let docs = dossier::conll::parse("x", "Hi O\nyou O\n\nBye O\n")?;
    /// let (text, spans) = docs[0].text();
    /// assert_eq!(text, "Hi you\n\nBye");
    /// assert_eq!(spans[1], [(8, 11)]);
    /// # Ok::<(), dossier::BuildError>(())
    /// ```
    pub fn text(&self) -> (String, Vec<Vec<(usize, usize)>>) {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(self.sentences.len());
        for s in &self.sentences {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let mut sp = Vec::with_capacity(s.tokens.len());
            for (k, tok) in s.tokens.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                sp.push((text.len(), text.len() + tok.len()));
                text.push_str(tok);
            }
            spans.push(sp);
        }
        (text, spans)
    }
}

/// The entity chunks (first token, end token, type) of an IOB2 tag sequence. A stray `I-X`
/// starts a chunk of its own.
pub fn chunks(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if let Some(t) = tags[i].strip_prefix("B-").or_else(|| tags[i].strip_prefix("I-")) {
            let mut j = i + 1;
            while j < tags.len() && tags[j].strip_prefix("I-") == Some(t) {
                j += 1;
            }
            out.push((i, j, t.to_string()));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Parses CoNLL-style NER text (see the module docs). `name` is used in error messages.
///
/// # Errors
/// A line with a token but no tag, a tag that is neither `O` nor `X-TYPE` with X one of
/// B, I, E, S, L, U, or a line longer than [`MAX_LINE_BYTES`]: the error names the file and
/// the line.
pub fn parse(name: &str, data: &str) -> Result<Vec<Document>, BuildError> {
    let err = |line: usize, msg: String| BuildError::syntax(msg).with_file(name).with_line(line);
    let mut docs = vec![Document::default()];
    let mut cur = Sentence::default();
    let flush = |docs: &mut Vec<Document>, cur: &mut Sentence| {
        if !cur.tokens.is_empty() {
            to_iob2(&mut cur.tags);
            if let Some(d) = docs.last_mut() {
                d.sentences.push(std::mem::take(cur));
            }
        }
    };
    for (n, line) in data.lines().enumerate() {
        if line.len() > MAX_LINE_BYTES {
            return Err(err(n + 1, format!("a line of {} bytes (at most {MAX_LINE_BYTES})", line.len())));
        }
        let line = line.trim_end();
        if line.trim().is_empty() {
            flush(&mut docs, &mut cur);
            continue;
        }
        let mut cols = line.split_whitespace();
        let first = cols.next().unwrap_or("");
        let last = cols.next_back();
        if first == "-DOCSTART-" {
            flush(&mut docs, &mut cur);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(Document::default());
            }
            continue;
        }
        let Some(tag) = last else {
            return Err(err(n + 1, format!("expected a token and a tag, found only {first:?}")));
        };
        let ok = tag == "O"
            || tag
                .split_once('-')
                .is_some_and(|(p, t)| matches!(p, "B" | "I" | "E" | "S" | "L" | "U") && !t.is_empty());
        if !ok {
            return Err(err(n + 1, format!("{tag:?} is not an entity tag (O, B-X, I-X, E-X, S-X)")));
        }
        cur.tokens.push(first.to_string());
        cur.tags.push(tag.to_string());
    }
    flush(&mut docs, &mut cur);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Reads a CoNLL-style NER file (see [`parse`]).
///
/// # Errors
/// The file cannot be read or is not UTF-8, or [`parse`] fails.
pub fn read(path: impl AsRef<std::path::Path>) -> Result<Vec<Document>, BuildError> {
    let path = path.as_ref();
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| BuildError::io(shown.clone(), e))?;
    let data = String::from_utf8(bytes).map_err(|e| {
        BuildError::syntax(format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()))
            .with_file(&shown)
    })?;
    parse(&shown, &data)
}

/// Rewrites a sentence's tags as IOB2: IOB1 continuations, and BIOES / BILOU prefixes.
fn to_iob2(tags: &mut [String]) {
    let mut prev = String::from("O");
    for tag in tags.iter_mut() {
        if let Some((p, t)) = tag.clone().split_once('-') {
            let t = t.to_string();
            let continues = prev.len() > 2 && prev[2..] == t;
            *tag = match p {
                "B" | "S" | "U" => format!("B-{t}"),
                "I" | "E" | "L" if continues => format!("I-{t}"),
                _ => format!("B-{t}"),
            };
            // After a one-token or last-token tag, the entity is over.
            prev = if matches!(p, "S" | "U" | "E" | "L") { String::from("O") } else { tag.clone() };
        } else {
            prev = String::from("O");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_scheme_becomes_iob2() {
        let cases = [
            ("I-PER I-PER O I-ORG I-LOC I-LOC", "B-PER I-PER O B-ORG B-LOC I-LOC"),
            ("B-PER I-PER B-PER O", "B-PER I-PER B-PER O"),
            ("S-PER B-ORG E-ORG U-LOC B-LOC L-LOC", "B-PER B-ORG I-ORG B-LOC B-LOC I-LOC"),
            ("E-PER S-PER S-PER", "B-PER B-PER B-PER"),
        ];
        for (input, want) in cases {
            let mut tags: Vec<String> = input.split(' ').map(String::from).collect();
            to_iob2(&mut tags);
            assert_eq!(tags.join(" "), want, "{input}");
        }
    }

    #[test]
    fn documents_sentences_and_columns() {
        let data = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter B-PER\n\n\
                    -DOCSTART- -X- -X- O\n\nLondon I-LOC\n";
        let docs = parse("t", data).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].tokens, ["EU", "rejects"]);
        assert_eq!(docs[1].sentences[0].tags, ["B-LOC"]);
        let e = parse("t.conll", "a O\nb\n").unwrap_err();
        assert_eq!(e.to_string(), "t.conll:2: expected a token and a tag, found only \"b\"");
        let e = parse("t.conll", "a PERSON\n").unwrap_err();
        assert!(e.to_string().starts_with("t.conll:1: \"PERSON\" is not an entity tag"), "{e}");
    }
}
