#!/usr/bin/env bash
# Runs the whole test suite after the set-up it needs: a JDK 17+ (found the way run.sh finds it),
# Chromium and chromedriver for the console's browser tests (installed from the distribution's
# packages on Debian/Ubuntu when missing), then mvn -B verify. ./test.sh --help lists the options.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"

usage() {
  cat <<'USAGE'
Usage: ./test.sh [--no-browser] [MAVEN_ARGS...]

  --no-browser   leave out the browser tests (the console pages in Chromium); says so loudly
  MAVEN_ARGS     passed on to mvn, e.g. -o (offline) or -Dit.test=PostgresStorageIT

The browser and its driver are looked up in FIRM_ACCESS_BROWSER and FIRM_ACCESS_BROWSER_DRIVER,
then at /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome and the macOS
applications, and chromedriver on the PATH.
USAGE
}

# The first executable among the arguments.
first_executable() {
  local candidate
  for candidate in "$@"; do
    if [[ -n "$candidate" && -x "$candidate" && ! -d "$candidate" ]]; then
      echo "$candidate"; return
    fi
  done
}

find_browser() {
  first_executable /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome \
    "/Applications/Chromium.app/Contents/MacOS/Chromium" \
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
}

find_driver() {
  first_executable /usr/bin/chromedriver /usr/lib/chromium/chromedriver /usr/lib/chromium-browser/chromedriver \
    "$(command -v chromedriver 2>/dev/null || true)"
}

# Installs Debian's/Ubuntu's Chromium and its driver, as root or through sudo; false when it cannot.
install_browser() {
  local sudo=()
  command -v apt-get >/dev/null 2>&1 || return 1
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || return 1
    sudo=(sudo)
  fi
  local packages=(chromium chromium-driver)
  # Ubuntu names them chromium-browser and chromium-chromedriver.
  if ! apt-cache show chromium >/dev/null 2>&1; then
    packages=(chromium-browser chromium-chromedriver)
  fi
  echo "Installing ${packages[*]} for the browser tests ..."
  ${sudo[@]+"${sudo[@]}"} apt-get update -q && \
    DEBIAN_FRONTEND=noninteractive ${sudo[@]+"${sudo[@]}"} apt-get install -y -q "${packages[@]}"
}

left_out_banner() {
  cat >&2 <<'BANNER'
******************************************************************************
*  BROWSER TESTS LEFT OUT (--no-browser): the console's pages were not tested  *
*  in a browser in this run.                                                  *
******************************************************************************
BANNER
}

no_browser=false
maven_args=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    --no-browser) no_browser=true ;;
    *) maven_args+=("$arg") ;;
  esac
done

jdk="$(find_jdk)"
if [[ -z "$jdk" ]]; then
  echo "The tests need JDK 17 or newer; found $(describe_found_java); install a JDK 17+ and set JAVA_HOME" >&2
  exit 1
fi
if ! command -v mvn >/dev/null 2>&1; then
  echo "Maven (mvn) is not on PATH; install Apache Maven 3.8 or newer (https://maven.apache.org/install.html)" >&2
  exit 1
fi
export JAVA_HOME="$jdk"

if $no_browser; then
  left_out_banner
  maven_args+=("-Dfirm-access.no-browser")
else
  for variable in FIRM_ACCESS_BROWSER FIRM_ACCESS_BROWSER_DRIVER; do
    if [[ -n "${!variable:-}" && ( ! -f "${!variable}" || ! -x "${!variable}" ) ]]; then
      echo "$variable names ${!variable}, which is not an executable file; fix it or unset it" >&2
      exit 1
    fi
  done
  browser="${FIRM_ACCESS_BROWSER:-$(find_browser)}"
  driver="${FIRM_ACCESS_BROWSER_DRIVER:-$(find_driver)}"
  if [[ -z "$browser" || -z "$driver" ]] && install_browser; then
    browser="${FIRM_ACCESS_BROWSER:-$(find_browser)}"
    driver="${FIRM_ACCESS_BROWSER_DRIVER:-$(find_driver)}"
  fi
  if [[ -z "$browser" || -z "$driver" ]]; then
    missing="Chromium"
    [[ -n "$browser" ]] && missing="chromedriver"
    echo "No $missing for the browser tests: install the packages chromium and chromium-driver (Debian; Ubuntu: chromium-browser, chromium-chromedriver; macOS: brew install --cask chromium chromedriver), or set FIRM_ACCESS_BROWSER and FIRM_ACCESS_BROWSER_DRIVER, or run ./test.sh --no-browser" >&2
    exit 1
  fi
  echo "Browser tests use $browser with $driver"
  maven_args+=("-Dfirm-access.browser=$browser" "-Dfirm-access.browser.driver=$driver")
fi

echo "Testing with $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1) ..."
cd "$ROOT"
status=0
mvn -B verify ${maven_args[@]+"${maven_args[@]}"} || status=$?
if $no_browser; then
  left_out_banner
fi
exit "$status"
