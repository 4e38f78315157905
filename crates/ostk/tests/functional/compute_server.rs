//! `server …` commands against the devcloud's nova (fake driver), side by side with the
//! reference: create --wait, show, list, the power actions, delete --wait, and the error lines.

use crate::support::{
    Run, Scratch, both, cloud_env, json_of as json, ostk_as_openstack, reference, run, run_in,
    unique,
};
use serde_json::Value;
use std::collections::BTreeMap;

fn env() -> BTreeMap<String, String> {
    cloud_env("devstack")
}

fn ostk(s: &Scratch, args: &[&str]) -> Run {
    run_in(&ostk_as_openstack(), s, &env(), args)
}

/// Deletes the servers on drop, so a failing test leaves nothing behind.
struct Cleanup<'a> {
    s: &'a Scratch,
    names: Vec<String>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        let mut args = vec!["server", "delete"];
        args.extend(self.names.iter().map(String::as_str));
        let _ = ostk(self.s, &args);
    }
}

/// Fields that differ between two servers made the same way.
fn strip(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        for k in [
            "id",
            "name",
            "adminPass",
            "created",
            "updated",
            "OS-SRV-USG:launched_at",
            "addresses",
            "OS-EXT-SRV-ATTR:hostname",
        ] {
            o.remove(k);
        }
    }
    v
}

/// Polls `server show` until the status is `want` (actions are asynchronous in nova).
fn wait_status(s: &Scratch, name: &str, want: &str) {
    for _ in 0..120 {
        let r = ostk(s, &["server", "show", name, "-f", "value", "-c", "status"]);
        if r.stdout.trim() == want {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
    panic!("{name} never reached {want}");
}

#[test]
fn create_show_list_actions_delete_match_the_reference() {
    let s = Scratch::new();
    let (a, b) = (unique("srv-a"), unique("srv-b"));
    let _c = Cleanup {
        s: &s,
        names: vec![a.clone(), b.clone()],
    };
    let create = |name: &str| -> Vec<String> {
        [
            "server",
            "create",
            "--image",
            "cirros",
            "--flavor",
            "m1.tiny",
            "--network",
            "private",
            "--property",
            "k=v",
            "--wait",
            "-f",
            "json",
            name,
        ]
        .iter()
        .map(|x| x.to_string())
        .collect()
    };
    let mine = run(
        &ostk_as_openstack(),
        &create(&a),
        &env(),
        &s.cwd(),
        &s.home(),
    );
    let theirs = run(&reference(), &create(&b), &env(), &s.cwd(), &s.home());
    let (mine, theirs) = (json(&mine), json(&theirs));
    assert_eq!(mine["status"], "ACTIVE");
    assert_eq!(mine["properties"], serde_json::json!({"k": "v"}));
    assert_eq!(strip(mine), strip(theirs));

    // the same server, shown by both, in every format
    for fmt in ["json", "table", "value", "shell", "yaml"] {
        let (x, y) = both(
            &["server", "show", &a, "-f", fmt],
            &env(),
            &s.cwd(),
            &s.home(),
        );
        assert_eq!(x, y, "server show -f {fmt}");
    }
    for args in [
        vec!["server", "list", "--name", &a],
        vec!["server", "list", "--long", "--name", &a, "-f", "json"],
        vec![
            "server",
            "list",
            "--name",
            &a,
            "-c",
            "ID",
            "-c",
            "Project ID",
        ],
        vec![
            "server",
            "list",
            "--name",
            &a,
            "--no-name-lookup",
            "-f",
            "csv",
        ],
        // before 2.47 the flavor is looked up by ID and shown as `name (id)`
        vec!["--os-compute-api-version", "2.1", "server", "show", &a],
        vec![
            "--os-compute-api-version",
            "2.1",
            "server",
            "list",
            "--long",
            "--name",
            &a,
        ],
    ] {
        let (x, y) = both(&args, &env(), &s.cwd(), &s.home());
        assert_eq!(x, y, "{args:?}");
    }

    // power actions on both servers at once
    let r = ostk(&s, &["server", "stop", &a, &b]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    wait_status(&s, &a, "SHUTOFF");
    wait_status(&s, &b, "SHUTOFF");
    assert_eq!(ostk(&s, &["server", "start", &a, &b]).code, 0);
    wait_status(&s, &a, "ACTIVE");
    assert_eq!(ostk(&s, &["server", "pause", &a]).code, 0);
    wait_status(&s, &a, "PAUSED");
    assert_eq!(ostk(&s, &["server", "unpause", &a]).code, 0);
    wait_status(&s, &a, "ACTIVE");
    assert_eq!(
        ostk(&s, &["server", "lock", "--reason", "maintenance", &a]).code,
        0
    );
    let shown = json(&ostk(&s, &["server", "show", &a, "-f", "json"]));
    assert_eq!(shown["locked"], true);
    assert_eq!(shown["locked_reason"], "maintenance");
    assert_eq!(ostk(&s, &["server", "unlock", &a]).code, 0);

    // delete both and a missing one: per-item error line, summary, exit 1, nothing left
    let missing = unique("missing");
    let r = ostk(&s, &["server", "delete", "--wait", &a, &missing, &b]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        format!(
            "Failed to delete server with name or ID '{missing}': No Server found for {missing}\n\
             1 of 3 servers failed to delete.\n"
        )
    );
    for n in [&a, &b] {
        let r = ostk(&s, &["server", "show", n]);
        assert_eq!(r.code, 1);
        assert_eq!(r.stderr, format!("No Server found for {n}\n"));
    }
}

#[test]
fn bad_input_fails_like_the_reference() {
    let s = Scratch::new();
    let name = unique("never");
    for args in [
        vec!["server", "show", name.as_str()],
        vec!["server", "create", "--flavor", "m1.tiny", name.as_str()],
        vec![
            "server",
            "create",
            "--image",
            "cirros",
            "--flavor",
            "nope",
            name.as_str(),
        ],
        vec![
            "server",
            "create",
            "--image",
            "cirros",
            "--flavor",
            "m1.tiny",
            "--nic",
            "net-id=a,port-id=b",
            name.as_str(),
        ],
        vec![
            "server",
            "create",
            "--image",
            "cirros",
            "--flavor",
            "m1.tiny",
            "--nic",
            "auto",
            "--network",
            "private",
            name.as_str(),
        ],
        vec![
            "server",
            "create",
            "--image",
            "cirros",
            "--flavor",
            "m1.tiny",
            "--min",
            "3",
            "--max",
            "2",
            name.as_str(),
        ],
        vec!["server", "list", "--status", "bogus"],
        vec!["server", "list", "--changes-since", "yesterday"],
        // an ID that is no server's (ostk deletes IDs straight away) and a missing name
        vec![
            "server",
            "delete",
            "11111111-2222-3333-4444-555555555555",
            "nope-not-a-server",
        ],
    ] {
        let (x, y) = both(&args, &env(), &s.cwd(), &s.home());
        assert_eq!((x.code, &x.stderr), (y.code, &y.stderr), "{args:?}");
        assert_eq!(x.stdout, y.stdout, "{args:?}");
    }
    // nothing was created by the failures
    let r = run_in(
        &reference(),
        &s,
        &env(),
        &["server", "list", "--name", &name, "-f", "value"],
    );
    assert_eq!(r.stdout, "");
}

#[test]
fn set_unset_rebuild_resize_shelve_reboot() {
    let s = Scratch::new();
    let (name, renamed) = (unique("srv-life"), unique("srv-life-renamed"));
    let _c = Cleanup {
        s: &s,
        names: vec![name.clone(), renamed.clone()],
    };
    json(&ostk(
        &s,
        &[
            "server",
            "create",
            "--image",
            "cirros",
            "--flavor",
            "m1.tiny",
            "--network",
            "private",
            "--wait",
            "-f",
            "json",
            &name,
        ],
    ));
    let r = ostk(
        &s,
        &[
            "server",
            "set",
            "--name",
            &renamed,
            "--property",
            "a=1",
            "--property",
            "b=2",
            "--tag",
            "t1",
            "--tag",
            "t2",
            "--description",
            "hello",
            &name,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = json(&ostk(&s, &["server", "show", &renamed, "-f", "json"]));
    assert_eq!(shown["properties"], serde_json::json!({"a": "1", "b": "2"}));
    assert_eq!(shown["tags"], serde_json::json!(["t1", "t2"]));
    assert_eq!(shown["description"], "hello");
    let r = ostk(
        &s,
        &[
            "server",
            "unset",
            "--property",
            "a",
            "--tag",
            "t1",
            "--description",
            &renamed,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = json(&ostk(&s, &["server", "show", &renamed, "-f", "json"]));
    assert_eq!(shown["properties"], serde_json::json!({"b": "2"}));
    assert_eq!(shown["tags"], serde_json::json!(["t2"]));
    assert_eq!(shown["description"], "");
    assert_eq!(
        ostk(
            &s,
            &[
                "server",
                "unset",
                "--all-properties",
                "--all-tags",
                &renamed
            ]
        )
        .code,
        0
    );
    let shown = json(&ostk(&s, &["server", "show", &renamed, "-f", "json"]));
    assert_eq!(shown["properties"], serde_json::json!({}));
    assert_eq!(shown["tags"], serde_json::json!([]));

    // rebuild onto the other image, waiting: "Complete" then the record
    let r = ostk(
        &s,
        &[
            "server",
            "rebuild",
            "--image",
            "cirros-0.6.3-x86_64-disk",
            "--wait",
            "-f",
            "json",
            &renamed,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (done, record) = r.stdout.split_once('\n').unwrap();
    assert_eq!(done, "Complete");
    let rebuilt: Value = serde_json::from_str(record).unwrap();
    assert!(
        rebuilt["image"]
            .as_str()
            .unwrap()
            .starts_with("cirros-0.6.3-x86_64-disk (")
    );

    // reboot and resize wait; resize confirm lands on the new flavor
    let r = ostk(&s, &["server", "reboot", "--hard", "--wait", &renamed]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "Complete\n"),
        "{}",
        r.stderr
    );
    let r = ostk(
        &s,
        &[
            "server", "resize", "--flavor", "m1.small", "--wait", &renamed,
        ],
    );
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "Complete\n"),
        "{}",
        r.stderr
    );
    wait_status(&s, &renamed, "VERIFY_RESIZE");
    assert_eq!(ostk(&s, &["server", "resize", "confirm", &renamed]).code, 0);
    wait_status(&s, &renamed, "ACTIVE");
    let shown = json(&ostk(&s, &["server", "show", &renamed, "-f", "json"]));
    assert_eq!(shown["flavor"]["name"], "m1.small");

    // shelve --wait reaches a shelved state; unshelve --wait brings it back
    let r = ostk(&s, &["server", "shelve", "--wait", &renamed]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let st = json(&ostk(&s, &["server", "show", &renamed, "-f", "json"]));
    assert!(
        st["status"].as_str().unwrap().starts_with("SHELVED"),
        "{st}"
    );
    // --wait ends at SHELVED, as osc's does, while nova may still be offloading it (task_state
    // shelving_offloading): an unshelve then would be refused with 409
    for _ in 0..120 {
        let st = json(&ostk(&s, &["server", "show", &renamed, "-f", "json"]));
        if st["OS-EXT-STS:task_state"].is_null() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
    let r = ostk(&s, &["server", "unshelve", "--wait", &renamed]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    wait_status(&s, &renamed, "ACTIVE");
}
