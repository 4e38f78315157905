//! `console …`: openstackclient/compute/v2/console.py and console_connection.py.

pub mod connection_show;
pub mod log_show;
pub mod url_show;
