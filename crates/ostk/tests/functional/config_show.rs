//! `configuration show` side by side with python-openstackclient over every recorded scenario
//! of ostk-config (crates/ostk-config/tests/scenarios), live, in several output formats.

use crate::support::{Scratch, both, copy_tree};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn scenarios() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ostk-config/tests/scenarios");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

fn read_json_map(p: &Path) -> serde_json::Map<String, serde_json::Value> {
    match std::fs::read_to_string(p) {
        Ok(s) => serde_json::from_str(&s).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
        Err(_) => serde_json::Map::new(),
    }
}

fn argv_of(args: &serde_json::Map<String, serde_json::Value>) -> Vec<String> {
    let mut v = Vec::new();
    for (k, val) in args {
        match val {
            serde_json::Value::Bool(true) => v.push(format!("--{k}")),
            serde_json::Value::String(s) => {
                v.push(format!("--{k}"));
                v.push(s.clone());
            }
            other => panic!("unsupported arg value {other}"),
        }
    }
    v
}

#[test]
fn configuration_show_equals_reference_in_every_scenario() {
    let mut compared = 0;
    let mut failures = Vec::new();
    for dir in scenarios() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        // /etc cannot be staged for a live run without touching the machine; those scenarios
        // are covered by ostk-config's in-process scenario test only.
        if dir.join("fs/etc").exists() {
            continue;
        }
        let s = Scratch::new();
        if dir.join("fs/cwd").exists() {
            copy_tree(&dir.join("fs/cwd"), &s.cwd());
        }
        if dir.join("fs/home").exists() {
            copy_tree(&dir.join("fs/home"), &s.home());
        }
        let env: BTreeMap<String, String> = read_json_map(&dir.join("env.json"))
            .into_iter()
            .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_string()))
            .collect();
        let global = argv_of(&read_json_map(&dir.join("args.json")));
        for tail in [
            &["-f", "json", "--unmask"][..],
            &["-f", "json"],
            &["-f", "yaml", "--unmask"],
            &["-f", "shell"],
            &["-f", "value", "--unmask"],
            &["-f", "table", "--mask"],
        ] {
            let mut args: Vec<&str> = global.iter().map(String::as_str).collect();
            args.extend(["configuration", "show"]);
            args.extend(tail);
            let (o, r) = both(&args, &env, &s.cwd(), &s.home());
            compared += 1;
            let same = o.code == r.code
                && o.stdout == r.stdout
                && (o.code == 0 || o.stderr.lines().last() == r.stderr.lines().last());
            if !same {
                failures.push(format!(
                    "{name} {tail:?}: exit {} vs {}\n--- ostk stdout\n{}--- openstack stdout\n{}--- ostk stderr\n{}--- openstack stderr\n{}",
                    o.code, r.code, o.stdout, r.stdout, o.stderr, r.stderr
                ));
            }
        }
    }
    assert!(compared >= 20 * 6, "only {compared} comparisons ran");
    assert!(
        failures.is_empty(),
        "{} of {compared} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
