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
