//! Throughput of `extract` over a realistic mix of observations: mostly short header and banner
//! values (what a scan produces most), some bodies, SDP, SOAP and discovery replies.

use std::hint::black_box;

use camsweep_model::{Observation, ObservationKind as K};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn mix() -> Vec<Observation> {
    let mut dhip = camsweep_parse::dhip::MAGIC.to_vec();
    dhip.extend_from_slice(&[0u8; 24]);
    dhip.extend_from_slice(include_bytes!("../testdata/dahua_dhip_notifydevinfo.json"));
    let dhip = String::from_utf8_lossy(&dhip).into_owned();
    let weighted: Vec<(usize, K, &str)> = vec![
        (10, K::HttpServer, "App-webs/"),
        (
            6,
            K::HttpWwwAuthenticate,
            r#"Digest qop="auth", realm="IP Camera(C6423)", nonce="4e5468694e7a", stale="FALSE""#,
        ),
        (6, K::HttpTitle, "  WEB SERVICE "),
        (8, K::Mac, "44-19-B6-AA-BB-CC"),
        (5, K::RtspServer, "Hikvision RTSP Server"),
        (4, K::SshBanner, "SSH-2.0-dropbear_2019.78"),
        (
            3,
            K::TelnetBanner,
            include_str!("../testdata/grandstream_telnet_banner.txt"),
        ),
        (3, K::FtpBanner, "220 DVR FTP server ready"),
        (
            3,
            K::TlsSubject,
            include_str!("../testdata/hp_x509_subject.txt"),
        ),
        (
            3,
            K::HttpResponse,
            "HTTP/1.1 401 Unauthorized\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\nServer: App-webs/\r\nContent-Length: 178\r\nContent-Type: text/html\r\nConnection: close\r\nWWW-Authenticate: Digest qop=\"auth\", realm=\"IP Camera(C6423)\", nonce=\"4e54\", stale=\"FALSE\"\r\n\r\n<!DOCTYPE html>\r\n<html><head><title>Document Error: Unauthorized</title></head><body><h2>Access Error: 401 -- Unauthorized</h2><p>Authentication Error</p></body></html>",
        ),
        (
            2,
            K::HttpBody,
            include_str!("../testdata/hikvision_isapi_deviceinfo.xml"),
        ),
        (
            2,
            K::HttpBody,
            include_str!("../testdata/dahua_magicbox_getsysteminfo.txt"),
        ),
        (
            2,
            K::RtspResponse,
            include_str!("../testdata/dahua_rtsp_describe.txt"),
        ),
        (
            2,
            K::OnvifResponse,
            include_str!("../testdata/dahua_onvif_getdeviceinformation.xml"),
        ),
        (
            2,
            K::WsdProbeMatch,
            include_str!("../testdata/hikvision_wsd_probematch.xml"),
        ),
        (1, K::DhipReply, &dhip),
        (
            1,
            K::DvripReply,
            include_str!("../testdata/xiongmai_dvrip_login.json"),
        ),
        (
            1,
            K::RtspSdp,
            include_str!("../testdata/reolink_describe.sdp"),
        ),
        (
            1,
            K::TlsCert,
            include_str!("../testdata/opensslgen_selfsigned_cert.pem"),
        ),
    ];
    let mut out = Vec::new();
    for (weight, kind, value) in weighted {
        for _ in 0..weight {
            out.push(Observation::new(kind, value));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let observations = mix();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(observations.len() as u64));
    group.bench_function("realistic_mix", |b| {
        b.iter(|| {
            for obs in &observations {
                black_box(camsweep_parse::extract(black_box(obs)).ok());
            }
        })
    });
    group.finish();
    let mut group = c.benchmark_group("extract_one");
    for (name, kind, value) in [
        ("http_server", K::HttpServer, "App-webs/"),
        (
            "isapi_body",
            K::HttpBody,
            include_str!("../testdata/hikvision_isapi_deviceinfo.xml"),
        ),
        (
            "wsd_probe_match",
            K::WsdProbeMatch,
            include_str!("../testdata/hikvision_wsd_probematch.xml"),
        ),
        (
            "rtsp_describe",
            K::RtspResponse,
            include_str!("../testdata/dahua_rtsp_describe.txt"),
        ),
        (
            "tls_cert",
            K::TlsCert,
            include_str!("../testdata/opensslgen_selfsigned_cert.pem"),
        ),
    ] {
        let obs = Observation::new(kind, value);
        group.throughput(Throughput::Elements(1));
        group.bench_function(name, |b| {
            b.iter(|| black_box(camsweep_parse::extract(black_box(&obs)).ok()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
