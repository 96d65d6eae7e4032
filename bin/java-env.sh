# Sourced by bin/run and bin/test: points JAVA_HOME at a JDK 25 (the build targets Java 25).
# Keeps a JAVA_HOME that already is 25; otherwise looks under /usr/lib/jvm.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" != 25 ]; then
  JAVA_HOME=
  for candidate in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-* /usr/lib/jvm/jdk-25*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" = 25 ]; then JAVA_HOME=$candidate; break; fi
  done
  [ -n "$JAVA_HOME" ] || { echo "A JDK 25 is needed: set JAVA_HOME to one." >&2; exit 1; }
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
