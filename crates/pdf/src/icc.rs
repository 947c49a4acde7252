//! A minimal ICC (version 2) monochrome display profile, grey with a 2.2
//! gamma: the PDF/A output intent for a document drawn only in DeviceGray.

/// The D50 illuminant as s15Fixed16 X, Y, Z, which ICC uses for the PCS and
/// for a display's white point after chromatic adaptation.
const D50: [u32; 3] = [0x0000_F6D6, 0x0001_0000, 0x0000_D32D];

fn tag_description(text: &str) -> Vec<u8> {
    let mut tag = b"desc\0\0\0\0".to_vec();
    let ascii = format!("{text}\0");
    tag.extend_from_slice(&u32_len(ascii.len()).to_be_bytes());
    tag.extend_from_slice(ascii.as_bytes());
    // No Unicode description (language 0, count 0), no ScriptCode one
    // (code 0, count 0, 67 bytes reserved).
    tag.extend_from_slice(&[0; 8]);
    tag.extend_from_slice(&[0; 3]);
    tag.extend_from_slice(&[0; 67]);
    tag
}

fn tag_text(text: &str) -> Vec<u8> {
    let mut tag = b"text\0\0\0\0".to_vec();
    tag.extend_from_slice(text.as_bytes());
    tag.push(0);
    tag
}

fn tag_white_point() -> Vec<u8> {
    let mut tag = b"XYZ \0\0\0\0".to_vec();
    for value in D50 {
        tag.extend_from_slice(&value.to_be_bytes());
    }
    tag
}

fn tag_gamma() -> Vec<u8> {
    let mut tag = b"curv\0\0\0\0".to_vec();
    tag.extend_from_slice(&1u32.to_be_bytes());
    // u8Fixed8 2.2 (0x0233 = 2 + 51/256).
    tag.extend_from_slice(&0x0233u16.to_be_bytes());
    tag
}

fn u32_len(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

fn pad4(bytes: &mut Vec<u8>) {
    while !bytes.len().is_multiple_of(4) {
        bytes.push(0);
    }
}

fn header(size: u32) -> Vec<u8> {
    let mut header = Vec::with_capacity(128);
    header.extend_from_slice(&size.to_be_bytes());
    header.extend_from_slice(&[0; 4]);
    header.extend_from_slice(&0x0210_0000u32.to_be_bytes());
    header.extend_from_slice(b"mntrGRAYXYZ ");
    // Creation date: 2026-01-01 00:00:00.
    for part in [2026u16, 1, 1, 0, 0, 0] {
        header.extend_from_slice(&part.to_be_bytes());
    }
    header.extend_from_slice(b"acsp");
    // Platform, flags, manufacturer, model, attributes, rendering intent.
    header.extend_from_slice(&[0; 28]);
    for value in D50 {
        header.extend_from_slice(&value.to_be_bytes());
    }
    header.resize(128, 0);
    header
}

/// The profile's bytes.
pub(crate) fn gray_profile() -> Vec<u8> {
    let tags: [(&[u8; 4], Vec<u8>); 4] = [
        (b"desc", tag_description("Ghiseu grey, gamma 2.2")),
        (b"cprt", tag_text("No copyright, use freely")),
        (b"wtpt", tag_white_point()),
        (b"kTRC", tag_gamma()),
    ];
    let mut table = u32_len(tags.len()).to_be_bytes().to_vec();
    let mut data = Vec::new();
    let mut offset = 128 + 4 + 12 * tags.len();
    for (signature, mut body) in tags {
        let length = body.len();
        table.extend_from_slice(signature);
        table.extend_from_slice(&u32_len(offset).to_be_bytes());
        table.extend_from_slice(&u32_len(length).to_be_bytes());
        pad4(&mut body);
        offset += body.len();
        data.extend_from_slice(&body);
    }
    let mut profile = header(u32_len(offset));
    profile.extend_from_slice(&table);
    profile.extend_from_slice(&data);
    profile
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_profile_states_its_own_size_and_signature() {
        let profile = super::gray_profile();
        assert_eq!(profile.len() % 4, 0);
        assert_eq!(
            u32::from_be_bytes([profile[0], profile[1], profile[2], profile[3]]) as usize,
            profile.len()
        );
        assert_eq!(&profile[36..40], b"acsp");
    }
}
