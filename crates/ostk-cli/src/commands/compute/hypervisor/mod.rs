//! Hypervisor commands: openstackclient/compute/v2/hypervisor.py and hypervisor_stats.py.

pub mod list;
pub mod show;
pub mod stats;
