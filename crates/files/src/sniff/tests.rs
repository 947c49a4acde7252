use super::*;
use crate::fixtures;

fn refusal_code(bytes: &[u8]) -> &'static str {
    match sniff(bytes) {
        Ok(sniffed) => sniffed.kind.code(),
        Err(refusal) => refusal.code(),
    }
}

#[test]
fn recognises_each_format_with_its_header_facts() {
    let png = sniff(&fixtures::png(640, 480));
    assert_eq!(
        png.map(|s| (s.kind, s.dimensions)),
        Ok((
            Kind::Png,
            Some(Dimensions {
                width: 640,
                height: 480
            })
        ))
    );
    let jpeg = sniff(&fixtures::jpeg(2480, 3508));
    assert_eq!(
        jpeg.map(|s| (s.kind, s.dimensions)),
        Ok((
            Kind::Jpeg,
            Some(Dimensions {
                width: 2480,
                height: 3508
            })
        ))
    );
    let pdf = sniff(&fixtures::pdf());
    assert_eq!(
        pdf.map(|s| (s.kind, s.pdf_version)),
        Ok((Kind::Pdf, Some(PdfVersion { major: 1, minor: 7 })))
    );
}

#[test]
fn names_are_not_involved_so_a_renamed_file_is_what_its_content_is() {
    // There is no name to pass: a PNG called "act.pdf" is simply a PNG.
    assert_eq!(refusal_code(&fixtures::png(10, 10)), "png");
    assert_eq!(refusal_code(&fixtures::pdf()), "pdf");
}

#[test]
fn refuses_empty_and_unknown_content() {
    assert_eq!(refusal_code(b""), "empty");
    assert_eq!(refusal_code(b"GIF89a\x01\x00\x01\x00"), "unknown-format");
    assert_eq!(
        refusal_code(b"<html><body>act</body></html>"),
        "unknown-format"
    );
    assert_eq!(refusal_code(b"PK\x03\x04"), "unknown-format");
}

#[test]
fn refuses_a_cut_short_header() {
    let png = fixtures::png(10, 10);
    for length in [1, 4, 8, 20, 32] {
        assert_eq!(
            refusal_code(&png[..length]),
            "truncated-header",
            "PNG cut at {length}"
        );
    }
    let jpeg = fixtures::jpeg(10, 10);
    for length in [2, 3, 10, 22, 27] {
        assert_eq!(
            refusal_code(&jpeg[..length]),
            "truncated-header",
            "JPEG cut at {length}"
        );
    }
    assert_eq!(refusal_code(b"%PDF-1."), "truncated-header");
    assert_eq!(refusal_code(b"%PD"), "truncated-header");
}

#[test]
fn refuses_a_png_whose_header_is_damaged() {
    let mut bad_crc = fixtures::png(10, 10);
    bad_crc[29] ^= 1;
    assert_eq!(refusal_code(&bad_crc), "invalid-header");

    let mut bad_depth = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&10u32.to_be_bytes());
    ihdr.extend_from_slice(&10u32.to_be_bytes());
    ihdr.extend_from_slice(&[3, 2, 0, 0, 0]);
    fixtures::push_png_chunk(&mut bad_depth, b"IHDR", &ihdr);
    assert_eq!(refusal_code(&bad_depth), "invalid-header");

    let mut not_ihdr_first = b"\x89PNG\r\n\x1a\n".to_vec();
    fixtures::push_png_chunk(&mut not_ihdr_first, b"tEXt", b"Title\0act....");
    assert_eq!(refusal_code(&not_ihdr_first), "invalid-header");
}

#[test]
fn refuses_absurd_dimensions_without_decoding() {
    for (width, height) in [
        (0, 10),
        (10, 0),
        (10_001, 10),
        (2_000_000_000, 2_000_000_000),
        (10_000, 5_001),
    ] {
        let refused = sniff(&fixtures::png(width, height));
        assert_eq!(refused, Err(Refusal::AbsurdDimensions { width, height }));
    }
    assert!(sniff(&fixtures::png(10_000, 5_000)).is_ok());
    assert_eq!(
        refusal_code(&fixtures::jpeg(65_000, 65_000)),
        "absurd-dimensions"
    );
    assert_eq!(refusal_code(&fixtures::jpeg(100, 0)), "absurd-dimensions");
}

#[test]
fn walks_jpeg_segments_to_the_frame_header() {
    let mut jpeg = vec![0xFF, 0xD8];
    let exif = vec![b'E'; 30_000];
    jpeg.extend_from_slice(&[0xFF, 0xE1]);
    jpeg.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap_or(0).to_be_bytes());
    jpeg.extend_from_slice(&exif);
    jpeg.extend_from_slice(&[0xFF, 0xFF]); // fill bytes before a marker are allowed
    jpeg.extend_from_slice(&fixtures::jpeg(300, 200)[2..]);
    assert_eq!(
        sniff(&jpeg).map(|s| s.dimensions),
        Ok(Some(Dimensions {
            width: 300,
            height: 200
        }))
    );
}

#[test]
fn a_jpeg_frame_header_must_be_within_the_window() {
    let mut jpeg = vec![0xFF, 0xD8];
    for _ in 0..2 {
        jpeg.extend_from_slice(&[0xFF, 0xE2, 0xFF, 0xFF]);
        jpeg.extend_from_slice(&[0; 0xFFFD]);
    }
    jpeg.extend_from_slice(&fixtures::jpeg(300, 200)[2..]);
    assert_eq!(refusal_code(&jpeg), "header-beyond-window");
    assert_eq!(refusal_code(&jpeg[..SNIFF_WINDOW - 1]), "truncated-header");
}

#[test]
fn refuses_a_jpeg_with_scan_data_before_any_frame_header() {
    assert_eq!(
        refusal_code(&[0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x12]),
        "invalid-header"
    );
    assert_eq!(
        refusal_code(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0x00]),
        "invalid-header"
    );
    assert_eq!(
        refusal_code(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, 0x12]),
        "invalid-header"
    );
}

#[test]
fn checks_the_pdf_version_line() {
    for good in ["%PDF-1.0\n", "%PDF-1.4\r\n", "%PDF-2.0\n", "%PDF-1.7 \n"] {
        assert_eq!(refusal_code(good.as_bytes()), "pdf", "{good:?}");
    }
    for bad in [
        "%PDF-1.8\n",
        "%PDF-3.0\n",
        "%PDF-1.10\n",
        "%PDF-x.y\n",
        "%PDF-1.4abc",
    ] {
        assert_eq!(refusal_code(bad.as_bytes()), "invalid-header", "{bad:?}");
    }
}

#[test]
fn a_pdf_must_end_with_eof_near_its_end() {
    assert_eq!(check_pdf_tail(&fixtures::pdf()), Ok(()));
    let pdf = fixtures::pdf();
    assert_eq!(
        check_pdf_tail(&pdf[..pdf.len() - 10]),
        Err(Refusal::MissingEof)
    );
    let mut trailing = fixtures::pdf();
    trailing.extend_from_slice(&[b'\n'; PDF_TAIL_WINDOW - 6]);
    assert_eq!(check_pdf_tail(&trailing), Ok(()));
    trailing.extend_from_slice(b"\n");
    assert_eq!(check_pdf_tail(&trailing), Err(Refusal::MissingEof));
}

#[test]
fn refuses_polyglots() {
    let mut png_with_pdf = fixtures::png(10, 10);
    png_with_pdf.extend_from_slice(b"%PDF-1.4\n1 0 obj");
    assert_eq!(
        sniff(&png_with_pdf),
        Err(Refusal::Polyglot { found: "PDF" })
    );

    let mut garbage_then_pdf = b"MZ\x90\x00garbage".to_vec();
    garbage_then_pdf.extend_from_slice(&fixtures::pdf());
    assert_eq!(
        sniff(&garbage_then_pdf),
        Err(Refusal::Polyglot { found: "PDF" })
    );

    let mut jpeg_with_script = fixtures::jpeg(10, 10);
    jpeg_with_script.extend_from_slice(b"<SCRIPT>alert(1)</script>");
    assert_eq!(
        sniff(&jpeg_with_script),
        Err(Refusal::Polyglot { found: "<script" })
    );

    let mut pdf_with_html = fixtures::pdf_with_body(b"<!DOCTYPE HTML><p>");
    assert_eq!(
        sniff(&pdf_with_html),
        Err(Refusal::Polyglot {
            found: "<!doctype html"
        })
    );
    pdf_with_html = fixtures::pdf_with_body(b"\x89PNG\r\n\x1a\n");
    assert_eq!(
        sniff(&pdf_with_html),
        Err(Refusal::Polyglot { found: "PNG" })
    );
}

#[test]
fn a_marker_past_the_window_is_not_looked_for() {
    let mut png = fixtures::png(10, 10);
    png.resize(SNIFF_WINDOW, 0);
    png.extend_from_slice(b"<script>");
    assert_eq!(refusal_code(&png), "png");
}

#[test]
fn a_pdf_may_embed_jpeg_images() {
    let scanned = fixtures::pdf_with_body(&fixtures::jpeg(2480, 3508));
    assert_eq!(refusal_code(&scanned), "pdf");
}

#[test]
fn refusal_codes_are_the_documented_ones() {
    let codes = [
        Refusal::Empty,
        Refusal::UnknownFormat,
        Refusal::TruncatedHeader,
        Refusal::InvalidHeader,
        Refusal::HeaderBeyondWindow,
        Refusal::AbsurdDimensions {
            width: 0,
            height: 0,
        },
        Refusal::Polyglot { found: "PDF" },
        Refusal::TooLarge { limit: 1 },
        Refusal::MissingEof,
    ]
    .map(|refusal| refusal.code());
    assert_eq!(
        codes,
        [
            "empty",
            "unknown-format",
            "truncated-header",
            "invalid-header",
            "header-beyond-window",
            "absurd-dimensions",
            "polyglot",
            "too-large",
            "missing-eof",
        ]
    );
}
