//! PAdES baseline-B signing: an incremental update adding an invisible
//! signature field whose value holds a detached CMS signature over the whole
//! file except the signature itself.

use p256::ecdsa::SigningKey;
use sha2::{Digest, Sha256};

use crate::PdfError;
use crate::update::{Original, xref_section};

/// Room for the DER signature, in bytes; the placeholder holds twice as many
/// hexadecimal digits.
const SIGNATURE_ROOM: usize = 8192;
/// Each /ByteRange number is written with this many digits.
const RANGE_DIGITS: usize = 10;

/// Who signs: the key and the X.509 certificate that names its public key.
#[derive(Clone, Debug)]
pub struct Signer {
    /// The P-256 signing key.
    pub key: SigningKey,
    /// The signer's certificate, DER-encoded; it is embedded in the signature.
    pub certificate_der: Vec<u8>,
}

/// Signs `pdf` with a PAdES baseline-B signature (ETSI.CAdES.detached) that
/// covers the whole resulting file but the signature value, by appending an
/// incremental update to the file. `signing_time` is the claimed signing
/// time, written to the signature dictionary's /M entry (PAdES baseline
/// signatures keep it out of the CMS signed attributes).
///
/// The update adds an invisible signature field to the first page and an
/// interactive form to the catalog, so `pdf` must have neither a form nor
/// annotations on its first page; it must use classic cross-reference tables,
/// as [`render`](crate::render) writes.
///
/// # Errors
///
/// [`PdfError::Unsupported`] for a file outside those limits,
/// [`PdfError::Signature`] if the certificate cannot be read or the
/// signature does not fit its reserved room.
pub fn sign(pdf: &[u8], signer: &Signer, signing_time: jiff::Zoned) -> Result<Vec<u8>, PdfError> {
    let original = Original::parse(pdf)?;
    let mut out = pdf.to_vec();
    let placeholder = append_update(&mut out, &original, &signing_time)?;
    let contents_end = placeholder.contents_at + 2 * SIGNATURE_ROOM + 2;
    let ranges = [
        0,
        placeholder.contents_at,
        contents_end,
        out.len() - contents_end,
    ];
    let written = ranges
        .iter()
        .map(|n| format!("{n:0RANGE_DIGITS$}"))
        .collect::<Vec<_>>()
        .join(" ");
    let range = out
        .get_mut(placeholder.range_at..placeholder.range_at + written.len())
        .filter(|_| written.len() == 4 * RANGE_DIGITS + 3)
        .ok_or(PdfError::Unsupported("a file too large for the byte range"))?;
    range.copy_from_slice(written.as_bytes());

    let mut hasher = Sha256::new();
    hasher.update(&out[..placeholder.contents_at]);
    hasher.update(&out[contents_end..]);
    let digest = hasher.finalize();
    let der = crate::cms::signed_data(&digest, &signer.key, &signer.certificate_der)?;
    if der.len() > SIGNATURE_ROOM {
        return Err(PdfError::Signature(format!(
            "{} bytes do not fit the {SIGNATURE_ROOM} reserved",
            der.len()
        )));
    }
    let hex: String = der.iter().map(|b| format!("{b:02X}")).collect();
    let at = placeholder.contents_at + 1;
    out[at..at + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(out)
}

/// Appends to `out` (the original file) the signature dictionary, the
/// signature field's widget, the catalog with its new form, the first page
/// with the widget, their cross-reference section and the trailer; returns
/// where in `out` the placeholders start.
fn append_update(
    out: &mut Vec<u8>,
    original: &Original<'_>,
    signing_time: &jiff::Zoned,
) -> Result<Placeholder, PdfError> {
    let (catalog, page) = original.catalog_and_first_page()?;
    let signature = original.size;
    let widget = original.size + 1;
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let mut entries = vec![(signature, 0, out.len())];
    let mut placeholder = signature_object(signature, signing_time);
    placeholder.range_at += out.len();
    placeholder.contents_at += out.len();
    out.extend_from_slice(placeholder.text.as_bytes());

    entries.push((widget, 0, out.len()));
    let widget_object = format!(
        "{widget} 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) \
         /V {signature} 0 R /F 132 /Rect [0 0 0 0] /P {} >>\nendobj\n",
        page.reference()
    );
    out.extend_from_slice(widget_object.as_bytes());
    entries.push((catalog.number, catalog.generation, out.len()));
    let form = format!(" /AcroForm << /Fields [{widget} 0 R] /SigFlags 3 >>");
    out.extend_from_slice(&catalog.extended(&form));
    entries.push((page.number, page.generation, out.len()));
    out.extend_from_slice(&page.extended(&format!(" /Annots [{widget} 0 R]")));

    let xref_at = out.len();
    out.extend_from_slice(xref_section(entries).as_bytes());
    let trailer = format!(
        "trailer\n<< /Size {} /Root {}{} /Prev {} >>\nstartxref\n{xref_at}\n%%EOF\n",
        widget + 1,
        catalog.reference(),
        original.carried,
        original.startxref,
    );
    out.extend_from_slice(trailer.as_bytes());
    Ok(placeholder)
}

/// The signature dictionary with zeroed /ByteRange and /Contents, and where
/// those two start (in its text, then in the file).
struct Placeholder {
    text: String,
    range_at: usize,
    contents_at: usize,
}

fn signature_object(number: u32, time: &jiff::Zoned) -> Placeholder {
    let offset = time.offset().seconds();
    let sign = if offset < 0 { '-' } else { '+' };
    let (hours, minutes) = (offset.abs() / 3600, offset.abs() % 3600 / 60);
    let date = format!(
        "D:{}{sign}{hours:02}'{minutes:02}'",
        time.strftime("%Y%m%d%H%M%S")
    );
    let mut text = format!(
        "{number} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached \
         /M ({date}) /ByteRange ["
    );
    let range_at = text.len();
    let zeros = vec!["0".repeat(RANGE_DIGITS); 4].join(" ");
    text.push_str(&zeros);
    text.push_str("] /Contents ");
    let contents_at = text.len();
    text.push('<');
    text.push_str(&"0".repeat(2 * SIGNATURE_ROOM));
    text.push_str("> >>\nendobj\n");
    Placeholder {
        text,
        range_at,
        contents_at,
    }
}
