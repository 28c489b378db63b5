//! Sans-I/O parsers of device answers (ISAPI, Dahua CGI, ONVIF, WS-Discovery, SADP, DHIP, DVR-IP, RTSP/SDP, SSDP/UPnP, HTTP, TLS certificates) into canonical fields.
