//! Reading just enough of a PDF with classic cross-reference tables to append
//! an incremental update to it: the trailer, and the catalog and first page
//! objects to extend.

use std::collections::BTreeMap;

use crate::PdfError;

/// The parts of the original file an update builds on.
pub(crate) struct Original<'a> {
    bytes: &'a [u8],
    /// Object number → (byte offset, generation), newest section first.
    offsets: BTreeMap<u32, (usize, u16)>,
    /// The offset of the newest cross-reference section.
    pub(crate) startxref: usize,
    pub(crate) size: u32,
    pub(crate) root: u32,
    /// The rest of the newest trailer to carry over (/Info and /ID).
    pub(crate) carried: String,
}

/// An object of the original, by number, generation and dictionary text.
pub(crate) struct Object<'a> {
    pub(crate) number: u32,
    pub(crate) generation: u16,
    pub(crate) dictionary: &'a [u8],
}

const UNSUPPORTED_XREF: PdfError =
    PdfError::Unsupported("no classic cross-reference table (a cross-reference stream?)");
const NO_TRAILER: PdfError = PdfError::Unsupported("a trailer without /Size or /Root");
const MISPLACED: PdfError = PdfError::Unsupported("an object the cross-reference table misplaces");

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn is_delimiter(byte: u8) -> bool {
    byte.is_ascii_whitespace() || b"()<>[]{}/%".contains(&byte)
}

/// Whitespace-separated tokens from the start of `bytes`.
fn tokens(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes
        .split(|b| b.is_ascii_whitespace())
        .filter(|token| !token.is_empty())
}

fn number<T: std::str::FromStr>(token: Option<&[u8]>) -> Option<T> {
    std::str::from_utf8(token?).ok()?.parse().ok()
}

/// Where the value of `key` starts in `dictionary`, for a key given with its
/// slash and matched as a whole name.
fn value_of<'a>(dictionary: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let mut from = 0;
    while let Some(at) = find(&dictionary[from..], key) {
        let end = from + at + key.len();
        if dictionary.get(end).is_none_or(|b| is_delimiter(*b)) {
            return Some(&dictionary[end..]);
        }
        from = end;
    }
    None
}

/// The object number and generation of an indirect reference (`12 0 R`) at
/// the start of `bytes`, after any opening bracket.
fn reference(bytes: &[u8]) -> Option<(u32, u16)> {
    let bytes = bytes.trim_ascii_start().strip_prefix(b"[").unwrap_or(bytes);
    let mut parts = tokens(bytes);
    let object = (number(parts.next())?, number(parts.next())?);
    let marker = parts.next()?;
    (marker.first() == Some(&b'R') && marker.get(1).is_none_or(|b| is_delimiter(*b)))
        .then_some(object)
}

impl<'a> Original<'a> {
    pub(crate) fn parse(bytes: &'a [u8]) -> Result<Self, PdfError> {
        let tail = bytes.len().saturating_sub(1024);
        let at = rfind(&bytes[tail..], b"startxref").ok_or(UNSUPPORTED_XREF)?;
        let startxref = number(tokens(&bytes[tail + at + 9..]).next()).ok_or(UNSUPPORTED_XREF)?;
        let mut original = Self {
            bytes,
            offsets: BTreeMap::new(),
            startxref,
            size: 0,
            root: 0,
            carried: String::new(),
        };
        let mut section = Some(startxref);
        let mut read = Vec::new();
        while let Some(offset) = section {
            if read.contains(&offset) {
                return Err(PdfError::Unsupported("cross-reference sections in a loop"));
            }
            let trailer = original.read_section(offset)?;
            if read.is_empty() {
                original.read_trailer(trailer)?;
            }
            read.push(offset);
            section = value_of(trailer, b"/Prev").and_then(|v| number(tokens(v).next()));
        }
        Ok(original)
    }

    /// Records one cross-reference section's entries (older sections do not
    /// override newer ones) and returns its trailer dictionary.
    fn read_section(&mut self, offset: usize) -> Result<&'a [u8], PdfError> {
        let bytes: &'a [u8] = self.bytes;
        let section = bytes
            .get(offset..)
            .and_then(|s| s.strip_prefix(b"xref"))
            .ok_or(UNSUPPORTED_XREF)?;
        let end = find(section, b"trailer").ok_or(UNSUPPORTED_XREF)?;
        let mut parts = tokens(&section[..end]);
        while let Some(first) = number::<u32>(parts.next()) {
            let count: u32 = number(parts.next()).ok_or(UNSUPPORTED_XREF)?;
            let last = first.checked_add(count).ok_or(UNSUPPORTED_XREF)?;
            for object in first..last {
                let offset = number(parts.next()).ok_or(UNSUPPORTED_XREF)?;
                let generation = number(parts.next()).ok_or(UNSUPPORTED_XREF)?;
                if parts.next() == Some(b"n") {
                    self.offsets.entry(object).or_insert((offset, generation));
                }
            }
        }
        let trailer = &section[end + 7..];
        let close = find(trailer, b"startxref").ok_or(UNSUPPORTED_XREF)?;
        Ok(&trailer[..close])
    }

    fn read_trailer(&mut self, trailer: &[u8]) -> Result<(), PdfError> {
        self.size = value_of(trailer, b"/Size")
            .and_then(|v| number(tokens(v).next()))
            .ok_or(NO_TRAILER)?;
        (self.root, _) = value_of(trailer, b"/Root")
            .and_then(reference)
            .ok_or(NO_TRAILER)?;
        if let Some((info, generation)) = value_of(trailer, b"/Info").and_then(reference) {
            self.carried
                .push_str(&format!(" /Info {info} {generation} R"));
        }
        if let Some(id) = value_of(trailer, b"/ID") {
            let close = find(id, b"]").ok_or(PdfError::Unsupported("a malformed /ID"))?;
            let id = String::from_utf8_lossy(&id[..=close]);
            self.carried.push_str(&format!(" /ID {}", id.trim()));
        }
        Ok(())
    }

    /// The dictionary of object `number`, which must not be a stream.
    pub(crate) fn object(&self, number: u32) -> Result<Object<'a>, PdfError> {
        let &(offset, generation) = self.offsets.get(&number).ok_or(MISPLACED)?;
        let bytes: &'a [u8] = self.bytes;
        let header = format!("{number} {generation} obj");
        let body = bytes
            .get(offset..)
            .and_then(|start| start.strip_prefix(header.as_bytes()))
            .ok_or(MISPLACED)?;
        let end = find(body, b"endobj").ok_or(PdfError::Unsupported("an unterminated object"))?;
        let dictionary = body[..end].trim_ascii();
        if !dictionary.starts_with(b"<<") || !dictionary.ends_with(b">>") {
            return Err(PdfError::Unsupported(
                "a catalog or page that is not a dictionary",
            ));
        }
        Ok(Object {
            number,
            generation,
            dictionary,
        })
    }

    /// The catalog and the first page.
    pub(crate) fn catalog_and_first_page(&self) -> Result<(Object<'a>, Object<'a>), PdfError> {
        let catalog = self.object(self.root)?;
        if value_of(catalog.dictionary, b"/AcroForm").is_some() {
            return Err(PdfError::Unsupported("a document with a form already"));
        }
        let (tree, _) = value_of(catalog.dictionary, b"/Pages")
            .and_then(reference)
            .ok_or(PdfError::Unsupported("a catalog without pages"))?;
        let tree = self.object(tree)?;
        let (first, _) = value_of(tree.dictionary, b"/Kids")
            .and_then(reference)
            .ok_or(PdfError::Unsupported("a page tree without pages"))?;
        let page = self.object(first)?;
        if value_of(page.dictionary, b"/Type")
            .is_none_or(|v| !v.trim_ascii_start().starts_with(b"/Page"))
            || value_of(page.dictionary, b"/Kids").is_some()
        {
            return Err(PdfError::Unsupported("a nested page tree"));
        }
        if value_of(page.dictionary, b"/Annots").is_some() {
            return Err(PdfError::Unsupported(
                "a first page with annotations already",
            ));
        }
        Ok((catalog, page))
    }
}

impl Object<'_> {
    /// The object rewritten with `extra` entries added to its dictionary.
    pub(crate) fn extended(&self, extra: &str) -> Vec<u8> {
        let open = &self.dictionary[..self.dictionary.len() - 2];
        let mut out = format!("{} {} obj\n", self.number, self.generation).into_bytes();
        out.extend_from_slice(open);
        out.extend_from_slice(extra.as_bytes());
        out.extend_from_slice(b" >>\nendobj\n");
        out
    }

    pub(crate) fn reference(&self) -> String {
        format!("{} {} R", self.number, self.generation)
    }
}

/// A cross-reference section for `entries` (object number, generation,
/// offset), in subsections of consecutive numbers.
pub(crate) fn xref_section(mut entries: Vec<(u32, u16, usize)>) -> String {
    entries.sort_unstable();
    let mut out = String::from("xref\n");
    let mut i = 0;
    while i < entries.len() {
        let mut run = 1;
        while entries
            .get(i + run)
            .is_some_and(|next| next.0 == entries[i].0 + u32::try_from(run).unwrap_or(u32::MAX))
        {
            run += 1;
        }
        out.push_str(&format!("{} {run}\n", entries[i].0));
        for (_, generation, offset) in &entries[i..i + run] {
            out.push_str(&format!("{offset:010} {generation:05} n\r\n"));
        }
        i += run;
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    /// A PDF of the given objects (numbered from 1) with one classic
    /// cross-reference table, then `updates` appended as an incremental
    /// section redefining object 1.
    fn pdf(objects: &[&str], update: Option<&str>) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut entries = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            let number = u32::try_from(i + 1).unwrap();
            entries.push((number, 0, out.len()));
            out.extend_from_slice(format!("{number} 0 obj\n{body}\nendobj\n").as_bytes());
        }
        let first = out.len();
        out.extend_from_slice(xref_section(entries).as_bytes());
        let size = objects.len() + 1;
        out.extend_from_slice(
            format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{first}\n%%EOF\n")
                .as_bytes(),
        );
        if let Some(catalog) = update {
            let at = out.len();
            out.extend_from_slice(format!("1 0 obj\n{catalog}\nendobj\n").as_bytes());
            let xref = out.len();
            out.extend_from_slice(xref_section(vec![(1, 0, at)]).as_bytes());
            out.extend_from_slice(
                format!(
                    "trailer\n<< /Size {size} /Root 1 0 R /Prev {first} /ID [<AB> <AB>] >>\n\
                     startxref\n{xref}\n%%EOF\n"
                )
                .as_bytes(),
            );
        }
        out
    }

    const PAGES: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    const PAGE: &str = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>";

    #[test]
    fn the_catalog_and_first_page_are_found_through_the_page_tree() {
        let bytes = pdf(&["<< /Type /Catalog /Pages 2 0 R >>", PAGES, PAGE], None);
        let original = Original::parse(&bytes).unwrap();
        assert_eq!((original.size, original.root), (4, 1));
        let (catalog, page) = original.catalog_and_first_page().unwrap();
        assert_eq!(catalog.number, 1);
        assert_eq!(page.number, 3);
        assert_eq!(
            page.extended(" /Annots [9 0 R]"),
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10]  /Annots [9 0 R] >>\nendobj\n"
        );
    }

    #[test]
    fn the_newest_section_wins_and_the_trailer_id_is_carried_over() {
        let bytes = pdf(
            &["<< /Type /Catalog /Pages 2 0 R >>", PAGES, PAGE],
            Some("<< /Type /Catalog /Pages 2 0 R /Lang (ro) >>"),
        );
        let original = Original::parse(&bytes).unwrap();
        let catalog = original.object(1).unwrap();
        assert!(catalog.dictionary.ends_with(b"/Lang (ro) >>"));
        assert_eq!(original.object(3).unwrap().number, 3);
        assert_eq!(original.carried, " /ID [<AB> <AB>]");
    }

    #[test]
    fn a_form_or_annotations_already_there_are_refused() {
        let with_form = pdf(
            &[
                "<< /Type /Catalog /Pages 2 0 R /AcroForm << >> >>",
                PAGES,
                PAGE,
            ],
            None,
        );
        let original = Original::parse(&with_form).unwrap();
        assert!(original.catalog_and_first_page().is_err());
        let annotated = pdf(
            &[
                "<< /Type /Catalog /Pages 2 0 R >>",
                PAGES,
                "<< /Type /Page /Parent 2 0 R /Annots [] >>",
            ],
            None,
        );
        let original = Original::parse(&annotated).unwrap();
        assert!(original.catalog_and_first_page().is_err());
    }

    #[test]
    fn a_section_that_names_itself_as_previous_is_refused() {
        let bytes = pdf(&["<< /Type /Catalog /Pages 2 0 R >>", PAGES, PAGE], None);
        let startxref = Original::parse(&bytes).unwrap().startxref;
        let text = String::from_utf8(bytes).unwrap().replace(
            "/Root 1 0 R >>",
            &format!("/Root 1 0 R /Prev {startxref} >>"),
        );
        assert!(matches!(
            Original::parse(text.as_bytes()),
            Err(PdfError::Unsupported("cross-reference sections in a loop"))
        ));
    }

    #[test]
    fn a_cross_reference_stream_is_refused() {
        let bytes = b"%PDF-1.7\n1 0 obj\n<< /Type /XRef >>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n";
        assert!(matches!(
            Original::parse(bytes),
            Err(PdfError::Unsupported(_))
        ));
    }

    #[test]
    fn references_are_read_with_or_without_brackets_and_spaces() {
        assert_eq!(reference(b" 12 0 R/Info 3 0 R"), Some((12, 0)));
        assert_eq!(reference(b"[5 2 R]"), Some((5, 2)));
        assert_eq!(reference(b" [ 7 0 R 8 0 R ]"), Some((7, 0)));
        assert_eq!(reference(b" 7 0 Rx"), None);
        assert_eq!(
            value_of(b"<< /PageMode /X /Pages 2 0 R >>", b"/Pages").map(reference),
            Some(Some((2, 0)))
        );
    }

    #[test]
    fn cross_reference_subsections_group_consecutive_numbers() {
        let section = xref_section(vec![(19, 0, 300), (1, 0, 100), (18, 0, 200), (16, 0, 150)]);
        assert_eq!(
            section,
            "xref\n1 1\n0000000100 00000 n\r\n16 1\n0000000150 00000 n\r\n\
             18 2\n0000000200 00000 n\r\n0000000300 00000 n\r\n"
        );
    }
}
