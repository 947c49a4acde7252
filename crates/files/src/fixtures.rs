//! Minimal valid files, built in code, for this and other crates' tests.

/// A PNG of `width`×`height` whose header is valid; the image data is a
/// stub, since only the header is ever parsed.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut file = b"\x89PNG\r\n\x1a\n".to_vec();
    push_png_chunk(&mut file, b"IHDR", &ihdr);
    push_png_chunk(
        &mut file,
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    push_png_chunk(&mut file, b"IEND", &[]);
    file
}

/// Appends a chunk with its length and CRC.
pub fn push_png_chunk(file: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let length = u32::try_from(data.len()).unwrap_or(u32::MAX);
    file.extend_from_slice(&length.to_be_bytes());
    let start = file.len();
    file.extend_from_slice(kind);
    file.extend_from_slice(data);
    let crc = crc32fast::hash(&file[start..]);
    file.extend_from_slice(&crc.to_be_bytes());
}

/// A JPEG of `width`×`height`: SOI, a JFIF APP0 segment, a baseline frame
/// header for three components, and EOI.
pub fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut file = vec![0xFF, 0xD8];
    file.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x10]);
    file.extend_from_slice(b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00");
    file.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08]);
    file.extend_from_slice(&height.to_be_bytes());
    file.extend_from_slice(&width.to_be_bytes());
    file.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    file.extend_from_slice(&[0xFF, 0xD9]);
    file
}

/// A one-page PDF 1.7 with its cross-reference table and `%%EOF`.
pub fn pdf() -> Vec<u8> {
    pdf_with_body(b"")
}

/// Like [`pdf`], with `filler` as the content of a stream object, to
/// make the file as large as a test needs.
pub fn pdf_with_body(filler: &[u8]) -> Vec<u8> {
    let mut file = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |file: &mut Vec<u8>, body: &[u8]| {
        offsets.push(file.len());
        let number = offsets.len();
        file.extend_from_slice(format!("{number} 0 obj\n").as_bytes());
        file.extend_from_slice(body);
        file.extend_from_slice(b"\nendobj\n");
    };
    object(&mut file, b"<< /Type /Catalog /Pages 2 0 R >>");
    object(&mut file, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(
        &mut file,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    );
    let mut stream = format!("<< /Length {} >>\nstream\n", filler.len()).into_bytes();
    stream.extend_from_slice(filler);
    stream.extend_from_slice(b"\nendstream");
    object(&mut file, &stream);
    let xref = file.len();
    file.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for offset in &offsets {
        file.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    file.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    file
}
