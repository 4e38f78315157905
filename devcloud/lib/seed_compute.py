"""Devstack-like compute data (run by `devcloud up compute` with venv-osc's openstacksdk, cloud
devstack-admin): flavors, a fake public image under two names, the external network 'public', the
demo project's 'private' network + 'router1', and unlimited quotas for the test projects (leftovers
of an interrupted functional run must not exhaust the default 10-instance quota).

Env: OS_CLIENT_CONFIG_FILE, DEVCLOUD_DIR. Idempotent: find-or-create.
"""
import os

import openstack

c = openstack.connect(cloud="devstack-admin")

# devstack's flavors (lib/nova + lib/tempest); the fake driver has 1000 vCPU / 800 GB RAM
FLAVORS = [("m1.tiny", "1", 512, 1, 1), ("m1.small", "2", 2048, 20, 1),
           ("m1.medium", "3", 4096, 40, 2), ("m1.large", "4", 8192, 80, 4),
           ("m1.xlarge", "5", 16384, 160, 8), ("cirros256", "c1", 256, 1, 1),
           ("ds512M", "d1", 512, 5, 1), ("ds1G", "d2", 1024, 10, 1),
           ("ds2G", "d3", 2048, 10, 2), ("ds4G", "d4", 4096, 20, 4),
           ("m1.nano", "42", 128, 1, 1), ("m1.micro", "84", 192, 1, 1)]
have = {f.name for f in c.compute.flavors()}
for name, fid, ram, disk, vcpus in FLAVORS:
    if name not in have:
        c.compute.create_flavor(name=name, id=fid, ram=ram, disk=disk, vcpus=vcpus)
        print("created flavor", name)

# nova's fake driver never reads the image: 1 MiB of zeros is enough. 'cirros' for scripts; the
# devstack name is what python-openstackclient's functional tests look for.
raw = os.path.join(os.environ["DEVCLOUD_DIR"], "data", "compute", "cirros-fake.raw")
if not os.path.exists(raw):
    with open(raw, "wb") as f:
        f.write(b"\0" * (1 << 20))
for name in ("cirros", "cirros-0.6.3-x86_64-disk"):
    if not c.image.find_image(name):
        c.create_image(name, filename=raw, disk_format="raw", container_format="bare",
                       visibility="public", wait=True)
        print("created image", name)

pub = c.network.find_network("public") or c.network.create_network(
    name="public", is_router_external=True, is_shared=False,
    provider_network_type="flat", provider_physical_network="public")
pub_sub = c.network.find_subnet("public-subnet", network_id=pub.id) or c.network.create_subnet(
    name="public-subnet", network_id=pub.id, ip_version=4, cidr="172.24.4.0/24",
    gateway_ip="172.24.4.1", is_dhcp_enabled=False)

demo = c.identity.find_project("demo", domain_id="default")
net = (c.network.find_network("private", project_id=demo.id)
       or c.network.create_network(name="private", project_id=demo.id))
sub = (c.network.find_subnet("private-subnet", network_id=net.id)
       or c.network.create_subnet(name="private-subnet", network_id=net.id, ip_version=4,
                                  cidr="10.0.0.0/26", project_id=demo.id))
router = c.network.find_router("router1", project_id=demo.id)
if not router:
    router = c.network.create_router(name="router1", project_id=demo.id,
                                     external_gateway_info={"network_id": pub.id})
    c.network.add_interface_to_router(router, subnet_id=sub.id)
    print("created router1")

for pname in ("admin", "demo", "alt_demo"):
    p = c.identity.find_project(pname, domain_id="default")
    c.set_compute_quotas(p.id, instances=-1, cores=-1, ram=-1, key_pairs=-1,
                         server_groups=-1, server_group_members=-1)
    c.set_volume_quotas(p.id, volumes=-1, gigabytes=-1, snapshots=-1, backups=-1,
                        backup_gigabytes=-1)
    c.set_network_quotas(p.id, network=-1, subnet=-1, port=-1, router=-1, floatingip=-1,
                         security_group=-1, security_group_rule=-1)
print("compute seed OK")
