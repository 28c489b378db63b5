//! The XML-based parsers (ONVIF/WS-Discovery, ISAPI, SADP, UPnP) and HTML titles.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = camsweep_parse::onvif::parse(&text);
    let _ = camsweep_parse::isapi::parse_device_info(&text);
    let _ = camsweep_parse::isapi::parse_status(&text);
    let _ = camsweep_parse::sadp::parse_reply(&text);
    let _ = camsweep_parse::upnp::parse_description(&text);
    let _ = camsweep_parse::html::title(&text);
    let _ = camsweep_parse::sdp::parse(&text);
    let _ = camsweep_parse::dn::parse(&text);
});
