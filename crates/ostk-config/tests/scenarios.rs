//! Runs every scenario in `tests/scenarios/` through the Fs/Env shims and
//! compares `configuration_show` with what the real `openstack` CLI recorded
//! (see `tests/record.py`).

use ostk_config::{Args, CloudConfig, ConfigError, Env, Fs};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dst.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to);
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn rows_of(v: &Value) -> Vec<(String, Value)> {
    v.as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn run_case(case: &Path) -> Result<(), String> {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for sub in ["cwd", "home", "other", "etc"] {
        let src = case.join("fs").join(sub);
        if src.is_dir() {
            copy_dir(&src, &root.join(sub));
        } else {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
    }
    let root_s = root.to_string_lossy().to_string();
    let mut env = Env::new();
    for (k, v) in read_json(&case.join("env.json")).as_object().unwrap() {
        env.set(k, &v.as_str().unwrap().replace("{root}", &root_s));
    }
    env.set("HOME", &root.join("home").to_string_lossy());
    let args = Args::from_json(&read_json(&case.join("args.json"))).unwrap();
    let fs = Fs::for_test(&root.join("cwd"), &root.join("home"), &root.join("etc"));
    let result = CloudConfig::resolve(&args, &env, &fs);

    let err_file = case.join("expected-error.txt");
    if err_file.exists() {
        let expected = std::fs::read_to_string(&err_file)
            .unwrap()
            .trim()
            .to_string();
        let code: i32 = std::fs::read_to_string(case.join("expected-exit.txt"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        let err = match result {
            Ok(c) => return Err(format!("expected error {expected:?}, got {c:?}")),
            Err(e) => e,
        };
        if err.exit_code() != code {
            return Err(format!("exit code {} != {code}", err.exit_code()));
        }
        if expected.contains("HTTPSConnectionPool") {
            // The real CLI fetched a remote profile; we refuse to use the network.
            return match err {
                ConfigError::RemoteProfile { .. } => Ok(()),
                other => Err(format!("expected RemoteProfile, got {other}")),
            };
        }
        let msg = err.to_string().replace(&root_s, "{root}");
        if !msg.starts_with(&expected) {
            return Err(format!(
                "error mismatch:\n  got:  {msg}\n  want: {expected}"
            ));
        }
        return Ok(());
    }
    let cfg = result.map_err(|e| format!("unexpected error: {e}"))?;
    let sub = |v: Value| -> Value {
        serde_json::from_str(
            &serde_json::to_string(&v)
                .unwrap()
                .replace(&root_s, "{root}"),
        )
        .unwrap()
    };
    let unmask: Vec<(String, Value)> = cfg
        .configuration_show(false)
        .into_iter()
        .map(|(k, v)| (k, sub(v)))
        .collect();
    let expected = rows_of(&read_json(&case.join("expected.json")));
    if unmask != expected {
        return Err(format!(
            "unmask mismatch:\n  got:  {}\n  want: {}",
            serde_json::to_string(&unmask).unwrap(),
            serde_json::to_string(&expected).unwrap()
        ));
    }
    let mask_file = case.join("expected-mask.json");
    let expected_mask = if mask_file.exists() {
        rows_of(&read_json(&mask_file))
    } else {
        expected
    };
    let mask: Vec<(String, Value)> = cfg
        .configuration_show(true)
        .into_iter()
        .map(|(k, v)| (k, sub(v)))
        .collect();
    if mask != expected_mask {
        return Err(format!(
            "mask mismatch:\n  got:  {}\n  want: {}",
            serde_json::to_string(&mask).unwrap(),
            serde_json::to_string(&expected_mask).unwrap()
        ));
    }
    Ok(())
}

#[test]
fn all_scenarios_match_the_real_cli() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 25, "only {} scenarios", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(e) = run_case(case) {
            failures.push(format!(
                "{}: {e}",
                case.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
