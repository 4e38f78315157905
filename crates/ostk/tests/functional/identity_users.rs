//! Users against the devcloud's keystone: create/show/list/set/delete and `user password set`
//! round trips with unique names, compared with python-openstackclient where the output is
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

fn ok(s: &Scratch, args: &[&str]) -> Run {
    let r = ostk(s, args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r
}

fn ok_json(s: &Scratch, args: &[&str]) -> serde_json::Value {
    let mut a = args.to_vec();
    a.extend(["-f", "json"]);
    let r = ok(s, &a);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn same(s: &Scratch, args: &[&str]) -> Run {
    let (o, r) = both(args, &env(s), &s.cwd(), &s.home());
    assert_eq!(o, r, "{args:?}");
    o
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

const NO_PASSWORD: &str =
    "No password was supplied, authentication will fail when a user does not have a password.\n";

#[test]
fn user_round_trip() {
    let s = Scratch::new();
    let name = unique("user");
    let renamed = format!("{name}-renamed");
    let project = unique("uproj");
    let group = unique("ugrp");
    let _c = Cleanup {
        s: &s,
        cmds: vec![
            cmd(&["user", "delete", &name]),
            cmd(&["user", "delete", &renamed]),
            cmd(&["group", "delete", &group]),
            cmd(&["project", "delete", &project]),
        ],
    };
    ok(&s, &["project", "create", &project]);
    let u = ok_json(
        &s,
        &[
            "user",
            "create",
            "--project",
            &project,
            "--project-domain",
            "default",
            "--domain",
            "default",
            "--email",
            "u@example.com",
            "--description",
            "d1",
            "--password",
            "secret-1",
            "--ignore-password-expiry",
            "--multi-factor-auth-rule",
            "password,totp",
            &name,
        ],
    );
    let keys: Vec<&String> = u.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "default_project_id",
            "domain_id",
            "email",
            "enabled",
            "id",
            "name",
            "description",
            "password_expires_at",
            "options"
        ]
    );
    assert_eq!(u["name"], name.as_str());
    assert_eq!(u["enabled"], true);
    assert_eq!(u["options"]["multi_factor_auth_rules"][0][1], "totp");
    // Tables with a dict cell, json, the conflict and --or-show paths, as the reference prints them.
    same(&s, &["user", "show", &name]);
    same(
        &s,
        &["user", "show", "--domain", "default", "-f", "json", &name],
    );
    let r = same(&s, &["user", "create", "--password", "x", &name]);
    assert_eq!(r.code, 1);
    let r = same(&s, &["user", "create", "--or-show", &name]);
    assert_eq!(r.stderr, NO_PASSWORD);

    ok(&s, &["group", "create", &group]);
    ok(&s, &["group", "add", "user", &group, &name]);
    same(&s, &["user", "list", "--group", &group, "--long"]);
    same(&s, &["user", "list", "--project", &project, "--limit", "1"]);
    ok(
        &s,
        &[
            "role",
            "add",
            "--user",
            &name,
            "--project",
            &project,
            "member",
        ],
    );
    let listed = ok_json(&s, &["user", "list", "--project", &project]);
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(listed[0]["Name"], name.as_str());

    ok(
        &s,
        &[
            "user",
            "set",
            "--name",
            &renamed,
            "--description",
            "d2",
            "--disable",
            "--no-ignore-password-expiry",
            "--enable-lock-password",
            &name,
        ],
    );
    let u = ok_json(&s, &["user", "show", &renamed]);
    assert_eq!(u["description"], "d2");
    assert_eq!(u["enabled"], false);
    assert_eq!(u["options"]["ignore_password_expiry"], false);
    assert_eq!(u["options"]["lock_password"], true);
    // `user set` keeps `enabled` unless told otherwise.
    ok(&s, &["user", "set", "--email", "v@example.com", &renamed]);
    let u = ok_json(&s, &["user", "show", &renamed]);
    assert_eq!(u["enabled"], false);
    assert_eq!(u["email"], "v@example.com");
    let listed = ok_json(&s, &["user", "list", "--disabled", "--long"]);
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["Name"] == renamed.as_str() && x["Enabled"] == false),
        "{listed}"
    );

    let missing = format!("{name}-missing");
    same(&s, &["user", "show", &missing]);
    same(&s, &["user", "set", "--name", "x", &missing]);
    same(&s, &["user", "delete", &missing, &format!("{missing}2")]);
    let r = ok(&s, &["user", "delete", &renamed]);
    assert_eq!(r.stdout, "");
    same(&s, &["user", "show", &renamed]);
}

#[test]
fn user_password_set() {
    let s = Scratch::new();
    let name = unique("pwuser");
    let project = unique("pwproj");
    let _c = Cleanup {
        s: &s,
        cmds: vec![
            cmd(&["user", "delete", &name]),
            cmd(&["project", "delete", &project]),
        ],
    };
    ok(&s, &["project", "create", &project]);
    ok(
        &s,
        &[
            "user",
            "create",
            "--project",
            &project,
            "--password",
            "old-secret",
            &name,
        ],
    );
    ok(
        &s,
        &[
            "role",
            "add",
            "--user",
            &name,
            "--project",
            &project,
            "member",
        ],
    );
    let as_user = |pw: &str| -> Vec<String> {
        cmd(&[
            "--os-username",
            &name,
            "--os-password",
            pw,
            "--os-project-name",
            &project,
            "--os-user-domain-id",
            "default",
            "--os-project-domain-id",
            "default",
        ])
    };
    let with = |pw: &str, rest: &[&str]| -> Vec<String> {
        let mut a = as_user(pw);
        a.extend(rest.iter().map(|x| x.to_string()));
        a
    };
    let args = with(
        "old-secret",
        &[
            "user",
            "password",
            "set",
            "--original-password",
            "old-secret",
            "--password",
            "new-secret",
        ],
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = ok(&s, &a);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("", ""));
    // The new password authenticates; without a terminal, a missing password is an error, as
    // in osc-lib.
    let args = with(
        "new-secret",
        &["token", "issue", "-f", "value", "-c", "user_id"],
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(&s, &a);
    let args = with(
        "new-secret",
        &["user", "password", "set", "--password", "x"],
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = same(&s, &a);
    assert_eq!(r.code, 1);
}
