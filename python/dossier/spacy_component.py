"""dossier as a spaCy pipeline component.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> nlp.add_pipe("dossier")  # doctest: +ELLIPSIS
<dossier.spacy_component.DossierComponent object at ...>
>>> doc = nlp("CIA Director Leon Panetta met Pakistani officials in Islamabad.")
>>> [(e.text, e.label_) for e in doc.ents]
[('CIA', 'ORG'), ('Director', 'TITLE'), ('Leon Panetta', 'PERSON'), ('Pakistani', 'NORP'), ('Islamabad', 'GPE')]

The component reads ``doc.text`` with dossier's own tokenizer and aligns what it finds to
spaCy's tokens, so it works in any pipeline, ``spacy.blank("en")`` included (no model to
download). It sets:

* ``doc.ents``: every name mention of every entity (pronouns and descriptions that dossier links
  to an entity are left out: spaCy's entities are names), with ``span.kb_id_`` set to the
  entity's knowledge-base id where it has one and ``span._.dossier_entity`` to its id in
  ``doc._.dossier_entities``. Labels map as ``LABELS`` says: PERSON, ORG, NORP, DATE keep
  their names; PLACE becomes GPE (``place_label``: dossier does not tell a country or a town
  from a mountain range, and news places are mostly GPEs); TITLE stays TITLE (``title_label``;
  ``None`` leaves titles out of ``doc.ents``, they are still in the roles), MISC stays MISC
  (``misc_label``).
* ``doc._.dossier_entities``, ``doc._.dossier_roles``, ``doc._.dossier_triples`` and
  ``doc._.dossier_relations``: the lists of dossier's JSON, with character offsets
  (``start_char``, ``end_char``) beside the byte offsets, so ``doc.char_span(a["start_char"],
  a["end_char"])`` gives a triple argument's span.

Config (``nlp.add_pipe("dossier", config={...})``): ``gazetteers`` and ``patterns`` (lists of
file paths), ``place_label``, ``title_label``, ``misc_label``, ``overwrite_ents`` (default
True: replace the entities already on the doc; False keeps them and adds dossier's where they do
not overlap).
"""

from typing import Dict, Iterable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ._dossier import Document, Extractor

# dossier's label -> spaCy's (the defaults of the component's config).
LABELS: Dict[str, Optional[str]] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "PLACE": "GPE",
    "NORP": "NORP",
    "DATE": "DATE",
    "TITLE": "TITLE",
    "MISC": "MISC",
}

for _name in ("dossier_entities", "dossier_roles", "dossier_triples", "dossier_relations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Span.has_extension("dossier_entity"):
    Span.set_extension("dossier_entity", default=None)


class DossierComponent:
    """The pipeline component: call it on a Doc, or ``pipe`` many (in batches, on all
    cores)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "dossier",
        gazetteers: Iterable[str] = (),
        patterns: Iterable[str] = (),
        place_label: str = "GPE",
        title_label: Optional[str] = "TITLE",
        misc_label: Optional[str] = "MISC",
        overwrite_ents: bool = True,
        threads: int = 0,
    ) -> None:
        self.name = name
        self.extractor = Extractor(gazetteers=list(gazetteers), patterns=list(patterns))
        self.labels = dict(LABELS, PLACE=place_label, TITLE=title_label, MISC=misc_label)
        self.overwrite_ents = overwrite_ents
        self.threads = threads or None

    def __call__(self, doc: Doc) -> Doc:
        return self.annotate(doc, self.extractor.extract(doc.text))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        batch: List[Doc] = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, docs: List[Doc]) -> Iterator[Doc]:
        results = self.extractor.extract_batch([d.text for d in docs], self.threads)
        for doc, result in zip(docs, results):
            yield self.annotate(doc, result)

    def annotate(self, doc: Doc, result: Document) -> Doc:
        """Sets ``doc.ents`` and the ``doc._.dossier_*`` attributes from dossier's result for
        ``doc.text``."""
        entities = result.entities
        spans: List[Span] = []
        for entity in entities:
            label = self.labels.get(entity["label"])
            if label is None:
                continue
            for m in entity["mentions"]:
                if m["source"].startswith("rule:reference"):
                    continue
                span = doc.char_span(m["start_char"], m["end_char"], label=label, kb_id=entity["kb_id"] or "")
                if span is None:
                    # dossier split inside one of spaCy's tokens: take the tokens it touches.
                    span = doc.char_span(
                        m["start_char"], m["end_char"], label=label, kb_id=entity["kb_id"] or "", alignment_mode="expand"
                    )
                if span is None:
                    continue
                span._.dossier_entity = entity["id"]
                spans.append(span)
        if not self.overwrite_ents:
            spans = list(doc.ents) + spans
        doc.ents = filter_spans(spans)
        doc._.dossier_entities = entities
        doc._.dossier_roles = result.roles
        doc._.dossier_triples = result.triples
        doc._.dossier_relations = result.relations
        return doc


@Language.factory(
    "dossier",
    default_config={
        "gazetteers": [],
        "patterns": [],
        "place_label": "GPE",
        "title_label": "TITLE",
        "misc_label": "MISC",
        "overwrite_ents": True,
        "threads": 0,
    },
)
def make_dossier(
    nlp: Language,
    name: str,
    gazetteers: List[str],
    patterns: List[str],
    place_label: str,
    title_label: Optional[str],
    misc_label: Optional[str],
    overwrite_ents: bool,
    threads: int,
) -> DossierComponent:
    """The factory behind ``nlp.add_pipe("dossier")``."""
    return DossierComponent(
        nlp, name, gazetteers, patterns, place_label, title_label, misc_label, overwrite_ents, threads
    )


__all__ = ["DossierComponent", "LABELS", "make_dossier"]

