#!/usr/bin/env bash
# Runs the whole test suite after the set-up it needs: a JDK 17+ (found the way run.sh finds it),
# Chromium and chromedriver for the console's browser tests (installed from the distribution's
# packages on Debian/Ubuntu when missing), then mvn -B verify. ./test.sh --help lists the options.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MIN_JAVA=17

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

# Major version of a java binary: 17 for "17.0.15", 8 for "1.8.0_392", 0 when it does not run.
java_major() {
  local version
  version="$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)" || true
  version="${version#1.}"
  version="${version%%[.+-]*}"
  [[ "$version" =~ ^[0-9]+$ ]] && echo "$version" || echo 0
}

is_suitable_jdk() {
  [[ -n "$1" && -x "$1/bin/java" && -x "$1/bin/javac" ]] && (( $(java_major "$1/bin/java") >= MIN_JAVA ))
}

# The home of a suitable JDK: JAVA_HOME, else java on PATH, else the newest one installed.
find_jdk() {
  local candidate major path_home best="" best_major=0
  if [[ -n "${JAVA_HOME:-}" ]] && is_suitable_jdk "$JAVA_HOME"; then
    echo "$JAVA_HOME"; return
  fi
  if command -v java >/dev/null 2>&1; then
    path_home="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')"
    if is_suitable_jdk "$path_home"; then
      echo "$path_home"; return
    fi
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    is_suitable_jdk "$candidate" || continue
    major="$(java_major "$candidate/bin/java")"
    if (( major > best_major )); then
      best="$candidate"; best_major="$major"
    fi
  done
  echo "$best"
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
  echo "The tests need a JDK 17 or newer (Keycloak 26.7 runs on 17, 21 and 25); install one and set JAVA_HOME" >&2
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
