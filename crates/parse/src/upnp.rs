//! UPnP device description XML (`rootDesc.xml`, `description.xml`...).

use crate::xml;
use crate::{MAX_INPUT, ParseError, error::check_len};

/// The root device of a UPnP description (embedded devices are ignored: the first occurrence of
/// each element, which is the root device's, is kept).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Description {
    /// `deviceType` URN.
    pub device_type: Option<String>,
    /// `friendlyName`.
    pub friendly_name: Option<String>,
    /// `manufacturer`.
    pub manufacturer: Option<String>,
    /// `manufacturerURL`.
    pub manufacturer_url: Option<String>,
    /// `modelDescription`.
    pub model_description: Option<String>,
    /// `modelName`.
    pub model_name: Option<String>,
    /// `modelNumber`.
    pub model_number: Option<String>,
    /// `serialNumber`.
    pub serial_number: Option<String>,
    /// `UDN`.
    pub udn: Option<String>,
    /// `presentationURL`.
    pub presentation_url: Option<String>,
}

/// Parses a UPnP device description. The root element must be `root` (any namespace).
pub fn parse_description(input: &str) -> Result<Description, ParseError> {
    const WHAT: &str = "UPnP description";
    check_len(WHAT, input.as_bytes(), MAX_INPUT)?;
    let (root, found) = xml::first_leaves(
        WHAT,
        input,
        [
            "deviceType",
            "friendlyName",
            "manufacturer",
            "manufacturerURL",
            "modelDescription",
            "modelName",
            "modelNumber",
            "serialNumber",
            "UDN",
            "presentationURL",
        ],
    )?;
    if root.as_deref() != Some("root") {
        return Err(ParseError::Malformed {
            what: WHAT,
            expected: "a <root> element",
            offset: None,
        });
    }
    let [
        device_type,
        friendly_name,
        manufacturer,
        manufacturer_url,
        model_description,
        model_name,
        model_number,
        serial_number,
        udn,
        presentation_url,
    ] = found;
    Ok(Description {
        device_type,
        friendly_name,
        manufacturer,
        manufacturer_url,
        model_description,
        model_name,
        model_number,
        serial_number,
        udn,
        presentation_url,
    })
}
