//! Key manager (barbican) secrets against the devcloud's `keymanager` group, side by side with
//! python-barbicanclient's OSC plugin (`OSTK_REFERENCE_OPENSTACK_PLUGINS`): store, get (metadata,
//! payload, to a file), list, update, delete, the error lines, and no payload in `--debug`.
//! Skipped when the group is not up (`OSTK_DEVCLOUD_KEYMANAGER` unset).

use crate::support::{Run, Scratch, cloud_env, json_of, ostk_as_openstack, run_in, unique};
use serde_json::Value;
use std::path::PathBuf;

/// The reference CLI with the barbican plugin.
fn plugin_reference() -> PathBuf {
    let p = std::env::var_os("OSTK_REFERENCE_OPENSTACK_PLUGINS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/ostk-devcloud/venv-osc-plugins/bin/openstack"));
    assert!(
        p.exists(),
        "plugin reference not found at {} (devcloud/devcloud up; set OSTK_REFERENCE_OPENSTACK_PLUGINS)",
        p.display()
    );
    p
}

fn enabled() -> bool {
    let on = std::env::var_os("OSTK_DEVCLOUD_KEYMANAGER").is_some();
    if !on {
        eprintln!(
            "skipped: the devcloud keymanager group is not up (OSTK_DEVCLOUD_KEYMANAGER unset)"
        );
    }
    on
}

fn ostk(s: &Scratch, a: &[&str]) -> Run {
    run_in(&ostk_as_openstack(), s, &cloud_env("devstack"), a)
}

fn reference(s: &Scratch, a: &[&str]) -> Run {
    run_in(&plugin_reference(), s, &cloud_env("devstack"), a)
}

/// Both tools; their runs must be identical.
fn same(s: &Scratch, a: &[&str]) -> Run {
    let (o, r) = (ostk(s, a), reference(s, a));
    assert_eq!(o, r, "{a:?}");
    o
}

/// Deletes the secrets on drop, so a failing test leaves none behind.
struct Cleanup<'a> {
    s: &'a Scratch,
    refs: Vec<String>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        for r in &self.refs {
            let _ = ostk(self.s, &["secret", "delete", r]);
        }
    }
}

fn href(v: &Value) -> String {
    v["Secret href"]
        .as_str()
        .unwrap_or_else(|| panic!("no href in {v}"))
        .to_string()
}

/// The fields two secrets stored the same way share.
fn without(mut v: Value, keys: &[&str]) -> Value {
    for k in keys {
        v.as_object_mut().unwrap().remove(*k);
    }
    v
}

#[test]
fn secrets_round_trip_as_the_plugin_does() {
    if !enabled() {
        return;
    }
    let s = Scratch::new();
    let name = unique("secret");
    let payload = format!("pw-{name}");
    let store = [
        "secret",
        "store",
        "--name",
        name.as_str(),
        "--payload",
        payload.as_str(),
        "--payload-content-type",
        "text/plain",
        "--expiration",
        "2099-01-01",
        "-f",
        "json",
    ];
    let mine = json_of(&ostk(&s, &store));
    let theirs = json_of(&reference(&s, &store));
    let (a, b) = (href(&mine), href(&theirs));
    let mut cleanup = Cleanup {
        s: &s,
        refs: vec![a.clone(), b.clone()],
    };
    assert_eq!(
        without(mine, &["Secret href"]),
        without(theirs, &["Secret href"])
    );

    // get: metadata (by URL and by UUID), payload, in every format
    let uuid = a.rsplit('/').next().unwrap().to_string();
    for f in ["table", "json", "value"] {
        same(&s, &["secret", "get", &a, "-f", f]);
        same(&s, &["secret", "get", &uuid, "--payload", "-f", f]);
    }
    let p = json_of(&ostk(&s, &["secret", "get", &b, "-p", "-f", "json"]));
    assert_eq!(p, serde_json::json!({ "Payload": payload }));

    // --file: the payload, once; then the plugin's refusal to overwrite
    let file = s.cwd().join("payload.txt");
    let f = file.display().to_string();
    let r = ostk(&s, &["secret", "get", &a, "--file", &f]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), payload);
    same(&s, &["secret", "get", &a, "--file", &f]);

    // list filtered by name: both secrets, the same rows
    let l = same(&s, &["secret", "list", "--name", &name, "-f", "json"]);
    assert_eq!(json_of(&l).as_array().unwrap().len(), 2, "{}", l.stdout);
    same(&s, &["secret", "list", "--name", &unique("none")]);

    // the payload never reaches --debug output
    for args in [
        vec!["secret", "get", a.as_str(), "-p", "--debug"],
        vec!["secret", "store", "-p", payload.as_str(), "--debug"],
    ] {
        let r = ostk(&s, &args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stderr.contains("REQ: curl"), "{}", r.stderr);
        assert!(!r.stderr.contains(&payload), "payload logged: {}", r.stderr);
        // the stored one's href, from the table, for the cleanup
        cleanup.refs.extend(
            r.stdout
                .split_whitespace()
                .find(|w| w.contains("/v1/secrets/"))
                .map(str::to_string),
        );
    }

    // a secret stored without data, given one by update
    let empty = json_of(&ostk(
        &s,
        &["secret", "store", "--name", &name, "-f", "json"],
    ));
    let e = href(&empty);
    cleanup.refs.push(e.clone());
    let r = ostk(&s, &["secret", "update", &e, "later"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    let got = json_of(&ostk(&s, &["secret", "get", &e, "-p", "-f", "json"]));
    assert_eq!(got["Payload"], "later");

    // delete; what is gone reads as the plugin words it
    for r in [&a, &b, &e] {
        let d = ostk(&s, &["secret", "delete", r]);
        assert_eq!((d.code, d.stdout.as_str()), (0, ""), "{}", d.stderr);
    }
    let gone = same(&s, &["secret", "get", &a]);
    assert_eq!(gone.code, 1);
    assert!(gone.stderr.contains("Not Found"), "{}", gone.stderr);
    same(&s, &["secret", "delete", &b]);
    same(
        &s,
        &[
            "secret",
            "get",
            "http://127.0.0.1:9311/v1/secrets/not-a-uuid",
        ],
    );
}

#[test]
fn a_secret_stored_without_a_name_is_shown_as_barbican_has_it() {
    if !enabled() {
        return;
    }
    let s = Scratch::new();
    let store = ["secret", "store", "--payload", "xyz", "-f", "json"];
    let mine = json_of(&ostk(&s, &store));
    let theirs = json_of(&reference(&s, &store));
    let _c = Cleanup {
        s: &s,
        refs: vec![href(&mine), href(&theirs)],
    };
    // the plugin fetched it back: created, status and the binary content type
    assert_eq!(mine["Status"], "ACTIVE");
    assert!(mine["Created"].as_str().unwrap().ends_with("+00:00"));
    assert_eq!(
        without(mine.clone(), &["Secret href", "Created"]),
        without(theirs, &["Secret href", "Created"])
    );
    let p = same(&s, &["secret", "get", &href(&mine), "-p", "-f", "value"]);
    assert_eq!(p.stdout, "xyz\n");
}

#[test]
fn generic_containers_round_trip_as_the_plugin_does() {
    if !enabled() {
        return;
    }
    let s = Scratch::new();
    let name = unique("box");
    let secret = json_of(&ostk(
        &s,
        &[
            "secret", "store", "--name", &name, "-p", "inside", "-f", "json",
        ],
    ));
    let sref = href(&secret);
    let _cleanup = Cleanup {
        s: &s,
        refs: vec![sref.clone()],
    };
    let entry = format!("Key={sref}");
    let create = [
        "secret",
        "container",
        "create",
        "--name",
        &name,
        "--secret",
        &entry,
        "-f",
        "json",
    ];
    let mine = json_of(&ostk(&s, &create));
    let theirs = json_of(&reference(&s, &create));
    let c = |v: &Value| v["Container href"].as_str().unwrap().to_string();
    let (a, b) = (c(&mine), c(&theirs));
    let drop_containers = |s: &Scratch| {
        for r in [&a, &b] {
            let _ = ostk(s, &["secret", "container", "delete", r]);
        }
    };
    // names are lower-cased, as the client keys them
    assert_eq!(mine["Secrets"], format!("key={sref}"));
    assert_eq!(
        without(mine, &["Container href"]),
        without(theirs, &["Container href"])
    );
    for f in ["table", "json"] {
        same(&s, &["secret", "container", "get", &a, "-f", f]);
    }
    let l = same(
        &s,
        &["secret", "container", "list", "--name", &name, "-f", "json"],
    );
    assert_eq!(json_of(&l).as_array().unwrap().len(), 2, "{}", l.stdout);
    for r in [&a, &b] {
        let d = ostk(&s, &["secret", "container", "delete", r]);
        assert_eq!((d.code, d.stdout.as_str()), (0, ""), "{}", d.stderr);
    }
    same(&s, &["secret", "container", "get", &a]);
    same(
        &s,
        &[
            "secret",
            "container",
            "create",
            "--name",
            &name,
            "-f",
            "json",
        ],
    );
    drop_containers(&s);
    // the secret outlives its containers
    let got = json_of(&ostk(&s, &["secret", "get", &sref, "-p", "-f", "json"]));
    assert_eq!(got["Payload"], "inside");
}
