//! Stage 2: matches. The [`Gazetteer`] finds dictionary entries in the tokens; [`Pattern`]s
//! match token sequences by text, shape, tag and gazetteer label.

pub mod gazetteer;
pub mod pattern;

pub use gazetteer::{CasePolicy, Entry, EntryRef, Gazetteer, GazetteerBuilder, GazetteerMatch, Kind};
pub use pattern::{Pattern, Quantifier, TokenSpec, parse_patterns};
