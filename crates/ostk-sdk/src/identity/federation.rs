//! Keystone federation (`/v3/OS-FEDERATION`): identity providers, mappings, service providers
//! and the federation protocols of an identity provider. Keystone creates these with `PUT` to
//! the chosen ID.

use super::Identity;
use super::service::{Found, decode, decode_all, decode_lookup};
use crate::client::{ClientError, Method, pager};
use crate::rest::Collection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/OS-FEDERATION/identity_providers`.
pub const IDENTITY_PROVIDERS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "OS-FEDERATION/identity_providers",
    singular: "identity_provider",
    plural: "identity_providers",
    microversion: None,
};

/// `/v3/OS-FEDERATION/mappings`.
pub const MAPPINGS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "OS-FEDERATION/mappings",
    singular: "mapping",
    plural: "mappings",
    microversion: None,
};

/// `/v3/OS-FEDERATION/service_providers`.
pub const SERVICE_PROVIDERS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "OS-FEDERATION/service_providers",
    singular: "service_provider",
    plural: "service_providers",
    microversion: None,
};

/// An identity provider (openstacksdk `IdentityProvider`; its name is its ID).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IdentityProvider {
    /// ID (the name given at creation).
    pub id: String,
    /// Domain the provider's users land in.
    #[serde(default)]
    pub domain_id: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether the provider is enabled.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Remote IDs.
    #[serde(default)]
    pub remote_ids: Option<Vec<Value>>,
    /// Minutes role assignments of federated users are kept.
    #[serde(default)]
    pub authorization_ttl: Option<i64>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A mapping (openstacksdk `Mapping`; its name is its ID).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Mapping {
    /// ID.
    pub id: String,
    /// Mapping rules.
    #[serde(default)]
    pub rules: Option<Value>,
    /// Mapping schema version.
    #[serde(default)]
    pub schema_version: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A service provider (openstacksdk `ServiceProvider`; its name is its ID).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceProvider {
    /// ID.
    pub id: String,
    /// Whether it is enabled.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Authentication URL of the remote cloud.
    #[serde(default)]
    pub auth_url: Option<String>,
    /// Where SAML assertions are sent.
    #[serde(default)]
    pub sp_url: Option<String>,
    /// Relay state prefix.
    #[serde(default)]
    pub relay_state_prefix: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A federation protocol of an identity provider (openstacksdk `FederationProtocol`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FederationProtocol {
    /// ID (the protocol name, e.g. `saml2`).
    pub id: String,
    /// Mapping used.
    #[serde(default)]
    pub mapping_id: Option<String>,
    /// Identity provider (keystone does not send it; filled in from the request).
    #[serde(default)]
    pub idp_id: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn enc(s: &str) -> String {
    let e: String = url::form_urlencoded::byte_serialize(s.as_bytes()).collect();
    e.replace('+', "%20")
}

fn protocols_path(idp: &str) -> String {
    format!("OS-FEDERATION/identity_providers/{}/protocols", enc(idp))
}

impl Identity<'_> {
    /// Identity providers, filtered by query parameters (`id`, `enabled`).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let id = ostk_sdk::identity::Identity::new(s);
    /// for idp in id.identity_providers(&[("enabled", "true".into())]).await? {
    ///     println!("{} {:?}", idp.id, idp.remote_ids);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn identity_providers(
        &self,
        query: &[(&str, String)],
    ) -> Result<Vec<IdentityProvider>, ClientError> {
        decode_all(
            "identity_provider",
            IDENTITY_PROVIDERS.list(self.session, query).await?,
        )
    }

    /// One identity provider by ID.
    pub async fn get_identity_provider(&self, id: &str) -> Result<IdentityProvider, ClientError> {
        decode(
            "identity_provider",
            IDENTITY_PROVIDERS.get(self.session, id).await?,
        )
    }

    /// Creates an identity provider with this ID (`PUT`).
    pub async fn create_identity_provider(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<IdentityProvider, ClientError> {
        let v = IDENTITY_PROVIDERS
            .update_with(self.session, Method::PUT, id, attrs)
            .await?;
        decode("identity_provider", v)
    }

    /// Updates an identity provider (`PATCH`).
    pub async fn update_identity_provider(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<IdentityProvider, ClientError> {
        let v = IDENTITY_PROVIDERS.update(self.session, id, attrs).await?;
        decode("identity_provider", v)
    }

    /// Deletes an identity provider.
    pub async fn delete_identity_provider(&self, id: &str) -> Result<(), ClientError> {
        IDENTITY_PROVIDERS.delete(self.session, id).await
    }

    /// Every mapping.
    pub async fn mappings(&self) -> Result<Vec<Mapping>, ClientError> {
        decode_all("mapping", MAPPINGS.list(self.session, &[]).await?)
    }

    /// One mapping by ID.
    pub async fn get_mapping(&self, id: &str) -> Result<Mapping, ClientError> {
        decode("mapping", MAPPINGS.get(self.session, id).await?)
    }

    /// Creates a mapping with this ID (`PUT`; `rules`, `schema_version`).
    pub async fn create_mapping(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Mapping, ClientError> {
        let v = MAPPINGS
            .update_with(self.session, Method::PUT, id, attrs)
            .await?;
        decode("mapping", v)
    }

    /// Updates a mapping (`PATCH`).
    pub async fn update_mapping(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Mapping, ClientError> {
        decode("mapping", MAPPINGS.update(self.session, id, attrs).await?)
    }

    /// Deletes a mapping.
    pub async fn delete_mapping(&self, id: &str) -> Result<(), ClientError> {
        MAPPINGS.delete(self.session, id).await
    }

    /// Every service provider.
    pub async fn service_providers(&self) -> Result<Vec<ServiceProvider>, ClientError> {
        decode_all(
            "service_provider",
            SERVICE_PROVIDERS.list(self.session, &[]).await?,
        )
    }

    /// openstacksdk `find_service_provider`: by ID, else by name (which is the ID).
    pub async fn find_service_provider(
        &self,
        id: &str,
    ) -> Result<Found<ServiceProvider>, ClientError> {
        decode_lookup(
            "service_provider",
            SERVICE_PROVIDERS.find(self.session, id, &[]).await?,
        )
    }

    /// Creates a service provider with this ID (`PUT`).
    pub async fn create_service_provider(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<ServiceProvider, ClientError> {
        let v = SERVICE_PROVIDERS
            .update_with(self.session, Method::PUT, id, attrs)
            .await?;
        decode("service_provider", v)
    }

    /// Updates a service provider (`PATCH`).
    pub async fn update_service_provider(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<ServiceProvider, ClientError> {
        let v = SERVICE_PROVIDERS.update(self.session, id, attrs).await?;
        decode("service_provider", v)
    }

    /// Deletes a service provider.
    pub async fn delete_service_provider(&self, id: &str) -> Result<(), ClientError> {
        SERVICE_PROVIDERS.delete(self.session, id).await
    }

    async fn protocol_call(
        &self,
        method: Method,
        idp: &str,
        protocol: &str,
        body: Option<Map<String, Value>>,
    ) -> Result<Option<FederationProtocol>, ClientError> {
        let path = format!("{}/{}", protocols_path(idp), enc(protocol));
        let is_delete = method == Method::DELETE;
        let mut req = self
            .session
            .request("identity", method, &path)
            .api_version("3");
        if let Some(attrs) = body {
            req = req.json(Value::Object(Map::from_iter([(
                "protocol".to_string(),
                Value::Object(attrs),
            )])));
        }
        let resp = req.send().await?;
        if is_delete {
            return Ok(None);
        }
        let url = resp.url.clone();
        let mut body: Value = resp.json()?;
        let mut item = body.get_mut("protocol").map(Value::take).ok_or_else(|| {
            ClientError::InvalidResponse {
                url,
                reason: "no 'protocol' object in the answer".into(),
            }
        })?;
        if let Some(o) = item.as_object_mut() {
            o.entry("idp_id")
                .or_insert_with(|| Value::String(idp.to_string()));
        }
        decode("protocol", item).map(Some)
    }

    /// The federation protocols of an identity provider.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// for p in ostk_sdk::identity::Identity::new(s).federation_protocols("idp1").await? {
    ///     println!("{} {:?}", p.id, p.mapping_id);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn federation_protocols(
        &self,
        idp: &str,
    ) -> Result<Vec<FederationProtocol>, ClientError> {
        let v = pager::list_all(
            self.session,
            "identity",
            Some("3"),
            &protocols_path(idp),
            "protocols",
        )
        .await?;
        decode_all("protocol", v)
    }

    /// One federation protocol of an identity provider.
    pub async fn get_federation_protocol(
        &self,
        idp: &str,
        protocol: &str,
    ) -> Result<FederationProtocol, ClientError> {
        let p = self.protocol_call(Method::GET, idp, protocol, None).await?;
        Ok(p.unwrap_or_default())
    }

    /// Creates a federation protocol (`PUT`, attributes: `mapping_id`).
    pub async fn create_federation_protocol(
        &self,
        idp: &str,
        protocol: &str,
        attrs: Map<String, Value>,
    ) -> Result<FederationProtocol, ClientError> {
        let p = self
            .protocol_call(Method::PUT, idp, protocol, Some(attrs))
            .await?;
        Ok(p.unwrap_or_default())
    }

    /// Updates a federation protocol (`PATCH`).
    pub async fn update_federation_protocol(
        &self,
        idp: &str,
        protocol: &str,
        attrs: Map<String, Value>,
    ) -> Result<FederationProtocol, ClientError> {
        let p = self
            .protocol_call(Method::PATCH, idp, protocol, Some(attrs))
            .await?;
        Ok(p.unwrap_or_default())
    }

    /// Deletes a federation protocol.
    pub async fn delete_federation_protocol(
        &self,
        idp: &str,
        protocol: &str,
    ) -> Result<(), ClientError> {
        self.protocol_call(Method::DELETE, idp, protocol, None)
            .await?;
        Ok(())
    }
}
