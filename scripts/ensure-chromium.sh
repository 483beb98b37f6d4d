#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium; Chinese needs a CJK font or it renders as boxes.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi wenquanyi; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium and fonts-wqy-microhei for the end-to-end tests…"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-microhei >/dev/null
else
  echo "the end-to-end tests need Chromium and a CJK font: sudo apt-get install chromium fonts-wqy-microhei" >&2
  exit 1
fi
