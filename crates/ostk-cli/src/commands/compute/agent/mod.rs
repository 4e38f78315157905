//! `compute agent …`: openstackclient/compute/v2/agent.py (nova removed the API in
//! Wallaby; the commands still call it and report nova's 410).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
