#!/usr/bin/env bash
# devcloud-oidc: real OIDC IdP (npm oidc-provider) + real keystone behind
# Apache httpd + mod_auth_openidc (OAuth2 resource-server mode) on 127.0.0.1,
# to exercise keystoneauth1's v3oidcclientcredentials plugin end to end.
# Idempotent: installs what is missing, (re)writes configs, starts what is not
# running, creates federation objects that do not exist. See NOTES.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
D="${OIDC_DIR:-/tmp/ostk-devcloud/oidc}"
IDP_PORT="${IDP_PORT:-15556}"
KS_PORT="${KS_PORT:-15000}"
IDP_PREFIX="${IDP_PREFIX-/role-adapter/urn:v1:eu:resource:publicCloudProject:pci}"
ISSUER="http://127.0.0.1:${IDP_PORT}${IDP_PREFIX}"
DISCOVERY="${ISSUER}/.well-known/openid-configuration"
KS_URL="http://127.0.0.1:${KS_PORT}"
SWIFT_PORT="${SWIFT_PORT:-15080}"
SWIFT_URL="http://127.0.0.1:${SWIFT_PORT}"
ADMIN_PW="${DEVCLOUD_ADMIN_PW:-devcloud-admin-pw}"
IDP_NAME=ovhcloud-emea
PROTOCOL=openid
REGION=GRA
SA_ID=sa-devcloud;  SA_SECRET=sa-devcloud-secret     # mapped service account
RO_ID=sa-readonly;  RO_SECRET=sa-readonly-secret     # mapped, role reader only
UN_ID=sa-unmapped;  UN_SECRET=sa-unmapped-secret     # valid at IdP, rejected by mapping
PW_ID=ovh-cli;      PW_SECRET=ovh-cli-secret         # password-grant client (v3oidcpassword)
PW_USER=alice;      PW_PASS=alice-pw                 # resource owner for the password grant
DV_ID=ovh-device                                     # public client of the device grant (v3oidcdeviceauthz)
AC_ID=ovh-web;      AC_SECRET=ovh-web-secret         # authorization-code client (v3oidcauthcode)
# keystone runs under Debian's mod_wsgi, so its venv is built from /usr/bin/python3; the client
# venv (federation setup, fake swift) may be shared with the main devcloud's reference CLI.
KV="$D/venv-keystone"; OV="${OSC_VENV:-$D/venv-osc}"
PIDS="$D/pids"

log() { printf '[devcloud-oidc] %s\n' "$*" >&2; }
mkdir -p "$D"/{idp,logs,apache/run,keystone/log}

# ---------------------------------------------------------------- installs --
need_apt=()
[ -x /usr/sbin/apache2 ] || need_apt+=(apache2)
[ -f /usr/lib/apache2/modules/mod_auth_openidc.so ] || need_apt+=(libapache2-mod-auth-openidc)
[ -f /usr/lib/apache2/modules/mod_wsgi.so ] || need_apt+=(libapache2-mod-wsgi-py3)
/usr/bin/python3 -c 'import ensurepip, venv' 2>/dev/null || need_apt+=(python3-venv)
command -v node >/dev/null || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >"$D/logs/apt.log" 2>&1
fi
# mod_wsgi is linked against Debian's python3, so keystone's venv must be too
if [ ! -x "$KV/bin/keystone-manage" ]; then
  log "creating keystone venv (PyPI 'keystone')"
  /usr/bin/python3 -m venv "$KV"
  "$KV/bin/pip" install -q -U pip >"$D/logs/pip-keystone.log" 2>&1
  "$KV/bin/pip" install -q ${KEYSTONE_PIP_SPEC:-keystone==30.0.0} >>"$D/logs/pip-keystone.log" 2>&1
fi
# keystone >= 2025.x API schema caps each IdP remote_id at 64 chars
# (keystone/federation/schema.py) although the DB column is String(255); an
# OVH-like issuer URL is 78 chars -> PUT identity_provider fails with
# "... is too long (HTTP 400)". Lift the API cap to the DB width.
KS_FED_SCHEMA=$("$KV/bin/python" -c 'import keystone.federation.schema as m; print(m.__file__)')
sed -i 's/^remote_id = {"type": "string", "maxLength": 64}$/remote_id = {"type": "string", "maxLength": 255}/' "$KS_FED_SCHEMA"
if [ ! -x "$OV/bin/openstack" ]; then
  log "creating openstackclient venv"
  /usr/bin/python3 -m venv "$OV"
  "$OV/bin/pip" install -q -U pip >"$D/logs/pip-osc.log" 2>&1
  "$OV/bin/pip" install -q python-openstackclient >>"$D/logs/pip-osc.log" 2>&1
fi
cp "$HERE/idp/idp.mjs" "$D/idp/idp.mjs"
if [ ! -d "$D/idp/node_modules/oidc-provider" ]; then
  log "npm install oidc-provider"
  (cd "$D/idp" && { [ -f package.json ] || npm init -y >/dev/null; } \
     && npm install --no-audit --no-fund ${OIDC_PROVIDER_NPM_SPEC:-oidc-provider} >"$D/logs/npm.log" 2>&1)
fi
cat >"$D/idp/clients.json" <<EOF
[{"client_id":"$SA_ID","client_secret":"$SA_SECRET"},
 {"client_id":"$RO_ID","client_secret":"$RO_SECRET"},
 {"client_id":"$UN_ID","client_secret":"$UN_SECRET"},
 {"client_id":"$PW_ID","client_secret":"$PW_SECRET","grant_types":["password"]},
 {"client_id":"$DV_ID","grant_types":["urn:ietf:params:oauth:grant-type:device_code"],"token_endpoint_auth_method":"none"},
 {"client_id":"$AC_ID","client_secret":"$AC_SECRET","grant_types":["authorization_code"],"redirect_uris":["http://127.0.0.1:9990/callback"]}]
EOF
cat >"$D/idp/users.json" <<EOF
[{"username":"$PW_USER","password":"$PW_PASS"}]
EOF

# ----------------------------------------------------------------- configs --
cat >"$D/keystone/keystone.conf" <<EOF
[DEFAULT]
debug = true
[database]
connection = sqlite:///$D/keystone/keystone.db
[token]
provider = fernet
expiration = 3600
[fernet_tokens]
key_repository = $D/keystone/fernet-keys
[fernet_receipts]
key_repository = $D/keystone/fernet-keys
[credential]
key_repository = $D/keystone/credential-keys
[auth]
methods = password,token,openid,application_credential,totp
[openid]
# mod_auth_openidc puts JWT claims into the WSGI environ as OIDC-<claim>
remote_id_attribute = OIDC-iss
[federation]
assertion_prefix = OIDC-
[cache]
enabled = false
[oslo_policy]
policy_file = $D/keystone/policy.yaml
EOF
# role-restricted case: region API needs role member (sa-readonly only has reader)
cat >"$D/keystone/policy.yaml" <<EOF
"identity:list_regions": "role:member or role:admin"
"identity:get_region": "role:member or role:admin"
EOF
# extra file only for the WSGI app (keystone-manage runs as root, app as www-data)
cat >"$D/keystone/keystone-wsgi.conf" <<EOF
[DEFAULT]
log_dir = $D/keystone/log
log_file = keystone.log
EOF
cat >"$D/keystone/keystone-wsgi.py" <<EOF
import os
os.environ['OS_KEYSTONE_CONFIG_FILES'] = '$D/keystone/keystone.conf;$D/keystone/keystone-wsgi.conf'
from keystone.wsgi.api import application  # noqa: E402,F401
EOF

M=/usr/lib/apache2/modules
cat >"$D/apache/httpd.conf" <<EOF
# standalone httpd instance (system apache2 service untouched)
ServerRoot "$D/apache"
ServerName 127.0.0.1
Listen 127.0.0.1:${KS_PORT}
PidFile "$D/apache/httpd.pid"
DefaultRuntimeDir "$D/apache/run"
Mutex file:$D/apache/run default
User www-data
Group www-data
LoadModule mpm_event_module $M/mod_mpm_event.so
LoadModule authz_core_module $M/mod_authz_core.so
LoadModule authn_core_module $M/mod_authn_core.so
LoadModule authz_user_module $M/mod_authz_user.so
LoadModule env_module $M/mod_env.so
LoadModule headers_module $M/mod_headers.so
LoadModule auth_openidc_module $M/mod_auth_openidc.so
LoadModule wsgi_module $M/mod_wsgi.so
ErrorLog "$D/logs/apache-error.log"
LogLevel warn auth_openidc:info
LogFormat "%h %t \"%r\" %>s %b %D \"%{User-Agent}i\" user=%u" devcloud
CustomLog "$D/logs/apache-access.log" devcloud
LoadModule mime_module $M/mod_mime.so
TypesConfig /etc/mime.types

# --- mod_auth_openidc as OAuth 2.0 resource server: validate bearer JWT locally
# OIDCOAuthVerifyJwksUri only accepts https:// URLs, so the IdP's public
# signing key is pinned statically (OIDCOAuthVerifyCertFiles kid#pem), see
# jwks-keys.conf (generated from the IdP's jwks.json after the IdP starts).
OIDCCryptoPassphrase devcloud-oidc-passphrase
Include $D/apache/jwks-keys.conf
OIDCOAuthRemoteUserClaim sub
OIDCClaimPrefix "OIDC-"
OIDCPassClaimsAs environment

WSGISocketPrefix $D/apache/run/wsgi
WSGIDaemonProcess keystone-oidc user=www-data group=www-data processes=1 threads=8 python-home=$KV display-name=keystone-oidc
WSGIProcessGroup keystone-oidc
WSGIApplicationGroup %{GLOBAL}
WSGIPassAuthorization On
WSGIScriptAlias / $D/keystone/keystone-wsgi.py
<Directory $D/keystone>
  Require all granted
</Directory>
<Location />
  Require all granted
</Location>
# the federated auth URL keystoneauth POSTs the IdP token to
<LocationMatch "^/v3/OS-FEDERATION/identity_providers/[^/]+/protocols/${PROTOCOL}/auth$">
  AuthType oauth20
  Require valid-user
</LocationMatch>
EOF

# ------------------------------------------------------------- keystone db --
if [ ! -f "$D/keystone/keystone.db" ]; then
  log "keystone db_sync / fernet / bootstrap"
  KM=("$KV/bin/keystone-manage" --config-file "$D/keystone/keystone.conf")
  "${KM[@]}" db_sync >"$D/logs/keystone-manage.log" 2>&1
  "${KM[@]}" fernet_setup --keystone-user www-data --keystone-group www-data >>"$D/logs/keystone-manage.log" 2>&1
  "${KM[@]}" credential_setup --keystone-user www-data --keystone-group www-data >>"$D/logs/keystone-manage.log" 2>&1
  "${KM[@]}" bootstrap --bootstrap-password "$ADMIN_PW" \
    --bootstrap-admin-url "$KS_URL/v3" --bootstrap-internal-url "$KS_URL/v3" \
    --bootstrap-public-url "$KS_URL/v3" --bootstrap-region-id "$REGION" >>"$D/logs/keystone-manage.log" 2>&1
fi
chown -R www-data:www-data "$D/keystone"

# ------------------------------------------------------------------- start --
touch "$PIDS"
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
# running NAME PATTERN: recorded pid alive AND its cmdline matches (guards against pid reuse)
running() { local p; p=$(recorded "$1"); alive "$p" && grep -aq -- "$2" "/proc/$p/cmdline" 2>/dev/null; }
recorded() { awk -v k="$1" '$1==k{print $2}' "$PIDS" | tail -1; }
record() { grep -v "^$1 " "$PIDS" >"$PIDS.tmp" || true; echo "$1 $2" >>"$PIDS.tmp"; mv "$PIDS.tmp" "$PIDS"; }
wait_http() { for _ in $(seq 1 60); do curl -fsS -o /dev/null "$1" && return 0; sleep 0.5; done; log "timeout waiting for $1"; return 1; }

IDP_SUM=$(cat "$D/idp/idp.mjs" "$D/idp/clients.json" "$D/idp/users.json" | sha256sum | cut -d' ' -f1)$IDP_PORT$IDP_PREFIX
if running idp idp.mjs && [ "$IDP_SUM" != "$(cat "$D/idp/idp.sum" 2>/dev/null)" ]; then
  log "IdP code/clients changed: restarting IdP (pid $(recorded idp))"
  kill "$(recorded idp)"; for _ in $(seq 1 20); do running idp idp.mjs || break; sleep 0.25; done
fi
echo "$IDP_SUM" >"$D/idp/idp.sum"
if ! running idp idp.mjs; then
  log "starting IdP (oidc-provider) on 127.0.0.1:$IDP_PORT"
  # exec chain keeps $! == node's pid; setsid detaches it from up.sh's process group
  (cd "$D/idp" && IDP_PORT="$IDP_PORT" IDP_PREFIX="$IDP_PREFIX" exec setsid nohup node idp.mjs >>"$D/logs/idp.log" 2>&1 </dev/null) &
  record idp "$!"
fi
wait_http "$DISCOVERY"
# pin the IdP signing key(s) for mod_auth_openidc (PEM + kid from jwks.json)
(cd "$D/idp" && node --input-type=module -e '
import * as crypto from "node:crypto"; import * as fs from "node:fs";
const { keys } = JSON.parse(fs.readFileSync("jwks.json", "utf8"));
const lines = keys.map((k, i) => {
  const f = `${process.argv[1]}/idp-key-${i}.pem`;
  fs.writeFileSync(f, crypto.createPublicKey({ key: k, format: "jwk" }).export({ type: "spki", format: "pem" }));
  return `${k.kid}#${f}`;
});
fs.writeFileSync(`${process.argv[1]}/jwks-keys.conf.new`, `OIDCOAuthVerifyCertFiles ${lines.join(" ")}\n`);
' "$D/apache")
if ! cmp -s "$D/apache/jwks-keys.conf.new" "$D/apache/jwks-keys.conf"; then
  mv "$D/apache/jwks-keys.conf.new" "$D/apache/jwks-keys.conf"
  # signing key changed: CONF_SUM below changes too -> graceful restart
else rm -f "$D/apache/jwks-keys.conf.new"; fi

CONF_SUM=$(cat "$D/apache/httpd.conf" "$D/apache/jwks-keys.conf" "$D/keystone/"*.conf "$D/keystone/policy.yaml" "$D/keystone/keystone-wsgi.py" "$KS_FED_SCHEMA" | sha256sum | cut -d' ' -f1)
if running apache "$D/apache/httpd.conf" && [ "$CONF_SUM" != "$(cat "$D/apache/conf.sum" 2>/dev/null)" ]; then
  log "config changed: graceful restart of httpd"
  /usr/sbin/apache2 -f "$D/apache/httpd.conf" -k graceful; sleep 2
fi
echo "$CONF_SUM" >"$D/apache/conf.sum"
if ! running apache "$D/apache/httpd.conf"; then
  log "starting Apache httpd (keystone + mod_auth_openidc) on 127.0.0.1:$KS_PORT"
  rm -f "$D/apache/httpd.pid"
  /usr/sbin/apache2 -f "$D/apache/httpd.conf" -k start
  for _ in $(seq 1 20); do [ -s "$D/apache/httpd.pid" ] && break; sleep 0.25; done
  record apache "$(cat "$D/apache/httpd.pid")"
fi
wait_http "$KS_URL/v3"

SW_SUM=$(sha256sum <"$HERE/fake_swift.py" | cut -d' ' -f1)$SWIFT_PORT
if running swift fake_swift.py && [ "$SW_SUM" != "$(cat "$D/swift.sum" 2>/dev/null)" ]; then
  log "fake_swift.py changed: restarting (pid $(recorded swift))"; kill "$(recorded swift)"; sleep 1
fi
echo "$SW_SUM" >"$D/swift.sum"
if ! running swift fake_swift.py; then
  log "starting fake object-store on 127.0.0.1:$SWIFT_PORT"
  (SWIFT_PORT="$SWIFT_PORT" KS_URL="$KS_URL" exec setsid nohup "$OV/bin/python" -u "$HERE/fake_swift.py" >>"$D/logs/swift.log" 2>&1 </dev/null) &
  record swift "$!"
fi
for _ in $(seq 1 40); do curl -s -o /dev/null "$SWIFT_URL/" && break; sleep 0.25; done

# ---------------------------------------------------------- clouds.yaml -----
cat >"$D/clouds.yaml" <<EOF
clouds:
  devcloud-admin:
    auth_type: password
    region_name: $REGION
    auth:
      auth_url: $KS_URL/v3
      username: admin
      password: $ADMIN_PW
      user_domain_name: Default
      system_scope: all
  # same shape as OVHcloud's service-account clouds.yaml
  oidc:
    auth_type: 'v3oidcclientcredentials'
    region_name: $REGION
    auth:
      protocol: '$PROTOCOL'
      access_token_type: 'id_token'
      auth_url: '$KS_URL/v3'
      identity_provider: '$IDP_NAME'
      discovery_endpoint: '$DISCOVERY'
      project_id: '@PROJECT_ID@'
      client_id: '$SA_ID'
      client_secret: '$SA_SECRET'
  oidc-access-token:
    auth_type: 'v3oidcclientcredentials'
    region_name: $REGION
    auth:
      protocol: '$PROTOCOL'
      access_token_type: 'access_token'
      auth_url: '$KS_URL/v3'
      identity_provider: '$IDP_NAME'
      discovery_endpoint: '$DISCOVERY'
      project_id: '@PROJECT_ID@'
      client_id: '$SA_ID'
      client_secret: '$SA_SECRET'
  oidc-readonly:
    auth_type: 'v3oidcclientcredentials'
    region_name: $REGION
    auth:
      protocol: '$PROTOCOL'
      access_token_type: 'id_token'
      auth_url: '$KS_URL/v3'
      identity_provider: '$IDP_NAME'
      discovery_endpoint: '$DISCOVERY'
      project_id: '@PROJECT_ID@'
      client_id: '$RO_ID'
      client_secret: '$RO_SECRET'
  # v3oidcpassword (resource-owner password grant; not what OVH service accounts use)
  oidc-password:
    auth_type: 'v3oidcpassword'
    region_name: $REGION
    auth:
      protocol: '$PROTOCOL'
      access_token_type: 'id_token'
      auth_url: '$KS_URL/v3'
      identity_provider: '$IDP_NAME'
      discovery_endpoint: '$DISCOVERY'
      project_id: '@PROJECT_ID@'
      client_id: '$PW_ID'
      client_secret: '$PW_SECRET'
      username: '$PW_USER'
      password: '$PW_PASS'
  oidc-bad-secret:
    auth_type: 'v3oidcclientcredentials'
    region_name: $REGION
    auth:
      protocol: '$PROTOCOL'
      access_token_type: 'id_token'
      auth_url: '$KS_URL/v3'
      identity_provider: '$IDP_NAME'
      discovery_endpoint: '$DISCOVERY'
      project_id: '@PROJECT_ID@'
      client_id: '$SA_ID'
      client_secret: 'not-the-secret'
  oidc-unmapped:
    auth_type: 'v3oidcclientcredentials'
    region_name: $REGION
    auth:
      protocol: '$PROTOCOL'
      access_token_type: 'id_token'
      auth_url: '$KS_URL/v3'
      identity_provider: '$IDP_NAME'
      discovery_endpoint: '$DISCOVERY'
      project_id: '@PROJECT_ID@'
      client_id: '$UN_ID'
      client_secret: '$UN_SECRET'
EOF

# ------------------------------------------------- federation objects ------
export OS_CLIENT_CONFIG_FILE="$D/clouds.yaml"
PROJECT_ID=$(ISSUER="$ISSUER" KS_URL="$KS_URL" IDP_NAME="$IDP_NAME" PROTOCOL="$PROTOCOL" SA_ID="$SA_ID" RO_ID="$RO_ID" PW_ID="$PW_ID" DV_ID="$DV_ID" AC_ID="$AC_ID" SWIFT_URL="$SWIFT_URL" REGION="$REGION" \
  "$OV/bin/python" "$HERE/federation_setup.py")
sed -i "s/@PROJECT_ID@/$PROJECT_ID/" "$D/clouds.yaml"

# OVHcloud-style service-account env (what OVH's manager hands out), local URLs.
# Source it, then e.g.: OS_CLIENT_ID=$RO_ID OS_CLIENT_SECRET=$RO_SECRET openstack container list
cat >"$D/ovh-env.sh" <<EOF
unset OS_CLOUD OS_CLIENT_CONFIG_FILE
export OS_AUTH_TYPE=v3oidcclientcredentials
export OS_PROTOCOL=$PROTOCOL
export OS_IDENTITY_PROVIDER=$IDP_NAME
export OS_DISCOVERY_ENDPOINT=$DISCOVERY
export OS_CLIENT_ID=$SA_ID
export OS_CLIENT_SECRET=$SA_SECRET
export OS_ACCESS_TOKEN_TYPE=id_token
export OS_PROJECT_ID=$PROJECT_ID
export OS_REGION_NAME=$REGION
export OS_AUTH_URL=$KS_URL/v3
export PATH=$OV/bin:\$PATH
EOF
cat >"$D/env.sh" <<EOF
export OS_CLIENT_CONFIG_FILE=$D/clouds.yaml
export PATH=$OV/bin:\$PATH
EOF
log "up: IdP $ISSUER ; keystone $KS_URL/v3 ; project svc-project=$PROJECT_ID"
log "try: . $D/env.sh && openstack --os-cloud oidc token issue"
