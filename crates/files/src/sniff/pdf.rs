//! PDF: the version line at the start, and `%%EOF` at the end.

use super::{PdfVersion, Refusal};

pub(super) const SIGNATURE: &[u8] = b"%PDF-";

/// How far from the end `%%EOF` may be: the distance PDF readers search.
pub const PDF_TAIL_WINDOW: usize = 1024;

/// Accepts `%PDF-1.0` to `%PDF-1.7` and `%PDF-2.0`, ending the line or
/// followed by a space.
pub(super) fn parse(head: &[u8]) -> Result<PdfVersion, Refusal> {
    let line = head
        .get(..SIGNATURE.len() + 4)
        .ok_or(Refusal::TruncatedHeader)?;
    let version = match line.get(SIGNATURE.len()..) {
        Some([major @ b'1', b'.', minor @ b'0'..=b'7', end])
        | Some([major @ b'2', b'.', minor @ b'0', end])
            if matches!(end, b'\r' | b'\n' | b' ' | b'\t') =>
        {
            PdfVersion {
                major: major - b'0',
                minor: minor - b'0',
            }
        }
        _ => return Err(Refusal::InvalidHeader),
    };
    Ok(version)
}

/// Checks a PDF's last bytes (at least [`PDF_TAIL_WINDOW`] of them, or the
/// whole file) for the `%%EOF` that ends every complete PDF.
pub fn check_pdf_tail(tail: &[u8]) -> Result<(), Refusal> {
    let tail = &tail[tail.len().saturating_sub(PDF_TAIL_WINDOW)..];
    if tail.windows(5).any(|window| window == b"%%EOF") {
        Ok(())
    } else {
        Err(Refusal::MissingEof)
    }
}
