//! Binary-framed discovery replies (DHIP, DVR-IP, SNMP BER), certificates and telnet negotiation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = camsweep_parse::dhip::parse_reply(data);
    let _ = camsweep_parse::dvrip::parse_reply(data);
    let _ = camsweep_parse::snmp::learn(data);
    let _ = camsweep_parse::snmp::parse_engine_id(data);
    let _ = camsweep_parse::x509::parse_der(data);
    let _ = camsweep_parse::strip_telnet_bytes(data);
    let _ = camsweep_parse::dahua_cgi::parse(&String::from_utf8_lossy(data));
});
