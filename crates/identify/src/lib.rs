//! The identification engine: all observations of one device in, one cited identification out. Pure.
