#!/usr/bin/env bash
# Install (or remove) the desktop entry, the file types and the icon of Safety & Cohesion
# Reviewer for the current user, so the app is in the desktop's menu and .review and
# .workshop files open with it. Nothing outside the user's data folder is touched.
#
#   install-desktop.sh [--exec PATH]   install; PATH is the `reviewer` executable the
#                                      menu entry starts (default: `reviewer` next to this
#                                      script, as in the bundle)
#   install-desktop.sh --uninstall     remove what install put there
#
# Where: ${XDG_DATA_HOME:-~/.local/share}/{applications,mime/packages,icons/hicolor}.
# Running it again replaces the same files (idempotent). The caches are brought up to date
# with update-mime-database, update-desktop-database and gtk-update-icon-cache when they
# are installed; without them the desktop picks the files up at its next scan.
#
# The same script is in the source tree (packaging/linux, called by `scripts/dev
# install-desktop`) and in the bundle (dist/reviewer/desktop).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP_ID=nl.safety-cohesion.Reviewer
MIME_XML=safety-cohesion-reviewer.xml
ICON_SIZES=(32 48 64 128 256)

DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
APPS="$DATA/applications"
MIME="$DATA/mime"
ICONS="$DATA/icons/hicolor"

log() { printf '%s\n' "$*" >&2; }

# Bring the desktop's caches up to date, with whichever tools this system has.
refresh() {
  if command -v update-mime-database >/dev/null 2>&1 && [ -d "$MIME/packages" ]; then
    update-mime-database "$MIME" >/dev/null 2>&1 || log "update-mime-database failed (ignored)"
  fi
  if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$APPS" ]; then
    update-desktop-database -q "$APPS" >/dev/null 2>&1 || log "update-desktop-database failed (ignored)"
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$ICONS" ]; then
    gtk-update-icon-cache -q -f -t "$ICONS" >/dev/null 2>&1 || true
  fi
}

# A path as one argument of the Exec key: bare when it has only plain characters, else
# double-quoted with ", `, $ and \ escaped (Desktop Entry spec, "The Exec key"), and
# then every \ doubled again because the value is a string; % is written %%.
exec_argument() {
  local path="$1"
  if [[ "$path" =~ ^[A-Za-z0-9_./+-]+$ ]]; then
    printf '%s' "$path"
    return
  fi
  local quoted="${path//\\/\\\\}"
  quoted="${quoted//\"/\\\"}"
  quoted="${quoted//\`/\\\`}"
  quoted="${quoted//\$/\\\$}"
  quoted="${quoted//%/%%}"
  quoted="\"$quoted\""
  printf '%s' "${quoted//\\/\\\\}"
}

# A plain string value (TryExec): only \ needs escaping.
string_value() { printf '%s' "${1//\\/\\\\}"; }

install_desktop() {
  local exe="$1"
  case "$exe" in
    /*) ;;
    *) exe="$(pwd)/$exe" ;;
  esac
  if [ ! -x "$exe" ]; then
    log "install-desktop: $exe is not an executable; build or set up the app first"
    exit 2
  fi
  case "$exe" in
    *$'\n'* | *$'\r'*) log "install-desktop: the path has a line break: $exe"; exit 2 ;;
  esac

  mkdir -p "$APPS" "$MIME/packages" "$ICONS/scalable/apps"
  local desktop="$APPS/$APP_ID.desktop" tmp
  tmp="$(mktemp "$APPS/.$APP_ID.XXXXXX")"
  local exec_line try_line
  exec_line="Exec=$(exec_argument "$exe") %f"
  try_line="TryExec=$(string_value "$exe")"
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      Exec=*) printf '%s\n%s\n' "$try_line" "$exec_line" ;;
      TryExec=*) ;;
      *) printf '%s\n' "$line" ;;
    esac
  done <"$HERE/$APP_ID.desktop" >"$tmp"
  chmod 644 "$tmp"
  mv -f "$tmp" "$desktop"

  install -m 644 "$HERE/$MIME_XML" "$MIME/packages/$MIME_XML"
  install -m 644 "$HERE/icons/$APP_ID.svg" "$ICONS/scalable/apps/$APP_ID.svg"
  local size
  for size in "${ICON_SIZES[@]}"; do
    mkdir -p "$ICONS/${size}x${size}/apps"
    install -m 644 "$HERE/icons/$APP_ID-$size.png" "$ICONS/${size}x${size}/apps/$APP_ID.png"
  done
  refresh
  log "installed $desktop (starts $exe)"
}

uninstall_desktop() {
  rm -f "$APPS/$APP_ID.desktop" "$MIME/packages/$MIME_XML" "$ICONS/scalable/apps/$APP_ID.svg"
  local size
  for size in "${ICON_SIZES[@]}"; do
    rm -f "$ICONS/${size}x${size}/apps/$APP_ID.png"
  done
  refresh
  log "removed the desktop entry, file types and icon of $APP_ID from $DATA"
}

exe="$(cd "$HERE/.." && pwd)/reviewer"
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --exec) exe="${2:?--exec needs the path of the reviewer executable}"; shift 2 ;;
    --uninstall) action=uninstall; shift ;;
    -h | --help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) log "usage: install-desktop.sh [--exec PATH] | --uninstall"; exit 2 ;;
  esac
done

if [ "$action" = install ]; then
  install_desktop "$exe"
else
  uninstall_desktop
fi
