# shellcheck shell=bash
# devcloud "compute" group, sourced by devcloud/devcloud (which defines D, E, S, L, R, H, PASS, KS_URL,
# GL_URL, MC_PORT, log/die/alive/start_bg/wait_http/port_busy/write_if_changed/authtoken/pick_python).
#
# placement 16.0.0, nova 34.0.0 (fake.FakeDriverWithoutFakeNodes), neutron 29.0.0 (ML2, agentless
# 'devcloud' mechanism driver), cinder 29.0.0 (FakeLoggingVolumeDriver, backups: posix) in their own venv; their
# databases on a private PostgreSQL, RPC on a private RabbitMQ. They use the core keystone (:5000),
# memcached and glance (:9292), so every devstack* cloud sees one catalog.
# Recipe and pitfalls: /work/shared/devcloud/compute/NOTES.md (verified there with a separate keystone).

CV=$D/venv-compute   # nova + neutron + cinder + placement + psycopg2 + gunicorn (core's venv stays untouched)
C=$S/compute         # pg/ rabbit/ nova/ neutron/ cinder/ locks/ + step markers (.db-*, .bootstrap, .seeded)
NOVA_VERSION=${NOVA_VERSION:-34.0.0}; NEUTRON_VERSION=${NEUTRON_VERSION:-29.0.0}
CINDER_VERSION=${CINDER_VERSION:-29.0.0}; PLACEMENT_VERSION=${PLACEMENT_VERSION:-16.0.0}
COMPUTE_PKGS=("nova==$NOVA_VERSION" "neutron==$NEUTRON_VERSION" "cinder==$CINDER_VERSION"
  "openstack-placement==$PLACEMENT_VERSION" psycopg2-binary gunicorn python-memcached)
NOVA_PORT=${DEVCLOUD_NOVA_PORT:-8774}; PL_PORT=${DEVCLOUD_PLACEMENT_PORT:-8778}
NEUTRON_PORT=${DEVCLOUD_NEUTRON_PORT:-9696}; CINDER_PORT=${DEVCLOUD_CINDER_PORT:-8776}
PG_PORT=${DEVCLOUD_PG_PORT:-5433}; RMQ_PORT=${DEVCLOUD_RMQ_PORT:-5673}
EPMD_PORT=${DEVCLOUD_EPMD_PORT:-4371}; RMQ_DIST_PORT=${DEVCLOUD_RMQ_DIST_PORT:-25673}
NOVA_URL=http://$H:$NOVA_PORT/v2.1; PL_URL=http://$H:$PL_PORT
NEUTRON_URL=http://$H:$NEUTRON_PORT; CINDER_URL="http://$H:$CINDER_PORT/v3/%(project_id)s"
COMPUTE_HOST=devcloud   # nova and cinder service host name
# start order (down stops them all at once, then waits)
COMPUTE_SERVICES=(postgres epmd rabbitmq placement neutron-api nova-api nova-conductor nova-scheduler
  nova-compute cinder-api cinder-scheduler cinder-volume cinder-backup)
COMPUTE_APIS=("placement:$PL_PORT" "neutron-api:$NEUTRON_PORT" "nova-api:$NOVA_PORT" "cinder-api:$CINDER_PORT")

pg_bin() { local d; d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1); [ -x "$d/postgres" ] && echo "$d"; }
PSQL=(psql -h "$H" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
psql_q() { "${PSQL[@]}" -d "$1" -c "$2" 2>>"$L/postgres-client.log"; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi; }

wait_port() { # name port seconds: a TCP accept (rabbitmq speaks no HTTP)
  local end=$((SECONDS + $3))
  until port_busy "$2"; do
    alive "$1" || die "$1 exited while starting; see $(log_of "$1")"
    [ $SECONDS -lt "$end" ] || die "$1 did not listen on $H:$2 within ${3}s; see $(log_of "$1")"
    sleep 0.5
  done
}

compute_fingerprint() { # what the identity part depends on
  { echo "$PASS $KS_URL $NOVA_URL $PL_URL $NEUTRON_URL $CINDER_URL"; cat "$HERE/lib/bootstrap_compute.py"; } | md5sum | cut -d' ' -f1
}
seed_fingerprint() { { echo "$PASS $GL_URL"; cat "$HERE/lib/seed_compute.py"; } | md5sum | cut -d' ' -f1; }

# ------------------------------------------------------------------ installs
ensure_compute_apt() {
  local need=()
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && command -v epmd >/dev/null || need+=(rabbitmq-server)
  pg_bin >/dev/null && command -v psql >/dev/null || need+=(postgresql)
  command -v setpriv >/dev/null || need+=(util-linux)
  [ ${#need[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
  log "apt-get install ${need[*]} (log: $L/apt.log)"
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 update -q >>"$L/apt.log" 2>&1 ||
    die "apt-get update failed; see $L/apt.log"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
    --no-install-recommends "${need[@]}" >>"$L/apt.log" 2>&1 || die "apt-get install failed; see $L/apt.log"
}

ensure_compute_venv() {
  local py want=${COMPUTE_PKGS[*]} stamp=$CV/.devcloud-installed
  if ! [ -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! [ -x "$CV/bin/nova-compute" ]; then
    py=$(pick_python) || die "no usable python3 (with venv+ensurepip) found; set PYTHON="
    log "creating compute venv ($want) from PyPI, ~1.5-3 min (log: $L/pip-compute.log)"
    rm -rf "$CV"
    "$py" -m venv "$CV" >>"$L/pip-compute.log" 2>&1 || die "venv creation failed; see $L/pip-compute.log"
    "$CV/bin/pip" install -q --upgrade pip >>"$L/pip-compute.log" 2>&1 || true
    "$CV/bin/pip" install "${COMPUTE_PKGS[@]}" >>"$L/pip-compute.log" 2>&1 ||
      die "pip install (compute) failed; see $L/pip-compute.log"
    echo "$want" >"$stamp"
  fi
  local sp
  sp=$("$CV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') || die "broken venv $CV"
  CV_PURELIB=$sp
  # neutron 29.0.0 migration d553edeb540f runs MySQL-only DDL unguarded ("ALTER TABLE tags CONVERT TO
  # CHARACTER SET utf8mb4"): `neutron-db-manage upgrade heads` aborts on PostgreSQL. Make it a no-op there.
  "$CV/bin/python" - "$sp" <<'PYEOF' || die "patching neutron migration d553edeb540f failed"
import glob, sys
for p in glob.glob(sys.argv[1] + '/neutron/db/migration/alembic_migrations/versions/*/expand/d553edeb540f_*.py'):
    s = open(p).read()
    if 'devcloud' not in s and "def upgrade():\n    try:" in s:
        s = s.replace("def upgrade():\n    try:", "def upgrade():\n    if op.get_bind().dialect.name != 'mysql':  # devcloud: MySQL-only DDL\n        return\n    try:", 1)
        open(p, 'w').write(s)
PYEOF
  # Agentless ML2 mechanism driver 'devcloud': binds every port on any host (vif_type ovs, ACTIVE).
  # neutron's unit-test 'test' driver asserts inside bind_port -> PortBindingFailed on every boot.
  write_if_changed "$sp/devcloud_ml2.py" <<'PYEOF'
from neutron.services.qos.drivers.openvswitch import driver as ovs_qos
from neutron.services.trunk.drivers import base as trunk_base
from neutron_lib.api.definitions import portbindings
from neutron_lib import constants
from neutron_lib.plugins.ml2 import api
from neutron_lib.services.qos import base as qos_base


class DevcloudTrunkDriver(trunk_base.DriverBase):
    @property
    def is_loaded(self):
        return True


class DevcloudMechanismDriver(api.MechanismDriver):
    def initialize(self):
        # agentless QoS and trunk drivers (they register on the plugins' AFTER_INIT): without one
        # the trunk plugin refuses to load and the qos plugin supports no rule type
        self.qos_driver = qos_base.DriverBase(
            'devcloud', [portbindings.VIF_TYPE_OVS],
            [portbindings.VNIC_NORMAL, portbindings.VNIC_DIRECT], ovs_qos.SUPPORTED_RULES)
        self.trunk_driver = DevcloudTrunkDriver(
            'devcloud', [portbindings.VIF_TYPE_OVS], ('vlan',), can_trunk_bound_port=True)

    @property
    def connectivity(self):
        return portbindings.CONNECTIVITY_L2

    def bind_port(self, context):
        for seg in context.segments_to_bind:
            context.set_binding(seg[api.ID], portbindings.VIF_TYPE_OVS,
                                {portbindings.CAP_PORT_FILTER: True},
                                status=constants.PORT_STATUS_ACTIVE)
            return
PYEOF
  mkdir -p "$sp/devcloud_ml2-1.0.dist-info"
  printf 'Metadata-Version: 2.1\nName: devcloud-ml2\nVersion: 1.0\n' | write_if_changed "$sp/devcloud_ml2-1.0.dist-info/METADATA"
  printf '[neutron.ml2.mechanism_drivers]\ndevcloud = devcloud_ml2:DevcloudMechanismDriver\n' |
    write_if_changed "$sp/devcloud_ml2-1.0.dist-info/entry_points.txt"
}

# ------------------------------------------------------------------ config files
svcauth() { # user: keystoneauth options for service-to-service calls
  cat <<EOF
auth_url = $KS_URL
auth_type = password
username = $1
password = $PASS
project_name = service
user_domain_id = default
project_domain_id = default
region_name = RegionOne
EOF
}
ks_authtoken() { printf '[keystone_authtoken]\n'; authtoken "$1"; echo "service_token_roles_required = true"; }

write_compute_configs() {
  mkdir -p "$E/wsgi" "$E/placement" "$E/nova" "$E/neutron/plugins/ml2" "$E/cinder" \
    "$C/nova/instances" "$C/neutron" "$C/cinder" "$C/locks" "$C/rabbit"
  local f
  for f in nova/api-paste.ini neutron/api-paste.ini cinder/api-paste.ini cinder/resource_filters.json; do
    cmp -s "$CV/etc/$f" "$E/$f" || cp "$CV/etc/$f" "$E/$f"
  done
  # generic shim: empties sys.argv (oslo.config would parse gunicorn's argv), optionally puts
  # DEVCLOUD_WSGI_ARGS there instead (cinder reads --config-file only from argv), imports DEVCLOUD_WSGI_APP
  write_if_changed "$E/wsgi/devcloud_wsgi_shim.py" <<'PYEOF'
import importlib, os, shlex, sys
sys.argv = sys.argv[:1] + shlex.split(os.environ.get('DEVCLOUD_WSGI_ARGS', ''))
_mod, _attr = os.environ['DEVCLOUD_WSGI_APP'].split(':')
application = getattr(importlib.import_module(_mod), _attr)
PYEOF
  local db="postgresql+psycopg2://devcloud:$PASS@$H:$PG_PORT" rmq="rabbit://guest:guest@$H:$RMQ_PORT/"
  write_if_changed "$E/placement/placement.conf" <<EOF
[DEFAULT]
debug = false
[api]
auth_strategy = keystone
[placement_database]
connection = $db/placement
$(ks_authtoken placement)
EOF
  write_if_changed "$E/neutron/neutron.conf" <<EOF
[DEFAULT]
debug = false
bind_host = $H
core_plugin = ml2
# agentless service plugins (their agent-side parts, e.g. metering or port forwarding, do nothing here)
service_plugins = router,qos,trunk,metering,network_segment_range,port_forwarding,conntrack_helper,ndp_proxy,local_ip,auto_allocate
auth_strategy = keystone
transport_url = $rmq
allow_overlapping_ips = true
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
dhcp_agent_notification = false
state_path = $C/neutron
api_paste_config = $E/neutron/api-paste.ini
[database]
connection = $db/neutron
[oslo_concurrency]
lock_path = $C/locks/neutron
$(ks_authtoken neutron)
[nova]
$(svcauth nova)
EOF
  write_if_changed "$E/neutron/plugins/ml2/ml2_conf.ini" <<EOF
[ml2]
# geneve: OSC's segment range tests create geneve ranges (a type driver needs no agent)
type_drivers = flat,vlan,vxlan,geneve
tenant_network_types = vxlan
# devcloud_ml2.DevcloudMechanismDriver (written into the venv by devcloud): binds every port, no agent
mechanism_drivers = devcloud
extension_drivers = port_security,qos
[ml2_type_flat]
flat_networks = public
[ml2_type_vlan]
network_vlan_ranges = public
[ml2_type_vxlan]
vni_ranges = 1:1000
[ml2_type_geneve]
vni_ranges = 1:1000
EOF
  write_if_changed "$E/nova/nova.conf" <<EOF
[DEFAULT]
debug = false
host = $COMPUTE_HOST
# a real restart-safe identity in state_path/compute_id (SmallFakeDriver/FakeDriver are not)
compute_driver = fake.FakeDriverWithoutFakeNodes
transport_url = $rmq
my_ip = $H
state_path = $C/nova
instances_path = $C/nova/instances
allow_resize_to_same_host = true
graceful_shutdown_timeout = 5
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = $E/nova/api-paste.ini
[api_database]
connection = $db/nova_api
[database]
connection = $db/nova_cell1
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 10
[oslo_concurrency]
lock_path = $C/locks/nova
[vnc]
enabled = false
[spice]
enabled = false
[serial_console]
enabled = false
$(ks_authtoken nova)
[service_user]
send_service_user_token = true
$(svcauth nova)
[placement]
$(svcauth placement)
[neutron]
$(svcauth neutron)
[glance]
region_name = RegionOne
[cinder]
os_region_name = RegionOne
EOF
  # read only by cinder-backup (second --config-file): cinder-api/volume/scheduler never see it
  write_if_changed "$E/cinder/cinder-backup.conf" <<EOF
[DEFAULT]
backup_driver = cinder.backup.drivers.posix.PosixBackupDriver
backup_posix_path = $C/cinder/backups
EOF
  write_cinder_backup_shim
  write_if_changed "$E/cinder/cinder.conf" <<EOF
[DEFAULT]
debug = false
host = $COMPUTE_HOST
my_ip = $H
transport_url = $rmq
auth_strategy = keystone
api_paste_config = $E/cinder/api-paste.ini
# without it every ?name= lookup is 400 "Invalid filters name are found in query options"
resource_query_filters_file = $E/cinder/resource_filters.json
state_path = $C/cinder
enabled_backends = fake
default_volume_type = __DEFAULT__
glance_api_servers = $GL_URL
graceful_shutdown_timeout = 5
[database]
connection = $db/cinder
[oslo_concurrency]
lock_path = $C/locks/cinder
$(ks_authtoken cinder)
[nova]
$(svcauth cinder)
[fake]
volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver
volume_backend_name = fake
EOF
  printf '[].\n' | write_if_changed "$C/rabbit/enabled_plugins"
  printf 'listeners.tcp.default = %s:%s\n' "$H" "$RMQ_PORT" | write_if_changed "$C/rabbit/rabbitmq.conf"
}

# cinder-backup reads and writes a volume through the connection its volume driver returns;
# FakeLoggingVolumeDriver returns a target-less iscsi one (no storage behind it), so os-brick can never
# attach it. This starter runs the stock cinder-backup with two methods of its manager replaced: a
# volume (or snapshot) is "attached" as a small regular file under $C/cinder/devices (created on first
# use, restored into on restore), through os-brick's LocalConnector. The volume service is still asked
# for initialize/terminate_connection, so the RPC flow is the real one; only the data path is local.
write_cinder_backup_shim() {
  mkdir -p "$C/cinder/devices" "$C/cinder/backups"
  write_if_changed "$E/cinder/devcloud_cinder_backup.py" <<'PYEOF'
import os
import sys

from cinder.cmd import backup as cmd  # eventlet monkey-patching happens at its import: keep it first
from cinder import objects

objects.register_all()  # cinder.backup.manager's annotations need the registered objects

from cinder.backup import manager  # noqa: E402
from cinder.volume import volume_utils  # noqa: E402
from os_brick.initiator.connectors.local import LocalConnector  # noqa: E402

DEVICES = os.environ['DEVCLOUD_CINDER_DEVICES']


def _device(name, src=None):
    path = os.path.join(DEVICES, name)
    if not os.path.exists(path):
        data = None
        if src and os.path.exists(os.path.join(DEVICES, src)):
            with open(os.path.join(DEVICES, src), 'rb') as f:
                data = f.read()
        if data is None:  # 64 KiB that name their volume: a backup has something to carry
            data = ('devcloud fake device %s\n' % name).encode().ljust(65536, b'\0')
        with open(path + '.tmp', 'wb') as f:
            f.write(data)
        os.rename(path + '.tmp', path)
    conn = {'driver_volume_type': 'local', 'data': {'device_path': path}}
    connector = LocalConnector(None)
    return {'conn': conn, 'device': connector.connect_volume(conn['data']), 'connector': connector}


def _attach_volume(self, context, volume, properties):
    self.volume_rpcapi.initialize_connection(context, volume, properties)
    return _device('volume-' + volume.id)


def _attach_snapshot(self, context, snapshot, properties):
    self.volume_rpcapi.initialize_connection_snapshot(context, snapshot, properties)
    return _device('snapshot-' + snapshot.id, 'volume-' + snapshot.volume_id)


def _connector_properties(*args, **kwargs):
    # os-brick would probe iscsi/nvme/... through rootwrap; nothing here is attached for real. The
    # (LVM-derived) fake volume driver's validate_connector insists on an iSCSI initiator name.
    return {'platform': 'x86_64', 'os_type': 'linux', 'ip': manager.CONF.my_ip,
            'host': manager.CONF.host, 'multipath': False,
            'initiator': 'iqn.1993-08.org.debian:01:devcloud-backup'}


manager.BackupManager._attach_volume = _attach_volume
manager.BackupManager._attach_snapshot = _attach_snapshot
volume_utils.brick_get_connector_properties = _connector_properties
sys.exit(cmd.main())
PYEOF
}

# ------------------------------------------------------------------ postgres + rabbitmq
start_postgres() {
  local pgbin
  alive postgres && return 0
  pgbin=$(pg_bin) || die "no /usr/lib/postgresql/*/bin/postgres (apt package postgresql)"
  port_busy "$PG_PORT" && die "port $PG_PORT (postgres) is busy but not ours (no live pid in $R/postgres.pid)"
  if ! [ -f "$C/pg/data/PG_VERSION" ]; then
    rm -rf "$C/pg"; mkdir -p "$C/pg"; chmod 700 "$C/pg"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$C/pg"
    log "postgres initdb (log: $L/postgres-initdb.log)"
    as_postgres "$pgbin/initdb" -D "$C/pg/data" -U postgres --auth=trust -E UTF8 >>"$L/postgres-initdb.log" 2>&1 ||
      die "initdb failed; see $L/postgres-initdb.log"
  fi
  rm -f "$C/pg/data/postmaster.pid"   # stale after a KILL; the port check above says nobody runs on it
  if [ "$(id -u)" -eq 0 ]; then
    start_bg postgres setpriv --reuid=postgres --regid=postgres --init-groups -- "$pgbin/postgres" -D "$C/pg/data" \
      -c listen_addresses="$H" -p "$PG_PORT" -c unix_socket_directories= -c max_connections=300 \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off
  else
    start_bg postgres "$pgbin/postgres" -D "$C/pg/data" -c listen_addresses="$H" -p "$PG_PORT" \
      -c unix_socket_directories= -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off
  fi
}

wait_postgres() {
  local end=$((SECONDS + 60))
  until "$(pg_bin)/pg_isready" -q -h "$H" -p "$PG_PORT"; do
    alive postgres || die "postgres exited while starting; see $L/postgres.log"
    [ $SECONDS -lt "$end" ] || die "postgres not ready on $H:$PG_PORT within 60s; see $L/postgres.log"
    sleep 0.3
  done
  [ -f "$C/.dbs-created" ] && return 0
  psql_q postgres "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='devcloud') THEN CREATE ROLE devcloud LOGIN PASSWORD '$PASS'; END IF; END\$\$;" ||
    die "creating postgres role failed; see $L/postgres-client.log"
  local db
  for db in placement neutron nova_api nova_cell0 nova_cell1 cinder; do
    [ "$(psql_q postgres "SELECT 1 FROM pg_database WHERE datname='$db'")" = 1 ] ||
      psql_q postgres "CREATE DATABASE $db OWNER devcloud" || die "CREATE DATABASE $db failed; see $L/postgres-client.log"
  done
  touch "$C/.dbs-created"
}

rmq_env() {
  echo HOME="$C/rabbit" RABBITMQ_NODENAME="devcloud$RMQ_PORT@localhost" RABBITMQ_NODE_IP_ADDRESS="$H" \
    RABBITMQ_NODE_PORT="$RMQ_PORT" RABBITMQ_DIST_PORT="$RMQ_DIST_PORT" ERL_EPMD_PORT="$EPMD_PORT" \
    ERL_EPMD_ADDRESS="$H" RABBITMQ_MNESIA_BASE="$C/rabbit/mnesia" RABBITMQ_LOG_BASE="$C/rabbit/log" \
    RABBITMQ_CONFIG_FILE="$C/rabbit/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$C/rabbit/enabled_plugins"
}

start_rabbitmq() {
  local env_args
  read -r -a env_args <<<"$(rmq_env)"
  # our own epmd on its own port: otherwise the broker daemonizes one we could not track
  if ! alive epmd; then
    port_busy "$EPMD_PORT" && die "port $EPMD_PORT (epmd) is busy but not ours"
    start_bg epmd env "${env_args[@]}" epmd -address "$H" -port "$EPMD_PORT"
  fi
  if ! alive rabbitmq; then
    port_busy "$RMQ_PORT" && die "port $RMQ_PORT (rabbitmq) is busy but not ours"
    # the wrapper script traps TERM and stops its beam.smp, so its pid is the one to record
    (cd "$C/rabbit" && start_bg rabbitmq env "${env_args[@]}" \
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
      /usr/lib/rabbitmq/bin/rabbitmq-server) || exit 1
  fi
}

# ------------------------------------------------------------------ one-time steps (markers in $C)
# each runs in the background, writing its own log; compute_wait_jobs collects them
JOBS=(); JOB_NAMES=()
job() { # name cmd... (output to $L/name.log)
  "$@" >>"$L/$1.log" 2>&1 &
  JOBS+=($!); JOB_NAMES+=("$1")
}
compute_wait_jobs() {
  local i rc=0
  for i in "${!JOBS[@]}"; do
    if ! wait "${JOBS[$i]}"; then
      log "ERROR: ${JOB_NAMES[$i]} failed; see $L/${JOB_NAMES[$i]}.log"; rc=1
    fi
  done
  JOBS=(); JOB_NAMES=()
  [ $rc -eq 0 ] || die "one-time setup failed (logs above)"
}
# functions named like their log ($L/NAME.log); each shows what it does, then touches its marker
placement-db() {
  echo "== $(date -u +%FT%TZ) placement-manage db sync"
  "$CV/bin/placement-manage" --config-file "$E/placement/placement.conf" db sync && touch "$C/.db-placement"
}
neutron-db() {
  echo "== $(date -u +%FT%TZ) neutron-db-manage upgrade heads"
  "$CV/bin/neutron-db-manage" --config-file "$E/neutron/neutron.conf" \
    --config-file "$E/neutron/plugins/ml2/ml2_conf.ini" upgrade heads && touch "$C/.db-neutron"
}
nova-db() {
  local nm=("$CV/bin/nova-manage" --config-file "$E/nova/nova.conf") db="postgresql+psycopg2://devcloud:$PASS@$H:$PG_PORT"
  echo "== $(date -u +%FT%TZ) nova-manage api_db sync, cell0, cell1, db sync"
  "${nm[@]}" api_db sync &&
    "${nm[@]}" cell_v2 map_cell0 --database_connection "$db/nova_cell0" &&
    { "${nm[@]}" cell_v2 list_cells 2>/dev/null | grep -q ' cell1 ' ||
      "${nm[@]}" cell_v2 create_cell --name cell1 --database_connection "$db/nova_cell1" \
        --transport-url "rabbit://guest:guest@$H:$RMQ_PORT/"; } &&
    "${nm[@]}" db sync && touch "$C/.db-nova"
}
cinder-db() {
  echo "== $(date -u +%FT%TZ) cinder-manage db sync"
  "$CV/bin/cinder-manage" --config-file "$E/cinder/cinder.conf" db sync && touch "$C/.db-cinder"
}
bootstrap-compute() { # service users + catalog in the core keystone (nova services exit on 401 without them)
  local fp; fp=$(compute_fingerprint)
  echo "== $(date -u +%FT%TZ) bootstrap_compute.py"
  DEVCLOUD_PASS="$PASS" KS_URL="$KS_URL" NOVA_URL="$NOVA_URL" PL_URL="$PL_URL" NEUTRON_URL="$NEUTRON_URL" \
    CINDER_URL="$CINDER_URL" "$OV/bin/python" "$HERE/lib/bootstrap_compute.py" && echo "$fp" >"$C/.bootstrap"
}
seed-compute() { # flavors, images, networks, unlimited quotas (needs the APIs, not the hypervisor)
  local fp; fp=$(seed_fingerprint)
  echo "== $(date -u +%FT%TZ) seed_compute.py"
  OS_CLIENT_CONFIG_FILE="$D/clouds.yaml" DEVCLOUD_DIR="$D" "$OV/bin/python" "$HERE/lib/seed_compute.py" &&
    echo "$fp" >"$C/.seeded"
}

# ------------------------------------------------------------------ services
compute_wsgi() { # name port module:app "oslo args" env...
  # --limit-request-line 0: nova asks neutron for the ports of up to 150 servers in one query
  # string (~7 KB); gunicorn's default 4094-byte request line answers "URI Too Long" to that
  local name=$1 port=$2 app=$3 args=$4; shift 4
  alive "$name" && return 0
  port_busy "$port" && die "port $port ($name) is busy but not ours"
  start_bg "$name" env "$@" DEVCLOUD_WSGI_APP="$app" DEVCLOUD_WSGI_ARGS="$args" \
    "$CV/bin/gunicorn" --bind "$H:$port" --workers 1 --threads 8 --timeout 300 --graceful-timeout 5 \
    --limit-request-line 0 --name "$name" --no-control-socket --access-logfile "$L/$name-access.log" --pythonpath "$E/wsgi" \
    devcloud_wsgi_shim:application
}

compute_all_alive() {
  local s
  for s in "${COMPUTE_SERVICES[@]}"; do alive "$s" || return 1; done
}

compute_markers_ok() {
  [ -f "$C/.db-placement" ] && [ -f "$C/.db-neutron" ] && [ -f "$C/.db-nova" ] && [ -f "$C/.db-cinder" ] &&
    [ "$(cat "$C/.bootstrap" 2>/dev/null)" = "$(compute_fingerprint)" ] &&
    [ "$(cat "$C/.seeded" 2>/dev/null)" = "$(seed_fingerprint)" ]
}

# until nova-compute reported (after SINCE, UTC), its node has inventory in placement and a cell host
# mapping, and cinder-volume reported; cinder-backup reported after BACKUP_SINCE: then a boot, a volume
# create and a backup can be scheduled
wait_compute_ready() { # since backup_since
  local since=$1 bsince=$2 end=$((SECONDS + 240)) svc node inv map vol bak next_discover=$((SECONDS + 8)) s
  while :; do
    svc=$(psql_q nova_cell1 "SELECT count(*) FROM services WHERE host='$COMPUTE_HOST' AND \"binary\"='nova-compute' AND deleted=0 AND COALESCE(updated_at, created_at) >= '$since'")
    node=$(psql_q nova_cell1 "SELECT count(*) FROM compute_nodes WHERE host='$COMPUTE_HOST' AND deleted=0")
    inv=$(psql_q placement "SELECT count(*) FROM inventories")
    map=$(psql_q nova_api "SELECT count(*) FROM host_mappings WHERE host='$COMPUTE_HOST'")
    vol=$(psql_q cinder "SELECT count(*) FROM services WHERE \"binary\"='cinder-volume' AND NOT deleted AND COALESCE(updated_at, created_at) >= '$since'")
    bak=$(psql_q cinder "SELECT count(*) FROM services WHERE \"binary\"='cinder-backup' AND NOT deleted AND COALESCE(updated_at, created_at) >= '$bsince'")
    if [ "${svc:-0}" -gt 0 ] && [ "${node:-0}" -gt 0 ] && [ "${inv:-0}" -gt 0 ] && [ "${map:-0}" -gt 0 ] && [ "${vol:-0}" -gt 0 ] &&
      [ "${bak:-0}" -gt 0 ]; then
      return 0
    fi
    for s in nova-conductor nova-scheduler nova-compute cinder-scheduler cinder-volume cinder-backup; do
      alive "$s" || die "$s exited; see $(log_of "$s")"
    done
    [ $SECONDS -lt "$end" ] || die "compute not ready within 240s (nova-compute reported=${svc:-?} node=${node:-?} inventory=${inv:-?} host-mapped=${map:-?} cinder-volume=${vol:-?} cinder-backup=${bak:-?}); see $L/nova-compute.log $L/cinder-volume.log $L/cinder-backup.log"
    # the scheduler maps new hosts every 10 s too; a direct discover saves up to 10 s on a cold start
    if [ "${node:-0}" -gt 0 ] && [ "${map:-0}" -eq 0 ] && [ $SECONDS -ge $next_discover ]; then
      "$CV/bin/nova-manage" --config-file "$E/nova/nova.conf" cell_v2 discover_hosts >>"$L/nova-manage.log" 2>&1 || true
      next_discover=$((SECONDS + 15))
    fi
    sleep 1
  done
}

compute_wait_apis() { # seconds
  local a
  for a in "${COMPUTE_APIS[@]}"; do wait_http "${a%%:*}" "http://$H:${a##*:}/" "$1"; done
}

neutron_fingerprint() { # what neutron-api loads at start: its configs and the devcloud ML2 driver
  cat "$E/neutron/neutron.conf" "$E/neutron/plugins/ml2/ml2_conf.ini" "$CV_PURELIB/devcloud_ml2.py" | md5sum | cut -d' ' -f1
}

compute_up() {
  mkdir -p "$C"
  touch "$R/compute.enabled"   # status/env report compute from now on (until `down compute`)
  if [ -f "$CV/.devcloud-installed" ] && alive neutron-api; then
    # a changed neutron config (service plugins, ML2 driver) restarts neutron-api alone, below
    ensure_compute_venv
    write_compute_configs
    if [ "$(cat "$C/.neutron-started" 2>/dev/null)" != "$(neutron_fingerprint)" ]; then
      log "neutron config changed: restarting neutron-api"
      stop_services neutron-api
    fi
  fi
  if compute_all_alive && compute_markers_ok && [ -f "$CV/.devcloud-installed" ]; then
    compute_wait_apis 30
    log "compute already running (nothing started)"
    return 0
  fi
  local t0=$SECONDS since
  ensure_compute_apt
  ensure_compute_venv
  write_compute_configs
  start_postgres
  start_rabbitmq
  wait_postgres
  [ -f "$C/.db-placement" ] || job placement-db
  [ -f "$C/.db-neutron" ] || job neutron-db
  [ -f "$C/.db-nova" ] || job nova-db
  [ -f "$C/.db-cinder" ] || job cinder-db
  [ "$(cat "$C/.bootstrap" 2>/dev/null)" = "$(compute_fingerprint)" ] || job bootstrap-compute
  [ ${#JOBS[@]} -eq 0 ] || log "one-time setup: ${JOB_NAMES[*]} (logs: $L/<name>.log)"
  compute_wait_jobs

  compute_wsgi placement "$PL_PORT" placement.wsgi.api:application "" OS_PLACEMENT_CONFIG_DIR="$E/placement"
  if ! alive neutron-api; then
    compute_wsgi neutron-api "$NEUTRON_PORT" neutron.wsgi.api:application "" OS_NEUTRON_CONFIG_DIR="$E/neutron" \
      "OS_NEUTRON_CONFIG_FILES=neutron.conf;plugins/ml2/ml2_conf.ini"
    neutron_fingerprint >"$C/.neutron-started"
  fi
  compute_wsgi nova-api "$NOVA_PORT" nova.wsgi.osapi_compute:application "" OS_NOVA_CONFIG_DIR="$E/nova" \
    "OS_NOVA_CONFIG_FILES=api-paste.ini;nova.conf"   # nova loads paste from the first file
  compute_wsgi cinder-api "$CINDER_PORT" cinder.wsgi.api:application "--config-file $E/cinder/cinder.conf"
  # the RPC services only once the broker listens (~10 s, overlapping the API imports): started
  # earlier they work too, but fill their logs with "AMQP server ... unreachable" ERRORs
  wait_port rabbitmq "$RMQ_PORT" 120
  local nc=(--config-file "$E/nova/nova.conf") cc=(--config-file "$E/cinder/cinder.conf") bsince
  since=$(date -u '+%F %T') bsince=$(date -u '+%F %T')
  if alive nova-compute && alive cinder-volume; then since='1970-01-01'; fi
  if alive cinder-backup; then bsince='1970-01-01'; fi
  alive nova-conductor || start_bg nova-conductor "$CV/bin/nova-conductor" "${nc[@]}"
  alive nova-scheduler || start_bg nova-scheduler "$CV/bin/nova-scheduler" "${nc[@]}"
  alive nova-compute || start_bg nova-compute "$CV/bin/nova-compute" "${nc[@]}"
  alive cinder-scheduler || start_bg cinder-scheduler "$CV/bin/cinder-scheduler" "${cc[@]}"
  alive cinder-volume || start_bg cinder-volume "$CV/bin/cinder-volume" "${cc[@]}"
  alive cinder-backup || start_bg cinder-backup env DEVCLOUD_CINDER_DEVICES="$C/cinder/devices" \
    "$CV/bin/python" "$E/cinder/devcloud_cinder_backup.py" "${cc[@]}" --config-file "$E/cinder/cinder-backup.conf"

  compute_wait_apis 180
  log "compute APIs answer ($((SECONDS - t0))s); waiting for the hypervisor and the volume service"
  [ "$(cat "$C/.seeded" 2>/dev/null)" = "$(seed_fingerprint)" ] || job seed-compute
  wait_compute_ready "$since" "$bsince"
  compute_wait_jobs
}

compute_status() { # prints ok/FAIL lines; returns 1 on any failure
  local s fail=0
  for s in "${COMPUTE_SERVICES[@]}"; do
    if alive "$s"; then
      printf 'ok    %-16s pid %s\n' "$s" "$(pid_of "$s")"
    else
      printf 'FAIL  %-16s not running (log: %s)\n' "$s" "$(log_of "$s")"; fail=1
    fi
  done
  return $fail
}
