//! What the fuzz targets share: the repository's catalogue, built into the
//! binaries so that a target runs from any directory, and the fixed "now".

use std::sync::OnceLock;

use ghiseu_domain::catalogue::{Catalogue, SourceFile, Sources};
use jiff::Timestamp;
use jiff::civil::Date;

macro_rules! repository_file {
    ($path:literal) => {
        SourceFile {
            name: $path.to_owned(),
            text: include_str!(concat!("../../catalogue/", $path)).to_owned(),
        }
    };
}

/// The holiday calendars of the repository's `catalogue/calendars`.
pub fn calendars() -> Vec<SourceFile> {
    vec![
        repository_file!("calendars/ro.toml"),
        repository_file!("calendars/md.toml"),
        repository_file!("calendars/lt.toml"),
    ]
}

/// The repository's catalogue files, as `ghiseu_storage::catalogue_files::bundled`
/// gives them to the server.
pub fn sources() -> Sources {
    Sources {
        calendars: calendars(),
        authorities: vec![
            repository_file!("ro-passport-alba.toml"),
            repository_file!("ro-igi.toml"),
            repository_file!("ro-criminal-record.toml"),
            repository_file!("md-igm.toml"),
            repository_file!("lt-migration.toml"),
        ],
    }
}

/// The repository's catalogue, loaded once per process.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| match Catalogue::load(&sources()) {
        Ok(catalogue) => catalogue,
        Err(errors) => panic!("the repository's catalogue does not load: {errors:?}"),
    })
}

/// "Now" for the targets, as in the web tests: Monday 23 November 2026,
/// 10:00 in Bucharest.
pub fn now() -> Timestamp {
    "2026-11-23T08:00:00Z".parse().unwrap()
}

/// Today in every authority's time zone at [`now`].
pub fn today() -> Date {
    Date::constant(2026, 11, 23)
}
