//! The crates' layers, read from their manifests: the domain stays pure (no
//! I/O, no async, no web, no database), storage knows no web, and the web
//! crate reaches the database only through storage. A dependency that breaks
//! a layer fails here before it spreads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

/// Each crate, and the dependencies it must not have.
const RULES: [(&str, &[&str]); 3] = [
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
            "ghiseu-web",
            "ghiseu-notify",
            "ghiseu-files",
            "ghiseu-payments",
        ],
    ),
    ("storage", &["axum", "askama", "hyper", "ghiseu-web"]),
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

#[test]
fn every_crate_keeps_to_its_layer() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for (name, forbidden) in RULES {
        let manifest = std::fs::read_to_string(crates.join(name).join("Cargo.toml")).unwrap();
        let found = broken(&manifest, forbidden);
        assert!(found.is_empty(), "crates/{name} depends on {found:?}");
    }
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
}
