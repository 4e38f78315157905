//! Functional tests: the real `ostk` binary side by side with the reference python-openstackclient
//! (`OSTK_REFERENCE_OPENSTACK`), and against the local devcloud (`OSTK_DEVCLOUD_CLOUDS`).
//! Run by `scripts/test-all`, which brings both up.

mod api;
mod cli;
mod compute;
mod compute_server;
mod compute_server_more;
mod config_show;
mod ec2;
mod fanout;
mod fault_proxy;
mod federation;
mod identity;
mod identity_catalog;
mod identity_resources;
mod identity_roles;
mod identity_users;
mod image;
mod key_manager;
mod network;
mod object_store;
mod orchestration;
mod sdk_examples;
mod support;
mod volume;
