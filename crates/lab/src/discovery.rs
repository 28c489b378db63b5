//! UDP discovery answers: SADP (37020), DHIP (37810), WS-Discovery (3702), SSDP (1900), SNMP
//! (161, in `snmp.rs`).
//! Each function takes the probe as received and returns the reply, or `None` when the probe is
//! not one the protocol answers (devices stay silent then).

use crate::auth::element_text;
use crate::device::Device;
use crate::profile::Discovery;

/// Largest probe read; larger datagrams are truncated by the socket and ignored here.
pub(crate) const MAX_PROBE: usize = 8 * 1024;

pub(crate) fn answer(device: &Device, port: u16, probe: &[u8]) -> Option<Vec<u8>> {
    let kind = device
        .profile
        .discovery
        .iter()
        .copied()
        .find(|d| d.port() == port)?;
    match kind {
        Discovery::Sadp => sadp(device, probe),
        Discovery::Dhip => dhip(device, probe),
        Discovery::WsDiscovery => {
            let onvif = device.profile.onvif.as_ref()?;
            let text = std::str::from_utf8(probe).ok()?;
            crate::onvif::probe_match(device, onvif, text).map(String::into_bytes)
        }
        Discovery::Ssdp => ssdp(device, probe),
        Discovery::Snmp => crate::snmp::answer(device, device.profile.snmp.as_ref()?, probe),
    }
}

/// SADP inquiry → ProbeMatch. Element names as parsed by public SADP tools
/// (cameronnewman/hikvision-tooling `internal/sadp`, hiktools `sadp`).
fn sadp(device: &Device, probe: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(probe).ok()?;
    let probe_body = element_text(text, "Probe")?;
    if element_text(probe_body, "Types")?.trim() != "inquiry" {
        return None;
    }
    let uuid = element_text(probe_body, "Uuid")
        .unwrap_or("")
        .trim()
        .to_owned();
    let sadp_type = device.profile.device_type_code();
    Some(
        device
            .render_with(
                r#"<?xml version="1.0" encoding="UTF-8"?><ProbeMatch><Uuid>{probe_uuid}</Uuid><Types>inquiry</Types><DeviceType>{sadp_type}</DeviceType><DeviceDescription>{model}</DeviceDescription><DeviceSN>{serial}</DeviceSN><CommandPort>8000</CommandPort><HttpPort>80</HttpPort><MAC>{mac_dash}</MAC><IPv4Address>{address}</IPv4Address><IPv4SubnetMask>255.255.0.0</IPv4SubnetMask><IPv4Gateway>0.0.0.0</IPv4Gateway><IPv6Address>::</IPv6Address><IPv6Gateway>::</IPv6Gateway><IPv6MaskLen>64</IPv6MaskLen><DHCP>false</DHCP><AnalogChannelNum>0</AnalogChannelNum><DigitalChannelNum>1</DigitalChannelNum><SoftwareVersion>{firmware}</SoftwareVersion><DSPVersion>V7.3 build 220112</DSPVersion><BootTime>2024-01-01 00:00:00</BootTime><Encrypt>true</Encrypt><ResetAbility>false</ResetAbility><DiskNumber>0</DiskNumber><Activated>true</Activated><PasswordResetAbility>true</PasswordResetAbility><PasswordResetModeSecond>true</PasswordResetModeSecond><DetailOEMCode>1</DetailOEMCode></ProbeMatch>"#,
                &[("probe_uuid", &uuid), ("sadp_type", sadp_type)],
            )
            .into_bytes(),
    )
}

/// DHIP header (32 bytes): `20 00 00 00 'DHIP'`, session id, request id, payload length,
/// reserved, payload length again, reserved (all u32 LE) as parsed by public Dahua discovery
/// tools (mcw0/DahuaConsole).
pub fn dhip_packet(payload: &[u8]) -> Vec<u8> {
    let len = (payload.len() as u32).to_le_bytes();
    let mut out = Vec::with_capacity(32 + payload.len());
    out.extend_from_slice(&[0x20, 0, 0, 0]);
    out.extend_from_slice(b"DHIP");
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(&len);
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&len);
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(payload);
    out
}

fn dhip(device: &Device, probe: &[u8]) -> Option<Vec<u8>> {
    let json_start = probe.iter().position(|b| *b == b'{')?;
    let request: serde_json::Value = serde_json::from_slice(&probe[json_start..]).ok()?;
    if request.get("method")?.as_str()? != "DHDiscover.search" {
        return None;
    }
    let class = device.profile.dhip_class();
    let payload = serde_json::json!({
        "mac": device.mac.clone().unwrap_or_default(),
        "method": "client.notifyDevInfo",
        "params": {
            "deviceInfo": {
                "AlarmInputChannels": 0,
                "DeviceClass": class,
                "DeviceType": device.model.clone().unwrap_or_default(),
                "HttpPort": 80,
                "IPv4Address": {
                    "DefaultGateway": "0.0.0.0",
                    "DhcpEnable": false,
                    "IPAddress": device.address.to_string(),
                    "SubnetMask": "255.255.0.0"
                },
                "Init": true,
                "MachineName": device.serial.clone().unwrap_or_default(),
                "Manufacturer": "Private",
                "Port": 37777,
                "SerialNo": device.serial.clone().unwrap_or_default(),
                "Vendor": "Private",
                "Version": device.firmware.clone().unwrap_or_default(),
                "VideoInputChannels": 1
            }
        }
    });
    Some(dhip_packet(payload.to_string().as_bytes()))
}

fn ssdp(device: &Device, probe: &[u8]) -> Option<Vec<u8>> {
    let ssdp = device.profile.ssdp.as_ref()?;
    let text = std::str::from_utf8(probe).ok()?;
    if !text.starts_with("M-SEARCH * HTTP/1.1") {
        return None;
    }
    let st = text
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case("ST")
                .then(|| v.trim().to_owned())
        })
        .unwrap_or_default();
    let wanted = device.render(&ssdp.st);
    if !(st == "ssdp:all" || st == "upnp:rootdevice" || st == wanted) {
        return None;
    }
    let reply_st = if st == "ssdp:all" { wanted.clone() } else { st };
    Some(
        format!(
            "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\nLOCATION: {}\r\nSERVER: {}\r\nST: {reply_st}\r\nUSN: uuid:{}::{reply_st}\r\n\r\n",
            device.render(&ssdp.location),
            device.render(&ssdp.server),
            device.render("{uuid}")
        )
        .into_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::DeviceSpec;

    #[test]
    fn dhip_header_carries_the_payload_length_twice() {
        let p = dhip_packet(b"{}");
        assert_eq!(&p[4..8], b"DHIP");
        assert_eq!(&p[16..20], &2u32.to_le_bytes());
        assert_eq!(&p[24..28], &2u32.to_le_bytes());
        assert_eq!(&p[32..], b"{}");
    }

    #[test]
    fn non_probes_get_no_answer() {
        let d = Device::resolve(&DeviceSpec::new(
            "127.77.0.9".parse().unwrap(),
            "hikvision-ipc-appwebs",
        ))
        .unwrap();
        assert!(answer(&d, 37020, b"garbage").is_none());
        assert!(answer(&d, 37020, b"<Probe><Types>update</Types></Probe>").is_none());
        assert!(answer(&d, 3702, b"<a/>").is_none());
        assert!(answer(&d, 9, b"x").is_none());
        let reply = answer(
            &d,
            37020,
            b"<Probe><Uuid>U1</Uuid><Types>inquiry</Types></Probe>",
        )
        .unwrap();
        let reply = String::from_utf8(reply).unwrap();
        assert!(reply.contains("<Uuid>U1</Uuid>"), "{reply}");
        assert!(
            reply.contains("<IPv4Address>127.77.0.9</IPv4Address>"),
            "{reply}"
        );
    }
}
