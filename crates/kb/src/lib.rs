//! The knowledge base: cited vendor registry, IEEE MAC prefixes, fingerprint rules; embedded, overridable from disk.
