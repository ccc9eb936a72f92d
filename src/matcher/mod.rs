//! Stage 2: matches. The [`Gazetteer`] finds dictionary entries in the tokens.

pub mod gazetteer;

pub use gazetteer::{CasePolicy, Entry, EntryRef, Gazetteer, GazetteerBuilder, GazetteerMatch, Kind};
