//! Byte spans into the original text.

use std::ops::Range;

/// A half-open byte range `start..end` into the text given to
/// [`Extractor::extract`](crate::Extractor::extract).
///
/// Spans are never rewritten by later stages: whatever a stage normalises lives beside the span,
/// so `&text[span.range()]` is always the exact original text of a token, mention or argument.
///
/// ```
/// use dossier::Span;
/// let text = "CIA Director Leon Panetta";
/// let span = Span::new(13, 25);
/// assert_eq!(&text[span.range()], "Leon Panetta");
/// assert_eq!(span.len(), 12);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span. `start` must not exceed `end`; a reversed pair is swapped so a span is
    /// always well formed.
    pub fn new(start: usize, end: usize) -> Span {
        if start <= end { Span { start, end } } else { Span { start: end, end: start } }
    }

    /// The span as a range, for slicing the original text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one byte.
    ///
    /// ```
    /// use dossier::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 8)));
    /// assert!(!Span::new(0, 5).overlaps(Span::new(5, 8)));
    /// ```
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// Returns the text under the span, or `None` if the span is out of bounds or not on
    /// character boundaries. Never panics.
    ///
    /// ```
    /// use dossier::Span;
    /// assert_eq!(Span::new(0, 3).get("CIA agents"), Some("CIA"));
    /// assert_eq!(Span::new(0, 99).get("CIA"), None);
    /// ```
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.range())
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}
