//! `availability zone list`: openstackclient/common/availability_zone.py.

pub mod list;
