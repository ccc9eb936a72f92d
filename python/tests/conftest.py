import pathlib

import pytest

import dossier

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def extractor():
    return dossier.Extractor()


@pytest.fixture(scope="session")
def article():
    return (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")
