//! [`Cloud`]: one connection to a cloud, with a handle per service — typed models, lists as
//! lazy streams, typed [`Error`]s, builders for creates.
//!
//! ```no_run
//! use ostk_sdk::prelude::*;
//!
//! # async fn demo() -> ostk_sdk::Result<()> {
//! let cloud = Cloud::connect("devstack").await?;
//! let mut servers = cloud.compute().servers(&Query::new());
//! while let Some(server) = servers.try_next().await? {
//!     println!("{} {} {}", server.id, server.name, server.status);
//! }
//! # Ok(()) }
//! ```

mod block_storage;
mod compute;
mod identity;
mod image;
mod network;
mod object_store;

pub use block_storage::{BlockStorageHandle, VolumeCreate};
pub use compute::{ComputeHandle, KeypairCreate, ServerCreate};
pub use identity::IdentityHandle;
pub use image::ImageHandle;
pub use network::NetworkHandle;
pub use object_store::ObjectStoreHandle;

use crate::client::Session;
use crate::error::{Error, ErrorKind, Result};
use crate::rest::Lookup;
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// A connection to one cloud: its configuration resolved and a session ready to authenticate
/// (on the first request). Cheap to clone (the session is shared), `Send + Sync`: hand clones
/// to tasks.
#[derive(Clone, Debug)]
pub struct Cloud {
    session: Arc<Session>,
}

impl Cloud {
    /// Connects to a cloud of `clouds.yaml` by name, resolved exactly as
    /// `openstack --os-cloud <name>` resolves it (clouds.yaml, secure.yaml, vendor profiles,
    /// `OS_*` variables); tokens are shared with the CLI's token cache.
    ///
    /// ```no_run
    /// # async fn demo() -> ostk_sdk::Result<()> {
    /// let cloud = ostk_sdk::Cloud::connect("devstack").await?;
    /// # Ok(()) }
    /// ```
    pub async fn connect(name: &str) -> Result<Cloud> {
        Ok(Cloud::from_session(crate::connect(Some(name)).await?))
    }

    /// Connects to the cloud the environment describes: `OS_CLOUD`, or `OS_AUTH_URL` and
    /// friends (an openrc file, OVHcloud's service-account variables).
    pub async fn from_env() -> Result<Cloud> {
        Ok(Cloud::from_session(crate::connect(None).await?))
    }

    /// A cloud on a session built by hand ([`Session::from_config`]).
    pub fn from_session(session: Session) -> Cloud {
        Cloud {
            session: Arc::new(session),
        }
    }

    /// The session, for raw requests (`cloud.session().request("compute", GET, "os-hypervisors")`)
    /// and the service modules ([`crate::compute::Compute::new`]…).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Compute (nova): servers, flavors, key pairs.
    pub fn compute(&self) -> ComputeHandle {
        ComputeHandle::new(self.session.clone())
    }

    /// Networking (neutron): networks, subnets, ports, floating IPs, security groups.
    pub fn network(&self) -> NetworkHandle {
        NetworkHandle::new(self.session.clone())
    }

    /// Image (glance): images.
    pub fn image(&self) -> ImageHandle {
        ImageHandle::new(self.session.clone())
    }

    /// Block storage (cinder): volumes.
    pub fn block_storage(&self) -> BlockStorageHandle {
        BlockStorageHandle::new(self.session.clone())
    }

    /// Object storage (swift): containers and objects, large-object uploads.
    pub fn object_store(&self) -> ObjectStoreHandle {
        ObjectStoreHandle::new(self.session.clone())
    }

    /// Identity (keystone): tokens, projects.
    pub fn identity(&self) -> IdentityHandle {
        IdentityHandle::new(self.session.clone())
    }
}

/// Filters and page size of a listing: query parameters as the service names them
/// (`status=ACTIVE`, `name=…`); `page_size` sets `limit`, the number of items per request
/// (pages keep being fetched until the listing ends).
///
/// ```
/// let q = ostk_sdk::Query::new().filter("status", "ACTIVE").page_size(50);
/// assert_eq!(q.params(), [("status".to_string(), "ACTIVE".to_string()), ("limit".into(), "50".into())]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    params: Vec<(String, String)>,
}

impl Query {
    /// No filter: everything, in the service's page size.
    pub fn new() -> Query {
        Query::default()
    }

    /// Adds a query parameter (a filter the API documents).
    pub fn filter(mut self, key: impl Into<String>, value: impl ToString) -> Query {
        self.params.push((key.into(), value.to_string()));
        self
    }

    /// Only resources with this name (`name=`; nova treats it as a regular expression).
    pub fn name(self, name: impl ToString) -> Query {
        self.filter("name", name)
    }

    /// Only resources with this status (`status=`).
    pub fn status(self, status: impl ToString) -> Query {
        self.filter("status", status)
    }

    /// Items per request (`limit=`).
    pub fn page_size(self, n: u32) -> Query {
        self.filter("limit", n)
    }

    /// The parameters, in the order given.
    pub fn params(&self) -> &[(String, String)] {
        &self.params
    }

    fn has(&self, key: &str) -> bool {
        self.params.iter().any(|(k, _)| k == key)
    }

    /// `path?k=v&…`.
    fn path(&self, path: &str) -> String {
        let pairs: Vec<(&str, String)> = self
            .params
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        format!("{path}{}", crate::rest::query_string(&pairs))
    }
}

/// openstacksdk's `find_*` outcome as a typed result: the one match, else `NotFound`
/// (`No Image found for cirros`) or `Ambiguous` (`More than one Image exists with the name
/// 'cirros'.`), in openstacksdk's words.
fn found<T: DeserializeOwned>(lookup: Lookup, resource: &str, name_or_id: &str) -> Result<T> {
    match lookup {
        Lookup::Found(v) => Ok(serde_json::from_value(v)?),
        Lookup::NotFound => Err(Error::new(
            ErrorKind::NotFound,
            format!("No {resource} found for {name_or_id}"),
        )),
        Lookup::Ambiguous(_) => Err(Error::new(
            ErrorKind::Ambiguous,
            format!("More than one {resource} exists with the name '{name_or_id}'."),
        )),
    }
}

/// Sets `metadata[key] = value` in a create request's attributes.
fn put_metadata(attrs: &mut serde_json::Map<String, serde_json::Value>, key: &str, value: &str) {
    let m = attrs
        .entry("metadata")
        .or_insert_with(|| serde_json::Value::Object(Default::default()));
    if let Some(m) = m.as_object_mut() {
        m.insert(key.into(), value.into());
    }
}

fn decode<T: DeserializeOwned>(v: serde_json::Value) -> Result<T> {
    Ok(serde_json::from_value(v)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn queries_build_paths() {
        let q = Query::new().status("ACTIVE").name("a b").page_size(2);
        assert_eq!(
            q.path("servers/detail"),
            "servers/detail?status=ACTIVE&name=a+b&limit=2"
        );
        assert_eq!(Query::new().path("x"), "x");
        assert!(q.has("limit") && !q.has("marker"));
    }

    #[test]
    fn lookups_become_typed_errors() {
        let r: Result<crate::models::Image> = found(Lookup::NotFound, "Image", "cirros");
        let e = r.unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string()),
            (ErrorKind::NotFound, "No Image found for cirros".into())
        );
        let r: Result<crate::models::Image> = found(Lookup::Ambiguous(2), "Image", "cirros");
        assert_eq!(r.unwrap_err().kind(), ErrorKind::Ambiguous);
        let r: Result<crate::models::Image> = found(
            Lookup::Found(json!({"id": "i", "status": "active"})),
            "Image",
            "i",
        );
        assert_eq!(r.unwrap().id, "i");
    }
}

/// Every handle call can run on a multi-threaded runtime (`tokio::spawn` wants `Send`).
#[cfg(test)]
#[allow(dead_code, clippy::let_underscore_future)]
mod send {
    use super::*;
    use crate::models::ServerStatus;
    use std::time::Duration;

    fn send<T: Send>(_: T) {}
    fn shareable<T: Send + Sync + Clone>(_: &T) {}

    async fn all(c: Cloud) {
        shareable(&c);
        shareable(&c.compute());
        shareable(&c.network());
        shareable(&c.image());
        shareable(&c.block_storage());
        shareable(&c.object_store());
        shareable(&c.identity());
        let (q, d) = (Query::new(), Duration::ZERO);
        let compute = c.compute();
        send(Cloud::connect("x"));
        send(Cloud::from_env());
        send(compute.servers(&q));
        send(compute.get_server("x"));
        send(compute.find_server("x"));
        send(compute.create_server(ServerCreate::new("x")));
        send(compute.delete_server("x"));
        send(compute.wait_for_server("x", ServerStatus::Active, d));
        send(compute.flavors(&q));
        send(compute.find_flavor("x"));
        send(compute.keypairs(&q));
        send(compute.create_keypair(KeypairCreate::new("x")));
        send(compute.delete_keypair("x"));
        let n = c.network();
        send(n.networks(&q));
        send(n.get_network("x"));
        send(n.find_network("x"));
        send(n.find_subnet("x"));
        send(n.find_port("x"));
        send(n.find_security_group("x"));
        let i = c.image();
        send(i.images(&q));
        send(i.get_image("x"));
        send(i.find_image("x"));
        let b = c.block_storage();
        send(b.volumes(&q));
        send(b.get_volume("x"));
        send(b.find_volume("x"));
        send(b.create_volume(VolumeCreate::new(1)));
        send(b.delete_volume("x"));
        send(b.wait_for_volume("x", "available", d));
        let o = c.object_store();
        send(o.containers(&q));
        send(o.objects("c", &q));
        send(o.create_container("c"));
        send(o.delete_container("c"));
        send(o.delete_object("c", "o"));
        send(o.upload_file("c", "o", std::path::Path::new("f"), &Default::default()));
        let id = c.identity();
        send(id.issue_token());
        send(id.projects(&q));
        send(id.find_project("x"));
    }
}
