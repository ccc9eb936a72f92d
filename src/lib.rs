//! # dossier
//!
//! Reads English news and intelligence-style articles and extracts who, what and where:
//! people, organisations, places, job titles, nationalities and dates, folded into entities,
//! plus subject-verb-object triples.
//!
//! ## Overview
//!
//! The pipeline runs one way, each stage a plain function with its own output type:
//!
//! ```text
//! text -> tokens + sentences -> tags, lemmas, parse -> matches -> entities -> triples -> Document
//! ```
//!
//! Build one [`Extractor`] (through [`ExtractorBuilder`] when you need settings or data of your
//! own), then call [`Extractor::extract`] as often as you like, from any number of threads.
//! Extraction cannot fail. Every offset is a byte [`Span`] into the text you passed in.
//!
//! ## Example
//!
//! ```
//! use dossier::Extractor;
//!
//! let extractor = Extractor::new();
//! let text = "Adm. Mike Mullen met U.S. officials. They did not agree.";
//! let doc = extractor.extract(text);
//! assert_eq!(doc.sentences().len(), 2);
//! let json = serde_json::to_string(&doc)?;
//! assert!(json.starts_with(r#"{"schema":1"#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Crate features
//!
//! * `builtin` (default): embeds the built-in gazetteers, lexicons and model weights.
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![doc(test(attr(deny(warnings))))]

mod builtin;
pub mod conll;
pub mod conllu;
mod document;
mod entities;
mod entity;
mod error;
mod extractor;
mod hash;
pub mod lexicon;
mod linear;
mod lines;
pub mod matcher;
pub mod output;
pub mod parser;
mod references;
mod relations;
mod roles;
mod span;
pub mod tagger;
#[cfg(test)]
mod testing;
pub mod text;

pub use document::{Document, SCHEMA_VERSION, WithTokens};
pub use entities::ner;
pub use entity::{Argument, Entity, EntityId, Label, Mention, Modality, Predicate, Relation, Role, Triple};
pub use error::BuildError;
pub use extractor::{Config, Extractor, ExtractorBuilder, NerMode};
pub use span::Span;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oibits() {
        fn assert_send<T: Send>() {}
        fn assert_sync<T: Sync>() {}
        fn assert_unpin<T: Unpin>() {}
        assert_send::<Extractor>();
        assert_sync::<Extractor>();
        assert_unpin::<Extractor>();
        assert_send::<Document<'static>>();
        assert_sync::<Document<'static>>();
        assert_send::<BuildError>();
        assert_sync::<BuildError>();
    }
}
