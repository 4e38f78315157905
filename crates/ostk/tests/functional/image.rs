//! Image (glance) commands against the devcloud, side by side with the reference where the
//! output is deterministic: create/show/list/set/unset/delete round trips, and a data upload
//! and download that must come back byte-identical with the reference's checksums.

use crate::support::{Run, Scratch, both, clouds, ostk_as_openstack, run, unique};
use serde_json::Value;
use std::collections::BTreeMap;

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
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run(&ostk_as_openstack(), &args, &env(), &s.cwd(), &s.home())
}

fn json(r: &Run) -> Value {
    assert_eq!(r.code, 0, "failed: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// Deletes the images on drop, so a failing test leaves nothing behind.
struct Cleanup<'a> {
    s: &'a Scratch,
    names: Vec<String>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        for n in &self.names {
            let _ = ostk(self.s, &["image", "delete", n]);
        }
    }
}

/// Fields that differ between two images made the same way.
fn strip(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        for k in ["id", "created_at", "updated_at", "file", "name"] {
            o.remove(k);
        }
        if let Some(p) = o.get_mut("properties").and_then(Value::as_object_mut) {
            p.remove("owner_specified.openstack.object");
        }
    }
    v
}

#[test]
fn create_show_set_unset_list_delete_match_the_reference() {
    let s = Scratch::new();
    let (a, b) = (unique("a"), unique("b"));
    let _c = Cleanup {
        s: &s,
        names: vec![a.clone(), b.clone()],
    };
    let args = |n: &str| {
        vec![
            "image",
            "create",
            "--tag",
            "t1",
            "--property",
            "k=v",
            "--min-ram",
            "5",
            "-f",
            "json",
            n,
        ]
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>()
    };
    let mine = json(&ostk(
        &s,
        &args(&a).iter().map(String::as_str).collect::<Vec<_>>(),
    ));
    let theirs = crate::support::run(
        &crate::support::reference(),
        &args(&b),
        &env(),
        &s.cwd(),
        &s.home(),
    );
    let theirs = json(&theirs);
    assert_eq!(mine["name"], a);
    assert_eq!(strip(mine), strip(theirs));

    // set, then show: both CLIs read the same image identically
    let r = ostk(
        &s,
        &[
            "image",
            "set",
            "--min-disk",
            "4",
            "--property",
            "p=q",
            "--tag",
            "t2",
            "--hidden",
            &a,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (m, t) = both(
        &["image", "show", "-f", "json", &a],
        &env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(m, t);
    let shown = json(&m);
    assert_eq!(shown["min_disk"], 4);
    assert_eq!(shown["properties"]["p"], "q");
    assert_eq!(shown["properties"]["os_hidden"], true);

    // hidden: not listed unless --hidden
    let listed = json(&ostk(&s, &["image", "list", "-f", "json", "--name", &a]));
    assert_eq!(listed, Value::Array(vec![]));
    let (m, t) = both(
        &[
            "image", "list", "--hidden", "--long", "-f", "json", "--name", &a,
        ],
        &env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(m, t);

    // unset: OSC's failure summary for unknown tags and properties (changes nothing, so both
    // CLIs can run it on the same image), then a real unset
    let (m, t) = both(
        &["image", "unset", "--tag", "nope", "--property", "nope", &a],
        &env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((m.code, &m.stderr), (t.code, &t.stderr));
    let r = ostk(
        &s,
        &["image", "unset", "--tag", "t2", "--property", "p", &a],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = json(&ostk(&s, &["image", "show", "-f", "json", &a]));
    assert_eq!(shown["tags"], serde_json::json!(["t1"]));
    assert!(shown["properties"].get("p").is_none());

    // delete: several at once, and the reference's error for an unknown one
    let (m, t) = both(
        &["image", "delete", &unique("none")],
        &env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((m.code, &m.stderr), (t.code, &t.stderr));
    let r = ostk(&s, &["image", "delete", &a, &b]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn upload_and_save_round_trip_with_verified_checksums() {
    let s = Scratch::new();
    let name = unique("data");
    let _c = Cleanup {
        s: &s,
        names: vec![name.clone()],
    };
    // 3 MiB of pseudo-random bytes
    let mut data = Vec::with_capacity(3 << 20);
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    while data.len() < 3 << 20 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        data.extend_from_slice(&x.to_le_bytes());
    }
    let src = s.cwd().join("in.raw");
    std::fs::write(&src, &data).unwrap();
    let created = json(&ostk(
        &s,
        &[
            "image",
            "create",
            "--file",
            src.to_str().unwrap(),
            "-f",
            "json",
            &name,
        ],
    ));
    assert_eq!(created["status"], "active");
    assert_eq!(created["size"], data.len());

    let out = s.cwd().join("out.raw");
    let r = ostk(
        &s,
        &["image", "save", "--file", out.to_str().unwrap(), &name],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::read(&out).unwrap() == data,
        "downloaded bytes differ"
    );
    // no temporary file left next to it
    let leftovers: Vec<_> = std::fs::read_dir(s.cwd())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty());

    // checksums as the reference shows them
    let (m, t) = both(
        &[
            "image",
            "show",
            "-f",
            "json",
            "-c",
            "checksum",
            "-c",
            "properties",
            "-c",
            "size",
            &name,
        ],
        &env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(m, t);
}

fn admin_env() -> BTreeMap<String, String> {
    let mut e = env();
    e.insert("OS_CLOUD".into(), "devstack-admin".into());
    e
}

fn admin(s: &Scratch, args: &[&str]) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run(
        &ostk_as_openstack(),
        &args,
        &admin_env(),
        &s.cwd(),
        &s.home(),
    )
}

/// Creates an image record without data (status `queued`) straight through glance's API: both
/// CLIs upload whatever stdin holds, and a test's stdin is never a terminal.
fn queued_image(s: &Scratch, name: &str) -> String {
    let token = admin(s, &["token", "issue", "-f", "value", "-c", "id"]);
    assert_eq!(token.code, 0, "{}", token.stderr);
    let url = admin(
        s,
        &[
            "endpoint",
            "list",
            "--service",
            "image",
            "--interface",
            "public",
            "-f",
            "value",
            "-c",
            "URL",
        ],
    );
    assert_eq!(url.code, 0, "{}", url.stderr);
    let base = url.stdout.lines().next().unwrap().trim_end_matches('/');
    let out = crate::support::curl(&[
        "-X",
        "POST",
        &format!("{base}/v2/images"),
        "-H",
        &format!("X-Auth-Token: {}", token.stdout.trim()),
        "-H",
        "Content-Type: application/json",
        "-d",
        &format!(r#"{{"name": "{name}", "disk_format": "raw", "container_format": "bare"}}"#),
    ]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["status"], "queued");
    v["id"].as_str().unwrap().to_string()
}

#[test]
fn stage_import_task_and_member_commands_work_like_the_reference() {
    let s = Scratch::new();
    let name = unique("imp");
    let _c = Cleanup {
        s: &s,
        names: vec![name.clone()],
    };
    let id = queued_image(&s, &name);
    // import refuses an image that is not staged, with OSC's words
    let (m, t) = both(
        &["image", "import", &name],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((m.code, &m.stderr), (1, &t.stderr));
    assert_eq!(
        m.stderr.trim(),
        "The 'glance-direct' import method can only be used with an image in status 'uploading'"
    );

    let data: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let src = s.cwd().join("stage.raw");
    std::fs::write(&src, &data).unwrap();
    let r = admin(
        &s,
        &["image", "stage", "--file", src.to_str().unwrap(), &name],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let shown = json(&admin(&s, &["image", "show", "-f", "json", &id]));
    assert_eq!(shown["status"], "uploading");
    // a second stage is refused: the image is no longer queued
    let (m, t) = both(
        &["image", "stage", "--file", src.to_str().unwrap(), &name],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((m.code, &m.stderr), (t.code, &t.stderr));
    assert_eq!(m.code, 1);

    let imported = json(&admin(&s, &["image", "import", "-f", "json", &name]));
    // OSC shows the image as it was when the import started
    assert_eq!(imported["id"], id.as_str());
    assert_eq!(imported["status"], "uploading");
    let mut status = String::new();
    for _ in 0..60 {
        let v = json(&admin(&s, &["image", "show", "-f", "json", &id]));
        status = v["status"].as_str().unwrap_or_default().to_string();
        if status == "active" {
            assert_eq!(v["size"], data.len());
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    assert_eq!(status, "active");
    let out = s.cwd().join("back.raw");
    let r = admin(&s, &["image", "save", "--file", out.to_str().unwrap(), &id]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::read(&out).unwrap() == data,
        "imported bytes differ"
    );

    // the import left a task naming the image; list and show match the reference
    let (m, t) = both(
        &["image", "task", "list", "-f", "json"],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(m, t);
    let tasks = json(&m);
    let mut found = None;
    for task in tasks.as_array().unwrap() {
        let tid = task["ID"].as_str().unwrap();
        let (m, t) = both(
            &["image", "task", "show", "-f", "json", tid],
            &admin_env(),
            &s.cwd(),
            &s.home(),
        );
        assert_eq!(m, t);
        let v = json(&m);
        if v["input"]["image_id"] == id.as_str() {
            assert_eq!(v["type"], "api_image_import");
            assert_eq!(v["properties"], serde_json::json!({}));
            found = Some(tid.to_string());
            break;
        }
    }
    assert!(found.is_some(), "no import task for {id}");
    let (m, t) = both(
        &[
            "image", "task", "list", "--status", "success", "--type", "import", "--limit", "1",
        ],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(m, t);
    let (m, t) = both(
        &["image", "task", "show", "no-such-task"],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((m.code, &m.stderr), (1, &t.stderr));

    // member get
    let project = admin(&s, &["project", "show", "demo", "-f", "value", "-c", "id"]);
    assert_eq!(project.code, 0, "{}", project.stderr);
    let project = project.stdout.trim().to_string();
    assert_eq!(admin(&s, &["image", "set", "--shared", &id]).code, 0);
    let r = admin(&s, &["image", "add", "project", &id, &project]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (m, t) = both(
        &["image", "member", "get", "-f", "json", &name, &project],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(m, t);
    assert_eq!(json(&m)["status"], "pending");
    let (m, t) = both(
        &["image", "member", "get", &name, "not-a-member"],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((m.code, &m.stderr), (1, &t.stderr));
}

#[test]
fn metadef_namespace_property_and_association_commands_match_the_reference() {
    let s = Scratch::new();
    let ns = unique("ns");
    struct DropNs<'a>(&'a Scratch, String);
    impl Drop for DropNs<'_> {
        fn drop(&mut self) {
            let _ = admin(
                self.0,
                &["image", "metadef", "namespace", "delete", &self.1],
            );
        }
    }
    let _d = DropNs(&s, ns.clone());
    let r = admin(
        &s,
        &[
            "image",
            "metadef",
            "namespace",
            "create",
            "--description",
            "d",
            &ns,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = admin(
        &s,
        &[
            "image",
            "metadef",
            "namespace",
            "set",
            "--display-name",
            "Shown",
            "--public",
            "--tag",
            "t1",
            "--tag",
            "t2",
            &ns,
        ],
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    let show = ["image", "metadef", "namespace", "show", "-f", "json", &ns];
    let (m, t) = both(&show, &admin_env(), &s.cwd(), &s.home());
    assert_eq!(m, t);
    let v = json(&m);
    assert_eq!(v["display_name"], "Shown");
    assert_eq!(v["visibility"], "public");
    // glance's PUT replaces the namespace: the description OSC did not send is gone
    assert!(v.get("description").is_none());
    let r = admin(
        &s,
        &["image", "metadef", "namespace", "unset", "--tag", "t1", &ns],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&admin(&s, &show));
    assert_eq!(v["tags"], serde_json::json!([{"name": "t2"}]));
    let (m, t) = both(
        &[
            "image",
            "metadef",
            "namespace",
            "unset",
            "--tag",
            "nope",
            &ns,
        ],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((m.code, &m.stderr), (1, &t.stderr));
    let (m, t) = both(
        &["image", "metadef", "namespace", "unset", &ns],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((m.code, &m.stderr), (2, &t.stderr));
    let r = admin(
        &s,
        &["image", "metadef", "namespace", "unset", "--all-tags", &ns],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json(&admin(&s, &show))["tags"], serde_json::json!([]));
    let (m, t) = both(
        &[
            "image",
            "metadef",
            "namespace",
            "list",
            "-f",
            "json",
            "--visibility",
            "public",
        ],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(m, t);
    assert!(
        json(&m)
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["namespace"] == ns.as_str())
    );

    // properties
    let r = admin(
        &s,
        &[
            "image",
            "metadef",
            "property",
            "create",
            "--name",
            "p1",
            "--title",
            "T1",
            "--type",
            "string",
            "--schema",
            r#"{"enum": ["a", "b"], "description": "first"}"#,
            "-f",
            "json",
            &ns,
        ],
    );
    let created = json(&r);
    assert_eq!(created["enum"], serde_json::json!(["a", "b"]));
    let r = admin(
        &s,
        &[
            "image",
            "metadef",
            "property",
            "create",
            "--name",
            "p2",
            "--title",
            "T2",
            "--type",
            "integer",
            "--schema",
            r#"{"minimum": 1}"#,
            &ns,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for args in [
        vec!["image", "metadef", "property", "list", "-f", "json", &ns],
        vec![
            "image", "metadef", "property", "show", "-f", "json", &ns, "p1",
        ],
        vec!["image", "metadef", "property", "show", &ns, "nope"],
        vec![
            "image", "metadef", "property", "create", "--name", "x", "--title", "x", "--type",
            "string", "--schema", "{bad", &ns,
        ],
        vec!["image", "metadef", "property", "delete", &ns, "nope"],
    ] {
        let (m, t) = both(&args, &admin_env(), &s.cwd(), &s.home());
        assert_eq!(m, t, "{args:?}");
    }
    // a partial failure still deletes the rest (OSC counts the namespace's letters as the total)
    let r = admin(
        &s,
        &["image", "metadef", "property", "delete", &ns, "nope", "p2"],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .ends_with(&format!("1 of {} properties failed to delete.\n", ns.len())),
        "{}",
        r.stderr
    );
    let v = json(&admin(
        &s,
        &["image", "metadef", "property", "list", "-f", "json", &ns],
    ));
    assert_eq!(
        v,
        serde_json::json!([{"name": "p1", "title": "T1", "type": "string"}])
    );
    let r = admin(
        &s,
        &[
            "image",
            "metadef",
            "property",
            "set",
            "--title",
            "New",
            "--schema",
            r#"{"description": "changed"}"#,
            &ns,
            "p1",
        ],
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    let v = json(&admin(
        &s,
        &[
            "image", "metadef", "property", "show", "-f", "json", &ns, "p1",
        ],
    ));
    assert_eq!(v["title"], "New");
    assert_eq!(v["description"], "changed");
    assert_eq!(v["enum"], serde_json::json!(["a", "b"]));

    // object property show
    let r = admin(
        &s,
        &[
            "image",
            "metadef",
            "object",
            "create",
            "--namespace",
            &ns,
            "o1",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (m, t) = both(
        &[
            "image", "metadef", "object", "property", "show", &ns, "o1", "missing",
        ],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((m.code, &m.stderr), (1, &t.stderr));
    assert_eq!(m.stderr.trim(), "Property missing not found in object o1.");

    // resource type associations
    let r = admin(
        &s,
        &[
            "image",
            "metadef",
            "resource",
            "type",
            "association",
            "create",
            &ns,
            "OS::Glance::Image",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (m, t) = both(
        &[
            "image",
            "metadef",
            "resource",
            "type",
            "association",
            "list",
            "-f",
            "json",
            &ns,
        ],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(m, t);
    assert_eq!(json(&m), serde_json::json!([{"Name": "OS::Glance::Image"}]));

    // delete without names empties the namespace
    let r = admin(&s, &["image", "metadef", "property", "delete", &ns]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&admin(
        &s,
        &["image", "metadef", "property", "list", "-f", "json", &ns],
    ));
    assert_eq!(v, serde_json::json!([]));
    let (m, t) = both(
        &["image", "metadef", "namespace", "show", "no-such-namespace"],
        &admin_env(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!((m.code, &m.stderr), (1, &t.stderr));
}

#[test]
fn cached_image_commands_report_what_glance_answers() {
    let s = Scratch::new();
    // Whether or not this glance runs the cache middleware, both CLIs must say the same.
    for args in [
        vec!["cached", "image", "list", "-f", "json"],
        vec!["cached", "image", "clear"],
        vec!["cached", "image", "clear", "--queue"],
        vec!["cached", "image", "queue", "no-such-image"],
        vec!["cached", "image", "delete", "no-such-image"],
    ] {
        let (m, t) = both(&args, &admin_env(), &s.cwd(), &s.home());
        assert_eq!(m, t, "{args:?}");
    }
}

#[test]
fn ctrl_c_during_an_upload_deletes_the_unfinished_image() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let s = Scratch::new();
    let name = unique("img-sigint");
    let _c = Cleanup {
        s: &s,
        names: vec![name.clone()],
    };
    let mut child = Command::new(ostk_as_openstack())
        .args(["image", "create", &name])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", s.home())
        .envs(env())
        .current_dir(s.cwd())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The data trickles in through stdin, so the upload is still going when Ctrl-C comes;
    // the feeder stops when the pipe breaks.
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let chunk = vec![7u8; 64 * 1024];
        for _ in 0..600 {
            if stdin.write_all(&chunk).is_err() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    });
    let status = |s: &Scratch| -> Vec<String> {
        json(&ostk(s, &["image", "list", "--name", &name, "-f", "json"]))
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["Status"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while status(&s) != ["saving"] {
        assert!(
            std::time::Instant::now() < deadline,
            "the upload never started: {:?}",
            status(&s)
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("interrupted: deleted the unfinished image "),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    assert!(status(&s).is_empty(), "left behind: {:?}", status(&s));
}
