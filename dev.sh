#!/usr/bin/env bash
# Template development: `./dev.sh demo` bakes the defaults and builds them; `./dev.sh test` runs every test;
# `./dev.sh screenshots` refreshes the README's pictures.
# Both install what they need first (dev venv, Vale and actionlint via `go install`, Debian packages as root).
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
VENV="$ROOT/.venv"
GOBIN="${GOBIN:-$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin}"
export GOBIN
export PATH="$VENV/bin:$GOBIN:$PATH"
# fonts-liberation2: metric copies of Arial and Times, so LibreOffice lays out the DOCX (Arial) as Word does
DEBIAN_PACKAGES=(chromium poppler-utils git fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji libreoffice-writer-nogui fonts-liberation2)

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

template_setting() {
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$ROOT/cookiecutter.json" "$1"
}

install_debian_packages() {
  local missing=() package
  for package in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    say "Missing system packages (install them yourself): ${missing[*]}"
    return 0
  fi
  say "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_packages() {
  local stamp="$VENV/.dev-requirements-stamp" want
  want="$(cat "$ROOT/requirements-dev.txt" "$ROOT/{{cookiecutter.project}}/requirements.txt" | cksum)"
  if [[ -x "$VENV/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  say "Installing Python packages into .venv"
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/requirements-dev.txt"
  printf '%s\n' "$want" >"$stamp"
}

go_tool() {
  local name="$1" module="$2" version="$3"
  if [[ -x "$GOBIN/$name" ]] && "$GOBIN/$name" --version 2>/dev/null | grep -q "$version"; then
    return 0
  fi
  command -v go >/dev/null 2>&1 || die "Go is needed to install $name ($module@v$version)"
  say "Installing $name $version with go install"
  CGO_ENABLED=1 go install -ldflags "-X main.version=$version" "$module@v$version"
}

install_go_tools() {
  go_tool vale github.com/vale-cli/vale/v3/cmd/vale "$(template_setting _vale_version)"
  go_tool actionlint github.com/rhysd/actionlint/cmd/actionlint "$(template_setting _actionlint_version)"
}

# `npm ci` in a folder with a package.json and lock file, unless they are unchanged since the last install.
npm_ci_once() {
  local dir="$1" what="$2" stamp want
  shift 2
  [[ -f "$dir/package.json" ]] || return 0
  command -v npm >/dev/null 2>&1 || die "npm is needed for the browser and parser tests (Node.js 20+)"
  stamp="$dir/node_modules/.stamp"
  want="$(cat "$dir/package.json" "$dir/package-lock.json" 2>/dev/null | cksum)"
  [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && return 0
  say "Installing $what from npm (${dir#"$ROOT/"})"
  (cd "$dir" && npm ci "$@" --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$want" >"$stamp"
}

install_node_tools() {
  PUPPETEER_SKIP_DOWNLOAD=1 npm_ci_once "$ROOT/tests/tools" "test tools"
}

# OpenResume's parser, to read our PDFs the way a real resume parser does: its npm package is the whole web app,
# so only its tarball is fetched (pinned by version and checksum in tests/tools/openresume/package.json) and
# unpacked; npm installs just what the harness needs (--ignore-scripts: pdf.js's optional `canvas` is not built).
sha512_integrity() {  # npm's integrity string of a file
  python3 -c 'import base64, hashlib, sys
print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"
}

install_openresume_parser() {
  local dir="$ROOT/tests/tools/openresume" spec integrity tarball
  npm_ci_once "$dir" "the OpenResume harness" --ignore-scripts
  [[ ! -f "$dir/package.json" || -d "$dir/node_modules/open-resume/src" ]] && return 0
  spec="$(node -p 'require(process.argv[1]).openResume.package' "$dir/package.json")"
  integrity="$(node -p 'require(process.argv[1]).openResume.integrity' "$dir/package.json")"
  say "Fetching OpenResume's parser ($spec) from npm"
  tarball="$(cd "$dir/node_modules" && npm pack "$spec" --silent)"
  [[ "$(sha512_integrity "$dir/node_modules/$tarball")" == "$integrity" ]] \
    || die "$spec: checksum differs from tests/tools/openresume/package.json"
  rm -rf "$dir/node_modules/.open-resume" "$dir/node_modules/open-resume"
  mkdir -p "$dir/node_modules/.open-resume"  # unpacked aside, then moved: a half-unpacked copy never counts
  tar -xzf "$dir/node_modules/$tarball" -C "$dir/node_modules/.open-resume" --strip-components=1
  mv "$dir/node_modules/.open-resume" "$dir/node_modules/open-resume"
  rm -f "$dir/node_modules/$tarball"
}

# veraPDF's PDF/UA-1 validator for the tests (tests/tools/verapdf): its library from Maven Central, behind a
# small Java main compiled here. Java and Maven come from Debian when they are missing.
install_verapdf() {
  local dir="$ROOT/tests/tools/verapdf" stamp want
  stamp="$dir/classes/.stamp"
  want="$(cat "$dir/pom.xml" "$dir/Validate.java" | cksum)"
  [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && return 0
  if ! command -v javac >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
    [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1 || die "Java (javac) and Maven are needed for the PDF/UA tests"
    say "Installing Java and Maven from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jdk-headless maven >/dev/null
  fi
  say "Fetching veraPDF's validation library from Maven Central (tests/tools/verapdf)"
  rm -rf "$dir/lib" "$dir/classes"
  (cd "$dir" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib && mkdir classes \
    && javac -d classes -cp 'lib/*' Validate.java)
  printf '%s\n' "$want" >"$stamp"
}

setup() {
  install_debian_packages
  install_python_packages
  install_go_tools
  install_node_tools
  install_openresume_parser
  install_verapdf
}

demo() {
  setup
  local out="$ROOT/demo" project
  project="$(template_setting project)"
  rm -rf -- "${out:?}/$project"
  mkdir -p "$out"
  say "Baking the template with its default answers into demo/$project"
  cookiecutter --no-input "$ROOT" --output-dir "$out"
  "$out/$project/run.sh"
  cat <<DONE

Demo ready:
  resume source  $out/$project/resume.md
  resume PDF     $out/$project/_site/resume.pdf
  site           $out/$project/_site/index.html
  preview        cd demo/$project && ./run.sh serve
DONE
}

run_tests() {
  setup
  say "Running the test suite"
  cd "$ROOT"
  "$VENV/bin/python" -m pytest tests "$@"
}

# The README's pictures (docs/images/): the tests that take them, pointed at that folder. Tests never write
# tracked files on their own.
screenshots() {
  setup
  say "Refreshing docs/images/ (the README's screenshots)"
  cd "$ROOT"
  PORTFOLIO_SCREENSHOTS="$ROOT/docs/images" "$VENV/bin/python" -m pytest -q \
    "tests/test_accessibility.py::test_screenshots_for_the_readme" "tests/test_run_sh.py::test_plain_run_sets_up_and_builds"
}

# A mutation score of the reader, the ATS check, the exports, the fit and the match against the fast lane
# (scripts/mutate.py; minutes, so not part of `test`). Its last line: `mutation score: K/M killed (P%)`.
mutate() {
  setup
  "$VENV/bin/python" "$ROOT/scripts/mutate.py" "$@"
}

case "${1:-help}" in
  demo) demo ;;
  test) shift; run_tests "$@" ;;
  screenshots) screenshots ;;
  mutate) shift; mutate "$@" ;;
  setup) setup ;;
  *) printf 'Usage: ./dev.sh demo | test [pytest args] | screenshots | mutate [module ...] | setup\n' ;;
esac
