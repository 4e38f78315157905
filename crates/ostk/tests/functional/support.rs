//! Running `ostk` and the reference `openstack` under the same, fully controlled environment.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Path of the reference CLI; the functional suite cannot run without it.
pub fn reference() -> PathBuf {
    let p = std::env::var_os("OSTK_REFERENCE_OPENSTACK")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/ostk-devcloud/venv-osc/bin/openstack"));
    assert!(
        p.exists(),
        "reference openstack not found at {} (set OSTK_REFERENCE_OPENSTACK; scripts/test-all installs it)",
        p.display()
    );
    p
}

/// The ostk binary under test.
pub fn ostk() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_ostk"))
}

/// Runs `bin args…` with exactly `env` (plus PATH, LANG), in `cwd`, with HOME=`home`.
pub fn run(
    bin: &Path,
    args: &[String],
    env: &BTreeMap<String, String>,
    cwd: &Path,
    home: &Path,
) -> Run {
    let mut cmd = Command::new(bin);
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .env("HOME", home)
        .env("COLUMNS", "80")
        .envs(env)
        .current_dir(cwd);
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin.display()));
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `ostk` installed under the name `openstack` (a symlink in a private directory), as users
/// drop it in.
pub fn ostk_as_openstack() -> PathBuf {
    static LINK: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    LINK.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("ostk-functional-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let link = dir.join("openstack");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(ostk(), &link).unwrap();
        link
    })
    .clone()
}

/// Runs the same invocation with ostk (installed as `openstack`) and the reference.
pub fn both(args: &[&str], env: &BTreeMap<String, String>, cwd: &Path, home: &Path) -> (Run, Run) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    (
        run(&ostk_as_openstack(), &args, env, cwd, home),
        run(&reference(), &args, env, cwd, home),
    )
}

/// A scratch directory with `cwd/` and `home/`.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("cwd")).unwrap();
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        Scratch { dir }
    }
    pub fn cwd(&self) -> PathBuf {
        self.dir.path().join("cwd")
    }
    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }
}

/// Copies a directory tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
            copy_tree(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// The devcloud's clouds.yaml (`OSTK_DEVCLOUD_CLOUDS`, as scripts/test-all sets it).
pub fn clouds() -> PathBuf {
    let p = std::env::var_os("OSTK_DEVCLOUD_CLOUDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/ostk-devcloud/clouds.yaml"));
    assert!(
        p.exists(),
        "devcloud clouds.yaml not found at {} (run devcloud/devcloud up; set OSTK_DEVCLOUD_CLOUDS)",
        p.display()
    );
    p
}

/// A name no other run uses (tests run in parallel and may be interrupted).
pub fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("ostk-{prefix}-{}-{nanos}", std::process::id())
}

/// The environment of a devcloud cloud (`devstack`, `devstack-admin`…).
pub fn cloud_env(cloud: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            "OS_CLIENT_CONFIG_FILE".into(),
            clouds().display().to_string(),
        ),
        ("OS_CLOUD".into(), cloud.to_string()),
    ])
}

/// Runs `bin args…` in a scratch directory with `env`.
pub fn run_in(bin: &Path, s: &Scratch, env: &BTreeMap<String, String>, a: &[&str]) -> Run {
    run(bin, &args(a), env, &s.cwd(), &s.home())
}

/// The JSON a successful run printed.
pub fn json_of(r: &Run) -> serde_json::Value {
    assert_eq!(r.code, 0, "failed: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// Owned arguments from string slices.
pub fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

/// Runs curl (`-fsS` added) and returns what it printed; a failure fails the test with curl's
/// message. The tests use it for the raw HTTP a user would type next to the CLI.
pub fn curl(args: &[&str]) -> Vec<u8> {
    let out = Command::new("curl")
        .arg("-fsS")
        .args(args)
        .output()
        .expect("curl");
    assert!(
        out.status.success(),
        "curl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}
