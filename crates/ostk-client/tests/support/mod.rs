//! Shared fixtures of the ostk-client integration tests: a fake keystone's answers and
//! sessions built the way `Session::from_config` builds them.
#![allow(dead_code)]

use ostk_client::auth;
use ostk_client::config::{AuthConfig, AuthValue, Secret, plugins};
use ostk_client::{
    ClientError, EndpointSettings, HttpOptions, RetryPolicy, Session, SessionOptions, TokenCache,
};
use serde_json::{Value, json};
use std::time::Duration;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const TOKEN: &str = "gAAAA-the-token";
pub const TOKEN2: &str = "gAAAA-second-token";

pub fn future(secs: i64) -> String {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
        + secs;
    // Format as ISO 8601 UTC by hand (days → civil).
    let days = t.div_euclid(86400);
    let rem = t.rem_euclid(86400);
    let (y, m, d) = civil(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000000Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

pub use ostk_client::time::civil_from_days as civil;

pub fn v3_body(server: &str, expires: &str) -> Value {
    json!({"token": {
    "methods": ["password"],
    "user": {"id": "u1", "name": "demo", "domain": {"id": "default"}},
    "project": {"id": "p1", "name": "demo", "domain": {"id": "default"}},
    "expires_at": expires,
    "issued_at": "2026-01-01T00:00:00.000000Z",
    "roles": [{"id": "r", "name": "member"}],
    "catalog": [
        {"type": "identity", "name": "keystone", "id": "k", "endpoints": [
            {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": server, "id": "e1"}]},
        {"type": "image", "name": "glance", "id": "g", "endpoints": [
            {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": format!("{server}/image"), "id": "e2"},
            {"interface": "internal", "region_id": "RegionOne", "region": "RegionOne", "url": format!("{server}/image-int"), "id": "e3"}]},
        {"type": "volumev3", "name": "cinder", "id": "c", "endpoints": [
            {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": format!("{server}/volume/v3/p1"), "id": "e4"}]}
    ]}})
}

pub fn v2_body(server: &str, token: &str) -> Value {
    json!({"access": {
        "token": {"id": token, "expires": future(3600), "tenant": {"id": "t1", "name": "demo"}},
        "user": {"id": "u2", "name": "demo", "roles": [{"name": "member"}]},
        "serviceCatalog": [{"type": "compute", "name": "nova", "endpoints": [
            {"region": "RegionOne", "publicURL": format!("{server}/compute/v2.1"),
             "internalURL": format!("{server}/compute-int"), "adminURL": format!("{server}/compute-adm")}]}]}})
}

pub async fn mount_v3_auth(server: &MockServer, token: &str, times: Option<u64>) {
    let m = Mock::given(method("POST"))
        .and(path("/v3/auth/tokens"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("X-Subject-Token", token)
                .insert_header("x-openstack-request-id", "req-auth")
                .set_body_json(v3_body(&server.uri(), &future(3600))),
        );
    match times {
        Some(n) => m.expect(n).mount(server).await,
        None => m.mount(server).await,
    }
}

pub fn fast_retry() -> RetryPolicy {
    RetryPolicy {
        max_retries: 2,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_secs(2),
    }
}

pub fn session(plugin: &str, opts: &[(&str, &str)], cache: Option<TokenCache>) -> Session {
    try_session(plugin, opts, cache).unwrap()
}

pub fn try_session(
    plugin: &str,
    opts: &[(&str, &str)],
    cache: Option<TokenCache>,
) -> Result<Session, ClientError> {
    let p = plugins::plugin(plugin).expect("known plugin");
    let options = opts
        .iter()
        .map(|(k, v)| {
            let secret = p.option(k).is_some_and(|o| o.secret);
            let v = if secret {
                AuthValue::Secret(Secret::new(*v))
            } else {
                AuthValue::Plain(json!(v))
            };
            (k.to_string(), v)
        })
        .collect();
    let cfg = AuthConfig { plugin: p, options };
    let (plugin, used) = auth::from_config(&cfg, None)?;
    let material = used.canonical(plugin.name());
    Session::new(
        plugin,
        &material,
        EndpointSettings {
            region: "RegionOne".into(),
            interface: "public".into(),
            ..Default::default()
        },
        SessionOptions {
            http: HttpOptions {
                retry: fast_retry(),
                ..Default::default()
            },
            token_cache: cache,
        },
    )
}

pub fn v3pw(server: &MockServer) -> Vec<(&'static str, String)> {
    vec![
        ("auth_url", server.uri()),
        ("username", "demo".into()),
        ("password", "s3cr3t-pw".into()),
        ("user_domain_id", "default".into()),
        ("project_name", "demo".into()),
        ("project_domain_id", "default".into()),
    ]
}

pub fn refs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}
