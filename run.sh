#!/usr/bin/env bash
# Starts the Firm Access dev server: Keycloak with the provider and the demo realm, a mail catcher
# and its web inbox. Ctrl-C stops all of it. ./run.sh --help lists the options.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$ROOT/extensions/dev-server"
MIN_JAVA=17

usage() {
  cat <<'USAGE'
Usage: ./run.sh [--fresh] [-Dport=8080] [-Dsmtp.port=3025] [-Dinbox.port=8025]

  --fresh          delete the dev server's data (H2 database) and import the demo realm again
  -Dport=N         Keycloak HTTP port (also: FIRM_ACCESS_PORT=N ./run.sh)
  -Dsmtp.port=N    SMTP port of the mail catcher (a changed port reaches the realm with --fresh)
  -Dinbox.port=N   port of the web mail inbox
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

# True when $1 is the home of a JDK (javac included: Maven compiles) of version 17 or newer.
is_suitable_jdk() {
  [[ -n "$1" && -x "$1/bin/java" && -x "$1/bin/javac" ]] && (( $(java_major "$1/bin/java") >= MIN_JAVA ))
}

# Prints the home of a suitable JDK: JAVA_HOME, else java on PATH, else the newest one installed.
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

describe_found_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "Java $(java_major "$JAVA_HOME/bin/java") in JAVA_HOME=$JAVA_HOME"
  elif command -v java >/dev/null 2>&1; then
    echo "Java $(java_major java) at $(command -v java)"
  else
    echo "no Java"
  fi
}

jvm_options=()
server_args=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    --fresh) server_args+=("$arg") ;;
    -D*=*) jvm_options+=("$arg") ;;
    *) echo "Unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

jdk="$(find_jdk)"
if [[ -z "$jdk" ]]; then
  echo "Keycloak 26.7 needs JDK 17 or newer; found $(describe_found_java); install a JDK 17+ and set JAVA_HOME" >&2
  exit 1
fi
if ! command -v mvn >/dev/null 2>&1; then
  echo "Maven (mvn) is not on PATH; install Apache Maven 3.8 or newer (https://maven.apache.org/install.html)" >&2
  exit 1
fi
export JAVA_HOME="$jdk"

echo "Building the provider and the dev server with $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1) ..."
(cd "$ROOT" && mvn -B -q -DskipTests install -pl extensions/dev-server -am)

# exec: Ctrl-C and kill reach the dev server JVM itself, whose shutdown hook stops Keycloak.
# The ${a[@]+...} form keeps empty arrays legal under set -u in the bash 3.2 of macOS.
exec "$JAVA_HOME/bin/java" ${jvm_options[@]+"${jvm_options[@]}"} "@$MODULE/target/dev-server.args" \
  ${server_args[@]+"${server_args[@]}"}
