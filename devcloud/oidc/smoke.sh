#!/usr/bin/env bash
# End-to-end checks of the devcloud-oidc harness with python-openstackclient.
# Usage: $HARNESS/smoke.sh   (after up.sh; honours DEVCLOUD_DIR)
# Set OSC=/path/to/other/cli to run the same checks against another client
# (e.g. ostk installed as `openstack`): where ostk words an auth failure more precisely
# (which step failed), both wordings are accepted.
set -u
D="${OIDC_DIR:-/tmp/ostk-devcloud/oidc}"
. "$D/ovh-env.sh"
OSC="${OSC:-openstack}"
fail=0
check() { # name expected_rc regex -- env... cmd...
  local name=$1 want_rc=$2 re=$3; shift 3
  local out rc; out=$(env "$@" 2>&1); rc=$?
  if [ "$rc" = "$want_rc" ] && printf '%s' "$out" | grep -Eq -- "$re"; then echo "PASS $name"
  else echo "FAIL $name (rc=$rc): $(printf '%s' "$out" | tail -2)"; fail=1; fi
}
P=$OS_PROJECT_ID
check "ovh-env token issue"          0 "$P" $OSC token issue -f value -c project_id
check "ovh-env access_token type"    0 "$P" OS_ACCESS_TOKEN_TYPE=access_token $OSC token issue -f value -c project_id
check "unmapped client -> 401"       1 'The request you have made requires authentication\. \(HTTP 401\) \(Request-ID: req-[0-9a-f-]{36}\)' \
  OS_CLIENT_ID=sa-unmapped OS_CLIENT_SECRET=sa-unmapped-secret $OSC token issue
check "bad secret -> IdP 401"        1 '^Unrecognized schema in response body\. \(HTTP 401\)$|invalid_client: client authentication failed \(HTTP 401\)' OS_CLIENT_SECRET=wrong $OSC token issue
check "member container list"        0 '^devcloud$' $OSC container list -f value
check "reader container list -> 403" 1 '^Forbidden \(HTTP 403\) \(Request-ID: tx[0-9a-f]{22}-[0-9a-f]+\)$' \
  OS_CLIENT_ID=sa-readonly OS_CLIENT_SECRET=sa-readonly-secret $OSC container list -f value
check "member region list"           0 'GRA' $OSC region list
check "reader region list -> 403"    1 'ForbiddenException: 403: .*identity:list_regions' \
  OS_CLIENT_ID=sa-readonly OS_CLIENT_SECRET=sa-readonly-secret $OSC region list
check "clouds.yaml oidc"             0 "$P" OS_CLIENT_CONFIG_FILE="$D/clouds.yaml" OS_AUTH_TYPE= OS_AUTH_URL= OS_CLIENT_ID= OS_CLIENT_SECRET= $OSC --os-cloud oidc token issue -f value -c project_id
check "clouds.yaml v3oidcpassword"   0 "$P" OS_CLIENT_CONFIG_FILE="$D/clouds.yaml" OS_AUTH_TYPE= OS_AUTH_URL= OS_CLIENT_ID= OS_CLIENT_SECRET= $OSC --os-cloud oidc-password token issue -f value -c project_id
IDT=$(curl -s -u sa-devcloud:sa-devcloud-secret -d grant_type=client_credentials -d scope=openid \
  "$(curl -s "$OS_DISCOVERY_ENDPOINT" | python3 -c 'import json,sys;print(json.load(sys.stdin)["token_endpoint"])')" \
  | python3 -c 'import json,sys;print(json.load(sys.stdin)["id_token"])')
check "v3oidcaccesstoken"            0 "$P" OS_AUTH_TYPE=v3oidcaccesstoken OS_ACCESS_TOKEN="$IDT" OS_CLIENT_ID= OS_CLIENT_SECRET= OS_DISCOVERY_ENDPOINT= OS_ACCESS_TOKEN_TYPE= $OSC token issue -f value -c project_id
exit $fail
