//! The two embedded DejaVu Sans faces: measuring text, encoding it as glyph
//! ids, and writing each face into the PDF as a subset CID-keyed font.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use sha2::{Digest, Sha256};
use subsetter::GlyphRemapper;
use ttf_parser::Face;

use crate::PdfError;

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Which of the two faces a piece of text is set in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

impl Weight {
    /// The resource name under which every page refers to this face.
    pub(crate) fn resource(self) -> Name<'static> {
        match self {
            Self::Regular => Name(b"F1"),
            Self::Bold => Name(b"F2"),
        }
    }
}

/// One face and the glyphs the document has used from it so far.
pub(crate) struct Font {
    face: Face<'static>,
    data: &'static [u8],
    postscript_name: &'static str,
    remapper: GlyphRemapper,
    /// Subset glyph id → the character it was first used for (for ToUnicode).
    chars: BTreeMap<u16, char>,
    /// Subset glyph id → advance width in thousandths of the font size.
    widths: BTreeMap<u16, f32>,
}

impl Font {
    pub(crate) fn load(weight: Weight) -> Result<Self, PdfError> {
        let (data, postscript_name) = match weight {
            Weight::Regular => (REGULAR, "DejaVuSans"),
            Weight::Bold => (BOLD, "DejaVuSans-Bold"),
        };
        let face = Face::parse(data, 0).map_err(|e| PdfError::Font(e.to_string()))?;
        Ok(Self {
            face,
            data,
            postscript_name,
            remapper: GlyphRemapper::new(),
            chars: BTreeMap::new(),
            widths: BTreeMap::new(),
        })
    }

    /// The glyph for `c`; a character the face lacks is shown as `?`, since
    /// PDF/A forbids showing the `.notdef` glyph.
    fn glyph(&self, c: char) -> (u16, char) {
        match self.face.glyph_index(c) {
            Some(id) if id.0 != 0 => (id.0, c),
            _ => (self.face.glyph_index('?').map_or(0, |id| id.0), '?'),
        }
    }

    fn advance(&self, glyph: u16) -> f32 {
        let units = self
            .face
            .glyph_hor_advance(ttf_parser::GlyphId(glyph))
            .unwrap_or(0);
        f32::from(units) * 1000.0 / f32::from(self.face.units_per_em())
    }

    /// The width of `text` set at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let thousandths: f32 = text.chars().map(|c| self.advance(self.glyph(c).0)).sum();
        thousandths * size / 1000.0
    }

    /// `text` as two-byte codes of the subset font, remembering each glyph used.
    pub(crate) fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut codes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let (glyph, shown) = self.glyph(c);
            let cid = self.remapper.remap(glyph);
            self.chars.entry(cid).or_insert(shown);
            let width = self.advance(glyph);
            self.widths.entry(cid).or_insert(width);
            codes.extend_from_slice(&cid.to_be_bytes());
        }
        codes
    }

    /// A six-letter subset tag derived from the glyphs kept, as PDF asks of
    /// subset font names.
    fn subset_name(&self) -> String {
        let mut hasher = Sha256::new();
        for cid in self.chars.keys() {
            hasher.update(cid.to_be_bytes());
        }
        hasher.update(self.postscript_name.as_bytes());
        let tag: String = hasher
            .finalize()
            .iter()
            .take(6)
            .map(|b| char::from(b'A' + b % 26))
            .collect();
        format!("{tag}+{}", self.postscript_name)
    }

    /// The font program reduced to the glyphs used, renumbered as encoded.
    fn subset(&self) -> Result<Vec<u8>, PdfError> {
        subsetter::subset(self.data, 0, &self.remapper).map_err(|e| PdfError::Font(e.to_string()))
    }

    fn scaled(&self, units: i16) -> f32 {
        f32::from(units) * 1000.0 / f32::from(self.face.units_per_em())
    }

    /// Writes the Type 0 font with its CID font, descriptor, subset font
    /// program and ToUnicode map; `ids` are five fresh object ids, the first
    /// being the one pages refer to.
    pub(crate) fn write(&self, pdf: &mut Pdf, ids: [Ref; 5]) -> Result<(), PdfError> {
        let [type0, cid_font, descriptor, program, to_unicode] = ids;
        let name = self.subset_name();
        let system_info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        pdf.type0_font(type0)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_font)
            .to_unicode(to_unicode);

        let mut cid = pdf.cid_font(cid_font);
        cid.subtype(CidFontType::Type2)
            .base_font(Name(name.as_bytes()))
            .system_info(system_info)
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let mut widths = cid.widths();
        for (first, run) in runs(&self.widths) {
            widths.consecutive(first, run);
        }
        widths.finish();
        cid.finish();

        let bbox = self.face.global_bounding_box();
        pdf.font_descriptor(descriptor)
            .name(Name(name.as_bytes()))
            .flags(FontFlags::SYMBOLIC)
            .bbox(Rect::new(
                self.scaled(bbox.x_min),
                self.scaled(bbox.y_min),
                self.scaled(bbox.x_max),
                self.scaled(bbox.y_max),
            ))
            .italic_angle(0.0)
            .ascent(self.scaled(self.face.ascender()))
            .descent(self.scaled(self.face.descender()))
            .cap_height(self.scaled(self.face.capital_height().unwrap_or(0)))
            .stem_v(80.0)
            .font_file2(program);

        let subset = self.subset()?;
        let packed = crate::deflate(&subset);
        pdf.stream(program, &packed)
            .filter(Filter::FlateDecode)
            .pair(
                Name(b"Length1"),
                i32::try_from(subset.len()).unwrap_or(i32::MAX),
            );

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), system_info);
        for (&id, &c) in &self.chars {
            cmap.pair(id, c);
        }
        pdf.cmap(to_unicode, &cmap.finish());
        Ok(())
    }
}

/// Widths by glyph id, grouped into runs of consecutive ids.
fn runs(widths: &BTreeMap<u16, f32>) -> Vec<(u16, Vec<f32>)> {
    let mut runs: Vec<(u16, Vec<f32>)> = Vec::new();
    for (&id, &width) in widths {
        match runs.last_mut() {
            Some((first, run)) if usize::from(*first) + run.len() == usize::from(id) => {
                run.push(width);
            }
            _ => runs.push((id, vec![width])),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use std::collections::BTreeMap;

    #[test]
    fn widths_are_grouped_into_runs_of_consecutive_glyphs() {
        let widths = BTreeMap::from([(1, 10.0), (2, 20.0), (3, 30.0), (7, 70.0), (8, 80.0)]);
        assert_eq!(
            super::runs(&widths),
            [(1, vec![10.0, 20.0, 30.0]), (7, vec![70.0, 80.0])]
        );
    }

    #[test]
    fn the_widths_written_match_the_subset_font_program() {
        let mut font = super::Font::load(super::Weight::Bold).unwrap();
        font.encode("Șț ї ґ ų ž — AW 123");
        let subset = font.subset().unwrap();
        let face = ttf_parser::Face::parse(&subset, 0).unwrap();
        // 13 distinct characters and .notdef, then the components of
        // composite glyphs such as Ș.
        assert_eq!(font.widths.len(), 13);
        assert!(face.number_of_glyphs() >= 14 && face.number_of_glyphs() < 40);
        for (&cid, &width) in &font.widths {
            let advance = face.glyph_hor_advance(ttf_parser::GlyphId(cid)).unwrap();
            let expected = f32::from(advance) * 1000.0 / f32::from(face.units_per_em());
            assert!(
                (expected - width).abs() < 0.01,
                "glyph {cid}: {expected} ≠ {width}"
            );
        }
    }

    #[test]
    fn every_letter_of_the_four_scripts_has_a_glyph_in_both_faces() {
        for weight in [super::Weight::Regular, super::Weight::Bold] {
            let font = super::Font::load(weight).unwrap();
            for c in
                "ăâîșțĂÂÎȘȚіїєґІЇЄҐабвгдеёжзийклмнопрстуфхцчшщъыьэюяąčęėįšųūžĄČĘĖĮŠŲŪŽ„”–—·".chars()
            {
                assert_eq!(font.glyph(c).1, c, "{c} missing in {weight:?}");
            }
        }
    }
}
