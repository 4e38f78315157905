//! Cinder's administrative endpoints that are actions rather than collections: host
//! freeze/thaw/failover, service log levels, worker cleanup, cluster enable/disable and backend
//! capabilities (openstacksdk `Service`, `Cluster`, `Capabilities`).

use super::{call_with, enc};
use crate::client::{ClientError, Method, Session};
use serde_json::{Map, Value, json};

/// Highest microversion of openstacksdk's `Service` (what its log-level and cleanup calls send).
const SERVICE_MICROVERSION: &str = "3.32";

/// openstacksdk sends these actions without an `Accept` header (python-requests' `*/*`), and
/// cinder words a routing error as HTML then, not JSON.
async fn call(
    s: &Session,
    method: Method,
    path: &str,
    body: Option<Value>,
    cap: Option<&str>,
) -> Result<Value, ClientError> {
    call_with(s, method, path, body, cap, &[("Accept", "*/*")]).await
}

/// `PUT /os-services/{action}` with `body` (`freeze`, `thaw`, `failover`, `failover_host`…).
/// `cap`: negotiate up to it; `None` sends only the user's `--os-volume-api-version`, as
/// openstacksdk's `Service._action` does.
pub async fn service_action(
    s: &Session,
    action: &str,
    body: Value,
    cap: Option<&str>,
) -> Result<Value, ClientError> {
    call(
        s,
        Method::PUT,
        &format!("os-services/{action}"),
        Some(body),
        cap,
    )
    .await
}

/// `PUT /clusters/{action}` (`enable`, `disable`) with `body`, negotiating up to
/// openstacksdk's `Cluster` maximum (3.26): cinder only routes it from 3.7 on.
pub async fn cluster_action(s: &Session, action: &str, body: Value) -> Result<Value, ClientError> {
    let cap = super::CLUSTERS.microversion;
    call(
        s,
        Method::PUT,
        &format!("clusters/{action}"),
        Some(body),
        cap,
    )
    .await
}

/// `GET /capabilities/{host}` (no microversion): the backend's capability document.
pub async fn capabilities(s: &Session, host: &str) -> Result<Value, ClientError> {
    // requests leaves '@' (host@backend) unquoted in a path; cinder's error URLs show it so
    let path = format!("capabilities/{}", enc(host).replace("%40", "@"));
    call(s, Method::GET, &path, None, None).await
}

/// `PUT /os-services/get-log`: the `log_levels` entries (`binary`, `host`, `levels`).
/// Cinder insists on a string `binary`: `None` is sent as `""` (all binaries).
pub async fn log_levels(
    s: &Session,
    binary: Option<&str>,
    server: Option<&str>,
    prefix: Option<&str>,
) -> Result<Vec<Value>, ClientError> {
    let body = json!({ "binary": binary.unwrap_or(""), "server": server, "prefix": prefix });
    let r = call(
        s,
        Method::PUT,
        "os-services/get-log",
        Some(body),
        Some(SERVICE_MICROVERSION),
    )
    .await?;
    Ok(r.get("log_levels")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default())
}

/// `PUT /os-services/set-log`: sets `level` for the matching services' loggers.
pub async fn set_log_levels(
    s: &Session,
    level: &str,
    binary: Option<&str>,
    server: Option<&str>,
    prefix: Option<&str>,
) -> Result<(), ClientError> {
    let body = json!({
        "level": level,
        "binary": binary.unwrap_or(""),
        "server": server,
        "prefix": prefix,
    });
    call(
        s,
        Method::PUT,
        "os-services/set-log",
        Some(body),
        Some(SERVICE_MICROVERSION),
    )
    .await
    .map(drop)
}

/// `POST /workers/cleanup` with the given filters (3.24+): `{cleaning: [...], unavailable:
/// [...]}`. openstacksdk 4.22 sends a PUT, which cinder does not route (always 404).
pub async fn cleanup_workers(
    s: &Session,
    filters: Map<String, Value>,
) -> Result<Value, ClientError> {
    call(
        s,
        Method::POST,
        "workers/cleanup",
        Some(Value::Object(filters)),
        Some(SERVICE_MICROVERSION),
    )
    .await
}
