//! The lab: an emulated surveillance estate on loopback addresses and in network namespaces.
