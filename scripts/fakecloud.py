#!/usr/bin/env python3
"""A fake OpenStack on 127.0.0.1 with as many resources as asked, for scale benchmarks.

Serves keystone (password auth, catalog pointing here), nova (`/servers/detail`, 1,000 per page
as nova's max_limit), glance (`/v2/images`, 25 per page unless ?limit) , neutron (`/v2.0/networks`)
and swift (`/<container>`, 10,000 names per page as swift's container_listing_limit), each paging
with limit/marker and next links exactly as the real services do. Nothing is stored: items are
generated from their index, so 100,000 objects cost no memory here.

  fakecloud.py PORT SERVERS OBJECTS IMAGES NETWORKS
"""
import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PORT, SERVERS, OBJECTS, IMAGES, NETWORKS = (int(a) for a in sys.argv[1:6])
BASE = f"http://127.0.0.1:{PORT}"
PROJECT = "0123456789abcdef0123456789abcdef"
TOKEN = "fake-token-" + "0" * 40


def uuid(kind, i):
    return f"{kind:08x}-0000-4000-8000-{i:012x}"


def server(i):
    sid = uuid(1, i)
    return {
        "id": sid,
        "name": f"server-{i:06d}",
        "status": "ACTIVE",
        "tenant_id": PROJECT,
        "user_id": "u" * 32,
        "metadata": {},
        "hostId": "h" * 56,
        "image": "",
        "flavor": {"vcpus": 1, "ram": 512, "disk": 1, "ephemeral": 0, "swap": 0,
                   "original_name": "m1.tiny", "extra_specs": {}},
        "created": "2026-11-23T10:00:00Z",
        "updated": "2026-11-23T10:00:05Z",
        "addresses": {"private": [{"version": 4, "addr": f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}",
                                   "OS-EXT-IPS:type": "fixed",
                                   "OS-EXT-IPS-MAC:mac_addr": "fa:16:3e:00:00:01"}]},
        "accessIPv4": "", "accessIPv6": "",
        "links": [{"rel": "self", "href": f"{BASE}/compute/v2.1/servers/{sid}"}],
        "OS-DCF:diskConfig": "MANUAL",
        "progress": 0,
        "OS-EXT-AZ:availability_zone": "nova",
        "config_drive": "",
        "key_name": None,
        "OS-SRV-USG:launched_at": "2026-11-23T10:00:05.000000",
        "OS-SRV-USG:terminated_at": None,
        "OS-EXT-STS:task_state": None, "OS-EXT-STS:vm_state": "active", "OS-EXT-STS:power_state": 1,
        "os-extended-volumes:volumes_attached": [],
        "locked": False, "locked_reason": None, "description": None, "tags": [],
        "trusted_image_certificates": None, "server_groups": [],
        "pinned_availability_zone": None,
        "security_groups": [{"name": "default"}],
    }


def image(i):
    return {"id": uuid(2, i), "name": f"image-{i:06d}", "status": "active", "visibility": "public",
            "disk_format": "qcow2", "container_format": "bare", "size": 1024 * i, "checksum": None,
            "min_disk": 0, "min_ram": 0, "protected": False, "owner": PROJECT, "tags": [],
            "created_at": "2026-11-23T10:00:00Z", "updated_at": "2026-11-23T10:00:00Z",
            "os_hidden": False, "self": f"/v2/images/{uuid(2, i)}", "schema": "/v2/schemas/image"}


def network(i):
    return {"id": uuid(3, i), "name": f"net-{i:06d}", "subnets": [uuid(4, i)], "status": "ACTIVE",
            "admin_state_up": True, "shared": False, "router:external": False, "mtu": 1450,
            "tenant_id": PROJECT, "project_id": PROJECT, "availability_zones": [], "tags": [],
            "description": "", "port_security_enabled": True, "revision_number": 1,
            "created_at": "2026-11-23T10:00:00Z", "updated_at": "2026-11-23T10:00:00Z"}


def obj(i):
    return {"name": f"obj-{i:07d}", "hash": "d41d8cd98f00b204e9800998ecf8427e", "bytes": i,
            "content_type": "application/octet-stream", "last_modified": "2026-11-23T10:00:00.000000"}


def page(total, make, q, default_limit, max_limit, key):
    """Items after `marker` (an item's `key`), at most limit of them; also the last one."""
    limit = min(int(q.get("limit", [default_limit])[0]), max_limit)
    start = 0
    if "marker" in q:
        # markers are generated ids (index in hex at the end) or names (index in decimal)
        start = int(q["marker"][0].rsplit("-", 1)[-1], 16 if key == "id" else 10) + 1
    end = min(start + limit, total)
    return [make(i) for i in range(start, end)], end < total


def catalog():
    def ep(t, path):
        return {"type": t, "name": t, "id": t, "endpoints": [
            {"id": t + i, "interface": i, "region": "RegionOne", "region_id": "RegionOne",
             "url": BASE + path} for i in ("public", "internal", "admin")]}
    return [ep("identity", "/identity/v3"), ep("compute", "/compute/v2.1"), ep("image", "/image"),
            ep("network", "/network"), ep("object-store", f"/swift/v1/AUTH_{PROJECT}")]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_):
        pass

    def send(self, code, body, headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Openstack-Request-Id", "req-fake")
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        self.rfile.read(length)
        if urlsplit(self.path).path.rstrip("/").endswith("/v3/auth/tokens"):
            tok = {"token": {"methods": ["password"], "expires_at": "2099-01-01T00:00:00.000000Z",
                             "issued_at": "2026-11-23T10:00:00.000000Z",
                             "user": {"id": "u" * 32, "name": "demo", "domain": {"id": "default", "name": "Default"}},
                             "project": {"id": PROJECT, "name": "demo", "domain": {"id": "default", "name": "Default"}},
                             "roles": [{"id": "r", "name": "member"}], "catalog": catalog()}}
            return self.send(201, tok, [("X-Subject-Token", TOKEN)])
        self.send(404, {"error": {"code": 404, "message": "not here"}})

    def do_GET(self):
        url = urlsplit(self.path)
        q = parse_qs(url.query)
        p = url.path.rstrip("/")
        if p in ("/identity", ""):
            return self.send(300, {"versions": {"values": [{"id": "v3.14", "status": "stable", "links": [
                {"rel": "self", "href": BASE + "/identity/v3/"}]}]}})
        if p == "/identity/v3":
            return self.send(200, {"version": {"id": "v3.14", "status": "stable", "links": [
                {"rel": "self", "href": BASE + "/identity/v3/"}]}})
        if p in ("/compute/v2.1", "/compute"):
            return self.send(200, {"version": {"id": "v2.1", "status": "CURRENT", "version": "2.100",
                                               "min_version": "2.1", "links": [
                                                   {"rel": "self", "href": BASE + "/compute/v2.1/"}]}})
        if p == "/compute/v2.1/servers/detail":
            items, more = page(SERVERS, server, q, 1000, 1000, "id")
            body = {"servers": items}
            if more:
                body["servers_links"] = [{"rel": "next", "href": f"{BASE}/compute/v2.1/servers/detail?limit=1000&marker={items[-1]['id']}"}]
            return self.send(200, body)
        if p in ("/image", "/image/v2"):
            return self.send(200, {"versions": [{"id": "v2.16", "status": "CURRENT", "links": [
                {"rel": "self", "href": BASE + "/image/v2/"}]}]})
        if p == "/image/v2/images":
            items, more = page(IMAGES, image, q, 25, 1000, "id")
            body = {"images": items, "first": "/v2/images", "schema": "/v2/schemas/images"}
            if more:
                body["next"] = f"/v2/images?marker={items[-1]['id']}&limit={q.get('limit', [25])[0]}"
            return self.send(200, body)
        if p == "/network/v2.0/networks":
            items, more = page(NETWORKS, network, q, 10**9, 10**9, "id")
            return self.send(200, {"networks": items})
        m = re.fullmatch(rf"/swift/v1/AUTH_{PROJECT}/([^/]+)", p)
        if m:
            items, more = page(OBJECTS, obj, q, 10000, 10000, "name")
            return self.send(200, items, [("X-Container-Object-Count", str(OBJECTS))])
        self.send(404, {"error": {"code": 404, "message": f"no {p} here"}})

    do_HEAD = do_GET


srv = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
srv.daemon_threads = True
print(f"fakecloud on {BASE}: {SERVERS} servers, {OBJECTS} objects, {IMAGES} images, {NETWORKS} networks",
      flush=True)
threading.Thread(target=srv.serve_forever, daemon=True).start()
threading.Event().wait()
