# shellcheck shell=bash
# devcloud "keymanager" group, sourced by devcloud/devcloud (which defines D, E, S, L, R, H, PASS, KS_URL,
# OV, log/die/alive/start_bg/wait_http/port_busy/write_if_changed/authtoken/ensure_pinned_venv).
#
# barbican 23.0.0 (key manager API, simple_crypto plugin: secrets encrypted with a local Fernet KEK)
# in its own venv, sqlite, under gunicorn on 127.0.0.1:9311, registered in the core keystone's
# catalog (key-manager, RegionOne) with a `barbican` service user. As devstack does, the demo user
# gets the `creator` role on project demo (barbican's policy lets creators store secrets).

KV=$D/venv-barbican  # barbican + gunicorn (the other venvs keep their own pins)
KM=$S/keymanager     # barbican.sqlite, kek, .bootstrap
BARBICAN_VERSION=${BARBICAN_VERSION:-23.0.0}
BARBICAN_PKGS=("barbican==$BARBICAN_VERSION" gunicorn==27.0.1 python-memcached)
BARBICAN_PORT=${DEVCLOUD_BARBICAN_PORT:-9311}
BARBICAN_URL=http://$H:$BARBICAN_PORT
KEYMANAGER_SERVICES=(barbican-api)

keymanager_fingerprint() { { echo "$PASS $KS_URL $BARBICAN_URL"; declare -f keymanager_bootstrap; } | md5sum | cut -d' ' -f1; }

write_keymanager_configs() {
  mkdir -p "$E/barbican/.barbican" "$KM"
  # the KEK that wraps every project key: made once, kept with the database it protects
  [ -s "$KM/kek" ] || "$KV/bin/python" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' >"$KM/kek"
  cmp -s "$KV/etc/barbican/barbican-api-paste.ini" "$E/barbican/barbican-api-paste.ini" ||
    cp "$KV/etc/barbican/barbican-api-paste.ini" "$E/barbican/barbican-api-paste.ini"
  # barbican parses its config at import time with no arguments: oslo.config then reads
  # ~/.barbican/barbican.conf, so the server runs with HOME=$E/barbican
  write_if_changed "$E/barbican/.barbican/barbican.conf" <<EOF
[DEFAULT]
host_href = $BARBICAN_URL
db_auto_create = true
log_file = $L/barbican-api.log
[database]
connection = sqlite:///$KM/barbican.sqlite
[secretstore]
enabled_secretstore_plugins = store_crypto
[crypto]
enabled_crypto_plugins = simple_crypto
[simple_crypto_plugin]
kek = $(cat "$KM/kek")
[keystone_authtoken]
$(authtoken barbican)
EOF
  # paste's app path is hard-wired to /etc/barbican in barbican.wsgi.api: load ours instead
  write_if_changed "$E/barbican/devcloud_barbican_wsgi.py" <<'PYEOF'
import os
from paste import deploy
application = deploy.loadapp('config:' + os.environ['DEVCLOUD_BARBICAN_PASTE'])
PYEOF
}

# service user, catalog entry, the creator role for demo: with the reference CLI as admin
keymanager_bootstrap() {
  local osc=(env OS_CLIENT_CONFIG_FILE="$D/clouds.yaml" "$OV/bin/openstack" --os-cloud devstack-admin) sid iface
  "${osc[@]}" user show barbican >/dev/null 2>&1 ||
    "${osc[@]}" user create --domain default --password "$PASS" --project service barbican >/dev/null
  "${osc[@]}" role add --user barbican --project service admin
  "${osc[@]}" role add --user barbican --project service service
  "${osc[@]}" role show creator >/dev/null 2>&1 || "${osc[@]}" role create creator >/dev/null
  "${osc[@]}" role add --user demo --user-domain default --project demo --project-domain default creator
  sid=$("${osc[@]}" service list -f value -c ID -c Type | awk '$2 == "key-manager" {print $1}')
  [ -n "$sid" ] || sid=$("${osc[@]}" service create --name barbican --description "Barbican Service" \
    -f value -c id key-manager)
  for iface in public internal admin; do
    [ -n "$("${osc[@]}" endpoint list --service "$sid" --interface "$iface" -f value -c ID)" ] ||
      "${osc[@]}" endpoint create --region RegionOne "$sid" "$iface" "$BARBICAN_URL" >/dev/null
  done
}

keymanager_up() {
  touch "$R/keymanager.enabled"   # status/env report the group from now on (until `down keymanager`)
  if alive barbican-api && [ "$(cat "$KM/.bootstrap" 2>/dev/null)" = "$(keymanager_fingerprint)" ]; then
    wait_http barbican-api "$BARBICAN_URL/" 30
    log "keymanager already running (nothing started)"
    return 0
  fi
  ensure_pinned_venv "$KV" barbican gunicorn "${BARBICAN_PKGS[@]}"
  write_keymanager_configs
  if [ "$(cat "$KM/.bootstrap" 2>/dev/null)" != "$(keymanager_fingerprint)" ]; then
    log "registering barbican in keystone (log: $L/bootstrap-keymanager.log)"
    keymanager_bootstrap >>"$L/bootstrap-keymanager.log" 2>&1 || die "keymanager bootstrap failed; see $L/bootstrap-keymanager.log"
    keymanager_fingerprint >"$KM/.bootstrap"
  fi
  if ! alive barbican-api; then
    port_busy "$BARBICAN_PORT" && die "port $BARBICAN_PORT (barbican-api) is busy but not ours"
    # one sync worker: sqlite (as keystone)
    start_bg barbican-api env HOME="$E/barbican" DEVCLOUD_BARBICAN_PASTE="$E/barbican/barbican-api-paste.ini" \
      "$KV/bin/gunicorn" --bind "$H:$BARBICAN_PORT" --workers 1 --timeout 120 --graceful-timeout 5 \
      --name barbican-api --no-control-socket --access-logfile "$L/barbican-api-access.log" \
      --pythonpath "$E/barbican" devcloud_barbican_wsgi:application
  fi
  wait_http barbican-api "$BARBICAN_URL/" 90
  log "keymanager: barbican $BARBICAN_URL"
}

keymanager_status() {
  if alive barbican-api && [ "$(http_code "$BARBICAN_URL/")" = 300 ]; then
    printf 'ok    %-16s pid %s, %s\n' barbican-api "$(pid_of barbican-api)" "$BARBICAN_URL"
  else
    printf 'FAIL  %-16s not running or not answering (log: %s)\n' barbican-api "$(log_of barbican-api)"
    return 1
  fi
}
