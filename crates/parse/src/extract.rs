//! `extract`: observation kind → parser → canonical fields.

use camsweep_model::field as f;
use camsweep_model::{Observation, ObservationKind as K};

use crate::text::truncate;
use crate::{
    Fields, MAX_BODY_FIELD, ParseError, banner, dahua_cgi, dhip, dn, dvrip, html, http, isapi,
    message, onvif, rtsp, sadp, sdp, snmp, ssdp, upnp, x509, xml,
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
        K::SnmpSysObjectId => {
            let value = banner::clean(value);
            out.push(f::SNMP_SYS_OBJECT_ID, &value);
            if let Some(n) = snmp::parse_dotted_oid(&value).and_then(|o| o.enterprise()) {
                out.push(f::SNMP_ENTERPRISE, &n.to_string());
            }
        }
        K::SnmpEngineId => {
            let bytes = snmp::parse_hex(value).ok_or(ParseError::Malformed {
                what: "snmp.engine_id",
                expected: "an engine ID in hex (e.g. 80009afd03aabbccddeeff)",
                offset: None,
            })?;
            let id = snmp::parse_engine_id(&bytes)?;
            out.push(f::SNMP_ENGINE_ENTERPRISE, &id.enterprise.to_string());
            out.push(f::SNMP_ENGINE_FORMAT, &id.format.name());
            out.push(f::SNMP_ENGINE_DATA, &id.data_text());
            if id.format == snmp::EngineIdFormat::Mac {
                out.push_mac(f::DEVICE_MAC, &id.data_text());
            }
        }
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

#[cfg(test)]
mod tests {
    use camsweep_model::field as f;
    use camsweep_model::{Observation, ObservationKind as K};

    use crate::{Field, ParseError, extract};

    fn fields(kind: K, value: &str) -> Vec<Field> {
        extract(&Observation::new(kind, value)).unwrap_or_else(|e| panic!("{kind}: {e}"))
    }

    fn get<'a>(fields: &'a [Field], name: &str) -> Vec<&'a str> {
        fields
            .iter()
            .filter(|x| x.name == name)
            .map(|x| x.value.as_str())
            .collect()
    }

    #[test]
    fn simple_kinds() {
        assert_eq!(
            get(&fields(K::Mac, "ACCC8EA31ABF"), f::MAC),
            ["ac:cc:8e:a3:1a:bf"]
        );
        assert!(matches!(
            extract(&Observation::new(K::Mac, "not-a-mac")),
            Err(ParseError::Malformed { what: "mac", .. })
        ));
        assert_eq!(
            get(&fields(K::HttpServer, " App-webs/\r\n"), f::HTTP_SERVER),
            ["App-webs/"]
        );
        let auth = fields(K::HttpWwwAuthenticate, r#"Digest realm="TiVo DVR""#);
        assert_eq!(get(&auth, f::HTTP_REALM), ["TiVo DVR"]);
        let telnet = fields(
            K::TelnetBanner,
            include_str!("../testdata/grandstream_telnet_banner.txt"),
        );
        assert!(get(&telnet, f::TELNET_BANNER)[0].starts_with("Grandstream GXV3674_FHD_VF"));
    }

    #[test]
    fn tls_subject_text() {
        let got = fields(
            K::TlsIssuer,
            include_str!("../testdata/bosch_x509_issuer.txt"),
        );
        assert_eq!(get(&got, f::TLS_ISSUER_CN), ["00-07-5f-11-11-11"]);
        assert_eq!(
            get(&got, f::TLS_ISSUER_O),
            ["Bosch Sicherheitssysteme GmbH"]
        );
        assert_eq!(get(&got, f::TLS_ISSUER_OU), ["ST-VS"]);
        let got = fields(
            K::TlsSubject,
            include_str!("../testdata/hp_x509_subject.txt"),
        );
        assert_eq!(get(&got, f::TLS_SUBJECT_OU), ["2C413883186A", "J8028E"]);
    }

    #[test]
    fn tls_certificate() {
        let got = fields(
            K::TlsCert,
            include_str!("../testdata/opensslgen_selfsigned_cert.pem"),
        );
        assert_eq!(get(&got, f::TLS_SUBJECT_O), ["Hikvision"]);
        assert_eq!(get(&got, f::TLS_SUBJECT_CN), ["192.168.1.64"]);
        assert_eq!(get(&got, f::TLS_ISSUER_OU), ["IPC"]);
        assert_eq!(get(&got, f::TLS_SAN), ["ipc.local", "192.168.1.64"]);
        // Bare base64 DER works too.
        let pem = include_str!("../testdata/opensslgen_selfsigned_cert.pem");
        let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        assert_eq!(fields(K::TlsCert, &b64), got);
    }

    #[test]
    fn isapi_device_info_sniffed_from_any_path() {
        let body = include_str!("../testdata/hikvision_isapi_deviceinfo.xml");
        let got =
            extract(&Observation::new(K::HttpBody, body).with_path("/some/other/path")).unwrap();
        assert_eq!(get(&got, f::XML_ROOT), ["DeviceInfo"]);
        assert_eq!(get(&got, f::DEVICE_MODEL), ["DS-K1A340FWX"]);
        assert_eq!(
            get(&got, f::DEVICE_SERIAL),
            ["DS-K1A340FWX20240102V010207ENJ59360966"]
        );
        assert_eq!(get(&got, f::DEVICE_MAC), ["40:24:b2:e7:46:04"]);
        assert_eq!(get(&got, f::DEVICE_FIRMWARE), ["V1.2.7"]);
        assert_eq!(get(&got, f::DEVICE_TYPE), ["ACS"]);
        assert_eq!(get(&got, f::HTTP_PATH), ["/some/other/path"]);
        assert_eq!(get(&got, f::HTTP_BODY).len(), 1);
    }

    #[test]
    fn raw_http_response_with_chunked_isapi_body() {
        let body = include_str!("../testdata/hikvision_isapi_deviceinfo.xml");
        let mut raw = String::from(
            "HTTP/1.1 200 OK\r\nServer: App-webs/\r\nTransfer-Encoding: chunked\r\nX-Frame-Options: SAMEORIGIN\r\nSet-Cookie: WebSession=abc; path=/\r\n\r\n",
        );
        for chunk in body.as_bytes().chunks(100) {
            raw.push_str(&format!(
                "{:x}\r\n{}\r\n",
                chunk.len(),
                std::str::from_utf8(chunk).unwrap()
            ));
        }
        raw.push_str("0\r\n\r\n");
        let got = fields(K::HttpResponse, &raw);
        assert_eq!(get(&got, f::HTTP_STATUS), ["200"]);
        assert_eq!(get(&got, f::HTTP_SERVER), ["App-webs/"]);
        assert_eq!(get(&got, f::HTTP_SET_COOKIE), ["WebSession=abc; path=/"]);
        assert_eq!(get(&got, "http.header.x-frame-options"), ["SAMEORIGIN"]);
        assert_eq!(get(&got, f::DEVICE_MODEL), ["DS-K1A340FWX"]);
    }

    #[test]
    fn http_401_html_title_and_realm() {
        let raw = "HTTP/1.0 401 Unauthorized\nWWW-Authenticate: Basic realm=\"index.html\"\nContent-Type: text/html\n\n<HTML><HEAD><TITLE>401 Unauthorized</TITLE></HEAD></HTML>";
        let got = fields(K::HttpResponse, raw);
        assert_eq!(get(&got, f::HTTP_REALM), ["index.html"]);
        assert_eq!(get(&got, f::HTTP_TITLE), ["401 Unauthorized"]);
        assert!(get(&got, "http.header.content-type").contains(&"text/html"));
    }

    #[test]
    fn dahua_cgi_and_axis_json_bodies() {
        let got = fields(
            K::HttpBody,
            include_str!("../testdata/dahua_magicbox_getsysteminfo.txt"),
        );
        assert_eq!(get(&got, f::DEVICE_MODEL), ["IPC-HDW5831R-ZE"]);
        assert_eq!(get(&got, f::DEVICE_SERIAL), ["4X7C5A1ZAG21L3F"]);
        assert_eq!(get(&got, f::DEVICE_HARDWARE), ["1.00"]);
        let got = fields(
            K::HttpBody,
            "version=2.800.0000016.0.R,build:2020-06-09\r\n",
        );
        assert_eq!(
            get(&got, f::DEVICE_FIRMWARE),
            ["2.800.0000016.0.R,build:2020-06-09"]
        );
        let got = fields(
            K::HttpBody,
            include_str!("../testdata/axis_basicdeviceinfo.json"),
        );
        assert_eq!(get(&got, f::DEVICE_MANUFACTURER), ["AXIS"]);
        assert_eq!(get(&got, f::DEVICE_MODEL), ["M1065-LW"]);
        assert_eq!(get(&got, f::DEVICE_FIRMWARE), ["9.80.1"]);
    }

    #[test]
    fn onvif_device_information_and_wsd() {
        let got = fields(
            K::OnvifResponse,
            include_str!("../testdata/dahua_onvif_getdeviceinformation.xml"),
        );
        assert_eq!(
            get(&got, f::ONVIF_OPERATION),
            ["GetDeviceInformationResponse"]
        );
        assert_eq!(get(&got, f::DEVICE_MANUFACTURER), ["Dahua"]);
        assert_eq!(get(&got, f::DEVICE_MODEL), ["DH-2H3400-ADP"]);
        assert_eq!(get(&got, f::DEVICE_SERIAL), ["BA07995PHA29A85"]);
        assert_eq!(get(&got, f::DEVICE_HARDWARE), ["1.00"]);
        let got = fields(
            K::WsdProbeMatch,
            include_str!("../testdata/hikvision_wsd_probematch.xml"),
        );
        assert_eq!(get(&got, f::ONVIF_SCOPE).len(), 8);
        assert_eq!(get(&got, f::ONVIF_SCOPE_HARDWARE), ["DS-2CD2385G1-I"]);
        assert_eq!(get(&got, f::ONVIF_SCOPE_NAME), ["HIKVISION DS-2CD2385G1-I"]);
        assert_eq!(get(&got, "onvif.scope.mac"), ["58:50:ed:1f:e3:85"]);
        assert_eq!(get(&got, "onvif.scope.location"), ["city/hangzhou"]);
        assert_eq!(get(&got, f::ONVIF_XADDR).len(), 2);
        assert_eq!(
            get(&got, f::WSD_TYPES),
            ["dn:NetworkVideoTransmitter", "tds:Device"]
        );
        let got = fields(
            K::OnvifResponse,
            include_str!("../testdata/dahua_onvif_streamuri.xml"),
        );
        assert_eq!(get(&got, f::ONVIF_STREAM_URI).len(), 1);
    }

    #[test]
    fn rtsp_and_sdp() {
        let got = fields(
            K::RtspResponse,
            include_str!("../testdata/axis_rtsp_401.txt"),
        );
        assert_eq!(get(&got, f::RTSP_STATUS), ["401"]);
        assert_eq!(get(&got, f::RTSP_SERVER), ["GStreamer RTSP server"]);
        assert_eq!(get(&got, f::RTSP_REALM), ["AXIS_ACCC8E012345"]);
        let got = fields(
            K::RtspResponse,
            include_str!("../testdata/dahua_rtsp_describe.txt"),
        );
        assert_eq!(get(&got, f::SDP_SESSION), ["Media Server"]);
        assert!(get(&got, f::SDP_CONTROL).contains(&"trackID=0"));
        let got = fields(K::RtspSdp, include_str!("../testdata/reolink_describe.sdp"));
        assert_eq!(
            get(&got, f::SDP_TOOL),
            ["BC Streaming Media v202210012022.10.01"]
        );
        let got = fields(
            K::RtspResponse,
            include_str!("../testdata/hikvision_rtsp_setup.txt"),
        );
        assert_eq!(get(&got, f::RTSP_STATUS), ["200"]);
    }

    #[test]
    fn discovery_replies() {
        let mut dhip = crate::dhip::MAGIC.to_vec();
        dhip.extend_from_slice(&[
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xa3, 0x03, 0, 0,
        ]);
        dhip.extend_from_slice(&[0u8; 12]);
        dhip.extend_from_slice(include_bytes!("../testdata/dahua_dhip_notifydevinfo.json"));
        let got = fields(K::DhipReply, &String::from_utf8_lossy(&dhip));
        assert_eq!(get(&got, f::DEVICE_MODEL), ["IPC-HDW5421S"]);
        assert_eq!(get(&got, f::DEVICE_MAC), ["4c:11:bf:c2:0b:9d"]);
        assert_eq!(get(&got, f::DEVICE_VENDOR), ["Dahua"]);
        assert_eq!(get(&got, f::DHIP_DEVICE_CLASS), ["IPC"]);
        assert_eq!(get(&got, f::DEVICE_NAME), ["1F006E4PAX00075"]);
        let got = fields(
            K::DvripReply,
            include_str!("../testdata/xiongmai_dvrip_login.json"),
        );
        assert_eq!(get(&got, f::DEVICE_TYPE), ["HVR"]);
        let sadp = "<?xml version=\"1.0\" encoding=\"utf-8\"?><ProbeMatch><Uuid>x</Uuid><Types>inquiry</Types><DeviceType>1</DeviceType><DeviceDescription>DS-2CD2432F-IW</DeviceDescription><DeviceSN>DS-2CD2432F-IW20150101AAWR123456</DeviceSN><MAC>44-19-b6-aa-bb-cc</MAC><SoftwareVersion>V5.3.0build 150513</SoftwareVersion><DSPVersion>V5.0build 150327</DSPVersion></ProbeMatch>";
        let got = fields(K::SadpReply, sadp);
        assert_eq!(get(&got, f::DEVICE_MODEL), ["DS-2CD2432F-IW"]);
        assert_eq!(get(&got, f::DEVICE_MAC), ["44:19:b6:aa:bb:cc"]);
        assert_eq!(get(&got, f::DEVICE_BUILD), ["V5.0build 150327"]);
        assert_eq!(get(&got, f::SADP_DEVICE_TYPE), ["1"]);
    }

    #[test]
    fn snmp_object_ids_and_engine_ids() {
        let got = fields(K::SnmpSysObjectId, ".1.3.6.1.4.1.39165.1.1");
        assert_eq!(get(&got, f::SNMP_SYS_OBJECT_ID), [".1.3.6.1.4.1.39165.1.1"]);
        assert_eq!(get(&got, f::SNMP_ENTERPRISE), ["39165"]);
        let got = fields(K::SnmpSysObjectId, "1.3.6.1.2.1.1");
        assert!(
            get(&got, f::SNMP_ENTERPRISE).is_empty(),
            "not an enterprise arc"
        );
        // The engine ID of a captured Report (sharpsnmplib fixture, see snmp/tests.rs).
        let got = fields(K::SnmpEngineId, "800000090340f4ecf2b113");
        assert_eq!(get(&got, f::SNMP_ENGINE_ENTERPRISE), ["9"]);
        assert_eq!(get(&got, f::SNMP_ENGINE_FORMAT), ["mac"]);
        assert_eq!(get(&got, f::SNMP_ENGINE_DATA), ["40:f4:ec:f2:b1:13"]);
        assert_eq!(get(&got, f::DEVICE_MAC), ["40:f4:ec:f2:b1:13"]);
        let got = fields(K::SnmpEngineId, "80001F8880E9630000D61FF449");
        assert_eq!(get(&got, f::SNMP_ENGINE_ENTERPRISE), ["8072"]);
        assert_eq!(get(&got, f::SNMP_ENGINE_FORMAT), ["enterprise-128"]);
        assert!(get(&got, f::DEVICE_MAC).is_empty());
        for bad in ["", "zz", "800", "80000009"] {
            let obs = Observation::new(K::SnmpEngineId, bad);
            assert!(crate::extract(&obs).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn ssdp_and_upnp() {
        let got = fields(
            K::SsdpResponse,
            "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nLOCATION: http://192.168.1.64:49152/rootDesc.xml\r\nSERVER: Linux/3.0, UPnP/1.0, Portable SDK for UPnP devices/1.6.6\r\nST: upnp:rootdevice\r\nUSN: uuid:x::upnp:rootdevice\r\n\r\n",
        );
        assert_eq!(get(&got, f::SSDP_ST), ["upnp:rootdevice"]);
        assert_eq!(
            get(&got, f::SSDP_LOCATION),
            ["http://192.168.1.64:49152/rootDesc.xml"]
        );
        let xml = "<?xml version=\"1.0\"?><root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device><deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType><friendlyName>HG8245Q2</friendlyName><manufacturer>Huawei Technologies</manufacturer><modelName>HG8245Q2</modelName><modelNumber>V3</modelNumber></device></root>";
        let got = fields(K::SsdpResponse, xml);
        assert_eq!(get(&got, f::DEVICE_MANUFACTURER), ["Huawei Technologies"]);
        assert_eq!(get(&got, f::DEVICE_MODEL), ["HG8245Q2", "V3"]);
        assert_eq!(get(&got, f::DEVICE_NAME), ["HG8245Q2"]);
    }

    #[test]
    fn oversized_and_hostile_input_is_a_typed_error() {
        let big = "a".repeat(crate::MAX_INPUT + 1);
        for kind in K::ALL {
            assert!(
                matches!(
                    extract(&Observation::new(kind, big.clone())),
                    Err(ParseError::TooLarge { .. })
                ),
                "{kind}"
            );
        }
        let bomb = format!(
            "<!DOCTYPE s [<!ENTITY a \"{}\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><Envelope><Body><Fault><Reason><Text>&b;</Text></Reason></Fault></Body></Envelope>",
            "x".repeat(1000)
        );
        let got = fields(K::OnvifResponse, &bomb);
        assert_eq!(get(&got, f::ONVIF_FAULT), ["&b;"]);
        let deep = format!("<Envelope>{}", "<a>".repeat(100_000));
        assert!(matches!(
            extract(&Observation::new(K::OnvifResponse, deep)),
            Err(ParseError::LimitExceeded { .. })
        ));
    }
}
