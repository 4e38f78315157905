//! Typed OpenStack SDK: one module per service, on top of `ostk-client`.
pub use ostk_client as client;
pub use ostk_client::config;
