"""Each Portfolio rule, run through the real vale binary on fixtures it must flag and fixtures it must not."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import bake, tool_env
from vale_support import (
    PROJECT_INI,
    RULES_DIR,
    STYLES,
    VALE_VERSION,
    blocking,
    project_config,
    rule_names,
    run_vale,
    vale_binary,
)

FIXTURES = Path(__file__).parent / "vale_fixtures"
RULES = rule_names()
README = (RULES_DIR / "README.md").read_text(encoding="utf-8")


def rule_spec(rule: str) -> dict:
    return yaml.safe_load((RULES_DIR / f"{rule}.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fixture_alerts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """One vale run over every fixture; each rule's folder gets only that rule."""
    folder = tmp_path_factory.mktemp("fixtures")
    sections = [f"StylesPath = {STYLES}", "MinAlertLevel = suggestion"]
    for rule in RULES:
        sections += [f"[*vale_fixtures/{rule}/*.md]", f"Portfolio.{rule} = YES"]
    config = folder / ".vale.ini"
    config.write_text("\n".join(sections) + "\n", encoding="utf-8")
    paths = sorted(FIXTURES.glob("*/test*.md"))
    return run_vale(paths, config)


def alerts_for(results: dict[str, list[dict]], path: Path) -> list[dict]:
    return results.get(str(path), [])


def test_vale_is_the_pinned_version() -> None:
    out = subprocess.run([vale_binary(), "--version"], capture_output=True, text=True, env=tool_env())
    assert VALE_VERSION in out.stdout, f"vale {out.stdout.strip()} is not the pinned {VALE_VERSION}"


@pytest.mark.parametrize("rule", RULES)
def test_rule_has_message_level_and_readme_link(rule: str) -> None:
    spec = rule_spec(rule)
    assert spec["message"].strip()
    assert spec["level"] in {"error", "warning", "suggestion"}
    anchor = rule.lower()
    assert spec["link"] == f"styles/Portfolio/README.md#{anchor}"
    row = rf'<a id="{anchor}"></a>{rule}\s*\|\s*{spec["level"]}\s*\|'
    assert re.search(row, README), f"no README row for {rule} with level {spec['level']}"


@pytest.mark.parametrize("rule", RULES)
def test_rule_flags_its_failing_fixture_on_the_expected_lines(rule: str, fixture_alerts: dict) -> None:
    folder = FIXTURES / rule
    expected = [int(line) for line in (folder / "expected.txt").read_text().split()]
    alerts = alerts_for(fixture_alerts, folder / "testfail.md")
    assert {a["Check"] for a in alerts} == {f"Portfolio.{rule}"}
    assert sorted({a["Line"] for a in alerts}) == expected, alerts
    assert {a["Severity"] for a in alerts} == {rule_spec(rule)["level"]}


@pytest.mark.parametrize("rule", RULES)
def test_rule_passes_its_clean_fixture(rule: str, fixture_alerts: dict) -> None:
    assert alerts_for(fixture_alerts, FIXTURES / rule / "testpass.md") == []


def test_weak_opener_message_names_a_rewrite(fixture_alerts: dict) -> None:
    alerts = alerts_for(fixture_alerts, FIXTURES / "WeakOpener" / "testfail.md")
    first = next(a for a in alerts if a["Line"] == 11)
    assert "'Responsible for'" in first["Message"] and "'Owned'" in first["Message"]


def test_heading_message_names_the_standard_heading(fixture_alerts: dict) -> None:
    alerts = alerts_for(fixture_alerts, FIXTURES / "Headings" / "testfail.md")
    messages = {a["Line"]: a["Message"] for a in alerts}
    assert "'Professional Summary'" in messages[5]
    assert "'Projects'" in messages[13]


@pytest.mark.parametrize(("marker", "rules"), [("walker", "bullet"), ("star", "STAR")])
def test_shared_script_blocks_are_identical(marker: str, rules: str) -> None:
    pattern = re.compile(rf"// {marker}:begin.*?// {marker}:end", re.S)
    blocks = {p.stem: pattern.search(p.read_text()) for p in RULES_DIR.glob("*.yml")}
    found = {name: block.group(0) for name, block in blocks.items() if block}
    assert len(found) >= 3, f"no shared {rules} block found"
    assert len(set(found.values())) == 1, f"the shared {rules} block differs between {sorted(found)}"


def write(folder: Path, relative: str, text: str) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


WEAK_RESUME = """# Sam Rivera

Austin, TX | sam@example.com

## Experience

### Engineer

**Acme** | Austin, TX | *March 2020 – May 2023*

- Responsible for a fast and scalable API.
"""


def test_project_config_applies_each_family_only_where_it_belongs(tmp_path: Path) -> None:
    config = project_config(tmp_path)
    paths = [
        write(tmp_path, "resume.md", WEAK_RESUME),
        write(tmp_path, "README.md", WEAK_RESUME),
        write(tmp_path, "system_designs/api.md", WEAK_RESUME),
        write(tmp_path, "interview_prep/star_stories.md", WEAK_RESUME),
    ]
    results = run_vale(paths, config, cwd=tmp_path)
    checks = {path.relative_to(tmp_path).as_posix(): {a["Check"] for a in blocking(results.get(str(path), []))}
              for path in paths}
    assert {"Portfolio.WeakOpener", "Portfolio.MeasuredResult"} <= checks["resume.md"]
    assert not any(c.startswith(("Portfolio.Design", "Portfolio.Vague", "Portfolio.Star")) for c in checks["resume.md"])
    assert checks["README.md"] == set()
    assert checks["system_designs/api.md"] == {"Portfolio.DesignSteps", "Portfolio.VagueClaims"}
    assert checks["interview_prep/star_stories.md"] == {"Portfolio.StarParts"}


def test_project_config_pins_the_documented_settings() -> None:
    text = PROJECT_INI.read_text(encoding="utf-8")
    for line in ("StylesPath = styles", "Vocab = Portfolio", "MinAlertLevel = suggestion"):
        assert re.search(rf"(?m)^{re.escape(line)}$", text), line
    for rule in RULES:
        assert f"Portfolio.{rule} = YES" in text, f"{rule} is not wired in .vale.ini"


def test_vocabulary_accepts_technology_names(tmp_path: Path) -> None:
    config = project_config(tmp_path)
    note = write(tmp_path, "notes.md", "We run Kubernetes, PostgreSQL with pgvector, FastAPI and Kafka on teh cluster.\n")
    alerts = run_vale([note], config, cwd=tmp_path)
    misspelt = [a["Match"] for a in alerts.get(str(note), []) if a["Check"] == "Portfolio.Spelling"]
    assert misspelt == ["teh"]


def test_built_in_word_list_keeps_case_where_it_is_written(tmp_path: Path) -> None:
    """`pytest` (lower case) accepts any capitalisation; `PostgreSQL` only as written, as a name should be."""
    text = "Pytest and PYTEST and pytest ran on PostgreSQL, not on postgresql.\n"
    note = write(tmp_path, "notes.md", text)
    alerts = run_vale([note], project_config(tmp_path), cwd=tmp_path)
    assert [a["Match"] for a in alerts.get(str(note), []) if a["Check"] == "Portfolio.Spelling"] == ["postgresql"]


def test_built_in_word_list_is_sorted_one_word_per_line() -> None:
    words = (STYLES / "config" / "ignore" / "portfolio.txt").read_text(encoding="utf-8").splitlines()
    assert len(words) > 150
    assert words == sorted(set(words), key=lambda word: (word.lower(), word))
    assert all(re.fullmatch(r"[\w./-]+", word) for word in words), "a line Vale would not read as one word"


def test_users_own_words_go_in_the_vocabulary(tmp_path: Path) -> None:
    """The documented place for a user's name and employers: accept.txt, one regular expression per line.

    Vale's spelling check reads the vocabulary case-insensitively, so every capitalisation passes."""
    styles = tmp_path / "styles"
    shutil.copytree(STYLES / "Portfolio", styles / "Portfolio")
    shutil.copytree(STYLES / "config", styles / "config")
    accept = styles / "config" / "vocabularies" / "Portfolio" / "accept.txt"
    accept.write_text(accept.read_text(encoding="utf-8") + "Qwyzzle\nAcme[Zz]orp\n", encoding="utf-8")
    config = project_config(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace(str(STYLES), "styles"), encoding="utf-8")
    note = write(tmp_path, "notes.md", "Qwyzzle led AcmeZorp and ACMEZORP; qwyzzle and Qwyzle did not.\n")
    alerts = run_vale([note.relative_to(tmp_path)], config, cwd=tmp_path)
    assert [a["Match"] for a in alerts["notes.md"] if a["Check"] == "Portfolio.Spelling"] == ["Qwyzle"]


def test_verb_without_result_bullets_are_flagged(tmp_path: Path) -> None:
    """The seed guide's example bullets have a verb and a technology but no result: the form we must flag."""
    bullets = [
        "Designed a stateful agent workflow in LangGraph to clean database tables.",
        "Configured an HNSW index on a PostgreSQL table for fast similarity search.",
        "Wrote integration tests with pytest to verify table updates.",
        "Implemented browser tests in Playwright with mocked network routes.",
    ]
    body = WEAK_RESUME.replace("- Responsible for a fast and scalable API.\n", "".join(f"- {b}\n" for b in bullets))
    resume = write(tmp_path, "resume.md", body)
    alerts = run_vale([resume], project_config(tmp_path), cwd=tmp_path)[str(resume)]
    flagged = {a["Line"] for a in alerts if a["Check"] == "Portfolio.MeasuredResult"}
    assert flagged == {11, 12, 13, 14}


def assert_repo_passes_the_style(repo: Path, *, any_level: bool = False) -> None:
    assert (repo / "styles" / "Portfolio" / "ActionVerb.yml").is_file(), "the bake did not install styles/"
    skip = {"styles", "node_modules", ".venv", "_site", ".git"}
    files = sorted(p for p in repo.rglob("*.md") if not skip & set(p.relative_to(repo).parts))
    assert {"resume.md", "README.md"} <= {p.name for p in files}
    results = run_vale([p.relative_to(repo) for p in files], cwd=repo)
    keep = (lambda alerts: alerts) if any_level else blocking
    problems = {path: keep(alerts) for path, alerts in results.items() if keep(alerts)}
    assert problems == {}


def test_baked_repo_passes_the_style(baked_default: Path) -> None:
    # The first thing a new user sees: not even a spelling suggestion.
    assert_repo_passes_the_style(baked_default, any_level=True)


def test_bake_with_unusual_answers_passes_the_style(tmp_path: Path) -> None:
    repo = bake(
        tmp_path,
        full_name="Siobhán O'Brien-Nguyễn",
        location="Zürich, Switzerland",
        email="siobhan.obrien+jobs@example.co.uk",
        website="https://siobhan.example.dev",
        linkedin="linkedin.com/in/siobhan-obrien",
        phone="+41 44 555 01 00",
        target_role="Senior Site Reliability Engineer (SRE)",
        include_interview_prep=False,
    )
    assert_repo_passes_the_style(repo)


def load_build_package():
    spec = importlib.util.spec_from_file_location("build_package", STYLES / "build_package.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_package_zip_installs_with_vale_sync_and_lints_a_resume(tmp_path: Path) -> None:
    archive = load_build_package().build(tmp_path / "dist")
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
    assert {"Portfolio/.vale.ini", "Portfolio/styles/Portfolio/MeasuredResult.yml",
            "Portfolio/styles/config/vocabularies/Portfolio/accept.txt",
            "Portfolio/styles/config/dictionaries/en_US-portfolio.dic"} <= names
    repo = tmp_path / "empty_repo"
    repo.mkdir()
    (repo / ".vale.ini").write_text(
        f"StylesPath = styles\nMinAlertLevel = suggestion\nPackages = {archive}\n", encoding="utf-8")
    sync = subprocess.run([vale_binary(), "sync"], cwd=repo, capture_output=True, text=True, env=tool_env())
    assert sync.returncode == 0, sync.stderr + sync.stdout
    assert (repo / "styles" / "Portfolio" / "ActionVerb.yml").is_file()
    write(repo, "resume.md", WEAK_RESUME.replace("Austin, TX | sam@example.com", "📧 Austin, TX")
          .replace("a fast", "teh fast"))
    alerts = run_vale([Path("resume.md")], cwd=repo)["resume.md"]
    found = {(a["Check"], a["Line"]) for a in alerts}
    assert {("Portfolio.WeakOpener", 11), ("Portfolio.MeasuredResult", 11), ("Portfolio.Emoji", 3),
            ("Portfolio.ContactEmail", 1), ("Portfolio.Spelling", 11)} <= found


def test_package_build_is_reproducible(tmp_path: Path) -> None:
    builder = load_build_package()
    first = builder.build(tmp_path / "a").read_bytes()
    second = builder.build(tmp_path / "b").read_bytes()
    assert first == second


def test_baked_pre_commit_installs_the_pinned_vale(baked_default: Path) -> None:
    hooks = (baked_default / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"github.com/vale-cli/vale/v3/cmd/vale@v{VALE_VERSION}" in hooks


def test_star_rules_find_stories_one_level_above_their_parts(tmp_path: Path) -> None:
    """Stories as `###` sections under a `##` group, parts as `####` headings."""
    nested = (FIXTURES / "StarParts" / "nested_stories.md").read_text(encoding="utf-8")
    path = write(tmp_path, "interview_prep/star_stories.md", nested)
    alerts = run_vale([path.relative_to(tmp_path)], project_config(tmp_path), cwd=tmp_path)
    found = {(a["Check"], a["Line"]) for a in blocking(alerts["interview_prep/star_stories.md"])}
    assert found == {("Portfolio.StarParts", 5), ("Portfolio.StarAction", 17)}
