"""dossier: people, organisations, places, titles and subject-verb-object triples from English
news, by a pure-Rust extractor.

>>> import dossier
>>> ex = dossier.Extractor()
>>> doc = ex.extract("CIA Director Leon Panetta met Pakistani officials in Islamabad.")
>>> [e["name"] for e in doc.entities if e["label"] == "PERSON"]
['Leon Panetta']

Build an :class:`Extractor` once and reuse it: building reads the built-in lists and models
(a few hundred milliseconds); extraction is thread-safe and releases the GIL.
:meth:`Extractor.extract_batch` runs on all cores.

The spaCy component (``nlp.add_pipe("dossier")``) is in :mod:`dossier.spacy_component`; spaCy
finds it through the package's entry point, so importing this package does not import spaCy.
"""

from ._dossier import BuildError, Document, Extractor, __version__

__all__ = ["BuildError", "Document", "Extractor", "__version__"]
