//! Choosing the store from configuration.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_files::{DocumentStore, S3Config, StoreConfig};

#[test]
fn reads_a_local_directory_or_an_s3_bucket() {
    let local: StoreConfig =
        toml::from_str("backend = \"local\"\nroot = \"/var/lib/ghiseu/documents\"").unwrap();
    assert_eq!(
        local,
        StoreConfig::Local {
            root: "/var/lib/ghiseu/documents".into()
        }
    );

    let s3: StoreConfig = toml::from_str(
        "backend = \"s3\"\nbucket = \"acte\"\nendpoint = \"https://s3.example.ro\"\nregion = \"eu-central-1\"",
    )
    .unwrap();
    assert_eq!(
        s3,
        StoreConfig::S3(S3Config {
            bucket: "acte".into(),
            region: Some("eu-central-1".into()),
            endpoint: Some("https://s3.example.ro".into()),
            allow_http: false,
        })
    );
    assert!(
        toml::from_str::<StoreConfig>("backend = \"s3\"\nbucket = \"a\"\nsecret = \"x\"").is_err()
    );
}

#[test]
fn the_local_directory_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("a/b/documents");
    DocumentStore::open(&StoreConfig::Local { root: root.clone() }).unwrap();
    assert!(root.is_dir());
}

fn s3_config() -> StoreConfig {
    StoreConfig::S3(S3Config {
        bucket: "acte".into(),
        region: Some("eu-central-1".into()),
        endpoint: Some("http://127.0.0.1:9".into()),
        allow_http: true,
    })
}

/// Building the store also builds its HTTP client, which stops the process
/// if no TLS provider has been installed (see the `s3` feature).
#[cfg(feature = "s3")]
#[test]
fn an_s3_store_is_built_without_contacting_it() {
    DocumentStore::open(&s3_config()).unwrap();
}

#[cfg(not(feature = "s3"))]
#[test]
fn s3_needs_the_feature() {
    let error = DocumentStore::open(&s3_config()).unwrap_err();
    assert!(
        matches!(error, ghiseu_files::StoreError::BackendNotBuilt("s3")),
        "{error}"
    );
}
