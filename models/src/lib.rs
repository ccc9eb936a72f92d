//! The trained weights built into [dossier](https://crates.io/crates/dossier): its
//! part-of-speech tagger and its dependency parser, as the bytes of their model files.
//!
//! They are a crate of their own only so that each crate stays under crates.io's size limit;
//! dossier embeds them through its default feature `builtin`, and nothing else needs them. The
//! formats are dossier's (`DSTAG02`, `DSPAR03`), read by `dossier::Tagger` and the parser.
//!
//! Both models are derived from Universal Dependencies English EWT v2.16 (CC BY-SA 4.0) and
//! shared under the same licence: see this crate's README for the attribution and for the
//! commands that reproduce each file byte for byte.

#![forbid(unsafe_code)]

/// The part-of-speech tagger's weights (`tagger.bin`: averaged perceptron, joint UPOS + Penn
/// tags, i16).
pub static TAGGER: &[u8] = include_bytes!("../tagger.bin");

/// The dependency parser's weights (`parser.bin`: arc-hybrid transitions and arc labels,
/// averaged perceptrons, i16; the label shortcuts and the training vocabulary).
pub static PARSER: &[u8] = include_bytes!("../parser.bin");
