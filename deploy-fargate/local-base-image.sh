#!/usr/bin/env bash
# The base image of the local container build (podman, no registry reachable): a Java 25 runtime
# made with jlink from the JDK that builds Kippu, plus the C library files it links to, on nothing
# else (no shell, no package manager). Production builds take a public Java 25 runtime image
# instead (deploy-fargate/pom.xml, profile production-image). Usage: local-base-image.sh JAVA_HOME IMAGE
set -euo pipefail
java_home=$1 image=$2

# what Kippu's classes and libraries use (jdeps --print-module-deps), the locale data of its two
# languages (Japanese and English), the extra charsets, and the JDK's management and JFR for diagnostics
modules=java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.net.http,java.prefs
modules+=,java.scripting,java.security.jgss,java.sql,jdk.charsets,jdk.jfr,jdk.localedata,jdk.management,jdk.unsupported,jdk.zipfs

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
"$java_home/bin/jlink" --add-modules "$modules" --output "$root/opt/java/openjdk" \
  --include-locales=en,ja --strip-debug --no-header-files --no-man-pages

# every shared library the runtime's executables and libraries load, and the loader itself
libraries=$(find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} + 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $1 !~ /:$/ { print $1 }' | sort -u)
for library in $libraries; do
  cp -L --parents "$library" "$root/"
done
mkdir -p "$root/tmp" "$root/etc"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$root/etc/group"

container=$(buildah from scratch)
buildah copy --quiet "$container" "$root" / >/dev/null
buildah config --env JAVA_HOME=/opt/java/openjdk --env PATH=/opt/java/openjdk/bin:/usr/bin:/bin --env LANG=C.UTF-8 \
  --label org.opencontainers.image.description="Java $("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p') runtime (jlink), local base of Kippu's image" \
  "$container"
buildah commit --quiet --format docker --rm "$container" "$image" >/dev/null
echo "base image $image: $(podman image inspect --format '{{.Size}}' "$image" | awk '{ printf "%.0f MB", $1 / 1e6 }')"
