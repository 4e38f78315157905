//! `--clouds a,b,c` / `--all-clouds` (ostk only): one command against several clouds at once,
//! merged with a Cloud column; each cloud's rows are exactly what the command alone prints there.

use crate::support::{Run, Scratch, clouds, json_of, ostk_as_openstack, run_in};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// ostk (as `openstack`) with the devcloud's clouds.yaml and no OS_CLOUD.
fn ostk(s: &Scratch, a: &[&str]) -> Run {
    run_in(&ostk_as_openstack(), s, &env(), a)
}

fn env() -> BTreeMap<String, String> {
    BTreeMap::from([(
        "OS_CLIENT_CONFIG_FILE".to_string(),
        clouds().display().to_string(),
    )])
}

/// The rows one cloud alone lists, each with its Cloud field first.
fn alone(s: &Scratch, cloud: &str, a: &[&str]) -> Vec<Value> {
    let mut full = vec!["--os-cloud", cloud];
    full.extend(a);
    let rows = json_of(&ostk(s, &full));
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let mut m = serde_json::Map::from_iter([("Cloud".to_string(), json!(cloud))]);
            m.extend(r.as_object().unwrap().clone());
            Value::Object(m)
        })
        .collect()
}

#[test]
fn listings_of_several_clouds_merge_with_a_cloud_column() {
    let s = Scratch::new();
    let a = ["network", "list", "-f", "json", "--sort-column", "ID"];
    let merged = json_of(&ostk(
        &s,
        &[
            "--clouds",
            "devstack,devstack-alt",
            "network",
            "list",
            "-f",
            "json",
        ],
    ));
    let mut want = alone(&s, "devstack", &a);
    want.extend(alone(&s, "devstack-alt", &a));
    let mut got = merged.as_array().unwrap().clone();
    let key = |v: &Value| (v["Cloud"].to_string(), v["ID"].to_string());
    got.sort_by_key(key);
    want.sort_by_key(key);
    assert_eq!(got, want);
    // the columns keep the command's order, Cloud first
    let first = merged[0].as_object().unwrap();
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        ["Cloud", "ID", "Name", "Subnets"]
    );

    // -c keeps the Cloud column, or the rows could not be told apart
    let r = ostk(
        &s,
        &[
            "--clouds",
            "devstack,devstack-alt",
            "network",
            "list",
            "-c",
            "Name",
            "-f",
            "csv",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("\"Cloud\",\"Name\"\n"), "{}", r.stdout);
    assert!(
        r.stdout.contains("\"devstack-alt\",\"public\""),
        "{}",
        r.stdout
    );
}

#[test]
fn a_failing_cloud_is_reported_on_its_own_line_and_the_others_still_answer() {
    let s = Scratch::new();
    let r = ostk(
        &s,
        &[
            "--clouds",
            "devstack,nosuch,devstack-admin",
            "token",
            "issue",
            "-c",
            "project_id",
            "-f",
            "json",
        ],
    );
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert!(
        lines[0].starts_with("nosuch: Cloud nosuch was not found."),
        "{}",
        r.stderr
    );
    let rows: Value = serde_json::from_str(&r.stdout).unwrap();
    let projects: Vec<(String, String)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["Cloud"].as_str().unwrap().to_string(),
                r["project_id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let project_of = |cloud: &str| {
        json_of(&ostk(
            &s,
            &["--os-cloud", cloud, "token", "issue", "-f", "json"],
        ))["project_id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        projects,
        [
            ("devstack".to_string(), project_of("devstack")),
            ("devstack-admin".to_string(), project_of("devstack-admin")),
        ]
    );
    // the shell format holds one record
    let r = ostk(
        &s,
        &[
            "--clouds",
            "devstack,devstack-admin",
            "token",
            "issue",
            "-f",
            "shell",
        ],
    );
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert!(
        r.stderr.contains("use -f json, yaml, value or table"),
        "{}",
        r.stderr
    );
}

#[test]
fn all_clouds_runs_against_every_cloud_of_clouds_yaml() {
    let s = Scratch::new();
    let r = ostk(
        &s,
        &[
            "--all-clouds",
            "configuration",
            "show",
            "-c",
            "region_name",
            "-f",
            "value",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let yaml = std::fs::read_to_string(clouds()).unwrap();
    let names: Vec<&str> = yaml
        .lines()
        .filter_map(|l| l.strip_prefix("  ").and_then(|l| l.strip_suffix(':')))
        .filter(|l| !l.starts_with(' '))
        .collect();
    assert!(names.len() >= 3, "{yaml}");
    let got: Vec<&str> = r
        .stdout
        .lines()
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(got, names, "{}", r.stdout);
}
