//! Scans: recognised by content, limited while streaming, stored once,
//! replaceable only while the application is open, downloaded only by the
//! people of the case and never shown inline.

use crate::cases::{citizen_in_alba, press, requirements, start_bare, upload};
use crate::support::{TestApp, hidden, signed_in};
use ghiseu_files::fixtures;

#[tokio::test]
async fn scans_are_checked_by_content_and_a_submission_needs_them() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "scans@example.ro").await;
    let case = start_bare(&app, &mut ana, "ro.passport.electronic", "self").await;
    let page = ana.get(&app, &case).await.text();
    assert!(
        page.contains("at most 5 MB per file"),
        "the limit is shown before uploading"
    );
    let needed = requirements(&page);
    assert!(!needed.is_empty());

    // Sending without the scans is refused, naming what is missing.
    let r = press(&app, &mut ana, &case, "submit").await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Upload a scan of every document"));

    let first = &needed[0];
    let png = fixtures::png(640, 480);
    let pdf = fixtures::pdf();
    let mut polyglot = fixtures::png(10, 10);
    polyglot.extend_from_slice(b"%PDF-1.7 hidden");
    let refused: [(&str, &[u8], u16, &str); 5] = [
        ("empty.pdf", b"", 422, "The file is empty"),
        (
            "notes.txt",
            b"just some text",
            422,
            "Only PDF, JPEG and PNG",
        ),
        ("both.png", &polyglot, 422, "more than one kind of content"),
        (
            "huge.png",
            &fixtures::png(20_000, 20_000),
            422,
            "too large in pixels",
        ),
        (
            "cut.pdf",
            &pdf[..pdf.len() - 8],
            422,
            "The PDF is incomplete",
        ),
    ];
    for (name, bytes, status, says) in refused {
        let r = upload(&app, &mut ana, &case, first, (name, bytes)).await;
        assert_eq!(r.status.as_u16(), status, "{name}");
        assert!(r.text().contains(says), "{name}: {}", r.text());
    }
    assert!(
        ghiseu_storage::case_documents::current(&app.state.db, case.rsplit('/').next().unwrap())
            .await
            .unwrap()
            .is_empty(),
        "nothing recorded from refused files"
    );

    // A PNG named .pdf is a PNG; a PDF named .jpg is a PDF; a path in the name is dropped.
    let r = upload(&app, &mut ana, &case, first, ("../../etc/scan.pdf", &png)).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let id = case.rsplit('/').next().unwrap();
    let docs = ghiseu_storage::case_documents::current(&app.state.db, id)
        .await
        .unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].content_kind, "png");
    assert_eq!(docs[0].file_name, "scan.pdf");
    assert_eq!(docs[0].size_bytes, i64::try_from(png.len()).unwrap());
    assert_eq!(docs[0].sha256.len(), 64);

    // Replacing keeps one current scan.
    let r = upload(&app, &mut ana, &case, first, ("photo.jpg", &pdf)).await;
    assert_eq!(r.status, 303);
    let docs = ghiseu_storage::case_documents::current(&app.state.db, id)
        .await
        .unwrap();
    assert_eq!((docs.len(), docs[0].content_kind.as_str()), (1, "pdf"));

    // Downloads: an attachment, not sniffable, for the people of the case only.
    let page = ana.get(&app, &case).await.text();
    let href = {
        let at = page.find(&format!("{case}/documents/")).unwrap();
        page[at..at + page[at..].find('"').unwrap()].to_string()
    };
    let got = ana.get(&app, &href).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.body, pdf);
    assert_eq!(got.headers["content-type"], "application/pdf");
    assert!(
        got.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(got.headers["x-content-type-options"], "nosniff");
    let (mut ion, _) = signed_in(&app, "not.mine@example.ro", "citizen").await;
    let other = ion.get(&app, &href).await;
    assert_eq!(other.status, 404);
    assert_ne!(other.body, pdf);

    // After submission the scans cannot change.
    for requirement in needed.iter().skip(1) {
        let r = upload(&app, &mut ana, &case, requirement, ("scan.png", &png)).await;
        assert_eq!(r.status, 303);
    }
    assert_eq!(press(&app, &mut ana, &case, "submit").await.status, 303);
    let csrf = hidden(&ana.get(&app, "/en/account").await.text(), "csrf");
    let late = ana
        .post_multipart(
            &app,
            &format!("{case}/documents"),
            &[("csrf", &csrf), ("requirement", first)],
            ("file", "late.png", &png),
        )
        .await;
    assert_eq!(late.status, 409);
    assert!(
        late.text()
            .contains("only while the application is a draft")
    );
    app.cleanup().await;
}

/// A valid PDF of exactly `size` bytes.
fn pdf_of_size(size: usize) -> Vec<u8> {
    let mut filler = size - fixtures::pdf().len();
    loop {
        let file = fixtures::pdf_with_body(&vec![b'x'; filler]);
        match file.len().cmp(&size) {
            std::cmp::Ordering::Equal => return file,
            std::cmp::Ordering::Less => filler += size - file.len(),
            std::cmp::Ordering::Greater => filler -= file.len() - size,
        }
    }
}

#[tokio::test]
async fn an_upload_over_the_limit_is_refused_with_413_and_nothing_is_kept() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "big@example.ro").await;
    let case = start_bare(&app, &mut ana, "ro.passport.electronic", "self").await;
    let page = ana.get(&app, &case).await.text();
    let first = requirements(&page).remove(0);
    let limit = 5 * 1024 * 1024;
    let exact = pdf_of_size(limit);
    let over = pdf_of_size(limit + 1);
    let r = upload(&app, &mut ana, &case, &first, ("over.pdf", &over)).await;
    assert_eq!(r.status, 413);
    assert!(r.text().contains("larger than the limit"));
    let id = case.rsplit('/').next().unwrap();
    assert!(
        ghiseu_storage::case_documents::current(&app.state.db, id)
            .await
            .unwrap()
            .is_empty()
    );
    let r = upload(&app, &mut ana, &case, &first, ("exact.pdf", &exact)).await;
    assert_eq!(r.status, 303, "exactly the limit is accepted");
    // A forged token stores nothing.
    let forged = ana
        .post_multipart(
            &app,
            &format!("{case}/documents"),
            &[("csrf", "forged"), ("requirement", &first)],
            ("file", "x.png", &fixtures::png(5, 5)),
        )
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(
        ghiseu_storage::case_documents::current(&app.state.db, id)
            .await
            .unwrap()
            .len(),
        1
    );
    app.cleanup().await;
}

/// The store's directory in a test app.
fn store_root(app: &TestApp) -> std::path::PathBuf {
    app.state
        .documents
        .as_ref()
        .unwrap()
        .local_root()
        .unwrap()
        .to_path_buf()
}

/// Where the store keeps the file of `object_key`.
fn file_of(app: &TestApp, object_key: &str) -> std::path::PathBuf {
    store_root(app).join(object_key)
}

async fn current_scans(
    app: &TestApp,
    case: &str,
) -> Vec<ghiseu_storage::case_documents::DocumentRecord> {
    let id = case.rsplit('/').next().unwrap();
    ghiseu_storage::case_documents::current(&app.state.db, id)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_document_store_failure_says_so_and_is_not_called_a_database_failure() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "store.down@example.ro").await;
    let case = start_bare(&app, &mut ana, "ro.passport.electronic", "self").await;
    let needed = requirements(&ana.get(&app, &case).await.text());
    let png = fixtures::png(40, 40);
    for requirement in &needed[..2] {
        let r = upload(&app, &mut ana, &case, requirement, ("scan.png", &png)).await;
        assert_eq!(r.status, 303);
    }
    let scans = current_scans(&app, &case).await;

    // A stored file that is missing is not a passing problem.
    std::fs::remove_file(file_of(&app, &scans[0].object_key)).unwrap();
    let missing = ana
        .get(&app, &format!("{case}/documents/{}", scans[0].id))
        .await
        .problem(410);
    assert!(
        missing["detail"]
            .as_str()
            .unwrap()
            .contains("no longer stored")
    );

    // The store itself failing: its directory is not one any more.
    let documents = store_root(&app).join("documents");
    let away = store_root(&app).join("documents.away");
    std::fs::rename(&documents, &away).unwrap();
    std::fs::write(&documents, b"not a directory").unwrap();
    let failed = ana
        .get(&app, &format!("{case}/documents/{}", scans[1].id))
        .await
        .problem(503);
    let detail = failed["detail"].as_str().unwrap();
    assert!(detail.contains("document store"), "{detail}");
    assert!(!detail.contains("database"), "{detail}");
    assert_eq!(
        failed["type"],
        "https://ghiseu.example/problems/document-store-unavailable"
    );

    std::fs::remove_file(&documents).unwrap();
    std::fs::rename(&away, &documents).unwrap();
    app.cleanup().await;
}
