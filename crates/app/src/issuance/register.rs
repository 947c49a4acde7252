//! The criminal record register, behind a small interface: the authority's
//! real register later, a demonstration register read from a data file now.

use ghiseu_domain::national_id::NationalId;
use ghiseu_domain::organisation::Cui;
use std::collections::HashMap;
use std::path::Path;

/// One entry of a person's record, as the register words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordEntry(pub String);

/// Why the register could not answer.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("the register is unavailable: {0}")]
    Unavailable(String),
    #[error("the register file {path} is not usable: {reason}")]
    File { path: String, reason: String },
}

/// Whom the register is asked about.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    Person(&'a NationalId),
    Organisation(&'a Cui),
}

impl Subject<'_> {
    fn digest(self) -> String {
        match self {
            Subject::Person(id) => id.digest(),
            Subject::Organisation(cui) => cui.digest(),
        }
    }
}

/// A person's civil status as the register knows it, for the request's
/// pre-filled details; each part only where known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CivilStatus {
    pub birth_place: Option<String>,
    pub father: Option<String>,
    pub mother: Option<String>,
}

/// What the register holds on a person or an organisation.
pub trait CriminalRecordRegister: Send + Sync + std::fmt::Debug {
    fn entries(&self, subject: Subject<'_>) -> Result<Vec<RecordEntry>, RegisterError>;

    /// The person's civil status, where the register knows it.
    fn civil_status(&self, person: &NationalId) -> Result<Option<CivilStatus>, RegisterError> {
        let _ = person;
        Ok(None)
    }
}

/// The demonstration register: a TOML file with a `[[person]]` table per
/// person who has entries (`personal_id` and `country`, `entries`) and an
/// `[[organisation]]` table per organisation (`cui`, `entries`). Anyone
/// else has none. The personal ids are kept only as digests.
#[derive(Debug, Default)]
pub struct DemoRegister {
    by_holder: HashMap<String, Vec<RecordEntry>>,
    civil: HashMap<String, CivilStatus>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterFile {
    #[serde(default)]
    person: Vec<PersonFile>,
    #[serde(default)]
    organisation: Vec<OrganisationFile>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationFile {
    cui: String,
    entries: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonFile {
    country: String,
    personal_id: String,
    #[serde(default)]
    entries: Vec<String>,
    birth_place: Option<String>,
    father: Option<String>,
    mother: Option<String>,
}

impl DemoRegister {
    pub fn from_file(path: &Path) -> Result<Self, RegisterError> {
        let failed = |reason: String| RegisterError::File {
            path: path.display().to_string(),
            reason,
        };
        let text = std::fs::read_to_string(path).map_err(|e| failed(e.to_string()))?;
        Self::from_toml(&text).map_err(failed)
    }

    pub fn from_toml(text: &str) -> Result<Self, String> {
        let file: RegisterFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut by_holder = HashMap::new();
        let mut civil = HashMap::new();
        for person in file.person {
            let country = person
                .country
                .parse()
                .map_err(|_| format!("unknown country {}", person.country))?;
            let id = NationalId::parse(country, &person.personal_id)
                .map_err(|e| format!("personal id of a person with entries: {e}"))?;
            let status = CivilStatus {
                birth_place: person.birth_place,
                father: person.father,
                mother: person.mother,
            };
            if status != CivilStatus::default() {
                civil.insert(id.digest(), status);
            }
            if !person.entries.is_empty() {
                let entries = person.entries.into_iter().map(RecordEntry).collect();
                by_holder.insert(id.digest(), entries);
            }
        }
        for organisation in file.organisation {
            let cui = Cui::parse(&organisation.cui)
                .map_err(|e| format!("CUI {} of an organisation: {e}", organisation.cui))?;
            let entries = organisation.entries.into_iter().map(RecordEntry).collect();
            by_holder.insert(cui.digest(), entries);
        }
        Ok(DemoRegister { by_holder, civil })
    }
}

impl CriminalRecordRegister for DemoRegister {
    fn entries(&self, subject: Subject<'_>) -> Result<Vec<RecordEntry>, RegisterError> {
        Ok(self
            .by_holder
            .get(&subject.digest())
            .cloned()
            .unwrap_or_default())
    }

    fn civil_status(&self, person: &NationalId) -> Result<Option<CivilStatus>, RegisterError> {
        Ok(self.civil.get(&person.digest()).cloned())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use ghiseu_domain::national_id::Country;

    #[test]
    fn only_the_listed_people_have_entries() {
        let register = DemoRegister::from_toml(
            "[[person]]\ncountry = \"RO\"\npersonal_id = \"1960523123457\"\nentries = [\"Sentence 1\"]\n\
             [[organisation]]\ncui = \"RO 12345674\"\nentries = [\"Fine 2\"]\n",
        )
        .unwrap();
        let listed = NationalId::parse(Country::Ro, "1960523123457").unwrap();
        assert_eq!(
            register.entries(Subject::Person(&listed)).unwrap(),
            [RecordEntry("Sentence 1".into())]
        );
        let company = Cui::parse("12345674").unwrap();
        assert_eq!(
            register.entries(Subject::Organisation(&company)).unwrap(),
            [RecordEntry("Fine 2".into())]
        );
        let other = NationalId::parse(Country::Ro, "6160510011237").unwrap();
        assert!(
            register
                .entries(Subject::Person(&other))
                .unwrap()
                .is_empty()
        );
        assert!(
            DemoRegister::from_toml("[[organisation]]\ncui = \"12345675\"\nentries = []\n")
                .is_err()
        );
        assert!(
            DemoRegister::from_toml(
                "[[person]]\ncountry = \"RO\"\npersonal_id = \"12\"\nentries = []\n"
            )
            .is_err()
        );
    }
}
