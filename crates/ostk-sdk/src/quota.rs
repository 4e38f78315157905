//! Quotas of compute (nova `os-quota-sets`, microversion ≤ 2.56), block storage (cinder
//! `os-quota-sets`) and networking (neutron `quotas`), as openstacksdk's `get_quota_set`,
//! `get_quota` and friends request them. Answers are the raw JSON objects.

use crate::client::{ClientError, Method, Session};
use serde_json::{Map, Value, json};

/// openstacksdk's compute `QuotaSet._max_microversion`.
pub const COMPUTE_CAP: &str = "2.56";

/// The three services with quotas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    /// nova.
    Compute,
    /// cinder.
    Volume,
    /// neutron.
    Network,
}

impl Service {
    fn service_type(self) -> &'static str {
        match self {
            Service::Compute => "compute",
            Service::Volume => "block-storage",
            Service::Network => "network",
        }
    }

    fn base(self) -> &'static str {
        match self {
            Service::Network => "quotas",
            _ => "os-quota-sets",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Service::Network => "quota",
            _ => "quota_set",
        }
    }
}

fn seg(id: &str) -> String {
    let enc: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
    enc.replace('+', "%20")
}

async fn send(
    s: &Session,
    service: Service,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> Result<Value, ClientError> {
    let mut r = s.request(service.service_type(), method, path);
    if service == Service::Network {
        r = r.api_version("2.0");
    }
    if service == Service::Compute {
        r = r.default_microversion(COMPUTE_CAP);
    }
    if let Some(b) = body {
        r = r.json(b);
    }
    crate::compute::api::json_or_null(&r.send().await?)
}

fn unwrap(v: Value, key: &str) -> Map<String, Value> {
    match v {
        Value::Object(mut m) => match m.remove(key) {
            Some(Value::Object(q)) => q,
            _ => Map::new(),
        },
        _ => Map::new(),
    }
}

/// A project's quotas; with `usage`, every value is `{limit, in_use|used, reserved}`
/// (nova `…/detail`, cinder `?usage=True`, neutron `…/details`).
pub async fn get(
    s: &Session,
    service: Service,
    project_id: &str,
    usage: bool,
) -> Result<Map<String, Value>, ClientError> {
    let p = seg(project_id);
    let path = match (service, usage) {
        (Service::Compute, false) => format!("os-quota-sets/{p}"),
        (Service::Compute, true) => format!("os-quota-sets/{p}/detail"),
        (Service::Volume, u) => {
            format!(
                "os-quota-sets/{p}?usage={}",
                if u { "True" } else { "False" }
            )
        }
        (Service::Network, false) => format!("quotas/{p}"),
        (Service::Network, true) => format!("quotas/{p}/details"),
    };
    Ok(unwrap(
        send(s, service, Method::GET, &path, None).await?,
        service.key(),
    ))
}

/// The default quotas (nova/cinder `…/defaults`, neutron `…/default`).
pub async fn defaults(
    s: &Session,
    service: Service,
    project_id: &str,
) -> Result<Map<String, Value>, ClientError> {
    let suffix = if service == Service::Network {
        "default"
    } else {
        "defaults"
    };
    let path = format!("{}/{}/{suffix}", service.base(), seg(project_id));
    Ok(unwrap(
        send(s, service, Method::GET, &path, None).await?,
        service.key(),
    ))
}

/// Sets a project's quotas (`PUT`).
pub async fn update(
    s: &Session,
    service: Service,
    project_id: &str,
    attrs: Map<String, Value>,
) -> Result<(), ClientError> {
    let path = format!("{}/{}", service.base(), seg(project_id));
    let body = json!({ service.key(): attrs });
    send(s, service, Method::PUT, &path, Some(body)).await?;
    Ok(())
}

/// Sets a quota class (`os-quota-class-sets/{class}`, compute and volume only).
pub async fn update_class(
    s: &Session,
    service: Service,
    class: &str,
    attrs: Map<String, Value>,
) -> Result<(), ClientError> {
    let path = format!("os-quota-class-sets/{}", seg(class));
    let body = json!({ "quota_class_set": attrs });
    send(s, service, Method::PUT, &path, Some(body)).await?;
    Ok(())
}

/// Reverts a project's quotas to the defaults (`DELETE`).
pub async fn delete(s: &Session, service: Service, project_id: &str) -> Result<(), ClientError> {
    let path = format!("{}/{}", service.base(), seg(project_id));
    send(s, service, Method::DELETE, &path, None).await?;
    Ok(())
}
