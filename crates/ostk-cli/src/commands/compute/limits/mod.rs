//! `limits show`: openstackclient/common/limits.py.

pub mod show;
