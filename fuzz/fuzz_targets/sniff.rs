//! File sniffing: the PDF version line, the JPEG marker walk to its frame
//! header, the PNG IHDR chunk and the polyglot rule (`ghiseu_files::sniff`),
//! and the `%%EOF` check of a PDF's tail.
#![no_main]

use ghiseu_files::sniff::{
    Kind, MAX_PIXELS, MAX_SIDE, PDF_TAIL_WINDOW, Refusal, SNIFF_WINDOW, check_pdf_tail, sniff,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let sniffed = sniff(data);
    // Only the window is read: the rest of the file cannot change the answer.
    let window = &data[..data.len().min(SNIFF_WINDOW)];
    assert_eq!(sniff(window), sniffed);
    match sniffed {
        Ok(found) => {
            let signature: &[u8] = match found.kind {
                Kind::Pdf => b"%PDF-",
                Kind::Jpeg => &[0xFF, 0xD8, 0xFF],
                Kind::Png => b"\x89PNG\r\n\x1a\n",
            };
            assert!(
                data.starts_with(signature),
                "{found:?} without its signature"
            );
            match found.kind {
                Kind::Pdf => {
                    let version = found.pdf_version.expect("a PDF has a version");
                    assert!(matches!(
                        (version.major, version.minor),
                        (1, 0..=7) | (2, 0)
                    ));
                    assert!(found.dimensions.is_none());
                }
                Kind::Jpeg | Kind::Png => {
                    let size = found.dimensions.expect("an image has dimensions");
                    assert!((1..=MAX_SIDE).contains(&size.width));
                    assert!((1..=MAX_SIDE).contains(&size.height));
                    assert!(u64::from(size.width) * u64::from(size.height) <= MAX_PIXELS);
                    assert!(found.pdf_version.is_none());
                }
            }
            // The polyglot rule: no second `%PDF-` in an accepted file's window.
            let after_start = &window[5.min(window.len())..];
            assert!(!after_start.windows(5).any(|w| w == b"%PDF-"));
        }
        Err(Refusal::Empty) => assert!(data.is_empty()),
        Err(refusal) => {
            assert!(!data.is_empty());
            assert!(!refusal.code().is_empty());
            let _ = refusal.to_string();
        }
    }
    // The tail check reads only the last PDF_TAIL_WINDOW bytes.
    let tail = check_pdf_tail(data);
    let last = &data[data.len().saturating_sub(PDF_TAIL_WINDOW)..];
    assert_eq!(tail, check_pdf_tail(last));
    if tail.is_ok() {
        assert!(last.windows(5).any(|w| w == b"%%EOF"));
    }
});
