//! The crates' layers, read from their manifests and from cargo's resolved
//! tree: the domain stays pure (no I/O, no async, no web, no database),
//! storage knows no web, the words (i18n) know no database, the application
//! knows no HTTP framework or template engine, and the web crate reaches the
//! database only through storage. A dependency that breaks a layer fails here
//! before it spreads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

/// What serves HTTP or renders pages: the web crate's business alone.
const WEB_FRAMEWORK: [&str; 7] = [
    "axum",
    "axum-extra",
    "askama",
    "tower",
    "tower-http",
    "utoipa-axum",
    "ghiseu-web",
];

/// Each crate, and the dependencies it must not declare.
const RULES: [(&str, &[&str]); 5] = [
    (
        "domain",
        &[
            "sqlx",
            "tokio",
            "axum",
            "askama",
            "hyper",
            "reqwest",
            "object_store",
            "ghiseu-storage",
            "ghiseu-app",
            "ghiseu-web",
            "ghiseu-notify",
            "ghiseu-files",
            "ghiseu-payments",
        ],
    ),
    (
        "storage",
        &["axum", "askama", "hyper", "ghiseu-app", "ghiseu-web"],
    ),
    (
        "i18n",
        &[
            "sqlx",
            "tokio",
            "axum",
            "askama",
            "ghiseu-storage",
            "ghiseu-app",
            "ghiseu-web",
        ],
    ),
    ("app", &WEB_FRAMEWORK),
    ("web", &["sqlx"]),
];

/// The forbidden dependencies `manifest` declares (normal or build, not dev).
fn broken(manifest: &str, forbidden: &[&str]) -> Vec<String> {
    let parsed: toml::Table = manifest.parse().expect("a Cargo.toml");
    ["dependencies", "build-dependencies"]
        .iter()
        .filter_map(|section| parsed.get(*section).and_then(|s| s.as_table()))
        .flat_map(|deps| deps.keys())
        .filter(|name| forbidden.contains(&name.as_str()))
        .cloned()
        .collect()
}

/// The forbidden packages among those `tree` (the output of
/// `cargo tree --prefix none`) lists.
fn reached(tree: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| forbidden.contains(name))
        .map(String::from)
        .collect();
    found.sort();
    found.dedup();
    found
}

#[test]
fn every_crate_keeps_to_its_layer() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for (name, forbidden) in RULES {
        let manifest = std::fs::read_to_string(crates.join(name).join("Cargo.toml")).unwrap();
        let found = broken(&manifest, forbidden);
        assert!(found.is_empty(), "crates/{name} depends on {found:?}");
    }
}

/// Not even through another crate: the application's resolved dependencies
/// (its own features, not those the web crate adds) hold no web framework.
#[test]
fn the_application_reaches_no_web_framework_through_others() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "-p",
            "ghiseu-app",
            "-e",
            "normal",
            "--prefix",
            "none",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(
        tree.contains("ghiseu-storage"),
        "the tree lists the application's dependencies"
    );
    let found = reached(&tree, &WEB_FRAMEWORK);
    assert!(found.is_empty(), "crates/app reaches {found:?}");
}

#[test]
fn the_check_catches_a_broken_layer() {
    let web = "[package]\nname = \"w\"\n[dependencies]\naxum = \"0.8\"\nsqlx = { workspace = true }\n[dev-dependencies]\ntokio = \"1\"\n";
    assert_eq!(broken(web, &["sqlx"]), ["sqlx"]);
    assert!(
        broken(web, &["tokio"]).is_empty(),
        "dev-dependencies are tests' own"
    );
    let domain = "[package]\nname = \"d\"\n[build-dependencies]\nsqlx = \"0.8\"\n";
    assert_eq!(broken(domain, RULES[0].1), ["sqlx"]);
    let app = "[package]\nname = \"a\"\n[dependencies]\nghiseu-storage = { workspace = true }\naskama = \"0.14\"\n";
    assert_eq!(broken(app, &WEB_FRAMEWORK), ["askama"]);
    let tree = "ghiseu-app v0.1.0\nghiseu-files v0.1.0\nobject_store v0.12.0\naxum v0.8.4\nhttp v1.3.1\naxum v0.8.4 (*)\n";
    assert_eq!(reached(tree, &WEB_FRAMEWORK), ["axum"]);
    assert!(reached("ghiseu-app v0.1.0\nhttp v1.3.1\n", &WEB_FRAMEWORK).is_empty());
}

/// Whether `line` names the database backend (`Backend::Sqlite`, not
/// `DocumentBackend::Local`).
fn names_backend(line: &str) -> bool {
    line.match_indices("Backend::").any(|(at, _)| {
        !line[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Lines of `source` that reach for the raw connection pool or sqlx itself,
/// or branch on the database backend.
fn raw_database_use(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .filter(|line| line.contains(".pool()") || line.contains("sqlx::") || names_backend(line))
        .map(|line| line.trim().to_string())
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// One write door: outside storage, the program writes through
/// `Database::begin_write` and reads through `Database::connection`, never
/// through the pool or sqlx (tests may, to look underneath), and asks the
/// database what it can do rather than which one it is.
#[test]
fn only_storage_touches_the_pool() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut offenders = Vec::new();
    for name in ["app", "web", "cli", "notify", "i18n", "payments", "files"] {
        let mut files = Vec::new();
        rust_files(&crates.join(name).join("src"), &mut files);
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            for line in raw_database_use(&source) {
                offenders.push(format!("{}: {line}", file.display()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "raw database use outside storage:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_pool_check_catches_raw_use() {
    let source = "// the pool() is storage's\nlet mut tx = state.db.pool().begin().await?;\nlet tx = state.db.begin_write().await?;\nsqlx::query(\"SELECT 1\")\nif db.backend() == Backend::Sqlite {\nDocumentBackend::Local => local,\n";
    assert_eq!(
        raw_database_use(source),
        [
            "let mut tx = state.db.pool().begin().await?;",
            "sqlx::query(\"SELECT 1\")",
            "if db.backend() == Backend::Sqlite {"
        ]
    );
}
