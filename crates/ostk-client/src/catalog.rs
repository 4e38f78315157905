//! The service catalog of a token, in keystone's v3 (`catalog`, one endpoint per interface) or
//! v2.0 (`serviceCatalog`, `publicURL`/`internalURL`/`adminURL`) shape. The services are kept
//! exactly as keystone sent them (commands print them raw); typed views and endpoint lookup
//! (by service type with the official aliases, interface, region) are computed on demand.

use crate::service_types;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Which keystone API the catalog came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CatalogFormat {
    /// Identity v3 `token.catalog`.
    V3,
    /// Identity v2.0 `access.serviceCatalog`.
    V2,
}

/// A token's service catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Shape of `services`.
    pub format: CatalogFormat,
    /// Services as keystone sent them.
    pub services: Vec<Value>,
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog {
            format: CatalogFormat::V3,
            services: Vec::new(),
        }
    }
}

/// One endpoint (typed view; v2.0 entries are split per interface).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// `public`, `internal` or `admin`.
    pub interface: String,
    /// Region id (v3 `region_id`, else `region`).
    pub region: Option<String>,
    /// Endpoint URL.
    pub url: String,
    /// Endpoint id, when given.
    pub id: Option<String>,
}

/// One service (typed view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// Service type as in the catalog (`identity`, `volumev3`…).
    pub service_type: String,
    /// Service name (`keystone`), when given.
    pub name: Option<String>,
    /// Service id, when given.
    pub id: Option<String>,
    /// Endpoints.
    pub endpoints: Vec<Endpoint>,
}

fn s(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_string)
}

impl Catalog {
    /// Typed view of every service, in catalog order.
    pub fn service_list(&self) -> Vec<Service> {
        self.services
            .iter()
            .map(|svc| Service {
                service_type: s(svc, "type").unwrap_or_default(),
                name: s(svc, "name"),
                id: s(svc, "id"),
                endpoints: svc
                    .get("endpoints")
                    .and_then(Value::as_array)
                    .map(|eps| eps.iter().flat_map(|e| self.endpoints_of(e)).collect())
                    .unwrap_or_default(),
            })
            .collect()
    }

    fn endpoints_of(&self, e: &Value) -> Vec<Endpoint> {
        match self.format {
            CatalogFormat::V3 => vec![Endpoint {
                interface: s(e, "interface").unwrap_or_default(),
                region: s(e, "region_id").or_else(|| s(e, "region")),
                url: s(e, "url").unwrap_or_default(),
                id: s(e, "id"),
            }],
            CatalogFormat::V2 => ["public", "internal", "admin"]
                .iter()
                .filter_map(|i| {
                    Some(Endpoint {
                        interface: i.to_string(),
                        region: s(e, "region"),
                        url: s(e, &format!("{i}URL"))?,
                        id: s(e, "id"),
                    })
                })
                .collect(),
        }
    }

    /// The URL of the first endpoint serving `service_type` (or one of its aliases) on
    /// `interface` in `region` (any region when empty). Entries whose type is exactly the one
    /// asked for win over aliases, as keystoneauth prefers them.
    pub fn endpoint_url(
        &self,
        service_type: &str,
        interface: &str,
        region: &str,
    ) -> Result<String, crate::ClientError> {
        let interface = interface.trim_end_matches("URL");
        let services = self.service_list();
        let mut candidates: Vec<&Service> = services
            .iter()
            .filter(|svc| service_types::matches(&svc.service_type, service_type))
            .collect();
        candidates.sort_by_key(|svc| svc.service_type != service_type);
        for svc in candidates {
            if let Some(ep) = svc.endpoints.iter().find(|e| {
                e.interface == interface
                    && (region.is_empty() || e.region.as_deref() == Some(region))
            }) {
                return Ok(ep.url.clone());
            }
        }
        let msg = if region.is_empty() {
            format!("{interface} endpoint for {service_type} service not found")
        } else {
            format!("{interface} endpoint for {service_type} service in {region} region not found")
        };
        Err(crate::ClientError::Catalog(msg))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn v3_lookup_with_alias() {
        let c = Catalog {
            format: CatalogFormat::V3,
            services: vec![
                json!({"type": "volumev3", "name": "cinder", "id": "1", "endpoints": [
                {"interface": "public", "region_id": "R1", "region": "R1", "url": "http://v/pub"},
                {"interface": "internal", "region_id": "R1", "url": "http://v/int"}]}),
            ],
        };
        assert_eq!(
            c.endpoint_url("block-storage", "public", "R1").unwrap(),
            "http://v/pub"
        );
        assert_eq!(
            c.endpoint_url("volume", "internal", "").unwrap(),
            "http://v/int"
        );
        assert_eq!(
            c.endpoint_url("compute", "public", "R1")
                .unwrap_err()
                .to_string(),
            "public endpoint for compute service in R1 region not found"
        );
    }

    #[test]
    fn v2_lookup() {
        let c = Catalog {
            format: CatalogFormat::V2,
            services: vec![json!({"type": "compute", "name": "nova", "endpoints": [
                {"region": "R", "publicURL": "http://n/p", "adminURL": "http://n/a"}]})],
        };
        assert_eq!(
            c.endpoint_url("compute", "admin", "R").unwrap(),
            "http://n/a"
        );
        assert_eq!(
            c.endpoint_url("compute", "publicURL", "").unwrap(),
            "http://n/p"
        );
        assert!(c.endpoint_url("compute", "internal", "R").is_err());
        assert_eq!(c.service_list()[0].endpoints.len(), 2);
    }
}
