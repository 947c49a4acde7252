//! The `ghiseu` command as a person runs it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

fn ghiseu() -> Command {
    Command::cargo_bin("ghiseu").unwrap()
}

fn quote(args: &[&str]) -> Value {
    let output = ghiseu().arg("quote").args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn refused(args: &[&str], says: &str) {
    let output = ghiseu().args(args).output().unwrap();
    assert!(!output.status.success(), "{args:?} was accepted");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(says),
        "{args:?}: expected {says:?} in {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn quote_prints_one_json_object() {
    let q = quote(&[
        "--service",
        "md.igm.ir",
        "--birth-date",
        "1985-01-01",
        "--filed-on",
        "2026-11-23",
        "--urgency",
        "10wd",
        "--stay-until",
        "2028-06-30",
        "--passport-expires",
        "2027-12-31",
    ]);
    assert_eq!(q["service"], "md.igm.ir");
    assert_eq!(q["currency"], "MDL");
    assert_eq!(q["urgency"], "10wd");
    assert_eq!(q["total_minor"], 85000);
    assert_eq!(q["processing_deadline"], "2026-12-07");
    assert_eq!(q["valid_until"], "2027-12-31");
    assert_eq!(
        q["lines"][0],
        serde_json::json!({"code": "igm-tariff", "label": "IGM tariff", "amount_minor": 70000})
    );
    let ro = quote(&[
        "--service",
        "md.igm.ic",
        "--filed-on",
        "2026-11-23",
        "--stay-until",
        "2027-06-01",
        "--lang",
        "ro",
    ]);
    assert_eq!(ro["lines"][1]["label"], "Taxa de stat");
}

#[test]
fn quote_takes_reductions_and_issue_dates() {
    let q = quote(&[
        "--service",
        "md.igm.cr",
        "--filed-on",
        "2026-11-23",
        "--urgency",
        "1wd",
        "--reduction",
        "hg966-p19",
        "--id-document-expires",
        "2031-05-05",
    ]);
    assert_eq!(q["total_minor"], 50000);
    assert_eq!(q["valid_until"], "2031-05-05");
    let q = quote(&[
        "--service",
        "ro.passport.temporary",
        "--filed-on",
        "2026-11-23",
        "--issued-on",
        "2026-12-10",
    ]);
    assert_eq!(q["valid_until"], "2027-12-10");
    let lifetime = quote(&[
        "--service",
        "md.igm.cc",
        "--birth-date",
        "1970-01-01",
        "--filed-on",
        "2026-11-23",
    ]);
    assert_eq!(lifetime["valid_until"], Value::Null);
    assert_eq!(lifetime["validity"], "lifetime");
}

#[test]
fn quote_defaults_the_filing_date_to_today() {
    let q = quote(&["--service", "ro.passport.temporary"]);
    let filed: jiff::civil::Date = q["filed_on"].as_str().unwrap().parse().unwrap();
    let today = jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Europe/Bucharest").unwrap())
        .date();
    assert!((filed - today).get_days().abs() <= 1, "{filed} vs {today}");
}

#[test]
fn bad_quotes_are_refused_with_a_reason() {
    let f = "2026-11-23";
    refused(
        &["quote", "--service", "no.such.service", "--filed-on", f],
        "no service \"no.such.service\"",
    );
    refused(
        &[
            "quote",
            "--service",
            "md.igm.pt",
            "--birth-date",
            "1980-01-01",
            "--filed-on",
            f,
            "--urgency",
            "same-day",
        ],
        "It offers: 20wd",
    );
    refused(
        &[
            "quote",
            "--service",
            "ro.passport.electronic",
            "--birth-date",
            "2030-01-01",
            "--filed-on",
            f,
        ],
        "after the filing date",
    );
    refused(
        &[
            "quote",
            "--service",
            "ro.passport.electronic",
            "--birth-date",
            "2016-02-30",
            "--filed-on",
            f,
        ],
        "--birth-date: birth_date: 2016-02-30 is not a real calendar date",
    );
    refused(
        &[
            "quote",
            "--service",
            "ro.passport.electronic",
            "--birth-date",
            "30/02/2016",
        ],
        "write it as YYYY-MM-DD",
    );
    refused(
        &[
            "quote",
            "--service",
            "md.igm.ir",
            "--urgency",
            "5wd",
            "--reduction",
            "students",
        ],
        "Its reductions are: hg966-p18, hg966-p19",
    );
    refused(
        &[
            "quote",
            "--service",
            "ro.passport.temporary",
            "--reduction",
            "x",
        ],
        "has no fee reductions",
    );
    refused(
        &[
            "quote",
            "--service",
            "md.igm.ir",
            "--filed-on",
            f,
            "--passport-expires",
            "2030-01-01",
        ],
        "give it as stay_until",
    );
    refused(
        &["quote", "--service", "ro.passport.electronic"],
        "give the holder's birth date",
    );
    refused(
        &[
            "quote",
            "--service",
            "ro.passport.temporary",
            "--lang",
            "fr",
        ],
        "unknown language",
    );
}

#[test]
fn check_id_reports_what_a_number_carries() {
    let output = ghiseu()
        .args(["check-id", "--country", "RO", "1960523123457"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let v: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(v["valid"], true);
    assert_eq!(v["country"], "RO");
    assert_eq!(v["birth_date"], "1996-05-23");
    assert_eq!(v["sex"], "male");
    assert_eq!(v["masked"], "1*********457");
    let lt: Value = serde_json::from_slice(
        &ghiseu()
            .args(["check-id", "--country", "lt", "33309240064"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        (lt["birth_date"].as_str(), lt["sex"].as_str()),
        (Some("1933-09-24"), Some("male"))
    );
    let md: Value = serde_json::from_slice(
        &ghiseu()
            .args(["check-id", "--country", "MD", "2000001234569"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        (md["valid"].as_bool(), md["birth_date"].as_str()),
        (Some(true), None)
    );
}

#[test]
fn check_id_refuses_bad_numbers_with_exit_1() {
    for (country, number, code) in [
        ("RO", "1960523123458", "checksum"),
        ("MD", "2000001234560", "checksum"),
        ("LT", "33309240065", "checksum"),
        ("RO", "196052312345", "length"),
        ("RO", "1960230123457", "birth-date"),
    ] {
        let output = ghiseu()
            .args(["check-id", "--country", country, number])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{number}");
        let v: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(v["valid"], false);
        assert_eq!(v["code"], code, "{number}");
        assert!(v["reason"].as_str().unwrap().len() > 10);
        assert!(
            !String::from_utf8_lossy(&output.stdout).contains(number),
            "the number is not echoed back"
        );
    }
    refused(&["check-id", "--country", "DE", "123"], "use RO, MD or LT");
}

#[test]
fn catalogue_list_show_and_check() {
    let list = ghiseu().args(["catalogue", "list"]).output().unwrap();
    let text = String::from_utf8(list.stdout).unwrap();
    assert_eq!(text.lines().count(), 17);
    assert!(
        text.lines()
            .any(|l| l.starts_with("md.igm.pc") && l.contains("md.igm"))
    );
    let show: Value = serde_json::from_slice(
        &ghiseu()
            .args(["catalogue", "show", "md.igm.pc"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(show["validity"]["kind"], "by-age-band");
    refused(&["catalogue", "show", "nope"], "no service \"nope\"");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalogue");
    let check = ghiseu().args(["catalogue", "check", dir]).output().unwrap();
    assert!(check.status.success());
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("catalogue OK: 5 authorities, 17 services")
    );
}

#[test]
fn a_bad_catalogue_is_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogue");
    std::fs::create_dir(dir.path().join("calendars")).unwrap();
    for name in ["ro", "md", "lt"] {
        std::fs::copy(
            source.join(format!("calendars/{name}.toml")),
            dir.path().join(format!("calendars/{name}.toml")),
        )
        .unwrap();
    }
    let text = std::fs::read_to_string(source.join("ro-passport-alba.toml")).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("currency = "))
        .unwrap()
        + 1;
    std::fs::write(
        dir.path().join("ro-passport-alba.toml"),
        text.replacen("currency = \"RON\"", "currency = \"ROL\"", 1),
    )
    .unwrap();
    let output = ghiseu()
        .args(["catalogue", "check"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("ro-passport-alba.toml:{line}:")),
        "{stderr}"
    );
    assert!(stderr.contains("unknown currency \"ROL\""), "{stderr}");
    // The server refuses to start on it, before touching the database.
    let data = tempfile::tempdir().unwrap();
    let serve = ghiseu()
        .args(["serve", "--listen", "127.0.0.1:0", "--catalogue"])
        .arg(dir.path())
        .env("GHISEU_DATA_DIR", data.path())
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(serve.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&serve.stderr).contains("unknown currency"));
    assert!(!data.path().join("ghiseu.db").exists());
}

#[test]
fn serve_refuses_a_node_name_that_is_not_plain_and_a_short_demo_secret() {
    let data = tempfile::tempdir().unwrap();
    refused(
        &["serve", "--listen", "127.0.0.1:0", "--node-name", "node 1"],
        "a node's name is 1 to 64 letters",
    );
    let serve = ghiseu()
        .args(["serve", "--listen", "127.0.0.1:0", "--demo"])
        .env("GHISEU_DATA_DIR", data.path())
        .env("GHISEU_DEMO_SECRET", "too short")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(serve.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&serve.stderr);
    assert!(
        stderr.contains("GHISEU_DEMO_SECRET: the secret is too short"),
        "{stderr}"
    );
    assert!(
        !data.path().join("ghiseu.db").exists(),
        "refused before starting"
    );
}
