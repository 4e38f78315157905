//! Block storage (cinder, fake driver) commands against the devcloud: round trips per resource
//! group, side-by-side output with the reference for create/show/list, and error lines.

use crate::support::{
    Run, Scratch, args, both, cloud_env, json_of as json, ostk_as_openstack, run, run_in, unique,
};
use serde_json::Value;
use std::collections::BTreeMap;

fn env(cloud: &str) -> BTreeMap<String, String> {
    cloud_env(cloud)
}

fn ostk_as(cloud: &str, s: &Scratch, args: &[&str]) -> Run {
    run_in(&ostk_as_openstack(), s, &env(cloud), args)
}

fn ostk(s: &Scratch, args: &[&str]) -> Run {
    ostk_as("devstack", s, args)
}

/// Deletes what a test made on drop (`volume delete x`, `volume type delete x` …), so a
/// failing test leaves nothing behind.
struct Cleanup<'a> {
    s: &'a Scratch,
    cloud: &'static str,
    what: Vec<Vec<String>>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        for args in self.what.iter().rev() {
            let a: Vec<&str> = args.iter().map(String::as_str).collect();
            let _ = ostk_as(self.cloud, self.s, &a);
        }
    }
}

/// Polls `volume show` (or `volume snapshot show` …) until the status is `want` (its field
/// is `status`, or `Status` where OSC names the fields itself).
fn wait_status(s: &Scratch, cloud: &str, show: &[&str], want: &str) -> Value {
    for _ in 0..60 {
        let mut a = show.to_vec();
        a.extend(["-f", "json"]);
        let v = json(&ostk_as(cloud, s, &a));
        let status = v.get("status").or(v.get("Status")).cloned();
        if status.as_ref().is_some_and(|st| st == want) {
            return v;
        }
        assert!(
            !status
                .as_ref()
                .and_then(Value::as_str)
                .unwrap_or_default()
                .starts_with("error"),
            "{v}"
        );
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    panic!("{show:?} never became {want}");
}

/// Polls `show` as devstack-admin until `field` equals `want` (cinder's asynchronous updates).
fn wait_field(s: &Scratch, show: &[&str], field: &str, want: &str) -> Value {
    let mut last = Value::Null;
    for _ in 0..60 {
        let mut a = show.to_vec();
        a.extend(["-f", "json"]);
        last = json(&ostk_as("devstack-admin", s, &a));
        if last[field] == want {
            return last;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    panic!("{show:?}: {field} never became {want}: {last}");
}

/// Runs `args` with ostk and the reference as `cloud`: exit code, stdout and stderr must match.
fn assert_same(s: &Scratch, cloud: &str, args: &[&str]) {
    let (o, r) = both(args, &env(cloud), &s.cwd(), &s.home());
    assert_eq!(
        (o.code, &o.stdout, &o.stderr),
        (r.code, &r.stdout, &r.stderr),
        "{args:?}"
    );
}

/// Fields that differ between two resources made the same way.
fn strip(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        for k in ["id", "created_at", "updated_at", "name", "service_uuid"] {
            o.remove(k);
        }
    }
    v
}

#[test]
fn volume_create_show_list_match_the_reference() {
    let s = Scratch::new();
    let (a, b) = (unique("vol-a"), unique("vol-b"));
    let _c = Cleanup {
        s: &s,
        cloud: "devstack",
        what: vec![args(&["volume", "delete", &a, &b])],
    };
    let create = |n: &str| {
        vec![
            "volume",
            "create",
            "--size",
            "1",
            "--description",
            "d",
            "--property",
            "k=v",
            "--property",
            "k2=v2",
            "-f",
            "json",
            n,
        ]
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>()
    };
    let ours = ostk(
        &s,
        &create(&a).iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let theirs = run(
        &crate::support::reference(),
        &create(&b),
        &env("devstack"),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(strip(json(&ours)), strip(json(&theirs)));
    wait_status(&s, "devstack", &["volume", "show", &a], "available");
    wait_status(&s, "devstack", &["volume", "show", &b], "available");

    // show (table and json) side by side, the names swapped in
    let (o, r) = both(
        &["volume", "show", &a, "-f", "json"],
        &env("devstack"),
        &s.cwd(),
        &s.home(),
    );
    let r2 = run(
        &crate::support::reference(),
        &args(&["volume", "show", &b, "-f", "json"]),
        &env("devstack"),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(o.stdout, r.stdout);
    assert_eq!(strip(json(&o)), strip(json(&r2)));
    let (o, r) = both(
        &["volume", "show", &a],
        &env("devstack"),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((o.code, &o.stdout), (r.code, &r.stdout));

    // list --long, filtered by name: same table
    for extra in [&[][..], &["--long"][..]] {
        let mut args = vec!["volume", "list", "--name", &a];
        args.extend(extra);
        let (o, r) = both(&args, &env("devstack"), &s.cwd(), &s.home());
        assert_eq!(
            (o.code, &o.stdout, &o.stderr),
            (r.code, &r.stdout, &r.stderr)
        );
        assert!(
            o.stdout.contains("k='v', k2='v2'") || extra.is_empty(),
            "{}",
            o.stdout
        );
    }
}

#[test]
fn volume_set_unset_delete_round_trip() {
    let s = Scratch::new();
    let (a, a2) = (unique("vol-set"), unique("vol-set2"));
    let _c = Cleanup {
        s: &s,
        cloud: "devstack",
        what: vec![args(&["volume", "delete", &a, &a2])],
    };
    json(&ostk(
        &s,
        &["volume", "create", "--size", "1", &a, "-f", "json"],
    ));
    wait_status(&s, "devstack", &["volume", "show", &a], "available");
    let r = ostk(
        &s,
        &[
            "volume",
            "set",
            "--size",
            "2",
            "--property",
            "p=1",
            "--image-property",
            "ip=2",
            "--bootable",
            "--name",
            &a2,
            "--description",
            "new",
            &a,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = wait_status(&s, "devstack", &["volume", "show", &a2], "available");
    assert_eq!(v["size"], 2);
    assert_eq!(v["bootable"], true);
    assert_eq!(v["description"], "new");
    assert_eq!(v["properties"]["p"], "1");
    assert_eq!(v["volume_image_metadata"]["ip"], "2");

    // shrinking fails with OSC's line and summary
    let r = ostk(&s, &["volume", "set", "--size", "1", &a2]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "Failed to set volume size: New size must be greater than 2 GB\n\
         One or more of the set operations failed\n"
    );

    let r = ostk(
        &s,
        &[
            "volume",
            "unset",
            "--property",
            "p",
            "--image-property",
            "ip",
            &a2,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&ostk(&s, &["volume", "show", &a2, "-f", "json"]));
    assert_eq!(v["properties"], serde_json::json!({}));
    assert!(
        v.get("volume_image_metadata")
            .is_none_or(|m| m.get("ip").is_none()),
        "{v}"
    );

    // several at once, one of them missing: per-item line and summary
    let r = ostk(&s, &["volume", "delete", &a2, "ostk-no-such-volume"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "Failed to delete volume with name or ID 'ostk-no-such-volume': No Volume found for \
         ostk-no-such-volume\n1 of 2 volumes failed to delete.\n"
    );
    for _ in 0..30 {
        if ostk(&s, &["volume", "show", &a2]).code != 0 {
            return;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    panic!("volume {a2} was not deleted");
}

#[test]
fn volume_errors_match_the_reference() {
    let s = Scratch::new();
    for args in [
        &["volume", "show", "ostk-no-such-volume"][..],
        &["volume", "create", "ostk-x"][..],
        &[
            "volume",
            "create",
            "--size",
            "1",
            "--snapshot",
            "ostk-no-such",
            "x",
        ][..],
        &["volume", "delete", "ostk-no-such-1", "ostk-no-such-2"][..],
        &["volume", "set", "--size", "2", "ostk-no-such-volume"][..],
    ] {
        assert_same(&s, "devstack", args);
    }
}

#[test]
fn snapshot_round_trip_matches_the_reference() {
    let s = Scratch::new();
    let (v, a, a2) = (unique("snapvol"), unique("snap"), unique("snap2"));
    let _c = Cleanup {
        s: &s,
        cloud: "devstack",
        what: vec![
            args(&["volume", "delete", &v]),
            args(&["volume", "snapshot", "delete", &a, &a2]),
        ],
    };
    json(&ostk(
        &s,
        &["volume", "create", "--size", "1", &v, "-f", "json"],
    ));
    wait_status(&s, "devstack", &["volume", "show", &v], "available");
    let created = json(&ostk(
        &s,
        &[
            "volume",
            "snapshot",
            "create",
            "--volume",
            &v,
            "--property",
            "k=v",
            "--description",
            "d",
            &a,
            "-f",
            "json",
        ],
    ));
    let keys: Vec<&String> = created.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "created_at",
            "description",
            "id",
            "name",
            "properties",
            "size",
            "status",
            "volume_id"
        ]
    );
    wait_status(
        &s,
        "devstack",
        &["volume", "snapshot", "show", &a],
        "available",
    );
    for args in [
        &["volume", "snapshot", "show", &a][..],
        &["volume", "snapshot", "list", "--long", "--name", &a][..],
        &["volume", "snapshot", "list", "--volume", &v, "-f", "json"][..],
    ] {
        assert_same(&s, "devstack", args);
    }
    let r = ostk(
        &s,
        &[
            "volume",
            "snapshot",
            "set",
            "--no-property",
            "--property",
            "n=1",
            "--name",
            &a2,
            &a,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let got = json(&ostk(
        &s,
        &["volume", "snapshot", "show", &a2, "-f", "json"],
    ));
    assert_eq!(got["properties"], serde_json::json!({"n": "1"}));
    let r = ostk(&s, &["volume", "snapshot", "unset", "--property", "n", &a2]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = ostk(
        &s,
        &["volume", "snapshot", "delete", &a2, "ostk-no-such-snap"],
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "Failed to delete snapshot with name or ID 'ostk-no-such-snap': No Snapshot found for \
         ostk-no-such-snap\n1 of 2 snapshots failed to delete.\n"
    );
}

#[test]
fn volume_type_round_trip_matches_the_reference() {
    let s = Scratch::new();
    let (t, e) = (unique("type"), unique("enc"));
    let _c = Cleanup {
        s: &s,
        cloud: "devstack-admin",
        what: vec![args(&["volume", "type", "delete", &t, &e])],
    };
    let admin = |args: &[&str]| ostk_as("devstack-admin", &s, args);
    let created = json(&admin(&[
        "volume",
        "type",
        "create",
        "--private",
        "--project",
        "demo",
        "--property",
        "a=b",
        "--multiattach",
        &t,
        "-f",
        "json",
    ]));
    assert_eq!(created["is_public"], false);
    assert_eq!(
        created["properties"],
        serde_json::json!({"a": "b", "multiattach": "<is> True"})
    );
    let (o, r) = both(
        &["volume", "type", "show", &t],
        &env("devstack-admin"),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(
        (o.code, &o.stdout, &o.stderr),
        (r.code, &r.stdout, &r.stderr)
    );
    assert!(o.stdout.contains("access_project_ids"), "{}", o.stdout);

    // encryption: create, update, show, list, remove
    let enc = json(&admin(&[
        "volume",
        "type",
        "create",
        "--encryption-provider",
        "luks",
        "--encryption-cipher",
        "aes-xts-plain64",
        "--encryption-key-size",
        "128",
        &e,
        "-f",
        "json",
    ]));
    assert_eq!(enc["encryption"]["key_size"], 128);
    assert_eq!(enc["encryption"]["control_location"], "front-end");
    let r = admin(&["volume", "type", "set", "--encryption-key-size", "256", &e]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    let (o, r) = both(
        &[
            "volume",
            "type",
            "show",
            "--encryption-type",
            &e,
            "-f",
            "json",
        ],
        &env("devstack-admin"),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((o.code, &o.stdout), (r.code, &r.stdout));
    assert_eq!(json(&o)["encryption"]["key_size"], 256);
    let (o, r) = both(
        &["volume", "type", "list", "--long", "--encryption-type"],
        &env("devstack-admin"),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((o.code, &o.stdout), (r.code, &r.stdout));
    let r = admin(&["volume", "type", "unset", "--encryption-type", &e]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = json(&admin(&[
        "volume",
        "type",
        "show",
        "--encryption-type",
        &e,
        "-f",
        "json",
    ]));
    assert_eq!(shown["encryption"], serde_json::json!({}));

    // access removal and the reference's failure for --public (openstacksdk's body key)
    let r = admin(&[
        "volume",
        "type",
        "unset",
        "--project",
        "demo",
        "--property",
        "a",
        &t,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for args in [
        &["volume", "type", "set", "--public", &t][..],
        &["volume", "type", "create", "--project", "demo", "ostk-x"][..],
        &["volume", "type", "show", "ostk-no-such-type"][..],
        &["volume", "type", "delete", "ostk-no-such-type"][..],
    ] {
        let (o, r) = both(args, &env("devstack-admin"), &s.cwd(), &s.home());
        let norm = |x: &str| x.split("req-").next().unwrap_or_default().replace(&*t, "T");
        assert_eq!(
            (o.code, norm(&o.stderr)),
            (r.code, norm(&r.stderr)),
            "{args:?}"
        );
    }
}

#[test]
fn qos_and_service_match_the_reference() {
    let s = Scratch::new();
    let (q, t) = (unique("qos"), unique("qostype"));
    let _c = Cleanup {
        s: &s,
        cloud: "devstack-admin",
        what: vec![
            args(&["volume", "type", "delete", &t]),
            args(&["volume", "qos", "delete", "--force", &q]),
        ],
    };
    let admin = |args: &[&str]| ostk_as("devstack-admin", &s, args);
    let created = json(&admin(&[
        "volume",
        "qos",
        "create",
        "--consumer",
        "front-end",
        "--property",
        "a=b",
        &q,
        "-f",
        "json",
    ]));
    assert_eq!(created["properties"], serde_json::json!({"a": "b"}));
    json(&admin(&["volume", "type", "create", &t, "-f", "json"]));
    let r = admin(&["volume", "qos", "associate", &q, &t]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = admin(&[
        "volume",
        "qos",
        "set",
        "--no-property",
        "--property",
        "c=d",
        &q,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // cinder lists services in no fixed order: compare the sorted rows
    let sorted = |r: &Run| {
        let mut l: Vec<String> = r.stdout.lines().map(str::to_string).collect();
        l.sort();
        (r.code, l, r.stderr.clone())
    };
    for args in [
        &["volume", "qos", "show", &q][..],
        &[
            "volume",
            "qos",
            "list",
            "-f",
            "value",
            "-c",
            "Name",
            "-c",
            "Associations",
        ][..],
        &[
            "volume", "service", "list", "--long", "-f", "value", "-c", "Binary", "-c", "Host",
        ][..],
        &[
            "volume",
            "service",
            "set",
            "--enable",
            "nohost",
            "cinder-volume",
        ][..],
    ] {
        let (o, r) = both(args, &env("devstack-admin"), &s.cwd(), &s.home());
        assert_eq!(sorted(&o), sorted(&r), "{args:?}");
    }
    let shown = json(&admin(&["volume", "qos", "show", &q, "-f", "json"]));
    assert_eq!(shown["associations"], serde_json::json!([t]));
    assert_eq!(shown["properties"], serde_json::json!({"c": "d"}));
    let r = admin(&["volume", "qos", "disassociate", "--all", &q]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = admin(&["volume", "qos", "unset", "--property", "c", &q]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = admin(&["volume", "qos", "delete", &q, "ostk-no-such-qos"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "Failed to delete QoS specification with name or ID 'ostk-no-such-qos': No QoSSpec \
         found for ostk-no-such-qos\n1 of 2 QoS specifications failed to delete.\n"
    );
}

#[test]
fn transfer_request_round_trip() {
    let s = Scratch::new();
    let (v, tr) = (unique("trvol"), unique("tr"));
    let _c = Cleanup {
        s: &s,
        cloud: "devstack-admin",
        what: vec![args(&["volume", "delete", "--force", &v])],
    };
    let _m = Cleanup {
        s: &s,
        cloud: "devstack",
        what: vec![args(&["volume", "delete", &v])],
    };
    json(&ostk(
        &s,
        &["volume", "create", "--size", "1", &v, "-f", "json"],
    ));
    wait_status(&s, "devstack", &["volume", "show", &v], "available");
    let created = json(&ostk(
        &s,
        &[
            "volume", "transfer", "request", "create", "--name", &tr, &v, "-f", "json",
        ],
    ));
    let keys: Vec<&String> = created.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["auth_key", "created_at", "id", "name", "volume_id"]);
    let (o, r) = both(
        &["volume", "transfer", "request", "show", &tr],
        &env("devstack"),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(
        (o.code, &o.stdout, &o.stderr),
        (r.code, &r.stdout, &r.stderr)
    );
    let tid = created["id"].as_str().unwrap();
    let key = created["auth_key"].as_str().unwrap();
    let accepted = json(&ostk_as(
        "devstack-admin",
        &s,
        &[
            "volume",
            "transfer",
            "request",
            "accept",
            "--auth-key",
            key,
            tid,
            "-f",
            "json",
        ],
    ));
    assert_eq!(accepted["name"], tr.as_str());
    assert_eq!(accepted["volume_id"], created["volume_id"]);
    // the volume now belongs to the admin project
    assert_ne!(ostk(&s, &["volume", "show", &v]).code, 0);
    let r = ostk(
        &s,
        &["volume", "transfer", "request", "delete", "ostk-no-such-tr"],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .ends_with("1 of 1 volume transfer requests failed to delete\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn backup_round_trip_matches_the_reference() {
    let s = Scratch::new();
    let (v, b, r1, r2) = (
        unique("bkvol"),
        unique("bk"),
        unique("bkrest"),
        unique("bkfrom"),
    );
    let _c = Cleanup {
        s: &s,
        cloud: "devstack",
        what: vec![
            args(&["volume", "delete", &v, &r1, &r2]),
            args(&["volume", "backup", "delete", &b]),
        ],
    };
    // the imported record belongs to the importer's (admin) project
    let _a = Cleanup {
        s: &s,
        cloud: "devstack-admin",
        what: vec![args(&["volume", "backup", "delete", &b])],
    };
    let vol = json(&ostk(
        &s,
        &["volume", "create", "--size", "1", &v, "-f", "json"],
    ));
    wait_status(&s, "devstack", &["volume", "show", &v], "available");
    let created = json(&ostk(
        &s,
        &[
            "volume",
            "backup",
            "create",
            "--name",
            &b,
            "--property",
            "k=v",
            &v,
            "-f",
            "json",
        ],
    ));
    let keys: Vec<&String> = created.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "name", "volume_id"]);
    assert_eq!(created["volume_id"], vol["id"]);
    let shown = wait_status(
        &s,
        "devstack",
        &["volume", "backup", "show", &b],
        "available",
    );
    assert_eq!(shown["metadata"], serde_json::json!({"k": "v"}));
    assert_eq!(shown["object_count"], 1, "the posix driver stored the data");

    // show and list side by side (table and json)
    for args in [
        &["volume", "backup", "show", &b][..],
        &["volume", "backup", "show", &b, "-f", "json"][..],
        &["volume", "backup", "list", "--long", "--name", &b][..],
        &["volume", "backup", "list", "--volume", &v, "-f", "json"][..],
        &[
            "volume",
            "backup",
            "list",
            "--volume",
            "ostk-no-such-volume",
        ][..],
        &["volume", "backup", "show", "ostk-no-such-backup"][..],
        &["volume", "backup", "restore", &b, &v][..],
    ] {
        assert_same(&s, "devstack", args);
    }

    // set merges properties (3.43+); unset removes the named one
    let r = ostk(
        &s,
        &[
            "volume",
            "backup",
            "set",
            "--description",
            "d",
            "--property",
            "k2=v2",
            &b,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = json(&ostk(&s, &["volume", "backup", "show", &b, "-f", "json"]));
    assert_eq!(shown["description"], "d");
    assert_eq!(shown["metadata"], serde_json::json!({"k": "v", "k2": "v2"}));
    let r = ostk(
        &s,
        &[
            "volume",
            "backup",
            "unset",
            "--property",
            "k",
            "--property",
            "nope",
            &b,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("'nope' is not a valid property"),
        "{}",
        r.stderr
    );
    let shown = json(&ostk(&s, &["volume", "backup", "show", &b, "-f", "json"]));
    assert_eq!(shown["metadata"], serde_json::json!({"k2": "v2"}));

    // restore into a new volume, then into an existing one with --force
    let restored = json(&ostk(
        &s,
        &["volume", "backup", "restore", &b, &r1, "-f", "json"],
    ));
    assert_eq!(restored["id"], created["id"]);
    assert_eq!(restored["volume_name"], r1.as_str());
    wait_status(&s, "devstack", &["volume", "show", &r1], "available");
    wait_status(
        &s,
        "devstack",
        &["volume", "backup", "show", &b],
        "available",
    );
    let again = json(&ostk(
        &s,
        &[
            "volume", "backup", "restore", "--force", &b, &r1, "-f", "json",
        ],
    ));
    assert_eq!(again["volume_id"], restored["volume_id"]);
    wait_status(&s, "devstack", &["volume", "show", &r1], "available");
    wait_status(
        &s,
        "devstack",
        &["volume", "backup", "show", &b],
        "available",
    );

    // volume create --backup (3.47+)
    let from = json(&ostk(
        &s,
        &["volume", "create", "--backup", &b, &r2, "-f", "json"],
    ));
    assert_eq!(from["size"], 1);
    let v2 = wait_status(&s, "devstack", &["volume", "show", &r2], "available");
    assert_eq!(v2["properties"]["src_backup_id"], created["id"]);
    wait_status(
        &s,
        "devstack",
        &["volume", "backup", "show", &b],
        "available",
    );

    // export (admin), delete, import: the record comes back
    let bid = created["id"].as_str().unwrap();
    let rec = json(&ostk_as(
        "devstack-admin",
        &s,
        &["volume", "backup", "record", "export", bid, "-f", "json"],
    ));
    assert_eq!(
        rec["backup_service"],
        "cinder.backup.drivers.posix.PosixBackupDriver"
    );
    let table = ostk_as(
        "devstack-admin",
        &s,
        &["volume", "backup", "record", "export", bid],
    );
    assert!(
        table.stdout.contains("| Backup Service |") && table.stdout.contains("| Metadata "),
        "{}",
        table.stdout
    );
    let r = ostk(&s, &["volume", "backup", "delete", &b]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for _ in 0..60 {
        if ostk(&s, &["volume", "backup", "show", bid]).code != 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    let imported = json(&ostk_as(
        "devstack-admin",
        &s,
        &[
            "volume",
            "backup",
            "record",
            "import",
            rec["backup_service"].as_str().unwrap(),
            rec["backup_url"].as_str().unwrap(),
            "-f",
            "json",
        ],
    ));
    assert_eq!(imported, serde_json::json!({"id": bid, "name": b}));
    wait_status(
        &s,
        "devstack-admin",
        &["volume", "backup", "show", bid],
        "available",
    );

    let r = ostk_as(
        "devstack-admin",
        &s,
        &["volume", "backup", "delete", bid, "ostk-no-such-backup"],
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "Failed to delete backup with name or ID 'ostk-no-such-backup': No Backup found for \
         ostk-no-such-backup\n1 of 2 backups failed to delete.\n"
    );
}

#[test]
fn group_type_and_group_round_trip() {
    let s = Scratch::new();
    let (gt, vt, g, v) = (
        unique("gtype"),
        unique("gvtype"),
        unique("group"),
        unique("gvol"),
    );
    let mv = ["--os-volume-api-version", "3.13"];
    let admin = |args: &[&str]| {
        let mut a = mv.to_vec();
        a.extend(args);
        ostk_as("devstack-admin", &s, &a)
    };
    let _c = Cleanup {
        s: &s,
        cloud: "devstack-admin",
        what: vec![
            args(&["volume", "type", "delete", &vt]),
            args(&[mv[0], mv[1], "volume", "group", "type", "delete", &gt]),
            args(&["volume", "delete", &v]),
            args(&[mv[0], mv[1], "volume", "group", "delete", "--force", &g]),
        ],
    };
    let t = json(&admin(&[
        "volume",
        "group",
        "type",
        "create",
        "--description",
        "d",
        &gt,
        "-f",
        "json",
    ]));
    assert_eq!(t["Name"], gt.as_str());
    assert_eq!(t["Is Public"], true);
    assert_eq!(t["Properties"], serde_json::json!({}));
    let r = admin(&["volume", "group", "type", "set", "--property", "a=b", &gt]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for args in [
        &[mv[0], mv[1], "volume", "group", "type", "show", &gt][..],
        &[
            mv[0],
            mv[1],
            "volume",
            "group",
            "type",
            "show",
            "ostk-no-such-gt",
        ][..],
        &[
            "volume",
            "group",
            "type",
            "list",
            "--os-volume-api-version",
            "3.10",
        ][..],
    ] {
        assert_same(&s, "devstack-admin", args);
    }
    let listed = json(&admin(&["volume", "group", "type", "list", "-f", "json"]));
    let row = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["Name"] == gt.as_str())
        .expect("listed");
    assert_eq!(row["Group Specs"], serde_json::json!({"a": "b"}));

    json(&admin(&["volume", "type", "create", &vt, "-f", "json"]));
    let created = json(&admin(&[
        "volume",
        "group",
        "create",
        "--volume-group-type",
        &gt,
        "--volume-type",
        &vt,
        "--name",
        &g,
        "-f",
        "json",
    ]));
    assert_eq!(created["Group Type"], t["ID"]);
    let gid = created["ID"].as_str().unwrap().to_string();
    for _ in 0..60 {
        let shown = json(&admin(&["volume", "group", "show", &gid, "-f", "json"]));
        if shown["Status"] == "available" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    assert_same(
        &s,
        "devstack-admin",
        &[mv[0], mv[1], "volume", "group", "show", &gid],
    );
    let set = json(&admin(&[
        "volume",
        "group",
        "set",
        "--description",
        "gd",
        &gid,
        "-f",
        "json",
    ]));
    assert_eq!(set["Description"], "gd");
    // a volume of the group's type joins and leaves it
    json(&ostk_as(
        "devstack-admin",
        &s,
        &[
            "volume", "create", "--size", "1", "--type", &vt, &v, "-f", "json",
        ],
    ));
    wait_status(&s, "devstack-admin", &["volume", "show", &v], "available");
    let r = admin(&["volume", "group", "add", "volume", &gid, &v]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // cinder-volume sets group_id asynchronously, after the API has answered 202
    let vol = wait_field(&s, &["volume", "show", &v], "group_id", &gid);
    assert_eq!(vol["status"], "available");
    let with = json(&admin(&[
        "--os-volume-api-version",
        "3.25",
        "volume",
        "group",
        "show",
        "--volumes",
        &gid,
        "-f",
        "json",
    ]));
    assert_eq!(with["Volumes"].as_array().map(Vec::len), Some(1), "{with}");
    let r = admin(&["volume", "group", "remove", "volume", &gid, &v]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    wait_status(&s, "devstack-admin", &["volume", "show", &v], "available");
    wait_status(
        &s,
        "devstack-admin",
        &["volume", "group", "show", &gid],
        "available",
    );
    let listed = json(&admin(&["volume", "group", "list", "-f", "json"]));
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["ID"] == gid.as_str())
    );
    let r = admin(&["volume", "group", "delete", &gid]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn attachment_and_message_round_trip() {
    let s = Scratch::new();
    let (srv, v) = (unique("attsrv"), unique("attvol"));
    let _c = Cleanup {
        s: &s,
        cloud: "devstack",
        what: vec![
            args(&["server", "delete", "--wait", &srv]),
            args(&["volume", "delete", &v]),
        ],
    };
    // a volume left reserved/attaching by a failed run: only an admin (in project demo, to
    // find it by name) may force it away
    let _a = Cleanup {
        s: &s,
        cloud: "devstack-admin-demo",
        what: vec![args(&["volume", "delete", "--force", &v])],
    };
    let server = json(&ostk(
        &s,
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
            &srv,
            "-f",
            "json",
        ],
    ));
    assert_eq!(server["status"], "ACTIVE");
    let vol = json(&ostk(
        &s,
        &["volume", "create", "--size", "1", &v, "-f", "json"],
    ));
    wait_status(&s, "devstack", &["volume", "show", &v], "available");
    let a = json(&ostk(
        &s,
        &[
            "volume",
            "attachment",
            "create",
            "--server",
            &srv,
            &v,
            "-f",
            "json",
        ],
    ));
    let keys: Vec<&String> = a.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "ID",
            "Volume ID",
            "Instance ID",
            "Status",
            "Attach Mode",
            "Attached At",
            "Detached At",
            "Properties"
        ]
    );
    assert_eq!(a["Volume ID"], vol["id"]);
    assert_eq!(a["Instance ID"], server["id"]);
    assert_eq!(a["Status"], "reserved");
    let aid = a["ID"].as_str().unwrap().to_string();
    for args in [
        &["volume", "attachment", "show", &aid][..],
        &[
            "volume",
            "attachment",
            "list",
            "--volume-id",
            vol["id"].as_str().unwrap(),
        ][..],
        &[
            "volume",
            "attachment",
            "show",
            "--os-volume-api-version",
            "3.26",
            &aid,
        ][..],
    ] {
        assert_same(&s, "devstack", args);
    }
    let set = json(&ostk(
        &s,
        &[
            "volume",
            "attachment",
            "set",
            "--initiator",
            "iqn.2010-10.org.openstack:ostk",
            "--host",
            "devcloud",
            &aid,
            "-f",
            "json",
        ],
    ));
    // the connector reaches the (fake) driver: its connection info comes back
    assert_eq!(set["Properties"]["driver_volume_type"], "iscsi", "{set}");
    assert_eq!(set["Properties"]["attachment_id"], aid.as_str());
    let r = ostk(&s, &["volume", "attachment", "complete", &aid]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = json(&ostk(
        &s,
        &["volume", "attachment", "show", &aid, "-f", "json"],
    ));
    assert_eq!(shown["Status"], "attached");
    let r = ostk(&s, &["volume", "attachment", "delete", &aid]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    wait_status(&s, "devstack", &["volume", "show", &v], "available");

    // messages: same listing as the reference at 3.3 (without a version the reference
    // sends none and gets 404; ostk negotiates)
    assert_same(
        &s,
        "devstack",
        &[
            "--os-volume-api-version",
            "3.3",
            "volume",
            "message",
            "list",
            "-f",
            "json",
        ],
    );
    assert_same(
        &s,
        "devstack",
        &[
            "volume",
            "message",
            "list",
            "--os-volume-api-version",
            "3.2",
        ],
    );
    let r = ostk(&s, &["volume", "message", "delete", "ostk-no-such-message"]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            1,
            "Failed to delete message: ostk-no-such-message\nFailed to delete 1 of 1 messages.\n"
        )
    );
}

/// `ostk` as `devstack-admin`.
fn admin(s: &Scratch, args: &[&str]) -> Run {
    ostk_as("devstack-admin", s, args)
}

/// The fake driver's backend host (`devcloud@fake`), from the service list.
fn volume_host(s: &Scratch) -> String {
    let services = json(&admin(
        s,
        &[
            "volume",
            "service",
            "list",
            "--service",
            "cinder-volume",
            "-f",
            "json",
        ],
    ));
    services[0]["Host"]
        .as_str()
        .expect("a cinder-volume host")
        .to_string()
}

#[test]
fn backend_and_host_commands_match_the_reference() {
    let s = Scratch::new();
    let host = volume_host(&s);
    for args in [
        &["volume", "backend", "pool", "list"][..],
        &["volume", "backend", "capability", "show", &host],
        &[
            "volume",
            "backend",
            "capability",
            "show",
            &host,
            "-f",
            "json",
        ],
        &["volume", "backend", "capability", "show", "ostk-nosuch@x"],
        &["volume", "host", "set", "--enable", "ostk-nosuch-host"],
        &["volume", "host", "set", "--disable", "ostk-nosuch-host"],
        &["volume", "host", "set", "--enable", "--disable", "x"],
        &["volume", "host", "failover", "x"],
        // cinder answers an HTML 404 for an unknown host, worded as openstacksdk does
        &[
            "--os-volume-api-version",
            "3.26",
            "volume",
            "host",
            "failover",
            "--volume-backend",
            "b",
            "ostk-nosuch-host",
        ],
        // before 3.26 the action is `failover_host`: cinder knows no such host
        &[
            "--os-volume-api-version",
            "3.20",
            "volume",
            "host",
            "failover",
            "--volume-backend",
            "b",
            "ostk-nosuch-host",
        ],
    ] {
        assert_same(&s, "devstack-admin", args);
    }
    // a project member may not see backends
    for args in [
        &["volume", "backend", "pool", "list"][..],
        &["volume", "backend", "capability", "show", &host],
    ] {
        assert_same(&s, "devstack", args);
    }
    // the pool's capabilities change with every stats report: compare their keys
    let keys = |r: &Run| -> Vec<Vec<String>> {
        json(r)
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let mut k: Vec<String> = p["Capabilities"]
                    .as_object()
                    .unwrap()
                    .keys()
                    .cloned()
                    .collect();
                k.insert(0, p["Name"].as_str().unwrap().to_string());
                k
            })
            .collect()
    };
    let long = ["volume", "backend", "pool", "list", "--long", "-f", "json"];
    let (o, r) = both(&long, &env("devstack-admin"), &s.cwd(), &s.home());
    assert_eq!(keys(&o), keys(&r));
    assert!(keys(&o)[0][0].starts_with(&host), "{:?}", keys(&o));
}

#[test]
fn group_snapshot_round_trip_matches_the_reference() {
    let s = Scratch::new();
    let (gt, vt, g, v) = (
        unique("gsgtype"),
        unique("gsvtype"),
        unique("gsgroup"),
        unique("gsvol"),
    );
    let (ours, theirs) = (unique("gsnap-a"), unique("gsnap-b"));
    let mv = ["--os-volume-api-version", "3.14"];
    let _c = Cleanup {
        s: &s,
        cloud: "devstack-admin",
        what: vec![
            args(&["volume", "type", "delete", &vt]),
            args(&[mv[0], mv[1], "volume", "group", "type", "delete", &gt]),
            args(&[mv[0], mv[1], "volume", "group", "delete", "--force", &g]),
            args(&["volume", "group", "snapshot", "delete", &ours]),
            args(&["volume", "group", "snapshot", "delete", &theirs]),
        ],
    };
    json(&admin(
        &s,
        &[
            mv[0], mv[1], "volume", "group", "type", "create", &gt, "-f", "json",
        ],
    ));
    json(&admin(&s, &["volume", "type", "create", &vt, "-f", "json"]));
    let gid = json(&admin(
        &s,
        &[
            mv[0],
            mv[1],
            "volume",
            "group",
            "create",
            "--volume-group-type",
            &gt,
            "--volume-type",
            &vt,
            "--name",
            &g,
            "-f",
            "json",
        ],
    ))["ID"]
        .as_str()
        .unwrap()
        .to_string();
    json(&admin(
        &s,
        &[
            "volume", "create", "--size", "1", "--type", &vt, &v, "-f", "json",
        ],
    ));
    wait_status(&s, "devstack-admin", &["volume", "show", &v], "available");
    let r = admin(
        &s,
        &[mv[0], mv[1], "volume", "group", "add", "volume", &g, &v],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // cinder refuses a snapshot of a group while it is updating
    for _ in 0..60 {
        let shown = json(&admin(
            &s,
            &[mv[0], mv[1], "volume", "group", "show", &g, "-f", "json"],
        ));
        let vol = json(&admin(&s, &["volume", "show", &v, "-f", "json"]));
        if shown["Status"] == "available" && vol["group_id"] == gid.as_str() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }

    // created the same way by both: the same fields, cinder's short answer merged in
    let create = |name: &str| {
        args(&[
            "volume",
            "group",
            "snapshot",
            "create",
            &g,
            "--name",
            name,
            "--description",
            "d",
            "-f",
            "json",
        ])
    };
    let a = json(&run_in(
        &ostk_as_openstack(),
        &s,
        &env("devstack-admin"),
        &create(&ours).iter().map(String::as_str).collect::<Vec<_>>(),
    ));
    let b = json(&run(
        &crate::support::reference(),
        &create(&theirs),
        &env("devstack-admin"),
        &s.cwd(),
        &s.home(),
    ));
    let strip = |mut v: Value| {
        v.as_object_mut().unwrap().remove("ID");
        v.as_object_mut().unwrap().remove("Name");
        v
    };
    assert_eq!(strip(a.clone()), strip(b.clone()));
    assert_eq!(a["Group"], gid.as_str());
    assert_eq!(a["Name"], ours.as_str());
    wait_status(
        &s,
        "devstack-admin",
        &["volume", "group", "snapshot", "show", &ours],
        "available",
    );
    wait_status(
        &s,
        "devstack-admin",
        &["volume", "group", "snapshot", "show", &theirs],
        "available",
    );
    for args in [
        &["volume", "group", "snapshot", "show", &ours][..],
        &["volume", "group", "snapshot", "show", &theirs, "-f", "json"],
        &["volume", "group", "snapshot", "show", "ostk-nosuch-gsnap"],
        &["volume", "group", "snapshot", "delete", "ostk-nosuch-gsnap"],
        &["volume", "group", "snapshot", "create", "ostk-nosuch-group"],
        &[mv[0], "3.13", "volume", "group", "snapshot", "list"],
        &[mv[0], "3.13", "volume", "group", "snapshot", "create", &g],
    ] {
        assert_same(&s, "devstack-admin", args);
    }
    let listed = json(&admin(
        &s,
        &["volume", "group", "snapshot", "list", "-f", "json"],
    ));
    for name in [&ours, &theirs] {
        let row = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["Name"] == name.as_str())
            .unwrap_or_else(|| panic!("{name} not listed: {listed}"));
        assert_eq!(row.as_object().unwrap().len(), 3, "{row}");
    }
    // the member cannot see the admin's group snapshots, even asking for all projects
    assert_same(
        &s,
        "devstack",
        &["volume", "group", "snapshot", "list", "--all-projects"],
    );
    for name in [&ours, &theirs] {
        let r = admin(&s, &["volume", "group", "snapshot", "delete", name]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let gone = |list: &[&str], names: &[&str]| {
        for _ in 0..60 {
            let mut a = vec![mv[0], mv[1]];
            a.extend(list);
            a.extend(["-f", "json"]);
            let listed = json(&admin(&s, &a));
            if !listed
                .as_array()
                .unwrap()
                .iter()
                .any(|r| names.iter().any(|n| r["Name"] == *n))
            {
                return;
            }
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
        panic!("{names:?} never went away");
    };
    gone(&["volume", "group", "snapshot", "list"], &[&ours, &theirs]);
    // cinder deletes asynchronously: the group (and its volume) must be gone before its
    // types can go
    let r = admin(
        &s,
        &[mv[0], mv[1], "volume", "group", "delete", "--force", &g],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    gone(&["volume", "group", "list"], &[&g]);
}

#[test]
fn block_storage_commands_match_the_reference() {
    let s = Scratch::new();
    let host = volume_host(&s);
    fn v<'a>(version: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
        let mut a = vec!["--os-volume-api-version", version];
        a.extend(rest);
        a
    }
    for args in [
        // no clustered cinder here: empty listings and the not-found paths
        vec!["block", "storage", "cluster", "list"],
        vec![
            "block",
            "storage",
            "cluster",
            "list",
            "--long",
            "--up",
            "--enabled",
            "--num-hosts",
            "1",
        ],
        vec!["block", "storage", "cluster", "list", "--num-hosts", "x"],
        vec!["block", "storage", "cluster", "show", "ostk-nosuch"],
        vec![
            "block",
            "storage",
            "cluster",
            "set",
            "ostk-nosuch",
            "--disable-reason",
            "r",
        ],
        vec![
            "block",
            "storage",
            "cluster",
            "set",
            "x",
            "--enable",
            "--disable",
        ],
        v(
            "3.7",
            &[
                "block",
                "storage",
                "cluster",
                "set",
                "ostk-nosuch",
                "--disable",
                "--disable-reason",
                "r",
            ],
        ),
        v(
            "3.7",
            &["block", "storage", "cluster", "set", "ostk-nosuch"],
        ),
        v("3.6", &["block", "storage", "cluster", "list"]),
        // log levels: a listing, a harmless set, bad choices
        vec![
            "block",
            "storage",
            "log",
            "level",
            "list",
            "--service",
            "cinder-scheduler",
            "--log-prefix",
            "cinder.api",
        ],
        vec![
            "block",
            "storage",
            "log",
            "level",
            "list",
            "--service",
            "foo",
        ],
        vec![
            "block",
            "storage",
            "log",
            "level",
            "set",
            "info",
            "--service",
            "cinder-api",
            "--log-prefix",
            "ostk.nonexistent",
        ],
        vec!["block", "storage", "log", "level", "set", "foo"],
        v("3.31", &["block", "storage", "log", "level", "list"]),
        // resource filters
        vec!["block", "storage", "resource", "filter", "list"],
        vec![
            "block", "storage", "resource", "filter", "list", "-f", "json",
        ],
        vec!["block", "storage", "resource", "filter", "show", "volume"],
        vec![
            "block", "storage", "resource", "filter", "show", "snapshot", "-f", "json",
        ],
        v(
            "3.32",
            &["block", "storage", "resource", "filter", "show", "volume"],
        ),
        // manageable volumes/snapshots (the fake driver has none)
        vec!["block", "storage", "volume", "manageable", "list"],
        // (argparse blames the later of the two)
        vec![
            "block",
            "storage",
            "snapshot",
            "manageable",
            "list",
            "x",
            "--cluster",
            "c",
        ],
        vec![
            "block",
            "storage",
            "volume",
            "manageable",
            "list",
            "--cluster",
            "c",
            "x",
        ],
        v(
            "3.7",
            &["block", "storage", "volume", "manageable", "list", "h"],
        ),
        v(
            "3.8",
            &[
                "block",
                "storage",
                "snapshot",
                "manageable",
                "list",
                "--cluster",
                "c",
            ],
        ),
        v(
            "3.17",
            &[
                "block",
                "storage",
                "volume",
                "manageable",
                "list",
                "--cluster",
                "ostk-nosuch",
            ],
        ),
        // cleanup
        v("3.23", &["block", "storage", "cleanup"]),
        vec!["block", "storage", "cleanup", "--resource-type", "x"],
        vec!["block", "storage", "cleanup", "--service-id", "x"],
        vec!["block", "storage", "cleanup", "--up", "--down"],
    ] {
        assert_same(&s, "devstack-admin", &args);
    }
    for args in [
        v(
            "3.8",
            &[
                "block",
                "storage",
                "volume",
                "manageable",
                "list",
                &host,
                "--long",
            ],
        ),
        v(
            "3.8",
            &[
                "block",
                "storage",
                "snapshot",
                "manageable",
                "list",
                &host,
                "--detailed",
                "yes",
            ],
        ),
    ] {
        assert_same(&s, "devstack-admin", &args);
    }
    // where the reference always fails (it sends no microversion, or an HTTP method cinder
    // does not route), ostk does what the command means
    let r = admin(
        &s,
        &[
            "block",
            "storage",
            "volume",
            "manageable",
            "list",
            &host,
            "-f",
            "json",
        ],
    );
    assert_eq!((r.code, r.stdout.trim()), (0, "[]"), "{}", r.stderr);
    let r = admin(
        &s,
        &[
            "block",
            "storage",
            "cleanup",
            "--host",
            "ostk-nosuch-host",
            "-f",
            "json",
        ],
    );
    assert_eq!((r.code, r.stdout.trim()), (0, "[]"), "{}", r.stderr);
    let r = admin(&s, &["block", "storage", "cleanup", "--binary", "b"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("BadRequestException: 400: Client Error for url: ")
            && r.stderr
                .contains("/workers/cleanup, Invalid input for field/attribute binary."),
        "{}",
        r.stderr
    );
    let r = admin(
        &s,
        &[
            "block",
            "storage",
            "resource",
            "filter",
            "show",
            "ostk-nosuch",
        ],
    );
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            1,
            "No resource filter with a name of 'ostk-nosuch' exists.\n"
        )
    );
    let r = admin(&s, &["block", "storage", "cluster", "set", "ostk-nosuch"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("/clusters/enable, Cluster {'binary': 'cinder-volume', 'name': 'ostk-nosuch'} could not be found."),
        "{}",
        r.stderr
    );
}
