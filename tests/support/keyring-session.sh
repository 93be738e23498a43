#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring whose files live in a fresh
# temporary HOME, so keychain tests work where there is no desktop session (CI) and never read, write or
# prompt for a developer's own keyring. The temporary root is exported as REHEARSE_KEYRING_ROOT and removed
# when the command ends; the command's exit code is this script's.
#
#   sh tests/support/keyring-session.sh node ./node_modules/vitest/vitest.mjs run src-main/services/ai/keychain.test.ts
set -eu

if [ "${1-}" = "--inside-session" ]; then
  shift
  # Started in the foreground of a background job rather than letting it daemonize: a daemonized
  # gnome-keyring whose bus vanishes while it is still starting keeps running forever, and only here do we
  # know its pid. The password must not be empty: gnome-keyring 42 then creates no login collection, the
  # default collection every keyring client writes to, and each write fails with "no result found".
  printf %s rehearse-test | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
  daemon=$!
  # Until the daemon owns its name, a client's call would make D-Bus activate a second, locked daemon.
  tries=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ]; then
      echo "keyring-session: gnome-keyring-daemon did not start within 10 seconds" >&2
      kill "$daemon" 2>/dev/null || true
      exit 1
    fi
    sleep 0.1
  done
  status=0
  "$@" || status=$?
  kill "$daemon" 2>/dev/null || true
  wait "$daemon" 2>/dev/null || true
  exit "$status"
fi

missing=""
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  echo "keyring-session: missing$missing; install the Debian packages dbus-daemon and gnome-keyring" >&2
  exit 127
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/rehearse-keyring.XXXXXX")
trap 'rm -rf "$root"' EXIT
trap 'exit 130' INT TERM
for dir in home data config cache state run; do mkdir -m 700 "$root/$dir"; done

export REHEARSE_KEYRING_ROOT="$root"
export HOME="$root/home" XDG_DATA_HOME="$root/data" XDG_CONFIG_HOME="$root/config"
export XDG_CACHE_HOME="$root/cache" XDG_STATE_HOME="$root/state" XDG_RUNTIME_DIR="$root/run"
# A desktop session's variables would send the new daemon looking for (and deferring to) the running one.
unset GNOME_KEYRING_CONTROL DBUS_SESSION_BUS_ADDRESS

status=0
dbus-run-session -- sh "$0" --inside-session "$@" || status=$?
exit "$status"
