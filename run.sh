#!/usr/bin/env bash
# Starts the Firm Access dev server: Keycloak with the provider and the demo realm, a mail catcher
# and its web inbox. Ctrl-C stops all of it. ./run.sh --help lists the options.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$ROOT/extensions/dev-server"
# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"

usage() {
  cat <<'USAGE'
Usage: ./run.sh [--fresh] [-Dport=8080] [-Dsmtp.port=3025] [-Dinbox.port=8025]

  --fresh          delete the dev server's data (H2 database) and import the demo realm again
  -Dport=N         Keycloak HTTP port (also: FIRM_ACCESS_PORT=N ./run.sh)
  -Dsmtp.port=N    SMTP port of the mail catcher (a changed port reaches the realm with --fresh)
  -Dinbox.port=N   port of the web mail inbox
USAGE
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
