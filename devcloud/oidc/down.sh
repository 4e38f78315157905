#!/usr/bin/env bash
# Stop what up.sh started (recorded pids only, checked against their cmdline).
# State in $DEVCLOUD_DIR is kept; `rm -rf "$DEVCLOUD_DIR"` afterwards for a full reset.
set -u
D="${OIDC_DIR:-/tmp/ostk-devcloud/oidc}"
[ -f "$D/pids" ] || { echo "nothing recorded in $D/pids"; exit 0; }
while read -r name pid; do
  case $name in idp) pat=idp.mjs;; apache) pat="$D/apache/httpd.conf";; swift) pat=fake_swift.py;; *) continue;; esac
  kill -0 "$pid" 2>/dev/null && grep -aq -- "$pat" "/proc/$pid/cmdline" 2>/dev/null || continue
  if [ "$name" = apache ]; then /usr/sbin/apache2 -f "$D/apache/httpd.conf" -k stop
  else kill "$pid"; fi
  echo "stopped $name ($pid)"
done <"$D/pids"
