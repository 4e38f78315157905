//! Block storage (cinder, fake driver) commands against the devcloud: round trips per resource
//! group, side-by-side output with the reference for create/show/list, and error lines.

use crate::support::{Run, Scratch, both, clouds, ostk_as_openstack, run, unique};
use serde_json::Value;
use std::collections::BTreeMap;

fn env(cloud: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            "OS_CLIENT_CONFIG_FILE".into(),
            clouds().display().to_string(),
        ),
        ("OS_CLOUD".into(), cloud.into()),
    ])
}

fn ostk_as(cloud: &str, s: &Scratch, args: &[&str]) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run(
        &ostk_as_openstack(),
        &args,
        &env(cloud),
        &s.cwd(),
        &s.home(),
    )
}

fn ostk(s: &Scratch, args: &[&str]) -> Run {
    ostk_as("devstack", s, args)
}

fn json(r: &Run) -> Value {
    assert_eq!(r.code, 0, "failed: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
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

fn cmd(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

/// Polls `volume show` (or `volume snapshot show` …) until the status is `want`.
fn wait_status(s: &Scratch, cloud: &str, show: &[&str], want: &str) -> Value {
    for _ in 0..60 {
        let mut a = show.to_vec();
        a.extend(["-f", "json"]);
        let v = json(&ostk_as(cloud, s, &a));
        if v["status"] == want {
            return v;
        }
        assert!(
            !v["status"]
                .as_str()
                .unwrap_or_default()
                .starts_with("error"),
            "{v}"
        );
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    panic!("{show:?} never became {want}");
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
        what: vec![cmd(&["volume", "delete", &a, &b])],
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
        &cmd(&["volume", "show", &b, "-f", "json"]),
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
        what: vec![cmd(&["volume", "delete", &a, &a2])],
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
        let (o, r) = both(args, &env("devstack"), &s.cwd(), &s.home());
        assert_eq!(
            (o.code, &o.stdout, &o.stderr),
            (r.code, &r.stdout, &r.stderr),
            "{args:?}"
        );
    }
}
