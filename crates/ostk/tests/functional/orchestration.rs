//! Orchestration (heat) against the devcloud's real heat (`devcloud up heat`, which exports
//! `OSTK_DEVCLOUD_HEAT`): a stack with a network, a subnet, a server, a volume and its
//! attachment runs on the local nova/neutron/cinder; what ostk prints about it is compared
//! with python-heatclient's OSC plugin (`OSTK_REFERENCE_OPENSTACK_PLUGINS`).

use crate::support::{Run, Scratch, cloud_env, json_of as json, ostk_as_openstack, run, unique};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The reference `openstack` with the heat plugin installed.
fn plugin_reference() -> PathBuf {
    assert!(
        std::env::var_os("OSTK_DEVCLOUD_HEAT").is_some(),
        "heat is not up (run devcloud/devcloud up heat, which exports OSTK_DEVCLOUD_HEAT)"
    );
    let p = std::env::var_os("OSTK_REFERENCE_OPENSTACK_PLUGINS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/ostk-devcloud/venv-osc-plugins/bin/openstack"));
    assert!(
        p.exists(),
        "reference openstack with plugins not found at {} (set OSTK_REFERENCE_OPENSTACK_PLUGINS)",
        p.display()
    );
    p
}

fn env() -> BTreeMap<String, String> {
    cloud_env("devstack")
}

fn ostk(s: &Scratch, a: &[&str]) -> Run {
    let args: Vec<String> = a.iter().map(|x| x.to_string()).collect();
    run(&ostk_as_openstack(), &args, &env(), &s.cwd(), &s.home())
}

fn reference(s: &Scratch, a: &[&str]) -> Run {
    let args: Vec<String> = a.iter().map(|x| x.to_string()).collect();
    run(&plugin_reference(), &args, &env(), &s.cwd(), &s.home())
}

/// Exit code, stdout and stderr of ostk and the plugin must match.
fn assert_same(s: &Scratch, a: &[&str]) -> Run {
    let r = reference(s, a);
    let o = ostk(s, a);
    assert_eq!(o, r, "{a:?}: ostk (left) and the plugin (right) differ");
    o
}

/// Deletes the stack on drop, so that a failing test leaves nothing behind.
struct Stack<'a> {
    s: &'a Scratch,
    name: String,
}

impl Drop for Stack<'_> {
    fn drop(&mut self) {
        let _ = ostk(self.s, &["stack", "delete", "-y", "--wait", &self.name]);
    }
}

/// Runs `ostk` commands on drop (deletes what a test made, also when it fails).
struct Cleanup<'a> {
    s: &'a Scratch,
    what: Vec<Vec<String>>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        for a in self.what.iter().rev() {
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let _ = ostk(self.s, &a);
        }
    }
}

fn words(a: &[&str]) -> Vec<String> {
    a.iter().map(|x| x.to_string()).collect()
}

const TEMPLATE: &str = "heat_template_version: 2018-08-31
description: Network, server and volume on the devcloud
parameters:
  image:
    type: string
    default: cirros
  flavor:
    type: string
    default: m1.tiny
  size:
    type: number
    default: 1
    description: Volume size in GB
resources:
  net:
    type: OS::Neutron::Net
  subnet:
    type: OS::Neutron::Subnet
    properties:
      network: {get_resource: net}
      cidr: 10.78.0.0/24
  server:
    type: OS::Nova::Server
    depends_on: subnet
    properties:
      image: {get_param: image}
      flavor: {get_param: flavor}
      networks:
        - network: {get_resource: net}
  volume:
    type: OS::Cinder::Volume
    properties:
      size: {get_param: size}
  attachment:
    type: OS::Cinder::VolumeAttachment
    properties:
      instance_uuid: {get_resource: server}
      volume_id: {get_resource: volume}
  note:
    type: OS::Heat::Value
    properties:
      value: {get_file: files/note.txt}
outputs:
  server_id:
    description: The server
    value: {get_resource: server}
  volume_size:
    description: Size of the volume
    value: {get_attr: [volume, size]}
  note:
    value: {get_attr: [note, value]}
";

#[test]
fn stack_with_server_network_and_volume_round_trip() {
    let s = Scratch::new();
    std::fs::write(s.cwd().join("stack.yaml"), TEMPLATE).unwrap();
    std::fs::create_dir_all(s.cwd().join("files")).unwrap();
    std::fs::write(s.cwd().join("files/note.txt"), "read by the client").unwrap();
    std::fs::write(s.cwd().join("env.yaml"), "parameters:\n  flavor: m1.tiny\n").unwrap();
    let name = unique("stack");
    let stack = Stack {
        s: &s,
        name: name.clone(),
    };

    // create --wait: heatclient's event lines, then the short record
    let c = ostk(
        &s,
        &[
            "stack",
            "create",
            "-t",
            "stack.yaml",
            "-e",
            "env.yaml",
            "--parameter",
            "size=1",
            "--wait",
            &name,
        ],
    );
    assert_eq!(c.code, 0, "{}{}", c.stdout, c.stderr);
    assert!(
        c.stdout.contains(&format!(
            "[{name}]: CREATE_COMPLETE  Stack CREATE completed successfully"
        )),
        "{}",
        c.stdout
    );
    assert!(
        c.stdout
            .contains(&format!("[{name}.server]: CREATE_COMPLETE")),
        "{}",
        c.stdout
    );
    assert!(
        c.stdout.contains("| stack_status        | CREATE_COMPLETE"),
        "{}",
        c.stdout
    );

    // what the plugin prints about it, side by side
    assert_same(
        &s,
        &["stack", "list", "--property", &format!("name={name}")],
    );
    assert_same(&s, &["stack", "show", &name]);
    assert_same(&s, &["stack", "show", &name, "-f", "json"]);
    assert_same(
        &s,
        &[
            "stack",
            "show",
            &name,
            "-f",
            "value",
            "--no-resolve-outputs",
        ],
    );
    assert_same(&s, &["stack", "output", "list", &name]);
    let note = assert_same(
        &s,
        &["stack", "output", "show", &name, "note", "-f", "json"],
    );
    assert_eq!(json(&note)["output_value"], "read by the client");
    assert_same(&s, &["stack", "output", "show", &name, "--all"]);
    assert_same(&s, &["stack", "output", "show", &name, "nope"]);
    assert_same(&s, &["stack", "resource", "list", &name]);
    assert_same(
        &s,
        &["stack", "resource", "list", &name, "--long", "-f", "json"],
    );
    assert_same(&s, &["stack", "resource", "show", &name, "volume"]);
    assert_same(&s, &["stack", "resource", "show", &name, "nope"]);
    assert_same(&s, &["stack", "event", "list", &name]);
    assert_same(
        &s,
        &[
            "stack",
            "event",
            "list",
            &name,
            "--resource",
            "server",
            "-f",
            "csv",
        ],
    );
    assert_same(&s, &["stack", "template", "show", &name]);
    assert_same(&s, &["stack", "environment", "show", &name]);
    assert_same(&s, &["stack", "file", "list", &name, "-f", "json"]);

    // the resources are real: nova, cinder and neutron know them
    let resources = json(&ostk(
        &s,
        &["stack", "resource", "list", &name, "-f", "json"],
    ));
    let id_of = |n: &str| {
        resources
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["resource_name"] == n)
            .map(|r| r["physical_resource_id"].as_str().unwrap().to_string())
            .unwrap()
    };
    let (server, volume, net) = (id_of("server"), id_of("volume"), id_of("net"));
    let v = json(&ostk(&s, &["volume", "show", &volume, "-f", "json"]));
    assert_eq!(v["status"], "in-use", "{v}");
    assert_eq!(v["attachments"][0]["server_id"], server.as_str(), "{v}");
    let sv = json(&ostk(&s, &["server", "show", &server, "-f", "json"]));
    assert_eq!(sv["status"], "ACTIVE", "{sv}");
    assert_eq!(
        ostk(&s, &["network", "show", &net, "-f", "value", "-c", "id"])
            .stdout
            .trim(),
        net
    );

    // update, reusing the stack's template: the volume grows
    let u = ostk(
        &s,
        &[
            "stack",
            "update",
            &name,
            "--existing",
            "--parameter",
            "size=2",
            "--wait",
        ],
    );
    assert_eq!(u.code, 0, "{}{}", u.stdout, u.stderr);
    assert!(
        u.stdout.contains(&format!(
            "[{name}]: UPDATE_COMPLETE  Stack UPDATE completed successfully"
        )),
        "{}",
        u.stdout
    );
    let size = ostk(
        &s,
        &[
            "stack",
            "output",
            "show",
            &name,
            "volume_size",
            "-f",
            "value",
            "-c",
            "output_value",
        ],
    );
    assert_eq!(size.stdout.trim(), "2", "{}", size.stderr);
    assert_same(&s, &["stack", "show", &name, "-f", "yaml"]);

    // delete --wait: gone, and so is what it made
    let d = ostk(&s, &["stack", "delete", "-y", "--wait", &name]);
    assert_eq!(d.code, 0, "{}{}", d.stdout, d.stderr);
    assert_same(&s, &["stack", "show", &name]);
    assert_ne!(ostk(&s, &["server", "show", &server]).code, 0);
    assert_ne!(ostk(&s, &["volume", "show", &volume]).code, 0);
    assert_ne!(ostk(&s, &["network", "show", &net]).code, 0);
    drop(stack);
}

#[test]
fn template_validation_and_errors_match_the_plugin() {
    let s = Scratch::new();
    let w = |f: &str, t: &str| std::fs::write(s.cwd().join(f), t).unwrap();
    w(
        "bad.yaml",
        "heat_template_version: 2018-08-31\nresources:\n  x:\n    type: OS::Nova::Nope\n",
    );
    w("nover.yaml", "foo: bar\n");
    w("good.yaml", TEMPLATE);
    std::fs::create_dir_all(s.cwd().join("files")).unwrap();
    w("files/note.txt", "x");
    for a in [
        &["orchestration", "template", "validate", "-t", "good.yaml"][..],
        &[
            "orchestration",
            "template",
            "validate",
            "-t",
            "good.yaml",
            "-f",
            "json",
        ],
        &["orchestration", "template", "validate", "-t", "bad.yaml"],
        &["orchestration", "template", "validate", "-t", "nover.yaml"],
        &[
            "orchestration",
            "template",
            "validate",
            "-t",
            "missing.yaml",
        ],
        &["stack", "create", "-t", "bad.yaml", "never-created"],
        &["stack", "create", "never-created"],
        &["stack", "show", "no-such-stack"],
        &["stack", "delete", "-y", "no-such-stack"],
        &["stack", "event", "list", "no-such-stack"],
        &["stack", "output", "show", "no-such-stack"],
        &["stack", "resource", "list", "no-such-stack"],
        &["orchestration", "template", "version", "list"],
        &[
            "orchestration",
            "template",
            "function",
            "list",
            "2018-08-31",
        ],
        &[
            "orchestration",
            "resource",
            "type",
            "show",
            "OS::Heat::Value",
        ],
    ] {
        assert_same(&s, a);
    }
}

#[test]
fn stack_actions_and_snapshots() {
    let s = Scratch::new();
    std::fs::write(
        s.cwd().join("small.yaml"),
        "heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::RandomString\noutputs:\n  v:\n    value: {get_attr: [r, value]}\n",
    )
    .unwrap();
    let name = unique("small");
    let stack = Stack {
        s: &s,
        name: name.clone(),
    };
    let c = ostk(
        &s,
        &["stack", "create", "-t", "small.yaml", "--wait", &name],
    );
    assert_eq!(c.code, 0, "{}{}", c.stdout, c.stderr);

    // suspend / resume / check --wait end in their _COMPLETE state
    for (action, status) in [
        ("suspend", "SUSPEND_COMPLETE"),
        ("resume", "RESUME_COMPLETE"),
        ("check", "CHECK_COMPLETE"),
    ] {
        let r = ostk(&s, &["stack", action, &name, "--wait", "-f", "json"]);
        assert_eq!(r.code, 0, "{action}: {}{}", r.stdout, r.stderr);
        let rows: serde_json::Value =
            serde_json::from_str(&r.stdout[r.stdout.find("[\n").unwrap()..]).unwrap();
        assert_eq!(rows[0]["Stack Status"], status, "{}", r.stdout);
    }
    assert_same(&s, &["stack", "cancel", &name]);
    assert_same(&s, &["stack", "export", &name]);

    // snapshots
    let snap = json(&ostk(
        &s,
        &[
            "stack", "snapshot", "create", &name, "--name", "snap1", "-f", "json",
        ],
    ));
    let id = snap["ID"].as_str().unwrap().to_string();
    assert_eq!(snap["name"], "snap1");
    for _ in 0..60 {
        let l = json(&ostk(
            &s,
            &["stack", "snapshot", "list", &name, "-f", "json"],
        ));
        if l[0]["status"] == "COMPLETE" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    assert_same(&s, &["stack", "snapshot", "list", &name]);
    assert_same(&s, &["stack", "snapshot", "show", &name, &id]);
    assert_same(&s, &["stack", "snapshot", "show", &name, "nope"]);
    assert_same(&s, &["stack", "snapshot", "delete", "-y", &name, "nope"]);
    let d = ostk(&s, &["stack", "snapshot", "delete", "-y", &name, &id]);
    assert_eq!(d.code, 0, "{}", d.stderr);

    // abandon to a file, adopt it under another name: the resource keeps its data
    let value = ostk(
        &s,
        &[
            "stack",
            "output",
            "show",
            &name,
            "v",
            "-f",
            "value",
            "-c",
            "output_value",
        ],
    );
    let a = ostk(
        &s,
        &["stack", "abandon", &name, "--output-file", "abandoned.json"],
    );
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stdout, "");
    let adopted = unique("adopted");
    let _adopted = Stack {
        s: &s,
        name: adopted.clone(),
    };
    let r = ostk(
        &s,
        &[
            "stack",
            "adopt",
            "--adopt-file",
            "abandoned.json",
            "--wait",
            &adopted,
        ],
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("| stack_status        | ADOPT_COMPLETE"),
        "{}",
        r.stdout
    );
    let again = ostk(
        &s,
        &[
            "stack",
            "output",
            "show",
            &adopted,
            "v",
            "-f",
            "value",
            "-c",
            "output_value",
        ],
    );
    assert_eq!(again.stdout, value.stdout);
    drop(stack);
}

#[test]
fn hooks_failures_and_the_dot_graph() {
    let s = Scratch::new();
    std::fs::write(
        s.cwd().join("hooked.yaml"),
        "heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::RandomString\n  v:\n    type: OS::Heat::Value\n    properties:\n      value: {get_attr: [r, value]}\n",
    )
    .unwrap();
    std::fs::write(
        s.cwd().join("failing.yaml"),
        "heat_template_version: 2018-08-31\nresources:\n  bad:\n    type: OS::Heat::TestResource\n    properties:\n      fail: true\n",
    )
    .unwrap();

    // a pre-create hook holds the stack until cleared
    let hooked = unique("hooked");
    let h = Stack {
        s: &s,
        name: hooked.clone(),
    };
    let c = ostk(
        &s,
        &[
            "stack",
            "create",
            "-t",
            "hooked.yaml",
            "--pre-create",
            "r",
            &hooked,
        ],
    );
    assert_eq!(c.code, 0, "{}", c.stderr);
    let mut polled = String::new();
    for _ in 0..60 {
        polled = ostk(
            &s,
            &[
                "stack",
                "hook",
                "poll",
                &hooked,
                "-f",
                "value",
                "-c",
                "Resource Name",
            ],
        )
        .stdout;
        if polled.trim() == "r" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    assert_eq!(polled.trim(), "r");
    assert_same(&s, &["stack", "hook", "poll", &hooked]);
    let cl = ostk(&s, &["stack", "hook", "clear", &hooked, "r"]);
    assert_eq!(cl.code, 0, "{}", cl.stderr);
    let mut status = String::new();
    for _ in 0..60 {
        status = ostk(
            &s,
            &[
                "stack",
                "show",
                &hooked,
                "-f",
                "value",
                "-c",
                "stack_status",
            ],
        )
        .stdout;
        if status.trim() == "CREATE_COMPLETE" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    assert_eq!(status.trim(), "CREATE_COMPLETE");
    assert_same(&s, &["stack", "resource", "list", &hooked, "-f", "dot"]);
    assert_same(&s, &["stack", "hook", "poll", &hooked]);

    // a failing create: --wait ends like the plugin, failures list explains
    let failing = unique("failing");
    let f = Stack {
        s: &s,
        name: failing.clone(),
    };
    let c = ostk(
        &s,
        &["stack", "create", "-t", "failing.yaml", "--wait", &failing],
    );
    assert_eq!(c.code, 1, "{}{}", c.stdout, c.stderr);
    assert!(
        c.stdout
            .contains(&format!("[{failing}.bad]: CREATE_FAILED")),
        "{}",
        c.stdout
    );
    assert_eq!(c.stderr, format!("\n Stack {failing} CREATE_FAILED \n\n"));
    assert_same(&s, &["stack", "failures", "list", &failing]);
    assert_same(&s, &["stack", "failures", "list", &failing, "--long"]);
    assert_same(&s, &["stack", "resource", "list", &failing, "-f", "dot"]);
    drop(f);
    drop(h);
}

#[test]
fn software_configs_and_deployments() {
    let s = Scratch::new();
    std::fs::write(s.cwd().join("script.sh"), "#!/bin/sh\necho hi\n").unwrap();
    std::fs::write(
        s.cwd().join("defn.yaml"),
        "inputs:\n- name: foo\n  default: bar\noutputs:\n- name: result\noptions:\n  x: 1\n",
    )
    .unwrap();
    let name = unique("cfg");
    let cfg = json(&ostk(
        &s,
        &[
            "software",
            "config",
            "create",
            &name,
            "--config-file",
            "script.sh",
            "--definition-file",
            "defn.yaml",
        ],
    ));
    let cid = cfg["id"].as_str().unwrap().to_string();
    let mut cleanup = Cleanup {
        s: &s,
        what: vec![words(&["software", "config", "delete", &cid])],
    };
    assert_eq!(cfg["config"], "#!/bin/sh\necho hi\n");
    assert_same(&s, &["software", "config", "show", &cid]);
    assert_same(&s, &["software", "config", "show", &cid, "--config-only"]);

    // a deployment to a (made-up) server, without signalling; heat keeps server IDs in 36
    // characters
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let server = format!(
        "{:08x}-0000-4000-8000-{:012x}",
        std::process::id(),
        nanos % (1 << 48)
    );
    let d = json(&ostk(
        &s,
        &[
            "software",
            "deployment",
            "create",
            &name,
            "--server",
            &server,
            "--config",
            &cid,
            "--signal-transport",
            "NO_SIGNAL",
            "--input-value",
            "foo=baz",
            "-f",
            "json",
        ],
    ));
    let did = d["id"].as_str().unwrap().to_string();
    cleanup
        .what
        .push(words(&["software", "deployment", "delete", &did]));
    assert_eq!(d["status"], "IN_PROGRESS");
    let derived = json(&ostk(
        &s,
        &[
            "software",
            "config",
            "show",
            d["config_id"].as_str().unwrap(),
            "-f",
            "json",
        ],
    ));
    let inputs = derived["inputs"].as_array().unwrap();
    assert_eq!(inputs[0]["name"], "foo");
    assert_eq!(inputs[0]["value"], "baz");
    assert!(
        inputs
            .iter()
            .any(|i| i["name"] == "deploy_server_id" && i["value"] == server.as_str())
    );
    assert_same(&s, &["software", "deployment", "show", &did, "--long"]);
    assert_same(&s, &["software", "deployment", "list", "--server", &server]);
    assert_same(&s, &["software", "deployment", "metadata", "show", &server]);
    assert_same(
        &s,
        &["software", "deployment", "output", "show", &did, "--all"],
    );

    // the default transport: a swift TempURL the server can PUT its outputs to
    let t = json(&ostk(
        &s,
        &[
            "software",
            "deployment",
            "create",
            &name,
            "--server",
            &server,
            "-f",
            "json",
        ],
    ));
    cleanup.what.push(words(&[
        "software",
        "deployment",
        "delete",
        t["id"].as_str().unwrap(),
    ]));
    let tcfg = json(&ostk(
        &s,
        &[
            "software",
            "config",
            "show",
            t["config_id"].as_str().unwrap(),
            "-f",
            "json",
        ],
    ));
    let url = tcfg["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "deploy_signal_id")
        .and_then(|i| i["value"].as_str())
        .unwrap()
        .to_string();
    crate::support::curl(&["-X", "PUT", "--data", "{}", &url]);
    let container = url.split('/').nth(5).unwrap().to_string();
    cleanup
        .what
        .insert(0, words(&["container", "delete", "-r", &container]));

    for id in [&did, t["id"].as_str().unwrap()] {
        let r = ostk(&s, &["software", "deployment", "delete", id]);
        assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    }
    assert_same(&s, &["software", "deployment", "show", &did]);
    let r = ostk(&s, &["software", "config", "delete", &cid]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_same(&s, &["software", "config", "delete", &cid]);
    let r = ostk(&s, &["container", "delete", "-r", &container]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    cleanup.what.clear();
}
