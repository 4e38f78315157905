//! A Rust SDK for OpenStack clouds, sharing its configuration, authentication and token cache
//! with the `ostk` command line (a drop-in `openstack`).
//!
//! # Connecting
//!
//! [`Cloud::connect`] takes a cloud name of `clouds.yaml`; [`Cloud::from_env`] reads the
//! environment (`OS_CLOUD`, or `OS_AUTH_URL` and friends: an openrc file, OVHcloud's
//! service-account variables). Both resolve the configuration as `openstack` does
//! (clouds.yaml, secure.yaml, vendor profiles) and authenticate on the first request.
//!
//! ```no_run
//! use ostk_sdk::prelude::*;
//!
//! #[tokio::main(flavor = "current_thread")]
//! async fn main() -> ostk_sdk::Result<()> {
//!     let cloud = Cloud::connect("devstack").await?;
//!     // Lists are lazy streams following pagination: pages are fetched as they are consumed.
//!     let mut servers = cloud.compute().servers(&Query::new());
//!     while let Some(server) = servers.try_next().await? {
//!         println!("{} {} {}", server.id, server.name, server.status);
//!     }
//!     Ok(())
//! }
//! ```
//!
//! # Service handles
//!
//! [`Cloud::compute`], [`Cloud::network`], [`Cloud::image`], [`Cloud::block_storage`],
//! [`Cloud::object_store`] and [`Cloud::identity`] give handles with typed calls on the common
//! resources ([`models`]: [`Server`], [`Flavor`], [`Image`], [`Network`], [`Volume`],
//! [`Container`]… with openstacksdk's field names; unknown fields stay in `extra`).
//! [`Cloud::session`] gives the authenticated [`client::Session`] for anything else: raw
//! requests with the right endpoint, token and microversion, or the lower-level service
//! modules ([`compute`], [`network`], [`volume`]…) that answer with JSON.
//!
//! # Streams
//!
//! Every list is a [`ListStream`]: `Result<T>` items, pages fetched on demand. Consume it with
//! the [`prelude`]'s [`TryStreamExt`] and [`StreamExt`]:
//!
//! ```no_run
//! use ostk_sdk::prelude::*;
//! # async fn demo(cloud: Cloud) -> ostk_sdk::Result<()> {
//! // Everything at once…
//! let flavors: Vec<Flavor> = cloud.compute().flavors(&Query::new()).try_collect().await?;
//! // …or only the first ten images: no page past the one holding them is fetched.
//! let first: Vec<Image> = cloud
//!     .image()
//!     .images(&Query::new().page_size(10))
//!     .take(10)
//!     .try_collect()
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! # Errors
//!
//! Calls fail with one [`Error`] type. Match on [`Error::kind`] ([`ErrorKind::NotFound`],
//! [`ErrorKind::Forbidden`], [`ErrorKind::Conflict`]…); [`Error::status`],
//! [`Error::request_id`] and [`Error::url`] say which request failed. `Display` is the line
//! the CLI prints.
//!
//! ```no_run
//! use ostk_sdk::prelude::*;
//! # async fn demo(cloud: Cloud) -> ostk_sdk::Result<()> {
//! match cloud.object_store().containers(&Query::new()).try_collect::<Vec<_>>().await {
//!     Ok(list) => println!("{} containers", list.len()),
//!     Err(e) if e.kind() == ErrorKind::Forbidden => {
//!         eprintln!("no object storage for this account (request {:?})", e.request_id())
//!     }
//!     Err(e) => return Err(e),
//! }
//! # Ok(()) }
//! ```
//!
//! # Creating resources
//!
//! Creates take builders ([`ServerCreate`], [`VolumeCreate`], [`KeypairCreate`]); `find_*`
//! calls resolve names to resources, `wait_for_*` poll until a status:
//!
//! ```no_run
//! use ostk_sdk::prelude::*;
//! use std::time::Duration;
//! # async fn demo(cloud: Cloud) -> ostk_sdk::Result<()> {
//! let compute = cloud.compute();
//! let image = cloud.image().find_image("cirros").await?;
//! let flavor = compute.find_flavor("m1.tiny").await?;
//! let network = cloud.network().find_network("private").await?;
//! let created = compute
//!     .create_server(
//!         ServerCreate::new("web1")
//!             .image(&image.id)
//!             .flavor(&flavor.id)
//!             .network(&network.id)
//!             .key_name("mykey")
//!             .user_data("#cloud-config\npackages: [nginx]\n"),
//!     )
//!     .await?;
//! let server = compute
//!     .wait_for_server(&created.id, ServerStatus::Active, Duration::from_secs(600))
//!     .await?;
//! println!("{} is up at {:?}", server.name, server.ip_addresses());
//! # Ok(()) }
//! ```
//!
//! The examples in `crates/ostk-sdk/examples/` are complete programs (listing servers,
//! containers with a restricted account, tokens and flavors, creating a server, uploading a
//! large object with progress).

#![warn(missing_docs)]

pub use ostk_client as client;
pub use ostk_client::config;

mod connect;
pub use connect::{connect, resolve_config};

pub mod cloud;
pub mod error;
pub mod models;
pub mod stream;

pub mod compute;
pub mod identity;
pub mod image;
pub mod key_manager;
pub mod network;
pub mod object_store;
pub mod orchestration;
pub mod quota;
pub mod rest;
pub mod volume;
pub mod wait;

pub use cloud::{
    BlockStorageHandle, Cloud, ComputeHandle, IdentityHandle, ImageHandle, KeypairCreate,
    NetworkHandle, ObjectStoreHandle, Query, ServerCreate, VolumeCreate,
};
pub use error::{Error, ErrorKind, Result};
/// The `futures-util` crate the streams come from (combinators: `future::try_join_all`…).
pub use futures_util as futures;
pub use futures_util::{Stream, StreamExt, TryStreamExt};
pub use models::{
    Container, Flavor, FloatingIp, Image, Keypair, Network, Object, Port, Project, SecurityGroup,
    SecurityGroupRule, Server, ServerStatus, Subnet, Token, Volume,
};
pub use object_store::{UploadOptions, Uploaded};
pub use stream::ListStream;

/// What most programs need: `use ostk_sdk::prelude::*;` brings the [`Cloud`], its handles'
/// builders and queries, the models, the error types and the stream traits
/// ([`TryStreamExt::try_next`], [`TryStreamExt::try_collect`], [`StreamExt::take`]).
pub mod prelude {
    pub use crate::{
        Cloud, Container, Error, ErrorKind, Flavor, FloatingIp, Image, Keypair, KeypairCreate,
        ListStream, Network, Object, Port, Project, Query, SecurityGroup, Server, ServerCreate,
        ServerStatus, Subnet, Token, Volume, VolumeCreate,
    };
    pub use futures_util::{Stream, StreamExt, TryStreamExt};
}
