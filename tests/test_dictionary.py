"""The Portfolio.Spelling dictionary: how styles/build_dictionary.py cuts Vale's, and what the cut costs."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import TEMPLATE
from portfolio_support import portfolio  # noqa: F401  (fixture)
from vale_support import STYLES, VALE_VERSION, run_vale

DICTIONARIES = STYLES / "config" / "dictionaries"
MAX_EXTRA_PER_1000_WORDS = 2.0


def load_builder():
    spec = importlib.util.spec_from_file_location("build_dictionary", STYLES / "build_dictionary.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


builder = load_builder()

AFF = """SET UTF-8
PFX A Y 1
PFX A   0     re         .

SFX D Y 2
SFX D   0     d          e
SFX D   0     ed         [^ey]

SFX S N 1
SFX S   0     s          .
"""


@pytest.mark.parametrize(
    ("entry", "forms"),
    [
        ("use/AD", {"use", "reuse", "used", "reused"}),  # prefix, suffix, and both (both cross)
        ("play/AS", {"play", "replay", "plays"}),  # S does not cross: no "replays"
        ("walk/D", {"walk", "walked"}),  # the condition picks "ed", not "d"
        ("Kubernetes", {"Kubernetes"}),
    ],
)
def test_entry_forms_follow_the_affix_rules(entry: str, forms: set[str]) -> None:
    assert builder.entry_forms(entry, builder.read_affixes(AFF)) == forms


def test_a_possessive_counts_as_its_noun() -> None:
    frequencies = {"tool": 1e-4}
    assert builder.zipf_of("tool's", frequencies) == pytest.approx(5.0)
    assert builder.zipf_of("Tool", frequencies) == pytest.approx(5.0)
    assert builder.zipf_of("toolz", frequencies) == 0.0


@pytest.mark.parametrize(
    ("zipf", "documents", "kept"),
    [
        (2.5, 0, True),  # common in English
        (2.49, 0, False),
        (0.0, 2, True),  # in two documents
        (1.5, 1, True),  # in one document, and not rare
        (1.49, 1, False),
    ],
)
def test_an_entry_stays_when_common_or_documented(zipf: float, documents: int, kept: bool) -> None:
    assert builder.keeps(zipf, documents) is kept


def test_cut_judges_an_entry_by_its_most_common_form() -> None:
    affixes = builder.read_affixes(AFF)
    frequencies = {"used": 1e-3, "walk": 1e-9}
    counts = Counter({"replay": 2})
    kept = builder.cut(["use/AD", "walk/D", "play/AS"], affixes, frequencies, counts)
    assert kept == ["use/AD", "play/AS"]


def vale_dictionary() -> Path:
    return builder.default_source()


def committed_entries() -> list[str]:
    return builder.read_dic((DICTIONARIES / f"{builder.NAME}.dic").read_text(encoding="utf-8"))


def test_the_dictionary_is_a_cut_of_the_pinned_vales() -> None:
    """Same .aff, entries a subsequence of Vale's: everything it accepts, the full dictionary accepts."""
    source = vale_dictionary()
    assert f"@v{VALE_VERSION}" in str(source)
    aff = (DICTIONARIES / f"{builder.NAME}.aff").read_bytes()
    assert aff == (source / f"{builder.SOURCE_NAME}.aff").read_bytes()
    full = builder.read_dic((source / f"{builder.SOURCE_NAME}.dic").read_text(encoding="utf-8"))
    ours = committed_entries()
    header = (DICTIONARIES / f"{builder.NAME}.dic").read_text(encoding="utf-8").split("\n", 1)[0]
    assert int(header) == len(ours)
    remaining = iter(full)
    assert all(entry in remaining for entry in ours), "an entry is not in Vale's dictionary, or out of order"
    assert len(ours) <= 0.45 * len(full), "the cut no longer saves most of the loading time"


def test_the_committed_dictionary_is_what_the_script_makes(tmp_path: Path) -> None:
    corpus = builder.default_corpus()
    assert len(corpus) > 300, "tests/tools/node_modules is missing: run ./dev.sh setup"
    builder.build(vale_dictionary(), corpus, tmp_path)
    for suffix in (".dic", ".aff"):
        made = (tmp_path / f"{builder.NAME}{suffix}").read_bytes()
        committed = (DICTIONARIES / f"{builder.NAME}{suffix}").read_bytes()
        assert made == committed, (
            f"{builder.NAME}{suffix} is stale: run .venv/bin/python styles/build_dictionary.py and commit it"
        )


def test_the_docs_state_the_dictionary_size() -> None:
    full = builder.read_dic((vale_dictionary() / f"{builder.SOURCE_NAME}.dic").read_text(encoding="utf-8"))
    figure = f"{len(committed_entries()):,} of the {len(full):,} entries"
    for readme in (DICTIONARIES / "README.md", STYLES / "Portfolio" / "README.md"):
        text = re.sub(r"\s+", " ", readme.read_text(encoding="utf-8"))
        assert figure in text, f"{readme.relative_to(TEMPLATE)} does not say '{figure}'"


def markdown_under(folder: Path) -> list[Path]:
    skip = {".venv", "node_modules", ".git", "styles", ".pytest_cache", "{{cookiecutter.project}}"}
    return [p for p in folder.rglob("*.md") if not skip & set(p.relative_to(folder).parts)]


def held_out_documents(tmp_path: Path, baked: Path) -> list[Path]:
    """Text the dictionary was not built from: the template's and a baked repo's Markdown, package docs."""
    ours = markdown_under(TEMPLATE) + markdown_under(baked)
    documents = []
    for index, metadata in enumerate(sorted((TEMPLATE / ".venv").rglob("*.dist-info/METADATA"))):
        body = metadata.read_text(encoding="utf-8", errors="replace").partition("\n\n")[2]
        documents.append(tmp_path / f"metadata_{index}.md")
        documents[-1].write_text(body, encoding="utf-8")
    return ours + documents


def flagged_words(paths: list[Path], rule: str, folder: Path) -> Counter[str]:
    config = folder / f"{rule.replace('.', '_')}.ini"
    config.write_text(
        f"StylesPath = {STYLES}\nMinAlertLevel = suggestion\nVocab = Portfolio\n\n[*.md]\n{rule} = YES\n",
        encoding="utf-8",
    )
    results = run_vale(paths, config, cwd=folder)
    return Counter(alert["Match"] for alerts in results.values() for alert in alerts if alert["Check"] == rule)


def test_the_cut_flags_few_words_the_full_dictionary_accepts(tmp_path: Path, baked_default: Path) -> None:
    paths = held_out_documents(tmp_path, baked_default)
    words = sum(len(builder.WORD.findall(p.read_text(encoding="utf-8", errors="replace"))) for p in paths)
    assert words > 50_000, "too little held-out text to measure"
    ours = flagged_words(paths, "Portfolio.Spelling", tmp_path)
    full = flagged_words(paths, "Vale.Spelling", tmp_path)
    assert set(full) <= set(ours), "the cut accepts a word the full dictionary rejects"
    extra = {word: count for word, count in ours.items() if word not in full}
    rate = 1000 * sum(extra.values()) / words
    print(f"\n{words:,} held-out words: {len(extra)} more words flagged ({rate:.2f} per 1,000), e.g. "
          + ", ".join(sorted(extra, key=extra.get, reverse=True)[:12]))
    assert rate <= MAX_EXTRA_PER_1000_WORDS


def test_every_technology_match_knows_is_spelled_right(portfolio, tmp_path: Path) -> None:
    """The spelling vocabulary and `match`'s vocabulary agree: no term `match` looks for is a typo."""
    TERMS = portfolio.match.TERMS  # noqa: N806 - the vocabulary's own name
    note = tmp_path / "terms.md"
    note.write_text("# Terms\n\n" + "".join(f"- {name}\n" for name in sorted(TERMS)), encoding="utf-8")
    assert len(TERMS) > 200
    misspelt = flagged_words([note], "Portfolio.Spelling", tmp_path)
    assert misspelt == Counter()
