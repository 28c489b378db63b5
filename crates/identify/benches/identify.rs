//! Throughput of `Engine::identify` on a realistic mix of observations (headers, titles, MACs,
//! SDP bodies, certificate subjects, ISAPI/ONVIF/Dahua bodies, banners), grouped six to a device.
//! `cargo bench -p camsweep-identify --bench identify`

use camsweep_identify::Engine;
use camsweep_kb::KnowledgeBase;
use camsweep_model::{Observation, ObservationKind as K};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn devices() -> Vec<Vec<Observation>> {
    let o = Observation::new;
    vec![
        vec![
            o(K::Mac, "04:03:12:aa:bb:cc"),
            o(K::HttpServer, "App-webs/"),
            o(K::HttpTitle, "index"),
            o(K::HttpWwwAuthenticate, r#"Digest realm="IP Camera(C1234)", nonce="abc""#),
            o(K::HttpBody, r#"<?xml version="1.0" encoding="UTF-8"?><DeviceInfo version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema"><deviceName>IP CAMERA</deviceName><model>DS-2CD2143G2-I</model><serialNumber>DS-2CD2143G2-I20210101AAWRG12345678</serialNumber><firmwareVersion>V5.7.3</firmwareVersion><deviceType>IPCamera</deviceType></DeviceInfo>"#).with_path("/ISAPI/System/deviceInfo"),
            o(K::RtspSdp, "v=0\no=- 1109162014219182 0 IN IP4 0.0.0.0\ns=HIK Media Server V3.1.3\ni=HIK Media Server Session Description : standard\nt=0 0\na=control:*\nm=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\na=control:trackID=video\n"),
        ],
        vec![
            o(K::Mac, "08:ed:ed:11:22:33"),
            o(K::HttpWwwAuthenticate, r#"Digest realm="Login to 7K02D8APAZ1C3F9", qop="auth", nonce="1""#),
            o(K::HttpBody, "deviceType=IPC-HDW5831R-ZE\nhardwareVersion=1.00\nprocessor=S3LM\nserialNumber=4X7C5A1ZAG21L3F\nupdateSerial=IPC-HDW5830R-Z\n").with_path("/cgi-bin/magicBox.cgi?action=getSystemInfo"),
            o(K::RtspSdp, "v=0\no=- 2253040596 2253040596 IN IP4 0.0.0.0\ns=Media Server\nc=IN IP4 0.0.0.0\nt=0 0\na=control:*\na=packetization-supported:DH\na=rtppayload-supported:DH\nm=video 0 RTP/AVP 98\na=control:trackID=0\n"),
            o(K::TlsSubject, "C=CN, ST=ZheJiang, L=HangZhou, O=Dahua, CN=IPC"),
            o(K::HttpServer, "nginx"),
        ],
        vec![
            o(K::Mac, "ac:cc:8e:a3:1a:bf"),
            o(K::HttpWwwAuthenticate, r#"Digest realm="AXIS_ACCC8E012345", nonce="1""#),
            o(K::HttpTitle, "AXIS P1448-LE Network Camera"),
            o(K::FtpBanner, "AXIS P1448-LE Network Camera 10.12.1 (2022) ready."),
            o(K::SshBanner, "SSH-2.0-OpenSSH_8.4"),
            o(K::HttpServer, "Apache"),
        ],
        vec![
            o(K::Mac, "b8:27:eb:00:11:22"),
            o(K::SshBanner, "SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.1"),
            o(K::HttpServer, "nginx/1.18.0 (Ubuntu)"),
            o(K::HttpTitle, "Welcome to nginx!"),
            o(K::TlsSubject, "CN=server.example.org"),
            o(K::FtpBanner, "ProFTPD 1.3.6 Server (Debian) [host]"),
        ],
        vec![
            o(K::HttpServer, "uc-httpd 1.0.0"),
            o(K::RtspServer, "H264DVR 1.0"),
            o(K::DvripReply, r#"{"AliveInterval": 21, "ChannelNum": 32, "DataUseAES": false, "DeviceType ": "HVR", "ExtraChannel": 1, "Ret": 100, "SessionID": "0x00000051"}"#),
            o(K::HttpTitle, "NETSurveillance WEB"),
            o(K::TelnetBanner, "LocalHost login:"),
            o(K::Mac, "00:12:41:aa:bb:cc"),
        ],
        vec![
            o(K::OnvifResponse, r#"<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><s:Body><tds:GetDeviceInformationResponse><tds:Manufacturer>Uniview</tds:Manufacturer><tds:Model>IPC322LB-SF28-A</tds:Model><tds:FirmwareVersion>IPC_G6103-B0008P60D1907</tds:FirmwareVersion><tds:SerialNumber>210235C3EV3200000123</tds:SerialNumber><tds:HardwareId>B</tds:HardwareId></tds:GetDeviceInformationResponse></s:Body></s:Envelope>"#),
            o(K::RtspSdp, "v=0\no=- 1001 1 IN\ns=VCP IPC Realtime stream\nm=video 0 RTP/AVP 105\na=control:rtsp://1.0.1.113/media/video1/video\n"),
            o(K::HttpServer, "Boa/0.94.14rc18-ipcam"),
            o(K::Mac, "6c:f1:7e:00:00:01"),
            o(K::HttpTitle, "Web Client"),
            o(K::RtspServer, "Rtsp Server/2.0"),
        ],
    ]
}

fn bench(c: &mut Criterion) {
    let kb = KnowledgeBase::embedded().expect("embedded KB");
    let engine = Engine::new(&kb).expect("rules compile");
    let devices = devices();
    let observations: usize = devices.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("identify");
    group.throughput(Throughput::Elements(observations as u64));
    group.bench_function("realistic_mix_36_observations_6_devices", |b| {
        b.iter(|| {
            for device in &devices {
                std::hint::black_box(engine.identify(std::hint::black_box(device)));
            }
        })
    });
    group.finish();
    c.bench_function("engine_new", |b| {
        b.iter(|| std::hint::black_box(Engine::new(&kb).expect("rules compile")))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
