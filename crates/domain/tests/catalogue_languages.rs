//! Every text of the catalogue shipped with Ghiseu is written in all five
//! languages of the portal. The loader itself asks only for English and the
//! authority's own language, so that another authority's catalogue may start
//! with those (a reader of another language then sees the authority's); the
//! files in `catalogue/` are held to all five here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_domain::catalogue::{Catalogue, Lang, SourceFile, Sources};
use std::path::Path;

/// The `*.toml` files of `dir`, named `{prefix}{file name}`, in name order.
fn read(dir: &Path, prefix: &str) -> Vec<SourceFile> {
    let mut files: Vec<SourceFile> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| SourceFile {
            name: format!("{prefix}{}", p.file_name().unwrap().to_string_lossy()),
            text: std::fs::read_to_string(&p).unwrap(),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// The repository's `catalogue/` directory, read as the domain tests read it.
fn shipped() -> Sources {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogue");
    Sources {
        calendars: read(&dir.join("calendars"), "catalogue/calendars/"),
        authorities: read(&dir, "catalogue/"),
    }
}

/// A text is a table whose keys are all language codes (`LocalText`); no
/// other table of a catalogue file has only such keys.
fn is_text(table: &toml::Table) -> bool {
    !table.is_empty()
        && table
            .keys()
            .all(|k| Lang::ALL.iter().any(|l| l.code() == k))
}

/// Every text under `value`, with its path, e.g. `service[2].category[0].name`.
fn texts<'a>(value: &'a toml::Value, path: &str, out: &mut Vec<(String, &'a toml::Table)>) {
    match value {
        toml::Value::Table(table) if is_text(table) => out.push((path.to_string(), table)),
        toml::Value::Table(table) => {
            for (key, child) in table {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                texts(child, &child_path, out);
            }
        }
        toml::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                texts(child, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// How many texts `file` has, and one line per language a text lacks or
/// leaves blank: "file: path: no uk".
fn gaps(file: &SourceFile) -> (usize, Vec<String>) {
    let root: toml::Table = toml::from_str(&file.text)
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", file.name));
    let root = toml::Value::Table(root);
    let mut found = Vec::new();
    texts(&root, "", &mut found);
    let mut gaps = Vec::new();
    for (path, text) in &found {
        for lang in Lang::ALL {
            let problem = match text.get(lang.code()) {
                None => format!("no {lang}"),
                Some(toml::Value::String(s)) if s.trim().is_empty() => format!("{lang} is blank"),
                Some(toml::Value::String(_)) => continue,
                Some(_) => format!("{lang} is not a string"),
            };
            gaps.push(format!("{}: {path}: {problem}", file.name));
        }
    }
    (found.len(), gaps)
}

#[test]
fn every_text_of_the_shipped_catalogue_has_all_five_languages() {
    let sources = shipped();
    // The files must first be a valid catalogue for the loader the portal uses.
    if let Err(errors) = Catalogue::load(&sources) {
        panic!(
            "the shipped catalogue is invalid:\n{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    assert!(
        !sources.authorities.is_empty(),
        "no catalogue files were found"
    );
    let mut problems = Vec::new();
    for file in &sources.authorities {
        let (count, gaps) = gaps(file);
        assert!(count > 0, "{}: no texts were found", file.name);
        problems.extend(gaps);
    }
    assert!(
        problems.is_empty(),
        "texts of the shipped catalogue lack a language ({} gaps):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn a_missing_or_blank_language_is_reported_with_its_file_and_path() {
    let file = SourceFile {
        name: "catalogue/example.toml".to_string(),
        text: r#"
name = { ro = "a", en = "a", ru = "a", uk = "a", lt = "a" }
hours = { mon = ["08:00-12:00"] }

[[service]]
id = "s"
notes = [
  { ro = "a", en = "a", ru = "a", uk = "a", lt = "a" },
  { ro = "a", en = "a", ru = " ", lt = "a" },
]
"#
        .to_string(),
    };
    let (count, gaps) = gaps(&file);
    assert_eq!(count, 3);
    assert_eq!(
        gaps,
        [
            "catalogue/example.toml: service[0].notes[1]: ru is blank",
            "catalogue/example.toml: service[0].notes[1]: no uk",
        ]
    );
}

/// The shipped catalogue with `edit` applied to the file named `name`.
fn shipped_with(name: &str, edit: impl Fn(&str) -> String) -> Sources {
    let mut sources = shipped();
    let file = sources
        .authorities
        .iter_mut()
        .find(|f| f.name == name)
        .unwrap();
    let edited = edit(&file.text);
    assert_ne!(edited, file.text, "the edit changed nothing in {name}");
    file.text = edited;
    sources
}

#[test]
fn a_text_without_the_readers_language_is_shown_in_its_authoritys_own() {
    let lt_name = r#", uk = "Затвердження запрошення для іноземця""#;
    let sources = shipped_with("catalogue/lt-migration.toml", |t| {
        t.replacen(lt_name, "", 1)
    });
    let catalogue = Catalogue::load(&sources).unwrap();
    let (lt, service) = catalogue.service("lt.invitation.approval").unwrap();
    assert_eq!(lt.language, Lang::Lt);
    let shown = service.name.shown(Lang::Uk).unwrap();
    assert_eq!(shown.text, "Kvietimo užsieniečiui patvirtinimas");
    assert_eq!(shown.lang, Lang::Lt);
    assert_eq!(
        service.name.get(Lang::Ru),
        "Утверждение приглашения для иностранца"
    );
    assert_eq!(
        lt.untranslated.iter().copied().collect::<Vec<_>>(),
        [Lang::Uk]
    );
    // The other authorities are untouched and written in every language.
    let igi = catalogue.authority("ro.igi").unwrap();
    assert_eq!(igi.language, Lang::Ro);
    assert!(igi.untranslated.is_empty(), "{:?}", igi.untranslated);

    let ro_name = r#"en = "Simple electronic passport", ru = "Обычный электронный паспорт""#;
    let sources = shipped_with("catalogue/ro-passport-alba.toml", |t| {
        t.replacen(ro_name, r#"en = "Simple electronic passport""#, 1)
    });
    let catalogue = Catalogue::load(&sources).unwrap();
    let (alba, passport) = catalogue.service("ro.passport.electronic").unwrap();
    assert_eq!(alba.language, Lang::Ro);
    assert!(alba.untranslated.contains(&Lang::Ru));
    let shown = passport.name.shown(Lang::Ru).unwrap();
    assert_eq!(
        (shown.text, shown.lang),
        ("Pașaport simplu electronic", Lang::Ro)
    );
}

#[test]
fn every_text_must_be_written_in_its_authoritys_own_language() {
    let lt_name = r#", lt = "Kvietimo užsieniečiui patvirtinimas""#;
    let sources = shipped_with("catalogue/lt-migration.toml", |t| {
        t.replacen(lt_name, "", 1)
    });
    let errors = Catalogue::load(&sources).unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("lt-migration.toml") && m.contains("needs a text in lt")),
        "{messages:?}"
    );
    // A language the portal does not have is refused where it is written.
    let sources = shipped_with("catalogue/lt-migration.toml", |t| {
        t.replacen(
            "country = \"LT\"\n",
            "country = \"LT\"\nlanguage = \"xx\"\n",
            1,
        )
    });
    let errors = Catalogue::load(&sources).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.line == 8 && e.message.contains("unknown language")),
        "{errors:?}"
    );
}

/// The portal is where people apply: no shipped text sends them to another
/// site to do it (an e-mail address of the authority is a contact, not a site).
#[test]
fn no_shipped_text_sends_people_to_another_site() {
    let mut found = Vec::new();
    for file in &shipped().authorities {
        let root = toml::Value::Table(toml::from_str(&file.text).unwrap());
        let mut all = Vec::new();
        texts(&root, "", &mut all);
        for (path, text) in all {
            for (lang, value) in text {
                let value = value.as_str().unwrap_or_default().to_lowercase();
                if ["http://", "https://", "www."]
                    .iter()
                    .any(|s| value.contains(s))
                {
                    found.push(format!("{}: {path}: {lang}", file.name));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "texts naming another site:\n{}",
        found.join("\n")
    );
}
