"""Build config/dictionaries/en_US-portfolio.{dic,aff}, the dictionary of the Portfolio.Spelling rule.

Vale's built-in en_US dictionary has 81,529 entries and costs ~100 ms to load on every run, two thirds of a
pre-commit Vale run over the whole repo. This keeps the entries a resume or a design doc is likely to use:

- an entry stays when one of its forms (the word with each of its Hunspell affixes) is common in English,
  wordfreq Zipf >= 2.5 (about once per 3 million words), or
- shows up in software documentation: in 2 or more documents of the corpus, or in one when it is not rare
  (Zipf >= 1.5). The corpus is the README of every npm package of the template's test tools
  (tests/tools/package-lock.json pins them), so the same lock file gives the same dictionary.

The .aff file is copied unchanged, so every word the cut accepts, Vale's full dictionary accepts too.
Words it drops are rare; a user who writes one gets a spelling suggestion and adds it to the vocabulary.

Usage (template root, after ./dev.sh setup):  .venv/bin/python styles/build_dictionary.py
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

STYLES = Path(__file__).resolve().parent
TEMPLATE = STYLES.parent
NAME = "en_US-portfolio"
OUTPUT = STYLES / "config" / "dictionaries"
SOURCE_NAME = "en_US-web"

COMMON_ZIPF = 2.5
DOCUMENTED_ZIPF = 1.5
DOCUMENTED_IN = 2
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class Affix:
    prefix: bool
    strip: str
    add: str
    condition: re.Pattern[str]
    cross: bool

    def apply(self, word: str) -> str | None:
        if not self.condition.search(word):
            return None
        if self.prefix:
            return self.add + word[len(self.strip) :]
        return word[: len(word) - len(self.strip)] + self.add


def read_affixes(aff_text: str) -> dict[str, list[Affix]]:
    """The PFX/SFX rules of a Hunspell .aff file, by flag (single-character flags, as en_US uses)."""
    headers: dict[str, bool] = {}
    rules: dict[str, list[Affix]] = {}
    for line in aff_text.splitlines():
        fields = line.split()
        if len(fields) < 4 or fields[0] not in ("PFX", "SFX"):
            continue
        kind, flag = fields[0], fields[1]
        if flag not in headers:  # header line: PFX flag cross_product count
            headers[flag] = fields[2] == "Y"
            continue
        strip, add, condition = fields[2], fields[3], fields[4] if len(fields) > 4 else "."
        prefix = kind == "PFX"
        pattern = "^" + condition if prefix else condition + "$"
        rules.setdefault(flag, []).append(
            Affix(
                prefix=prefix,
                strip="" if strip == "0" else strip,
                add="" if add == "0" else add.split("/")[0],
                condition=re.compile(pattern),
                cross=headers[flag],
            )
        )
    return rules


def entry_forms(entry: str, affixes: dict[str, list[Affix]]) -> set[str]:
    """The word of a .dic entry and the words its flags make (a prefix, a suffix, or both when both cross)."""
    word, _, flags = entry.partition("/")
    applied = [(rule, rule.apply(word)) for flag in flags for rule in affixes.get(flag, [])]
    forms = {word} | {made for _, made in applied if made is not None}
    for prefix, made in applied:
        if made is None or not (prefix.prefix and prefix.cross):
            continue
        for suffix, with_suffix in applied:
            if with_suffix is not None and not suffix.prefix and suffix.cross:
                forms.add(prefix.add + with_suffix[len(prefix.strip) :])
    forms.discard("")
    return forms


def base_word(word: str) -> str:
    """The lower-case word a frequency list or a document count knows: a possessive counts as its noun."""
    return word.lower().removesuffix("'s")


def zipf_of(word: str, frequencies: dict[str, float]) -> float:
    """Zipf frequency (log10 per billion words) of a word."""
    frequency = frequencies.get(base_word(word), 0.0)
    return math.log10(frequency) + 9 if frequency > 0 else 0.0


def document_counts(documents: Iterable[str]) -> Counter[str]:
    """In how many documents each lower-cased word appears."""
    counts: Counter[str] = Counter()
    for text in documents:
        counts.update({word.lower() for word in WORD.findall(text)})
    return counts


def keeps(zipf: float, documents: int) -> bool:
    return (
        zipf >= COMMON_ZIPF
        or documents >= DOCUMENTED_IN
        or (documents >= 1 and zipf >= DOCUMENTED_ZIPF)
    )


def cut(
    entries: list[str],
    affixes: dict[str, list[Affix]],
    frequencies: dict[str, float],
    counts: Counter[str],
) -> list[str]:
    """The entries to keep, in their original order."""
    kept = []
    for entry in entries:
        forms = entry_forms(entry, affixes)
        zipf = max(zipf_of(form, frequencies) for form in forms)
        documents = max(counts.get(base_word(form), 0) for form in forms)
        if keeps(zipf, documents):
            kept.append(entry)
    return kept


def read_dic(text: str) -> list[str]:
    lines = text.splitlines()
    return [line for line in lines[1:] if line.strip()]


def write_dic(entries: list[str]) -> str:
    return f"{len(entries)}\n" + "".join(f"{entry}\n" for entry in entries)


def vale_version() -> str:
    return json.loads((TEMPLATE / "cookiecutter.json").read_text(encoding="utf-8"))["_vale_version"]


def default_source() -> Path:
    """Vale's own dictionary, in the Go module cache that `go install` of the pinned Vale filled."""
    cache = subprocess.run(
        ["go", "env", "GOMODCACHE"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return Path(cache) / f"github.com/vale-cli/vale/v3@v{vale_version()}" / "internal/spell/data"


def default_corpus() -> list[Path]:
    """The README of every package the template's test tools install (pinned by their package-lock.json)."""
    found = (TEMPLATE / "tests" / "tools" / "node_modules").rglob("*")
    return sorted(path for path in found if path.is_file() and path.stem.lower() == "readme")


def read_documents(paths: list[Path]) -> list[str]:
    """Each distinct document once (nested npm packages repeat the same README)."""
    seen: dict[str, str] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        seen.setdefault(hashlib.sha256(text.encode("utf-8")).hexdigest(), text)
    return list(seen.values())


def english_frequencies() -> dict[str, float]:
    import wordfreq  # dev dependency (requirements-dev.txt); only this script needs it

    return wordfreq.get_frequency_dict("en", wordlist="large")


def build(source: Path, corpus: list[Path], output: Path) -> tuple[int, int, int]:
    aff_text = (source / f"{SOURCE_NAME}.aff").read_text(encoding="utf-8")
    entries = read_dic((source / f"{SOURCE_NAME}.dic").read_text(encoding="utf-8"))
    documents = read_documents(corpus)
    kept = cut(entries, read_affixes(aff_text), english_frequencies(), document_counts(documents))
    output.mkdir(parents=True, exist_ok=True)
    (output / f"{NAME}.dic").write_text(write_dic(kept), encoding="utf-8")
    (output / f"{NAME}.aff").write_text(aff_text, encoding="utf-8")
    return len(entries), len(kept), len(documents)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help=f"folder with {SOURCE_NAME}.dic/.aff")
    parser.add_argument("--corpus", type=Path, nargs="*", help="documents (default: the npm READMEs)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    corpus = args.corpus if args.corpus is not None else default_corpus()
    if not corpus:
        print("error: no corpus documents; run ./dev.sh setup first", file=sys.stderr)
        return 1
    total, kept, documents = build(args.source or default_source(), corpus, args.output)
    print(f"{NAME}: kept {kept:,} of {total:,} entries ({documents} corpus documents) in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
