//! Recognising an upload by its content alone: the file's name and the
//! Content-Type its sender claimed are never looked at.
//!
//! [`sniff`] reads the first [`SNIFF_WINDOW`] bytes and either names the
//! format with the facts of its header, or refuses with a [`Refusal`].
//!
//! # The polyglot rule
//!
//! A file is accepted only if
//! 1. it starts at byte 0 with its format's signature (`%PDF-`, the 8-byte
//!    PNG signature, or JPEG's `FF D8 FF`), and
//! 2. the sniff window holds no marker that another reader would act on:
//!    `%PDF-` (except at byte 0 of a PDF), the PNG signature (except at byte
//!    0 of a PNG), or, in any letter case, `<script`, `<html` or
//!    `<!doctype html`.
//!
//! PDF readers look for `%PDF-` anywhere in the first kilobyte and browsers
//! sniff HTML, so a file carrying either is refused as [`Refusal::Polyglot`]
//! whatever it starts with. JPEG's 3-byte start is not searched for: scanned
//! PDFs embed JPEG images, and three bytes occur by chance in compressed data.

mod jpeg;
mod pdf;
mod png;
mod polyglot;

pub use pdf::{PDF_TAIL_WINDOW, check_pdf_tail};

/// How many leading bytes [`sniff`] examines.
pub const SNIFF_WINDOW: usize = 64 * 1024;
/// The largest width or height accepted for an image, in pixels.
pub const MAX_SIDE: u32 = 10_000;
/// The largest image accepted, in pixels (width × height).
pub const MAX_PIXELS: u64 = 50_000_000;

/// An accepted format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Pdf,
    Jpeg,
    Png,
}

impl Kind {
    /// Stable lowercase name: `pdf`, `jpeg` or `png`.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Jpeg => "jpeg",
            Kind::Png => "png",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Kind::Pdf => "application/pdf",
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Jpeg => "jpg",
            Kind::Png => "png",
        }
    }
}

/// An image's size as its header declares it, within [`MAX_SIDE`] and [`MAX_PIXELS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dimensions {
    pub width: u32,
    pub height: u32,
}

/// The version on a PDF's first line, e.g. 1.7.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfVersion {
    pub major: u8,
    pub minor: u8,
}

/// What [`sniff`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sniffed {
    pub kind: Kind,
    /// Set for images.
    pub dimensions: Option<Dimensions>,
    /// Set for PDFs.
    pub pdf_version: Option<PdfVersion>,
}

/// Why a file is refused. [`Refusal::code`] is stable: callers may store it
/// and show a message chosen by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// `empty`: the file has no bytes.
    #[error("the file is empty")]
    Empty,
    /// `unknown-format`: it does not start as a PDF, a JPEG or a PNG.
    #[error("the file is not a PDF, JPEG or PNG")]
    UnknownFormat,
    /// `truncated-header`: it starts as one of them but ends before its header does.
    #[error("the file ends before its header is complete")]
    TruncatedHeader,
    /// `invalid-header`: the header is malformed (bad length, checksum, version or marker).
    #[error("the file's header is malformed")]
    InvalidHeader,
    /// `header-beyond-window`: a JPEG whose frame header is not within the first [`SNIFF_WINDOW`] bytes.
    #[error("the image's size is not declared near the start of the file")]
    HeaderBeyondWindow,
    /// `absurd-dimensions`: an image side is 0 or over [`MAX_SIDE`], or the
    /// image is over [`MAX_PIXELS`]. Refused without decoding the image.
    #[error("the image declares an impossible size ({width}×{height})")]
    AbsurdDimensions { width: u32, height: u32 },
    /// `polyglot`: the file also carries another format's marker (see the module's rule).
    #[error("the file also contains a {found} marker")]
    Polyglot { found: &'static str },
    /// `too-large`: the file is over the limit, in bytes.
    #[error("the file is larger than {limit} bytes")]
    TooLarge { limit: u64 },
    /// `missing-eof`: a PDF without `%%EOF` in its last [`PDF_TAIL_WINDOW`] bytes, as when cut short.
    #[error("the PDF does not end with %%EOF; it may be cut short")]
    MissingEof,
}

impl Refusal {
    /// The stable code, as documented on each variant.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Empty => "empty",
            Refusal::UnknownFormat => "unknown-format",
            Refusal::TruncatedHeader => "truncated-header",
            Refusal::InvalidHeader => "invalid-header",
            Refusal::HeaderBeyondWindow => "header-beyond-window",
            Refusal::AbsurdDimensions { .. } => "absurd-dimensions",
            Refusal::Polyglot { .. } => "polyglot",
            Refusal::TooLarge { .. } => "too-large",
            Refusal::MissingEof => "missing-eof",
        }
    }
}

/// Recognises a file from its first bytes: pass the first [`SNIFF_WINDOW`]
/// bytes, or the whole file if it is shorter. Bytes past the window are ignored.
pub fn sniff(head: &[u8]) -> Result<Sniffed, Refusal> {
    let head = &head[..head.len().min(SNIFF_WINDOW)];
    if head.is_empty() {
        return Err(Refusal::Empty);
    }
    let whole_file = head.len() < SNIFF_WINDOW;
    let sniffed = if head.starts_with(png::SIGNATURE) {
        image(Kind::Png, png::parse(head)?)
    } else if head.starts_with(jpeg::SIGNATURE) {
        image(Kind::Jpeg, jpeg::parse(head, whole_file)?)
    } else if head.starts_with(pdf::SIGNATURE) {
        Sniffed {
            kind: Kind::Pdf,
            dimensions: None,
            pdf_version: Some(pdf::parse(head)?),
        }
    } else {
        return Err(unrecognised(head));
    };
    polyglot::check(head, sniffed.kind)?;
    Ok(sniffed)
}

fn image(kind: Kind, dimensions: Dimensions) -> Sniffed {
    Sniffed {
        kind,
        dimensions: Some(dimensions),
        pdf_version: None,
    }
}

fn unrecognised(head: &[u8]) -> Refusal {
    if let Some(found) = polyglot::hidden_document(head) {
        return Refusal::Polyglot { found };
    }
    let signatures: [&[u8]; 3] = [png::SIGNATURE, jpeg::SIGNATURE, pdf::SIGNATURE];
    if signatures
        .iter()
        .any(|signature| signature.starts_with(head))
    {
        Refusal::TruncatedHeader
    } else {
        Refusal::UnknownFormat
    }
}

fn checked_dimensions(width: u32, height: u32) -> Result<Dimensions, Refusal> {
    let sides = 1..=MAX_SIDE;
    if sides.contains(&width)
        && sides.contains(&height)
        && u64::from(width) * u64::from(height) <= MAX_PIXELS
    {
        Ok(Dimensions { width, height })
    } else {
        Err(Refusal::AbsurdDimensions { width, height })
    }
}

fn be_u16(bytes: &[u8], at: usize) -> Option<u16> {
    let pair: [u8; 2] = bytes.get(at..at.checked_add(2)?)?.try_into().ok()?;
    Some(u16::from_be_bytes(pair))
}

fn be_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let quad: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_be_bytes(quad))
}

#[cfg(test)]
mod tests;
