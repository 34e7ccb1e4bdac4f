# Finds a JDK for the build, for run.sh and test.sh (sourced, not run): Keycloak 26.7 needs 17 or newer.
MIN_JAVA=17

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
