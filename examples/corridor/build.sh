#!/usr/bin/env bash
# Builds the example plug-in into examples/corridor/corridor.jar against rlarena's jar.
# Then: ./rlarena check-env Corridor-v0 --plugin examples/corridor/corridor.jar
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
[ -f "$root/target/rlarena.jar" ] || "$root/rlarena" --version >/dev/null
out="$(mktemp -d)"
javac --release 17 -cp "$root/target/rlarena.jar" -d "$out" $(find "$here/src" -name '*.java')
cp -r "$here/resources/." "$out/"
jar --create --file "$here/corridor.jar" -C "$out" .
rm -rf "$out"
echo "built $here/corridor.jar"
