//! The registry's records on SQLite and PostgreSQL: a standing changes only
//! from the one the decision was made on, each change leaves a history line,
//! and of two changes racing from the same standing exactly one is written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_domain::registry::{RegistryAction, Source, Standing};
use ghiseu_storage::Database;
use ghiseu_storage::accounts::{NewPerson, insert_person};
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::issued_documents::{self, HandoverRecord, IssuedDocument};
use ghiseu_storage::registry::{self, StandingChange};
use ghiseu_storage::testing::TestDatabase;

/// A holder, their handed-over case and its document; answers the document's id.
async fn issued(db: &Database) -> String {
    let mut tx = db.begin_write().await.unwrap();
    let person = NewPerson {
        id: "holder",
        email: "holder@example.ro",
        password_hash: "x",
        role: "citizen",
        preferred_lang: "ro",
        now: 0,
    };
    assert!(insert_person(&mut tx, &person).await.unwrap());
    let case = CaseRecord {
        id: "case-1".into(),
        reference: None,
        authority_id: "ro-dgp".into(),
        service_id: "ro.passport.electronic".into(),
        applicant_id: "holder".into(),
        holder_person_id: Some("holder".into()),
        holder_ward_id: None,
        holder_given_name: "Elena".into(),
        holder_family_name: "Pop".into(),
        holder_birth_date: Some("1985-03-14".into()),
        holder_region: None,
        holder_citizenship: None,
        category_id: None,
        answers: "{}".into(),
        office_id: None,
        state: "draft".into(),
        assignee_id: None,
        filed_on: None,
        deadline: None,
        fee_minor: None,
        currency: "RON".into(),
        pickup_office_id: None,
        created_at: 0,
        updated_at: 0,
        version: 1,
    };
    cases::insert_draft(&mut tx, &case).await.unwrap();
    let document = IssuedDocument {
        id: "doc-1".into(),
        number: "RO-D-2026-000001".into(),
        case_id: Some("case-1".into()),
        service_id: Some("ro.passport.electronic".into()),
        document_type: Some("electronic-passport".into()),
        authority_id: "ro-dgp".into(),
        holder_person_id: Some("holder".into()),
        holder_ward_id: None,
        holder_name: "Elena Pop".into(),
        holder_id_digest: Some("digest".into()),
        issued_on: "2026-12-01".into(),
        expires_on: Some("2036-12-01".into()),
        eid_expires_on: None,
        signature_expires_on: None,
        validity_facts: None,
        office_id: "ab-alba-iulia".into(),
        source: Source::Counter,
        handover: Some(HandoverRecord {
            received_by_kind: "holder".into(),
            received_by_name: "Elena Pop".into(),
            receiver_document: "•• •••••456".into(),
            attorney_number: None,
            attorney_date: None,
            signature_name: "Elena Pop".into(),
            handed_over_by: "holder".into(),
            handed_over_at: 0,
        }),
    };
    issued_documents::insert(&mut tx, &document).await.unwrap();
    tx.commit().await.unwrap();
    document.id
}

fn report(document_id: &str, action: RegistryAction, at: i64) -> StandingChange<'_> {
    StandingChange {
        document_id,
        action,
        from: Standing::Valid,
        to: action.target(),
        on: "2026-12-05",
        actor_id: Some("holder"),
        actor_role: "citizen",
        reason: None,
        place: Some("Alba Iulia"),
        circumstances: Some("lost on the way home"),
        police_report: None,
        at,
    }
}

#[tokio::test]
async fn a_handed_over_document_is_valid_and_a_report_is_written_once_with_its_history() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let id = issued(db).await;
    let mut conn = db.connection().await.unwrap();
    assert_eq!(
        registry::standing(&mut conn, &id).await.unwrap(),
        Some((Standing::Valid, None))
    );
    assert_eq!(
        registry::standing(&mut conn, "no-such").await.unwrap(),
        None
    );
    drop(conn);

    let mut tx = db.begin_write().await.unwrap();
    let lost = report(&id, RegistryAction::ReportLost, 10);
    assert!(registry::change_standing(&mut tx, &lost).await.unwrap());
    tx.commit().await.unwrap();

    // Made on a standing that is no longer there: nothing is written.
    let mut tx = db.begin_write().await.unwrap();
    let stolen = report(&id, RegistryAction::ReportStolen, 20);
    assert!(!registry::change_standing(&mut tx, &stolen).await.unwrap());
    tx.commit().await.unwrap();

    let mut conn = db.connection().await.unwrap();
    assert_eq!(
        registry::standing(&mut conn, &id).await.unwrap(),
        Some((Standing::ReportedLost, Some("2026-12-05".into())))
    );
    let history = registry::history(&mut conn, &id).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, RegistryAction::ReportLost);
    assert_eq!(
        (history[0].from, history[0].to),
        (Standing::Valid, Standing::ReportedLost)
    );
    assert_eq!(history[0].place.as_deref(), Some("Alba Iulia"));
    assert_eq!(history[0].actor_id.as_deref(), Some("holder"));
}

#[tokio::test]
async fn of_two_reports_racing_from_the_same_standing_exactly_one_is_written() {
    let test = TestDatabase::new().await;
    let db = test.db.clone();
    let id = issued(&db).await;
    let attempt = |action: RegistryAction, at: i64| {
        let db = db.clone();
        let id = id.clone();
        tokio::spawn(async move {
            let mut tx = db.begin_write().await.unwrap();
            let done = registry::change_standing(&mut tx, &report(&id, action, at))
                .await
                .unwrap();
            tx.commit().await.unwrap();
            done
        })
    };
    let lost = attempt(RegistryAction::ReportLost, 1);
    let stolen = attempt(RegistryAction::ReportStolen, 2);
    let (lost, stolen) = (lost.await.unwrap(), stolen.await.unwrap());
    assert!(lost ^ stolen, "lost {lost}, stolen {stolen}");
    let mut conn = db.connection().await.unwrap();
    assert_eq!(registry::history(&mut conn, &id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_database_refuses_a_standing_the_domain_does_not_know() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let id = issued(db).await;
    let refused = sqlx::query("UPDATE issued_documents SET standing = 'found' WHERE id = $1")
        .bind(&id)
        .execute(db.pool())
        .await;
    assert!(refused.is_err(), "a standing outside the list was stored");
}
