//! Services, endpoints, endpoint groups, policies, federation (identity providers, mappings,
//! protocols, service providers), registered limits and limits against the devcloud's
//! keystone: create/show/list/set/delete round trips with unique names, compared with
//! python-openstackclient where the output is deterministic. Everything created is deleted by a
//! guard, also when an assertion fails.

use crate::support::{Run, Scratch, both, clouds, ostk_as_openstack, run, unique};
use std::collections::BTreeMap;

fn env(s: &Scratch, cloud: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            "OS_CLIENT_CONFIG_FILE".into(),
            clouds().display().to_string(),
        ),
        ("OS_CLOUD".into(), cloud.into()),
        (
            "XDG_CACHE_HOME".into(),
            s.dir.path().join("cache").display().to_string(),
        ),
    ])
}

const ADMIN: &str = "devstack-admin";
const SYSTEM: &str = "devstack-system-admin";

fn ostk(s: &Scratch, cloud: &str, args: &[&str]) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run(
        &ostk_as_openstack(),
        &args,
        &env(s, cloud),
        &s.cwd(),
        &s.home(),
    )
}

fn ok(s: &Scratch, cloud: &str, args: &[&str]) -> String {
    let r = ostk(s, cloud, args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

fn ok_json(s: &Scratch, cloud: &str, args: &[&str]) -> serde_json::Value {
    let mut a = args.to_vec();
    a.extend(["-f", "json"]);
    let out = ok(s, cloud, &a);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn same(s: &Scratch, cloud: &str, args: &[&str]) {
    let (o, r) = both(args, &env(s, cloud), &s.cwd(), &s.home());
    assert_eq!(o, r, "{args:?}");
}

/// Runs cleanup commands (last registered first) when dropped.
struct Cleanup<'a> {
    s: &'a Scratch,
    cmds: Vec<(&'static str, Vec<String>)>,
}

impl Cleanup<'_> {
    fn add(&mut self, cloud: &'static str, args: &[&str]) {
        self.cmds
            .push((cloud, args.iter().map(|a| a.to_string()).collect()));
    }
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        for (cloud, c) in self.cmds.iter().rev() {
            let a: Vec<&str> = c.iter().map(String::as_str).collect();
            let _ = ostk(self.s, cloud, &a);
        }
    }
}

fn id(v: &serde_json::Value) -> String {
    v["id"].as_str().expect("id").to_string()
}

#[test]
fn service_and_endpoint_round_trip() {
    let s = Scratch::new();
    let mut c = Cleanup {
        s: &s,
        cmds: vec![],
    };
    let name = unique("svc");
    let stype = unique("type");
    let svc = ok_json(
        &s,
        ADMIN,
        &[
            "service",
            "create",
            "--name",
            &name,
            "--description",
            "d",
            &stype,
        ],
    );
    let sid = id(&svc);
    c.add(ADMIN, &["service", "delete", &sid]);
    assert_eq!(svc["name"], name.as_str());
    assert_eq!(svc["type"], stype.as_str());
    assert_eq!(svc["enabled"], true);
    // found by name and by type, shown as the reference shows it
    same(&s, ADMIN, &["service", "show", &name]);
    same(&s, ADMIN, &["service", "show", &stype, "-f", "json"]);
    ok(
        &s,
        ADMIN,
        &["service", "set", &sid, "--disable", "--description", "d2"],
    );
    let shown = ok_json(&s, ADMIN, &["service", "show", &sid]);
    assert_eq!(shown["enabled"], false);
    assert_eq!(shown["description"], "d2");

    let ep = ok_json(
        &s,
        ADMIN,
        &[
            "endpoint",
            "create",
            "--region",
            "RegionOne",
            &sid,
            "public",
            "http://127.0.0.1:1/x",
        ],
    );
    let eid = id(&ep);
    c.add(ADMIN, &["endpoint", "delete", &eid]);
    assert_eq!(ep["service_name"], name.as_str());
    assert_eq!(ep["region"], "RegionOne");
    same(&s, ADMIN, &["endpoint", "show", &eid]);
    ok(
        &s,
        ADMIN,
        &[
            "endpoint",
            "set",
            &eid,
            "--url",
            "http://127.0.0.1:2/y",
            "--disable",
        ],
    );
    same(
        &s,
        ADMIN,
        &["endpoint", "list", "--service", &sid, "-f", "json"],
    );
    same(
        &s,
        ADMIN,
        &[
            "endpoint",
            "list",
            "--service",
            &stype,
            "--interface",
            "public",
        ],
    );

    // project association
    ok(&s, ADMIN, &["endpoint", "add", "project", &eid, "demo"]);
    c.add(ADMIN, &["endpoint", "remove", "project", &eid, "demo"]);
    same(&s, ADMIN, &["endpoint", "list", "--endpoint", &eid]);
    ok(&s, ADMIN, &["endpoint", "remove", "project", &eid, "demo"]);

    // errors and multiple deletes
    same(
        &s,
        ADMIN,
        &["endpoint", "delete", "no-such-ep1", "no-such-ep2"],
    );
    same(&s, ADMIN, &["service", "delete", "no-such-service"]);
    same(&s, ADMIN, &["service", "show", "no-such-service"]);
}

#[test]
fn endpoint_group_round_trip() {
    let s = Scratch::new();
    let mut c = Cleanup {
        s: &s,
        cmds: vec![],
    };
    let name = unique("epg");
    let filters = s.cwd().join("filters.json");
    std::fs::write(&filters, r#"{"interface": "public"}"#).unwrap();
    let f = filters.display().to_string();
    let g = ok_json(
        &s,
        ADMIN,
        &[
            "endpoint",
            "group",
            "create",
            "--description",
            "d",
            &name,
            &f,
        ],
    );
    let gid = id(&g);
    c.add(ADMIN, &["endpoint", "group", "delete", &gid]);
    assert_eq!(g["filters"]["interface"], "public");
    same(&s, ADMIN, &["endpoint", "group", "show", &name]);
    ok(
        &s,
        ADMIN,
        &[
            "endpoint",
            "group",
            "set",
            &gid,
            "--name",
            &format!("{name}-2"),
        ],
    );
    ok(
        &s,
        ADMIN,
        &["endpoint", "group", "add", "project", &gid, "demo"],
    );
    same(
        &s,
        ADMIN,
        &["endpoint", "group", "list", "--endpointgroup", &gid],
    );
    ok(
        &s,
        ADMIN,
        &["endpoint", "group", "remove", "project", &gid, "demo"],
    );
    same(
        &s,
        ADMIN,
        &["endpoint", "group", "show", &gid, "-f", "json"],
    );
    same(&s, ADMIN, &["endpoint", "group", "delete", "no-such-group"]);
}

#[test]
fn policy_round_trip() {
    let s = Scratch::new();
    let mut c = Cleanup {
        s: &s,
        cmds: vec![],
    };
    let rules = s.cwd().join("rules.json");
    std::fs::write(&rules, "{\"a\": \"b\"}\n").unwrap();
    let r = rules.display().to_string();
    let p = ok_json(&s, ADMIN, &["policy", "create", &r]);
    let pid = id(&p);
    c.add(ADMIN, &["policy", "delete", &pid]);
    assert_eq!(p["rules"], "{\"a\": \"b\"}");
    assert_eq!(p["type"], "application/json");
    ok(&s, ADMIN, &["policy", "set", "--type", "text/plain", &pid]);
    same(&s, ADMIN, &["policy", "show", &pid]);
    same(&s, ADMIN, &["policy", "show", "no-such-policy"]);
    same(&s, ADMIN, &["policy", "delete", "no-such-policy"]);
}

#[test]
fn federation_round_trip() {
    let s = Scratch::new();
    let mut c = Cleanup {
        s: &s,
        cmds: vec![],
    };
    let idp = unique("idp");
    let created = ok_json(
        &s,
        ADMIN,
        &[
            "identity",
            "provider",
            "create",
            "--remote-id",
            "r1",
            "--remote-id",
            "r2",
            &idp,
        ],
    );
    c.add(ADMIN, &["identity", "provider", "delete", &idp]);
    // the domain keystone created for it
    let dom = created["domain_id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    c.add(ADMIN, &["domain", "delete", &dom]);
    c.add(ADMIN, &["domain", "set", "--disable", &dom]);
    assert_eq!(created["remote_ids"], serde_json::json!(["r1", "r2"]));
    ok(
        &s,
        ADMIN,
        &["identity", "provider", "set", "--description", "d", &idp],
    );
    same(&s, ADMIN, &["identity", "provider", "show", &idp]);
    same(&s, ADMIN, &["identity", "provider", "list", "--id", &idp]);

    let mapping = unique("map");
    let rules = s.cwd().join("rules.json");
    std::fs::write(
        &rules,
        r#"[{"local": [{"user": {"name": "{0}"}}], "remote": [{"type": "REMOTE_USER"}]}]"#,
    )
    .unwrap();
    let r = rules.display().to_string();
    ok(&s, ADMIN, &["mapping", "create", "--rules", &r, &mapping]);
    c.add(ADMIN, &["mapping", "delete", &mapping]);
    same(&s, ADMIN, &["mapping", "show", &mapping]);
    same(&s, ADMIN, &["mapping", "show", &mapping, "-f", "json"]);

    let p = ok_json(
        &s,
        ADMIN,
        &[
            "federation",
            "protocol",
            "create",
            "--identity-provider",
            &idp,
            "--mapping",
            &mapping,
            "saml2",
        ],
    );
    assert_eq!(p["identity_provider"], idp.as_str());
    assert_eq!(p["mapping"], mapping.as_str());
    same(
        &s,
        ADMIN,
        &[
            "federation",
            "protocol",
            "show",
            "--identity-provider",
            &idp,
            "saml2",
        ],
    );
    same(
        &s,
        ADMIN,
        &[
            "federation",
            "protocol",
            "list",
            "--identity-provider",
            &idp,
        ],
    );
    same(
        &s,
        ADMIN,
        &[
            "federation",
            "protocol",
            "delete",
            "--identity-provider",
            &idp,
            "nope",
        ],
    );

    let sp = unique("sp");
    ok(
        &s,
        ADMIN,
        &[
            "service",
            "provider",
            "create",
            "--auth-url",
            "http://127.0.0.1:9/a",
            "--service-provider-url",
            "http://127.0.0.1:9/s",
            &sp,
        ],
    );
    c.add(ADMIN, &["service", "provider", "delete", &sp]);
    same(&s, ADMIN, &["service", "provider", "set", "--disable", &sp]);
    same(&s, ADMIN, &["service", "provider", "show", &sp]);
    same(&s, ADMIN, &["service", "provider", "show", "no-such-sp"]);
    same(&s, ADMIN, &["mapping", "delete", "no-such-mapping"]);
}

#[test]
fn limits_round_trip() {
    let s = Scratch::new();
    let mut c = Cleanup {
        s: &s,
        cmds: vec![],
    };
    let stype = unique("limtype");
    let svc = ok_json(&s, ADMIN, &["service", "create", &stype]);
    let sid = id(&svc);
    c.add(ADMIN, &["service", "delete", &sid]);
    let rl = ok_json(
        &s,
        SYSTEM,
        &[
            "registered",
            "limit",
            "create",
            "--service",
            &stype,
            "--default-limit",
            "10",
            "cores",
        ],
    );
    let rlid = id(&rl);
    c.add(SYSTEM, &["registered", "limit", "delete", &rlid]);
    assert_eq!(rl["default_limit"], 10);
    same(
        &s,
        SYSTEM,
        &["registered", "limit", "set", "--description", "d", &rlid],
    );
    same(&s, SYSTEM, &["registered", "limit", "show", &rlid]);
    same(
        &s,
        SYSTEM,
        &["registered", "limit", "list", "--service", &sid],
    );

    let l = ok_json(
        &s,
        SYSTEM,
        &[
            "limit",
            "create",
            "--project",
            "demo",
            "--project-domain",
            "Default",
            "--service",
            &sid,
            "--resource-limit",
            "5",
            "cores",
        ],
    );
    let lid = id(&l);
    c.add(SYSTEM, &["limit", "delete", &lid]);
    assert_eq!(l["resource_limit"], 5);
    same(&s, SYSTEM, &["limit", "set", "--resource-limit", "6", &lid]);
    same(&s, SYSTEM, &["limit", "show", &lid]);
    same(
        &s,
        SYSTEM,
        &["limit", "list", "--service", &sid, "-f", "json"],
    );
    same(&s, SYSTEM, &["limit", "show", "no-such-limit"]);
}

#[test]
fn versions_show_matches() {
    let s = Scratch::new();
    same(&s, ADMIN, &["versions", "show"]);
    same(
        &s,
        ADMIN,
        &[
            "versions",
            "show",
            "--service",
            "identity",
            "-f",
            "value",
            "-c",
            "Version",
        ],
    );
}
