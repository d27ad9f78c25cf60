#!/bin/sh
# The baseline of `overdue` is taskwarrior's report: install it from Debian when it is missing.
# Never fails: without it the bench marks that baseline "not installed".
command -v task >/dev/null 2>&1 && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "taskwarrior missing (no apt-get)"; exit 0; }
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo -n"; fi
$SUDO apt-get install -y -qq taskwarrior >/dev/null 2>&1 ||
  { $SUDO apt-get update -qq >/dev/null 2>&1 && $SUDO apt-get install -y -qq taskwarrior >/dev/null 2>&1; } ||
  echo "taskwarrior could not be installed: its baseline will be marked not installed"
exit 0
