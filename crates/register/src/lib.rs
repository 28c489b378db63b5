//! The estate register: organisations, sites, networks, devices, findings, waivers and history on SQLite or PostgreSQL.
