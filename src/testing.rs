//! Hand-built analyses for the unit tests of the stages after the parser: a text's tokens and
//! sentences as the pipeline makes them, with tags, lemmas and a dependency tree given by the
//! test, so that a test can hold a misparse the parser makes only in some article's context.

use crate::parser::{Deprel, DocDep, ROOT};
use crate::tagger::{Tag, Upos, Xpos};
use crate::text::{Sentence, Token};

/// One token's analysis: universal and Penn tags, head (an index, or `None` for the root) and
/// relation.
pub(crate) type Row<'a> = (&'a str, &'a str, Option<u32>, &'a str);

/// A text tokenised as the pipeline does, with the analysis the test gives.
pub(crate) struct Parsed<'t> {
    pub tokens: Vec<Token<'t>>,
    pub sentences: Vec<Sentence>,
    pub tags: Vec<Tag>,
    pub lemmas: Vec<Option<Box<str>>>,
    pub deps: Vec<DocDep>,
}

impl<'t> Parsed<'t> {
    /// Tokenises `text` (one row a token, or the test fails) and takes the rows' analysis;
    /// lemmas are none but those given as (token, lemma).
    pub fn new(text: &'t str, rows: &[Row<'_>], lemmas: &[(usize, &str)]) -> Parsed<'t> {
        let tokenizer = crate::text::Tokenizer::new();
        let (tokens, sentences) = crate::text::analyze(text, &tokenizer, 1000);
        assert_eq!(tokens.len(), rows.len(), "one row a token of {text:?}");
        let tags =
            rows.iter().map(|&(u, x, _, _)| Tag { upos: Upos::parse(u), xpos: Xpos::new(x) }).collect();
        let deps = rows
            .iter()
            .map(|&(_, _, h, r)| DocDep { head: h.unwrap_or(ROOT), rel: Deprel::new(r) })
            .collect();
        let mut lemma: Vec<Option<Box<str>>> = vec![None; tokens.len()];
        for &(i, l) in lemmas {
            lemma[i] = Some(l.into());
        }
        Parsed { tokens, sentences, tags, lemmas: lemma, deps }
    }
}
