//! Session, auth plugins, service catalog, version discovery and token cache for OpenStack,
//! built on `ostk-config`. Async (tokio); the transport is reqwest with rustls (`ring`).
//!
//! Entry point: [`Session::from_config`] with a resolved [`config::CloudConfig`], then
//! [`Session::request`] for service calls, [`Session::access`] for the token and its scope,
//! [`Session::catalog`] for the service catalog.
//!
//! Modules:
//! - [`auth`]: keystoneauth's plugins (v3/v2.0 password and token, application credential,
//!   generic password/token, admin_token/none).
//! - [`access`]: what keystone returns (token, expiry, scope, catalog).
//! - [`catalog`]: v3/v2.0 catalogs and endpoint lookup; [`service_types`]: official aliases.
//! - [`session`]: endpoint selection, discovery cache, microversions, 401 re-authentication.
//! - [`http`]: transport, retries, `--debug` logging; [`redact`]: what logs may show.
//! - [`cache`]: the token cache; [`pager`]: pagination; [`discovery`]: version documents.
//! - [`error`]: [`ClientError`] and [`ApiError`].

#![warn(missing_docs)]

pub use ostk_config as config;

pub mod access;
pub mod auth;
pub mod cache;
pub mod catalog;
pub mod discovery;
pub mod error;
pub mod http;
pub mod pager;
pub mod redact;
pub mod service_types;
pub mod session;
pub mod time;
pub mod transfer;

pub use access::{AccessInfo, IdentityVersion};
pub use cache::TokenCache;
pub use catalog::Catalog;
pub use error::{ApiError, ClientError, Result};
pub use http::{HttpOptions, HttpRequest, HttpResponse, RetryPolicy, TlsOptions};
pub use reqwest::Method;
pub use session::{EndpointSettings, Session, SessionOptions};
