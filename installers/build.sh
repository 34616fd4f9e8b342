#!/usr/bin/env bash
# Builds a native Ferry console image with jpackage (JDK 17+).
#   installers/build.sh                  an app image under installers/target/Ferry
#   installers/build.sh --type deb       a .deb (needs dpkg-deb and fakeroot)
# The image bundles a Java runtime; JavaFX and the engine come from app/target/lib.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
type="app-image"
if [ "${1:-}" = "--type" ]; then type="$2"; fi

./mvnw -q -B -DskipTests package
out="installers/target"
rm -rf "$out" && mkdir -p "$out/input"
cp app/target/ferry-app.jar app/target/lib/*.jar "$out/input/"
version="$(sed -n 's/^version=//p' engine/target/classes/io/ferry/version.properties | sed 's/-SNAPSHOT//')"

jpackage --type "$type" \
  --name Ferry \
  --app-version "$version" \
  --vendor "Ferry" \
  --description "MySQL to Redshift replication, general-log control, Druid re-index and cloud cost console" \
  --input "$out/input" \
  --main-jar ferry-app.jar \
  --main-class io.ferry.app.FerryConsoleLauncher \
  --java-options "-Xmx2g" \
  --dest "$out"
echo "installers: built $type in $out"
