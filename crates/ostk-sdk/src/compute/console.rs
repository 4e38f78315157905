//! Server consoles and instance actions as openstacksdk speaks to them: console output
//! (`os-getConsoleOutput`), remote consoles (2.6+, ≤ 2.99) or the older `os-get*Console`
//! actions, console auth tokens (≤ 2.99) and instance actions (≤ 2.84).

use super::api::{self, call_json};
use crate::client::{ClientError, Method, Session};
use serde_json::{Map, Value, json};

/// openstacksdk's `Server._max_microversion` (server actions).
pub const SERVER_CAP: &str = "2.100";
/// openstacksdk's `ServerRemoteConsole` / `ConsoleAuthToken` `_max_microversion`.
pub const CONSOLE_CAP: &str = "2.99";
/// openstacksdk's `ServerAction._max_microversion`.
pub const ACTION_CAP: &str = "2.84";

/// `os-getConsoleOutput`: the last `length` lines (all when `None`).
pub async fn output(
    s: &Session,
    server_id: &str,
    length: Option<i64>,
) -> Result<Value, ClientError> {
    let mut body = Map::new();
    if let Some(l) = length {
        body.insert("length".into(), json!(l));
    }
    call_json(
        s,
        Method::POST,
        &format!("servers/{}/action", api::seg(server_id)),
        Some(json!({ "os-getConsoleOutput": body })),
        Some(SERVER_CAP),
    )
    .await
}

/// The protocol openstacksdk pairs with a console type.
pub fn protocol_of(console_type: &str) -> Option<&'static str> {
    Some(match console_type {
        "novnc" | "xvpvnc" => "vnc",
        "spice-html5" | "spice-direct" => "spice",
        "rdp-html5" => "rdp",
        "serial" => "serial",
        "webmks" => "mks",
        _ => return None,
    })
}

/// `POST /servers/{id}/remote-consoles` (2.6+): the `remote_console` answer.
pub async fn remote_console(
    s: &Session,
    server_id: &str,
    console_type: &str,
) -> Result<Value, ClientError> {
    let v = call_json(
        s,
        Method::POST,
        &format!("servers/{}/remote-consoles", api::seg(server_id)),
        Some(json!({"remote_console": {"protocol": protocol_of(console_type), "type": console_type}})),
        Some(CONSOLE_CAP),
    )
    .await?;
    Ok(v.get("remote_console").cloned().unwrap_or(Value::Null))
}

/// The pre-2.6 action for a console type (`os-getVNCConsole`…).
pub fn legacy_action(console_type: &str) -> Option<&'static str> {
    Some(match console_type {
        "novnc" | "xvpvnc" => "os-getVNCConsole",
        "spice-html5" | "spice-direct" => "os-getSPICEConsole",
        "rdp-html5" => "os-getRDPConsole",
        "serial" => "os-getSerialConsole",
        _ => return None,
    })
}

/// The pre-2.6 console action: the `console` answer.
pub async fn legacy_console(
    s: &Session,
    server_id: &str,
    action: &str,
    console_type: &str,
) -> Result<Value, ClientError> {
    let v = call_json(
        s,
        Method::POST,
        &format!("servers/{}/action", api::seg(server_id)),
        Some(json!({ action: { "type": console_type } })),
        Some(SERVER_CAP),
    )
    .await?;
    Ok(v.get("console").cloned().unwrap_or(Value::Null))
}

/// `GET /os-console-auth-tokens/{token}`: the `console` answer.
pub async fn auth_token(s: &Session, token: &str) -> Result<Value, ClientError> {
    let v = call_json(
        s,
        Method::GET,
        &format!("os-console-auth-tokens/{}", api::seg(token)),
        None,
        Some(CONSOLE_CAP),
    )
    .await?;
    Ok(v.get("console").cloned().unwrap_or(Value::Null))
}

/// `GET /servers/{id}/os-instance-actions` with the query, following `links`.
pub async fn actions(
    s: &Session,
    server_id: &str,
    query: &[(&str, String)],
) -> Result<Vec<Value>, ClientError> {
    let coll = api::capped(
        "os-instance-actions",
        "instanceAction",
        "instanceActions",
        Some(ACTION_CAP),
    );
    let path = format!("servers/{}/os-instance-actions", api::seg(server_id));
    api::list_at(s, &coll, &path, query).await
}

/// One page of instance actions (explicit `--limit`: no further pages).
pub async fn actions_page(
    s: &Session,
    server_id: &str,
    query: &[(&str, String)],
) -> Result<Vec<Value>, ClientError> {
    let mut r = s
        .request(
            "compute",
            Method::GET,
            &format!("servers/{}/os-instance-actions", api::seg(server_id)),
        )
        .default_microversion(ACTION_CAP);
    for (k, v) in query {
        r = r.query(k, v);
    }
    Ok(r.send()
        .await?
        .json()?
        .get("instanceActions")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default())
}

/// `GET /servers/{id}/os-instance-actions/{request_id}`.
pub async fn action(s: &Session, server_id: &str, request_id: &str) -> Result<Value, ClientError> {
    let v = call_json(
        s,
        Method::GET,
        &format!(
            "servers/{}/os-instance-actions/{}",
            api::seg(server_id),
            api::seg(request_id)
        ),
        None,
        Some(ACTION_CAP),
    )
    .await?;
    Ok(v.get("instanceAction").cloned().unwrap_or(Value::Null))
}
