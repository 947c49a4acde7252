//! The markers of the polyglot rule described on the parent module.

use super::{Kind, Refusal, pdf, png};

const HTML_MARKERS: [(&[u8], &str); 3] = [
    (b"<script", "<script"),
    (b"<html", "<html"),
    (b"<!doctype html", "<!doctype html"),
];

pub(super) fn check(head: &[u8], kind: Kind) -> Result<(), Refusal> {
    let after_own_signature = |signature: &[u8]| head.get(signature.len()..).unwrap_or_default();
    let pdf_search = if kind == Kind::Pdf {
        after_own_signature(pdf::SIGNATURE)
    } else {
        head
    };
    let png_search = if kind == Kind::Png {
        after_own_signature(png::SIGNATURE)
    } else {
        head
    };
    let found = if contains(pdf_search, pdf::SIGNATURE) {
        Some("PDF")
    } else if contains(png_search, png::SIGNATURE) {
        Some("PNG")
    } else {
        html(head)
    };
    match found {
        Some(found) => Err(Refusal::Polyglot { found }),
        None => Ok(()),
    }
}

/// For a file that starts as none of the formats: a document inside it,
/// which a lenient reader could still find and open.
pub(super) fn hidden_document(head: &[u8]) -> Option<&'static str> {
    if contains(head, pdf::SIGNATURE) {
        Some("PDF")
    } else if contains(head, png::SIGNATURE) {
        Some("PNG")
    } else {
        None
    }
}

fn html(head: &[u8]) -> Option<&'static str> {
    head.iter()
        .enumerate()
        .filter(|(_, byte)| **byte == b'<')
        .find_map(|(at, _)| {
            let rest = head.get(at..)?;
            HTML_MARKERS.iter().find_map(|(marker, name)| {
                let candidate = rest.get(..marker.len())?;
                candidate.eq_ignore_ascii_case(marker).then_some(*name)
            })
        })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}
