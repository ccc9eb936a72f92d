//! The token type produced by the tokenizer.

use std::borrow::Cow;

use crate::Span;

/// What kind of text a token is.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, apostrophes or abbreviation periods
    /// ("Panetta", "Inter-Services", "U.S.", "n't").
    Word,
    /// Starts with a digit ("2,000", "3.5", "25-minute", "2008").
    Number,
    /// Punctuation: full stops, commas, quotes, brackets, dashes, ellipses.
    Punct,
    /// Any other symbol: currency, bullets, emoji, maths.
    Symbol,
    /// A web address (`https://example.org/a?b=c`, `www.example.org`).
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle ("@BrianRoss").
    Handle,
    /// A hashtag ("#Pakistan").
    Hashtag,
}

/// Bit flags describing a token's letters; read them through [`Token`]'s methods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Flags(u16);

impl Flags {
    pub(crate) const HAS_UPPER: u16 = 1 << 0;
    pub(crate) const HAS_LOWER: u16 = 1 << 1;
    pub(crate) const HAS_DIGIT: u16 = 1 << 2;
    pub(crate) const FIRST_UPPER: u16 = 1 << 3;
    pub(crate) const HAS_HYPHEN: u16 = 1 << 4;
    pub(crate) const SPACE_BEFORE: u16 = 1 << 5;
    pub(crate) const NEWLINE_BEFORE: u16 = 1 << 6;
    pub(crate) const BLANK_LINE_BEFORE: u16 = 1 << 7;
    pub(crate) const ABBREV: u16 = 1 << 8;
    pub(crate) const ALL_ALPHA: u16 = 1 << 9;

    pub(crate) fn has(self, f: u16) -> bool {
        self.0 & f != 0
    }

    pub(crate) fn set(&mut self, f: u16) {
        self.0 |= f;
    }
}

/// One token: its exact text and byte span in the original, a normalised form, its kind and
/// case flags.
///
/// The normalised form folds curly quotes and apostrophes to straight ones (case is kept), so
/// later stages can compare "n’t" and "n't" alike; `text()` is always the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    pub(crate) text: &'t str,
    pub(crate) span: Span,
    pub(crate) norm: Cow<'t, str>,
    pub(crate) kind: TokenKind,
    pub(crate) flags: Flags,
}

impl<'t> Token<'t> {
    /// The token's text exactly as it appears in the original.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The byte span of the token in the original text.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The normalised form: curly quotes folded to straight ones, case kept.
    pub fn norm(&self) -> &str {
        &self.norm
    }

    /// The kind of token.
    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    /// Whether the token is a word or number (not punctuation or a symbol).
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// Whether the token is punctuation.
    pub fn is_punct(&self) -> bool {
        self.kind == TokenKind::Punct
    }

    /// Whether the first character is an upper-case letter ("Panetta", "CIA", "U.S.").
    pub fn is_capitalized(&self) -> bool {
        self.flags.has(Flags::FIRST_UPPER)
    }

    /// Whether the token has letters and none of them is lower case ("CIA", "U.S.").
    pub fn is_all_caps(&self) -> bool {
        self.flags.has(Flags::HAS_UPPER) && !self.flags.has(Flags::HAS_LOWER)
    }

    /// Whether the token has letters and none of them is upper case.
    pub fn is_lowercase(&self) -> bool {
        self.flags.has(Flags::HAS_LOWER) && !self.flags.has(Flags::HAS_UPPER)
    }

    /// The normalised form in lower case; borrowed (no allocation) when there is nothing to
    /// lower.
    pub(crate) fn lower(&self) -> std::borrow::Cow<'_, str> {
        super::lower(self.norm())
    }

    /// Whether the token has at least one upper-case letter.
    pub fn has_upper(&self) -> bool {
        self.flags.has(Flags::HAS_UPPER)
    }

    /// Whether the token has at least one lower-case letter.
    pub fn has_lower(&self) -> bool {
        self.flags.has(Flags::HAS_LOWER)
    }

    /// Whether every character is a letter.
    pub fn is_alpha(&self) -> bool {
        self.flags.has(Flags::ALL_ALPHA)
    }

    /// Whether the token contains a digit.
    pub fn has_digit(&self) -> bool {
        self.flags.has(Flags::HAS_DIGIT)
    }

    /// Whether the token joins parts with hyphens ("Inter-Services", "Punjab-based").
    pub fn is_hyphenated(&self) -> bool {
        self.flags.has(Flags::HAS_HYPHEN)
    }

    /// Whether the token is an abbreviation or initial that kept its full stop ("Adm.", "U.S.", "J.").
    pub fn is_abbreviation(&self) -> bool {
        self.flags.has(Flags::ABBREV)
    }

    /// Whether white space separates this token from the one before it.
    pub fn space_before(&self) -> bool {
        self.flags.has(Flags::SPACE_BEFORE)
    }

    /// Whether a line break separates this token from the one before it.
    pub fn newline_before(&self) -> bool {
        self.flags.has(Flags::NEWLINE_BEFORE)
    }

    /// Whether an empty line separates this token from the one before it.
    pub fn blank_line_before(&self) -> bool {
        self.flags.has(Flags::BLANK_LINE_BEFORE)
    }

    /// The parts of a hyphenated token with their spans ("Punjab-based" -> "Punjab", "based"),
    /// so that later stages can find a name inside a compound. A token without hyphens yields
    /// itself.
    ///
    /// ```
    /// let doc = dossier::Extractor::new().extract("a Punjab-based group");
    /// let parts: Vec<&str> = doc.tokens()[1].parts().map(|(t, _)| t).collect();
    /// assert_eq!(parts, ["Punjab", "based"]);
    /// ```
    pub fn parts(&self) -> impl Iterator<Item = (&'t str, crate::Span)> + '_ {
        let base = self.span.start;
        let text = self.text;
        let hyphenated = self.is_hyphenated();
        let mut pos = 0usize;
        std::iter::from_fn(move || {
            if pos > text.len() {
                return None;
            }
            let rest = &text[pos..];
            let cut = if hyphenated { find_hyphen(rest) } else { None };
            let (part, next) = match cut {
                Some((i, w)) => (&rest[..i], pos + i + w),
                None => (rest, text.len() + 1),
            };
            let span = crate::Span::new(base + pos, base + pos + part.len());
            pos = next;
            Some((part, span))
        })
        .filter(|(p, _)| !p.is_empty())
    }

    /// A word shape in the spaCy style: letters become `X`/`x`, digits `d`, other characters stay,
    /// and runs longer than four are cut to four ("Panetta" -> "Xxxxx", "2,000" -> "d,ddd").
    pub fn shape(&self) -> String {
        shape_of(self.text)
    }
}

/// Finds the next hyphen inside a token: its byte offset and width.
pub(crate) fn find_hyphen(s: &str) -> Option<(usize, usize)> {
    s.char_indices().find(|&(_, c)| c == '-' || c == '\u{2010}').map(|(i, c)| (i, c.len_utf8()))
}

/// The shape of a string (see [`Token::shape`]).
pub(crate) fn shape_of(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(16));
    let mut last = '\0';
    let mut run = 0;
    for c in s.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() || c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if m == last {
            run += 1;
        } else {
            run = 1;
            last = m;
        }
        if run <= 4 {
            out.push(m);
        }
    }
    out
}
