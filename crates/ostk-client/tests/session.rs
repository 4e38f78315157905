//! The session against a fake keystone (wiremock): Identity v2.0 and v3, catalogs, 401 then
//! re-authentication, retries (503/429 with Retry-After, connection refused, never POST),
//! the token cache, and redaction of every secret in the debug log for every plugin.

mod support;

use ostk_client::auth;
use ostk_client::config::{AuthConfig, AuthValue, Secret, plugins};
use ostk_client::{ClientError, HttpOptions, Method, TokenCache};
use serde_json::json;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::*;
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

#[tokio::test]
async fn v3_password_and_catalog_with_aliases() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v3/auth/tokens"))
        .and(body_partial_json(json!({"auth": {"identity": {"methods": ["password"],
            "password": {"user": {"name": "demo", "domain": {"id": "default"}, "password": "s3cr3t-pw"}}},
            "scope": {"project": {"name": "demo", "domain": {"id": "default"}}}}})))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("X-Subject-Token", TOKEN)
                .set_body_json(v3_body(&server.uri(), &future(3600))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let s = session("v3password", &refs(&v3pw(&server)), None);
    let a = s.access_with_catalog().await.unwrap();
    assert_eq!(a.token(), Some(TOKEN));
    assert_eq!(a.project_id.as_deref(), Some("p1"));
    assert_eq!(
        s.endpoint("image").await.unwrap(),
        format!("{}/image", server.uri())
    );
    assert_eq!(
        s.endpoint("block-storage").await.unwrap(),
        format!("{}/volume/v3/p1", server.uri())
    );
    assert_eq!(
        s.endpoint("volume").await.unwrap(),
        format!("{}/volume/v3/p1", server.uri())
    );
    let err = s.endpoint("compute").await.unwrap_err().to_string();
    assert_eq!(
        err,
        "public endpoint for compute service in RegionOne region not found"
    );
}

#[tokio::test]
async fn v3_scopes_and_methods() {
    let server = MockServer::start().await;
    for (scope_opts, scope) in [
        (
            vec![("system_scope", "all")],
            json!({"system": {"all": true}}),
        ),
        (vec![("domain_id", "d1")], json!({"domain": {"id": "d1"}})),
        (vec![("project_id", "p9")], json!({"project": {"id": "p9"}})),
    ] {
        Mock::given(method("POST"))
            .and(path("/v3/auth/tokens"))
            .and(body_partial_json(json!({"auth": {"scope": scope}})))
            .respond_with(
                ResponseTemplate::new(201)
                    .insert_header("X-Subject-Token", TOKEN)
                    .set_body_json(v3_body(&server.uri(), &future(3600))),
            )
            .expect(1)
            .mount(&server)
            .await;
        let mut o = vec![
            ("auth_url", server.uri()),
            ("user_id", "u1".to_string()),
            ("password", "pw".to_string()),
        ];
        o.extend(scope_opts.iter().map(|(k, v)| (*k, v.to_string())));
        session("v3password", &refs(&o), None)
            .access()
            .await
            .unwrap();
    }
    // Unscoped: no "scope" key at all.
    let s = session(
        "v3password",
        &[
            ("auth_url", &format!("{}/v3", server.uri())),
            ("user_id", "u1"),
            ("password", "pw"),
        ],
        None,
    );
    let (plugin, _) = auth::from_config(
        &AuthConfig {
            plugin: plugins::plugin("v3password").unwrap(),
            options: vec![
                ("auth_url".into(), AuthValue::Plain(json!("http://x"))),
                ("user_id".into(), AuthValue::Plain(json!("u1"))),
                ("password".into(), AuthValue::Secret(Secret::new("pw"))),
            ],
        },
        None,
    )
    .unwrap();
    assert_eq!(plugin.name(), "v3password");
    drop(s);
}

#[tokio::test]
async fn v2_password_and_token_with_v2_catalog() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2.0/tokens"))
        .and(body_partial_json(json!({"auth": {"passwordCredentials": {"username": "demo", "password": "v2-pw"}, "tenantName": "demo"}})))
        .respond_with(ResponseTemplate::new(200).set_body_json(v2_body(&server.uri(), TOKEN)))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2.0/tokens"))
        .and(body_partial_json(
            json!({"auth": {"token": {"id": "old-token"}, "tenantId": "t1"}}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(v2_body(&server.uri(), TOKEN2)))
        .expect(1)
        .mount(&server)
        .await;
    let url = format!("{}/v2.0", server.uri());
    let s = session(
        "v2password",
        &[
            ("auth_url", &url),
            ("username", "demo"),
            ("password", "v2-pw"),
            ("tenant_name", "demo"),
        ],
        None,
    );
    let a = s.access().await.unwrap();
    assert_eq!(a.token(), Some(TOKEN));
    assert_eq!(a.project_id.as_deref(), Some("t1"));
    assert_eq!(
        s.endpoint("compute").await.unwrap(),
        format!("{}/compute/v2.1", server.uri())
    );
    let s = session(
        "v2token",
        &[
            ("auth_url", &server.uri()),
            ("token", "old-token"),
            ("tenant_id", "t1"),
        ],
        None,
    );
    assert_eq!(s.token().await.unwrap().as_deref(), Some(TOKEN2));
    let err = try_session(
        "v2password",
        &[
            ("auth_url", &url),
            ("username", "d"),
            ("password", "p"),
            ("tenant_id", "a"),
            ("tenant_name", "b"),
        ],
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("mutually exclusive"), "{err}");
}

#[tokio::test]
async fn generic_password_falls_back_to_discovery_and_v2() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v3/auth/tokens"))
        .respond_with(ResponseTemplate::new(404))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/"))
        .respond_with(ResponseTemplate::new(300).set_body_json(json!({"versions": {"values": [
            {"id": "v2.0", "status": "stable", "links": [{"rel": "self", "href": format!("{}/v2.0/", server.uri())}]}]}})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2.0/tokens"))
        .respond_with(ResponseTemplate::new(200).set_body_json(v2_body(&server.uri(), TOKEN)))
        .expect(1)
        .mount(&server)
        .await;
    let s = session(
        "password",
        &[
            ("auth_url", &server.uri()),
            ("username", "demo"),
            ("password", "pw"),
            ("project_name", "demo"),
        ],
        None,
    );
    assert_eq!(s.token().await.unwrap().as_deref(), Some(TOKEN));
}

/// Answers 401 for the first `n` calls, then 200.
struct FailFirst(Arc<Mutex<u32>>, u32);
impl Respond for FailFirst {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut c = self.0.lock().unwrap();
        *c += 1;
        if *c <= self.1 {
            ResponseTemplate::new(401).set_body_json(json!({"error": {"code": 401, "message": "The request you have made requires authentication."}}))
        } else {
            ResponseTemplate::new(200).set_body_json(json!({"images": []}))
        }
    }
}

#[tokio::test]
async fn reauthenticates_once_on_401() {
    let server = MockServer::start().await;
    mount_v3_auth(&server, TOKEN, Some(2)).await;
    Mock::given(method("GET"))
        .and(path("/image/v2/images"))
        .respond_with(FailFirst(Arc::new(Mutex::new(0)), 1))
        .expect(2)
        .mount(&server)
        .await;
    let s = session("v3password", &refs(&v3pw(&server)), None);
    let r = s
        .request("image", Method::GET, "/v2/images")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn token_refused_in_the_revocation_second_is_retried_a_second_later() {
    let server = MockServer::start().await;
    mount_v3_auth(&server, TOKEN, Some(3)).await;
    Mock::given(method("GET"))
        .and(path("/image/v2/images"))
        .respond_with(FailFirst(Arc::new(Mutex::new(0)), 2))
        .expect(3)
        .mount(&server)
        .await;
    let s = session("v3password", &refs(&v3pw(&server)), None);
    let started = std::time::Instant::now();
    let r = s
        .request("image", Method::GET, "/v2/images")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status, 200);
    assert!(started.elapsed() >= std::time::Duration::from_millis(1000));
}

#[tokio::test]
async fn persistent_401_is_an_error() {
    let server = MockServer::start().await;
    mount_v3_auth(&server, TOKEN, Some(3)).await;
    Mock::given(method("GET"))
        .and(path("/image/v2/images"))
        .respond_with(FailFirst(Arc::new(Mutex::new(0)), 99))
        .expect(3)
        .mount(&server)
        .await;
    let s = session("v3password", &refs(&v3pw(&server)), None);
    let e = s
        .request("image", Method::GET, "/v2/images")
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(401));
    assert_eq!(
        e.to_string(),
        "The request you have made requires authentication. (HTTP 401)"
    );
}

/// Answers `status` (with Retry-After) for the first call, then 200.
struct OnceThen(Arc<Mutex<u32>>, u16, Option<&'static str>);
impl Respond for OnceThen {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut c = self.0.lock().unwrap();
        *c += 1;
        if *c == 1 {
            let mut t = ResponseTemplate::new(self.1);
            if let Some(ra) = self.2 {
                t = t.insert_header("Retry-After", ra);
            }
            t
        } else {
            ResponseTemplate::new(200)
                .insert_header("X-Compute-Request-Id", "req-compute")
                .set_body_json(json!({"ok": true}))
        }
    }
}

#[tokio::test]
async fn retries_503_honouring_retry_after() {
    let server = MockServer::start().await;
    mount_v3_auth(&server, TOKEN, Some(1)).await;
    Mock::given(method("GET"))
        .and(path("/image/x"))
        .respond_with(OnceThen(Arc::new(Mutex::new(0)), 503, Some("1")))
        .expect(2)
        .mount(&server)
        .await;
    let s = session("v3password", &refs(&v3pw(&server)), None);
    let t = std::time::Instant::now();
    let r = s.request("image", Method::GET, "/x").send().await.unwrap();
    assert!(
        t.elapsed() >= Duration::from_millis(950),
        "{:?}",
        t.elapsed()
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.request_id(), Some("req-compute"));
}

#[tokio::test]
async fn retries_429() {
    let server = MockServer::start().await;
    mount_v3_auth(&server, TOKEN, Some(1)).await;
    Mock::given(method("GET"))
        .and(path("/image/x"))
        .respond_with(OnceThen(Arc::new(Mutex::new(0)), 429, None))
        .expect(2)
        .mount(&server)
        .await;
    let s = session("v3password", &refs(&v3pw(&server)), None);
    assert_eq!(
        s.request("image", Method::GET, "/x")
            .send()
            .await
            .unwrap()
            .status,
        200
    );
}

#[tokio::test]
async fn never_retries_post() {
    let server = MockServer::start().await;
    mount_v3_auth(&server, TOKEN, Some(1)).await;
    Mock::given(method("POST"))
        .and(path("/image/x"))
        .respond_with(ResponseTemplate::new(503).insert_header("Retry-After", "0"))
        .expect(1)
        .mount(&server)
        .await;
    let s = session("v3password", &refs(&v3pw(&server)), None);
    let e = s
        .request("image", Method::POST, "/x")
        .json(json!({}))
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "Service Unavailable (HTTP 503)");
}

#[tokio::test]
async fn connection_refused() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}");
    let s = session(
        "v3password",
        &[
            ("auth_url", &url),
            ("user_id", "u"),
            ("password", "p"),
            ("project_id", "x"),
        ],
        None,
    );
    let e = s.access().await.unwrap_err().to_string();
    assert!(
        e.starts_with(&format!(
            "Unable to establish connection to {url}/v3/auth/tokens: "
        )),
        "{e}"
    );
}

#[tokio::test]
async fn connection_refused_is_retried_for_get() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let http = ostk_client::http::Http::new(HttpOptions {
        retry: fast_retry(),
        ..Default::default()
    })
    .unwrap();
    let t = std::time::Instant::now();
    let e = http
        .send(&ostk_client::HttpRequest::new(
            Method::GET,
            format!("http://127.0.0.1:{port}/"),
        ))
        .await
        .unwrap_err();
    assert!(matches!(e, ClientError::Connect { .. }));
    // Two retries: 10ms + 20ms of backoff.
    assert!(t.elapsed() >= Duration::from_millis(30));
}

fn cache_dir() -> (tempfile::TempDir, TokenCache) {
    let d = tempfile::tempdir().unwrap();
    let c = TokenCache::new(d.path().join("ostk"));
    (d, c)
}

#[tokio::test]
async fn token_cache_hit_miss_and_mode() {
    use std::os::unix::fs::PermissionsExt;
    let server = MockServer::start().await;
    mount_v3_auth(&server, TOKEN, Some(2)).await;
    let (_d, cache) = cache_dir();
    let o = v3pw(&server);
    // Miss: authenticates and writes the file.
    let s = session("v3password", &refs(&o), Some(cache.clone()));
    assert_eq!(s.token().await.unwrap().as_deref(), Some(TOKEN));
    let (_, key) = s.token_cache().unwrap();
    let file = cache.path(key);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // Hit: a new session with the same inputs does not authenticate.
    let s2 = session("v3password", &refs(&o), Some(cache.clone()));
    assert_eq!(s2.token().await.unwrap().as_deref(), Some(TOKEN));
    assert_eq!(
        s2.endpoint("image").await.unwrap(),
        format!("{}/image", server.uri())
    );
    // Another password is another key: a miss.
    let mut o2 = o.clone();
    o2[2].1 = "other-pw".into();
    let s3 = session("v3password", &refs(&o2), Some(cache.clone()));
    assert_ne!(s3.token_cache().unwrap().1, key);
    s3.token().await.unwrap();
}

#[tokio::test]
async fn token_cache_ignores_bad_files_and_expiring_tokens() {
    use std::os::unix::fs::PermissionsExt;
    let server = MockServer::start().await;
    let (_d, cache) = cache_dir();
    let o = v3pw(&server);
    // Near expiry: written, then dropped on the next load.
    Mock::given(method("POST"))
        .and(path("/v3/auth/tokens"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("X-Subject-Token", TOKEN)
                .set_body_json(v3_body(&server.uri(), &future(60))),
        )
        .expect(3)
        .mount(&server)
        .await;
    let s = session("v3password", &refs(&o), Some(cache.clone()));
    s.token().await.unwrap();
    let key = s.token_cache().unwrap().1.to_string();
    assert!(cache.path(&key).exists());
    assert!(
        cache.load(&key).is_none(),
        "expiring token must not be used"
    );
    assert!(!cache.path(&key).exists());
    // Corrupt file: ignored, replaced.
    std::fs::write(cache.path(&key), b"{not json").unwrap();
    std::fs::set_permissions(cache.path(&key), std::fs::Permissions::from_mode(0o600)).unwrap();
    session("v3password", &refs(&o), Some(cache.clone()))
        .token()
        .await
        .unwrap();
    // Too permissive: ignored.
    std::fs::set_permissions(cache.path(&key), std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(cache.load(&key).is_none());
    session("v3password", &refs(&o), Some(cache.clone()))
        .token()
        .await
        .unwrap();
}

#[tokio::test]
async fn cached_token_rejected_with_401_is_replaced() {
    let server = MockServer::start().await;
    let (_d, cache) = cache_dir();
    let o = v3pw(&server);
    mount_v3_auth(&server, TOKEN, Some(2)).await;
    Mock::given(method("GET"))
        .and(path("/image/v2/images"))
        .respond_with(FailFirst(Arc::new(Mutex::new(0)), 1))
        .expect(2)
        .mount(&server)
        .await;
    session("v3password", &refs(&o), Some(cache.clone()))
        .token()
        .await
        .unwrap();
    // The next invocation gets the cached token, keystone says 401 (revoked): re-auth once.
    let s = session("v3password", &refs(&o), Some(cache.clone()));
    assert_eq!(
        s.request("image", Method::GET, "/v2/images")
            .send()
            .await
            .unwrap()
            .status,
        200
    );
}

#[tokio::test]
async fn cached_token_without_catalog_gets_catalog_or_reauthenticates() {
    let server = MockServer::start().await;
    let (_d, cache) = cache_dir();
    let o = v3pw(&server);
    let mut bare = v3_body(&server.uri(), &future(3600));
    bare["token"].as_object_mut().unwrap().remove("catalog");
    Mock::given(method("POST"))
        .and(path("/v3/auth/tokens"))
        .and(wiremock::matchers::query_param("nocatalog", ""))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("X-Subject-Token", TOKEN)
                .set_body_json(bare),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v3/auth/tokens"))
        .and(wiremock::matchers::query_param_is_missing("nocatalog"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("X-Subject-Token", TOKEN2)
                .set_body_json(v3_body(&server.uri(), &future(3600))),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v3/auth/catalog"))
        .respond_with(FailFirst(Arc::new(Mutex::new(0)), 1))
        .expect(1)
        .mount(&server)
        .await;
    // `token issue` style: no catalog needed, cached.
    session("v3password", &refs(&o), Some(cache.clone()))
        .access()
        .await
        .unwrap();
    // Next invocation needs the catalog; keystone rejects the cached token: one re-auth.
    let s = session("v3password", &refs(&o), Some(cache.clone()));
    assert_eq!(
        s.endpoint("image").await.unwrap(),
        format!("{}/image", server.uri())
    );
}

#[tokio::test]
async fn oversized_answers_are_refused() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/big"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(vec![b'x'; 2 << 20]))
        .mount(&server)
        .await;
    let http = ostk_client::http::Http::new(HttpOptions {
        max_body: 1 << 20,
        ..Default::default()
    })
    .unwrap();
    let url = format!("{}/big", server.uri());
    let e = http
        .send(&ostk_client::HttpRequest::new(Method::GET, &url))
        .await
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("Invalid response from {url}: the answer is larger than 1048576 bytes")
    );
    let http = ostk_client::http::Http::new(HttpOptions::default()).unwrap();
    let r = http
        .send(&ostk_client::HttpRequest::new(Method::GET, &url))
        .await
        .unwrap();
    assert_eq!(r.body.len(), 2 << 20);
}
