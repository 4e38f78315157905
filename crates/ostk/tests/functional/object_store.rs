//! Object storage (swift) against the devcloud: commands side by side with the reference,
//! large objects (segmented parallel uploads, verified downloads, no orphan segments), bulk
//! deletes, and injected faults (cut or corrupted transfers, Ctrl-C) through
//! [`crate::fault_proxy`].

use crate::fault_proxy::{Fault, FaultProxy, Rule};
use crate::support::{Run, Scratch, both, clouds, ostk_as_openstack, run, unique};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn env() -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            "OS_CLIENT_CONFIG_FILE".into(),
            clouds().display().to_string(),
        ),
        ("OS_CLOUD".into(), "devstack".into()),
    ])
}

fn ostk(s: &Scratch, args: &[&str]) -> Run {
    ostk_env(s, args, &env())
}

fn ostk_env(s: &Scratch, args: &[&str], env: &BTreeMap<String, String>) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run(&ostk_as_openstack(), &args, env, &s.cwd(), &s.home())
}

fn ok(r: Run) -> Run {
    assert_eq!(r.code, 0, "failed: {}", r.stderr);
    r
}

fn json(r: &Run) -> Value {
    assert_eq!(r.code, 0, "failed: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// Object names of a container, straight from swift (no proxy).
fn names(s: &Scratch, container: &str) -> Vec<String> {
    let r = ostk(s, &["object", "list", container, "--all", "-f", "value"]);
    if r.code != 0 {
        return Vec::new();
    }
    r.stdout.lines().map(str::to_string).collect()
}

/// Deletes the containers (recursively) on drop, so a failing test leaves nothing behind.
struct Cleanup<'a> {
    s: &'a Scratch,
    containers: Vec<String>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        for c in &self.containers {
            let _ = ostk(self.s, &["container", "delete", "--recursive", c]);
            let _ = ostk(
                self.s,
                &[
                    "container",
                    "delete",
                    "--recursive",
                    &format!("{c}_segments"),
                ],
            );
        }
    }
}

/// Deterministic pseudo-random bytes (no two segments alike).
fn write_random(path: &Path, len: usize, seed: u64) {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut data = Vec::with_capacity(len);
    while data.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        data.extend_from_slice(&x.to_le_bytes());
    }
    data.truncate(len);
    std::fs::write(path, data).unwrap();
}

fn same_file(a: &Path, b: &Path) -> bool {
    std::fs::read(a).unwrap() == std::fs::read(b).unwrap()
}

/// Files left in a directory (partial downloads would show here).
fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Output with per-request values (transaction ids, timestamps) blanked.
fn stable(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let volatile =
                        ["x-trans-id", "last-modified", "Last Modified"].contains(&k.as_str());
                    (k, if volatile { Value::Null } else { stable(v) })
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(stable).collect()),
        other => other,
    }
}

#[test]
fn container_and_object_commands_match_the_reference() {
    let s = Scratch::new();
    let (c, d) = (unique("ctr"), unique("ctrref"));
    let _c = Cleanup {
        s: &s,
        containers: vec![c.clone(), d.clone()],
    };
    for name in ["a.txt", "dir/b.json", "dir/sub/c"] {
        let p = s.cwd().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, format!("content of {name}\n")).unwrap();
    }
    let (o, r) = both(
        &["container", "create", &c, "--public", "-f", "json"],
        &env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(
        stable(json(&o)),
        stable(json(&r)).clone(),
        "container create"
    );
    let _ = ostk(&s, &["container", "create", &d]);
    // Same files into two containers, one by each client: same listings and ETags.
    let o = ok(ostk(
        &s,
        &[
            "object",
            "create",
            &c,
            "a.txt",
            "dir/b.json",
            "dir/sub/c",
            "-f",
            "json",
        ],
    ));
    let reference = run(
        &crate::support::reference(),
        &[
            "object",
            "create",
            &d,
            "a.txt",
            "dir/b.json",
            "dir/sub/c",
            "-f",
            "json",
        ]
        .map(str::to_string),
        &env(),
        &s.cwd(),
        &s.home(),
    );
    let strip_container = |v: Value| -> Value {
        let mut v = v;
        for row in v.as_array_mut().unwrap() {
            row.as_object_mut().unwrap().remove("container");
        }
        v
    };
    assert_eq!(strip_container(json(&o)), strip_container(json(&reference)));

    for args in [
        vec!["object", "list", "C", "-f", "json"],
        vec!["object", "list", "C", "--long", "-f", "json"],
        vec!["object", "list", "C", "--prefix", "dir/", "-f", "json"],
        vec!["object", "list", "C", "--delimiter", "/", "-f", "json"],
        vec![
            "object", "list", "C", "--limit", "1", "--marker", "a.txt", "-f", "json",
        ],
        vec!["object", "list", "C", "--all", "--limit", "1", "-f", "json"],
        vec![
            "object",
            "list",
            "C",
            "--end-marker",
            "dir/b.json",
            "-f",
            "csv",
        ],
        vec!["object", "show", "C", "dir/b.json", "-f", "json"],
        vec!["object", "show", "C", "nope"],
        vec!["container", "show", "C", "-f", "json"],
        vec!["container", "show", "nope-nope"],
    ] {
        let args: Vec<&str> = args
            .iter()
            .map(|a| if *a == "C" { c.as_str() } else { a })
            .collect();
        let (o, r) = both(&args, &env(), &s.cwd(), &s.home());
        assert_eq!(o.code, r.code, "{args:?}: {}", o.stderr);
        if o.code == 0 {
            let (ov, rv): (Value, Value) = if args.contains(&"csv") {
                (
                    Value::String(o.stdout.clone()),
                    Value::String(r.stdout.clone()),
                )
            } else {
                (json(&o), json(&r))
            };
            assert_eq!(stable(ov), stable(rv), "{args:?}");
        } else {
            // Same message, different request id.
            let cut = |e: &str| {
                e.split(" (Request-ID")
                    .next()
                    .unwrap_or_default()
                    .to_string()
            };
            assert_eq!(cut(&o.stderr), cut(&r.stderr), "{args:?}");
        }
    }

    // Properties: set with ostk, shown the same by both.
    ok(ostk(
        &s,
        &[
            "container",
            "set",
            &c,
            "--property",
            "color=red",
            "--property",
            "Size=9",
        ],
    ));
    ok(ostk(
        &s,
        &["object", "set", &c, "a.txt", "--property", "owner=me"],
    ));
    for args in [
        vec!["container", "show", c.as_str(), "-f", "json"],
        vec!["object", "show", c.as_str(), "a.txt", "-f", "json"],
        vec!["container", "show", c.as_str()],
    ] {
        let (o, r) = both(&args, &env(), &s.cwd(), &s.home());
        assert_eq!(o.code, 0, "{}", o.stderr);
        if args.contains(&"json") {
            assert_eq!(stable(json(&o)), stable(json(&r)), "{args:?}");
        } else {
            assert_eq!(o.stdout, r.stdout, "{args:?}");
        }
    }
    ok(ostk(&s, &["container", "unset", &c, "--property", "color"]));
    let shown = json(&ostk(&s, &["container", "show", &c, "-f", "json"]));
    assert_eq!(shown["properties"], serde_json::json!({"Size": "9"}));

    // Account: same fields (values move as other tests run).
    let (o, r) = both(
        &["object", "store", "account", "show", "-f", "json"],
        &env(),
        &s.cwd(),
        &s.home(),
    );
    let keys = |v: Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(json(&o)), keys(json(&r)));

    // container save: every object to a file of its name.
    let out = Scratch::new();
    let r = run(
        &ostk_as_openstack(),
        &["container".to_string(), "save".into(), c.clone()],
        &env(),
        &out.cwd(),
        &out.home(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for name in ["a.txt", "dir/b.json", "dir/sub/c"] {
        assert!(
            same_file(&s.cwd().join(name), &out.cwd().join(name)),
            "{name}"
        );
    }

    // object save to stdout and to a file in a new directory.
    let r = ok(ostk(
        &s,
        &["object", "save", &c, "dir/b.json", "--file", "-"],
    ));
    assert_eq!(r.stdout, "content of dir/b.json\n");
    ok(ostk(
        &s,
        &["object", "save", &c, "a.txt", "--file", "new/dir/a.copy"],
    ));
    assert!(same_file(
        &s.cwd().join("a.txt"),
        &s.cwd().join("new/dir/a.copy")
    ));

    // Deletes: several at once; a missing one fails as in the reference.
    ok(ostk(&s, &["object", "delete", &c, "a.txt", "dir/b.json"]));
    assert_eq!(names(&s, &c), vec!["dir/sub/c".to_string()]);
    let (o, r) = both(
        &["object", "delete", &c, "nope"],
        &env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((o.code, r.code), (1, 1));
    assert!(o.stderr.starts_with("Not Found (HTTP 404)"), "{}", o.stderr);
    let (o, r) = both(&["container", "delete", &c], &env(), &s.cwd(), &s.home());
    assert_eq!((o.code, r.code), (1, 1));
    assert!(o.stderr.starts_with("Conflict (HTTP 409)"), "{}", o.stderr);
    ok(ostk(&s, &["container", "delete", "--recursive", &c, &d]));
    let listed = ok(ostk(&s, &["container", "list", "-f", "value"])).stdout;
    assert!(!listed.lines().any(|l| l == c || l == d), "{listed}");
}

#[test]
fn many_files_upload_in_parallel_and_delete_in_bulk() {
    let s = Scratch::new();
    let c = unique("many");
    let _c = Cleanup {
        s: &s,
        containers: vec![c.clone()],
    };
    let files: Vec<String> = (0..60).map(|i| format!("f{i:03}")).collect();
    for f in &files {
        std::fs::write(s.cwd().join(f), f.repeat(10)).unwrap();
    }
    ok(ostk(&s, &["container", "create", &c]));
    let mut args = vec![
        "object",
        "create",
        c.as_str(),
        "-f",
        "value",
        "-c",
        "object",
    ];
    args.extend(files.iter().map(String::as_str));
    let r = ok(ostk(&s, &args));
    // Results in the order given.
    assert_eq!(r.stdout.lines().collect::<Vec<_>>(), files);
    assert_eq!(names(&s, &c), files);
    let mut args = vec!["--debug", "object", "delete", c.as_str()];
    args.extend(files.iter().map(String::as_str));
    let r = ok(ostk(&s, &args));
    assert!(
        r.stderr.contains("bulk-delete"),
        "no bulk delete: {}",
        r.stderr
    );
    assert!(names(&s, &c).is_empty());
}

#[test]
fn large_objects_round_trip_and_leave_no_orphan_segments() {
    let s = Scratch::new();
    let c = unique("slo");
    let segs = format!("{c}_segments");
    let _c = Cleanup {
        s: &s,
        containers: vec![c.clone()],
    };
    write_random(&s.cwd().join("big"), 5 * 1024 * 1024 + 123, 1);
    ok(ostk(&s, &["container", "create", &c]));
    let up = json(&ok(ostk(
        &s,
        &[
            "object",
            "create",
            &c,
            "big",
            "--segment-size",
            "1M",
            "-f",
            "json",
        ],
    )));
    assert!(up[0]["etag"].as_str().unwrap().starts_with('"'), "{up}");
    assert_eq!(names(&s, &segs).len(), 6);
    let shown = json(&ostk(&s, &["object", "show", &c, "big", "-f", "json"]));
    assert_eq!(shown["content-length"], "5243003");

    // ostk saves it (segments in parallel, verified), to a file and to stdout; the reference
    // reads back the same bytes.
    ok(ostk(&s, &["object", "save", &c, "big", "--file", "back"]));
    assert!(same_file(&s.cwd().join("big"), &s.cwd().join("back")));
    let piped = Command::new(ostk_as_openstack())
        .args(["object", "save", &c, "big", "--file", "-"])
        .env_clear()
        .envs(env())
        .env("HOME", s.home())
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert_eq!(piped.stdout, std::fs::read(s.cwd().join("big")).unwrap());
    let r = run(
        &crate::support::reference(),
        &["object", "save", &c, "big", "--file", "ref"].map(str::to_string),
        &env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(same_file(&s.cwd().join("big"), &s.cwd().join("ref")));

    // Overwriting replaces the segments: the old ones go.
    ok(ostk(
        &s,
        &["object", "create", &c, "big", "--segment-size", "2M"],
    ));
    assert_eq!(names(&s, &segs).len(), 3);
    // Deleting the object deletes its segments.
    ok(ostk(&s, &["object", "delete", &c, "big"]));
    assert!(names(&s, &segs).is_empty());

    // A recursive container delete takes large objects' segments along.
    ok(ostk(
        &s,
        &["object", "create", &c, "big", "--segment-size", "1M"],
    ));
    ok(ostk(&s, &["container", "delete", "--recursive", &c]));
    assert!(names(&s, &segs).is_empty());
}

/// A clouds.yaml whose `faulty` cloud reaches swift through `proxy`.
fn faulty_env(s: &Scratch, proxy: &FaultProxy) -> BTreeMap<String, String> {
    static PROJECT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let project = PROJECT.get_or_init(|| {
        ok(ostk(
            s,
            &["token", "issue", "-f", "value", "-c", "project_id"],
        ))
        .stdout
        .trim()
        .to_string()
    });
    let devstack = std::fs::read_to_string(clouds()).unwrap();
    let path: PathBuf = s.dir.path().join("faulty-clouds.yaml");
    let faulty = format!(
        "clouds:\n  faulty:\n    auth:\n      auth_url: http://127.0.0.1:5000\n      username: demo\n      password: secret\n      user_domain_id: default\n      project_name: demo\n      project_domain_id: default\n    region_name: RegionOne\n    identity_api_version: 3\n    object_store_endpoint_override: http://127.0.0.1:{}/v1/AUTH_{project}\n",
        proxy.port
    );
    assert!(devstack.contains("username: demo"));
    std::fs::write(&path, faulty).unwrap();
    BTreeMap::from([
        ("OS_CLIENT_CONFIG_FILE".into(), path.display().to_string()),
        ("OS_CLOUD".into(), "faulty".into()),
    ])
}

/// A proxy in front of swift applying `fault` to `method` requests whose path contains `path`,
/// and the environment that sends ostk through it.
fn through_proxy(
    s: &Scratch,
    method: &'static str,
    path: &str,
    fault: Fault,
) -> (FaultProxy, BTreeMap<String, String>) {
    let proxy = FaultProxy::start(
        "127.0.0.1:8080",
        vec![Rule {
            method,
            path: path.to_string(),
            fault,
        }],
    );
    let env = faulty_env(s, &proxy);
    (proxy, env)
}

fn one_line(r: &Run) -> String {
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line: {}", r.stderr);
    lines[0].to_string()
}

#[test]
fn failed_segment_uploads_leave_no_orphans() {
    let s = Scratch::new();
    let c = unique("fault");
    let segs = format!("{c}_segments");
    let _c = Cleanup {
        s: &s,
        containers: vec![c.clone()],
    };
    ok(ostk(&s, &["container", "create", &c]));
    write_random(&s.cwd().join("big"), 4 * 1024 * 1024, 2);

    // A segment corrupted on the way: swift's ETag gives it away.
    let (_proxy, fenv) = through_proxy(&s, "PUT", "/00000002", Fault::CorruptRequestAt(1000));
    let r = ostk_env(
        &s,
        &["object", "create", &c, "big", "--segment-size", "1M"],
        &fenv,
    );
    assert_eq!(r.code, 1);
    let line = one_line(&r);
    assert!(
        line.contains("corrupted") && line.contains("4 segments removed"),
        "{line}"
    );
    assert!(
        names(&s, &segs).is_empty(),
        "orphans: {:?}",
        names(&s, &segs)
    );
    assert!(names(&s, &c).is_empty());

    // A segment whose connection is cut every time (retries included).
    let (proxy, fenv) = through_proxy(&s, "PUT", "/00000001", Fault::CutRequestAfter(300_000));
    let r = ostk_env(
        &s,
        &["object", "create", &c, "big", "--segment-size", "1M"],
        &fenv,
    );
    assert_eq!(r.code, 1);
    let line = one_line(&r);
    assert!(line.contains("4 segments removed"), "{line}");
    let tries = proxy
        .requests()
        .iter()
        .filter(|l| l.starts_with("PUT") && l.ends_with("/00000001"))
        .count();
    assert_eq!(tries, 3, "{:?}", proxy.requests());
    assert!(
        names(&s, &segs).is_empty(),
        "orphans: {:?}",
        names(&s, &segs)
    );
    assert!(names(&s, &c).is_empty());

    // A plain object corrupted on the way is not left behind either.
    write_random(&s.cwd().join("small"), 100_000, 3);
    let (_proxy, fenv) = through_proxy(&s, "PUT", "/small", Fault::CorruptRequestAt(50_000));
    let r = ostk_env(&s, &["object", "create", &c, "small"], &fenv);
    assert_eq!(r.code, 1);
    assert!(one_line(&r).contains("corrupted"), "{}", r.stderr);
    assert!(names(&s, &c).is_empty());
}

#[test]
fn ctrl_c_during_a_large_upload_removes_its_segments() {
    let s = Scratch::new();
    let c = unique("sigint");
    let segs = format!("{c}_segments");
    let _c = Cleanup {
        s: &s,
        containers: vec![c.clone()],
    };
    ok(ostk(&s, &["container", "create", &c]));
    write_random(&s.cwd().join("big"), 4 * 1024 * 1024, 4);
    // Segments 0-2 go through at once, segment 3 crawls.
    let (_proxy, fenv) = through_proxy(&s, "PUT", "/00000003", Fault::SlowRequest);
    let child = Command::new(ostk_as_openstack())
        .args(["object", "create", &c, "big", "--segment-size", "1M"])
        .env_clear()
        .envs(&fenv)
        .env("HOME", s.home())
        .current_dir(s.cwd())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the three fast segments are in swift.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while names(&s, &segs).len() < 3 {
        assert!(
            std::time::Instant::now() < deadline,
            "segments never arrived"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("interrupted: removed the 4 segments"),
        "{stderr}"
    );
    assert!(
        names(&s, &segs).is_empty(),
        "orphans: {:?}",
        names(&s, &segs)
    );
    assert!(names(&s, &c).is_empty());
}

#[test]
fn broken_or_corrupted_downloads_leave_no_file() {
    let s = Scratch::new();
    let c = unique("dl");
    let _c = Cleanup {
        s: &s,
        containers: vec![c.clone()],
    };
    ok(ostk(&s, &["container", "create", &c]));
    write_random(&s.cwd().join("plain"), 2 * 1024 * 1024, 5);
    write_random(&s.cwd().join("large"), 3 * 1024 * 1024, 6);
    ok(ostk(&s, &["object", "create", &c, "plain"]));
    ok(ostk(
        &s,
        &["object", "create", &c, "large", "--segment-size", "1M"],
    ));
    let out = s.dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let target = out.join("file");
    let target = target.to_str().unwrap();

    let cases: Vec<(Rule, &str, &str)> = vec![
        (
            Rule {
                method: "GET",
                path: format!("{c}/plain"),
                fault: Fault::CorruptResponseAt(1_000_000),
            },
            "plain",
            "checksum mismatch (md5)",
        ),
        (
            Rule {
                method: "GET",
                path: format!("{c}/plain"),
                fault: Fault::CutResponseAfter(500_000),
            },
            "plain",
            "broke off after",
        ),
        (
            Rule {
                method: "GET",
                path: "/00000001".into(),
                fault: Fault::CorruptResponseAt(10),
            },
            "large",
            "checksum mismatch (md5)",
        ),
        (
            Rule {
                method: "GET",
                path: "/00000002".into(),
                fault: Fault::CutResponseAfter(100),
            },
            "large",
            "broke off after",
        ),
    ];
    for (rule, object, expect) in cases {
        let proxy = FaultProxy::start("127.0.0.1:8080", vec![rule.clone()]);
        let fenv = faulty_env(&s, &proxy);
        let r = ostk_env(&s, &["object", "save", &c, object, "--file", target], &fenv);
        assert_eq!(r.code, 1, "{rule:?}: {}", r.stderr);
        let line = one_line(&r);
        assert!(line.contains(expect), "{rule:?}: {line}");
        assert!(
            entries(&out).is_empty(),
            "{rule:?} left {:?}",
            entries(&out)
        );
    }
    // Without faults the same downloads work.
    for object in ["plain", "large"] {
        ok(ostk(&s, &["object", "save", &c, object, "--file", target]));
        assert!(same_file(&s.cwd().join(object), Path::new(target)));
    }
}
