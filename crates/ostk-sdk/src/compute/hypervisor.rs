//! Hypervisors (`/os-hypervisors`, microversion ≤ 2.88) as openstacksdk's
//! `compute.v2.hypervisor.Hypervisor`, and the deprecated statistics call.

use super::api::{self, call_json};
use crate::client::{ClientError, Method, Session};
use crate::rest::{Collection, Lookup};
use serde_json::Value;

/// openstacksdk's `Hypervisor._max_microversion`.
pub const CAP: &str = "2.88";
/// `/os-hypervisors`.
pub const HYPERVISORS: Collection =
    api::capped("os-hypervisors", "hypervisor", "hypervisors", Some(CAP));

/// `/os-hypervisors/detail` with the query (`hypervisor_hostname_pattern`, `limit`…).
pub async fn list(s: &Session, query: &[(&str, String)]) -> Result<Vec<Value>, ClientError> {
    api::list_at(s, &HYPERVISORS, "os-hypervisors/detail", query).await
}

/// The pre-2.53 hostname search: `/os-hypervisors/{pattern}/search`.
pub async fn search(s: &Session, pattern: &str) -> Result<Vec<Value>, ClientError> {
    let path = format!("os-hypervisors/{}/search", api::seg(pattern));
    api::list_at(s, &HYPERVISORS, &path, &[]).await
}

/// openstacksdk `find_hypervisor(name_or_id, details=False)`.
pub async fn find(s: &Session, name_or_id: &str) -> Result<Lookup, ClientError> {
    api::find_named(
        &HYPERVISORS,
        s,
        name_or_id,
        "os-hypervisors",
        &[],
        "hypervisor_hostname",
    )
    .await
}

/// `GET /os-hypervisors/{id}/uptime` (before 2.88).
pub async fn uptime(s: &Session, id: &str) -> Result<Value, ClientError> {
    let v = call_json(
        s,
        Method::GET,
        &format!("os-hypervisors/{}/uptime", api::seg(id)),
        None,
        Some(CAP),
    )
    .await?;
    Ok(v.get("hypervisor").cloned().unwrap_or(Value::Null))
}

/// `GET /os-hypervisors/statistics` at microversion 2.1 (removed from nova at 2.88).
pub async fn statistics(s: &Session) -> Result<Value, ClientError> {
    let resp = s
        .request("compute", Method::GET, "os-hypervisors/statistics")
        .microversion("2.1")
        .send()
        .await?;
    Ok(resp
        .json()?
        .get("hypervisor_statistics")
        .cloned()
        .unwrap_or(Value::Null))
}
