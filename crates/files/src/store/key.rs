//! Where a document is kept: a key the store makes, never the person's file name.

use object_store::path::Path;
use uuid::Uuid;

const PREFIX: &str = "documents/";

/// A document's key in the object store: `documents/{uuid v7}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentKey(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a document key: {0:?}")]
pub struct KeyError(String);

impl DocumentKey {
    /// A fresh key; v7 UUIDs sort by creation time.
    pub fn generate() -> Self {
        DocumentKey(format!("{PREFIX}{}", Uuid::now_v7()))
    }

    /// Reads back a key stored earlier, as from a database column.
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        let uuid = text
            .strip_prefix(PREFIX)
            .and_then(|rest| Uuid::try_parse(rest).ok())
            .ok_or_else(|| KeyError(text.to_owned()))?;
        Ok(DocumentKey(format!("{PREFIX}{}", uuid.hyphenated())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn path(&self) -> Path {
        Path::from(self.0.as_str())
    }
}

impl std::fmt::Display for DocumentKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_parse_back() {
        let key = DocumentKey::generate();
        assert_eq!(DocumentKey::parse(key.as_str()), Ok(key));
    }

    #[test]
    fn refuses_anything_but_the_prefix_and_a_uuid() {
        for text in [
            "",
            "documents/",
            "documents/../secret",
            "documents/act.pdf",
            "other/0190b3a4-7c4e-7f00-8000-000000000000",
            "documents/0190b3a4-7c4e-7f00-8000-000000000000/x",
        ] {
            assert!(DocumentKey::parse(text).is_err(), "{text}");
        }
    }
}
