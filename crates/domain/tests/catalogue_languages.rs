//! Every text of the catalogue shipped with Ghiseu is written in all five
//! languages of the portal. The loader itself asks only for Romanian and
//! English, so that another authority's catalogue may start with those; the
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
