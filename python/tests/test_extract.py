import json
import threading

import pytest

import dossier

TEXT = (
    "CIA Director Leon Panetta met Pakistani officials in Islamabad on Monday. "
    "Panetta said the agency would not release the names. "
    "Raymond Davis, a former soldier, was not charged with murder."
)


def test_entities_and_char_offsets(extractor):
    doc = extractor.extract(TEXT)
    people = [e for e in doc.entities if e["label"] == "PERSON"]
    panetta = next(e for e in people if e["name"] == "Leon Panetta")
    texts = [m["text"] for m in panetta["mentions"]]
    assert "Leon Panetta" in texts and "Panetta" in texts
    for e in doc.entities:
        for m in e["mentions"]:
            assert TEXT[m["start_char"]:m["end_char"]] == m["text"]
    assert any(r["person"] == panetta["id"] for r in doc.roles)


def test_char_offsets_differ_from_bytes_after_non_ascii(extractor):
    text = "Café owners in Zürich met Angela Merkel in Berlin."
    doc = extractor.extract(text)
    merkel = next(e for e in doc.entities if e["name"] == "Angela Merkel")
    m = merkel["mentions"][0]
    assert m["start"] == m["start_char"] + 2  # "é" and "ü" are two bytes each
    assert text[m["start_char"]:m["end_char"]] == "Angela Merkel"
    assert text.encode()[m["start"]:m["end"]].decode() == "Angela Merkel"
    for s in doc.sentences:
        assert s["end_char"] <= len(text)


def test_same_structure_as_json(extractor):
    doc = extractor.extract(TEXT)
    d = doc.to_dict()
    assert list(d) == ["schema", "sentences", "entities", "roles", "triples", "relations"]
    assert d["schema"] == doc.schema == 1
    assert json.loads(doc.to_json()) == d
    assert json.loads(doc.to_json(indent=2)) == d
    assert doc["triples"] is doc.triples and "entities" in doc and len(doc) == 6
    assert doc.tokens is None
    with pytest.raises(KeyError):
        doc["nothing"]


def test_triples_negation_and_passive(extractor):
    doc = extractor.extract(TEXT)
    charged = [t for t in doc.triples if "charge" in t["predicate"]["lemma"]]
    assert charged, doc.triples
    assert charged[0]["negated"] and charged[0]["passive"]
    for t in doc.triples:
        s = t["subject"]
        assert TEXT[s["start_char"]:s["end_char"]] == s["text"]
        p = t["predicate"]
        # The predicate's span is its verb group: the text may add a preposition taken from the
        # object, and a verbless predicate ("be") has an empty span.
        assert p["text"].startswith(TEXT[p["start_char"]:p["end_char"]])
        assert t["modality"] in {"asserted", "possible", "necessary", "conditional", "question"}


def test_tokens_on_request(extractor):
    doc = extractor.extract("Leon Panetta spoke.", tokens=True)
    assert [t["text"] for t in doc.tokens] == ["Leon", "Panetta", "spoke", "."]


def test_batch_keeps_order_and_equals_single(extractor):
    texts = [TEXT, "", "Angela Merkel visited Paris.", "Nothing here."] * 5
    batch = extractor.extract_batch(texts, threads=2)
    assert len(batch) == len(texts)
    for t, d in zip(texts, batch):
        assert d.text == t
        assert d.to_json() == extractor.extract(t).to_json()
    assert [d.to_json() for d in extractor.extract_batch(texts)] == [d.to_json() for d in batch]


def test_threads_share_one_extractor(extractor):
    out = {}

    def work(i):
        out[i] = extractor.extract(TEXT).to_json()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(out.values())) == 1


def test_own_gazetteer_and_patterns(tmp_path):
    gaz = tmp_path / "watch.tsv"
    gaz.write_text("me:1\tORG\tBlue Heron Logistics\tBHL\n", encoding="utf-8")
    pat = tmp_path / "p.jsonl"
    pat.write_text('{"label": "MISC", "pattern": [{"LOWER": "operation"}, {"IS_TITLE": true}]}\n', encoding="utf-8")
    ex = dossier.Extractor(gazetteers=[gaz], patterns=[str(pat)])
    doc = ex.extract("Blue Heron Logistics ran Operation Sandstorm for months.")
    by_name = {e["name"]: e for e in doc.entities}
    assert by_name["Blue Heron Logistics"]["label"] == "ORG"
    assert by_name["Blue Heron Logistics"]["kb_id"] in (None, "me:1")
    assert any(e["label"] == "MISC" and "Sandstorm" in e["name"] for e in doc.entities)


def test_bad_file_names_file_and_line(tmp_path):
    gaz = tmp_path / "bad.tsv"
    gaz.write_text("# ok\nx:1\tORG\tFine Name\nx:2\tNOTALABEL\tBad\n", encoding="utf-8")
    with pytest.raises(dossier.BuildError) as err:
        dossier.Extractor(gazetteers=[gaz])
    msg = str(err.value)
    assert "bad.tsv" in msg and "3" in msg
    assert isinstance(err.value, ValueError)
    with pytest.raises(dossier.BuildError, match="missing.tsv"):
        dossier.Extractor(gazetteers=[tmp_path / "missing.tsv"])
    with pytest.raises(ValueError):
        dossier.Extractor(ner="neural")


def test_without_builtin_data():
    ex = dossier.Extractor(builtin=False, parse=False)
    doc = ex.extract("Leon Panetta met officials.")
    assert doc.triples == []


def test_odd_inputs(extractor):
    for text in ["", " ", "\n\n", "🙂" * 50, "a\u0301" * 10, "\x00\x01", "Mr." * 100]:
        doc = extractor.extract(text)
        for e in doc.entities:
            for m in e["mentions"]:
                assert text[m["start_char"]:m["end_char"]] == m["text"]


def test_version_and_repr(extractor):
    assert dossier.__version__.count(".") == 2
    assert "entities" in repr(extractor.extract(TEXT))
