"""Applying with it, end to end on a real bake in a Git repository, through run.sh as a user runs it: `apply` for
each posting fixture and for hostile company names, the letter edited and built in the resume's look, the checks,
`apply --sent` (frozen PDFs, their SHA-256, a commit and a tag), `applications`, and nothing of it on the site."""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import tool_env
from portfolio_support import FIXTURES
from variant_support import pdf_pages, pdf_text, tag_repo
from verapdf_support import validate

DAY = datetime.date(2026, 3, 9)  # every application here is started and sent on this day (`--date`)
TODAY = DAY.isoformat()
COMPANIES = {
    "backend_payments": "Stripe, Inc.",
    "data_engineer": "Société Générale",
    "false_friends": "AT&T Mobility",
    "frontend_platform": "Quokka Labs",
}
GIT_ENV = {"GIT_AUTHOR_NAME": "Sam", "GIT_AUTHOR_EMAIL": "sam@example.com", "GIT_COMMITTER_NAME": "Sam",
           "GIT_COMMITTER_EMAIL": "sam@example.com"}
STRIPE = f"applications/{TODAY}-stripe-inc"
# A phrase no other file holds, to look for on the site
MARKER = "the quokka-7731 ledger"
LETTER = f"""Dear Stripe hiring team,

Your posting asks for someone who can own a high-volume payments API in production, on call included, and still
find time to mentor. That is the work I have done for four years, and the Senior Backend Engineer role is the next
step I want to take, with a team that cares about reliability as much as Stripe does.

At my current company I led the migration of 14 services to Kubernetes. Deploys that took 25 minutes now take 6,
which changed how often the team ships: weekly releases became several a day, with no rise in incidents. I wrote
the rollout plan, paired with each service owner on the move, and kept a way back open at every step, so no
customer saw the migration happen. The hardest part was {MARKER}, which I moved last.

Mentoring is the part of the work I would miss most. I mentor 3 junior engineers, and all 3 shipped their first
production feature within 6 weeks. I do it with small, real tickets, reviews that explain the why, and a weekly
hour that belongs to them. Your posting says mentoring is part of the role, and I would like to keep it that way.

In my first months I would learn your payment flows end to end, take my turn on call early, and look for the slow
or fragile paths in the API that cost engineers the most time. I would like to talk about what the payments team
needs most this year, and how my work on Kubernetes, Postgres and on-call practice could help.

Sincerely,

"""


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if args[0] == "apply":
        args = (*args[:1], "--date", TODAY, *args[1:])
    return subprocess.run([str(repo / "run.sh"), *args], cwd=repo, capture_output=True, text=True,
                          env={**tool_env(), **GIT_ENV, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}, timeout=900)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env={**tool_env(), **GIT_ENV})
    assert done.returncode == 0, done.stderr
    return done.stdout


def lines_of(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line.strip()]


def outside_applications(repo: Path) -> dict[str, str]:
    skip = (".git/", ".venv/", "applications/", ".cache/")
    return {p.relative_to(repo).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(repo.rglob("*")) if p.is_file() and not p.relative_to(repo).as_posix().startswith(skip)}


@pytest.fixture(scope="module")
def repo(baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default bake, committed, set up, with one application started for each posting fixture."""
    project = tmp_path_factory.mktemp("apply") / "portfolio"
    shutil.copytree(baked_default, project, symlinks=True)
    tag_repo(project)  # variants "backend" and "platform"
    git(project, "init", "--quiet")
    git(project, "add", "-A")
    git(project, "commit", "--quiet", "-m", "Start")
    assert run(project, "setup").returncode == 0
    for stem, company in COMPANIES.items():
        role = ["--role", "Product Engineer"] if stem == "false_friends" else []  # it opens with no title
        variant = ["--variant", "backend"] if stem == "data_engineer" else []
        started = run(project, "apply", company, "--job", str(FIXTURES / "postings" / f"{stem}.txt"), *role, *variant)
        assert started.returncode == 0, started.stderr
    return project


def test_each_posting_starts_its_own_folder_with_the_posting_a_letter_and_notes(repo: Path) -> None:
    folders = sorted(p.name for p in (repo / "applications").iterdir())
    assert folders == [f"{TODAY}-{slug}" for slug in ("at-t-mobility", "quokka-labs", "societe-generale", "stripe-inc")]
    for stem, company in COMPANIES.items():
        folder = next(f for f in (repo / "applications").iterdir() if json.dumps(company, ensure_ascii=False)
                      in (f / "notes.md").read_text(encoding="utf-8"))
        assert sorted(p.name for p in folder.iterdir()) == ["letter.md", "notes.md", "posting.txt"]
        assert (folder / "posting.txt").read_bytes() == (FIXTURES / "postings" / f"{stem}.txt").read_bytes()
        letter = (folder / "letter.md").read_text(encoding="utf-8")
        assert company in letter and letter.rstrip().endswith("Sincerely,\n\nAlex Example")
    notes = (repo / STRIPE / "notes.md").read_text(encoding="utf-8")
    assert 'role: "Senior Backend Engineer"' in notes and "status: draft" in notes


def test_apply_says_what_to_edit_next_and_never_replaces_a_folder(repo: Path) -> None:
    before = (repo / STRIPE / "letter.md").read_bytes()
    again = run(repo, "apply", "Stripe, Inc.", "--job", str(FIXTURES / "postings" / "backend_payments.txt"))
    assert again.returncode == 1
    assert again.stderr.strip().splitlines() == [
        f"error: {STRIPE} already exists; it is never replaced (edit it, or name the company differently)"
    ]
    assert (repo / STRIPE / "letter.md").read_bytes() == before


@pytest.mark.parametrize(
    "company",
    ["../../../tmp/escaped", "$(touch pwned)`touch pwned2`", "<img src=x onerror=alert(1)>", "a/b\\c", "-rf --sent",
     "'; DROP TABLE x;--", "[Acme](javascript:alert(1)) **bold**"],
    ids=["traversal", "shell", "html", "slashes", "option-like", "quotes", "markdown"],
)
def test_a_hostile_company_name_makes_a_folder_inside_applications_and_nothing_else(repo: Path, company: str) -> None:
    before = outside_applications(repo)
    folders = set((repo / "applications").iterdir())
    job = ["--job", str(FIXTURES / "postings" / "backend_payments.txt"), "--role", "SRE"]
    done = run(repo, "apply", *job, "--", company)  # after "--", a name that starts with "-" is a name
    assert done.returncode == 0, done.stderr
    made = set((repo / "applications").iterdir()) - folders
    assert len(made) == 1 and next(iter(made)).parent == repo / "applications"
    assert outside_applications(repo) == before
    assert not list(repo.parent.rglob("pwned*")) and not (repo.parent.parent / "tmp").exists()
    shutil.rmtree(next(iter(made)))


@pytest.mark.parametrize(
    ("posting", "error"),
    [("", "the posting is empty"), ("x" * 1_000_001, "1000 kB is not a job posting (at most 200 kB of text)")],
    ids=["empty", "1 MB"],
)
def test_an_empty_or_huge_posting_is_refused_in_one_line(repo: Path, tmp_path: Path, posting: str, error: str) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(posting, encoding="utf-8")
    before = sorted((repo / "applications").iterdir())
    done = run(repo, "apply", "Initech", "--job", str(path))
    assert (done.returncode, done.stderr.strip().splitlines()) == (1, [f"error: {path}: {error}"])
    assert sorted((repo / "applications").iterdir()) == before


def test_the_letter_builds_one_tagged_page_in_the_resume_s_look_that_reads_back(repo: Path) -> None:
    (repo / STRIPE / "letter.md").write_text(LETTER + "Alex Example\n", encoding="utf-8")
    built = run(repo, "private")
    assert built.returncode == 0, built.stderr
    out = repo / "_private" / "applications" / f"{TODAY}-stripe-inc"
    assert sorted(p.name for p in out.iterdir()) == ["letter.docx", "letter.pdf", "letter.txt", "resume.pdf"]
    letter_pdf = out / "letter.pdf"
    assert pdf_pages(letter_pdf) == 1
    text = " ".join(pdf_text(letter_pdf).split())
    for expected in ("Alex Example", "Stripe", "Senior Backend Engineer", MARKER, "Sincerely,"):
        assert expected in text
    assert lines_of(letter_pdf)[:2] == lines_of(repo / "_private" / "resume.pdf")[:2]  # the same header
    assert PdfReader(letter_pdf).metadata.title == "Alex Example – Cover letter"
    assert validate([letter_pdf]) == {letter_pdf: ["passed\t0 failed rules"]}  # PDF/UA-1, tagged as the resume is
    assert MARKER in " ".join((out / "letter.txt").read_text(encoding="utf-8").split())
    assert (out / "letter.docx").read_bytes().startswith(b"PK")
    assert (out / "resume.pdf").read_bytes() == (repo / "_private" / "resume.pdf").read_bytes()
    # an application for a variant goes with that variant's resume
    variant_folder = repo / "_private" / "applications" / f"{TODAY}-societe-generale"
    assert (variant_folder / "resume.pdf").read_bytes() == (repo / "_private" / "backend" / "resume.pdf").read_bytes()
    assert 'variant: "backend"' in (repo / "applications" / f"{TODAY}-societe-generale" / "notes.md").read_text(encoding="utf-8")


def test_check_passes_the_finished_letter_and_names_each_placeholder_left_in_the_others(repo: Path) -> None:
    checked = run(repo, "check")
    assert checked.returncode == 1
    errors = [line for line in checked.stderr.splitlines() if ": error: Letter." in line]
    assert errors and all("Letter.placeholder" in line for line in errors)
    assert {line.split("/")[1] for line in errors} == {f"{TODAY}-{s}" for s in ("at-t-mobility", "quokka-labs", "societe-generale")}
    assert not [line for line in checked.stdout.splitlines() + checked.stderr.splitlines() if "stripe-inc/letter.md" in line and "Letter." in line]


def test_sent_freezes_the_exact_pdfs_records_their_hashes_and_tags_the_commit(repo: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "My letter to Stripe")
    built_from = git(repo, "rev-parse", "HEAD").strip()
    sent = run(repo, "apply", "--sent", "Stripe")
    assert sent.returncode == 0, sent.stderr
    tag = f"applied/{TODAY}-stripe-inc"
    assert f"tagged {tag}" in sent.stdout
    assert git(repo, "rev-parse", f"{tag}^{{commit}}").strip() == git(repo, "rev-parse", "HEAD").strip()
    assert git(repo, "cat-file", "-t", tag).strip() == "tag"  # annotated
    frozen = repo / STRIPE / "sent"
    record = json.loads((frozen / "record.json").read_text(encoding="utf-8"))
    assert record["built_from_commit"] == built_from and record["sent"] == TODAY
    for name in ("resume.pdf", "letter.pdf"):
        assert record["sha256"][name] == hashlib.sha256((frozen / name).read_bytes()).hexdigest()
        shown = subprocess.run(["git", "show", f"{tag}:{STRIPE}/sent/{name}"], cwd=repo, capture_output=True)
        assert shown.stdout == (frozen / name).read_bytes()
    assert pdf_text(frozen / "letter.pdf") == pdf_text(repo / "_private" / "applications" / f"{TODAY}-stripe-inc" / "letter.pdf")
    assert "status: applied" in (repo / STRIPE / "notes.md").read_text(encoding="utf-8")
    assert git(repo, "status", "--porcelain", "--", STRIPE) == ""
    again = run(repo, "apply", "--sent", "Stripe")
    assert again.returncode == 1 and "stays as sent" in again.stderr


def test_sent_refuses_a_letter_with_uncommitted_changes_or_a_placeholder(repo: Path) -> None:
    folder = next((repo / "applications").glob(f"{TODAY}-quokka-labs"))
    done = run(repo, "apply", "--sent", "Quokka Labs")
    assert done.returncode == 1 and "Letter.placeholder" not in done.stderr and "placeholder" in done.stderr
    (folder / "letter.md").write_text("Dear Quokka Labs team,\n\nHello.\n", encoding="utf-8")
    done = run(repo, "apply", "--sent", "Quokka Labs")
    assert done.returncode == 1
    assert done.stderr.strip() == f"error: applications/{folder.name}/letter.md has changes not committed; commit them first, so the record names what was built"
    assert not (folder / "sent").exists()
    git(repo, "checkout", "--", str(folder / "letter.md"))


def test_applications_lists_each_one_and_its_status_and_writes_a_private_page(repo: Path) -> None:
    listed = run(repo, "applications", "--status", "Stripe", "interview")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == f"{TODAY}-stripe-inc: status interview"
    assert lines[1].split() == ["date", "company", "role", "variant", "status", "days"]
    rows = [line.split("  ") for line in lines[2:6]]
    days = str((datetime.date.today() - DAY).days)
    assert [[cell.strip() for cell in row if cell.strip()][-2:] for row in rows] == [
        ["draft", days], ["draft", days], ["draft", days], ["interview", days]
    ]
    page = (repo / "_private" / "applications.html").read_text(encoding="utf-8")
    assert "<td>Stripe, Inc.</td>" in page and "<td>AT&amp;T Mobility</td>" in page
    bad = run(repo, "applications", "--status", "Stripe", "hired")
    assert bad.returncode == 1 and bad.stderr.strip().startswith("error: status 'hired' is not one of draft, applied")


def test_a_send_git_refuses_leaves_the_application_as_it_was(repo: Path) -> None:
    folder = repo / "applications" / f"{TODAY}-quokka-labs"
    text = LETTER.replace("Stripe hiring team", "Quokka Labs hiring team").replace("as much as Stripe does", "as much as Quokka Labs does")
    (folder / "letter.md").write_text(text.replace("Senior Backend Engineer", "Frontend Engineer, Design Systems") + "Alex Example\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Letter to Quokka Labs")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'the hook says no' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    try:
        done = run(repo, "apply", "--sent", "Quokka Labs")
    finally:
        hook.unlink()
    assert done.returncode == 1 and done.stderr.strip() == "error: git commit failed: the hook says no"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert git(repo, "status", "--porcelain") == "" and git(repo, "tag", "--list") .count("quokka") == 0


def test_every_other_posting_goes_through_to_sent_as_well(repo: Path) -> None:
    for stem, company in COMPANIES.items():
        if stem == "backend_payments":
            continue
        folder = next(f for f in (repo / "applications").iterdir() if f.name.endswith(slug_of(company)))
        role = next(line.split(": ", 1)[1].strip('"') for line in (folder / "notes.md").read_text(encoding="utf-8").splitlines()
                    if line.startswith("role: "))
        text = LETTER.replace("Stripe hiring team", f"{company} hiring team").replace("as much as Stripe does", f"as much as {company} does")
        (folder / "letter.md").write_text(text.replace("Senior Backend Engineer", role) + "Alex Example\n", encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "--quiet", "--allow-empty", "-m", f"Letter to {company}")
        sent = run(repo, "apply", "--sent", company)
        assert sent.returncode == 0, sent.stderr
        tag = f"applied/{folder.name}"
        assert git(repo, "rev-parse", f"{tag}^{{commit}}").strip() == git(repo, "rev-parse", "HEAD").strip()
        record = json.loads((folder / "sent" / "record.json").read_text(encoding="utf-8"))
        assert (record["company"], record["role"]) == (company, role)
        for name in ("resume.pdf", "letter.pdf"):
            assert record["sha256"][name] == hashlib.sha256((folder / "sent" / name).read_bytes()).hexdigest()
        letter_text = pdf_text(folder / "sent" / "letter.pdf")
        assert company in letter_text and role in letter_text and pdf_pages(folder / "sent" / "letter.pdf") == 1


def slug_of(company: str) -> str:
    return {"Société Générale": "societe-generale", "AT&T Mobility": "at-t-mobility", "Quokka Labs": "quokka-labs"}[company]


def test_nothing_of_the_applications_reaches_the_site_or_the_pages_artifact(repo: Path) -> None:
    assert run(repo, "build").returncode == 0
    site = repo / "_site"
    for path in site.rglob("*"):
        assert "applications" not in path.relative_to(site).as_posix()
        if path.is_file() and path.suffix in (".html", ".txt", ".json", ".pdf", ".docx"):
            text = pdf_text(path) if path.suffix == ".pdf" else path.read_bytes().decode("utf-8", "replace")
            assert "quokka" not in text.casefold() and "Société Générale" not in text, path
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    uploads = [step["with"]["path"] for job in workflow["jobs"].values() for step in job.get("steps", [])
               if "upload-pages-artifact" in str(step.get("uses", ""))]
    assert uploads == ["_site"]
