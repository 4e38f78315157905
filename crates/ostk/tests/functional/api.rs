//! `api` (ostk only): authenticated raw requests against the catalog endpoints of the devcloud,
//! compared with what curl gets with a token copied from `token issue` (the seeds' workflow).

use crate::support::{Scratch, cloud_env, curl, json_of, ostk_as_openstack, run_in, unique};

fn curl_json(url: &str, token: &str) -> serde_json::Value {
    serde_json::from_slice(&curl(&["-H", &format!("X-Auth-Token: {token}"), url])).unwrap()
}

#[test]
fn compute_flavors_equal_curl_with_a_copied_token() {
    let s = Scratch::new();
    let env = cloud_env("devstack");
    let bin = ostk_as_openstack();
    let token = json_of(&run_in(&bin, &s, &env, &["token", "issue", "-f", "json"]))["id"]
        .as_str()
        .unwrap()
        .to_string();
    let endpoint = run_in(
        &bin,
        &s,
        &env,
        &["catalog", "show", "compute", "-f", "json"],
    );
    let url = json_of(&endpoint)["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["interface"] == "public")
        .and_then(|e| e["url"].as_str())
        .unwrap()
        .to_string();
    let ours = run_in(&bin, &s, &env, &["api", "compute", "/flavors"]);
    assert_eq!(ours.code, 0, "{}", ours.stderr);
    let ours: serde_json::Value = serde_json::from_str(&ours.stdout).unwrap();
    assert_eq!(ours, curl_json(&format!("{url}/flavors"), &token));
    assert!(ours["flavors"].as_array().is_some_and(|f| !f.is_empty()));

    // A microversion changes the answer as it does for curl.
    let ours = run_in(
        &bin,
        &s,
        &env,
        &[
            "api",
            "compute",
            "/flavors/detail",
            "--microversion",
            "2.61",
        ],
    );
    assert_eq!(ours.code, 0, "{}", ours.stderr);
    let ours: serde_json::Value = serde_json::from_str(&ours.stdout).unwrap();
    assert!(ours["flavors"][0].get("extra_specs").is_some(), "{ours}");
}

#[test]
fn object_store_root_lists_containers_and_errors_are_one_line() {
    let s = Scratch::new();
    let env = cloud_env("devstack");
    let bin = ostk_as_openstack();
    let name = unique("api");
    let r = run_in(&bin, &s, &env, &["container", "create", &name]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_in(&bin, &s, &env, &["api", "object-store", "/"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let listing: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(
        listing
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == name.as_str()),
        "{listing}"
    );
    // PUT with a body, then -i shows the status line and headers.
    let obj = format!("/{name}/hello.txt");
    let r = run_in(
        &bin,
        &s,
        &env,
        &["api", "object-store", &obj, "-X", "PUT", "-d", "hi there"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_in(&bin, &s, &env, &["api", "object-store", &obj, "-i"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("HTTP 200\n"), "{}", r.stdout);
    assert!(r.stdout.ends_with("\n\nhi there"), "{}", r.stdout);
    // An error answer: the usual one line, exit 1.
    let r = run_in(
        &bin,
        &s,
        &env,
        &["api", "object-store", &format!("/{name}/missing")],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with("Not Found (HTTP 404) (Request-ID: tx"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1);
    // Bad input: one line, exit 1, nothing sent.
    let r = run_in(
        &bin,
        &s,
        &env,
        &["api", "compute", "/flavors", "-H", "no-colon"],
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "invalid header \"no-colon\": expected \"Name: value\"\n"
    );
    let r = run_in(
        &bin,
        &s,
        &env,
        &["container", "delete", "--recursive", &name],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}
