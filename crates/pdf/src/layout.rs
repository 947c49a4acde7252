//! Setting text on A4 pages: wrapping to a width and starting a new page
//! when the current one is full.

use pdf_writer::{Content, Str};

use crate::font::{Font, Weight};

/// A4 in points.
pub(crate) const PAGE_WIDTH: f32 = 595.0;
pub(crate) const PAGE_HEIGHT: f32 = 842.0;
pub(crate) const MARGIN: f32 = 56.0;
/// The size of the footer line below the bottom margin.
const FOOTER: f32 = 8.0;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.35;

/// The pages laid out so far and the two faces they use.
pub(crate) struct Composer {
    pub(crate) regular: Font,
    pub(crate) bold: Font,
    pages: Vec<Content>,
    current: Content,
    /// The baseline of the next line, from the bottom of the page.
    y: f32,
}

impl Composer {
    pub(crate) fn new(regular: Font, bold: Font) -> Self {
        let mut current = Content::new();
        current.set_fill_gray(0.0);
        Self {
            regular,
            bold,
            pages: Vec::new(),
            current,
            y: PAGE_HEIGHT - MARGIN,
        }
    }

    fn font(&self, weight: Weight) -> &Font {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    pub(crate) fn line_height(size: f32) -> f32 {
        size * LEADING
    }

    /// Starts a new page unless `height` points still fit above the bottom
    /// margin.
    pub(crate) fn ensure(&mut self, height: f32) {
        if self.y - height < MARGIN && self.y < PAGE_HEIGHT - MARGIN {
            let mut next = Content::new();
            next.set_fill_gray(0.0);
            self.pages.push(std::mem::replace(&mut self.current, next));
            self.y = PAGE_HEIGHT - MARGIN;
        }
    }

    pub(crate) fn skip(&mut self, height: f32) {
        self.y -= height;
    }

    /// The number of the page being laid out, from 1.
    pub(crate) fn page_number(&self) -> usize {
        self.pages.len() + 1
    }

    pub(crate) fn y(&self) -> f32 {
        self.y
    }

    /// Sets one line of text with its baseline `size` below the cursor,
    /// without moving the cursor.
    pub(crate) fn text_at(&mut self, weight: Weight, size: f32, x: f32, y: f32, text: &str) {
        let codes = match weight {
            Weight::Regular => self.regular.encode(text),
            Weight::Bold => self.bold.encode(text),
        };
        self.current
            .begin_text()
            .set_font(weight.resource(), size)
            .set_text_matrix([1.0, 0.0, 0.0, 1.0, x, y - size])
            .show(Str(&codes))
            .end_text();
    }

    /// Wraps `text` to `width` points in the given face and size.
    pub(crate) fn wrap(&self, weight: Weight, size: f32, width: f32, text: &str) -> Vec<String> {
        let font = self.font(weight);
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if font.width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line = break_word(font, size, width, word, &mut lines);
            }
            lines.push(line);
        }
        lines
    }

    /// Sets a wrapped paragraph at `x`, `width` wide, moving the cursor below
    /// it and continuing on a new page where needed.
    pub(crate) fn paragraph(&mut self, weight: Weight, size: f32, x: f32, width: f32, text: &str) {
        let height = Self::line_height(size);
        for line in self.wrap(weight, size, width, text) {
            self.ensure(height);
            let y = self.y;
            self.text_at(weight, size, x, y, &line);
            self.y -= height;
        }
    }

    /// Fills the rectangle whose top-left corner is (`x`, `top`).
    pub(crate) fn square(&mut self, x: f32, top: f32, width: f32, height: f32) {
        self.current.rect(x, top - height, width, height);
    }

    pub(crate) fn fill(&mut self) {
        self.current.fill_nonzero();
    }

    /// The content stream of every page, in order, each page ending with a
    /// footer line of `footer` and its page number out of the total, so that
    /// a page cannot pass for one of another certificate or go missing
    /// unnoticed.
    pub(crate) fn finish(mut self, footer: &str) -> (Vec<Vec<u8>>, Font, Font) {
        let mut pages = std::mem::take(&mut self.pages);
        pages.push(std::mem::replace(&mut self.current, Content::new()));
        let total = pages.len();
        let contents = pages
            .into_iter()
            .enumerate()
            .map(|(i, page)| {
                self.current = page;
                let text = format!("{footer} · {} / {total}", i + 1);
                let x = PAGE_WIDTH - MARGIN - self.regular.width(&text, FOOTER);
                self.text_at(Weight::Regular, FOOTER, x, MARGIN - FOOTER, &text);
                std::mem::replace(&mut self.current, Content::new())
                    .finish()
                    .to_vec()
            })
            .collect();
        (contents, self.regular, self.bold)
    }
}

/// Splits a word too long for one line into as many full lines as it needs,
/// returning the remainder.
fn break_word(font: &Font, size: f32, width: f32, word: &str, lines: &mut Vec<String>) -> String {
    let mut part = String::new();
    for c in word.chars() {
        part.push(c);
        if font.width(&part, size) > width && part.chars().count() > 1 {
            part.pop();
            lines.push(std::mem::take(&mut part));
            part.push(c);
        }
    }
    part
}
