//! The scanner: bounded, non-intrusive active discovery producing observations.
