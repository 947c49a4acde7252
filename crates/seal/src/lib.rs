//! The offline-verifiable seal of documents Ghiseu issues electronically.
//!
//! A sealed document carries a QR code whose text is `GHS1:` followed by the
//! base45 form of a zlib-compressed COSE_Sign1 signed with ES256, the way the
//! EU digital COVID certificate is built: anyone holding the authority's
//! published keys (a JWK Set, see [`KeySet::jwks`]) can check it without
//! asking the authority. [`seal`] makes the text, [`open`] checks it,
//! [`qr_svg`] draws it.
//!
//! A typical criminal record certificate's seal (a 30-letter name, an
//! 18-character number) is 329 characters: 205 bytes of COSE, of which 64 are
//! the signature. Such short, varied content does not shrink under deflate,
//! which stores it (11 bytes more); the zlib layer is kept so that the format
//! is the one readers of EU digital COVID certificates already know. It
//! makes a version 13 QR code (69 modules a side) at error correction level Q.
//!
//! ```
//! use ghiseu_seal::{KeySet, SealKey, SealPayload, open, seal};
//! use jiff::civil::date;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let key = SealKey::demo("Criminal record service (demo)", jiff::Timestamp::now())?;
//! let certificate = SealPayload {
//!     number: "CJ-AB-2026-0012345".to_owned(),
//!     document_type: "criminal-record-certificate".to_owned(),
//!     holder_name: "Ana Pop".to_owned(),
//!     birth_date: Some(date(1990, 1, 31)),
//!     issued_on: date(2026, 12, 5),
//!     expires_on: date(2027, 6, 5),
//! };
//! let text = seal(&certificate, &key)?;
//! let keys = KeySet::new(key);
//! assert_eq!(open(&text, &keys)?, certificate);
//! # Ok(())
//! # }
//! ```
//!
//! The crate is a plain library: no network, no database, no clock of its own.

mod keys;
mod qr;

pub use keys::{CERTIFICATE_FILE, KEY_FILE, KeyError, KeySet, RetiredKey, SealKey};
pub use qr::{OpenError, PREFIX, SealError, SealPayload, open, seal};

/// Why a QR code could not be drawn.
#[derive(Debug, thiserror::Error)]
#[error("cannot draw the QR code: {0}")]
pub struct DrawError(String);

/// The QR code of `text` (at error correction level Q, which survives a
/// printed code's smudges) as an SVG document, for HTML pages and PDFs.
pub fn qr_svg(text: &str) -> Result<String, DrawError> {
    use qrcode::render::svg::Color;
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::Q)
        .map_err(|e| DrawError(e.to_string()))?;
    Ok(code
        .render::<Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(Color("#000000"))
        .light_color(Color("#ffffff"))
        .build())
}

/// The QR code of `text` as its modules: the side's width and, row by row
/// from the top, `true` for each dark module (for drawing it in a PDF).
pub fn qr_modules(text: &str) -> Result<(usize, Vec<bool>), DrawError> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::Q)
        .map_err(|e| DrawError(e.to_string()))?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|color| color == qrcode::Color::Dark)
        .collect();
    Ok((code.width(), dark))
}
