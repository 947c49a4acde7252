//! The name a person gave their file, made safe to show back to them. It is
//! only ever displayed: never a storage key, a path or a format hint.

use crate::sniff::Kind;

/// The longest display name kept, in characters.
pub const MAX_DISPLAY_NAME_CHARS: usize = 120;
/// An extension up to this many characters survives shortening.
const MAX_KEPT_EXTENSION_CHARS: usize = 10;

/// Reduces an uploaded file's name to its last path component (after `/` or
/// `\`), without control or bidirectional-override characters, trimmed, and
/// at most [`MAX_DISPLAY_NAME_CHARS`] long, keeping a short extension when
/// shortening. `None` when nothing displayable remains.
pub fn display_name(raw: &str) -> Option<String> {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let cleaned: String = last.chars().filter(|c| !hidden(*c)).collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() || cleaned.chars().all(|c| c == '.') {
        return None;
    }
    Some(shorten(cleaned))
}

/// The kind a file's name claims by its extension, to compare with the kind
/// its content shows (a person may have renamed it, or picked the wrong one).
pub fn claimed_kind(name: &str) -> Option<Kind> {
    let (_, extension) = name.rsplit_once('.')?;
    match extension.to_ascii_lowercase().as_str() {
        "pdf" => Some(Kind::Pdf),
        "jpg" | "jpeg" | "jpe" | "jfif" => Some(Kind::Jpeg),
        "png" => Some(Kind::Png),
        _ => None,
    }
}

/// Characters that would let a name hide or reorder its own text, as in
/// `invoice<U+202E>fdp.exe` showing as `invoiceexe.pdf`.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || c == '\u{FEFF}'
}

fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_DISPLAY_NAME_CHARS {
        return name.to_owned();
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, extension)| extension)
        .filter(|extension| extension.chars().count() <= MAX_KEPT_EXTENSION_CHARS)
        .unwrap_or("");
    let kept = if extension.is_empty() {
        MAX_DISPLAY_NAME_CHARS
    } else {
        MAX_DISPLAY_NAME_CHARS - extension.chars().count() - 1
    };
    let stem: String = name.chars().take(kept).collect();
    let stem = stem.trim_end();
    if extension.is_empty() {
        stem.to_owned()
    } else {
        format!("{stem}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_directories_of_either_kind() {
        assert_eq!(display_name("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(
            display_name(r"C:\Users\ana\Desktop\act.pdf").as_deref(),
            Some("act.pdf")
        );
        assert_eq!(display_name("dir/").as_deref(), None);
        assert_eq!(display_name("..").as_deref(), None);
    }

    #[test]
    fn drops_control_and_direction_characters() {
        assert_eq!(
            display_name("act\u{0}\n\u{202E}fdp.exe").as_deref(),
            Some("actfdp.exe")
        );
        assert_eq!(display_name("\u{7}\t ").as_deref(), None);
    }

    #[test]
    fn tells_the_kind_a_name_claims() {
        assert_eq!(claimed_kind("scan.PDF"), Some(Kind::Pdf));
        assert_eq!(claimed_kind("photo.jpeg"), Some(Kind::Jpeg));
        assert_eq!(claimed_kind("a.tar.png"), Some(Kind::Png));
        assert_eq!(claimed_kind("pdf"), None);
        assert_eq!(claimed_kind("act.docx"), None);
    }

    #[test]
    fn keeps_ordinary_names_including_diacritics() {
        assert_eq!(
            display_name("Certificat de naștere.pdf").as_deref(),
            Some("Certificat de naștere.pdf")
        );
    }

    #[test]
    fn shortens_long_names_keeping_the_extension() {
        let long = format!("{}.jpeg", "ș".repeat(300));
        let shown = display_name(&long).unwrap_or_default();
        assert_eq!(shown.chars().count(), MAX_DISPLAY_NAME_CHARS);
        assert!(shown.ends_with("ș.jpeg"));

        let no_extension = "x".repeat(500);
        let shown = display_name(&no_extension).unwrap_or_default();
        assert_eq!(shown.chars().count(), MAX_DISPLAY_NAME_CHARS);
    }
}
