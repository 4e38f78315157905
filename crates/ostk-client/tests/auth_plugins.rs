//! Auth plugins whose server side no local service offers: OAuth 2.0 mutual-TLS client
//! credentials (keystone behind TLS client-certificate auth) — the request sequence and
//! headers keystoneauth's `v3oauth2mtlsclientcredential` produces, against a mock.

mod support;

use ostk_client::Method;
use support::*;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn oauth2_mtls_gets_the_token_from_the_oauth2_endpoint_then_validates_it() {
    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(method("POST"))
        .and(path("/v3/OS-OAUTH2/token"))
        .and(body_string_contains("grant_type=client_credentials"))
        .and(body_string_contains("client_id=my-client"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"access_token": TOKEN, "token_type": "Bearer"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v3/auth/tokens"))
        .and(header("X-Auth-Token", TOKEN))
        .and(header("X-Subject-Token", TOKEN))
        .respond_with(ResponseTemplate::new(200).set_body_json(v3_body(&uri, &future(3600))))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/service"))
        .and(header("X-Auth-Token", TOKEN))
        .and(header("Authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let endpoint = format!("{uri}/v3/OS-OAUTH2/token");
    let s = session(
        "v3oauth2mtlsclientcredential",
        &[
            ("auth_url", &uri),
            ("oauth2_endpoint", &endpoint),
            ("oauth2_client_id", "my-client"),
        ],
        None,
    );
    let access = s.access().await.unwrap();
    assert_eq!(access.project_id.as_deref(), Some("p1"));
    let r = s
        .request("image", Method::GET, &format!("{uri}/service"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn oauth2_mtls_error_description_is_reported() {
    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(method("POST"))
        .and(path("/v3/OS-OAUTH2/token"))
        .respond_with(ResponseTemplate::new(401).set_body_json(serde_json::json!({
            "error": "invalid_client", "error_description": "Client authentication failed."})))
        .mount(&server)
        .await;
    let endpoint = format!("{uri}/v3/OS-OAUTH2/token");
    let s = session(
        "v3oauth2mtlsclientcredential",
        &[
            ("auth_url", &uri),
            ("oauth2_endpoint", &endpoint),
            ("oauth2_client_id", "my-client"),
        ],
        None,
    );
    let e = s.access().await.unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "OAuth 2.0 token request to {endpoint} failed: Client authentication failed. (HTTP 401)"
        )
    );
}
