//! The lab: an emulated surveillance estate on loopback addresses and in network namespaces.
//!
//! A [`LabSpec`] lists devices (address + [profile](profiles)); [`generate`] builds one
//! deterministically for a seed; [`Lab::start`] serves it: HTTP/HTTPS with the vendor's Server
//! header, login page, digest challenge and API paths, ONVIF, RTSP, banners, SDK ports, UDP
//! discovery and SNMP, and hostile devices that stall, drip, flood or lie. [`Lab::truth`] says what is
//! where, for the scanner's tests to compare with.
//!
//! Safety: the lab serves only loopback addresses, or addresses inside a network namespace it
//! created itself ([`netns`]).

mod auth;
mod banner;
mod device;
mod discovery;
mod error;
mod hostile;
mod http;
mod lab;
#[cfg(test)]
mod lab_tests;
mod listen;
pub mod netns;
mod onvif;
pub mod profile;
mod record;
mod rtsp;
mod serve;
mod snmp;
mod spec;
mod tls;

pub use device::TruthRecord;
pub use error::LabError;
pub use ipnet::IpNet;
pub use lab::{Lab, LabOptions};
pub use listen::{ListenMode, PER_ADDRESS_SOCKET_BUDGET};
pub use profile::{Hostile, Profile, profiles};
pub use record::Received;
pub use spec::{
    Credentials, DeviceSpec, GenerateOptions, LabSpec, Mix, default_range, generate,
    usable_addresses,
};

/// Raises the soft open-file limit to the hard one (the lab holds many sockets). Idempotent.
pub fn raise_open_file_limit() -> u64 {
    rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024)
}

/// Helpers for clients in tests and tools: the exact bytes of protocol requests.
pub mod wire {
    pub use crate::auth::sofia_hash;
    pub use crate::banner::dvrip_packet;
    pub use crate::discovery::dhip_packet;
}
