//! Raw HTTP, RTSP and SSDP messages (head parsing, folding, chunked bodies).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = camsweep_parse::http::parse_response(data) {
        let _ = r.body_text();
    }
    if let Ok(r) = camsweep_parse::rtsp::parse_response(data) {
        let _ = r.sdp();
        let _ = r.realm();
    }
    let _ = camsweep_parse::ssdp::parse(data);
    // The scanner's incremental framing: head, then the chunked body after it.
    if let Ok(Some(head)) = camsweep_parse::http::response_head(data) {
        let _ = head.body_framing(false);
        let _ = camsweep_parse::http::dechunk(&data[head.len..]);
    }
    let _ = camsweep_parse::http::dechunk(data);
});
