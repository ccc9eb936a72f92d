//! The sentence splitter.
//!
//! It decides, between each pair of tokens, whether a sentence ends there. The rules, in order:
//!
//! 1. An empty line always ends a sentence, so headlines and headings stand alone.
//! 2. A single line break ends a sentence when the line before it is short (a heading, a
//!    caption, page furniture such as "• 1" or "Join the Discussion"), or when either line is a
//!    bulleted item. A long line without final punctuation is taken as hard-wrapped prose and
//!    runs on.
//! 3. After `.`, `!`, `?` or an ellipsis, a sentence ends unless the next word starts in lower
//!    case. Closing quotes and brackets written right after the stop stay with the sentence.
//! 4. After an abbreviation, a title ("Adm.", "Mr.") never ends a sentence; any other ("U.S.",
//!    "Inc.") ends one only when a clear sentence starter follows ("The", "But", "He").
//! 5. A sentence longer than the configured maximum is cut, so later stages stay linear.

use super::token::Token;
use super::tokenize::{AbbrevClass, Tokenizer};
use crate::Span;

/// One sentence: its byte span and the range of its tokens in [`Document::tokens`](crate::Document::tokens).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub(crate) span: Span,
    pub(crate) tokens: std::ops::Range<usize>,
}

impl Sentence {
    /// The byte span of the sentence, from its first token's start to its last token's end.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The indices of its tokens.
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.tokens.clone()
    }
}

/// Lines shorter than this many bytes that end without final punctuation stand alone.
const SHORT_LINE: usize = 48;

/// Words that, capitalised after an abbreviation such as "U.S.", show a new sentence has begun.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Because",
    "Before",
    "But",
    "By",
    "During",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "No",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

fn is_bullet(t: &Token<'_>) -> bool {
    matches!(t.text(), "•" | "·" | "▪" | "◦" | "‣" | "*" | "-" | "–" | "—" | "|" | "►" | "■")
}

fn is_terminal(t: &Token<'_>) -> bool {
    matches!(t.text(), "." | "!" | "?" | "…" | "..." | "?!" | "!?")
        || t.text().chars().all(|c| c == '.' || c == '!' || c == '?') && t.is_punct()
}

fn is_closing(t: &Token<'_>) -> bool {
    matches!(t.norm(), "\"" | "'" | ")" | "]" | "}" | "»" | "’" | "”")
}

/// Splits `tokens` (of `text`) into sentences. Every token belongs to exactly one sentence.
pub(crate) fn split_sentences(
    text: &str,
    tokens: &[Token<'_>],
    tokenizer: &Tokenizer,
    max_tokens: usize,
) -> Vec<Sentence> {
    let max_tokens = max_tokens.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start_tok = 0; // first token of the current line
    for i in 1..=tokens.len() {
        let brk = if i == tokens.len() {
            true
        } else {
            let next = &tokens[i];
            if next.newline_before() {
                let b = line_break_ends_sentence(text, tokens, line_start_tok, i, tokenizer);
                line_start_tok = i;
                b
            } else {
                ends_after(tokens, i, tokenizer)
            }
        } || i - start >= max_tokens;
        if brk {
            let span = Span::new(tokens[start].span.start, tokens[i - 1].span.end);
            out.push(Sentence { span, tokens: start..i });
            start = i;
        }
    }
    out
}

/// Whether a sentence ends between token `i - 1` and token `i`, judged on punctuation only.
fn ends_after(tokens: &[Token<'_>], i: usize, tokenizer: &Tokenizer) -> bool {
    let next = &tokens[i];
    // Closing quotes and brackets glued to a stop belong to the sentence before: step back over
    // them to find the stop, and never break before one of them.
    if is_closing(next) && !next.space_before() {
        return false;
    }
    let mut j = i - 1;
    while j > 0 && is_closing(&tokens[j]) && !tokens[j].space_before() {
        j -= 1;
    }
    let prev = &tokens[j];
    let first = next.text().chars().next().unwrap_or(' ');
    if is_terminal(prev) {
        // "'Why?' he asked", "e.g. this": a lower-case word continues the sentence.
        return !(first.is_lowercase() || matches!(first, ',' | ';' | ':' | '%' | ')'));
    }
    if prev.is_abbreviation() {
        return match tokenizer.abbrev_class(prev.text()) {
            Some(AbbrevClass::Title) | None => false,
            Some(AbbrevClass::Other) => SENTENCE_STARTERS.contains(&next.text()),
        };
    }
    false
}

/// Whether the line break before token `i` ends a sentence.
fn line_break_ends_sentence(
    text: &str,
    tokens: &[Token<'_>],
    line_start: usize,
    i: usize,
    tokenizer: &Tokenizer,
) -> bool {
    let next = &tokens[i];
    if next.blank_line_before() || is_bullet(next) || is_bullet(&tokens[line_start]) {
        return true;
    }
    if ends_after(tokens, i, tokenizer) {
        return true;
    }
    let prev = &tokens[i - 1];
    if is_terminal(prev) || prev.is_abbreviation() {
        // Punctuation already said no (a lower-case word follows); keep going.
        return false;
    }
    let line = &text[tokens[line_start].span.start..prev.span.end];
    line.len() < SHORT_LINE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let t = Tokenizer::new();
        let toks = t.tokenize(text);
        split_sentences(text, &toks, &t, 1000).iter().map(|s| &text[s.span.range()]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("A U.S. official said so. Adm. Mike Mullen agreed."),
            ["A U.S. official said so.", "Adm. Mike Mullen agreed."]
        );
        assert_eq!(
            sents("He lives in the U.S. The agency knows."),
            ["He lives in the U.S.", "The agency knows."]
        );
        assert_eq!(sents("U.S. President Obama spoke."), ["U.S. President Obama spoke."]);
    }

    #[test]
    fn closing_quotes_stay() {
        assert_eq!(sents("He said \"no.\" Then he left."), ["He said \"no.\"", "Then he left."]);
        assert_eq!(sents("(It was late.) We left."), ["(It was late.)", "We left."]);
        assert_eq!(sents("'Why?' he asked."), ["'Why?' he asked."]);
    }

    #[test]
    fn lines() {
        assert_eq!(sents("Headline Here\n\nBody text. More."), ["Headline Here", "Body text.", "More."]);
        assert_eq!(
            sents("Body.\n  • 1\n  • |\n  • 2\nJoin the Discussion\nblog comments"),
            ["Body.", "• 1", "• |", "• 2", "Join the Discussion", "blog comments"]
        );
        let wrapped = "The minister said on Tuesday that the agency would\nrelease the report soon.";
        assert_eq!(sents(wrapped), [wrapped]);
    }

    #[test]
    fn long_sentences_are_cut() {
        let t = Tokenizer::new();
        let text = "a ".repeat(25);
        let toks = t.tokenize(&text);
        let s = split_sentences(&text, &toks, &t, 10);
        assert_eq!(s.len(), 3);
        assert!(s.iter().all(|s| s.tokens.len() <= 10));
    }
}
