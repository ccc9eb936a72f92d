//! Python bindings for dossier: `dossier.Extractor`, whose `extract` and `extract_batch` give
//! `dossier.Document`s holding the same structure as the crate's JSON, with character offsets
//! (`start_char`, `end_char`) beside every byte offset, since Python slices strings by character.
//!
//! Extraction runs with the GIL released; `extract_batch` runs on a rayon pool of the requested
//! size. The worker thread also writes each document's compact JSON (about 1% of the cost of
//! extraction); the first access parses it, adds the character offsets (with the GIL released)
//! and turns it into Python objects, which are kept.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::create_exception;
use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
use serde_json::Value;

create_exception!(
    _dossier,
    BuildError,
    PyValueError,
    "A gazetteer, pattern or model file could not be read: the message names the file, the line and the cause."
);

/// Builds extractors: the entry point of the Python package.
#[pyclass(module = "dossier._dossier", frozen)]
struct Extractor {
    inner: Arc<dossier::Extractor>,
    /// Thread pools by size, made on first use and kept.
    pools: Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>,
}

#[pymethods]
impl Extractor {
    /// Builds an extractor: the built-in lists and models (unless `builtin=False`), plus the
    /// gazetteer files (`id<TAB>label<TAB>name...`) and pattern files (spaCy EntityRuler JSON
    /// Lines) given. `ner` is "fused" (default), "rules" or "model"; `parse=False` skips the
    /// dependency parse and the triples. Raises `dossier.BuildError` naming the bad file, line
    /// and cause.
    #[new]
    #[pyo3(signature = (gazetteers = None, patterns = None, *, builtin = true, ner = "fused", parse = true, ner_model = None))]
    fn new(
        py: Python<'_>,
        gazetteers: Option<Vec<PathBuf>>,
        patterns: Option<Vec<PathBuf>>,
        builtin: bool,
        ner: &str,
        parse: bool,
        ner_model: Option<PathBuf>,
    ) -> PyResult<Extractor> {
        let mode = match ner {
            "fused" => dossier::NerMode::Fused,
            "rules" => dossier::NerMode::Rules,
            "model" => dossier::NerMode::Model,
            other => {
                return Err(PyValueError::new_err(format!(
                    "ner must be \"fused\", \"rules\" or \"model\", not {other:?}"
                )));
            }
        };
        let built = py.detach(|| {
            let mut b = dossier::Extractor::builder();
            b.builtin(builtin).config(dossier::Config::new().ner(mode).parse(parse));
            for g in gazetteers.unwrap_or_default() {
                b.gazetteer_path(g);
            }
            for p in patterns.unwrap_or_default() {
                b.patterns_path(p);
            }
            if let Some(m) = ner_model {
                b.ner_model(m);
            }
            b.build()
        });
        let inner = built.map_err(|e| BuildError::new_err(e.to_string()))?;
        Ok(Extractor { inner: Arc::new(inner), pools: Mutex::new(HashMap::new()) })
    }

    /// Extracts one text. `tokens=True` adds the tokens (tags, lemmas, heads) as in
    /// `extract --format json --tokens`.
    #[pyo3(signature = (text, *, tokens = false))]
    fn extract(&self, py: Python<'_>, text: String, tokens: bool) -> Document {
        let inner = &self.inner;
        py.detach(|| Document::new(inner, text, tokens))
    }

    /// Extracts many texts on `threads` threads (default: one per core), with the GIL
    /// released; the documents come back in the order of the texts.
    #[pyo3(signature = (texts, threads = None, *, tokens = false))]
    fn extract_batch(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        threads: Option<usize>,
        tokens: bool,
    ) -> PyResult<Vec<Document>> {
        let n = threads.unwrap_or(0);
        let pool = {
            let mut pools = self.pools.lock().unwrap_or_else(|p| p.into_inner());
            match pools.get(&n) {
                Some(p) => p.clone(),
                None => {
                    let p = rayon::ThreadPoolBuilder::new()
                        .num_threads(n)
                        .build()
                        .map_err(|e| PyValueError::new_err(e.to_string()))?;
                    pools.entry(n).or_insert(Arc::new(p)).clone()
                }
            }
        };
        let inner = &self.inner;
        Ok(py.detach(|| {
            use rayon::prelude::*;
            pool.install(|| texts.into_par_iter().map(|t| Document::new(inner, t, tokens)).collect())
        }))
    }

    fn __repr__(&self) -> String {
        "dossier.Extractor()".to_string()
    }
}

/// One extracted document: the JSON structure (`schema`, `sentences`, `entities`, `roles`,
/// `triples`, `relations`, and `tokens` when asked for) as Python dicts and lists, built on
/// first access and kept.
#[pyclass(module = "dossier._dossier", frozen, mapping)]
struct Document {
    text: String,
    /// The crate's JSON, compact, as the worker thread wrote it.
    json: Vec<u8>,
    /// Entities and triples, for `repr`.
    counts: (usize, usize),
    /// `json` parsed, with the character offsets added: made on first use.
    value: OnceLock<Value>,
    dict: PyOnceLock<Py<PyDict>>,
}

impl Document {
    fn new(extractor: &dossier::Extractor, text: String, tokens: bool) -> Document {
        let (json, counts) = {
            let doc = extractor.extract(&text);
            let json = if tokens { serde_json::to_vec(&doc.with_tokens()) } else { serde_json::to_vec(&doc) };
            (json.unwrap_or_default(), (doc.entities().len(), doc.triples().len()))
        };
        Document { text, json, counts, value: OnceLock::new(), dict: PyOnceLock::new() }
    }

    /// The JSON value with character offsets, made on first use.
    fn value(&self) -> &Value {
        self.value.get_or_init(|| {
            let mut v = serde_json::from_slice(&self.json).unwrap_or(Value::Null);
            add_char_offsets(&mut v, &CharIndex::new(&self.text));
            v
        })
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyDict>> {
        let d = self.dict.get_or_try_init(py, || -> PyResult<Py<PyDict>> {
            let value = py.detach(|| self.value());
            let d = to_py(py, value)?;
            Ok(d.cast_into::<PyDict>()?.unbind())
        })?;
        Ok(d.bind(py))
    }

    fn part<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.dict(py)?.get_item(key)?.ok_or_else(|| PyKeyError::new_err(key.to_string()))
    }
}

#[pymethods]
impl Document {
    /// The text the document was extracted from.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// The JSON schema version.
    #[getter]
    fn schema<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "schema")
    }
    /// Sentences: `start`, `end` (bytes), `start_char`, `end_char`.
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "sentences")
    }
    /// Entities: `id`, `label`, `name`, `kb_id`, `mentions` (`text`, offsets, `sentence`,
    /// `source`).
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "entities")
    }
    /// Roles: `person`, `title`, `org` (entity ids or None), `sentence`.
    #[getter]
    fn roles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "roles")
    }
    /// Triples: `subject`, `predicate`, `object`, `adjuncts`, `negated`, `passive`,
    /// `modality`, `confidence`, ... as in the JSON.
    #[getter]
    fn triples<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "triples")
    }
    /// Relations between entities, one per subject, predicate lemma, object, negation and
    /// modality, with the triples they come from.
    #[getter]
    fn relations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "relations")
    }
    /// The tokens, when extracted with `tokens=True`; otherwise None.
    #[getter]
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.dict(py)?.get_item("tokens")
    }
    /// The whole structure as a dict (the same dict each time: copy it before changing it).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        Ok(self.dict(py)?.clone())
    }
    /// The JSON the crate writes, with the character offsets added; `indent` pretty-prints.
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> String {
        let value = py.detach(|| self.value());
        match indent {
            None => serde_json::to_string(value).unwrap_or_default(),
            Some(n) => {
                let pad = vec![b' '; n];
                let mut out = Vec::new();
                let fmt = serde_json::ser::PrettyFormatter::with_indent(&pad);
                let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
                match serde::Serialize::serialize(value, &mut ser) {
                    Ok(()) => String::from_utf8(out).unwrap_or_default(),
                    Err(_) => String::new(),
                }
            }
        }
    }
    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, key)
    }
    fn __contains__(&self, py: Python<'_>, key: &str) -> PyResult<bool> {
        self.dict(py)?.contains(key)
    }
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.dict(py)?.len())
    }
    fn keys<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.dict(py)?.keys().into_any())
    }
    fn __repr__(&self) -> String {
        format!(
            "<dossier.Document: {} chars, {} entities, {} triples>",
            self.text.chars().count(),
            self.counts.0,
            self.counts.1
        )
    }
}

/// Byte offset to character offset, for every byte offset of a text.
struct CharIndex(Vec<u32>);

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        let mut v = Vec::with_capacity(text.len() + 1);
        let mut chars = 0u32;
        for &b in text.as_bytes() {
            v.push(chars);
            if b & 0xC0 != 0x80 {
                chars += 1;
            }
        }
        v.push(chars);
        // Offsets are always on character boundaries, where the entry is exact.
        CharIndex(v)
    }
    fn at(&self, byte: u64) -> Option<u64> {
        self.0.get(byte as usize).map(|&c| c as u64)
    }
}

/// Adds `start_char` and `end_char` beside every `start` and `end`.
fn add_char_offsets(v: &mut Value, idx: &CharIndex) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(|x| add_char_offsets(x, idx)),
        Value::Object(map) => {
            let pair = (map.get("start").and_then(Value::as_u64), map.get("end").and_then(Value::as_u64));
            for x in map.values_mut() {
                add_char_offsets(x, idx);
            }
            if let (Some(s), Some(e)) = pair
                && let (Some(cs), Some(ce)) = (idx.at(s), idx.at(e))
            {
                map.insert("start_char".into(), cs.into());
                map.insert("end_char".into(), ce.into());
            }
        }
        _ => {}
    }
}

/// A JSON value as Python objects.
fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                PyInt::new(py, i).into_any()
            } else if let Some(u) = n.as_u64() {
                PyInt::new(py, u).into_any()
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for x in items {
                list.append(to_py(py, x)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let d = PyDict::new(py);
            for (k, x) in map {
                d.set_item(PyString::intern(py, k), to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

/// dossier's Python extension module.
#[pymodule]
fn _dossier(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_class::<Document>()?;
    m.add("BuildError", m.py().get_type::<BuildError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
