//! Keystone endpoints (`/v3/endpoints`) and the OS-EP-FILTER project associations of
//! endpoints and endpoint groups.

use super::Identity;
use super::service::{Found, decode, decode_all, decode_lookup};
use crate::client::{ClientError, Method, pager};
use crate::rest::Collection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/endpoints`.
pub const ENDPOINTS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "endpoints",
    singular: "endpoint",
    plural: "endpoints",
    microversion: None,
};

/// `/v3/regions` (only looked up here, as OSC checks `--region` values).
const REGIONS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "regions",
    singular: "region",
    plural: "regions",
    microversion: None,
};

/// A keystone endpoint (openstacksdk `identity.v3.endpoint.Endpoint`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Endpoint {
    /// ID.
    pub id: String,
    /// `public`, `internal` or `admin`.
    #[serde(default)]
    pub interface: Option<String>,
    /// Region ID.
    #[serde(default)]
    pub region_id: Option<String>,
    /// ID of the service the endpoint belongs to.
    #[serde(default)]
    pub service_id: Option<String>,
    /// URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Whether the endpoint is enabled.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn enc(s: &str) -> String {
    let e: String = url::form_urlencoded::byte_serialize(s.as_bytes()).collect();
    e.replace('+', "%20")
}

impl Identity<'_> {
    /// Endpoints, filtered by query parameters (`service_id`, `interface`, `region_id`).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let id = ostk_sdk::identity::Identity::new(s);
    /// for ep in id.endpoints(&[("interface", "public".into())]).await? {
    ///     println!("{} {:?}", ep.id, ep.url);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn endpoints(&self, query: &[(&str, String)]) -> Result<Vec<Endpoint>, ClientError> {
        decode_all("endpoint", ENDPOINTS.list(self.session, query).await?)
    }

    /// openstacksdk `find_endpoint`: by ID (endpoints have no name).
    pub async fn find_endpoint(&self, id: &str) -> Result<Found<Endpoint>, ClientError> {
        decode_lookup("endpoint", ENDPOINTS.find(self.session, id, &[]).await?)
    }

    /// Creates an endpoint (`service_id`, `interface`, `url`, `region_id`, `enabled`).
    pub async fn create_endpoint(
        &self,
        attrs: Map<String, Value>,
    ) -> Result<Endpoint, ClientError> {
        decode("endpoint", ENDPOINTS.create(self.session, attrs).await?)
    }

    /// Updates an endpoint (`PATCH`).
    pub async fn update_endpoint(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Endpoint, ClientError> {
        decode("endpoint", ENDPOINTS.update(self.session, id, attrs).await?)
    }

    /// Deletes an endpoint.
    pub async fn delete_endpoint(&self, id: &str) -> Result<(), ClientError> {
        ENDPOINTS.delete(self.session, id).await
    }

    /// The region with this ID, as raw JSON (OSC only checks it exists and takes its ID).
    pub async fn region_by_id(&self, id: &str) -> Result<Value, ClientError> {
        REGIONS.get(self.session, id).await
    }

    /// Endpoints associated with a project (`GET /OS-EP-FILTER/projects/{id}/endpoints`).
    pub async fn project_endpoints(&self, project_id: &str) -> Result<Vec<Endpoint>, ClientError> {
        let path = format!("OS-EP-FILTER/projects/{}/endpoints", enc(project_id));
        let v = pager::list_all(self.session, "identity", Some("3"), &path, "endpoints").await?;
        decode_all("endpoint", v)
    }

    /// Projects associated with an endpoint (`GET /OS-EP-FILTER/endpoints/{id}/projects`),
    /// as raw JSON objects.
    pub async fn endpoint_projects(&self, endpoint_id: &str) -> Result<Vec<Value>, ClientError> {
        let path = format!("OS-EP-FILTER/endpoints/{}/projects", enc(endpoint_id));
        pager::list_all(self.session, "identity", Some("3"), &path, "projects").await
    }

    async fn ep_filter(&self, method: Method, path: String) -> Result<(), ClientError> {
        self.session
            .request("identity", method, &path)
            .api_version("3")
            .send()
            .await?;
        Ok(())
    }

    /// Associates a project with an endpoint (`PUT /OS-EP-FILTER/projects/{p}/endpoints/{e}`).
    pub async fn associate_endpoint_with_project(
        &self,
        project_id: &str,
        endpoint_id: &str,
    ) -> Result<(), ClientError> {
        let path = format!(
            "OS-EP-FILTER/projects/{}/endpoints/{}",
            enc(project_id),
            enc(endpoint_id)
        );
        self.ep_filter(Method::PUT, path).await
    }

    /// Removes the association of a project with an endpoint.
    pub async fn disassociate_endpoint_from_project(
        &self,
        project_id: &str,
        endpoint_id: &str,
    ) -> Result<(), ClientError> {
        let path = format!(
            "OS-EP-FILTER/projects/{}/endpoints/{}",
            enc(project_id),
            enc(endpoint_id)
        );
        self.ep_filter(Method::DELETE, path).await
    }

    /// Projects associated with an endpoint group, as raw JSON objects.
    pub async fn endpoint_group_projects(&self, group_id: &str) -> Result<Vec<Value>, ClientError> {
        let path = format!("OS-EP-FILTER/endpoint_groups/{}/projects", enc(group_id));
        pager::list_all(self.session, "identity", Some("3"), &path, "projects").await
    }

    /// Endpoint groups associated with a project.
    pub async fn project_endpoint_groups(
        &self,
        project_id: &str,
    ) -> Result<Vec<super::endpoint_group::EndpointGroup>, ClientError> {
        let path = format!("OS-EP-FILTER/projects/{}/endpoint_groups", enc(project_id));
        let v = pager::list_all(
            self.session,
            "identity",
            Some("3"),
            &path,
            "endpoint_groups",
        )
        .await?;
        decode_all("endpoint_group", v)
    }

    /// Associates a project with an endpoint group
    /// (`PUT /OS-EP-FILTER/endpoint_groups/{g}/projects/{p}`).
    pub async fn associate_project_with_endpoint_group(
        &self,
        group_id: &str,
        project_id: &str,
    ) -> Result<(), ClientError> {
        let path = format!(
            "OS-EP-FILTER/endpoint_groups/{}/projects/{}",
            enc(group_id),
            enc(project_id)
        );
        self.ep_filter(Method::PUT, path).await
    }

    /// Removes the association of a project with an endpoint group.
    pub async fn disassociate_project_from_endpoint_group(
        &self,
        group_id: &str,
        project_id: &str,
    ) -> Result<(), ClientError> {
        let path = format!(
            "OS-EP-FILTER/endpoint_groups/{}/projects/{}",
            enc(group_id),
            enc(project_id)
        );
        self.ep_filter(Method::DELETE, path).await
    }
}
