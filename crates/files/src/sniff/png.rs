//! PNG: the signature, then the IHDR chunk, which the format requires first.

use super::{Dimensions, Refusal, be_u32, checked_dimensions};

pub(super) const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

const IHDR_LENGTH: u32 = 13;
/// Signature, chunk length, chunk type, 13 data bytes and the CRC.
const HEADER_END: usize = 8 + 4 + 4 + 13 + 4;

pub(super) fn parse(head: &[u8]) -> Result<Dimensions, Refusal> {
    let header = head.get(..HEADER_END).ok_or(Refusal::TruncatedHeader)?;
    let malformed = Refusal::InvalidHeader;
    if be_u32(header, 8) != Some(IHDR_LENGTH) || header.get(12..16) != Some(b"IHDR") {
        return Err(malformed);
    }
    let type_and_data = header.get(12..29).ok_or(malformed)?;
    if be_u32(header, 29) != Some(crc32fast::hash(type_and_data)) {
        return Err(malformed);
    }
    let field = |at: usize| header.get(at).copied().ok_or(malformed);
    let (bit_depth, colour_type) = (field(24)?, field(25)?);
    let (compression, filter, interlace) = (field(26)?, field(27)?, field(28)?);
    let depths: &[u8] = match colour_type {
        0 => &[1, 2, 4, 8, 16],
        3 => &[1, 2, 4, 8],
        2 | 4 | 6 => &[8, 16],
        _ => &[],
    };
    if !depths.contains(&bit_depth) || compression != 0 || filter != 0 || interlace > 1 {
        return Err(malformed);
    }
    let width = be_u32(header, 16).ok_or(malformed)?;
    let height = be_u32(header, 20).ok_or(malformed)?;
    checked_dimensions(width, height)
}
