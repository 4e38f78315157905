# shellcheck shell=bash
# devcloud "heat" group, sourced by devcloud/devcloud after lib/compute.sh (whose postgres, rabbitmq,
# psql_q, ks_authtoken, job/compute_wait_jobs it uses; `up heat` brings compute up first).
#
# openstack-heat 27.0.1 (2026.2, the cycle of nova 34 / neutron 29 / cinder 29) in its own venv:
# heat-api (gunicorn through compute's argv shim, :8004, catalog type orchestration) and heat-engine
# (1 worker), database `heat` on compute's PostgreSQL, RPC on compute's RabbitMQ. Identity as devstack:
# service user heat, domain heat + heat_domain_admin (the users of stack servers live there), roles
# heat_stack_owner / heat_stack_user (the member role is enough to run stacks with heat's policy).
# Stacks use the real nova (fake driver), neutron and cinder (fake driver) of the compute group.

HV=$D/venv-heat       # openstack-heat + psycopg2 + gunicorn (no other venv's pins move)
HS=$S/heat            # markers (.db, .bootstrap) + locks
HEAT_VERSION=${HEAT_VERSION:-27.0.1}
HEAT_PKGS=("openstack-heat==$HEAT_VERSION" psycopg2-binary gunicorn python-memcached)
HEAT_PORT=${DEVCLOUD_HEAT_PORT:-8004}
HEAT_URL="http://$H:$HEAT_PORT/v1/%(project_id)s"
HEAT_SERVICES=(heat-api heat-engine)

heat_fingerprint() { { echo "$PASS $KS_URL $HEAT_URL"; cat "$HERE/lib/bootstrap_heat.py"; } | md5sum | cut -d' ' -f1; }

ensure_heat_venv() {
  local py want=${HEAT_PKGS[*]} stamp=$HV/.devcloud-installed
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$HV/bin/heat-engine" ] && return 0
  py=$(pick_python) || die "no usable python3 (with venv+ensurepip) found; set PYTHON="
  log "creating heat venv ($want) from PyPI, ~1-2 min (log: $L/pip-heat.log)"
  rm -rf "$HV"
  "$py" -m venv "$HV" >>"$L/pip-heat.log" 2>&1 || die "venv creation failed; see $L/pip-heat.log"
  "$HV/bin/pip" install -q --upgrade pip >>"$L/pip-heat.log" 2>&1 || true
  "$HV/bin/pip" install "${HEAT_PKGS[@]}" >>"$L/pip-heat.log" 2>&1 || die "pip install (heat) failed; see $L/pip-heat.log"
  echo "$want" >"$stamp"
}

write_heat_configs() {
  mkdir -p "$E/heat" "$HS/locks"
  cmp -s "$HV/etc/heat/api-paste.ini" "$E/heat/api-paste.ini" || cp "$HV/etc/heat/api-paste.ini" "$E/heat/api-paste.ini"
  write_if_changed "$E/heat/heat.conf" <<EOF
[DEFAULT]
debug = false
host = $COMPUTE_HOST
transport_url = rabbit://guest:guest@$H:$RMQ_PORT/
num_engine_workers = 1
region_name_for_services = RegionOne
stack_user_domain_name = heat
stack_domain_admin = heat_domain_admin
stack_domain_admin_password = $PASS
# no heat-api-cfn here: these URLs only end up in servers' user data (the fake driver ignores it);
# unset, heat would look for a cloudformation endpoint in the catalog and fail the server
# stack abandon / adopt are off by default; the CLI offers both
enable_stack_abandon = true
enable_stack_adopt = true
heat_metadata_server_url = http://$H:8000
heat_waitcondition_server_url = http://$H:8000/v1/waitcondition
[database]
connection = postgresql+psycopg2://devcloud:$PASS@$H:$PG_PORT/heat
[paste_deploy]
api_paste_config = $E/heat/api-paste.ini
[oslo_concurrency]
lock_path = $HS/locks
$(ks_authtoken heat)
[trustee]
auth_type = password
auth_url = $KS_URL
username = heat
password = $PASS
user_domain_id = default
[clients_keystone]
auth_uri = $KS_URL
[ec2authtoken]
auth_uri = $KS_URL/v3
EOF
}

heat-db() {
  echo "== $(date -u +%FT%TZ) create database heat; heat-manage db_sync"
  { [ "$(psql_q postgres "SELECT 1 FROM pg_database WHERE datname='heat'")" = 1 ] ||
    psql_q postgres "CREATE DATABASE heat OWNER devcloud"; } &&
    "$HV/bin/heat-manage" --config-file "$E/heat/heat.conf" db_sync && touch "$HS/.db"
}
bootstrap-heat() {
  local fp; fp=$(heat_fingerprint)
  echo "== $(date -u +%FT%TZ) bootstrap_heat.py"
  DEVCLOUD_PASS="$PASS" KS_URL="$KS_URL" HEAT_URL="$HEAT_URL" "$OV/bin/python" "$HERE/lib/bootstrap_heat.py" &&
    echo "$fp" >"$HS/.bootstrap"
}

heat_all_alive() { alive heat-api && alive heat-engine; }
heat_markers_ok() { [ -f "$HS/.db" ] && [ "$(cat "$HS/.bootstrap" 2>/dev/null)" = "$(heat_fingerprint)" ]; }

# until heat-engine registered (after SINCE, UTC): before that a stack create answers 500
# "No heat-engine is running" or waits on RPC
wait_heat_engine() { # since
  local end=$((SECONDS + 180)) n
  while :; do
    n=$(psql_q heat "SELECT count(*) FROM service WHERE \"binary\"='heat-engine' AND deleted_at IS NULL AND COALESCE(updated_at, created_at) >= '$1'")
    [ "${n:-0}" -gt 0 ] && return 0
    alive heat-engine || die "heat-engine exited; see $L/heat-engine.log"
    [ $SECONDS -lt "$end" ] || die "heat-engine did not register within 180s; see $L/heat-engine.log"
    sleep 1
  done
}

heat_conf_fingerprint() { md5sum <"$E/heat/heat.conf" | cut -d' ' -f1; }

heat_up() {
  mkdir -p "$HS"
  touch "$R/heat.enabled"   # status/env report heat from now on (until `down heat`)
  if heat_all_alive && [ -f "$HV/.devcloud-installed" ]; then
    write_heat_configs
    if [ "$(cat "$HS/.started" 2>/dev/null)" != "$(heat_conf_fingerprint)" ]; then
      log "heat.conf changed: restarting heat-api and heat-engine"
      stop_services "${HEAT_SERVICES[@]}"
    fi
  fi
  if heat_all_alive && heat_markers_ok && [ -f "$HV/.devcloud-installed" ]; then
    wait_http heat-api "http://$H:$HEAT_PORT/" 30
    log "heat already running (nothing started)"
    return 0
  fi
  local t0=$SECONDS since
  ensure_heat_venv
  write_heat_configs
  [ -f "$HS/.db" ] || job heat-db
  [ "$(cat "$HS/.bootstrap" 2>/dev/null)" = "$(heat_fingerprint)" ] || job bootstrap-heat
  compute_wait_jobs
  if ! alive heat-api; then
    port_busy "$HEAT_PORT" && die "port $HEAT_PORT (heat-api) is busy but not ours"
    # heat's wsgi module reads its config from sys.argv: the shim puts --config-file there
    start_bg heat-api env DEVCLOUD_WSGI_APP=heat.wsgi.api:application \
      DEVCLOUD_WSGI_ARGS="--config-file $E/heat/heat.conf" \
      "$HV/bin/gunicorn" --bind "$H:$HEAT_PORT" --workers 1 --threads 8 --timeout 300 --graceful-timeout 5 \
      --name heat-api --no-control-socket --access-logfile "$L/heat-api-access.log" --pythonpath "$E/wsgi" \
      devcloud_wsgi_shim:application
  fi
  since=$(date -u '+%F %T')
  if alive heat-engine; then since='1970-01-01'; fi
  alive heat-engine || start_bg heat-engine "$HV/bin/heat-engine" --config-file "$E/heat/heat.conf"
  heat_conf_fingerprint >"$HS/.started"
  wait_http heat-api "http://$H:$HEAT_PORT/" 180
  wait_heat_engine "$since"
  log "heat up ($((SECONDS - t0))s)"
}

heat_status() { # prints ok/FAIL lines; returns 1 on any failure
  local s fail=0
  for s in "${HEAT_SERVICES[@]}"; do
    if alive "$s"; then
      printf 'ok    %-16s pid %s\n' "$s" "$(pid_of "$s")"
    else
      printf 'FAIL  %-16s not running (log: %s)\n' "$s" "$(log_of "$s")"; fail=1
    fi
  done
  local code
  code=$(http_code "http://$H:$HEAT_PORT/")
  case $code in 2?? | 3?? | 401) echo "ok    heat-api HTTP    $code" ;; *) echo "FAIL  heat-api HTTP    $code"; fail=1 ;; esac
  return $fail
}
