//! Federated and multi-factor authentication against the devcloud's OIDC test bed
//! (`devcloud up oidc`): a real OpenID Connect provider (npm oidc-provider) and a keystone
//! behind Apache httpd + mod_auth_openidc, mapped the way OVHcloud maps service accounts.
//! The OVHcloud environment-variable form and the clouds.yaml form are both exercised, each
//! failure step is checked for its one clear line, and the same keystone runs TOTP,
//! multi-factor and OAuth 2.0 client credentials.

use crate::support::{
    Run, Scratch, args, curl, json_of, ostk_as_openstack, reference, run, unique,
};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The test bed's state directory (`OSTK_DEVCLOUD_OIDC`, set by scripts/test-all).
fn bed() -> PathBuf {
    let p = std::env::var_os("OSTK_DEVCLOUD_OIDC")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/ostk-devcloud/oidc"));
    assert!(
        p.join("ovh-env.sh").exists(),
        "OIDC test bed not found at {} (run devcloud/devcloud up oidc; set OSTK_DEVCLOUD_OIDC)",
        p.display()
    );
    p
}

/// The OVHcloud service-account environment the test bed writes (`ovh-env.sh`).
fn ovh_env() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(bed().join("ovh-env.sh")).unwrap();
    text.lines()
        .filter_map(|l| l.strip_prefix("export "))
        .filter_map(|l| l.split_once('='))
        .filter(|(k, _)| k.starts_with("OS_"))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn with(mut env: BTreeMap<String, String>, changes: &[(&str, &str)]) -> BTreeMap<String, String> {
    for (k, v) in changes {
        if v.is_empty() {
            env.remove(*k);
        } else {
            env.insert(k.to_string(), v.to_string());
        }
    }
    env
}

fn cloud(name: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            "OS_CLIENT_CONFIG_FILE".to_string(),
            bed().join("clouds.yaml").display().to_string(),
        ),
        ("OS_CLOUD".to_string(), name.to_string()),
    ])
}

fn ostk(s: &Scratch, env: &BTreeMap<String, String>, a: &[&str]) -> Run {
    run(&ostk_as_openstack(), &args(a), env, &s.cwd(), &s.home())
}

fn project_id() -> String {
    ovh_env()["OS_PROJECT_ID"].clone()
}

/// The one line a failed run prints, asserting there is exactly one and exit code 1.
fn one_line(r: &Run) -> String {
    assert_eq!(r.code, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line: {}", r.stderr);
    lines[0].to_string()
}

#[test]
fn ovh_env_service_account_gets_a_project_token() {
    let s = Scratch::new();
    for token_type in ["id_token", "access_token"] {
        let env = with(ovh_env(), &[("OS_ACCESS_TOKEN_TYPE", token_type)]);
        let t = json_of(&ostk(
            &s,
            &env,
            &["token", "issue", "-f", "json", "--no-token-cache"],
        ));
        assert_eq!(t["project_id"], project_id(), "{token_type}: {t}");
        assert!(t["id"].as_str().is_some_and(|id| !id.is_empty()));
        assert!(t["user_id"].as_str().is_some_and(|u| u.len() == 64), "{t}");
    }
}

#[test]
fn clouds_yaml_forms_match_the_reference() {
    let s = Scratch::new();
    for name in ["oidc", "oidc-access-token", "oidc-password"] {
        let env = cloud(name);
        let a = ["token", "issue", "-f", "value", "-c", "project_id"];
        let ours = ostk(&s, &env, &a);
        let theirs = run(&reference(), &args(&a), &env, &s.cwd(), &s.home());
        assert_eq!(ours.code, 0, "{name}: {}", ours.stderr);
        assert_eq!(ours.stdout, theirs.stdout, "{name}");
        assert_eq!(ours.stdout.trim(), project_id());
    }
}

#[test]
fn role_without_rights_is_forbidden_like_ovhcloud() {
    let s = Scratch::new();
    let member = ostk(&s, &ovh_env(), &["container", "list", "-f", "value"]);
    assert_eq!(member.code, 0, "{}", member.stderr);
    assert_eq!(member.stdout, "devcloud\n");

    let reader = with(
        ovh_env(),
        &[
            ("OS_CLIENT_ID", "sa-readonly"),
            ("OS_CLIENT_SECRET", "sa-readonly-secret"),
        ],
    );
    let r = ostk(&s, &reader, &["container", "list"]);
    let line = one_line(&r);
    let (head, id) = line
        .split_once(" (Request-ID: ")
        .unwrap_or_else(|| panic!("{line}"));
    assert_eq!(head, "Forbidden (HTTP 403)");
    assert!(id.starts_with("tx") && id.ends_with(')'), "{line}");
    // The same words as python-openstackclient, up to the request id.
    let theirs = run(
        &reference(),
        &args(&["container", "list"]),
        &reader,
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(theirs.code, 1);
    assert!(
        theirs
            .stderr
            .starts_with("Forbidden (HTTP 403) (Request-ID: tx")
    );
}

#[test]
fn each_failing_step_says_which() {
    let s = Scratch::new();
    let nc = ["token", "issue", "--no-token-cache"];
    // IdP token: wrong client secret.
    let line = one_line(&ostk(
        &s,
        &with(ovh_env(), &[("OS_CLIENT_SECRET", "wrong")]),
        &nc,
    ));
    assert!(
        line.starts_with("Identity provider token request to http://127.0.0.1:")
            && line.contains("failed: invalid_client: client authentication failed (HTTP 401)"),
        "{line}"
    );
    assert!(!line.contains("wrong"), "the secret leaked: {line}");

    // Federation: a client the mapping rejects.
    let unmapped = with(
        ovh_env(),
        &[
            ("OS_CLIENT_ID", "sa-unmapped"),
            ("OS_CLIENT_SECRET", "sa-unmapped-secret"),
        ],
    );
    let line = one_line(&ostk(&s, &unmapped, &nc));
    assert!(
        line.starts_with("Federated authentication with identity provider 'ovhcloud-emea' (protocol 'openid') failed: The request you have made requires authentication. (HTTP 401) (Request-ID: req-"),
        "{line}"
    );
    assert!(line.contains("no mapping rule matched"), "{line}");

    // Federation: an identity provider keystone does not know.
    let line = one_line(&ostk(
        &s,
        &with(ovh_env(), &[("OS_IDENTITY_PROVIDER", "ovhcloud-world")]),
        &nc,
    ));
    assert!(
        line.contains(
            "failed: Could not find Identity Provider: ovhcloud-world. (HTTP 404) (Request-ID: req-"
        ),
        "{line}"
    );

    // Scoping: a project the account has no role on.
    let line = one_line(&ostk(
        &s,
        &with(
            ovh_env(),
            &[("OS_PROJECT_ID", "0123456789abcdef0123456789abcdef")],
        ),
        &nc,
    ));
    assert!(
        line.starts_with("Scoping the federated token to project 0123456789abcdef0123456789abcdef failed: The request you have made requires authentication. (HTTP 401)"),
        "{line}"
    );

    // Discovery: a document that is not there.
    let env = ovh_env();
    let bad = env["OS_DISCOVERY_ENDPOINT"].replace("openid-configuration", "nothing-here");
    let line = one_line(&ostk(
        &s,
        &with(env, &[("OS_DISCOVERY_ENDPOINT", &bad)]),
        &nc,
    ));
    assert_eq!(
        line,
        format!("OIDC discovery: cannot fetch {bad} failed: Not Found (HTTP 404)")
    );

    // Configuration: neither discovery nor token endpoint (keystoneauth's words).
    let line = one_line(&ostk(
        &s,
        &with(ovh_env(), &[("OS_DISCOVERY_ENDPOINT", "")]),
        &nc,
    ));
    assert_eq!(
        line,
        "You have to specify either an 'access-token-endpoint' or a 'discovery-endpoint'."
    );

    // The IdP's answer lacks the asked token type.
    let line = one_line(&ostk(
        &s,
        &with(ovh_env(), &[("OS_ACCESS_TOKEN_TYPE", "foo")]),
        &nc,
    ));
    assert!(
        line.starts_with("The identity provider's token response has no 'foo' (access_token_type); it has: access_token,"),
        "{line}"
    );
}

/// A token straight from the IdP (client credentials), as a user would hold one.
fn idp_token(kind: &str) -> String {
    let env = ovh_env();
    let doc: serde_json::Value =
        serde_json::from_slice(&curl(&[&env["OS_DISCOVERY_ENDPOINT"]])).unwrap();
    let answer = curl(&[
        "-u",
        "sa-devcloud:sa-devcloud-secret",
        "-d",
        "grant_type=client_credentials",
        "-d",
        "scope=openid",
        doc["token_endpoint"].as_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    v[kind].as_str().unwrap().to_string()
}

#[test]
fn access_token_plugin_uses_a_token_the_user_has() {
    let s = Scratch::new();
    let env = with(
        ovh_env(),
        &[
            ("OS_AUTH_TYPE", "v3oidcaccesstoken"),
            ("OS_ACCESS_TOKEN", &idp_token("id_token")),
            ("OS_CLIENT_ID", ""),
            ("OS_CLIENT_SECRET", ""),
            ("OS_DISCOVERY_ENDPOINT", ""),
            ("OS_ACCESS_TOKEN_TYPE", ""),
        ],
    );
    let r = ostk(
        &s,
        &env,
        &["token", "issue", "-f", "value", "-c", "project_id"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim(), project_id());

    let garbage = with(env, &[("OS_ACCESS_TOKEN", "not-a-jwt")]);
    let line = one_line(&ostk(&s, &garbage, &["token", "issue"]));
    assert!(
        line.starts_with("Federated authentication with identity provider 'ovhcloud-emea' (protocol 'openid') failed: Unauthorized (HTTP 401)"),
        "{line}"
    );
}

#[test]
fn second_command_reuses_the_cached_federated_token() {
    let s = Scratch::new();
    let env = ovh_env();
    let first = ostk(&s, &env, &["token", "issue", "--debug"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(first.stderr.contains("/token"), "no IdP request seen");
    assert!(first.stderr.contains("/protocols/openid/auth"));
    let second = ostk(&s, &env, &["container", "list", "--debug"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        !second.stderr.contains("openid-configuration") && !second.stderr.contains("OS-FEDERATION"),
        "the second command authenticated again:\n{}",
        second.stderr
    );
    // A changed secret is a different credential: no cached token is used for it.
    let other = ostk(
        &s,
        &with(env, &[("OS_CLIENT_SECRET", "wrong")]),
        &["container", "list"],
    );
    assert_eq!(other.code, 1, "{}", other.stdout);
}

#[test]
fn no_secret_in_debug_output_or_log_file() {
    let s = Scratch::new();
    let log = s.cwd().join("ostk.log");
    let log_s = log.display().to_string();
    let cases: Vec<(BTreeMap<String, String>, Vec<&str>)> = vec![
        (ovh_env(), vec!["sa-devcloud-secret"]),
        (cloud("oidc-password"), vec!["ovh-cli-secret", "alice-pw"]),
    ];
    for (env, secrets) in cases {
        let r = ostk(
            &s,
            &env,
            &[
                "token",
                "issue",
                "-f",
                "json",
                "--debug",
                "--log-file",
                &log_s,
                "--no-token-cache",
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let token = json_of(&r)["id"].as_str().unwrap().to_string();
        let logged = std::fs::read_to_string(&log).unwrap_or_default();
        for text in [&r.stderr, &logged] {
            for secret in secrets.iter().chain([&token.as_str()]) {
                assert!(!text.contains(secret), "{secret} leaked");
            }
            // No JWT (IdP access or id token) in the clear.
            assert!(!text.contains("eyJ"), "a JWT leaked:\n{text}");
        }
        assert!(r.stderr.contains("Authorization: {SHA256}"), "{}", r.stderr);
    }
}

/// The test bed keystone's admin (system scope).
fn admin() -> BTreeMap<String, String> {
    cloud("devcloud-admin")
}

/// RFC 6238 TOTP (SHA-1, 6 digits, 30 s) of a base32 secret, as keystone computes it.
fn totp(secret_b32: &str) -> String {
    use hmac::{Hmac, Mac};
    let key = base32_decode(secret_b32);
    let step = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        / 30;
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(&key).unwrap();
    mac.update(&step.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let off = (h[19] & 0x0f) as usize;
    let bin = u32::from_be_bytes([h[off] & 0x7f, h[off + 1], h[off + 2], h[off + 3]]);
    format!("{:06}", bin % 1_000_000)
}

fn base32_decode(s: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut bits, mut acc, mut out) = (0u32, 0u64, Vec::new());
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = ALPHABET.iter().position(|a| *a == c).unwrap() as u64;
        acc = (acc << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// A user with a password, the member role on the service project and a TOTP credential;
/// deleted when dropped.
struct TotpUser {
    name: String,
    id: String,
    secret: String,
}

impl TotpUser {
    fn new(s: &Scratch) -> TotpUser {
        let name = unique("totp");
        let u = json_of(&ostk(
            s,
            &admin(),
            &["user", "create", "--password", "pw-1", "-f", "json", &name],
        ));
        let id = u["id"].as_str().unwrap().to_string();
        let r = ostk(
            s,
            &admin(),
            &[
                "role",
                "add",
                "--user",
                &id,
                "--project",
                &project_id(),
                "member",
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        // 20 random-ish bytes, base32 (keystone wants an unpadded base32 blob).
        let secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP".to_string();
        let r = ostk(
            s,
            &admin(),
            &["credential", "create", "--type", "totp", &id, &secret],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        TotpUser { name, id, secret }
    }

    fn env(&self, auth_type: &str, extra: &[(&str, &str)]) -> BTreeMap<String, String> {
        let base = [
            ("OS_AUTH_TYPE", auth_type),
            ("OS_AUTH_URL", "http://127.0.0.1:15000/v3"),
            ("OS_USERNAME", self.name.as_str()),
            ("OS_USER_DOMAIN_NAME", "Default"),
            ("OS_PROJECT_ID", &project_id()),
            ("OS_REGION_NAME", "GRA"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        with(base, extra)
    }
}

impl Drop for TotpUser {
    fn drop(&mut self) {
        let s = Scratch::new();
        let _ = ostk(&s, &admin(), &["user", "delete", &self.id]);
    }
}

#[test]
fn totp_and_multi_factor() {
    let s = Scratch::new();
    let user = TotpUser::new(&s);
    let ti = [
        "token",
        "issue",
        "-f",
        "value",
        "-c",
        "project_id",
        "--no-token-cache",
    ];

    let code = totp(&user.secret);
    let r = ostk(&s, &user.env("v3totp", &[("OS_PASSCODE", &code)]), &ti);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim(), project_id());

    let wrong = if code == "000000" { "111111" } else { "000000" };
    let line = one_line(&ostk(
        &s,
        &user.env("v3totp", &[("OS_PASSCODE", wrong)]),
        &ti,
    ));
    assert!(line.contains("(HTTP 401) (Request-ID: req-"), "{line}");

    // Require both factors: password alone is refused, password + TOTP accepted.
    let r = ostk(
        &s,
        &admin(),
        &[
            "user",
            "set",
            "--enable-multi-factor-auth",
            "--multi-factor-auth-rule",
            "password,totp",
            &user.id,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let pw_only = ostk(&s, &user.env("v3password", &[("OS_PASSWORD", "pw-1")]), &ti);
    assert_eq!(
        pw_only.code, 1,
        "password alone was accepted: {}",
        pw_only.stdout
    );
    let both = user.env(
        "v3multifactor",
        &[
            ("OS_AUTH_METHODS", "v3password,v3totp"),
            ("OS_PASSWORD", "pw-1"),
            ("OS_PASSCODE", &totp(&user.secret)),
        ],
    );
    let r = ostk(&s, &both, &ti);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim(), project_id());
    // The passcode and password never reach the debug output.
    let code = totp(&user.secret);
    let both = with(both, &[("OS_PASSCODE", &code)]);
    let r = ostk(
        &s,
        &both,
        &["token", "issue", "--debug", "--no-token-cache"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains(&format!("\"{code}\"")) && !r.stderr.contains("pw-1"));
}

/// keystone's OAuth 2.0 client credentials run on the core devcloud keystone (the test bed's
/// keystone, on sqlite without a cache, fails to store application credentials: a keystone
/// bug, `UNIQUE constraint failed: application_credential_role`).
#[test]
fn oauth2_client_credential_with_an_application_credential() {
    let s = Scratch::new();
    let name = unique("oauth2");
    let ac = json_of(&ostk(
        &s,
        &crate::support::cloud_env("devstack"),
        &["application", "credential", "create", "-f", "json", &name],
    ));
    let (id, secret) = (ac["ID"].as_str().unwrap(), ac["Secret"].as_str().unwrap());
    let env = BTreeMap::from(
        [
            ("OS_AUTH_TYPE", "v3oauth2clientcredential"),
            ("OS_AUTH_URL", "http://127.0.0.1:5000/v3"),
            (
                "OS_OAUTH2_ENDPOINT",
                "http://127.0.0.1:5000/v3/OS-OAUTH2/token",
            ),
            ("OS_OAUTH2_CLIENT_ID", id),
            ("OS_OAUTH2_CLIENT_SECRET", secret),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let r = ostk(
        &s,
        &env,
        &[
            "token",
            "issue",
            "-f",
            "json",
            "--debug",
            "--no-token-cache",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json_of(&r)["project_id"], ac["Project ID"]);
    assert!(r.stderr.contains("/v3/OS-OAUTH2/token"), "{}", r.stderr);
    assert!(!r.stderr.contains(secret));
    // Service requests carry the OAuth 2.0 access token as a bearer token.
    let r = ostk(&s, &env, &["image", "list", "--debug", "--no-token-cache"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .lines()
            .any(|l| l.contains("/v2/images") && l.contains("-H \"Authorization: {SHA256}")),
        "{}",
        r.stderr
    );

    let bad = with(env, &[("OS_OAUTH2_CLIENT_SECRET", "wrong")]);
    let line = one_line(&ostk(&s, &bad, &["token", "issue", "--no-token-cache"]));
    assert!(line.contains("(HTTP 401)"), "{line}");
    let r = ostk(
        &s,
        &crate::support::cloud_env("devstack"),
        &["application", "credential", "delete", &name],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// The IdP's base URL (issuer), from the discovery endpoint of the OVH-style environment.
fn issuer() -> String {
    ovh_env()["OS_DISCOVERY_ENDPOINT"].replace("/.well-known/openid-configuration", "")
}

/// POSTs to one of the test bed IdP's harness endpoints (what a user does in a browser).
fn harness_post(path_and_query: &str) -> String {
    let out = curl(&["-X", "POST", &format!("{}{path_and_query}", issuer())]);
    String::from_utf8_lossy(&out).trim().to_string()
}

#[test]
fn device_authorization_on_a_terminal_with_pkce() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let s = Scratch::new();
    let env = with(
        ovh_env(),
        &[
            ("OS_AUTH_TYPE", "v3oidcdeviceauthz"),
            ("OS_CLIENT_ID", "ovh-device"),
            ("OS_CLIENT_SECRET", ""),
            ("OS_ACCESS_TOKEN_TYPE", "access_token"),
            ("OS_CODE_CHALLENGE_METHOD", "S256"),
        ],
    );
    let mut child = Command::new(ostk_as_openstack())
        .args(["token", "issue", "-f", "value", "-c", "project_id"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", s.home())
        .envs(&env)
        .current_dir(s.cwd())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let url = line
        .trim()
        .strip_prefix("To authenticate please go to: ")
        .unwrap_or_else(|| panic!("no verification URL: {line}"))
        .to_string();
    assert!(
        url.starts_with(&format!("{}/device?user_code=", issuer())),
        "{url}"
    );
    let user_code = url.rsplit('=').next().unwrap();
    assert_eq!(
        harness_post(&format!("/devcloud/approve?user_code={user_code}&sub=dave")),
        "approved"
    );
    let out = child.wait_with_output().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut err, &mut rest).unwrap();
    assert!(out.status.success(), "{rest}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), project_id());
    // The token is cached: a second command does not ask the user again.
    let r = ostk(&s, &env, &["container", "list", "-f", "value"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("To authenticate"), "{}", r.stderr);
}

#[test]
fn authorization_code_is_exchanged_once() {
    let s = Scratch::new();
    let redirect = "http://127.0.0.1:9990/callback";
    let code = harness_post(&format!(
        "/devcloud/code?client_id=ovh-web&sub=carol&redirect_uri={redirect}"
    ));
    let env = with(
        ovh_env(),
        &[
            ("OS_AUTH_TYPE", "v3oidcauthcode"),
            ("OS_CLIENT_ID", "ovh-web"),
            ("OS_CLIENT_SECRET", "ovh-web-secret"),
            ("OS_CODE", &code),
            ("OS_REDIRECT_URI", redirect),
            ("OS_ACCESS_TOKEN_TYPE", "access_token"),
        ],
    );
    let nc = [
        "token",
        "issue",
        "-f",
        "value",
        "-c",
        "project_id",
        "--no-token-cache",
    ];
    let r = ostk(&s, &env, &nc);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim(), project_id());
    // A code is good once.
    let line = one_line(&ostk(&s, &env, &nc));
    assert!(
        line.contains("failed: invalid_grant: grant request is invalid (HTTP 400)"),
        "{line}"
    );
    assert!(!line.contains(&code), "the code leaked: {line}");
}

#[test]
fn auth_check_reports_each_step_without_secrets() {
    let s = Scratch::new();
    let r = ostk(&s, &ovh_env(), &["auth", "check", "-f", "json"]);
    let steps = json_of(&r);
    let names: Vec<&str> = steps
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["Step"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "configuration",
            "OIDC discovery",
            "identity provider token",
            "federated authentication",
            "scoping",
            "token",
            "catalog"
        ]
    );
    assert!(
        steps
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["Result"] == "ok"),
        "{steps}"
    );
    let text = steps.to_string();
    assert!(
        text.contains(&project_id()) && text.contains("object-store"),
        "{text}"
    );
    assert!(
        !text.contains("sa-devcloud-secret") && !text.contains("eyJ"),
        "{text}"
    );

    // A failing step: the steps before it, the failed one, then its error line; exit 1.
    let bad = with(ovh_env(), &[("OS_CLIENT_SECRET", "wrong")]);
    let r = ostk(
        &s,
        &bad,
        &["auth", "check", "-f", "value", "-c", "Step", "-c", "Result"],
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "configuration ok\nOIDC discovery ok\nidentity provider token FAILED\nerror FAILED\n"
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("invalid_client"), "{}", r.stderr);
}
