//! JPEG: the SOI marker, then the marker segments up to the frame header
//! (SOFn), which declares the image's size.

use super::{Dimensions, Refusal, be_u16, checked_dimensions};

pub(super) const SIGNATURE: &[u8] = &[0xFF, 0xD8, 0xFF];

/// `whole_file`: `head` is the entire file, so running out of bytes means
/// the file is cut short rather than the header lying past the window.
pub(super) fn parse(head: &[u8], whole_file: bool) -> Result<Dimensions, Refusal> {
    let ran_out = if whole_file {
        Refusal::TruncatedHeader
    } else {
        Refusal::HeaderBeyondWindow
    };
    let mut at = 2;
    loop {
        match head.get(at) {
            None => return Err(ran_out),
            Some(0xFF) => {}
            Some(_) => return Err(Refusal::InvalidHeader),
        }
        while head.get(at) == Some(&0xFF) {
            at += 1;
        }
        let code = *head.get(at).ok_or(ran_out)?;
        at += 1;
        match code {
            0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                return frame_header(head, at, ran_out);
            }
            0x01 | 0xD0..=0xD7 => {}
            // Stuffed zero, a second SOI, EOI or scan data before any frame header.
            0x00 | 0xD8 | 0xD9 | 0xDA => return Err(Refusal::InvalidHeader),
            _ => {
                let length = be_u16(head, at).ok_or(ran_out)?;
                if length < 2 {
                    return Err(Refusal::InvalidHeader);
                }
                at += usize::from(length);
            }
        }
    }
}

/// `at` is just past the SOFn marker: length, precision, height, width,
/// component count, then three bytes per component.
fn frame_header(head: &[u8], at: usize, ran_out: Refusal) -> Result<Dimensions, Refusal> {
    let length = usize::from(be_u16(head, at).ok_or(ran_out)?);
    let precision = *head.get(at + 2).ok_or(ran_out)?;
    let height = be_u16(head, at + 3).ok_or(ran_out)?;
    let width = be_u16(head, at + 5).ok_or(ran_out)?;
    let components = *head.get(at + 7).ok_or(ran_out)?;
    if !(2..=16).contains(&precision)
        || !(1..=4).contains(&components)
        || length != 8 + 3 * usize::from(components)
    {
        return Err(Refusal::InvalidHeader);
    }
    head.get(at..at + length).ok_or(ran_out)?;
    checked_dimensions(u32::from(width), u32::from(height))
}
