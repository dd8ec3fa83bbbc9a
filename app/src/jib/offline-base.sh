#!/usr/bin/env bash
# Builds a container base image from this machine's JDK, for building the app image with Jib where no
# registry is reachable (CI): `scratch` + a jlink'd Java runtime at /opt/java + the shared libraries it needs
# (from `ldd`), as a `docker save` tarball that Jib takes with -Djib.from.image=tar://<file>.
# The real image is built on eclipse-temurin:17-jre (app/pom.xml); this base only lets CI build the same
# image layout offline and run the app from it.
#
#   offline-base.sh <output.tar>        (cached in $TASKLOG_TOOLS_CACHE or ~/.cache/tasklog, per JDK)
set -euo pipefail
out="${1:?usage: offline-base.sh <output.tar>}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
if [ ! -x "$java_home/bin/jlink" ] && [ ! -x "$java_home/bin/java" ]; then
  echo "offline-base: no JDK at $java_home" >&2
  exit 1
fi
version="$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
script_hash="$(sha256sum "$0" | cut -c1-12)"
cache="${TASKLOG_TOOLS_CACHE:-${HOME}/.cache/tasklog}/jib-offline-base"
cached="$cache/base-${version}-${script_hash}.tar"
if [ -s "$cached" ]; then
  mkdir -p "$(dirname "$out")"
  ln -f "$cached" "$out" 2>/dev/null || cp -f "$cached" "$out"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/app"
chmod 1777 "$root/tmp"

if [ -d "$java_home/jmods" ] && [ -x "$java_home/bin/jlink" ]; then
  # Everything in the JDK's module path except development tools: a JRE like the temurin one.
  modules="$("$java_home/bin/java" --list-modules | sed 's/@.*//' \
    | grep -v -E '^(jdk\.(incubator\..*|jshell|jdeps|jlink|jpackage|javadoc|compiler|internal\.le|internal\.opt|editpad|jartool|jcmd|jconsole|hotspot\.agent|jstatd|jdi|jdwp\.agent|internal\.jvmstat)|java\.compiler)$' \
    | paste -sd, -)"
  "$java_home/bin/jlink" --add-modules "$modules" --output "$root/opt/java" \
    --strip-debug --no-man-pages --no-header-files --compress=2
else
  # No jmods (some JDK packages): copy the whole runtime.
  cp -a "$java_home/." "$root/opt/java/"
fi

# Shared libraries of every ELF file in the runtime, the dynamic loader, and libgcc_s (dlopen'ed by glibc
# when threads exit).
libs="$work/libs.txt"
: >"$libs"
while IFS= read -r -d '' f; do
  if head -c 4 "$f" | grep -q 'ELF'; then
    ldd "$f" 2>/dev/null | awk '/=> \//{print $3} /^\t\/[^ ]+ \(/{print $1}' >>"$libs" || true
  fi
done < <(find "$root/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -print0)
for extra in /lib/x86_64-linux-gnu/libgcc_s.so.1 /usr/lib/x86_64-linux-gnu/libgcc_s.so.1; do
  [ -e "$extra" ] && echo "$extra" >>"$libs"
done
sort -u "$libs" | grep -v "^$root" | while IFS= read -r lib; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
find "$root" -name 'ld-linux*.so*' -exec chmod 0755 {} +

cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
app:x:1000:1000:tasklog:/tmp:/sbin/nologin
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
app:x:1000:
GROUP
printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"

# A reproducible layer: fixed order, owners and times.
tar --sort=name --mtime='@0' --owner=0 --group=0 --numeric-owner -C "$root" -cf "$work/layer.tar" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat >"$work/config.json" <<CONFIG
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LD_LIBRARY_PATH=/opt/java/lib:/opt/java/lib/server"],"User":"1000:1000"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"app/src/jib/offline-base.sh (JDK $version)"}]}
CONFIG
printf '[{"Config":"config.json","RepoTags":["tasklog-offline-base:%s"],"Layers":["layer.tar"]}]\n' "$version" >"$work/manifest.json"
mkdir -p "$cache" "$(dirname "$out")"
tar -C "$work" -cf "$cached.$$" manifest.json config.json layer.tar
mv -f "$cached.$$" "$cached"
ln -f "$cached" "$out" 2>/dev/null || cp -f "$cached" "$out"
