//! Scans: recognised by content, limited while streaming, stored once,
//! replaceable only while the application is open, downloaded only by the
//! people of the case and never shown inline.

use crate::cases::{citizen_in_alba, press, requirements, start_bare, upload};
use crate::support::{TestApp, hidden, log_in, signed_in};
use futures_util::StreamExt;
use ghiseu_files::fixtures;
use std::time::{Duration, SystemTime};

#[tokio::test]
async fn scans_are_checked_by_content_and_a_submission_needs_them() {
    let app = TestApp::new().await;
    // A residence permit: every document on its checklist is sent as a scan.
    let (mut ana, _) = signed_in(&app, "scans@example.ro", "citizen").await;
    crate::cases::save_alba_profile_of(&app, &mut ana, "ua", &[]).await;
    let case = start_bare(&app, &mut ana, "ro.igi.residence-permit", "self").await;
    let page = ana.get(&app, &case).await.text();
    assert!(
        page.contains("at most 5 MB per file"),
        "the limit is shown before uploading"
    );
    let needed = requirements(&page);
    assert!(!needed.is_empty());

    // Sending without the scans is refused on the case page itself, naming
    // each missing document and linking to its file field.
    let r = press(&app, &mut ana, &case, "submit").await;
    assert_eq!(r.status, 422);
    let refused_page = r.text();
    assert!(
        refused_page.contains("id=\"checklist\""),
        "the case page, not a dead end"
    );
    let required: Vec<&String> = needed
        .iter()
        .filter(|r| page.contains(&format!("id=\"doc-{r}-required\"")))
        .collect();
    assert!(!required.is_empty(), "{needed:?}");
    for requirement in &needed {
        let is_required = required.contains(&requirement);
        assert_eq!(
            refused_page.contains(&format!("<a href=\"#file-{requirement}\">")),
            is_required,
            "{requirement}: only a required document is missing"
        );
        if !is_required {
            continue;
        }
        assert!(
            refused_page.contains(&format!(
                "<a href=\"#file-{requirement}\">Attach a scan of “"
            )),
            "{requirement} named and linked"
        );
        assert!(
            refused_page.contains(&format!("id=\"file-{requirement}-error\"")),
            "{requirement}: the error is next to its field"
        );
    }
    assert!(
        refused_page.contains("Required"),
        "required documents are marked"
    );

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
        let page = r.text();
        assert!(page.contains(says), "{name}: {page}");
        assert!(
            page.contains(&format!("id=\"file-{first}-error\"")),
            "{name}: said next to the document's field on the case page"
        );
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

/// The passport's fee is paid here once the application is accepted: its
/// receipt is listed, but not demanded before the payment order exists, so
/// an adult's passport application is sent without any scan (the originals
/// are shown at the counter).
#[tokio::test]
async fn the_fee_receipt_is_not_demanded_before_the_payment_order_exists() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "receipt@example.ro").await;
    let case = start_bare(&app, &mut ana, "ro.passport.electronic", "self").await;
    let page = ana.get(&app, &case).await.text();
    assert!(
        requirements(&page).iter().any(|r| r == "fee-receipt"),
        "{page}"
    );
    assert!(!page.contains("id=\"doc-fee-receipt-required\""), "{page}");
    assert!(page.contains(
        "Not needed when you apply. Once your application is accepted, you pay the fee here"
    ));
    let sent = press(&app, &mut ana, &case, "submit").await;
    assert_eq!(sent.status, 303, "{}", sent.text());
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

/// Every file under the store's directory, partial uploads included.
fn stored_files(app: &TestApp) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![store_root(app)];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Where the store keeps the file of `object_key`.
fn file_of(app: &TestApp, object_key: &str) -> std::path::PathBuf {
    store_root(app).join(object_key)
}

/// Makes a file look as if it was last written `ago`.
fn age(path: &std::path::Path, ago: Duration) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - ago).unwrap();
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
async fn replacing_a_scan_three_times_leaves_one_stored_file() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "replaces@example.ro").await;
    let case = start_bare(&app, &mut ana, "ro.passport.electronic", "self").await;
    let first = requirements(&ana.get(&app, &case).await.text()).remove(0);
    let r = upload(&app, &mut ana, &case, &first, ("v0.pdf", &fixtures::pdf())).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let original = current_scans(&app, &case).await.remove(0);
    for n in 1..=3 {
        let png = fixtures::png(100 + n, 100);
        let r = upload(&app, &mut ana, &case, &first, ("again.png", &png)).await;
        assert_eq!(r.status, 303, "{}", r.text());
    }
    let scans = current_scans(&app, &case).await;
    assert_eq!(scans.len(), 1);
    assert_eq!(
        stored_files(&app),
        vec![file_of(&app, &scans[0].object_key)],
        "only the current scan is kept"
    );

    // The replaced scan's record stays; its file does not, and asking for it
    // says so rather than "try again".
    let gone = ana
        .get(&app, &format!("{case}/documents/{}", original.id))
        .await
        .problem(410);
    assert_eq!(gone["type"], "https://ghiseu.example/problems/not-stored");
    assert!(
        gone["detail"]
            .as_str()
            .unwrap()
            .contains("no longer stored")
    );
    assert!(!gone["detail"].as_str().unwrap().contains("try again"));
    let current = ana
        .get(&app, &format!("{case}/documents/{}", scans[0].id))
        .await;
    assert_eq!(current.status, 200);
    app.cleanup().await;
}

#[tokio::test]
async fn a_sweep_removes_old_unreferenced_and_partial_files_but_nothing_recent_or_current() {
    use ghiseu_web::cases::sweep::{SWEEP_GRACE, sweep_documents};
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "sweep@example.ro").await;
    let case = start_bare(&app, &mut ana, "ro.passport.electronic", "self").await;
    let first = requirements(&ana.get(&app, &case).await.text()).remove(0);
    let old = SWEEP_GRACE + Duration::from_secs(600);
    let png = fixtures::png(64, 64);

    // A scan replaced while its removal failed (a crash): its file is back.
    let r = upload(&app, &mut ana, &case, &first, ("old.png", &png)).await;
    assert_eq!(r.status, 303);
    let replaced = current_scans(&app, &case).await.remove(0);
    let replaced_bytes = std::fs::read(file_of(&app, &replaced.object_key)).unwrap();
    let r = upload(&app, &mut ana, &case, &first, ("new.png", &png)).await;
    assert_eq!(r.status, 303);
    std::fs::write(file_of(&app, &replaced.object_key), &replaced_bytes).unwrap();
    age(&file_of(&app, &replaced.object_key), old);
    // The current scan, old too: kept.
    let current = current_scans(&app, &case).await.remove(0);
    age(&file_of(&app, &current.object_key), old);

    // Files no scan refers to (an upload whose record was never saved), one
    // old and one recent; partial files of uploads cut short, likewise.
    let store = app.state.documents.clone().unwrap();
    let mut orphans = Vec::new();
    for _ in 0..2 {
        let key = ghiseu_files::DocumentKey::generate();
        let body = futures_util::stream::iter([Ok::<_, std::io::Error>(axum::body::Bytes::from(
            png.clone(),
        ))]);
        store.put(&key, body, 1 << 20).await.unwrap();
        orphans.push(file_of(&app, key.as_str()));
    }
    age(&orphans[0], old);
    let mut partials = Vec::new();
    for _ in 0..2 {
        let key = ghiseu_files::DocumentKey::generate();
        let partial =
            std::path::PathBuf::from(format!("{}#1", file_of(&app, key.as_str()).display()));
        std::fs::write(&partial, &png[..20]).unwrap();
        partials.push(partial);
    }
    age(&partials[0], old);
    assert_eq!(stored_files(&app).len(), 6);

    let report = sweep_documents(&app.state, SWEEP_GRACE).await.unwrap();
    assert_eq!(
        (report.removed, report.partial_removed),
        (2, 1),
        "{report:?}"
    );
    let mut left = vec![
        file_of(&app, &current.object_key),
        orphans[1].clone(),
        partials[1].clone(),
    ];
    left.sort();
    assert_eq!(stored_files(&app), left);
    let kept = u64::try_from(png.len()).unwrap();
    assert_eq!((report.objects, report.bytes), (2, 2 * kept));
    let got = ana
        .get(&app, &format!("{case}/documents/{}", current.id))
        .await;
    assert_eq!(got.body, png, "the current scan is whole");

    // A second sweep (or one in another process) finds nothing more to do.
    let again = sweep_documents(&app.state, SWEEP_GRACE).await.unwrap();
    assert_eq!((again.removed, again.partial_removed), (0, 0));

    // What the store holds shows in /metrics.
    let metrics = crate::support::Browser::at_address("127.0.0.1")
        .get(&app, "/metrics")
        .await
        .text();
    assert!(
        metrics.contains("ghiseu_document_store_objects 2\n"),
        "{metrics}"
    );
    assert!(
        metrics.contains(&format!("ghiseu_document_store_bytes {}\n", 2 * kept)),
        "{metrics}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn scans_per_application_and_uploads_per_person_an_hour_are_capped() {
    let base = TestApp::new().await;
    let limits = |s: &mut ghiseu_web::Settings| {
        s.uploads.per_case = 1;
        s.uploads.per_person_hour = 3;
    };
    let app = base.configured(base.state.clock, limits);
    let (mut ana, _) = citizen_in_alba(&app, "caps@example.ro").await;
    let case = start_bare(&app, &mut ana, "ro.passport.electronic", "self").await;
    let needed = requirements(&ana.get(&app, &case).await.text());
    let png = fixtures::png(32, 32);
    let r = upload(&app, &mut ana, &case, &needed[0], ("a.png", &png)).await;
    assert_eq!(r.status, 303);

    // A second document would make two: refused, saying what to do.
    let r = upload(&app, &mut ana, &case, &needed[1], ("b.png", &png)).await;
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(r.text().contains("the most it can"), "{}", r.text());
    assert!(r.text().contains("Replace one of them"), "{}", r.text());

    // Replacing does not add to the application's scans, but counts as an upload.
    for _ in 0..2 {
        let r = upload(&app, &mut ana, &case, &needed[0], ("a.png", &png)).await;
        assert_eq!(r.status, 303, "{}", r.text());
    }
    let r = upload(&app, &mut ana, &case, &needed[0], ("a.png", &png)).await;
    assert_eq!(r.status, 429, "{}", r.text());
    assert!(r.text().contains("in the last hour"), "{}", r.text());
    assert!(r.text().contains("Wait a while"), "{}", r.text());
    assert_eq!(r.headers["retry-after"], "3600");
    assert_eq!(stored_files(&app).len(), 1, "refused files are not kept");

    // An hour later the person may upload again.
    let later = base.configured(
        ghiseu_web::Clock::Fixed("2026-11-23T09:01:00Z".parse().unwrap()),
        limits,
    );
    let mut ana = log_in(&later, "caps@example.ro").await;
    let r = upload(&later, &mut ana, &case, &needed[0], ("a.png", &png)).await;
    assert_eq!(r.status, 303, "{}", r.text());
    base.cleanup().await;
}

/// A multipart upload whose file arrives `chunk` bytes at a time, `pause`
/// apart, after a first piece of `first` bytes.
fn trickle(
    csrf: &str,
    requirement: &str,
    file: Vec<u8>,
    first: usize,
    chunk: usize,
    pause: Duration,
) -> (axum::http::request::Builder, axum::body::Body) {
    let boundary = "ghiseu-slow-boundary";
    let mut head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"requirement\"\r\n\r\n{requirement}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    let first = first.min(file.len());
    head.extend_from_slice(&file[..first]);
    let mut pieces: Vec<Vec<u8>> = vec![head];
    pieces.extend(file[first..].chunks(chunk).map(<[u8]>::to_vec));
    pieces.push(format!("\r\n--{boundary}--\r\n").into_bytes());
    let body = futures_util::stream::iter(pieces.into_iter().enumerate()).then(
        move |(n, piece)| async move {
            if n > 0 {
                tokio::time::sleep(pause).await;
            }
            Ok::<_, std::io::Error>(axum::body::Bytes::from(piece))
        },
    );
    let request = axum::http::Request::post("/").header(
        "content-type",
        format!("multipart/form-data; boundary={boundary}"),
    );
    (request, axum::body::Body::from_stream(body))
}

#[tokio::test]
async fn a_slow_but_steady_upload_goes_through_however_short_the_page_timeout() {
    let base = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&base, "steady@example.ro").await;
    let case = start_bare(&base, &mut ana, "ro.passport.electronic", "self").await;
    let page = ana.get(&base, &case).await.text();
    let (csrf, first) = (hidden(&page, "csrf"), requirements(&page).remove(0));
    let app = base.configured(base.state.clock, |s| {
        s.page_timeout = Duration::from_millis(300);
        s.uploads.min_bytes_per_second = 1024;
        s.uploads.window = Duration::from_secs(3);
    });

    // A form that trickles in for longer than the page timeout is cut off...
    let pieces = (0..15).map(|n| format!("note{n}=slow&"));
    let slow_form = futures_util::stream::iter(pieces).then(|piece| async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        Ok::<_, std::io::Error>(axum::body::Bytes::from(piece))
    });
    let form = axum::http::Request::post(format!("{case}/answers"))
        .header("content-type", "application/x-www-form-urlencoded");
    let cut = ana
        .send_built(&app, form, axum::body::Body::from_stream(slow_form))
        .await;
    assert_eq!(cut.status, 503, "{}", cut.text());

    // ...but an upload as slow, steadily above the floor, is not.
    let pdf = pdf_of_size(150_000);
    let (request, body) = trickle(
        &csrf,
        &first,
        pdf.clone(),
        0,
        10_000,
        Duration::from_millis(100),
    );
    let r = ana
        .send_built(&app, request.uri(format!("{case}/documents")), body)
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let scans = current_scans(&app, &case).await;
    assert_eq!(scans.len(), 1);
    assert_eq!(scans[0].size_bytes, 150_000);
    base.cleanup().await;
}

#[tokio::test]
async fn when_every_upload_slot_is_taken_one_more_upload_is_told_to_try_again() {
    let base = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&base, "busy@example.ro").await;
    let case = start_bare(&base, &mut ana, "ro.passport.electronic", "self").await;
    let page = ana.get(&base, &case).await.text();
    let (csrf, first) = (hidden(&page, "csrf"), requirements(&page).remove(0));
    let app = base.configured(base.state.clock, |s| {
        s.page_timeout = Duration::from_millis(300);
        s.uploads.min_bytes_per_second = 1024;
        s.uploads.window = Duration::from_secs(5);
        s.uploads.per_person_at_once = 9;
    });
    // Nine uploads at once, each taking three seconds or more; eight are written at a time.
    let pdf = pdf_of_size(30_000);
    let answers = at_once(&app, &ana, &case, (&csrf, &first), &pdf, 9, 100).await;
    let statuses = sorted_statuses(&answers);
    assert_eq!(statuses, [303, 303, 303, 303, 303, 303, 303, 303, 503]);
    let busy = answers.iter().find(|r| r.status == 503).unwrap();
    assert!(
        busy.text().contains("Try again in a few minutes"),
        "{}",
        busy.text()
    );
    assert_eq!(
        stored_files(&base).len(),
        1,
        "one current scan; the others replaced"
    );
    base.cleanup().await;
}

#[tokio::test]
async fn an_upload_below_the_floor_or_over_the_total_time_is_stopped_and_leaves_nothing() {
    let base = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&base, "trickle@example.ro").await;
    let case = start_bare(&base, &mut ana, "ro.passport.electronic", "self").await;
    let page = ana.get(&base, &case).await.text();
    let (csrf, first) = (hidden(&page, "csrf"), requirements(&page).remove(0));
    let pdf = pdf_of_size(400_000);

    // 64 KiB/s over 300 ms is about 19 KiB a window; after a quick start
    // (enough for the store to begin writing), 1 KiB every 100 ms is not.
    let slow = base.configured(base.state.clock, |s| {
        s.uploads.min_bytes_per_second = 64 * 1024;
        s.uploads.window = Duration::from_millis(300);
    });
    let (request, body) = trickle(
        &csrf,
        &first,
        pdf.clone(),
        100_000,
        1024,
        Duration::from_millis(100),
    );
    let r = ana
        .send_built(&slow, request.uri(format!("{case}/documents")), body)
        .await;
    assert_eq!(r.status, 408, "{}", r.text());
    assert!(r.text().contains("too slow"), "{}", r.text());
    assert!(r.text().contains("nothing was kept"), "{}", r.text());

    // Steady and fast enough, but longer than the total allowed.
    let long = base.configured(base.state.clock, |s| {
        s.uploads.min_bytes_per_second = 1;
        s.uploads.total = Duration::from_millis(300);
    });
    let (request, body) = trickle(
        &csrf,
        &first,
        pdf,
        100_000,
        20_000,
        Duration::from_millis(100),
    );
    let r = ana
        .send_built(&long, request.uri(format!("{case}/documents")), body)
        .await;
    assert_eq!(r.status, 408, "{}", r.text());

    assert!(current_scans(&base, &case).await.is_empty());
    assert_eq!(
        stored_files(&base),
        Vec::<std::path::PathBuf>::new(),
        "no partial file is left"
    );
    base.cleanup().await;
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
        .await;
    // A page's address: told as a page, about scans, not the database.
    assert_eq!(failed.status, 503);
    assert!(failed.content_type().starts_with("text/html"));
    let page = failed.text();
    assert!(
        page.contains("Scans cannot be read or saved just now"),
        "{page}"
    );
    assert!(!page.contains("database"), "{page}");
    let r = upload(&app, &mut ana, &case, &needed[0], ("scan.png", &png)).await;
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(
        r.text().contains("document store is not working"),
        "{}",
        r.text()
    );
    assert!(!r.text().contains("database"), "{}", r.text());

    std::fs::remove_file(&documents).unwrap();
    std::fs::rename(&away, &documents).unwrap();
    app.cleanup().await;
}

#[tokio::test]
async fn one_person_cannot_hold_every_upload_slot() {
    let base = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&base, "hoarder@example.ro").await;
    let case = start_bare(&base, &mut ana, "ro.passport.electronic", "self").await;
    let page = ana.get(&base, &case).await.text();
    let (csrf, first) = (hidden(&page, "csrf"), requirements(&page).remove(0));
    let app = base.configured(base.state.clock, |s| {
        s.uploads.min_bytes_per_second = 1024;
        s.uploads.window = Duration::from_secs(5);
    });
    // Three slow uploads at once from one person: two go, the third is told to wait.
    let pdf = pdf_of_size(20_000);
    let answers = at_once(&app, &ana, &case, (&csrf, &first), &pdf, 3, 50).await;
    let statuses = sorted_statuses(&answers);
    assert_eq!(statuses, [303, 303, 429]);
    let refused = answers.iter().find(|r| r.status == 429).unwrap();
    assert!(
        refused.text().contains("already have scans uploading"),
        "{}",
        refused.text()
    );
    // Once they finish, the next one goes.
    let r = crate::cases::upload(&app, &mut ana, &case, &first, ("scan.pdf", &pdf)).await;
    assert_eq!(r.status, 303, "{}", r.text());
    base.cleanup().await;
}

/// `count` uploads of `pdf` for one requirement, sent at once, each trickling
/// in 1,000 bytes every `gap_ms` milliseconds.
async fn at_once(
    app: &TestApp,
    browser: &crate::support::Browser,
    case: &str,
    (csrf, requirement): (&str, &str),
    pdf: &[u8],
    count: usize,
    gap_ms: u64,
) -> Vec<crate::support::TestResponse> {
    let uploads = (0..count).map(|_| {
        let (request, body) = trickle(
            csrf,
            requirement,
            pdf.to_vec(),
            0,
            1_000,
            Duration::from_millis(gap_ms),
        );
        let request = request
            .uri(format!("{case}/documents"))
            .header("cookie", browser.cookie_header())
            .body(body)
            .unwrap();
        app.request(request)
    });
    futures_util::future::join_all(uploads).await
}

fn sorted_statuses(answers: &[crate::support::TestResponse]) -> Vec<u16> {
    let mut statuses: Vec<u16> = answers.iter().map(|r| r.status.as_u16()).collect();
    statuses.sort_unstable();
    statuses
}
