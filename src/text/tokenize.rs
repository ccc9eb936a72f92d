//! The tokenizer: UAX #29 word boundaries, then the rules news text needs.
//!
//! I start from `unicode-segmentation`'s word boundaries because they already get most things
//! right for every script (numbers with separators, emoji sequences, combining marks), then
//! repair what news text needs on top, in one left-to-right pass over the segments:
//!
//! * abbreviations and initials keep their full stop ("Adm.", "U.S.", "J.");
//! * hyphenated compounds stay whole ("Inter-Services", "Punjab-based", "25-minute");
//! * runs of hyphens become one dash ("--") and runs of full stops one ellipsis;
//! * contractions and possessives are split the Penn Treebank way ("has" + "n't", "Pakistan" + "'s");
//! * URLs, e-mail addresses, @handles and #hashtags are found first and kept whole.

use std::borrow::Cow;
use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use super::token::{Flags, Token, TokenKind};
use crate::Span;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Precedes a name; never ends a sentence ("Adm.", "Mr.").
    Title,
    /// Ends a sentence only before a clear sentence starter ("U.S.", "Inc.").
    Other,
}

/// The built-in abbreviation list (see `src/text/abbrev.txt`).
const ABBREV_DATA: &str = include_str!("abbrev.txt");

/// Splits text into [`Token`]s. Cheap to share; built once per [`Extractor`](crate::Extractor).
#[derive(Clone, Debug)]
pub struct Tokenizer {
    abbrevs: HashMap<Box<str>, AbbrevClass, crate::hash::FxBuild>,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::new()
    }
}

impl Tokenizer {
    /// A tokenizer with the built-in abbreviation list.
    pub fn new() -> Tokenizer {
        let mut abbrevs = HashMap::with_hasher(crate::hash::FxBuild);
        for line in ABBREV_DATA.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (word, class) = line.split_once('\t').unwrap_or((line, "other"));
            let class = if class.trim() == "title" { AbbrevClass::Title } else { AbbrevClass::Other };
            abbrevs.insert(word.trim().into(), class);
        }
        Tokenizer { abbrevs }
    }

    /// Adds an abbreviation (with its final full stop, e.g. `"Supt."`) that should stay whole.
    /// `title` abbreviations precede names and never end a sentence.
    pub fn add_abbreviation(&mut self, abbrev: &str, title: bool) {
        let class = if title { AbbrevClass::Title } else { AbbrevClass::Other };
        self.abbrevs.insert(abbrev.into(), class);
    }

    /// How the abbreviation token `text` behaves at a sentence end, or `None` if it is not one.
    pub(crate) fn abbrev_class(&self, text: &str) -> Option<AbbrevClass> {
        if let Some(&c) = self.abbrevs.get(text) {
            return Some(c);
        }
        let body = text.strip_suffix('.')?;
        let mut chars = body.chars();
        let first = chars.next()?;
        // A single capital initial: "J." in "J. R. R. Tolkien" precedes a name.
        if first.is_uppercase() && chars.next().is_none() {
            return Some(AbbrevClass::Title);
        }
        if is_initialism(body) { Some(AbbrevClass::Other) } else { None }
    }

    /// Splits `text` into tokens. Never panics; every token's span slices `text` on char
    /// boundaries to exactly the token's text.
    pub fn tokenize<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        let mut segs = Vec::new();
        let mut pos = 0;
        for special in find_specials(text) {
            self.tokenize_plain(text, pos, special.0.start, &mut segs, &mut out);
            out.push(make_token(text, special.0, special.1, false));
            pos = special.0.end;
        }
        self.tokenize_plain(text, pos, text.len(), &mut segs, &mut out);
        set_space_flags(text, &mut out);
        out
    }

    fn tokenize_plain<'t>(
        &self,
        text: &'t str,
        from: usize,
        to: usize,
        segs: &mut Vec<(usize, usize)>,
        out: &mut Vec<Token<'t>>,
    ) {
        if from >= to {
            return;
        }
        segs.clear();
        let piece = &text[from..to];
        if piece.is_ascii() {
            ascii_word_bounds(piece.as_bytes(), |a, b| {
                // White space and control characters separate tokens but are never tokens.
                if !piece.as_bytes()[a].is_ascii_whitespace() && !piece.as_bytes()[a].is_ascii_control() {
                    segs.push((from + a, from + b));
                }
            });
        } else {
            for (i, s) in piece.split_word_bound_indices() {
                // White space and control characters separate tokens but are never tokens.
                let c = s.chars().next().unwrap_or(' ');
                if c.is_whitespace() || (c.is_control() && s.chars().all(char::is_control)) {
                    continue;
                }
                segs.push((from + i, from + i + s.len()));
            }
        }
        let n = segs.len();
        let mut k = 0;
        while k < n {
            let (s, e) = segs[k];
            let seg = &text[s..e];
            let adjacent = |j: usize, end: usize| j < n && segs[j].0 == end;
            let is_seg = |j: usize, lit: &str| j < n && &text[segs[j].0..segs[j].1] == lit;
            if starts_alnum(seg) {
                let mut end = e;
                let mut j = k + 1;
                let mut abbrev = false;
                // An abbreviation or initial keeps its full stop.
                if is_seg(j, ".") && adjacent(j, end) && self.abbrev_class(&text[s..end + 1]).is_some() {
                    end += 1;
                    j += 1;
                    abbrev = true;
                }
                // Hyphenated compounds stay whole: word-word(-word...).
                let mut hyphenated = false;
                while j + 1 < n
                    && adjacent(j, end)
                    && is_hyphen(&text[segs[j].0..segs[j].1])
                    && adjacent(j + 1, segs[j].1)
                    && starts_alnum(&text[segs[j + 1].0..segs[j + 1].1])
                {
                    end = segs[j + 1].1;
                    j += 2;
                    hyphenated = true;
                    abbrev = false;
                }
                if !hyphenated && !abbrev {
                    if let Some(cut) = contraction_split(&text[s..end]) {
                        push_word(text, Span::new(s, s + cut), false, false, out);
                        push_word(text, Span::new(s + cut, end), false, false, out);
                        k = j;
                        continue;
                    }
                }
                push_word(text, Span::new(s, end), hyphenated, abbrev, out);
                k = j;
            } else if is_hyphen(seg) || seg == "." {
                // Runs of hyphens become one dash, runs of full stops one ellipsis.
                let mut end = e;
                let mut j = k + 1;
                while j < n && adjacent(j, end) && &text[segs[j].0..segs[j].1] == seg {
                    end = segs[j].1;
                    j += 1;
                }
                out.push(make_token(text, Span::new(s, end), TokenKind::Punct, false));
                k = j;
            } else if (seg == "`" || seg == "'") && is_seg(k + 1, seg) && adjacent(k + 1, e) {
                // Two grave accents or two apostrophes are one quotation mark, as text
                // tokenized the Penn Treebank way writes them (`` and '').
                let mut t = make_token(text, Span::new(s, e + 1), TokenKind::Punct, false);
                t.norm = Cow::Borrowed("\"");
                out.push(t);
                k += 2;
            } else if k + 1 < n
                && adjacent(k + 1, e)
                && is_detached_clitic(text, s, seg, &text[segs[k + 1].0..segs[k + 1].1], out.last())
            {
                // A clitic written apart from its word, as tokenized text has it ("company 's",
                // "they 're"): one token, as if it were attached.
                push_word(text, Span::new(s, segs[k + 1].1), false, false, out);
                k += 2;
            } else {
                let kind = if seg.chars().all(is_punct_char) { TokenKind::Punct } else { TokenKind::Symbol };
                out.push(make_token(text, Span::new(s, e), kind, false));
                k += 1;
            }
        }
    }
}

/// A byte's class under the UAX #29 word-boundary rules, for ASCII (where there are no
/// Extend, Format, Katakana, Hebrew or regional-indicator characters).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    Cr,
    Lf,
    Newline,
    Space,
    Letter,
    Numeric,
    ExtendNumLet,
    MidLetter,
    MidNum,
    /// MidNumLet or Single_Quote (the rules treat them alike: MidNumLetQ).
    MidNumLetQ,
    Other,
}

/// [`Wb`] of every ASCII byte.
const WB: [Wb; 128] = {
    let mut t = [Wb::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'\r' => Wb::Cr,
            b'\n' => Wb::Lf,
            0x0b | 0x0c => Wb::Newline,
            b' ' => Wb::Space,
            b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
            b'0'..=b'9' => Wb::Numeric,
            b'_' => Wb::ExtendNumLet,
            b':' => Wb::MidLetter,
            b',' | b';' => Wb::MidNum,
            b'.' | b'\'' => Wb::MidNumLetQ,
            _ => Wb::Other,
        };
        b += 1;
    }
    t
};

fn wb(b: u8) -> Wb {
    WB[(b & 0x7f) as usize]
}

/// The UAX #29 word segments of ASCII text, as `unicode-segmentation` finds them (a test
/// checks they agree) at a fraction of the cost: `each(start, end)` for every segment.
fn ascii_word_bounds(b: &[u8], mut each: impl FnMut(usize, usize)) {
    let n = b.len();
    if n == 0 {
        return;
    }
    let class = |i: usize| b.get(i).map(|&c| wb(c));
    let mut start = 0;
    // The classes of the bytes two before, one before and at `i`.
    let (mut before, mut prev) = (None, wb(b[0]));
    for (i, &c) in b.iter().enumerate().skip(1) {
        let cur = wb(c);
        let after = class(i + 1);
        use Wb::*;
        let mid = |c: Wb| matches!(c, MidLetter | MidNumLetQ);
        let num_mid = |c: Wb| matches!(c, MidNum | MidNumLetQ);
        let join = match (prev, cur) {
            // WB3, WB3a, WB3b
            (Cr, Lf) => true,
            (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => false,
            // WB3d
            (Space, Space) => true,
            // WB5, WB8, WB9, WB10
            (Letter | Numeric, Letter | Numeric) => true,
            // WB6, WB12
            (Letter, c) if mid(c) && after == Some(Letter) => true,
            (Numeric, c) if num_mid(c) && after == Some(Numeric) => true,
            // WB7, WB11
            (c, Letter) if mid(c) && before == Some(Letter) => true,
            (c, Numeric) if num_mid(c) && before == Some(Numeric) => true,
            // WB13a, WB13b
            (Letter | Numeric | ExtendNumLet, ExtendNumLet) | (ExtendNumLet, Letter | Numeric) => true,
            _ => false,
        };
        if !join {
            each(start, i);
            start = i;
        }
        (before, prev) = (Some(prev), cur);
    }
    each(start, n);
}

fn push_word<'t>(text: &'t str, span: Span, hyphenated: bool, abbrev: bool, out: &mut Vec<Token<'t>>) {
    let s = &text[span.range()];
    let kind = if s.starts_with(|c: char| c.is_numeric()) { TokenKind::Number } else { TokenKind::Word };
    let mut t = make_token(text, span, kind, false);
    if hyphenated {
        t.flags.set(Flags::HAS_HYPHEN);
    }
    if abbrev {
        t.flags.set(Flags::ABBREV);
    }
    out.push(t);
}

/// Builds a token, computing its normalised form and letter flags.
fn make_token(text: &str, span: Span, kind: TokenKind, _: bool) -> Token<'_> {
    let s = &text[span.range()];
    let mut flags = Flags::default();
    let mut all_alpha = !s.is_empty();
    if s.is_ascii() {
        // Most tokens are ASCII: look at bytes, not chars.
        let b = s.as_bytes();
        if b.first().is_some_and(u8::is_ascii_uppercase) {
            flags.set(Flags::FIRST_UPPER);
        }
        for &c in b {
            if c.is_ascii_uppercase() {
                flags.set(Flags::HAS_UPPER);
            } else if c.is_ascii_lowercase() {
                flags.set(Flags::HAS_LOWER);
            } else {
                all_alpha = false;
                if c.is_ascii_digit() {
                    flags.set(Flags::HAS_DIGIT);
                }
            }
        }
    } else {
        let mut first = true;
        for c in s.chars() {
            if c.is_uppercase() {
                flags.set(Flags::HAS_UPPER);
                if first {
                    flags.set(Flags::FIRST_UPPER);
                }
            } else if c.is_lowercase() {
                flags.set(Flags::HAS_LOWER);
            } else if c.is_numeric() {
                flags.set(Flags::HAS_DIGIT);
            }
            if !c.is_alphabetic() {
                all_alpha = false;
            }
            first = false;
        }
    }
    if all_alpha {
        flags.set(Flags::ALL_ALPHA);
    }
    Token { text: s, span, norm: normalize(s), kind, flags }
}

/// Folds curly quotes and apostrophes to straight ones; borrows when nothing changes.
pub(crate) fn normalize(s: &str) -> Cow<'_, str> {
    // Every character folded here is encoded as E2 80 xx, so a byte scan finds candidates fast.
    if !s.as_bytes().contains(&0xE2) {
        return Cow::Borrowed(s);
    }
    let mut changed = false;
    let folded: String = s
        .chars()
        .map(|c| {
            let f = match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
                '\u{2010}' | '\u{2011}' => '-',
                _ => c,
            };
            changed |= f != c;
            f
        })
        .collect();
    if changed { Cow::Owned(folded) } else { Cow::Borrowed(s) }
}

/// Sets the white-space flags from the gap before each token.
fn set_space_flags(text: &str, tokens: &mut [Token<'_>]) {
    let mut prev_end = 0;
    for t in tokens.iter_mut() {
        let gap = &text[prev_end..t.span.start];
        if gap == " " {
            t.flags.set(Flags::SPACE_BEFORE);
        } else if !gap.is_empty() {
            t.flags.set(Flags::SPACE_BEFORE);
            let newlines = gap.bytes().filter(|&b| b == b'\n').count()
                + if gap.contains('\n') { 0 } else { gap.bytes().filter(|&b| b == b'\r').count() }
                + gap.matches(['\u{2028}', '\u{2029}']).count();
            if newlines >= 1 {
                t.flags.set(Flags::NEWLINE_BEFORE);
            }
            if newlines >= 2 {
                t.flags.set(Flags::BLANK_LINE_BEFORE);
            }
        }
        prev_end = t.span.end;
    }
}

fn starts_alnum(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric)
}

fn is_hyphen(s: &str) -> bool {
    s == "-" || s == "\u{2010}"
}

/// Whether `body` (an abbreviation without its last full stop) is an initialism like "U.S",
/// "a.m" or "J.R.R": single letters separated by full stops.
fn is_initialism(body: &str) -> bool {
    let mut parts = 0;
    for part in body.split('.') {
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() => parts += 1,
            _ => return false,
        }
    }
    parts >= 2
}

/// Where to split a contraction or possessive ("hasn't" -> 3, "Pakistan's" -> 8), if anywhere.
fn contraction_split(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    // Every suffix handled here ends within the last six bytes (a curly apostrophe takes three),
    // so look only there: this runs on every word and must stay cheap.
    let tail_start = b.len().saturating_sub(6);
    let Some(rel) = b[tail_start..].iter().rposition(|&c| c == b'\'' || c == 0xE2) else {
        return cannot_split(s);
    };
    let apos = tail_start + rel;
    let width = if b[apos] == b'\'' {
        1
    } else if b[apos..].starts_with("\u{2019}".as_bytes()) {
        3
    } else {
        return None;
    };
    if apos == 0 {
        return None;
    }
    let suffix = &b[apos + width..];
    let is = |lit: &[u8]| suffix.eq_ignore_ascii_case(lit);
    if is(b"t") && apos >= 2 && (b[apos - 1] == b'n' || b[apos - 1] == b'N') {
        // "hasn't" -> "has" + "n't"; "can't" -> "ca" + "n't", as the Penn Treebank does.
        let cut = apos - 1;
        return if cut > 0 && s[..cut].chars().all(char::is_alphabetic) { Some(cut) } else { None };
    }
    if is(b"s") || is(b"re") || is(b"ve") || is(b"ll") || is(b"d") || is(b"m") {
        return if s[..apos].chars().all(char::is_alphanumeric) { Some(apos) } else { None };
    }
    None
}

/// Whether an apostrophe (`apos`, at byte `at`) and the segment after it (`next`) are a
/// clitic set apart from the word it belongs to: a space before the apostrophe, a word or
/// number token right before the space, and a clitic ending ("s", "re", "ve", "ll", "d", "m").
fn is_detached_clitic(text: &str, at: usize, apos: &str, next: &str, prev: Option<&Token<'_>>) -> bool {
    let is = |lit: &str| next.eq_ignore_ascii_case(lit);
    (apos == "'" || apos == "\u{2019}")
        && (is("s") || is("re") || is("ve") || is("ll") || is("d") || is("m"))
        && text[..at].ends_with(' ')
        && prev.is_some_and(|p| matches!(p.kind, TokenKind::Word | TokenKind::Number) && p.span.end + 1 == at)
}

/// "cannot" -> "can" + "not", as the treebanks split it.
fn cannot_split(s: &str) -> Option<usize> {
    if s.len() == 6 && (s.as_bytes()[0] | 0x20) == b'c' && s.eq_ignore_ascii_case("cannot") {
        Some(3)
    } else {
        None
    }
}

fn is_punct_char(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00A1}' | '\u{00A7}' | '\u{00AB}'
                | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}' | '\u{3001}'..='\u{3003}'
                | '\u{300C}'..='\u{300F}' | '\u{FF01}'..='\u{FF0F}'
        )
}

/// Finds URLs, e-mail addresses, @handles and #hashtags, in order, without overlaps.
fn find_specials(text: &str) -> Vec<(Span, TokenKind)> {
    let b = text.as_bytes();
    let mut out: Vec<(Span, TokenKind)> = Vec::new();
    // Candidates are rare: jump between them with memchr rather than looking at every byte.
    let mut candidates: Vec<usize> = memchr::memchr3_iter(b'@', b'#', b':', b).collect();
    candidates.extend(memchr::memmem::find_iter(b, b"www.").chain(memchr::memmem::find_iter(b, b"WWW.")));
    if candidates.is_empty() {
        return out;
    }
    candidates.sort_unstable();
    let mut ci = 0;
    let mut i;
    loop {
        while ci < candidates.len() && candidates[ci] < out.last().map_or(0, |s| s.0.end) {
            ci += 1;
        }
        if ci >= candidates.len() {
            break;
        }
        i = candidates[ci];
        ci += 1;
        let c = b[i];
        let last_end = out.last().map_or(0, |s| s.0.end);
        let found = match c {
            b':' if b[i..].starts_with(b"://") => url_at(text, i, last_end),
            b'w' | b'W' if b.len() >= i + 4 && b[i..i + 4].eq_ignore_ascii_case(b"www.") => {
                let at_start = i == 0 || !is_url_char(b[i - 1]);
                if at_start { Some((i, url_end(b, i))) } else { None }
            }
            b'@' => email_or_handle(b, i, last_end),
            b'#' => {
                let at_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
                let end = word_end(b, i + 1);
                let has_letter = b[i + 1..end].iter().any(|c| c.is_ascii_alphabetic());
                if at_start && end > i + 1 && has_letter { Some((i, end)) } else { None }
            }
            _ => None,
        };
        match found {
            Some((s, e)) if s >= last_end && e > s => {
                let kind = match c {
                    b':' | b'w' | b'W' => TokenKind::Url,
                    b'#' => TokenKind::Hashtag,
                    _ if b[s] == b'@' => TokenKind::Handle,
                    _ => TokenKind::Email,
                };
                out.push((Span::new(s, e), kind));
            }
            _ => {}
        }
    }
    out
}

fn is_url_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&*+;=%".contains(&c)
}

/// The end of a URL starting at `start`: URL characters, minus trailing punctuation that more
/// likely ends the sentence ("see example.org/a." or "(example.org)").
fn url_end(b: &[u8], start: usize) -> usize {
    let mut e = start;
    while e < b.len() && (is_url_char(b[e]) || b[e] == b'(' || b[e] == b')' || b[e] == b',') {
        e += 1;
    }
    while e > start && b".,;:!?)'\"".contains(&b[e - 1]) {
        // Keep a closing bracket that has its opening one inside the URL.
        if b[e - 1] == b')' && b[start..e - 1].contains(&b'(') {
            break;
        }
        e -= 1;
    }
    e
}

fn url_at(text: &str, colon: usize, last_end: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut s = colon;
    while s > last_end && (b[s - 1].is_ascii_alphanumeric() || b"+.-".contains(&b[s - 1])) {
        s -= 1;
    }
    let scheme = &text[s..colon];
    if scheme.is_empty() || !scheme.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let e = url_end(b, colon);
    if e <= colon + 3 { None } else { Some((s, e)) }
}

fn word_end(b: &[u8], from: usize) -> usize {
    let mut e = from;
    while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'_') {
        e += 1;
    }
    e
}

fn email_or_handle(b: &[u8], at: usize, last_end: usize) -> Option<(usize, usize)> {
    let local_char = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let mut s = at;
    while s > last_end && local_char(b[s - 1]) {
        s -= 1;
    }
    if s < at {
        // An e-mail address: local@domain.tld
        let mut e = at + 1;
        while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'-' || b[e] == b'.') {
            e += 1;
        }
        while e > at + 1 && (b[e - 1] == b'.' || b[e - 1] == b'-') {
            e -= 1;
        }
        let domain = &b[at + 1..e];
        if domain.contains(&b'.') && !domain.starts_with(b".") && b[s] != b'.' {
            return Some((s, e));
        }
        return None;
    }
    // A handle: @name, not preceded by a word character.
    let e = word_end(b, at + 1);
    if e > at + 1 { Some((at, e)) } else { None }
}

#[cfg(test)]
mod tests {

    /// The ASCII word segmenter agrees with `unicode-segmentation` on random ASCII text made of
    /// the characters the rules treat differently, and on every byte.
    #[test]
    fn ascii_word_bounds_are_unicode_segmentations() {
        use unicode_segmentation::UnicodeSegmentation;
        let check = |text: &str| {
            let mut mine = Vec::new();
            super::ascii_word_bounds(text.as_bytes(), |a, b| mine.push((a, b)));
            let theirs: Vec<(usize, usize)> =
                text.split_word_bound_indices().map(|(i, s)| (i, i + s.len())).collect();
            assert_eq!(mine, theirs, "{text:?}");
        };
        let alphabet = b"aZ09_:,;.'\" \t\r\n\x0b\x0c-!?()$%&*+/<=>@[]^`{|}~\x00\x7f";
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for _ in 0..(state % 12) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state >> 11) as usize % alphabet.len()] as char);
            }
            check(&text);
        }
        for b in 0u8..128 {
            check(&format!("a{}b 1{}2 {}", b as char, b as char, b as char));
        }
        check("U.S. 2,000.50 don't e.g. a_b_1 foo::bar 3:30 1,2,3, ''a''");
    }

    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        Tokenizer::new().tokenize(s).iter().map(|t| t.text()).collect()
    }

    #[test]
    fn abbreviations_and_initials_stay_whole() {
        assert_eq!(toks("a U.S. official"), ["a", "U.S.", "official"]);
        assert_eq!(toks("Lt. Col. Smith"), ["Lt.", "Col.", "Smith"]);
        assert_eq!(toks("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"]);
        assert_eq!(toks("at 9 a.m. today"), ["at", "9", "a.m.", "today"]);
        assert_eq!(toks("Acme Inc. said"), ["Acme", "Inc.", "said"]);
        assert_eq!(toks("It ended."), ["It", "ended", "."]);
    }

    #[test]
    fn contractions_split_penn_style() {
        assert_eq!(toks("hasn't"), ["has", "n't"]);
        assert_eq!(toks("can't"), ["ca", "n't"]);
        assert_eq!(toks("won’t"), ["wo", "n’t"]);
        assert_eq!(toks("Pakistan's"), ["Pakistan", "'s"]);
        assert_eq!(toks("Davis' actions"), ["Davis", "'", "actions"]);
        assert_eq!(toks("they're"), ["they", "'re"]);
        assert_eq!(toks("O'Brien"), ["O'Brien"]);
        assert_eq!(toks("cannot"), ["can", "not"]);
    }

    #[test]
    fn hyphens_numbers_dashes() {
        assert_eq!(toks("Lashkar-e-Taiba"), ["Lashkar-e-Taiba"]);
        assert_eq!(toks("a 25-minute talk"), ["a", "25-minute", "talk"]);
        assert_eq!(toks("2,000 and 3.5"), ["2,000", "and", "3.5"]);
        assert_eq!(toks("was -- although"), ["was", "--", "although"]);
        assert_eq!(toks("wait..."), ["wait", "..."]);
        assert_eq!(toks("U.S.-based"), ["U.S.-based"]);
    }

    #[test]
    fn specials() {
        assert_eq!(toks("see https://example.org/a?b=1."), ["see", "https://example.org/a?b=1", "."]);
        assert_eq!(toks("mail ann.lee@example.co.uk now"), ["mail", "ann.lee@example.co.uk", "now"]);
        assert_eq!(toks("@BrianRoss on #Pakistan"), ["@BrianRoss", "on", "#Pakistan"]);
        assert_eq!(toks("(www.example.org)"), ["(", "www.example.org", ")"]);
    }

    #[test]
    fn norm_folds_quotes() {
        let t = Tokenizer::new();
        let v = t.tokenize("“Panetta’s”");
        let norms: Vec<&str> = v.iter().map(|t| t.norm()).collect();
        assert_eq!(norms, ["\"", "Panetta", "'s", "\""]);
    }

    /// Text tokenized the Penn Treebank way: its quotation marks and detached clitics are single
    /// tokens, the quotation marks normalised to a straight double quote.
    #[test]
    fn treebank_tokenized_text() {
        let t = Tokenizer::new();
        let v = t.tokenize("He said `` the company 's plan , they 're sure '' .");
        let texts: Vec<&str> = v.iter().map(|t| t.text()).collect();
        assert_eq!(
            texts,
            ["He", "said", "``", "the", "company", "'s", "plan", ",", "they", "'re", "sure", "''", "."]
        );
        assert_eq!((v[2].norm(), v[11].norm()), ("\"", "\""));
        // An apostrophe opening a quotation, or one not after a word, stays a mark of its own.
        assert_eq!(toks("a 'sorry' note"), ["a", "'", "sorry", "'", "note"]);
        assert_eq!(toks("( 's )"), ["(", "'", "s", ")"]);
        assert_eq!(toks("rock 'n' roll"), ["rock", "'", "n", "'", "roll"]);
    }
}
