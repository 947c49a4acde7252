//! Ghiseu's issued certificates as PDF documents: [`render`] lays a
//! [`Certificate`] out as a PDF/A-2b file with embedded, subset DejaVu Sans
//! fonts, and [`sign`] adds a PAdES baseline-B signature to such a file as an
//! incremental update.
//!
//! The crate knows nothing of languages or of the data behind a certificate:
//! the caller passes every label and value already translated and formatted.

mod cms;
mod font;
mod icc;
mod layout;
mod render;
mod sign;
mod update;

pub use render::render;
pub use sign::{Signer, sign};

/// Everything printed on a certificate, each string already in the
/// document's language.
#[derive(Clone, Debug)]
pub struct Certificate {
    /// The document's language as a BCP 47 tag (`ro`, `en`, …), recorded in
    /// its metadata for screen readers.
    pub language: String,
    /// The document's title, also its metadata title.
    pub title: String,
    /// The issuing authority's name, printed above the title.
    pub authority: String,
    /// The certificate's registration number.
    pub registration_number: Labelled,
    /// The holder's full name.
    pub holder_name: Labelled,
    /// The holder's personal identification number, masked by the caller as
    /// it should be printed.
    pub personal_id: Labelled,
    /// The holder's date and place of birth.
    pub birth: Labelled,
    /// The purpose the certificate was requested for.
    pub purpose: Labelled,
    /// The date of issue.
    pub issued_on: Labelled,
    /// The last day the certificate is valid.
    pub valid_until: Labelled,
    /// What the record holds.
    pub result: Outcome,
    /// How a reader checks the document's authenticity.
    pub verification: String,
    /// The verification QR code.
    pub qr: QrMatrix,
}

/// A label and its value, printed side by side.
#[derive(Clone, Debug)]
pub struct Labelled {
    /// The label, such as "Registration number".
    pub label: String,
    /// The value; long values wrap.
    pub value: String,
}

/// The result section of a certificate.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The section's heading.
    pub heading: String,
    /// What the record holds.
    pub entries: Entries,
}

/// The record's content: nothing, or a list of entries.
#[derive(Clone, Debug)]
pub enum Entries {
    /// The record holds nothing; the text says so.
    None(String),
    /// One paragraph per entry, numbered in print; as many pages follow as
    /// the list needs.
    Some(Vec<String>),
}

/// A QR code as its square matrix of modules, without the quiet zone (the
/// renderer adds it). With the `qrcode` crate: `width` is `QrCode::width()`
/// and `dark` maps `QrCode::to_colors()` to `color == Color::Dark`.
#[derive(Clone, Debug)]
pub struct QrMatrix {
    /// Modules per side.
    pub width: usize,
    /// `width × width` modules, row by row from the top, `true` for dark.
    pub dark: Vec<bool>,
}

/// Why a certificate could not be rendered or signed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// An embedded font could not be read or subset.
    #[error("font: {0}")]
    Font(String),
    /// The QR matrix does not hold `width × width` modules.
    #[error("the QR matrix holds {got} modules, not {width}×{width}")]
    QrMatrix {
        /// The stated width.
        width: usize,
        /// The number of modules given.
        got: usize,
    },
    /// The PDF to sign is not one this crate can update: it uses a structure
    /// the signer does not read (such as cross-reference streams), or it has
    /// a form or annotations already.
    #[error("cannot sign this PDF: {0}")]
    Unsupported(&'static str),
    /// The signature could not be built.
    #[error("signature: {0}")]
    Signature(String),
}

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 9)
}
