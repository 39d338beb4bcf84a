#!/usr/bin/env bash
# One entry point for this portfolio: set up, check, build and preview. Run `./run.sh help`.
set -euo pipefail

REPO="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
VENV="$REPO/.venv"
PY="$VENV/bin/python"
MIN_PYTHON="3.10"

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<'USAGE'
Usage: ./run.sh [command]

  (no command)   set up, then build the site and PDF
  setup          create .venv and install requirements.txt (and mermaid-cli when npm is present)
  check          run every pre-commit hook (Vale, mdformat, shellcheck, actionlint, ...)
                 on all files, then the ATS round-trip check of the built PDF
  build          build _site/: index.html, resume.html, resume.pdf and the design docs
  ats            check the page limit, and that _site/resume.pdf reads back like resume.md (what an ATS parser sees)
  private        write _private/ (never published): PDFs with your phone number, and the interview copy
  serve [PORT]   preview _site/ on http://127.0.0.1:8000, rebuilt and reloaded on save; the checks
                 while you edit on /_preview/ (--job FILE adds a posting's keyword coverage)
  themes         list the looks (theme: NAME in resume.md) and write a PNG of your resume in each to _themes/
  theme copy NAME  copy a theme into theme/ to change it yourself (the checks still apply)
  match FILE     compare a job posting (plain text) with the resume's keywords (--variant NAME)
  import FILE    write resume.md from your resume: PDF, Word, Markdown, JSON Resume or a LinkedIn .zip
                 (--force replaces an edited resume.md)
  apply COMPANY --job FILE   start applications/<date>-<company>/: the posting, letter.md, notes.md
                 (--variant NAME, --role TITLE); --sent COMPANY freezes what you sent, with a Git tag
  applications   list every application with its status (--status COMPANY STATUS to change one)
  help           show this help
USAGE
}

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3 python; do
    [[ -n "$candidate" ]] || continue
    if command -v "$candidate" >/dev/null 2>&1; then
      command -v "$candidate"
      return 0
    fi
  done
  die "Python $MIN_PYTHON or newer is needed; install it from https://www.python.org/downloads/"
}

check_python_version() {
  local python="$1"
  "$python" -c "import sys; sys.exit(sys.version_info < (${MIN_PYTHON/./, }))" ||
    die "Python $MIN_PYTHON or newer is needed; $python is $("$python" -c 'import platform; print(platform.python_version())')"
}

fingerprint() { cat -- "$@" 2>/dev/null | cksum | cut -d' ' -f1; }

setup_python() {
  local stamp="$VENV/.requirements-stamp" want
  want="$(fingerprint "$REPO/requirements.txt")"
  if [[ -x "$PY" && -f "$stamp" && "$(cat -- "$stamp")" == "$want" ]]; then
    say "Python packages are up to date (.venv)"
    return 0
  fi
  local python
  python="$(find_python)"
  check_python_version "$python"
  if [[ ! -x "$PY" ]]; then
    say "Creating virtual environment in .venv"
    "$python" -m venv "$VENV"
  fi
  say "Installing requirements.txt into .venv"
  "$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$PY" -m pip install --quiet --disable-pip-version-check -r "$REPO/requirements.txt"
  printf '%s\n' "$want" >"$stamp"
}

setup_diagrams() {
  [[ -f "$REPO/package.json" ]] || return 0
  if ! command -v npm >/dev/null 2>&1; then
    say "npm not found: diagrams will show as Mermaid source (install Node.js 20+ to render them)"
    return 0
  fi
  local stamp="$REPO/node_modules/.package-stamp" want
  want="$(fingerprint "$REPO/package.json" "$REPO/package-lock.json")"
  if [[ -f "$stamp" && "$(cat -- "$stamp")" == "$want" ]]; then
    say "Diagram tools are up to date (node_modules)"
    return 0
  fi
  say "Installing mermaid-cli into node_modules (uses your system Chromium; no browser download)"
  if [[ -f "$REPO/package-lock.json" ]]; then
    (cd -- "$REPO" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  else
    (cd -- "$REPO" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error)
  fi
  printf '%s\n' "$want" >"$stamp"
}

cmd_setup() {
  setup_python
  setup_diagrams
  setup_cjk_fonts
  setup_arabic_fonts
}

# A resume in Chinese, Japanese or Korean needs a CJK font (Noto Sans CJK); one in Arabic, Persian or Urdu is set
# in Noto Naskh Arabic (without it Typst falls back to a monospaced Arabic). Both come from the system's package
# registry: CI installs them; on your machine this says what to run.
setup_cjk_fonts() {
  setup_script_font 'zh|ja|ko' ':lang=ja' fonts-noto-cjk "Noto Sans CJK" font-noto-sans-cjk "Chinese, Japanese or Korean"
}

setup_arabic_fonts() {
  setup_script_font 'ar|fa|ur' 'Noto Naskh Arabic' fonts-noto-core "Noto Naskh Arabic" font-noto-naskh-arabic "Arabic script"
}

# setup_script_font LANGS FC_PATTERN DEBIAN_PACKAGE FONT BREW_CASK WHAT: when resume.md's `lang:` is one of LANGS
# and fc-list finds no font for FC_PATTERN.
setup_script_font() {
  local langs="$1" pattern="$2" package="$3" font="$4" cask="$5" what="$6"
  grep -Eq "^lang:[[:space:]]*\"?($langs)" "$REPO/resume.md" 2>/dev/null || return 0
  if command -v fc-list >/dev/null 2>&1 && [[ -n "$(fc-list "$pattern" family 2>/dev/null)" ]]; then
    return 0
  fi
  if [[ "${CI:-}" == "true" ]] && command -v apt-get >/dev/null 2>&1; then
    say "Installing $font ($package) for the resume's language"
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
    return 0
  fi
  say "resume.md is in $what: install $font, for example"
  say "  sudo apt-get install $package   (Debian, Ubuntu)   or   brew install --cask $cask"
}

# The absolute path of a file the user named (relative to where they ran run.sh).
existing_file() {
  [[ -f "$1" ]] || die "no such file: $1"
  printf '%s/%s\n' "$(cd -- "$(dirname -- "$1")" && pwd -P)" "$(basename -- "$1")"
}

need_setup() {
  [[ -x "$PY" ]] || die "no .venv yet: run ./run.sh setup first"
}

# Run the repo's Python package (portfolio/) from the repo root with the .venv Python.
portfolio() {
  need_setup
  (cd -- "$REPO" && "$PY" -m portfolio "$@")
}

cmd_build() {
  portfolio build "$@"
}

cmd_check() {
  need_setup
  portfolio hooks
  portfolio translations
  [[ -f "$REPO/_site/resume.pdf" ]] || cmd_build
  cmd_ats
}

cmd_ats() {
  say "Checking the page limit, and that the PDF reads back like the resume (ATS round trip)"
  portfolio ats-check
}

cmd_private() {
  portfolio private
}

cmd_serve() {
  portfolio serve "$@"
}

cmd_match() {
  run_with_file match "./run.sh match JOB_POSTING.txt [--variant NAME]" "$@"
}

cmd_import() {
  run_with_file import "./run.sh import resume.json [--force]" "$@"
}

# A portfolio command whose first argument is a file the user named, relative to where they are.
run_with_file() {
  local command="$1" usage="$2"
  shift 2
  [[ $# -ge 1 ]] || die "usage: $usage"
  local file
  file="$(existing_file "$1")"
  shift
  portfolio "$command" "$file" "$@"
}

main() {
  local command="${1:-all}"
  [[ $# -gt 0 ]] && shift
  case "$command" in
    all)
      cmd_setup
      cmd_build
      say "Done. Next: ./run.sh serve to preview, ./run.sh check before you commit."
      ;;
    setup) cmd_setup ;;
    check) cmd_check ;;
    build) cmd_build "$@" ;;
    ats) cmd_ats ;;
    private) cmd_private ;;
    serve) cmd_serve "$@" ;;
    themes) portfolio themes ;;
    theme) portfolio theme "$@" ;;
    match) cmd_match "$@" ;;
    import) cmd_import "$@" ;;
    apply) portfolio apply "$@" ;;
    applications) portfolio applications "$@" ;;
    help | -h | --help) usage ;;
    *)
      usage >&2
      die "unknown command: $command"
      ;;
  esac
}

main "$@"
