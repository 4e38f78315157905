//! Orchestration (heat, `/v1/{project_id}`): stacks, their resources, events, outputs and
//! snapshots, template validation, resource types and services, as python-heatclient's
//! managers call them.
//!
//! Heat answers a request naming a stack by name or ID alone (`/stacks/{name}`) with a
//! redirect to its full identifier (`/stacks/{name}/{id}`). The HTTP client follows redirects
//! for `GET` only as `GET`, so every other call first resolves the identifier with
//! [`stack_identifier`] and then addresses the stack by it.

use crate::client::{ClientError, Method, Session};
use serde_json::Value;

/// Catalog service type.
pub const SERVICE: &str = "orchestration";

/// A path segment, percent-encoded (spaces as `%20`, `/` kept encoded).
pub fn enc(segment: &str) -> String {
    percent_encoding::utf8_percent_encode(segment, SEGMENT).to_string()
}

const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Sends `method path` (below the heat endpoint; `path` may carry a query string) with an
/// optional JSON body and returns the JSON answer (`Null` for an empty one).
pub async fn call(
    s: &Session,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> Result<Value, ClientError> {
    let mut r = s.request(SERVICE, method, path);
    if let Some(b) = body {
        r = r.json(b);
    }
    let resp = r.send().await?;
    if resp.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    resp.json()
}

/// `GET path`.
pub async fn get(s: &Session, path: &str) -> Result<Value, ClientError> {
    call(s, Method::GET, path, None).await
}

/// `{stack_name}/{id}` of a stack named by name, ID or that identifier itself (heatclient's
/// `_resolve_stack_id`, which reads heat's lookup redirect; here the redirected `GET` answers
/// the stack itself, without resolving its outputs).
pub async fn stack_identifier(s: &Session, name_or_id: &str) -> Result<String, ClientError> {
    if name_or_id.find('/').is_some_and(|i| i > 0) {
        return Ok(name_or_id.to_string());
    }
    let stack = get_stack(s, name_or_id, false).await?;
    let name = stack
        .get("stack_name")
        .and_then(Value::as_str)
        .unwrap_or("");
    let id = stack.get("id").and_then(Value::as_str).unwrap_or("");
    Ok(format!("{name}/{id}"))
}

/// The path of a stack identifier (`name/id` keeps its one slash).
pub fn stack_path(identifier: &str) -> String {
    identifier.split('/').map(enc).collect::<Vec<_>>().join("/")
}

/// `GET /stacks/{x}` (by name, ID or identifier): the stack, its outputs resolved or not.
pub async fn get_stack(
    s: &Session,
    name_or_id: &str,
    resolve_outputs: bool,
) -> Result<Value, ClientError> {
    let mut path = format!("stacks/{}", stack_path(name_or_id));
    if !resolve_outputs {
        path.push_str("?resolve_outputs=False");
    }
    let mut v = get(s, &path).await?;
    Ok(v.get_mut("stack").map(Value::take).unwrap_or(Value::Null))
}

/// `GET /stacks?…`: the stacks matching the query (heat does not page unless asked to).
pub async fn list_stacks(
    s: &Session,
    query: &[(String, String)],
) -> Result<Vec<Value>, ClientError> {
    let path = format!("stacks{}", query_string(query));
    let mut v = get(s, &path).await?;
    Ok(take_list(&mut v, "stacks"))
}

/// The array under `key` of an answer (empty when missing).
pub fn take_list(v: &mut Value, key: &str) -> Vec<Value> {
    match v.get_mut(key).map(Value::take) {
        Some(Value::Array(a)) => a,
        _ => Vec::new(),
    }
}

/// `?k=v&…` in the given order (heatclient sorts event filters itself; repeated keys are
/// kept, as `urlencode(..., doseq=True)` does).
pub fn query_string(query: &[(String, String)]) -> String {
    if query.is_empty() {
        return String::new();
    }
    let mut u = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in query {
        u.append_pair(k, v);
    }
    format!("?{}", u.finish())
}

/// `GET /stacks/{identifier}/events?…` (or a resource's events when `resource` is given).
pub async fn list_events(
    s: &Session,
    stack: &str,
    resource: Option<&str>,
    query: &[(String, String)],
) -> Result<Vec<Value>, ClientError> {
    let path = match resource {
        None => format!("stacks/{}/events", stack_path(stack)),
        Some(r) => {
            let ident = stack_identifier(s, stack).await?;
            format!("stacks/{}/resources/{}/events", stack_path(&ident), enc(r))
        }
    };
    let mut v = get(s, &format!("{path}{}", query_string(query))).await?;
    Ok(take_list(&mut v, "events"))
}

/// `POST /stacks/{identifier}/actions` with `{action: null}` (suspend, resume, check,
/// cancel_update, cancel_without_rollback).
pub async fn stack_action(s: &Session, stack: &str, action: &str) -> Result<(), ClientError> {
    let ident = stack_identifier(s, stack).await?;
    let body = Value::Object(serde_json::Map::from_iter([(
        action.to_string(),
        Value::Null,
    )]));
    call(
        s,
        Method::POST,
        &format!("stacks/{}/actions", stack_path(&ident)),
        Some(body),
    )
    .await?;
    Ok(())
}

/// heatclient's `ResourceDotInfo.dot_id`: `prefix_` and the first 20 hex digits of the
/// URL's SHA-256 (the node names of `stack resource list -f dot`).
pub fn dot_id(url: &str, prefix: &str) -> String {
    let d = ring::digest::digest(&ring::digest::SHA256, url.as_bytes());
    let hex: String = d.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    format!("{prefix}_{}", &hex[..20])
}

/// A random version-4 UUID (hyphenated), as Python's `str(uuid.uuid4())`.
pub fn uuid4() -> String {
    use ring::rand::SecureRandom;
    let mut b = [0u8; 16];
    // the system RNG does not fail on the platforms this runs on; zeros would still be unique
    // enough for a container name
    let _ = ring::rand::SystemRandom::new().fill(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// heatclient's `deployment_utils.create_temp_url`: an empty object in a new container
/// `{name}-{uuid}` of the user's swift account and a `PUT` TempURL to it (HMAC-SHA256 with the
/// account's temp-url key, set first when missing), valid `timeout_mins`; the server of a
/// software deployment signals its outputs there.
pub async fn signal_temp_url(
    s: &Session,
    name: &str,
    timeout_mins: i64,
) -> Result<String, ClientError> {
    use crate::object_store::{ObjectStore, quote};
    let swift = ObjectStore::new(s);
    let container = format!("{name}-{}", uuid4());
    let object = uuid4();
    swift.create_container(&container, &[]).await?;
    const KEY: &str = "x-account-meta-temp-url-key";
    if swift.head_account().await?.header(KEY).is_none() {
        let key: String = uuid4().chars().take(32).collect();
        swift.post_account(&[(KEY.to_string(), key)]).await?;
    }
    let key = swift
        .head_account()
        .await?
        .header(KEY)
        .unwrap_or_default()
        .to_string();
    let endpoint = swift.endpoint().await?;
    let account = swift.account().await?;
    let path = format!("/v1/{account}/{}/{}", quote(&container), quote(&object));
    let expires = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
        + timeout_mins * 60;
    let mac = ring::hmac::sign(
        &ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key.as_bytes()),
        format!("PUT\n{expires}\n{path}").as_bytes(),
    );
    let sig: String = mac.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    let base = url::Url::parse(&endpoint)
        .map(|u| u[..url::Position::BeforePath].to_string())
        .unwrap_or_default();
    s.request(
        crate::object_store::SERVICE_TYPE,
        Method::PUT,
        &swift.object_url(&container, &object).await?,
    )
    .body(Vec::new(), "application/octet-stream")
    // an empty body goes without a length otherwise, and swift wants one (411)
    .header("Content-Length", "0")
    .send()
    .await?;
    Ok(format!(
        "{base}{path}?temp_url_sig={sig}&temp_url_expires={expires}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_4() {
        let u = uuid4();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn dot_ids_hash_the_url() {
        // python3 -c "import hashlib; print(hashlib.sha256(b'http://x').hexdigest()[:20])"
        assert_eq!(dot_id("http://x", "r"), "r_037ab55168fe8769f2a4");
    }

    #[test]
    fn paths_keep_the_identifier_slash_and_encode_the_rest() {
        assert_eq!(stack_path("my stack/abc-1"), "my%20stack/abc-1");
        assert_eq!(enc("a/b"), "a%2Fb");
        assert_eq!(
            query_string(&[
                ("sort_dir".into(), "asc".into()),
                ("marker".into(), "x y".into())
            ]),
            "?sort_dir=asc&marker=x+y"
        );
    }
}
