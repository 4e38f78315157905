"""Find-or-create what the heat group needs in the core keystone (run by `devcloud up heat` with
venv-osc's python), as devstack's lib/heat does: service user heat (admin + service on project
service), roles heat_stack_owner and heat_stack_user, domain heat with its admin heat_domain_admin
(admin on the domain: heat creates the users of its stacks' servers there), and the catalog entry
orchestration (service heat).

Env: DEVCLOUD_PASS, KS_URL, HEAT_URL. Idempotent: safe to re-run.
Needs the core bootstrap (lib/bootstrap_identity.py) to have run: roles and project service exist.
"""
import os

from keystoneauth1 import session as ks_session
from keystoneauth1.identity import v3

PASS = os.environ["DEVCLOUD_PASS"]
KS = os.environ["KS_URL"].rstrip("/")
REGION = "RegionOne"

auth = v3.Password(auth_url=KS + "/v3", username="admin", password=PASS,
                   project_name="admin", user_domain_id="default",
                   project_domain_id="default")
sess = ks_session.Session(auth=auth)
EP = {"service_type": "identity", "interface": "public"}


def get(path, **params):
    return sess.get(path, endpoint_filter=EP, params=params).json()


def post(path, body):
    return sess.post(path, endpoint_filter=EP, json=body).json()


def put(path):
    sess.put(path, endpoint_filter=EP)


def find(coll, **params):
    items = get("/v3/" + coll, **params)[coll]
    return items[0] if items else None


def need(coll, name):
    item = find(coll, name=name)
    if not item:
        raise SystemExit("%s %r missing: run the core bootstrap first" % (coll[:-1], name))
    return item["id"]


def role(name):
    r = find("roles", name=name)
    if not r:
        r = post("/v3/roles", {"role": {"name": name}})["role"]
        print("created role", name)
    return r["id"]


def user(name, domain_id, default_project=None):
    u = find("users", name=name, domain_id=domain_id)
    if not u:
        body = {"name": name, "password": PASS, "domain_id": domain_id}
        if default_project:
            body["default_project_id"] = default_project
        u = post("/v3/users", {"user": body})["user"]
        print("created user", name)
    return u["id"]


admin_r = need("roles", "admin")
service_r = need("roles", "service")
service_p = need("projects", "service")
heat_u = user("heat", "default", service_p)
for r in (admin_r, service_r):
    put("/v3/projects/%s/users/%s/roles/%s" % (service_p, heat_u, r))
role("heat_stack_owner")
role("heat_stack_user")

d = find("domains", name="heat")
if not d:
    d = post("/v3/domains", {"domain": {
        "name": "heat", "description": "Owns users and projects created by heat"}})["domain"]
    print("created domain heat")
dom_admin = user("heat_domain_admin", d["id"])
put("/v3/domains/%s/users/%s/roles/%s" % (d["id"], dom_admin, admin_r))

url = os.environ["HEAT_URL"]
s = find("services", type="orchestration")
if not s:
    s = post("/v3/services", {"service": {
        "name": "heat", "type": "orchestration", "description": "Heat Orchestration Service",
        "enabled": True}})["service"]
    print("created service heat orchestration")
have = {e["interface"]: e for e in get("/v3/endpoints", service_id=s["id"])["endpoints"]}
for iface in ("public", "internal", "admin"):
    e = have.get(iface)
    if e and e["url"] == url:
        continue
    if e:
        sess.patch("/v3/endpoints/" + e["id"], endpoint_filter=EP,
                   json={"endpoint": {"url": url, "region_id": REGION}})
    else:
        post("/v3/endpoints", {"endpoint": {
            "service_id": s["id"], "interface": iface, "url": url,
            "region_id": REGION, "enabled": True}})
    print("endpoint heat", iface, url)
print("heat identity bootstrap OK")
