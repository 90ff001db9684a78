# Sourced by ./mvnw and the repository's other scripts: points JAVA_HOME at a JDK 25 or newer.
# Keeps JAVA_HOME when it already names one; otherwise takes the newest JDK found in the usual places.
# POSIX sh: ./mvnw is a /bin/sh script.

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}

if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 25 ]; then
    best_home=""
    best_major=0
    for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
        "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
        [ -x "$candidate/bin/javac" ] || continue
        major="$(java_major "$candidate")"
        if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then
            best_home="$candidate"
            best_major="$major"
        fi
    done
    if [ "$best_major" -lt 25 ]; then
        echo "This project needs a JDK 25 or newer: install one (for example Temurin 25) or set JAVA_HOME to it." >&2
        exit 1
    fi
    export JAVA_HOME="$best_home"
fi
export PATH="$JAVA_HOME/bin:$PATH"
