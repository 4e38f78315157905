//! `--debug` output never shows a secret: every plugin's password/token/credential secret and
//! the issued token are absent from the log, tokens appear only as `{SHA256}…` (own test
//! binary: it installs a global subscriber).

mod support;

use ostk_client::Method;
use serde_json::json;
use std::sync::Mutex;
use support::*;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Everything logged in this process (one test: no other thread logs meanwhile).
static BUF: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// A tracing writer into [`BUF`].
#[derive(Clone, Default)]
struct Buf;
impl std::io::Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        BUF.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Buf {
    type Writer = Buf;
    fn make_writer(&'a self) -> Buf {
        Buf
    }
}

#[tokio::test]
async fn debug_log_redacts_every_secret_of_every_plugin() {
    // A global subscriber: thread-scoped ones race with tracing's per-callsite interest cache.
    tracing_subscriber::fmt()
        .with_writer(Buf)
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .init();
    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(method("POST"))
        .and(path("/v3/auth/tokens"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("X-Subject-Token", TOKEN)
                .set_body_json(v3_body(&uri, &future(3600))),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2.0/tokens"))
        .respond_with(ResponseTemplate::new(200).set_body_json(v2_body(&uri, TOKEN)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(header("X-Auth-Token", TOKEN))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"echo": {"password": "pw-in-body"}})),
        )
        .mount(&server)
        .await;
    // OIDC: discovery, the IdP's token endpoint, keystone's federated auth URL.
    Mock::given(method("GET"))
        .and(path("/disc"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "token_endpoint": format!("{uri}/idp/token"),
            "grant_types_supported": ["client_credentials", "password"]})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/idp/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "SECRET-idp-access-token", "id_token": "SECRET-idp-id-token",
            "token_type": "Bearer", "expires_in": 3600})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(
            "/v3/OS-FEDERATION/identity_providers/idp/protocols/openid/auth",
        ))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("X-Subject-Token", "SECRET-unscoped-token")
                .set_body_json(v3_body(&uri, &future(3600))),
        )
        .mount(&server)
        .await;
    // keystone's OAuth 2.0 token endpoint.
    Mock::given(method("POST"))
        .and(path("/v3/OS-OAUTH2/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "SECRET-oauth2-access-token", "token_type": "Bearer"})))
        .mount(&server)
        .await;
    // http_basic: u / SECRET-basic.
    Mock::given(method("GET"))
        .and(header("Authorization", "Basic dTpTRUNSRVQtYmFzaWM="))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let v2 = format!("{uri}/v2.0");
    let disc = format!("{uri}/disc");
    let oauth2 = format!("{uri}/v3/OS-OAUTH2/token");
    let oidc = |extra: &[(&'static str, &'static str)]| {
        let mut v: Vec<(&str, String)> = vec![
            ("auth_url", format!("{uri}/v3")),
            ("identity_provider", "idp".into()),
            ("protocol", "openid".into()),
            ("project_id", "p".into()),
        ];
        v.extend(extra.iter().map(|(k, x)| (*k, x.to_string())));
        v
    };
    let cc = oidc(&[("client_id", "c"), ("client_secret", "SECRET-oidc-client")]);
    let pw = oidc(&[
        ("client_id", "c"),
        ("client_secret", "SECRET-oidc-client2"),
        ("username", "alice"),
        ("password", "SECRET-oidc-password"),
        ("access_token_type", "id_token"),
    ]);
    let at = oidc(&[("access_token", "SECRET-oidc-access-token")]);
    let with_disc = |mut v: Vec<(&'static str, String)>| {
        if !v.iter().any(|(k, _)| *k == "access_token") {
            v.push(("discovery_endpoint", disc.clone()));
        }
        v
    };
    let (cc, pw, at) = (with_disc(cc), with_disc(pw), with_disc(at));
    let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "v3password",
            vec![
                ("auth_url", &uri),
                ("username", "u"),
                ("user_domain_name", "Default"),
                ("password", "SECRET-v3password"),
                ("project_id", "p"),
            ],
        ),
        (
            "v3token",
            vec![
                ("auth_url", &uri),
                ("token", "SECRET-v3token"),
                ("project_id", "p"),
            ],
        ),
        (
            "v3applicationcredential",
            vec![
                ("auth_url", &uri),
                ("application_credential_id", "ac"),
                ("application_credential_secret", "SECRET-appcred-id"),
            ],
        ),
        (
            "v3applicationcredential",
            vec![
                ("auth_url", &uri),
                ("application_credential_name", "acn"),
                ("username", "u"),
                ("user_domain_id", "default"),
                ("application_credential_secret", "SECRET-appcred-name"),
            ],
        ),
        (
            "password",
            vec![
                ("auth_url", &uri),
                ("username", "u"),
                ("password", "SECRET-password"),
                ("project_name", "p"),
                ("project_domain_id", "default"),
                ("user_domain_id", "default"),
            ],
        ),
        (
            "token",
            vec![
                ("auth_url", &uri),
                ("token", "SECRET-token"),
                ("system_scope", "all"),
            ],
        ),
        (
            "v2password",
            vec![
                ("auth_url", &v2),
                ("username", "u"),
                ("password", "SECRET-v2password"),
                ("tenant_name", "t"),
            ],
        ),
        (
            "v2token",
            vec![
                ("auth_url", &v2),
                ("token", "SECRET-v2token"),
                ("tenant_id", "t"),
            ],
        ),
        ("admin_token", vec![("endpoint", &uri), ("token", TOKEN)]),
        ("v3oidcclientcredentials", refs(&cc)),
        ("v3oidcpassword", refs(&pw)),
        ("v3oidcaccesstoken", refs(&at)),
        (
            "v3totp",
            vec![
                ("auth_url", &uri),
                ("username", "u"),
                ("user_domain_id", "default"),
                ("passcode", "SECRET-totp-passcode"),
                ("project_id", "p"),
            ],
        ),
        (
            "v3multifactor",
            vec![
                ("auth_url", &uri),
                ("auth_methods", "v3password,v3totp"),
                ("username", "u"),
                ("user_domain_id", "default"),
                ("password", "SECRET-mfa-password"),
                ("passcode", "SECRET-mfa-passcode"),
                ("project_id", "p"),
            ],
        ),
        (
            "v3oauth2clientcredential",
            vec![
                ("auth_url", &uri),
                ("oauth2_endpoint", &oauth2),
                ("oauth2_client_id", "client"),
                ("oauth2_client_secret", "SECRET-oauth2-client"),
            ],
        ),
        (
            "http_basic",
            vec![
                ("endpoint", &uri),
                ("username", "u"),
                ("password", "SECRET-basic"),
            ],
        ),
    ];
    for (plugin, opts) in cases {
        BUF.lock().unwrap().clear();
        let s = session(plugin, &opts, None);
        let url = format!("{uri}/anything");
        let r = s.request("image", Method::GET, &url).send().await.unwrap();
        assert_eq!(r.status, 200, "{plugin}");
        let log = String::from_utf8(BUF.lock().unwrap().clone()).unwrap();
        assert!(log.contains("REQ: curl -g -i"), "{plugin}: {log}");
        assert!(log.contains("{SHA256}"), "{plugin}: {log}");
        for (k, v) in &opts {
            if v.starts_with("SECRET") || *k == "token" {
                assert!(!log.contains(v), "{plugin}: {k} leaked in\n{log}");
            }
        }
        assert!(!log.contains(TOKEN), "{plugin}: token leaked in\n{log}");
        // Tokens from the IdP / OAuth 2.0 endpoint, and Basic credentials, never in the clear.
        assert!(
            !log.contains("SECRET"),
            "{plugin}: a secret leaked in\n{log}"
        );
        assert!(
            !log.contains("dTpTRUNSRVQtYmFzaWM="),
            "{plugin}: Basic credentials leaked"
        );
        assert!(
            !log.contains("pw-in-body"),
            "{plugin}: body password leaked"
        );
    }
}
