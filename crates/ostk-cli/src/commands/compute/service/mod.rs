//! `compute service …`: openstackclient/compute/v2/service.py.

pub mod delete;
pub mod list;
pub mod set;
