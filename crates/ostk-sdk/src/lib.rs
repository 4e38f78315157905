//! Typed OpenStack SDK: one module per service, on top of `ostk-client`.
//!
//! ```no_run
//! # async fn demo(cfg: &ostk_sdk::config::CloudConfig) -> Result<(), ostk_sdk::client::ClientError> {
//! use ostk_sdk::client::{Session, SessionOptions};
//! let session = Session::from_config(cfg, SessionOptions::default(), None)?;
//! let token = ostk_sdk::identity::Identity::new(&session).issue_token().await?;
//! println!("{}", token.id);
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

pub use ostk_client as client;
pub use ostk_client::config;

mod connect;
pub use connect::{connect, resolve_config};

pub mod compute;
pub mod identity;
pub mod image;
pub mod network;
pub mod object_store;
pub mod orchestration;
pub mod quota;
pub mod rest;
pub mod volume;
pub mod wait;
