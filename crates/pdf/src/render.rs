//! The certificate's layout and the PDF/A-2b file around it.

use pdf_writer::types::OutputIntentSubtype;
use pdf_writer::{Filter, Finish, Pdf, Rect, Ref, TextStr};
use sha2::{Digest, Sha256};

use crate::font::{Font, Weight};
use crate::layout::{Composer, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
use crate::{Certificate, Entries, Labelled, PdfError, QrMatrix};

const BODY: f32 = 10.5;
const TITLE: f32 = 16.0;
const AUTHORITY: f32 = 12.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const LABEL_WIDTH: f32 = 160.0;
const GUTTER: f32 = 12.0;
/// The printed side of the QR code, quiet zone included.
const QR_SIDE: f32 = 96.0;
const QR_QUIET_MODULES: usize = 4;

/// Lays `certificate` out on as many A4 pages as it needs and returns the
/// PDF/A-2b file.
///
/// # Errors
///
/// [`PdfError::QrMatrix`] if the QR matrix is not square, [`PdfError::Font`]
/// if an embedded font cannot be subset.
pub fn render(certificate: &Certificate) -> Result<Vec<u8>, PdfError> {
    let qr = &certificate.qr;
    if qr.width.checked_mul(qr.width) != Some(qr.dark.len()) {
        return Err(PdfError::QrMatrix {
            width: qr.width,
            got: qr.dark.len(),
        });
    }
    let mut page = Composer::new(Font::load(Weight::Regular)?, Font::load(Weight::Bold)?);
    heading(&mut page, certificate);
    for row in [
        &certificate.registration_number,
        &certificate.holder_name,
        &certificate.personal_id,
        &certificate.birth,
        &certificate.purpose,
        &certificate.issued_on,
        &certificate.valid_until,
    ] {
        labelled(&mut page, row);
    }
    result(&mut page, certificate);
    verification(&mut page, &certificate.verification, qr);
    let (contents, regular, bold) = page.finish(&certificate.registration_number.value);
    assemble(certificate, &contents, &regular, &bold)
}

fn heading(page: &mut Composer, certificate: &Certificate) {
    page.paragraph(
        Weight::Bold,
        AUTHORITY,
        MARGIN,
        TEXT_WIDTH,
        &certificate.authority,
    );
    page.skip(Composer::line_height(BODY));
    page.paragraph(Weight::Bold, TITLE, MARGIN, TEXT_WIDTH, &certificate.title);
    page.skip(Composer::line_height(BODY));
}

/// A label in the left column and its value beside it, both wrapped.
fn labelled(page: &mut Composer, row: &Labelled) {
    let value_x = MARGIN + LABEL_WIDTH + GUTTER;
    let value_width = TEXT_WIDTH - LABEL_WIDTH - GUTTER;
    let labels = page.wrap(Weight::Bold, BODY, LABEL_WIDTH, &row.label);
    let values = page.wrap(Weight::Regular, BODY, value_width, &row.value);
    let height = Composer::line_height(BODY);
    let rows = labels.len().max(values.len());
    page.ensure(height * rows as f32);
    let top = page.y();
    for (i, line) in labels.iter().enumerate() {
        page.text_at(Weight::Bold, BODY, MARGIN, top - height * i as f32, line);
    }
    for (i, line) in values.iter().enumerate() {
        page.text_at(
            Weight::Regular,
            BODY,
            value_x,
            top - height * i as f32,
            line,
        );
    }
    page.skip(height * rows as f32 + height * 0.3);
}

fn result(page: &mut Composer, certificate: &Certificate) {
    let outcome = &certificate.result;
    page.skip(Composer::line_height(BODY) * 0.7);
    page.ensure(Composer::line_height(BODY) * 3.0);
    page.paragraph(Weight::Bold, BODY, MARGIN, TEXT_WIDTH, &outcome.heading);
    page.skip(Composer::line_height(BODY) * 0.3);
    match &outcome.entries {
        Entries::None(text) => page.paragraph(Weight::Regular, BODY, MARGIN, TEXT_WIDTH, text),
        Entries::Some(entries) => {
            let indent = 24.0;
            for (n, entry) in entries.iter().enumerate() {
                page.ensure(Composer::line_height(BODY));
                let y = page.y();
                page.text_at(Weight::Regular, BODY, MARGIN, y, &format!("{}.", n + 1));
                let width = TEXT_WIDTH - indent;
                page.paragraph(Weight::Regular, BODY, MARGIN + indent, width, entry);
                page.skip(Composer::line_height(BODY) * 0.3);
            }
        }
    }
}

/// The QR code with the verification text beside it; a text longer than a
/// page's remainder continues on the next.
fn verification(page: &mut Composer, text: &str, qr: &QrMatrix) {
    let height = Composer::line_height(BODY);
    page.skip(height);
    page.ensure(QR_SIDE);
    let top = page.y();
    draw_qr(page, qr, top);
    let text_x = MARGIN + QR_SIDE + GUTTER;
    let width = TEXT_WIDTH - QR_SIDE - GUTTER;
    let first_page = page.page_number();
    page.paragraph(Weight::Regular, BODY, text_x, width, text);
    if page.page_number() == first_page && page.y() > top - QR_SIDE {
        page.skip(page.y() - (top - QR_SIDE));
    }
}

/// Draws the QR code's dark modules, a quiet zone around them, from `top`
/// down at the left margin.
fn draw_qr(page: &mut Composer, qr: &QrMatrix, top: f32) {
    let module = QR_SIDE / (qr.width + 2 * QR_QUIET_MODULES) as f32;
    let origin = MARGIN + module * QR_QUIET_MODULES as f32;
    for (row, modules) in qr.dark.chunks(qr.width.max(1)).enumerate() {
        let y = top - origin + MARGIN - module * row as f32;
        let mut column = 0;
        while column < modules.len() {
            let run = modules[column..].iter().take_while(|dark| **dark).count();
            if run > 0 {
                page.square(
                    origin + module * column as f32,
                    y,
                    module * run as f32,
                    module,
                );
            }
            column += run.max(1);
        }
    }
    page.fill();
}

/// Hands out object ids in order.
struct Ids(i32);

impl Ids {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

fn assemble(
    certificate: &Certificate,
    contents: &[Vec<u8>],
    regular: &Font,
    bold: &Font,
) -> Result<Vec<u8>, PdfError> {
    let mut ids = Ids(0);
    let (catalog, tree, info, metadata, profile) =
        (ids.next(), ids.next(), ids.next(), ids.next(), ids.next());
    let regular_ids = [ids.next(), ids.next(), ids.next(), ids.next(), ids.next()];
    let bold_ids = [ids.next(), ids.next(), ids.next(), ids.next(), ids.next()];
    let page_ids: Vec<(Ref, Ref)> = contents.iter().map(|_| (ids.next(), ids.next())).collect();

    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    pdf.set_file_id(file_id(certificate, contents));
    write_catalog(&mut pdf, certificate, [catalog, tree, metadata, profile]);
    pdf.pages(tree)
        .kids(page_ids.iter().map(|(page, _)| *page))
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    for ((page_id, content_id), content) in page_ids.iter().zip(contents) {
        let mut page = pdf.page(*page_id);
        page.parent(tree)
            .media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .contents(*content_id);
        page.resources()
            .fonts()
            .pair(Weight::Regular.resource(), regular_ids[0])
            .pair(Weight::Bold.resource(), bold_ids[0]);
        page.finish();
        pdf.stream(*content_id, &crate::deflate(content))
            .filter(Filter::FlateDecode);
    }
    regular.write(&mut pdf, regular_ids)?;
    bold.write(&mut pdf, bold_ids)?;
    pdf.document_info(info)
        .title(TextStr(&certificate.title))
        .producer(TextStr(PRODUCER));
    pdf.metadata(metadata, xmp(certificate).as_bytes());
    let icc = crate::icc::gray_profile();
    pdf.icc_profile(profile, &crate::deflate(&icc))
        .n(1)
        .filter(Filter::FlateDecode);
    Ok(pdf.finish())
}

const PRODUCER: &str = "Ghiseu";

fn write_catalog(pdf: &mut Pdf, certificate: &Certificate, ids: [Ref; 4]) {
    let [catalog, tree, metadata, profile] = ids;
    let mut catalog = pdf.catalog(catalog);
    catalog
        .pages(tree)
        .metadata(metadata)
        .lang(TextStr(&certificate.language));
    catalog.viewer_preferences().display_doc_title(true);
    let mut intents = catalog.output_intents();
    intents
        .push()
        .subtype(OutputIntentSubtype::PDFA)
        .output_condition_identifier(TextStr("Grey, gamma 2.2"))
        .info(TextStr("Grey, gamma 2.2"))
        .dest_output_profile(profile);
}

/// The identifier PDF/A asks for in the trailer, derived from the content so
/// that the same certificate always renders to the same bytes.
fn file_id(certificate: &Certificate, contents: &[Vec<u8>]) -> (Vec<u8>, Vec<u8>) {
    let mut hasher = Sha256::new();
    hasher.update(certificate.title.as_bytes());
    hasher.update(certificate.registration_number.value.as_bytes());
    for content in contents {
        hasher.update(content);
    }
    let id = hasher.finalize()[..16].to_vec();
    (id.clone(), id)
}

/// XMP metadata: the title and language, and the PDF/A-2b identification.
fn xmp(certificate: &Certificate) -> String {
    let mut xmp = xmp_writer::XmpWriter::new();
    xmp.title([(None, certificate.title.as_str())])
        .language([xmp_writer::LangId(&certificate.language)])
        .format("application/pdf")
        .producer(PRODUCER)
        .pdfa_part(2)
        .pdfa_conformance("B");
    xmp.finish(None)
}
