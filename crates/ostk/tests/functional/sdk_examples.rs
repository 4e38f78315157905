//! The SDK's examples (crates/ostk-sdk/examples) run against the devcloud: each must exit 0
//! with the expected output, list_containers must take its Forbidden path for a reader-only
//! account, and the examples that create resources must leave nothing behind.
//!
//! The tests cannot `cargo run` (cargo test holds the build directory's lock): the examples
//! are built beforehand (`cargo build -p ostk-sdk --examples`, a step of scripts/test-all) and
//! found in `<target>/debug/examples/`, next to the `ostk` binary under test.

use crate::support::{Run, Scratch, clouds, ostk_as_openstack, run, unique};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// The built example `name`; fails clearly when it was not built.
fn example(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_BIN_EXE_ostk"))
        .parent()
        .expect("target dir")
        .join("examples");
    let bin = dir.join(name);
    assert!(
        bin.exists(),
        "the SDK example {name} is not built in {}: run `cargo build -p ostk-sdk --examples` \
         first (scripts/test-all does)",
        dir.display()
    );
    bin
}

fn config_env() -> BTreeMap<String, String> {
    BTreeMap::from([(
        "OS_CLIENT_CONFIG_FILE".into(),
        clouds().display().to_string(),
    )])
}

fn run_example(s: &Scratch, name: &str, args: &[&str], env: &BTreeMap<String, String>) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run(&example(name), &args, env, &s.cwd(), &s.home())
}

fn ok(r: Run) -> Run {
    assert_eq!(r.code, 0, "failed:\n{}\n{}", r.stdout, r.stderr);
    r
}

fn ostk(s: &Scratch, args: &[&str]) -> Run {
    let mut env = config_env();
    env.insert("OS_CLOUD".into(), "devstack".into());
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run(&ostk_as_openstack(), &args, &env, &s.cwd(), &s.home())
}

fn lines(out: &str) -> Vec<&str> {
    out.lines().collect()
}

/// The last line says how many items the lines before it showed.
fn counted(out: &str, what: &str) -> Vec<String> {
    let all = lines(out);
    let (last, items) = all.split_last().expect("output");
    assert_eq!(
        *last,
        format!("{} {what}", items.len()),
        "count line of:\n{out}"
    );
    items.iter().map(|l| l.to_string()).collect()
}

fn server_ids(s: &Scratch) -> BTreeSet<String> {
    let r = ok(ostk(s, &["server", "list", "-f", "value", "-c", "ID"]));
    r.stdout.lines().map(str::to_string).collect()
}

#[test]
fn list_servers_by_cloud_name_and_from_the_environment() {
    let s = Scratch::new();
    let before = server_ids(&s);
    let by_name = ok(run_example(
        &s,
        "list_servers",
        &["devstack"],
        &config_env(),
    ));
    let mut env = config_env();
    env.insert("OS_CLOUD".into(), "devstack".into());
    let from_cloud_env = ok(run_example(&s, "list_servers", &[], &env));
    // openrc style: no clouds.yaml at all, only OS_* variables (as a service account's file)
    let openrc = BTreeMap::from(
        [
            ("OS_AUTH_URL", "http://127.0.0.1:5000/v3"),
            ("OS_USERNAME", "demo"),
            ("OS_PASSWORD", "secret"),
            ("OS_PROJECT_NAME", "demo"),
            ("OS_USER_DOMAIN_ID", "default"),
            ("OS_PROJECT_DOMAIN_ID", "default"),
            ("OS_REGION_NAME", "RegionOne"),
            ("OS_IDENTITY_API_VERSION", "3"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let from_openrc = ok(run_example(&s, "list_servers", &[], &openrc));
    let after = server_ids(&s);
    for r in [&by_name, &from_cloud_env, &from_openrc] {
        let listed: BTreeSet<String> = counted(&r.stdout, "servers")
            .iter()
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                assert_eq!(f.len(), 4, "id, name, status, addresses: {l}");
                assert!(!f[2].is_empty(), "a status: {l}");
                f[0].to_string()
            })
            .collect();
        // other tests create and delete servers meanwhile: what existed throughout must be
        // listed, and nothing that never existed
        for id in before.intersection(&after) {
            assert!(listed.contains(id), "{id} missing from:\n{}", r.stdout);
        }
        for id in &listed {
            assert!(
                before.contains(id) || after.contains(id),
                "{id} is not a server"
            );
        }
    }
}

#[test]
fn list_containers_lists_and_takes_the_forbidden_path_for_a_reader() {
    let s = Scratch::new();
    let name = unique("sdkex-c");
    ok(ostk(&s, &["container", "create", &name]));
    let listed = run_example(&s, "list_containers", &["devstack"], &config_env());
    let _ = ostk(&s, &["container", "delete", &name]);
    let items = counted(&ok(listed).stdout, "containers");
    assert!(
        items
            .iter()
            .any(|l| *l == format!("{name}\t0 objects\t0 bytes")),
        "{name} not in {items:?}"
    );

    // demo_reader has the reader role only: swift refuses the listing
    let denied = run_example(&s, "list_containers", &["devstack-reader"], &config_env());
    assert_eq!(denied.code, 3, "{}\n{}", denied.stdout, denied.stderr);
    assert!(denied.stdout.is_empty(), "{}", denied.stdout);
    let msg = denied.stderr.trim();
    assert!(
        msg.starts_with(
            "this account may not use object storage: HTTP 403 on http://127.0.0.1:8080/v1/AUTH_"
        ),
        "{msg}"
    );
    assert!(msg.contains("(request tx"), "the request ID: {msg}");
}

/// A cloud of the OIDC test bed's clouds.yaml (`OSTK_DEVCLOUD_OIDC`), chosen by `OS_CLOUD`.
fn oidc_cloud(name: &str) -> BTreeMap<String, String> {
    let bed = std::env::var_os("OSTK_DEVCLOUD_OIDC")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/ostk-devcloud/oidc"));
    let clouds = bed.join("clouds.yaml");
    assert!(
        clouds.exists(),
        "OIDC test bed not found at {} (devcloud/devcloud up oidc)",
        bed.display()
    );
    BTreeMap::from([
        ("OS_CLIENT_CONFIG_FILE".into(), clouds.display().to_string()),
        ("OS_CLOUD".into(), name.to_string()),
    ])
}

#[test]
fn list_containers_with_ovhcloud_style_service_accounts() {
    // The issue's case: an OVHcloud service account (OIDC client credentials) lists its
    // containers; one without object-storage rights gets Forbidden, by kind.
    let s = Scratch::new();
    let r = ok(run_example(&s, "list_containers", &[], &oidc_cloud("oidc")));
    counted(&r.stdout, "containers");
    let denied = run_example(&s, "list_containers", &[], &oidc_cloud("oidc-readonly"));
    assert_eq!(denied.code, 3, "{}\n{}", denied.stdout, denied.stderr);
    assert!(
        denied.stderr.starts_with(
            "this account may not use object storage: HTTP 403 on http://127.0.0.1:15080/v1/AUTH_"
        ),
        "{}",
        denied.stderr
    );
}

/// The flavors the devcloud seeds, each of which must be listed exactly once.
const SEEDED: &[&str] = &[
    "m1.tiny",
    "m1.small",
    "m1.medium",
    "m1.large",
    "m1.xlarge",
    "m1.nano",
    "m1.micro",
];

#[test]
fn list_flavors_issues_a_token_and_follows_pages() {
    let s = Scratch::new();
    let project = ok(ostk(
        &s,
        &["token", "issue", "-f", "value", "-c", "project_id"],
    ));
    let project = project.stdout.trim();
    for args in [&["devstack"][..], &["devstack", "--page-size", "2"]] {
        let r = ok(run_example(&s, "list_flavors", args, &config_env()));
        let out = lines(&r.stdout);
        assert!(
            out[0].starts_with(&format!("token for project {project} expires 20")),
            "{}",
            out[0]
        );
        assert!(
            out[1].starts_with("GET http://127.0.0.1:8774/v2.1/flavors: HTTP 200, "),
            "{}",
            out[1]
        );
        let flavors = counted(&out[2..].join("\n"), "flavors");
        for name in SEEDED {
            let hits = flavors
                .iter()
                .filter(|l| l.split('\t').nth(1) == Some(name))
                .count();
            assert_eq!(hits, 1, "{name} in {args:?}:\n{}", r.stdout);
        }
        let tiny = flavors
            .iter()
            .find(|l| l.split('\t').nth(1) == Some("m1.tiny"))
            .unwrap();
        assert!(
            tiny.ends_with("\tvcpus=1\tram=512 MiB\tdisk=1 GiB"),
            "{tiny}"
        );
    }
}

/// Deletes what a failed create_server run may have left.
struct ServerCleanup<'a> {
    s: &'a Scratch,
    name: String,
}

impl Drop for ServerCleanup<'_> {
    fn drop(&mut self) {
        let _ = ostk(self.s, &["volume", "delete", &format!("{}-vol", self.name)]);
        let _ = ostk(self.s, &["server", "delete", "--wait", &self.name]);
        let _ = ostk(
            self.s,
            &["keypair", "delete", &format!("{}-key", self.name)],
        );
    }
}

#[test]
fn create_server_boots_waits_and_leaves_nothing() {
    let s = Scratch::new();
    let name = unique("sdkex-vm");
    let _cleanup = ServerCleanup {
        s: &s,
        name: name.clone(),
    };
    let r = ok(run_example(
        &s,
        "create_server",
        &[
            "--cloud", "devstack", "--name", &name, "--image", "cirros", "--volume", "1",
        ],
        &config_env(),
    ));
    let out = lines(&r.stdout);
    assert_eq!(out.len(), 8, "{}", r.stdout);
    assert!(out[0].starts_with("image cirros ("), "{}", out[0]);
    assert!(
        out[0].contains("flavor m1.tiny (1), network private ("),
        "{}",
        out[0]
    );
    assert!(out[1].starts_with(&format!("generated key pair {name}-key (")));
    assert!(out[2].starts_with(&format!("created server {name} (")));
    assert!(
        out[3].starts_with(&format!("server {name} is ACTIVE: addresses 10.")),
        "{}",
        out[3]
    );
    assert!(
        out[4].starts_with(&format!("volume {name}-vol ("))
            && out[4].ends_with(") is available, 1 GiB"),
        "{}",
        out[4]
    );
    assert!(out[5].starts_with("deleted volume "));
    assert!(out[6].starts_with("deleted server "));
    assert_eq!(out[7], format!("deleted key pair {name}-key"));
    let left = ok(ostk(
        &s,
        &["server", "list", "--name", &name, "-f", "value"],
    ));
    assert_eq!(left.stdout, "");
    let keys = ok(ostk(&s, &["keypair", "list", "-f", "value", "-c", "Name"]));
    assert!(!keys.stdout.lines().any(|k| k == format!("{name}-key")));
    // a deleted volume may linger in `deleting` for a moment; it must be on its way out
    let vols = ok(ostk(
        &s,
        &[
            "volume",
            "list",
            "--name",
            &format!("{name}-vol"),
            "-f",
            "value",
            "-c",
            "Status",
        ],
    ));
    assert!(
        vols.stdout.lines().all(|st| st == "deleting"),
        "volume left: {}",
        vols.stdout
    );
}

/// The labels of the inventory example, in its order.
const INVENTORY: &[&str] = &[
    "servers",
    "key pairs",
    "volumes",
    "networks",
    "subnets",
    "ports",
    "floating IPs",
    "security groups",
    "images",
    "containers",
    "projects",
];

#[test]
fn inventory_reads_every_service_and_reports_refusals_by_kind() {
    let s = Scratch::new();
    for (cloud, refused) in [
        ("devstack-admin", &[][..]),
        ("devstack", &["projects"][..]),
        ("devstack-reader", &["containers", "projects"][..]),
    ] {
        let r = ok(run_example(&s, "inventory", &[cloud], &config_env()));
        let out = lines(&r.stdout);
        assert_eq!(out.len(), INVENTORY.len(), "{cloud}: {}", r.stdout);
        for (line, label) in out.iter().zip(INVENTORY) {
            let value = line
                .strip_prefix(&format!("{label}: "))
                .unwrap_or_else(|| panic!("{cloud}: {line} is not {label}"));
            if refused.contains(label) {
                assert_eq!(value, "not allowed (HTTP 403)", "{cloud}: {line}");
            } else {
                let n: usize = value.parse().unwrap_or_else(|_| panic!("{cloud}: {line}"));
                // the seeded networks `public` and `private`
                if *label == "networks" {
                    assert!(n >= 2, "{cloud}: {line}");
                }
            }
        }
    }
}

/// Arguments, environment, and how the one error line starts and ends.
type Case<'a> = (&'a [&'a str], BTreeMap<String, String>, &'a str, &'a str);

#[test]
fn create_server_reports_failures_by_kind() {
    let s = Scratch::new();
    let mut wrong_password = config_env();
    wrong_password.extend([
        ("OS_CLOUD".to_string(), "devstack".to_string()),
        ("OS_PASSWORD".to_string(), "not-the-password".to_string()),
    ]);
    let nothing_listens = BTreeMap::from(
        [
            ("OS_AUTH_URL", "http://127.0.0.1:9/v3"),
            ("OS_USERNAME", "demo"),
            ("OS_PASSWORD", "secret"),
            ("OS_PROJECT_NAME", "demo"),
            ("OS_USER_DOMAIN_ID", "default"),
            ("OS_PROJECT_DOMAIN_ID", "default"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let cases: [Case; 4] = [
        (
            &["--cloud", "devstack", "--image", "no-such-image-sdkex"],
            config_env(),
            "create_server: No Image found for no-such-image-sdkex",
            "(NotFound)",
        ),
        (
            &[],
            wrong_password,
            "create_server: The request you have made requires authentication. (HTTP 401) (Request-ID: req-",
            ") (Unauthorized)",
        ),
        (
            &[],
            nothing_listens,
            "create_server: Unable to establish connection to http://127.0.0.1:9/v3/auth/tokens: ",
            "(Connect)",
        ),
        (
            &["--cloud", "no-such-cloud-sdkex"],
            config_env(),
            "create_server: Cloud no-such-cloud-sdkex was not found.",
            "(Config)",
        ),
    ];
    for (args, env, starts, ends) in cases {
        let r = run_example(&s, "create_server", args, &env);
        assert_eq!(r.code, 1, "{args:?}: {}\n{}", r.stdout, r.stderr);
        assert_eq!(r.stdout, "", "{args:?}: nothing created");
        let err = r.stderr.trim_end();
        assert!(
            err.starts_with(starts) && err.ends_with(ends) && err.lines().count() == 1,
            "{args:?}: {err}"
        );
    }
}

#[test]
fn upload_large_object_segments_the_file_and_cleans_up() {
    let s = Scratch::new();
    let container = unique("sdkex-up");
    let file = s.cwd().join("big.bin");
    // 3.5 MB of varied bytes in 1 MiB segments: 4 segments, the last one short
    let data: Vec<u8> = (0..3_500_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&file, &data).unwrap();
    let file_arg = file.display().to_string();
    let seg = ["--cloud", "devstack", "--segment-size", "1048576"];

    // kept: the object reads back whole
    let mut args = seg.to_vec();
    args.extend([container.as_str(), file_arg.as_str()]);
    let r = run_example(&s, "upload_large_object", &args, &config_env());
    let saved = s.cwd().join("back.bin");
    let back = ostk(
        &s,
        &[
            "object",
            "save",
            "--file",
            &saved.display().to_string(),
            &container,
            "big.bin",
        ],
    );
    let show = ostk(&s, &["object", "show", &container, "big.bin", "-f", "json"]);
    for c in [format!("{container}_segments"), container.clone()] {
        let _ = ostk(&s, &["container", "delete", "--recursive", &c]);
    }
    let out = ok(r).stdout;
    let out = lines(&out);
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(
        out[0].starts_with(&format!(
            "uploaded {container}/big.bin in 4 segments (etag \""
        )),
        "{}",
        out[0]
    );
    assert_eq!(out[1], "listed: true; stored 3500000 bytes");
    ok(back);
    assert!(std::fs::read(&saved).unwrap() == data, "the object differs");
    let show: serde_json::Value = serde_json::from_str(&ok(show).stdout).unwrap();
    assert_eq!(show["content-length"], "3500000", "{show}");

    // --delete: the object, its segments and both containers are gone afterwards
    let container2 = unique("sdkex-up");
    let mut args = seg.to_vec();
    args.extend(["--delete", container2.as_str(), file_arg.as_str(), "o"]);
    let r = run_example(&s, "upload_large_object", &args, &config_env());
    let left = ok(ostk(
        &s,
        &["container", "list", "-f", "value", "--prefix", &container2],
    ));
    for c in left.stdout.lines() {
        let _ = ostk(&s, &["container", "delete", "--recursive", c]);
    }
    let out = ok(r).stdout;
    assert!(out.contains(" in 4 segments "), "{out}");
    assert!(out.ends_with(&format!("deleted {container2}/o\n")), "{out}");
    assert_eq!(left.stdout, "", "containers left behind");
}
