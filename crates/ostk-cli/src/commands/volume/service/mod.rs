//! `volume service …` (openstackclient/volume/v3/service.py).

pub mod list;
pub mod set;
