//! Domains, projects, groups and regions against the devcloud's keystone: create/show/list/set/
//! delete round trips with unique names, compared with python-openstackclient where the output is
//! deterministic. Everything created is deleted by a guard, also when an assertion fails.

use crate::support::{Run, Scratch, both, clouds, ostk_as_openstack, run, unique};
use std::collections::BTreeMap;

fn env(s: &Scratch) -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            "OS_CLIENT_CONFIG_FILE".into(),
            clouds().display().to_string(),
        ),
        ("OS_CLOUD".into(), "devstack-admin".into()),
        (
            "XDG_CACHE_HOME".into(),
            s.dir.path().join("cache").display().to_string(),
        ),
    ])
}

fn ostk(s: &Scratch, args: &[&str]) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run(&ostk_as_openstack(), &args, &env(s), &s.cwd(), &s.home())
}

fn ok_json(s: &Scratch, args: &[&str]) -> serde_json::Value {
    let mut a = args.to_vec();
    a.extend(["-f", "json"]);
    let r = ostk(s, &a);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn same(s: &Scratch, args: &[&str]) {
    let (o, r) = both(args, &env(s), &s.cwd(), &s.home());
    assert_eq!(o, r, "{args:?}");
}

/// Runs cleanup commands (in order) when dropped.
struct Cleanup<'a> {
    s: &'a Scratch,
    cmds: Vec<Vec<String>>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        for c in &self.cmds {
            let a: Vec<&str> = c.iter().map(String::as_str).collect();
            let _ = ostk(self.s, &a);
        }
    }
}

fn cmd(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| a.to_string()).collect()
}

#[test]
fn domain_round_trip() {
    let s = Scratch::new();
    let name = unique("dom");
    let _c = Cleanup {
        s: &s,
        cmds: vec![
            cmd(&["domain", "set", "--disable", &name]),
            cmd(&["domain", "delete", &name]),
        ],
    };
    let d = ok_json(&s, &["domain", "create", "--description", "d1", &name]);
    assert_eq!(d["name"], name.as_str());
    assert_eq!(d["enabled"], true);
    let r = ostk(
        &s,
        &["domain", "set", "--description", "d2", "--disable", &name],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    same(&s, &["domain", "show", &name]);
    same(&s, &["domain", "list", "--name", &name]);
    same(&s, &["domain", "create", &name]);
    same(&s, &["domain", "show", &format!("{name}-missing")]);
    let r = ostk(&s, &["domain", "delete", &name]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn project_round_trip() {
    let s = Scratch::new();
    let parent = unique("proj");
    let child = format!("{parent}-child");
    let _c = Cleanup {
        s: &s,
        cmds: vec![
            cmd(&["project", "delete", &child]),
            cmd(&["project", "delete", &parent]),
        ],
    };
    let p = ok_json(
        &s,
        &[
            "project",
            "create",
            "--tag",
            "b",
            "--tag",
            "a",
            "--property",
            "k=v",
            &parent,
        ],
    );
    assert_eq!(p["k"], "v");
    ok_json(
        &s,
        &[
            "project", "create", "--parent", &parent, "--domain", "default", &child,
        ],
    );
    let r = ostk(
        &s,
        &["project", "set", "--tag", "c", "--remove-tag", "a", &parent],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    same(&s, &["project", "show", &parent]);
    same(&s, &["project", "list", "--parent", &parent, "--long"]);
    same(
        &s,
        &["project", "list", "--tags", "b,c", "--domain", "default"],
    );
    same(
        &s,
        &[
            "project",
            "show",
            "--parents",
            &child,
            "-c",
            "parents",
            "-c",
            "name",
        ],
    );
    let r = ostk(&s, &["project", "delete", &child]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    same(&s, &["project", "delete", &format!("{parent}-missing")]);
}

#[test]
fn group_round_trip() {
    let s = Scratch::new();
    let name = unique("grp");
    let _c = Cleanup {
        s: &s,
        cmds: vec![cmd(&["group", "delete", &name])],
    };
    ok_json(&s, &["group", "create", "--description", "g", &name]);
    same(&s, &["group", "show", &name]);
    same(&s, &["group", "create", "--or-show", &name]);
    let r = ostk(&s, &["group", "add", "user", &name, "demo"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    same(&s, &["group", "contains", "user", &name, "demo"]);
    let r = ostk(&s, &["group", "remove", "user", &name, "demo"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    same(&s, &["group", "contains", "user", &name, "demo"]);
    same(
        &s,
        &["group", "add", "user", &format!("{name}-missing"), "demo"],
    );
}

#[test]
fn region_round_trip() {
    let s = Scratch::new();
    let id = unique("reg");
    let _c = Cleanup {
        s: &s,
        cmds: vec![cmd(&["region", "delete", &id])],
    };
    let r = ok_json(&s, &["region", "create", "--description", "r", &id]);
    assert_eq!(r["region"], id.as_str());
    let o = ostk(&s, &["region", "set", "--parent-region", "RegionOne", &id]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    same(&s, &["region", "show", &id]);
    same(&s, &["region", "list", "--parent-region", "RegionOne"]);
    same(&s, &["region", "show", &format!("{id}-missing")]);
}
