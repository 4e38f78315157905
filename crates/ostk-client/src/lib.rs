//! Session, auth plugins, service catalog, version discovery. Built on `ostk-config`.
pub use ostk_config as config;
