//! The machinery shared by the learned stages (the tagger, the parser and the entity model):
//! hashed feature keys ([`keys`]), the quantised weight table and its file format ([`model`]),
//! a per-thread cache in front of it ([`cache`]) and the averaged perceptron that trains them
//! ([`perceptron`]). None of it knows about tags, trees or entities.

pub(crate) mod cache;
pub(crate) mod keys;
pub(crate) mod model;
pub(crate) mod perceptron;

pub(crate) use keys::{argmax, feature_form, hash_bytes, inline_name, mix};
pub(crate) use model::{Model, written_zeros};
