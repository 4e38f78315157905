//! Network (neutron) commands against the devcloud's real service, side by side with the
//! reference where output matters: create/list/show/set/unset/delete round trips, column and
//! format comparisons of the main list/show commands, and error lines.

use crate::support::{Run, Scratch, both, clouds, ostk_as_openstack, reference, run, unique};
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

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

fn ostk(s: &Scratch, a: &[&str]) -> Run {
    run(
        &ostk_as_openstack(),
        &args(a),
        &env("devstack"),
        &s.cwd(),
        &s.home(),
    )
}

fn ostk_admin(s: &Scratch, a: &[&str]) -> Run {
    run(
        &ostk_as_openstack(),
        &args(a),
        &env("devstack-admin"),
        &s.cwd(),
        &s.home(),
    )
}

fn refr(s: &Scratch, a: &[&str]) -> Run {
    run(
        &reference(),
        &args(a),
        &env("devstack"),
        &s.cwd(),
        &s.home(),
    )
}

fn ok(r: &Run) -> &str {
    assert_eq!(r.code, 0, "failed: {}", r.stderr);
    &r.stdout
}

fn json(r: &Run) -> Value {
    serde_json::from_str(ok(r)).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn same(s: &Scratch, a: &[&str]) {
    let (o, r) = both(a, &env("devstack"), &s.cwd(), &s.home());
    assert_eq!(o, r, "{a:?}");
}

/// Deletes what a test made (in reverse order) on drop, so a failing test leaves nothing.
struct Cleanup<'a> {
    s: &'a Scratch,
    admin: bool,
    items: Vec<(&'static str, String)>,
}

impl<'a> Cleanup<'a> {
    fn new(s: &'a Scratch) -> Self {
        Cleanup {
            s,
            admin: false,
            items: Vec::new(),
        }
    }
    fn add(&mut self, kind: &'static str, name: &str) {
        self.items.push((kind, name.to_string()));
    }
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        for (kind, name) in self.items.iter().rev() {
            let mut a: Vec<&str> = kind.split(' ').collect();
            a.push("delete");
            a.push(name);
            if self.admin {
                let _ = ostk_admin(self.s, &a);
            } else {
                let _ = ostk(self.s, &a);
            }
        }
    }
}

/// Fields that differ between two resources made the same way.
fn strip(mut v: Value, more: &[&str]) -> Value {
    if let Some(o) = v.as_object_mut() {
        for k in ["id", "created_at", "updated_at", "name"]
            .iter()
            .chain(more)
        {
            o.remove(*k);
        }
    }
    v
}

#[test]
fn network_round_trip_matches_the_reference() {
    let s = Scratch::new();
    let (a, b) = (unique("net-a"), unique("net-b"));
    let mut c = Cleanup::new(&s);
    c.add("network", &a);
    c.add("network", &b);
    let create = |n: &str| {
        vec![
            "network",
            "create",
            "--description",
            "d",
            "--tag",
            "t2",
            "--tag",
            "t1",
            "--disable",
            "-f",
            "json",
            n,
        ]
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>()
    };
    let ca = create(&a);
    let cb = create(&b);
    let o = json(&ostk(
        &s,
        &ca.iter().map(String::as_str).collect::<Vec<_>>(),
    ));
    let r = json(&refr(
        &s,
        &cb.iter().map(String::as_str).collect::<Vec<_>>(),
    ));
    assert_eq!(strip(o.clone(), &[]), strip(r, &[]));
    assert_eq!(o["tags"], serde_json::json!(["t1", "t2"]));
    assert_eq!(o["admin_state_up"], Value::Bool(false));

    ok(&ostk(
        &s,
        &[
            "network",
            "set",
            &a,
            "--enable",
            "--no-tag",
            "--tag",
            "t3",
            "--description",
            "e",
            "--extra-property",
            "type=int,name=mtu,value=1400",
        ],
    ));
    ok(&ostk(&s, &["network", "unset", &a, "--tag", "t3"]));
    let shown = json(&ostk(&s, &["network", "show", &a, "-f", "json"]));
    assert_eq!(shown["description"], "e");
    assert_eq!(shown["mtu"], 1400);
    assert_eq!(shown["tags"], serde_json::json!([]));
    assert_eq!(shown["admin_state_up"], Value::Bool(true));

    // table and value forms of show and list, side by side
    same(&s, &["network", "show", &b]);
    same(&s, &["network", "list", "--long", "--name", &b]);
    same(
        &s,
        &[
            "network", "list", "--tags", "t1,t2", "--name", &b, "-f", "json",
        ],
    );
    same(
        &s,
        &[
            "network",
            "list",
            "--internal",
            "--disable",
            "--long",
            "-f",
            "value",
            "--name",
            &b,
        ],
    );
    same(&s, &["network", "list", "--external", "-f", "csv"]);
    // a member cannot look projects up: OSC falls back to the name as an ID (nothing listed)
    same(&s, &["network", "list", "--project", "demo", "--name", &a]);
    let listed = json(&ostk_admin(
        &s,
        &[
            "network",
            "list",
            "--project",
            "demo",
            "--project-domain",
            "default",
            "-f",
            "json",
        ],
    ));
    assert!(listed.as_array().unwrap().iter().any(|n| n["Name"] == a));

    // deleting several, one missing: OSC's per-item line and summary
    let missing = unique("missing");
    let d = ostk(&s, &["network", "delete", &a, &missing, &b]);
    assert_eq!(d.code, 1);
    assert_eq!(
        d.stderr,
        format!(
            "Failed to delete network with name or ID '{missing}': No Network found for {missing}\n\
             1 of 3 networks failed to delete.\n"
        )
    );
    let gone = ostk(&s, &["network", "show", &a]);
    assert_eq!(gone.code, 1);
    assert_eq!(gone.stderr, format!("No Network found for {a}\n"));
}

#[test]
fn network_errors_match_the_reference() {
    let s = Scratch::new();
    let n = unique("dup");
    let mut c = Cleanup::new(&s);
    c.admin = true;
    // two networks with one name (admin sees both): ambiguous
    let first = json(&ostk_admin(&s, &["network", "create", &n, "-f", "json"]));
    let second = json(&ostk_admin(&s, &["network", "create", &n, "-f", "json"]));
    c.add("network", first["id"].as_str().unwrap());
    c.add("network", second["id"].as_str().unwrap());
    let amb = ostk_admin(&s, &["network", "show", &n]);
    assert_eq!(amb.code, 1);
    assert_eq!(
        amb.stderr,
        format!("More than one Network exists with the name '{n}'.\n")
    );
    same(&s, &["network", "create", "x", "--provider-segment", "5"]);
    same(&s, &["network", "list", "--status", "BAD"]);
}
