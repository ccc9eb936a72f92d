"""Type hints for dossier's Rust extension module."""

from os import PathLike
from typing import Any, Iterator, Literal, Optional, Sequence, Union

__version__: str

StrPath = Union[str, PathLike[str]]

class BuildError(ValueError):
    """A gazetteer, pattern or model file could not be read: the message names the file, the
    line and the cause."""

class Document:
    """One extracted document: the structure of dossier's JSON (``schema``, ``sentences``,
    ``entities``, ``roles``, ``triples``, ``relations``, and ``tokens`` when asked for) as dicts
    and lists. Every object with byte offsets ``start`` and ``end`` also has ``start_char`` and
    ``end_char``, which slice the Python string: ``text[m["start_char"]:m["end_char"]]``."""

    @property
    def text(self) -> str:
        """The text the document was extracted from."""
    @property
    def schema(self) -> int:
        """The JSON schema version."""
    @property
    def sentences(self) -> list[dict[str, Any]]:
        """Sentences: ``start``, ``end`` (bytes), ``start_char``, ``end_char``."""
    @property
    def entities(self) -> list[dict[str, Any]]:
        """Entities: ``id``, ``label`` (PERSON, ORG, PLACE, TITLE, NORP, DATE, MISC), ``name``,
        ``kb_id``, ``mentions`` (``text``, offsets, ``sentence``, ``source``)."""
    @property
    def roles(self) -> list[dict[str, Any]]:
        """Roles: ``person``, ``title``, ``org`` (entity ids or None), ``sentence``."""
    @property
    def triples(self) -> list[dict[str, Any]]:
        """Subject-verb-object triples: ``subject``, ``predicate``, ``object`` (each with
        ``text``, offsets and, for arguments, the linked ``entity``), ``adjuncts``,
        ``negated``, ``passive``, ``modality``, ``confidence`` and the rest of the JSON."""
    @property
    def relations(self) -> list[dict[str, Any]]:
        """One record per subject entity, predicate lemma, object entity, negation and
        modality, with the indices of the triples it comes from."""
    @property
    def tokens(self) -> Optional[list[dict[str, Any]]]:
        """The tokens (tags, lemmas, heads) when extracted with ``tokens=True``, else None."""
    def to_dict(self) -> dict[str, Any]:
        """The whole structure as a dict (the same dict each call: copy it to change it)."""
    def to_json(self, indent: Optional[int] = None) -> str:
        """The JSON dossier writes, with the character offsets added."""
    def __getitem__(self, key: str) -> Any: ...
    def __contains__(self, key: str) -> bool: ...
    def __len__(self) -> int: ...
    def keys(self) -> Iterator[str]: ...

class Extractor:
    """The extractor: build it once, then call :meth:`extract` or :meth:`extract_batch` as
    often as you like, from any thread."""

    def __init__(
        self,
        gazetteers: Optional[Sequence[StrPath]] = None,
        patterns: Optional[Sequence[StrPath]] = None,
        *,
        builtin: bool = True,
        ner: Literal["fused", "rules", "model"] = "fused",
        parse: bool = True,
        ner_model: Optional[StrPath] = None,
    ) -> None:
        """Builds an extractor from the built-in lists and models (unless ``builtin=False``)
        plus your gazetteer files (``id<TAB>label<TAB>name[<TAB>aliases[<TAB>attributes]]``)
        and pattern files (spaCy EntityRuler JSON Lines). Your entries win over the built-in
        ones. ``ner`` chooses how the learned entity model is used; ``parse=False`` skips the
        dependency parse and the triples. Raises :class:`BuildError` for a bad file."""
    def extract(self, text: str, *, tokens: bool = False) -> Document:
        """Extracts one text (the GIL is released meanwhile)."""
    def extract_batch(
        self, texts: Sequence[str], threads: Optional[int] = None, *, tokens: bool = False
    ) -> list[Document]:
        """Extracts many texts on ``threads`` threads (default: one per core) with the GIL
        released; the documents come back in the order of the texts."""
