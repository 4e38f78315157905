//! The deprecated `/os-hosts` API (removed from nova at microversion 2.43; OSC pins 2.1),
//! and availability zones (`/os-availability-zone`).

use super::api;
use crate::client::{ClientError, Method, Session};
use serde_json::Value;

async fn at_2_1(
    s: &Session,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> Result<Value, ClientError> {
    let mut r = s.request("compute", method, path).microversion("2.1");
    if let Some(b) = body {
        r = r.json(b);
    }
    api::json_or_null(&r.send().await?)
}

/// `GET /os-hosts` (the `hosts` list).
pub async fn list(s: &Session) -> Result<Vec<Value>, ClientError> {
    let v = at_2_1(s, Method::GET, "os-hosts", None).await?;
    Ok(v.get("hosts")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default())
}

/// `GET /os-hosts/{host}` (the `host` list of `{"resource": …}`).
pub async fn get(s: &Session, host: &str) -> Result<Value, ClientError> {
    let v = at_2_1(
        s,
        Method::GET,
        &format!("os-hosts/{}", api::seg(host)),
        None,
    )
    .await?;
    Ok(v.get("host").cloned().unwrap_or(Value::Null))
}

/// `PUT /os-hosts/{host}` with `status` / `maintenance_mode`.
pub async fn set(s: &Session, host: &str, body: Value) -> Result<(), ClientError> {
    at_2_1(
        s,
        Method::PUT,
        &format!("os-hosts/{}", api::seg(host)),
        Some(body),
    )
    .await?;
    Ok(())
}

/// Compute availability zones: `/os-availability-zone/detail` (`detail`) or the summary.
pub async fn availability_zones(s: &Session, detail: bool) -> Result<Vec<Value>, ClientError> {
    let path = if detail {
        "os-availability-zone/detail"
    } else {
        "os-availability-zone"
    };
    let v = api::call_json(s, Method::GET, path, None, None).await?;
    Ok(v.get("availabilityZoneInfo")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default())
}

/// The removed compute agents API (`/os-agents` at 2.1; nova answers 410 since Wallaby):
/// `GET`, optionally `?hypervisor=`.
pub async fn agents(s: &Session, hypervisor: Option<&str>) -> Result<Vec<Value>, ClientError> {
    let path = match hypervisor {
        Some(h) => format!("os-agents?hypervisor={}", api::seg(h)),
        None => "os-agents".to_string(),
    };
    let v = at_2_1(s, Method::GET, &path, None).await?;
    Ok(v.get("agents")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default())
}

/// `POST /os-agents` (the `agent` answer), `PUT /os-agents/{id}`, `DELETE /os-agents/{id}`.
pub async fn agent_call(
    s: &Session,
    method: Method,
    id: Option<&str>,
    body: Option<Value>,
) -> Result<Value, ClientError> {
    let path = match id {
        Some(i) => format!("os-agents/{}", api::seg(i)),
        None => "os-agents".to_string(),
    };
    at_2_1(s, method, &path, body).await
}
