//! The deprecated `host …` commands: openstackclient/compute/v2/host.py (`/os-hosts` at
//! microversion 2.1).

pub mod list;
pub mod set;
pub mod show;
