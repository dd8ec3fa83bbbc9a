#!/usr/bin/env bash
# Idempotent: makes sure a tool from a Debian package is installed, installing the package with apt when the
# tool is missing (as root, or with password-less sudo). Used by the test command for chromium (browser tests)
# and shellcheck (deploy script checks).
#
#   ensure-debian-package.sh <command name or absolute path> <package>
set -euo pipefail
tool="${1:?usage: ensure-debian-package.sh <command|/path> <package>}"
package="${2:?usage: ensure-debian-package.sh <command|/path> <package>}"
present() {
  if [ "${tool#/}" != "$tool" ]; then [ -x "$tool" ]; else command -v "$tool" >/dev/null 2>&1; fi
}
if present; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "$tool is missing and this user is not root." >&2
  echo "Install it with: sudo apt-get update && sudo apt-get install -y $package" >&2
  exit 1
fi
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$package"
present
