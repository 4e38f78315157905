//! `ec2 credentials *` against the devcloud's keystone, side by side with the reference, and
//! the credentials put to use: a real S3 client (boto3, `OSTK_DEVCLOUD_S3_PYTHON`) talks to
//! swift's `s3api` with them, and is refused once they are deleted.

use crate::identity::normalize;
use crate::support::{Run, Scratch, both, cloud_env, clouds, json_of, ostk_as_openstack, run_in};
use crate::support::{reference, unique};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

/// Deletes the credentials on drop, so a failing test leaves none behind.
struct Cleanup<'a> {
    s: &'a Scratch,
    access: Vec<String>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        for a in &self.access {
            let _ = ostk(self.s, &["ec2", "credentials", "delete", a]);
        }
    }
}

fn ostk(s: &Scratch, a: &[&str]) -> Run {
    run_in(&ostk_as_openstack(), s, &cloud_env("devstack"), a)
}

fn field(v: &Value, k: &str) -> String {
    v[k].as_str()
        .unwrap_or_else(|| panic!("no {k} in {v}"))
        .to_string()
}

#[test]
fn create_list_show_delete_match_the_reference() {
    let s = Scratch::new();
    let env = cloud_env("devstack");
    let mine = json_of(&ostk(&s, &["ec2", "credentials", "create", "-f", "json"]));
    let theirs = json_of(&run_in(
        &reference(),
        &s,
        &env,
        &["ec2", "credentials", "create", "-f", "json"],
    ));
    let (a1, a2) = (field(&mine, "access"), field(&theirs, "access"));
    let _c = Cleanup {
        s: &s,
        access: vec![a1.clone(), a2.clone()],
    };
    // same keys, same user/project/trust; access and secret are new each time
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&mine), keys(&theirs));
    assert_eq!(
        keys(&mine),
        [
            "access",
            "links",
            "project_id",
            "secret",
            "trust_id",
            "user_id"
        ]
    );
    for k in ["project_id", "trust_id", "user_id"] {
        assert_eq!(mine[k], theirs[k], "{k}");
    }
    assert!(field(&mine["links"], "self").ends_with(&format!("/credentials/OS-EC2/{a1}")));

    // show: every format identical, for either credential
    for a in [&a1, &a2] {
        for f in ["table", "json", "shell"] {
            let (o, r) = both(
                &["ec2", "credentials", "show", a, "-f", f],
                &env,
                &s.cwd(),
                &s.home(),
            );
            assert_eq!(o, r, "show {a} -f {f}");
        }
    }
    // --user: by ID for oneself; by name (in a domain) for an admin
    let user = field(&mine, "user_id");
    let (o, r) = both(
        &[
            "ec2",
            "credentials",
            "show",
            &a1,
            "--user",
            &user,
            "-f",
            "value",
        ],
        &env,
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o, r);
    let (o, r) = both(
        &[
            "ec2",
            "credentials",
            "show",
            &a2,
            "--user",
            "demo",
            "--user-domain",
            "Default",
            "-f",
            "json",
        ],
        &cloud_env("devstack-admin"),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o, r);

    // list: the same rows for our two credentials (others may come and go meanwhile)
    let ours = |r: &Run| -> Vec<Value> {
        let mut v: Vec<Value> = json_of(r)
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["Access"] == a1.as_str() || c["Access"] == a2.as_str())
            .cloned()
            .collect();
        v.sort_by_key(|c| c["Access"].as_str().unwrap_or_default().to_string());
        v
    };
    let (o, r) = both(
        &["ec2", "credentials", "list", "-f", "json"],
        &env,
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(ours(&o).len(), 2, "{}", o.stdout);
    assert_eq!(ours(&o), ours(&r));
    assert_eq!(json_of(&o)[0].as_object().unwrap().keys().count(), 4);

    // errors: an unknown key, an unknown user
    let missing = unique("nokey");
    for args in [
        vec!["ec2", "credentials", "show", missing.as_str()],
        vec!["ec2", "credentials", "delete", missing.as_str(), "other"],
        vec!["ec2", "credentials", "list", "--user", missing.as_str()],
    ] {
        let (o, r) = both(&args, &env, &s.cwd(), &s.home());
        assert_eq!(o.code, 1, "{args:?}: {}", o.stderr);
        assert_eq!(
            (o.code, normalize(&o.stderr), o.stdout),
            (r.code, normalize(&r.stderr), r.stdout),
            "{args:?}"
        );
    }

    // delete both at once; then neither is listed
    let d = ostk(&s, &["ec2", "credentials", "delete", &a1, &a2]);
    assert_eq!((d.code, d.stdout.as_str()), (0, ""), "{}", d.stderr);
    let l = ostk(&s, &["ec2", "credentials", "list", "-f", "json"]);
    assert!(ours(&l).is_empty(), "{}", l.stdout);
}

/// boto3's interpreter: `OSTK_DEVCLOUD_S3_PYTHON`, else the devcloud's venv-s3 next to its
/// clouds.yaml.
fn s3_python() -> PathBuf {
    let p = std::env::var_os("OSTK_DEVCLOUD_S3_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            clouds()
                .parent()
                .unwrap()
                .join("venv-s3")
                .join("bin")
                .join("python")
        });
    assert!(
        p.exists(),
        "boto3's python not found at {} (run devcloud/devcloud up; set OSTK_DEVCLOUD_S3_PYTHON)",
        p.display()
    );
    p
}

/// The S3 steps a user of a CSC/OVHcloud-style guide runs, through boto3: `roundtrip` makes a
/// bucket, puts and reads back an object; `refused` lists buckets and prints the HTTP status
/// of the refusal; `cleanup` removes the object and the bucket.
const S3_SCRIPT: &str = r#"
import sys, boto3, botocore
from botocore.config import Config
step, access, secret, bucket = sys.argv[1:5]
c = boto3.client("s3", endpoint_url="http://127.0.0.1:8080", region_name="us-east-1",
                 aws_access_key_id=access, aws_secret_access_key=secret,
                 config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))
if step == "roundtrip":
    c.create_bucket(Bucket=bucket)
    c.put_object(Bucket=bucket, Key="greeting.txt", Body=b"hello over s3")
    print(c.get_object(Bucket=bucket, Key="greeting.txt")["Body"].read().decode())
elif step == "cleanup":
    c.delete_object(Bucket=bucket, Key="greeting.txt")
    c.delete_bucket(Bucket=bucket)
elif step == "refused":
    try:
        c.list_buckets()
        print("allowed")
    except botocore.exceptions.ClientError as e:
        print(e.response["ResponseMetadata"]["HTTPStatusCode"])
"#;

fn s3(step: &str, access: &str, secret: &str, bucket: &str) -> String {
    let out = Command::new(s3_python())
        .args(["-c", S3_SCRIPT, step, access, secret, bucket])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .output()
        .expect("boto3 python");
    assert!(
        out.status.success(),
        "s3 {step}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn created_credentials_work_over_s3_until_deleted() {
    let s = Scratch::new();
    let c = json_of(&ostk(&s, &["ec2", "credentials", "create", "-f", "json"]));
    let (access, secret) = (field(&c, "access"), field(&c, "secret"));
    let cleanup = Cleanup {
        s: &s,
        access: vec![access.clone()],
    };
    // S3 bucket names: lower case, at most 63 characters
    let bucket = unique("s3");
    assert_eq!(s3("roundtrip", &access, &secret, &bucket), "hello over s3");
    // the bucket is a container of the credential's project, the object in it
    let l = ostk(&s, &["container", "list", "-f", "value", "-c", "Name"]);
    assert!(l.stdout.lines().any(|n| n == bucket), "{}", l.stdout);
    let l = ostk(
        &s,
        &["object", "list", &bucket, "-f", "value", "-c", "Name"],
    );
    assert_eq!(l.stdout, "greeting.txt\n", "{}", l.stderr);
    let shown = ostk(
        &s,
        &["object", "save", "--file", "-", &bucket, "greeting.txt"],
    );
    assert_eq!(shown.stdout, "hello over s3", "{}", shown.stderr);
    s3("cleanup", &access, &secret, &bucket);

    // once deleted, S3 refuses the keys
    let d = ostk(&s, &["ec2", "credentials", "delete", &access]);
    assert_eq!(d.code, 0, "{}", d.stderr);
    drop(cleanup);
    assert_eq!(s3("refused", &access, &secret, &bucket), "403");
}
