//! `extract`: observation kind → parser → canonical fields.

use camsweep_model::field as f;
use camsweep_model::{Observation, ObservationKind as K};

use crate::text::truncate;
use crate::{
    Fields, MAX_BODY_FIELD, ParseError, banner, dahua_cgi, dhip, dn, dvrip, html, http, isapi,
    message, onvif, rtsp, sadp, sdp, ssdp, upnp, x509, xml,
};

pub(crate) fn dispatch(obs: &Observation, out: &mut Fields) -> Result<(), ParseError> {
    let value = obs.value.as_str();
    match obs.kind {
        K::Mac => match crate::normalise_mac(value) {
            Some(mac) => out.0.push(crate::Field::new(f::MAC, mac)),
            None => {
                return Err(ParseError::Malformed {
                    what: "mac",
                    expected: "a MAC address (aa:bb:cc:dd:ee:ff, aa-bb-..., aabb.ccdd.eeff or 12 hex digits)",
                    offset: None,
                });
            }
        },
        K::HttpServer => out.push(f::HTTP_SERVER, &banner::clean(value)),
        K::HttpTitle => out.push(f::HTTP_TITLE, &crate::text::collapse_whitespace(value)),
        K::HttpWwwAuthenticate => {
            www_authenticate(out, f::HTTP_WWW_AUTHENTICATE, f::HTTP_REALM, value)
        }
        K::HttpBody => {
            out.push_opt(f::HTTP_PATH, obs.path.as_deref());
            body(out, value);
        }
        K::HttpResponse => {
            out.push_opt(f::HTTP_PATH, obs.path.as_deref());
            let response = http::parse_response(value.as_bytes())?;
            http_response(out, &response);
        }
        K::TlsSubject | K::TlsIssuer => {
            let subject = obs.kind == K::TlsSubject;
            let name = dn::parse(value)?;
            let (whole, cn, o, ou) = if subject {
                (
                    f::TLS_SUBJECT,
                    f::TLS_SUBJECT_CN,
                    f::TLS_SUBJECT_O,
                    f::TLS_SUBJECT_OU,
                )
            } else {
                (
                    f::TLS_ISSUER,
                    f::TLS_ISSUER_CN,
                    f::TLS_ISSUER_O,
                    f::TLS_ISSUER_OU,
                )
            };
            out.push(whole, value);
            for v in name.values("CN") {
                out.push(cn, v);
            }
            for v in name.values("O") {
                out.push(o, v);
            }
            for v in name.values("OU") {
                out.push(ou, v);
            }
        }
        K::TlsCert => {
            let cert = x509::parse_certificate(value)?;
            out.push(f::TLS_SUBJECT, &cert.subject);
            out.push(f::TLS_ISSUER, &cert.issuer);
            for (name, values) in [
                (f::TLS_SUBJECT_CN, &cert.subject_cn),
                (f::TLS_SUBJECT_O, &cert.subject_o),
                (f::TLS_SUBJECT_OU, &cert.subject_ou),
                (f::TLS_ISSUER_CN, &cert.issuer_cn),
                (f::TLS_ISSUER_O, &cert.issuer_o),
                (f::TLS_ISSUER_OU, &cert.issuer_ou),
                (f::TLS_SAN, &cert.sans),
            ] {
                for v in values {
                    out.push(name, v);
                }
            }
        }
        K::RtspServer => out.push(f::RTSP_SERVER, &banner::clean(value)),
        K::RtspResponse => {
            let r = rtsp::parse_response(value.as_bytes())?;
            out.push(f::RTSP_STATUS, &r.status.to_string());
            out.push_opt(f::RTSP_SERVER, r.header("server"));
            if let Some(realm) = r.realm() {
                out.push(f::RTSP_REALM, &realm);
            }
            out.push_opt(f::RTSP_PUBLIC, r.header("public"));
            if let Some(sdp) = r.sdp() {
                sdp_fields(out, &sdp);
            }
        }
        K::RtspSdp => sdp_fields(out, &sdp::parse(value)?),
        K::OnvifResponse | K::WsdProbeMatch => onvif_fields(out, &onvif::parse(value)?),
        K::SadpReply => {
            let r = sadp::parse_reply(value)?;
            out.push_opt(f::DEVICE_MODEL, r.device_description.as_deref());
            out.push_opt(f::DEVICE_SERIAL, r.device_sn.as_deref());
            if let Some(mac) = &r.mac {
                out.push_mac(f::DEVICE_MAC, mac);
            }
            out.push_opt(f::DEVICE_FIRMWARE, r.software_version.as_deref());
            out.push_opt(f::DEVICE_BUILD, r.dsp_version.as_deref());
            out.push_opt(f::SADP_DEVICE_TYPE, r.device_type.as_deref());
        }
        K::DhipReply => {
            let r = dhip::parse_reply(value.as_bytes())?;
            out.push_opt(f::DEVICE_MODEL, r.device_type.as_deref());
            out.push_opt(f::DEVICE_SERIAL, r.serial.as_deref());
            if let Some(mac) = &r.mac {
                out.push_mac(f::DEVICE_MAC, mac);
            }
            out.push_opt(f::DEVICE_FIRMWARE, r.version.as_deref());
            out.push_opt(f::DEVICE_VENDOR, r.vendor.as_deref());
            out.push_opt(f::DHIP_DEVICE_CLASS, r.device_class.as_deref());
            out.push_opt(f::DEVICE_NAME, r.machine_name.as_deref());
        }
        K::DvripReply => {
            let r = dvrip::parse_reply(value.as_bytes())?;
            out.push_opt(f::DEVICE_HARDWARE, r.hardware.as_deref());
            out.push_opt(f::DEVICE_MODEL, r.device_model.as_deref());
            out.push_opt(f::DEVICE_FIRMWARE, r.software_version.as_deref());
            out.push_opt(f::DEVICE_SERIAL, r.serial.as_deref());
            if let Some(mac) = &r.mac {
                out.push_mac(f::DEVICE_MAC, mac);
            }
            out.push_opt(f::DEVICE_TYPE, r.device_type.as_deref());
        }
        K::SsdpResponse => {
            let trimmed = value.trim_start();
            if trimmed.starts_with('<') {
                upnp_fields(out, &upnp::parse_description(value)?);
            } else {
                let m = ssdp::parse(value.as_bytes())?;
                out.push_opt(f::SSDP_SERVER, m.header("server"));
                out.push_opt(f::SSDP_LOCATION, m.header("location"));
                out.push_opt(f::SSDP_USN, m.header("usn"));
                out.push_opt(f::SSDP_ST, m.header("st").or_else(|| m.header("nt")));
            }
        }
        K::SshBanner => out.push(f::SSH_BANNER, &banner::clean(value)),
        K::TelnetBanner => out.push(f::TELNET_BANNER, &banner::strip_telnet(value)),
        K::FtpBanner => out.push(f::FTP_BANNER, &banner::clean(value)),
        K::SnmpSysDescr => out.push(f::SNMP_SYS_DESCR, &banner::clean(value)),
        K::SnmpSysObjectId => out.push(f::SNMP_SYS_OBJECT_ID, &banner::clean(value)),
        K::DhcpVendorClass => out.push(f::DHCP_VENDOR_CLASS, &banner::clean(value)),
        K::SipUserAgent => out.push(f::SIP_USER_AGENT, &banner::clean(value)),
    }
    Ok(())
}

fn www_authenticate(out: &mut Fields, whole: &'static str, realm_field: &'static str, value: &str) {
    out.push(whole, value);
    if let Some(realm) = message::realm(value) {
        out.push(realm_field, &realm);
    }
}

/// Headers with a canonical field of their own; everything else becomes `http.header.<name>`.
fn http_response(out: &mut Fields, r: &http::Response<'_>) {
    out.push(f::HTTP_STATUS, &r.status.to_string());
    for h in &r.headers {
        let name = h.name.as_ref();
        if name.eq_ignore_ascii_case("server") {
            out.push(f::HTTP_SERVER, &h.value);
        } else if name.eq_ignore_ascii_case("www-authenticate") {
            let before = out.has(f::HTTP_REALM);
            out.push(f::HTTP_WWW_AUTHENTICATE, &h.value);
            if let Some(realm) = message::realm(&h.value)
                && !(before
                    && out
                        .0
                        .iter()
                        .any(|x| x.name == f::HTTP_REALM && x.value == realm))
            {
                out.push(f::HTTP_REALM, &realm);
            }
        } else if name.eq_ignore_ascii_case("location") {
            out.push(f::HTTP_LOCATION, &h.value);
        } else if name.eq_ignore_ascii_case("set-cookie") {
            out.push(f::HTTP_SET_COOKIE, &h.value);
        } else if is_noise_header(name) {
            // Per-response values (dates, lengths) identify nothing.
        } else {
            let mut field = String::with_capacity(f::HTTP_HEADER_PREFIX.len() + name.len());
            field.push_str(f::HTTP_HEADER_PREFIX);
            field.extend(name.chars().map(|c| c.to_ascii_lowercase()));
            out.push_owned(field, &h.value);
        }
    }
    body(out, &r.body_text());
}

fn is_noise_header(name: &str) -> bool {
    [
        "date",
        "content-length",
        "expires",
        "last-modified",
        "age",
        "etag",
    ]
    .iter()
    .any(|n| name.eq_ignore_ascii_case(n))
}

/// The body field, its title, and whatever vendor structure its content shows.
fn body(out: &mut Fields, body: &str) {
    out.push(f::HTTP_BODY, truncate(body, MAX_BODY_FIELD));
    let trimmed = body.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if trimmed.is_empty() {
        return;
    }
    if html::looks_like_html(trimmed) {
        if let Some(title) = html::title(trimmed) {
            out.push(f::HTTP_TITLE, &title);
        }
        return;
    }
    if trimmed.starts_with('<') {
        xml_body(out, trimmed);
    } else if trimmed.starts_with('{') {
        json_body(out, trimmed);
    } else if let Ok(pairs) = dahua_cgi::parse(trimmed) {
        for (key, value) in pairs {
            if let Some(name) = dahua_cgi::field_for(key) {
                out.push(name, value);
            }
        }
    }
}

/// Structured XML inside an HTTP body: best effort (a broken document keeps the HTTP fields).
fn xml_body(out: &mut Fields, body: &str) {
    let Some(root) = xml::root_name(body) else {
        return;
    };
    out.push(f::XML_ROOT, &root);
    match root.as_str() {
        "DeviceInfo" => {
            if let Ok(info) = isapi::parse_device_info(body) {
                isapi_fields(out, &info);
            }
        }
        "Envelope" | "ProbeMatches" | "ProbeMatch"
            if root != "ProbeMatch" || !body.contains("<DeviceSN") =>
        {
            if let Ok(r) = onvif::parse(body) {
                onvif_fields(out, &r);
            }
        }
        "ProbeMatch" => {
            if let Ok(r) = sadp::parse_reply(body) {
                out.push_opt(f::DEVICE_MODEL, r.device_description.as_deref());
                out.push_opt(f::DEVICE_SERIAL, r.device_sn.as_deref());
            }
        }
        "root" => {
            if let Ok(d) = upnp::parse_description(body) {
                upnp_fields(out, &d);
            }
        }
        _ => {}
    }
}

/// JSON bodies: the Axis `basicdeviceinfo.cgi` property list; DHIP/DVR-IP shapes.
fn json_body(out: &mut Fields, body: &str) {
    let Ok(value) = crate::json::first_value("http.body", body.as_bytes()) else {
        return;
    };
    if let Some(props) = value.pointer("/data/propertyList") {
        let get = |k: &str| crate::json::member(props, k);
        out.push_opt(f::DEVICE_MANUFACTURER, get("Brand").as_deref());
        out.push_opt(f::DEVICE_MODEL, get("ProdNbr").as_deref());
        out.push_opt(f::DEVICE_NAME, get("ProdFullName").as_deref());
        out.push_opt(f::DEVICE_FIRMWARE, get("Version").as_deref());
        out.push_opt(f::DEVICE_SERIAL, get("SerialNumber").as_deref());
        out.push_opt(f::DEVICE_HARDWARE, get("HardwareID").as_deref());
        out.push_opt(f::DEVICE_TYPE, get("ProdType").as_deref());
        out.push_opt(f::DEVICE_MANUFACTURER_URL, get("WebURL").as_deref());
    } else if value.pointer("/params/deviceInfo").is_some()
        && let Ok(r) = dhip::parse_reply(body.as_bytes())
    {
        out.push_opt(f::DEVICE_MODEL, r.device_type.as_deref());
        out.push_opt(f::DEVICE_SERIAL, r.serial.as_deref());
        out.push_opt(f::DEVICE_FIRMWARE, r.version.as_deref());
        out.push_opt(f::DEVICE_VENDOR, r.vendor.as_deref());
    }
}

fn isapi_fields(out: &mut Fields, info: &isapi::DeviceInfo) {
    out.push_opt(f::DEVICE_NAME, info.device_name.as_deref());
    out.push_opt(f::DEVICE_MODEL, info.model.as_deref());
    out.push_opt(f::DEVICE_SERIAL, info.serial_number.as_deref());
    if let Some(mac) = &info.mac_address {
        out.push_mac(f::DEVICE_MAC, mac);
    }
    out.push_opt(f::DEVICE_FIRMWARE, info.firmware_version.as_deref());
    out.push_opt(
        f::DEVICE_FIRMWARE_DATE,
        info.firmware_released_date.as_deref(),
    );
    out.push_opt(f::DEVICE_BUILD, info.encoder_version.as_deref());
    out.push_opt(f::DEVICE_TYPE, info.device_type.as_deref());
    out.push_opt(f::DEVICE_HARDWARE, info.hardware_version.as_deref());
    out.push_opt(f::DEVICE_MANUFACTURER, info.manufacturer.as_deref());
    out.push_opt(f::DEVICE_ID, info.device_id.as_deref());
}

fn onvif_fields(out: &mut Fields, r: &onvif::OnvifResponse) {
    out.push_opt(f::ONVIF_OPERATION, r.operation.as_deref());
    out.push_opt(f::DEVICE_MANUFACTURER, r.manufacturer.as_deref());
    out.push_opt(f::DEVICE_MODEL, r.model.as_deref());
    out.push_opt(f::DEVICE_FIRMWARE, r.firmware.as_deref());
    out.push_opt(f::DEVICE_SERIAL, r.serial.as_deref());
    out.push_opt(f::DEVICE_HARDWARE, r.hardware.as_deref());
    for scope in &r.scopes {
        out.push(f::ONVIF_SCOPE, scope);
        if let Some((key, value)) = onvif::scope_key_value(scope) {
            let mut name = String::with_capacity(f::ONVIF_SCOPE_PREFIX.len() + key.len());
            name.push_str(f::ONVIF_SCOPE_PREFIX);
            name.push_str(&key);
            out.push_owned(name, &value);
        }
    }
    for xaddr in &r.xaddrs {
        out.push(f::ONVIF_XADDR, xaddr);
    }
    for t in &r.types {
        out.push(f::WSD_TYPES, t);
    }
    for uri in &r.stream_uris {
        out.push(f::ONVIF_STREAM_URI, uri);
    }
    for fault in &r.fault {
        out.push(f::ONVIF_FAULT, fault);
    }
}

fn upnp_fields(out: &mut Fields, d: &upnp::Description) {
    out.push_opt(f::DEVICE_MANUFACTURER, d.manufacturer.as_deref());
    out.push_opt(f::DEVICE_MODEL, d.model_name.as_deref());
    if d.model_number.is_some() && d.model_number != d.model_name {
        out.push_opt(f::DEVICE_MODEL, d.model_number.as_deref());
    }
    out.push_opt(f::DEVICE_NAME, d.friendly_name.as_deref());
    out.push_opt(f::DEVICE_SERIAL, d.serial_number.as_deref());
    out.push_opt(f::DEVICE_MANUFACTURER_URL, d.manufacturer_url.as_deref());
    out.push_opt(f::UPNP_DEVICE_TYPE, d.device_type.as_deref());
    out.push_opt(f::UPNP_MODEL_DESCRIPTION, d.model_description.as_deref());
}

fn sdp_fields(out: &mut Fields, sdp: &sdp::Sdp) {
    out.push_opt(f::SDP_SESSION, sdp.session.as_deref());
    out.push_opt(f::SDP_INFO, sdp.info.as_deref());
    out.push_opt(f::SDP_TOOL, sdp.tool.as_deref());
    for control in &sdp.controls {
        out.push(f::SDP_CONTROL, control);
    }
    out.push_opt(f::SDP_ORIGIN, sdp.origin.as_deref());
}
