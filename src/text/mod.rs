//! Stage 1: tokens and sentences.
//!
//! [`Tokenizer`] splits text into [`Token`]s with byte spans into the original; the sentence
//! splitter groups them into [`Sentence`]s. Both work for any input: nothing here can fail or
//! panic, and every span slices the original text on character boundaries.

mod sentence;
mod token;
mod tokenize;

pub use sentence::Sentence;
pub use token::{Token, TokenKind};
pub use tokenize::Tokenizer;

pub(crate) use sentence::split_sentences;
pub(crate) use tokenize::normalize;

/// The normalised form dossier gives a token's text (`Token::norm`): curly quotes and
/// apostrophes folded to straight ones, case kept. Useful to feed pre-tokenised text (a treebank)
/// to the tagger exactly as dossier's own tokens would be.
///
/// ```
/// assert_eq!(dossier::text::normalize_form("don’t"), "don't");
/// ```
pub fn normalize_form(s: &str) -> String {
    normalize(s).into_owned()
}

/// Tokenizes `text` and splits it into sentences, as the first stage of
/// [`Extractor::extract`](crate::Extractor::extract) does.
///
/// ```
/// let tokenizer = dossier::text::Tokenizer::new();
/// let (tokens, sentences) = dossier::text::analyze("Adm. Mike Mullen spoke. He left.", &tokenizer, 1000);
/// assert_eq!(tokens.len(), 8);
/// assert_eq!(sentences.len(), 2);
/// ```
pub fn analyze<'t>(
    text: &'t str,
    tokenizer: &Tokenizer,
    max_sentence_tokens: usize,
) -> (Vec<Token<'t>>, Vec<Sentence>) {
    let tokens = tokenizer.tokenize(text);
    let sentences = split_sentences(text, &tokens, tokenizer, max_sentence_tokens);
    (tokens, sentences)
}

/// `s` in lower case, borrowed (no allocation) when there is nothing to lower: ASCII without
/// capitals.
pub(crate) fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() && !s.bytes().any(|c| c.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// The tokens a byte span covers, as a range of indices: the first token starting at or after
/// its start, to the end of the last token ending by its end (two binary searches).
pub(crate) fn token_range(tokens: &[Token<'_>], span: crate::span::Span) -> (usize, usize) {
    let a = tokens.partition_point(|t| t.span().start < span.start);
    let b = tokens.partition_point(|t| t.span().end <= span.end);
    (a, b.max(a))
}
