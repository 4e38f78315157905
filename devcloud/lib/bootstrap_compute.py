"""Find-or-create what the compute group needs in the core keystone (run by `devcloud up compute`
with venv-osc's python): service users nova, placement, neutron, cinder (admin + service on project
service) and the catalog entries compute, placement, network, block-storage + volumev3 (as devstack).

Env: DEVCLOUD_PASS, KS_URL, NOVA_URL, PL_URL, NEUTRON_URL, CINDER_URL. Idempotent: safe to re-run.
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


def find(coll, **params):
    items = get("/v3/" + coll, **params)[coll]
    return items[0] if items else None


def need(coll, name):
    item = find(coll, name=name)
    if not item:
        raise SystemExit("%s %r missing: run the core bootstrap first" % (coll[:-1], name))
    return item["id"]


def service(name, stype, desc, url):
    s = find("services", type=stype)
    if not s:
        s = post("/v3/services", {"service": {
            "name": name, "type": stype, "description": desc, "enabled": True}})["service"]
        print("created service", name, stype)
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
        print("endpoint", name, iface, url)


admin_r = need("roles", "admin")
service_r = need("roles", "service")
service_p = need("projects", "service")
for name in ("nova", "placement", "neutron", "cinder"):
    u = find("users", name=name, domain_id="default")
    if not u:
        u = post("/v3/users", {"user": {"name": name, "password": PASS, "domain_id": "default",
                                        "default_project_id": service_p}})["user"]
        print("created user", name)
    for r in (admin_r, service_r):
        sess.put("/v3/projects/%s/users/%s/roles/%s" % (service_p, u["id"], r), endpoint_filter=EP)

service("nova", "compute", "Nova Compute Service", os.environ["NOVA_URL"])
service("placement", "placement", "Placement Service", os.environ["PL_URL"])
service("neutron", "network", "Neutron Service", os.environ["NEUTRON_URL"])
service("cinder", "block-storage", "Cinder Volume Service", os.environ["CINDER_URL"])
service("cinderv3", "volumev3", "Cinder Volume Service V3", os.environ["CINDER_URL"])
print("compute identity bootstrap OK")
