//! Identity against the devcloud's keystone, side by side with python-openstackclient:
//! `token issue` (same columns, same ids), `catalog list/show` (byte for byte), error lines,
//! and the token cache (one authentication for two commands; revoke drops it).

use crate::support::{Run, Scratch, both, clouds, ostk_as_openstack, run};
use std::collections::BTreeMap;

fn env(s: &Scratch) -> BTreeMap<String, String> {
    let mut e = BTreeMap::new();
    e.insert(
        "OS_CLIENT_CONFIG_FILE".into(),
        clouds().display().to_string(),
    );
    e.insert(
        "XDG_CACHE_HOME".into(),
        s.dir.path().join("cache").display().to_string(),
    );
    e
}

fn ostk_run(args: &[&str], s: &Scratch) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run(&ostk_as_openstack(), &args, &env(s), &s.cwd(), &s.home())
}

fn json(r: &Run) -> serde_json::Map<String, serde_json::Value> {
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// Request ids differ from run to run.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("req-") {
        out.push_str(&rest[..i]);
        out.push_str("req-X");
        rest = rest[i + 4..].trim_start_matches(|c: char| c.is_ascii_hexdigit() || c == '-');
    }
    out.push_str(rest);
    out
}

#[test]
fn token_issue_matches_the_reference() {
    let s = Scratch::new();
    for cloud in ["devstack", "devstack-admin", "devstack-system-admin"] {
        let (o, r) = both(
            &["--os-cloud", cloud, "token", "issue", "-f", "json"],
            &env(&s),
            &s.cwd(),
            &s.home(),
        );
        let (o, r) = (json(&o), json(&r));
        let keys =
            |m: &serde_json::Map<String, serde_json::Value>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&o), keys(&r), "{cloud}: columns differ");
        for k in ["project_id", "user_id", "domain_id", "system"] {
            assert_eq!(o.get(k), r.get(k), "{cloud}: {k} differs");
        }
        let exp = o["expires"].as_str().unwrap();
        assert_eq!(exp.len(), "2026-11-23T13:06:52+0000".len(), "{exp}");
        assert!(exp.ends_with("+0000"), "{exp}");
        assert!(!o["id"].as_str().unwrap().is_empty());
    }
    // Table layout: the same rows, in the same order.
    let (o, r) = both(
        &[
            "--os-cloud",
            "devstack",
            "token",
            "issue",
            "-c",
            "project_id",
            "-c",
            "user_id",
        ],
        &env(&s),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(o, r);
}

#[test]
fn catalog_is_identical() {
    let s = Scratch::new();
    for args in [
        &["--os-cloud", "devstack", "catalog", "list"][..],
        &["--os-cloud", "devstack", "catalog", "list", "-f", "json"],
        &["--os-cloud", "devstack", "catalog", "list", "-f", "value"],
        &[
            "--os-cloud",
            "devstack-admin",
            "catalog",
            "list",
            "-f",
            "yaml",
        ],
        &["--os-cloud", "devstack", "catalog", "show", "identity"],
        &[
            "--os-cloud",
            "devstack",
            "catalog",
            "show",
            "swift",
            "-f",
            "json",
        ],
        &[
            "--os-cloud",
            "devstack",
            "catalog",
            "show",
            "image",
            "-f",
            "shell",
        ],
        &["--os-cloud", "devstack", "catalog", "show", "nosuch"],
    ] {
        let (o, r) = both(args, &env(&s), &s.cwd(), &s.home());
        assert_eq!(o, r, "ostk {args:?} differs from openstack");
    }
}

#[test]
fn error_lines_match() {
    let s = Scratch::new();
    let (o, r) = both(
        &[
            "--os-cloud",
            "devstack",
            "--os-password",
            "wrong",
            "token",
            "issue",
        ],
        &env(&s),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(o.code, 1);
    assert_eq!((o.code, &o.stdout), (r.code, &r.stdout));
    assert_eq!(normalize(&o.stderr), normalize(&r.stderr));
    assert!(o.stderr.starts_with(
        "The request you have made requires authentication. (HTTP 401) (Request-ID: req-"
    ));
    let (o, r) = both(
        &["--os-cloud", "nosuch", "token", "issue"],
        &env(&s),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((o.code, &o.stdout), (r.code, &r.stdout));
    // ostk-config adds the list of known clouds after openstacksdk's sentence.
    assert!(
        o.stderr.starts_with(r.stderr.trim_end()),
        "{:?} vs {:?}",
        o.stderr,
        r.stderr
    );
}

fn auth_posts(r: &Run) -> usize {
    r.stderr
        .lines()
        .filter(|l| l.starts_with("REQ: curl -g -i -X POST") && l.contains("/auth/tokens"))
        .count()
}

#[test]
fn two_commands_authenticate_once() {
    let s = Scratch::new();
    let a = ostk_run(
        &["--os-cloud", "devstack", "--debug", "catalog", "list"],
        &s,
    );
    let b = ostk_run(
        &["--os-cloud", "devstack", "--debug", "catalog", "list"],
        &s,
    );
    assert_eq!((a.code, b.code), (0, 0), "{}\n{}", a.stderr, b.stderr);
    assert_eq!(auth_posts(&a), 1);
    assert_eq!(
        auth_posts(&b),
        0,
        "second run re-authenticated:\n{}",
        b.stderr
    );
    assert!(b.stderr.contains("token cache hit"));
    // The debug log never shows the password or the token.
    let token = json(&ostk_run(
        &["--os-cloud", "devstack", "token", "issue", "-f", "json"],
        &s,
    ))["id"]
        .as_str()
        .unwrap()
        .to_string();
    for r in [&a, &b] {
        assert!(!r.stderr.contains("secret"), "password in debug log");
        assert!(!r.stderr.contains(&token), "token in debug log");
    }
    assert!(a.stderr.contains("x-subject-token: {SHA256}"));
    // Cache disabled: authenticates again.
    let c = ostk_run(
        &[
            "--os-cloud",
            "devstack",
            "--debug",
            "--no-token-cache",
            "catalog",
            "list",
        ],
        &s,
    );
    assert_eq!(auth_posts(&c), 1);
}

#[test]
fn revoked_cached_token_is_replaced() {
    let s = Scratch::new();
    let issue = || {
        json(&ostk_run(
            &["--os-cloud", "devstack-alt", "token", "issue", "-f", "json"],
            &s,
        ))
    };
    let t1 = issue()["id"].as_str().unwrap().to_string();
    assert_eq!(
        issue()["id"].as_str().unwrap(),
        t1,
        "token not reused from the cache"
    );
    let r = ostk_run(&["--os-cloud", "devstack-alt", "token", "revoke", &t1], &s);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
    let t2 = issue()["id"].as_str().unwrap().to_string();
    assert_ne!(t1, t2, "revoked token still cached");
    // A token revoked elsewhere (the cache still holds it): 401, re-authenticate, go on.
    let r = ostk_run(
        &[
            "--os-cloud",
            "devstack-alt",
            "--no-token-cache",
            "token",
            "revoke",
            &t2,
        ],
        &s,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = ostk_run(
        &[
            "--os-cloud",
            "devstack-alt",
            "--debug",
            "catalog",
            "show",
            "identity",
        ],
        &s,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn identity_command_help_is_identical() {
    let s = Scratch::new();
    for words in [
        &["help", "token", "issue"][..],
        &["help", "token", "revoke"],
        &["catalog", "list", "-h"],
        &["catalog", "show", "-h"],
    ] {
        let (o, r) = both(words, &BTreeMap::new(), &s.cwd(), &s.home());
        assert_eq!(o, r, "ostk {words:?} differs from openstack");
    }
}

#[test]
fn timing_reports_every_request_like_osc() {
    let s = Scratch::new();
    // CSV after a non-table format, as osc-lib does; one row per request plus Total.
    let o = ostk_run(
        &[
            "--os-cloud",
            "devstack",
            "--no-token-cache",
            "--timing",
            "catalog",
            "list",
            "-f",
            "value",
            "-c",
            "Name",
        ],
        &s,
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let (_, report) = o
        .stdout
        .split_once("\n\n")
        .expect("a blank line before the timing report");
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines[0], "\"URL\",\"Seconds\"");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("\"POST http://127.0.0.1:") && l.contains("/v3/auth/tokens\",")),
        "{report}"
    );
    assert!(lines.last().unwrap().starts_with("\"Total\","), "{report}");
    // A table after a table.
    let o = ostk_run(
        &["--os-cloud", "devstack", "--timing", "catalog", "list"],
        &s,
    );
    assert!(o.stdout.contains("\n\n+-"), "{}", o.stdout);
    assert!(
        o.stdout.contains("| URL ") && o.stdout.contains("| Total "),
        "{}",
        o.stdout
    );
}

#[test]
fn catalog_from_a_cached_token_shows_services_created_since() {
    let s = Scratch::new();
    let admin = ["--os-cloud", "devstack-admin"];
    let names = |s: &Scratch| {
        let mut a = admin.to_vec();
        a.extend(["catalog", "list", "-f", "value", "-c", "Name"]);
        let r = ostk_run(&a, s);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    names(&s); // caches the token and its catalog
    let name = format!("ostk-catalog-{}", std::process::id());
    let mut create = admin.to_vec();
    create.extend([
        "service",
        "create",
        "--name",
        &name,
        "-f",
        "value",
        "-c",
        "id",
        "ostk-test",
    ]);
    let id = ostk_run(&create, &s);
    assert_eq!(id.code, 0, "{}", id.stderr);
    let id = id.stdout.trim().to_string();
    let listed = names(&s);
    let mut delete = admin.to_vec();
    delete.extend(["service", "delete", &id]);
    let d = ostk_run(&delete, &s);
    assert!(
        listed.lines().any(|l| l == name),
        "{name} missing from a cached session's catalog:\n{listed}"
    );
    assert_eq!(d.code, 0, "{}", d.stderr);
}
