import os
import pathlib
import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")

import dossier  # noqa: E402
from dossier.spacy_component import LABELS  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("dossier")
    return nlp


def own_mentions(extractor, text, labels=LABELS):
    """dossier's own name mentions (no references), as (start_char, end_char, mapped label)."""
    out = set()
    for e in extractor.extract(text).entities:
        for m in e["mentions"]:
            if not m["source"].startswith("rule:reference") and labels[e["label"]]:
                out.add((m["start_char"], m["end_char"], labels[e["label"]]))
    return out


def test_entry_point_finds_the_factory():
    # A fresh interpreter that never imports dossier: spaCy finds the factory by its entry point.
    code = (
        "import spacy, sys; nlp = spacy.blank('en'); nlp.add_pipe('dossier'); "
        "print([(e.text, e.label_) for e in nlp('Angela Merkel visited Paris.').ents])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "('Angela Merkel', 'PERSON')" in out.stdout


def test_ents_equal_dossiers_own_on_the_article(nlp, extractor, article):
    doc = nlp(article)
    got = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    assert got == own_mentions(extractor, article)
    assert len(got) > 20


@pytest.mark.skipif(
    not pathlib.Path(os.environ.get("DOSSIER_SEED", "../shared/articles/seed.txt")).exists(),
    reason="the seed article is in the shared data, not in the repository",
)
def test_ents_equal_dossiers_own_on_the_seed(nlp, extractor):
    text = pathlib.Path(os.environ.get("DOSSIER_SEED", "../shared/articles/seed.txt")).read_text(encoding="utf-8")
    doc = nlp(text)
    assert {(e.start_char, e.end_char, e.label_) for e in doc.ents} == own_mentions(extractor, text)


def test_labels_kb_ids_and_extensions(nlp):
    doc = nlp("CIA Director Leon Panetta met Pakistani officials in Islamabad. Panetta was not charged with fraud.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Leon Panetta"] == "PERSON"
    assert labels["CIA"] == "ORG"
    assert labels["Islamabad"] == "GPE"
    assert labels["Pakistani"] == "NORP"
    assert labels["Director"] == "TITLE"
    isb = next(e for e in doc.ents if e.text == "Islamabad")
    assert isb.kb_id_.startswith("geonames")
    ents = doc._.dossier_entities
    panetta = next(e for e in doc.ents if e.text == "Panetta")
    assert ents[panetta._.dossier_entity]["name"] == "Leon Panetta"
    assert any(r["person"] == panetta._.dossier_entity for r in doc._.dossier_roles)
    t = next(t for t in doc._.dossier_triples if t["negated"])
    span = doc.char_span(t["subject"]["start_char"], t["subject"]["end_char"])
    assert span is not None and span.text == t["subject"]["text"]
    assert isinstance(doc._.dossier_relations, list)


def test_config_maps_labels(extractor):
    nlp = spacy.blank("en")
    nlp.add_pipe("dossier", config={"place_label": "LOC", "title_label": None})
    doc = nlp("CIA Director Leon Panetta flew to Islamabad.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Islamabad"] == "LOC" and "Director" not in labels


def test_pipe_equals_call(nlp, article):
    texts = [article, "Angela Merkel visited Paris.", "", "Nothing here."] * 3
    one = [[(e.start_char, e.end_char, e.label_) for e in nlp(t).ents] for t in texts]
    many = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts, batch_size=5)]
    assert one == many


def test_keeps_existing_ents_when_asked():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PRODUCT", "pattern": "Widget"}])
    nlp.add_pipe("dossier", config={"overwrite_ents": False})
    doc = nlp("Angela Merkel bought a Widget in Paris.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Widget"] == "PRODUCT" and labels["Angela Merkel"] == "PERSON"


def test_alignment_when_tokenizers_disagree(nlp):
    # spaCy keeps "Pakistan-based" and "U.S.-led" apart differently from dossier: every entity
    # still lands on whole spaCy tokens.
    doc = nlp("The U.S.-led coalition and a Pakistan-based group met in New York.")
    for e in doc.ents:
        assert e.text == doc.text[e.start_char:e.end_char]
