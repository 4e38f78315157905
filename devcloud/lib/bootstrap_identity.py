"""Find-or-create the devstack-like identity resources (run by devcloud up with venv-osc's python).

Env: DEVCLOUD_PASS, KS_URL, GL_URL, SW_URL. Idempotent: safe to re-run.
"""
import os

from keystoneauth1 import session as ks_session
from keystoneauth1.identity import v3

PASS = os.environ["DEVCLOUD_PASS"]
KS = os.environ["KS_URL"].rstrip("/")
GL = os.environ["GL_URL"]
SW = os.environ["SW_URL"]
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


def find(coll, key, **params):
    items = get("/v3/" + coll, **params)[coll]
    return items[0] if items else None


def role(name):
    r = find("roles", "role", name=name)
    if not r:
        r = post("/v3/roles", {"role": {"name": name}})["role"]
        print("created role", name)
    return r["id"]


def project(name, desc):
    p = find("projects", "project", name=name, domain_id="default")
    if not p:
        p = post("/v3/projects", {"project": {
            "name": name, "domain_id": "default", "description": desc}})["project"]
        print("created project", name)
    return p["id"]


def user(name, project_id, email=None):
    u = find("users", "user", name=name, domain_id="default")
    body = {"name": name, "password": PASS, "domain_id": "default"}
    if project_id:
        body["default_project_id"] = project_id
    if email:
        body["email"] = email
    if not u:
        u = post("/v3/users", {"user": body})["user"]
        print("created user", name)
    # existing users are left alone: a password PATCH would revoke tokens that concurrent users of
    # the devcloud hold (changing DEVCLOUD_PASSWORD therefore needs `devcloud down --purge`)
    return u["id"]


def grant(user_id, project_id, role_id):
    put("/v3/projects/%s/users/%s/roles/%s" % (project_id, user_id, role_id))


def service(name, stype, desc, urls):
    s = find("services", "service", type=stype)
    if not s:
        s = post("/v3/services", {"service": {
            "name": name, "type": stype, "description": desc, "enabled": True}})["service"]
        print("created service", name)
    have = {e["interface"]: e for e in get("/v3/endpoints", service_id=s["id"])["endpoints"]}
    for iface, url in urls.items():
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


admin_r = role("admin")
member_r = role("member")
reader_r = role("reader")
service_r = role("service")
reseller_r = role("ResellerAdmin")
swiftop_r = role("swiftoperator")
role("anotherrole")

admin_p = project("admin", "Bootstrap project for initializing the cloud.")
service_p = project("service", "")
demo_p = project("demo", "")
alt_p = project("alt_demo", "")
invis_p = project("invisible_to_admin", "")

admin_u = find("users", "user", name="admin", domain_id="default")["id"]
# bootstrap already gives admin: admin on project admin + admin on system 'all'; (re)assert both
grant(admin_u, admin_p, admin_r)
put("/v3/system/users/%s/roles/%s" % (admin_u, admin_r))
for p in (demo_p, alt_p, invis_p):  # devstack also makes admin an admin of the demo projects
    grant(admin_u, p, admin_r)

demo_u = user("demo", demo_p, "demo@example.com")
grant(demo_u, demo_p, member_r)
grant(demo_u, demo_p, role("anotherrole"))
grant(demo_u, invis_p, member_r)
alt_u = user("alt_demo", alt_p, "alt_demo@example.com")
grant(alt_u, alt_p, member_r)
grant(alt_u, alt_p, role("anotherrole"))

# devstack's persona users (tempest/OSC functional tests use the matching clouds.yaml entries)
grant(user("demo_reader", demo_p), demo_p, reader_r)
grant(user("alt_demo_member", alt_p), alt_p, member_r)
grant(user("alt_demo_reader", alt_p), alt_p, reader_r)
put("/v3/system/users/%s/roles/%s" % (user("system_member", None), member_r))
put("/v3/system/users/%s/roles/%s" % (user("system_reader", None), reader_r))

for svc in ("glance", "swift"):
    uid = user(svc, service_p)
    grant(uid, service_p, admin_r)
    grant(uid, service_p, service_r)

service("glance", "image", "Glance Image Service",
        {"public": GL, "internal": GL, "admin": GL})
sw_acct = SW + "/v1/AUTH_%(project_id)s"
service("swift", "object-store", "Swift Service",
        {"public": sw_acct, "internal": sw_acct, "admin": SW})
print("identity bootstrap OK")
