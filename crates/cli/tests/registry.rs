//! `ghiseu registry import` and `ghiseu registry remind` through the real
//! binary, on SQLite and (with GHISEU_TEST_DATABASE_URL) PostgreSQL: a file
//! with broken rows is refused row by row and nothing is written; a good one
//! is written once, a second import changes nothing; the reminder scan for a
//! day queues what is due once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_storage::accounts::{NewPerson, insert_person};
use ghiseu_storage::registry;
use ghiseu_storage::testing::TestDatabase;
use std::process::Output;

const HEADER: &str = "number,document_type,holder_personal_id,holder_given_name,\
holder_family_name,issued_on,expires_on,eid_expires_on,signature_expires_on,office_id,standing,\
standing_since";

fn ghiseu(url: &str, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_ghiseu"))
        .env_remove("GHISEU_DATABASE_URL")
        .env_remove("GHISEU_CATALOGUE")
        .args(["registry"])
        .args(args)
        .args(["--database-url", url])
        .output()
        .unwrap()
}

fn import(url: &str, csv: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("register.csv");
    std::fs::write(&file, csv).unwrap();
    ghiseu(
        url,
        &[
            "import",
            "--authority",
            "lt.migration",
            file.to_str().unwrap(),
        ],
    )
}

async fn registered(db: &ghiseu_storage::Database, number: &str) -> bool {
    let mut conn = db.connection().await.unwrap();
    registry::by_number(&mut conn, number)
        .await
        .unwrap()
        .is_some()
}

#[tokio::test]
async fn a_file_with_broken_rows_is_refused_row_by_row_and_nothing_is_written() {
    let test = TestDatabase::new().await;
    let csv = format!(
        "{HEADER}\n\
         LT-OK-1,passport,38703181745,Jonas,Jonaitis,2020-05-01,2030-05-01,,,lt-vilnius,,\n\
         LT-COLS,passport,38703181745,Jonas\n\
         LT-DATE,passport,38703181745,Jonas,Jonaitis,2021-02-30,2031-02-28,,,lt-vilnius,,\n\
         LT-ORDER,passport,38703181745,Jonas,Jonaitis,2021-02-03,2020-02-28,,,lt-vilnius,,\n\
         LT-OK-1,passport,49005121238,Ona,Onaitė,2020-05-01,2030-05-01,,,lt-vilnius,,\n\
         LT-TYPE,driving-licence,49005121238,Ona,Onaitė,2020-05-01,2030-05-01,,,lt-vilnius,,\n\
         LT-ID,passport,12345678901,Ona,Onaitė,2020-05-01,2030-05-01,,,lt-vilnius,,\n"
    );
    let output = import(&test.url, &csv);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    for (line, says) in [
        ("line 3:", "fields"),
        ("line 4, column issued_on:", "not a real date"),
        ("line 5, column expires_on:", "not after the issue date"),
        ("line 6, column number:", "also on line 2"),
        ("line 7, column document_type:", "not a document type"),
        (
            "line 8, column holder_personal_id:",
            "not a valid personal id",
        ),
    ] {
        assert!(
            stderr.lines().any(|l| l.contains(line) && l.contains(says)),
            "{line} {says} in {stderr}"
        );
    }
    assert!(stderr.contains("nothing was imported"));
    assert!(!registered(&test.db, "LT-OK-1").await, "nothing is written");

    // A header without a required column is refused at line 1.
    let output = import(&test.url, "number,document_type\nX,passport\n");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("line 1, column holder_personal_id"),
        "{stderr}"
    );
    test.cleanup().await;
}

#[tokio::test]
async fn a_good_file_is_written_once_linked_to_its_holders_and_reminded_once() {
    let test = TestDatabase::new().await;
    let mut tx = test.db.begin_write().await.unwrap();
    let person = NewPerson {
        id: "jonas",
        email: "jonas@example.lt",
        password_hash: "x",
        role: "citizen",
        preferred_lang: "en",
        now: 0,
    };
    insert_person(&mut tx, &person).await.unwrap();
    sqlx::query("UPDATE persons SET national_id_country = 'LT', national_id = '38703181745' WHERE id = 'jonas'")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let csv = format!(
        "{HEADER}\n\
         LT-P-1,passport,38703181745,Jonas,Jonaitis,2017-01-20,2027-01-20,,,lt-vilnius,,\n\
         LT-C-1,identity-card,38703181745,Jonas,Jonaitis,2021-06-01,2031-06-01,2026-06-01,2026-06-01,lt-kaunas,reported-lost,2022-01-10\n\
         LT-P-2,passport,49005121238,Ona,Onaitė,2019-05-01,2029-05-01,,,lt-vilnius,,\n"
    );
    let output = import(&test.url, &csv);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("3 row(s): 3 imported, 0 already registered"),
        "{stdout}"
    );
    let mut conn = test.db.connection().await.unwrap();
    let passport = registry::by_number(&mut conn, "LT-P-1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(passport.document.holder_person_id.as_deref(), Some("jonas"));
    assert!(passport.document.holder_id_digest.is_some());
    let card = registry::by_number(&mut conn, "LT-C-1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(card.standing.code(), "reported-lost");
    let unlinked = registry::by_number(&mut conn, "LT-P-2")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(unlinked.document.holder_person_id, None);
    drop(conn);

    let again = import(&test.url, &csv);
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(again.status.success());
    assert!(
        stdout.contains("3 row(s): 0 imported, 3 already registered"),
        "{stdout}"
    );
    // The same number with other data: refused.
    let changed = csv.replace("2029-05-01", "2029-05-02");
    let refused = import(&test.url, &changed);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("registered already with different data")
    );

    // 2026-10-22 is 90 days before the passport expires.
    let first = ghiseu(&test.url, &["remind", "--today", "2026-10-22"]);
    let stdout = String::from_utf8_lossy(&first.stdout);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(stdout.starts_with("1 reminder(s) queued"), "{stdout}");
    let second = ghiseu(&test.url, &["remind", "--today", "2026-10-22"]);
    assert!(String::from_utf8_lossy(&second.stdout).starts_with("0 reminder(s) queued"));
    test.cleanup().await;
}
