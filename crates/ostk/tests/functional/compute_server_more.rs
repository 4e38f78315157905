//! The rest of `server …` against the devcloud's nova (fake driver), neutron and cinder, side
//! by side with the reference: interfaces, floating IPs, security groups, volumes, images,
//! dumps, migrations, ssh, shares (no manila here: the error path), and their error lines.

use crate::support::{
    Run, Scratch, both, cloud_env, json_of as json, ostk_as_openstack, run, run_in, unique,
};
use serde_json::Value;
use std::collections::BTreeMap;

fn env() -> BTreeMap<String, String> {
    cloud_env("devstack")
}

fn ostk(s: &Scratch, args: &[&str]) -> Run {
    run_in(&ostk_as_openstack(), s, &env(), args)
}

fn reference(s: &Scratch, args: &[&str]) -> Run {
    run_in(&crate::support::reference(), s, &env(), args)
}

/// What to delete at the end, whatever happens.
#[derive(Default)]
struct Cleanup {
    servers: Vec<String>,
    volumes: Vec<String>,
    ports: Vec<String>,
    fips: Vec<String>,
    images: Vec<String>,
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        let s = Scratch::new();
        let del = |what: &[&str], items: &[String]| {
            if !items.is_empty() {
                let mut a = what.to_vec();
                a.extend(items.iter().map(String::as_str));
                let _ = reference(&s, &a);
            }
        };
        del(&["floating", "ip", "delete"], &self.fips);
        del(&["image", "delete"], &self.images);
        if !self.servers.is_empty() {
            let mut a = vec!["server", "delete", "--wait"];
            a.extend(self.servers.iter().map(String::as_str));
            let _ = ostk(&s, &a);
        }
        del(&["port", "delete"], &self.ports);
        for v in &self.volumes {
            // a detach may still be under way
            for _ in 0..30 {
                if reference(&s, &["volume", "delete", v]).code == 0 {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_secs(1));
            }
        }
    }
}

/// Boots a server with ostk and returns its ID.
fn boot(s: &Scratch, name: &str) -> String {
    let v = json(&ostk(
        s,
        &[
            "server",
            "create",
            "--image",
            "cirros",
            "--flavor",
            "m1.tiny",
            "--network",
            "private",
            "--wait",
            "-f",
            "json",
            name,
        ],
    ));
    assert_eq!(v["status"], "ACTIVE", "{v}");
    v["id"].as_str().unwrap().to_string()
}

/// Polls `show` (JSON) until `field` is `want`.
fn wait_field(s: &Scratch, show: &[&str], field: &str, want: &str) -> Value {
    for _ in 0..90 {
        let mut a = show.to_vec();
        a.extend(["-f", "json"]);
        let v = json(&reference(s, &a));
        if v[field] == want {
            return v;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    panic!("{show:?} never had {field}={want}");
}

/// Both CLIs print the same and exit alike.
fn same(s: &Scratch, args: &[&str]) -> Run {
    let (mine, theirs) = both(args, &env(), &s.cwd(), &s.home());
    assert_eq!(mine, theirs, "{args:?}");
    mine
}

fn interfaces(s: &Scratch, server: &str) -> Vec<Value> {
    let v = json(&reference(
        s,
        &["port", "list", "--server", server, "-f", "json"],
    ));
    v.as_array().unwrap().clone()
}

#[test]
fn interfaces_floating_ips_security_groups_and_volumes() {
    let s = Scratch::new();
    let name = unique("srvmore-net");
    let mut c = Cleanup::default();
    c.servers.push(name.clone());
    let id = boot(&s, &name);

    // add fixed ip: an interface on the network, shown as osc shows it
    let v = json(&ostk(
        &s,
        &[
            "server", "add", "fixed", "ip", &name, "private", "-f", "json",
        ],
    ));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "Port ID",
            "Server ID",
            "Network ID",
            "MAC Address",
            "Port State",
            "Fixed IPs"
        ]
    );
    assert_eq!(v["Server ID"], id.as_str());
    let added_port = v["Port ID"].as_str().unwrap().to_string();
    let r = ostk(
        &s,
        &[
            "server", "add", "fixed", "ip", &name, "private", "--tag", "t1",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("| Tag         | t1"), "{}", r.stdout);
    assert_eq!(interfaces(&s, &id).len(), 3);
    // remove network: every interface on it goes
    let r = ostk(&s, &["server", "remove", "network", &name, "private"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for _ in 0..60 {
        if interfaces(&s, &id).is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    assert!(
        interfaces(&s, &id)
            .iter()
            .all(|p| p["ID"] != added_port.as_str())
    );

    // add/remove port, add network
    let port = unique("srvmore-port");
    json(&reference(
        &s,
        &[
            "port",
            "create",
            "--network",
            "private",
            &port,
            "-f",
            "json",
        ],
    ));
    c.ports.push(port.clone());
    assert_eq!(ostk(&s, &["server", "add", "port", &name, &port]).code, 0);
    wait_field(&s, &["port", "show", &port], "device_id", &id);
    assert_eq!(
        ostk(&s, &["server", "add", "network", &name, "private"]).code,
        0
    );
    let r = ostk(&s, &["server", "remove", "port", &name, &port]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    wait_field(&s, &["port", "show", &port], "device_id", "");

    // floating IP on the server's port, then off again
    let fip = json(&reference(
        &s,
        &["floating", "ip", "create", "public", "-f", "json"],
    ));
    let ip = fip["floating_ip_address"].as_str().unwrap().to_string();
    c.fips.push(ip.clone());
    let r = ostk(&s, &["server", "add", "floating", "ip", &name, &ip]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = json(&reference(
        &s,
        &["floating", "ip", "show", &ip, "-f", "json"],
    ));
    assert!(shown["port_id"].is_string(), "{shown}");
    let r = ostk(&s, &["server", "remove", "floating", "ip", &name, &ip]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = json(&reference(
        &s,
        &["floating", "ip", "show", &ip, "-f", "json"],
    ));
    assert!(shown["port_id"].is_null(), "{shown}");

    // security groups: per-group error lines and the summary, as osc prints them
    same(
        &s,
        &[
            "server",
            "add",
            "security",
            "group",
            &name,
            "ostk-nosuch-1",
            "ostk-nosuch-2",
        ],
    );
    same(
        &s,
        &[
            "server",
            "remove",
            "security",
            "group",
            &name,
            "ostk-nosuch-1",
        ],
    );
    assert_eq!(
        ostk(
            &s,
            &["server", "remove", "security", "group", &name, "default"]
        )
        .code,
        0
    );
    assert_eq!(
        ostk(
            &s,
            &["server", "add", "security", "group", &name, "default"]
        )
        .code,
        0
    );

    // volumes: attach with a tag, list, set, detach
    let vol = unique("srvmore-vol");
    json(&ostk(
        &s,
        &["volume", "create", "--size", "1", &vol, "-f", "json"],
    ));
    c.volumes.push(vol.clone());
    wait_field(&s, &["volume", "show", &vol], "status", "available");
    let v = json(&ostk(
        &s,
        &[
            "server", "add", "volume", &name, &vol, "--tag", "data", "-f", "json",
        ],
    ));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "ID",
            "Server ID",
            "Volume ID",
            "Device",
            "Tag",
            "Delete On Termination"
        ]
    );
    assert_eq!(v["Tag"], "data");
    assert_eq!(v["Server ID"], id.as_str());
    wait_field(&s, &["volume", "show", &vol], "status", "in-use");
    for fmt in ["table", "json", "csv"] {
        same(&s, &["server", "volume", "list", &name, "-f", fmt]);
    }
    assert_eq!(
        ostk(
            &s,
            &[
                "server",
                "volume",
                "set",
                &name,
                &vol,
                "--delete-on-termination"
            ]
        )
        .code,
        0
    );
    let l = json(&ostk(
        &s,
        &["server", "volume", "list", &name, "-f", "json"],
    ));
    assert_eq!(l[0]["Delete On Termination?"], true, "{l}");
    assert_eq!(
        ostk(
            &s,
            &[
                "server",
                "volume",
                "update",
                &name,
                &vol,
                "--preserve-on-termination"
            ]
        )
        .code,
        0
    );
    let l = json(&ostk(
        &s,
        &["server", "volume", "list", &name, "-f", "json"],
    ));
    assert_eq!(l[0]["Delete On Termination?"], false, "{l}");
    let r = ostk(&s, &["server", "remove", "volume", &name, &vol]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    wait_field(&s, &["volume", "show", &vol], "status", "available");
    // error lines
    for args in [
        vec!["server", "add", "fixed", "ip", "ostk-nosuch", "private"],
        vec!["server", "add", "network", &name, "ostk-nosuch"],
        vec!["server", "add", "port", &name, "ostk-nosuch"],
        vec!["server", "remove", "port", &name, "ostk-nosuch"],
        vec!["server", "add", "volume", &name, "ostk-nosuch"],
        vec!["server", "remove", "floating", "ip", &name, "192.0.2.1"],
        vec!["server", "add", "floating", "ip", &name, "192.0.2.1"],
        vec![
            "server",
            "add",
            "floating",
            "ip",
            &name,
            &ip,
            "--fixed-ip-address",
            "192.0.2.9",
        ],
        vec!["server", "remove", "fixed", "ip", &name, "192.0.2.1"],
        vec![
            "server",
            "add",
            "fixed",
            "ip",
            &name,
            "private",
            "--tag",
            "x",
            "--os-compute-api-version",
            "2.48",
        ],
        vec![
            "server",
            "add",
            "volume",
            &name,
            &vol,
            "--enable-delete-on-termination",
            "--os-compute-api-version",
            "2.78",
        ],
        vec![
            "server",
            "volume",
            "set",
            &name,
            &vol,
            "--delete-on-termination",
            "--os-compute-api-version",
            "2.84",
        ],
    ] {
        let r = same(&s, &args);
        assert_ne!(r.code, 0, "{args:?}");
    }
    // without an option `server volume set` does nothing at all
    same(
        &s,
        &["server", "volume", "set", "ostk-nosuch", "ostk-nosuch"],
    );
}

#[test]
fn images_dumps_migrations_ssh_and_shares() {
    let s = Scratch::new();
    let name = unique("srvmore-img");
    let mut c = Cleanup::default();
    c.servers.push(name.clone());
    let id = boot(&s, &name);

    // image and backup: osc's image view of the new (queued: the fake driver never
    // uploads) image, identical to the reference's but for the names, IDs and times
    let volatile = |mut v: Value| {
        for k in ["id", "name", "file", "created_at", "updated_at"] {
            v.as_object_mut().unwrap().remove(k);
        }
        v
    };
    let mut images = Vec::new();
    for (bin, tag) in [
        (ostk_as_openstack(), "o"),
        (crate::support::reference(), "r"),
    ] {
        let img = unique(&format!("srvmore-snap-{tag}"));
        let bk = unique(&format!("srvmore-bk-{tag}"));
        c.images.extend([img.clone(), bk.clone()]);
        let a = json(&run_in(
            &bin,
            &s,
            &env(),
            &[
                "server",
                "image",
                "create",
                &name,
                "--name",
                &img,
                "--property",
                "k=v",
                "-f",
                "json",
            ],
        ));
        assert_eq!(a["name"], img.as_str());
        let b = json(&run_in(
            &bin,
            &s,
            &env(),
            &[
                "server", "backup", "create", &name, "--name", &bk, "--type", "daily", "--rotate",
                "2", "-f", "json",
            ],
        ));
        assert_eq!(b["name"], bk.as_str());
        images.push((volatile(a), volatile(b)));
    }
    assert_eq!(images[0], images[1]);
    assert_eq!(images[0].0["properties"]["k"], "v");
    assert_eq!(images[0].1["properties"]["backup_type"], "daily");

    // dump (the fake driver accepts it), and its errors
    assert_eq!(ostk(&s, &["server", "dump", "create", &name]).code, 0);
    same(&s, &["server", "dump", "create", &name, "ostk-nosuch"]);
    same(&s, &["server", "image", "create", "ostk-nosuch"]);
    same(&s, &["server", "backup", "create", &name, "--rotate", "x"]);

    // ssh: a stand-in ssh on PATH prints the command line osc builds
    let bin = s.dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let fake = bin.join("ssh");
    std::fs::write(&fake, "#!/bin/sh\necho \"ssh $*\"\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut e = env();
    e.insert(
        "PATH".into(),
        format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        ),
    );
    for args in [
        vec!["server", "ssh", &name, "--private"],
        vec![
            "server",
            "ssh",
            "--private",
            "-4",
            &name,
            "--",
            "-o",
            "StrictHostKeyChecking=no",
        ],
        vec![
            "server",
            "ssh",
            &name,
            "--address-type",
            "fixed",
            "-l",
            "cirros",
            "-p",
            "2222",
        ],
        vec!["server", "ssh", &name],
        vec!["server", "ssh", &name, "--private", "-6"],
    ] {
        let (mine, theirs) = both(&args, &e, &s.cwd(), &s.home());
        assert_eq!(mine.stdout, theirs.stdout, "{args:?}");
        assert_eq!(mine.code, theirs.code, "{args:?}");
        let last = |r: &Run| r.stderr.lines().last().map(str::to_string);
        assert_eq!(last(&mine), last(&theirs), "{args:?}");
    }
    let r = run(
        &ostk_as_openstack(),
        &[
            "server".into(),
            "ssh".into(),
            name.clone(),
            "--private".into(),
        ],
        &e,
        &s.cwd(),
        &s.home(),
    );
    assert!(
        r.stdout.starts_with("ssh 10.") && r.stdout.trim_end().ends_with("-l demo"),
        "{}",
        r.stdout
    );

    // migrations: members may not, admins cold-migrate (one host: the migration errors and
    // the server stays ACTIVE)
    same(&s, &["server", "migrate", &name]);
    same(&s, &["server", "migrate", &name, "--block-migration"]);
    same(
        &s,
        &[
            "server",
            "migrate",
            &name,
            "--host",
            "h",
            "--os-compute-api-version",
            "2.55",
        ],
    );
    same(
        &s,
        &[
            "server",
            "migrate",
            &name,
            "--live-migration",
            "--host",
            "h",
            "--os-compute-api-version",
            "2.29",
        ],
    );
    same(
        &s,
        &[
            "server",
            "evacuate",
            &name,
            "--host",
            "h",
            "--os-compute-api-version",
            "2.28",
        ],
    );
    same(&s, &["server", "evacuate", &name, "--shared-storage"]);
    same(&s, &["server", "migration", "list"]);
    same(&s, &["server", "migration", "show", &name, "abc"]);
    same(
        &s,
        &[
            "server",
            "migration",
            "show",
            &name,
            "1",
            "--os-compute-api-version",
            "2.23",
        ],
    );
    same(
        &s,
        &[
            "server",
            "migration",
            "abort",
            &name,
            "c2f1d947-e286-413e-8087-3261431d9638",
            "--os-compute-api-version",
            "2.58",
        ],
    );
    same(&s, &["server", "migration", "list", "--type", "nosuch"]);
    let admin = cloud_env("devstack-admin");
    let r = run_in(
        &ostk_as_openstack(),
        &s,
        &admin,
        &["server", "migrate", &id, "--wait"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "Complete, check success/failure by openstack server migration/event list/show\n"
    );
    for args in [
        vec!["server", "migration", "list", "--server", &id],
        vec![
            "server",
            "migration",
            "list",
            "--server",
            &id,
            "--type",
            "cold-migration",
            "-f",
            "json",
        ],
        vec![
            "server",
            "migration",
            "list",
            "--server",
            &id,
            "--limit",
            "1",
            "-f",
            "csv",
            "--os-compute-api-version",
            "2.22",
        ],
        vec![
            "server",
            "migration",
            "list",
            "--server",
            &id,
            "--project",
            "demo",
            "--user",
            "demo",
            "-f",
            "json",
        ],
        vec!["server", "evacuate", &id],
        vec!["server", "migrate", &id, "--live-migration"],
    ] {
        let (mine, theirs) = both(&args, &admin, &s.cwd(), &s.home());
        assert_eq!(mine, theirs, "{args:?}");
    }
    let l = json(&run_in(
        &ostk_as_openstack(),
        &s,
        &admin,
        &["server", "migration", "list", "--server", &id, "-f", "json"],
    ));
    let cold = l
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["Type"] == "migration")
        .unwrap_or_else(|| panic!("no cold migration: {l}"));
    assert_eq!(cold["Server UUID"], id.as_str(), "{l}");
    let mig = cold["Id"].to_string();
    same(&s, &["server", "migration", "abort", &id, &mig]);

    // shares: nova knows them, manila is not deployed here
    same(&s, &["server", "share", "list", &name]);
    same(
        &s,
        &[
            "server",
            "share",
            "list",
            &name,
            "--os-compute-api-version",
            "2.96",
        ],
    );
    same(&s, &["server", "share", "show", &name, "ostk-share"]);
    same(
        &s,
        &["server", "add", "share", &name, "ostk-share", "--tag", "t"],
    );
    same(&s, &["server", "remove", "share", &name, "ostk-share"]);
}
