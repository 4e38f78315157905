//! What `--debug` may show: keystoneauth's `REQ: curl …` / `RESP: […]` / `RESP BODY: …` lines
//! with every secret replaced. Token headers become `{SHA256}<hex>` (keystoneauth's
//! `_process_header`); secrets inside JSON bodies become `***` (oslo's `mask_password` keys,
//! applied to the parsed JSON so no formatting trick slips past).

use sha2::{Digest, Sha256};

/// Headers whose values are tokens or credentials (keystoneauth's list plus the ones
/// we send ourselves).
const SECURE_HEADERS: &[&str] = &[
    "authorization",
    "x-auth-token",
    "x-subject-token",
    "x-service-token",
    "proxy-authorization",
];

/// Lower-case lower-level JSON keys whose string values are secrets.
fn is_secret_key(k: &str) -> bool {
    let k = k.to_ascii_lowercase();
    k.contains("password")
        || k.contains("secret")
        || k.contains("passcode")
        || k.contains("pass")
        || matches!(
            k.as_str(),
            "token"
                | "auth_token"
                | "access_token"
                | "refresh_token"
                | "id_token"
                | "device_code"
                | "code_verifier"
        )
        || k == "configdrive"
        // barbican's secret data (`secret store`, orders)
        || k == "payload"
}

/// `{SHA256}<hex>` of a value.
pub fn sha256_tag(value: &str) -> String {
    let digest = Sha256::digest(value.as_bytes());
    format!("{{SHA256}}{}", hex(&digest))
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// A header value as it may be logged.
pub fn header_value(name: &str, value: &str) -> String {
    if SECURE_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
        sha256_tag(value)
    } else {
        value.to_string()
    }
}

/// Replaces secrets in a JSON value, in place: string values under secret keys become `***`,
/// and so does the `id` of any `token` object (keystone v2 `access.token.id`, v3 `token` method
/// `identity.token.id`, v2 `auth.token.id`).
pub fn redact_json(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            for (k, val) in map.iter_mut() {
                if is_secret_key(k) && !val.is_object() && !val.is_array() && !val.is_null() {
                    *val = Value::String("***".into());
                    continue;
                }
                if k.eq_ignore_ascii_case("token")
                    && let Some(Value::String(id)) = val.get_mut("id")
                {
                    *id = "***".into();
                }
                redact_json(val);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_json),
        _ => {}
    }
}

/// A body as it may be logged: JSON is parsed, redacted and re-serialised; anything else that
/// is text is shown only when it holds no `key=value`-style secret.
pub fn body_text(body: &[u8]) -> String {
    if let Ok(mut v) = serde_json::from_slice::<serde_json::Value>(body) {
        redact_json(&mut v);
        return python_json(&v);
    }
    match std::str::from_utf8(body) {
        Ok(s) if is_form(s) => form_text(s),
        Ok(s) => {
            let lower = s.to_ascii_lowercase();
            if ["password", "secret", "token"]
                .iter()
                .any(|k| lower.contains(k))
            {
                "<body omitted: may hold a secret>".to_string()
            } else {
                s.to_string()
            }
        }
        Err(_) => "<binary_data>".to_string(),
    }
}

/// Looks like `k=v&k2=v2` (an OAuth/OIDC token request).
fn is_form(s: &str) -> bool {
    !s.is_empty()
        && s.contains('=')
        && !s.contains(char::is_whitespace)
        && !s.starts_with('{')
        && !s.starts_with('<')
}

/// A form body with the values of secret-looking keys replaced by `***` (keystoneauth's OIDC
/// `SENSITIVE_KEYS`: password, code, token, secret, otp, totp, mfa).
fn form_text(s: &str) -> String {
    const SENSITIVE: &[&str] = &[
        "password", "code", "token", "secret", "otp", "mfa", "passcode",
    ];
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in url::form_urlencoded::parse(s.as_bytes()) {
        let lower = k.to_ascii_lowercase();
        if SENSITIVE.iter().any(|x| lower.contains(x)) {
            out.append_pair(&k, "***");
        } else {
            out.append_pair(&k, &v);
        }
    }
    out.finish()
}

/// `json.dumps` spacing (`", "` and `": "`), as keystoneauth logs bodies.
pub fn python_json(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", Value::String(k.clone()), python_json(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(python_json).collect();
            format!("[{}]", parts.join(", "))
        }
        other => other.to_string(),
    }
}

/// `REQ: curl -g -i [--insecure|--cacert "…"] -X METHOD url -H "K: V"… [-d '…']`, headers
/// sorted by name as keystoneauth sorts them.
pub fn curl_line(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: Option<&[u8]>,
    tls: &str,
) -> String {
    let mut parts = vec!["REQ: curl -g -i".to_string()];
    if !tls.is_empty() {
        parts.push(tls.to_string());
    }
    parts.push(format!("-X {method}"));
    if url.contains('?') {
        parts.push(format!("\"{url}\""));
    } else {
        parts.push(url.to_string());
    }
    let mut sorted: Vec<&(String, String)> = headers.iter().collect();
    sorted.sort();
    for (k, v) in sorted {
        parts.push(format!("-H \"{k}: {}\"", header_value(k, v)));
    }
    if let Some(b) = body.filter(|b| !b.is_empty()) {
        parts.push(format!("-d '{}'", body_text(b)));
    }
    parts.join(" ")
}

/// `RESP: [status] K: V …`, headers sorted.
pub fn resp_line(status: u16, headers: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = headers.iter().collect();
    sorted.sort();
    let mut s = format!("RESP: [{status}]");
    for (k, v) in sorted {
        s.push(' ');
        s.push_str(k);
        s.push_str(": ");
        s.push_str(&header_value(k, v));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn form_secrets_masked() {
        let b = b"username=alice&password=pw1&scope=openid+profile&grant_type=password&client_secret=s1&code=c1&device_code=d1";
        let t = body_text(b);
        for secret in ["pw1", "s1", "c1", "d1"] {
            assert!(!t.contains(secret), "{secret} in {t}");
        }
        assert!(t.contains("username=alice"), "{t}");
        assert!(t.contains("grant_type=password"), "{t}");
        assert!(t.contains("scope=openid+profile"), "{t}");
    }

    #[test]
    fn tokens_hashed() {
        assert_eq!(
            header_value("X-Auth-Token", "abc"),
            "{SHA256}ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            header_value("Accept", "application/json"),
            "application/json"
        );
    }

    #[test]
    fn json_secrets_masked() {
        let mut v = json!({"auth": {"identity": {"methods": ["password", "token"],
            "password": {"user": {"name": "u", "password": "p1"}},
            "token": {"id": "t1"},
            "application_credential": {"id": "ac", "secret": "s1"}},
            "passwordCredentials": {"username": "u", "password": "p2"}},
            "access": {"token": {"id": "t2", "expires": "x"}}});
        redact_json(&mut v);
        let s = v.to_string();
        for secret in ["p1", "p2", "t1", "t2", "s1"] {
            assert!(!s.contains(&format!("\"{secret}\"")), "{secret} in {s}");
        }
        assert!(s.contains("\"ac\""));
        assert!(s.contains("[\"password\",\"token\"]"));
    }

    #[test]
    fn key_manager_payloads_masked() {
        let mut v =
            json!({"name": "n", "payload": "hunter2", "payload_content_type": "text/plain"});
        redact_json(&mut v);
        assert_eq!(
            v,
            json!({"name": "n", "payload": "***", "payload_content_type": "text/plain"})
        );
    }
}
