//! Rendering and signing a certificate, checked with poppler's command-line
//! tools (`pdfsig`, `pdfinfo`, `pdftotext`), which these tests require.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;
use std::str::FromStr;
use std::time::Duration;

use der::{Decode, Encode};
use ghiseu_pdf::{Certificate, Entries, Labelled, Outcome, PdfError, QrMatrix, Signer};
use p256::ecdsa::{DerSignature, SigningKey};
use p256::pkcs8::EncodePublicKey;
use sha2::Digest;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::Validity;

const ROMANIAN: &str = "Cazier judiciar — Țară, științe, învățământ, ăâîșț ĂÂÎȘȚ";
const CYRILLIC: &str = "Довідка про несудимість: і ї є ґ Ї Є Ґ, Справка об отсутствии судимости";
const LITHUANIAN: &str = "Pažyma apie teistumą: ą č ę ė į š ų ū ž Ą Č Ę Ė Į Š Ų Ū Ž";

fn labelled(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.to_owned(),
        value: value.to_owned(),
    }
}

fn qr() -> QrMatrix {
    let code = qrcode::QrCode::new(b"https://ghiseu.example/verify/AB12CD34").unwrap();
    QrMatrix {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect(),
    }
}

fn certificate(entries: Entries) -> Certificate {
    Certificate {
        language: "ro".to_owned(),
        title: "Certificat de cazier judiciar".to_owned(),
        authority: "Inspectoratul de Poliție Județean Alba — Serviciul cazier judiciar".to_owned(),
        registration_number: labelled("Număr de înregistrare", "AB-2026-000123"),
        holder_name: labelled("Titular", "Ștefănescu Țurcanu Ioana-Mădălina"),
        personal_id: labelled("CNP", "2******123456"),
        birth: labelled(
            "Data și locul nașterii",
            "12.03.1990, Alba Iulia, județul Alba",
        ),
        purpose: labelled("Scopul", CYRILLIC),
        issued_on: labelled("Data eliberării", "05.12.2026"),
        valid_until: labelled("Valabil până la", "05.06.2027"),
        result: Outcome {
            heading: "Rezultat".to_owned(),
            entries,
        },
        verification: format!("{LITHUANIAN}. {ROMANIAN}: scanați codul QR."),
        qr: qr(),
    }
}

fn no_entries() -> Certificate {
    certificate(Entries::None(
        "Nu figurează înscris în cazierul judiciar.".to_owned(),
    ))
}

fn signer() -> Signer {
    let key = SigningKey::from_slice(&[0x2a; 32]).unwrap();
    let spki_der = key.verifying_key().to_public_key_der().unwrap();
    let spki = SubjectPublicKeyInfoOwned::from_der(spki_der.as_bytes()).unwrap();
    let name = Name::from_str("CN=Ghiseu test signer,O=Ghiseu,C=RO").unwrap();
    // Self-issued, with the end-entity key usage (digital signature,
    // non-repudiation) a document signer's certificate has.
    let profile = Profile::Leaf {
        issuer: name.clone(),
        enable_key_agreement: false,
        enable_key_encipherment: false,
    };
    let builder = CertificateBuilder::new(
        profile,
        SerialNumber::from(42u32),
        Validity::from_now(Duration::from_secs(3600)).unwrap(),
        name,
        spki,
        &key,
    )
    .unwrap();
    let certificate = builder.build::<DerSignature>().unwrap();
    Signer {
        key,
        certificate_der: certificate.to_der().unwrap(),
    }
}

/// 08:30:15 in Bucharest, 06:30:15 UTC.
fn signing_time() -> jiff::Zoned {
    "2026-12-05T08:30:15+02:00[Europe/Bucharest]"
        .parse()
        .unwrap()
}

/// Runs a poppler tool on `pdf` (given as the last argument, or before
/// `after`); a missing tool fails the test.
fn poppler(tool: &str, args: &[&str], pdf: &[u8], after: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("certificate.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new(tool)
        .env("TZ", "UTC")
        .args(args)
        .arg(&path)
        .args(after)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) cannot run: {e}"));
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(!errors.contains("Syntax Error"), "{tool}: {errors}");
    text + &errors
}

fn pages(pdf: &[u8]) -> usize {
    let info = poppler("pdfinfo", &[], pdf, &[]);
    let line = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap_or_else(|| panic!("pdfinfo gave no page count: {info}"));
    line.trim().parse().unwrap()
}

/// pdfsig's report, checking the signature but not the test certificate's
/// trust.
fn pdfsig(pdf: &[u8]) -> String {
    poppler("pdfsig", &["-nocert"], pdf, &[])
}

const VALID: &str = "Signature Validation: Signature is Valid.";
const WHOLE: &str = "Total document signed";

#[test]
fn a_certificate_in_four_scripts_is_a_small_pdfa_file_whose_text_can_be_extracted() {
    let pdf = ghiseu_pdf::render(&no_entries()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() < 150 * 1024, "{} bytes", pdf.len());
    eprintln!("rendered certificate: {} bytes", pdf.len());
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("<pdfaid:part>2</pdfaid:part>"),
        "no PDF/A-2 identification"
    );
    assert!(text.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(text.contains("/OutputIntents"));

    let extracted = poppler("pdftotext", &["-enc", "UTF-8"], &pdf, &["-"]);
    for letters in [
        "ăâîșț",
        "ĂÂÎȘȚ",
        "і ї є ґ Ї Є Ґ",
        "Справка об",
        "ą č ę ė į š ų ū ž",
        "Ą Č Ę Ė Į Š Ų Ū Ž",
        "Ștefănescu Țurcanu",
    ] {
        assert!(
            extracted.contains(letters),
            "{letters} missing from {extracted}"
        );
    }
    let fonts = poppler("pdffonts", &[], &pdf, &[]);
    assert_eq!(
        fonts
            .matches("CID TrueType      Identity-H       yes yes yes")
            .count(),
        2,
        "{fonts}"
    );
    assert_eq!(pages(&pdf), 1);
}

#[test]
fn rendering_is_deterministic() {
    let certificate = no_entries();
    assert_eq!(
        ghiseu_pdf::render(&certificate).unwrap(),
        ghiseu_pdf::render(&certificate).unwrap()
    );
}

#[test]
fn a_long_list_of_entries_continues_on_further_pages() {
    let entries = (1..=60)
        .map(|n| {
            format!(
                "Sentința penală nr. {n}/2019 a Judecătoriei Alba Iulia, definitivă prin \
                 decizia Curții de Apel Alba Iulia: pedeapsa amenzii penale, art. {n} alin. (1) \
                 Cod penal; reabilitare neintervenită."
            )
        })
        .collect();
    let pdf = ghiseu_pdf::render(&certificate(Entries::Some(entries))).unwrap();
    assert!(pages(&pdf) >= 3, "{} pages", pages(&pdf));
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf, &["-"]);
    assert!(text.contains("60."), "the last entry is missing");
    let total = pages(&pdf);
    for page in 1..=total {
        let footer = format!("AB-2026-000123 · {page} / {total}");
        assert!(text.contains(&footer), "{footer} missing");
    }
    assert!(text.contains("scanați codul QR"));
    assert!(pdf.len() < 150 * 1024, "{} bytes", pdf.len());
}

#[test]
fn a_qr_matrix_that_is_not_square_is_refused() {
    let mut certificate = no_entries();
    certificate.qr.dark.pop();
    assert!(matches!(
        ghiseu_pdf::render(&certificate),
        Err(PdfError::QrMatrix { .. })
    ));
}

#[test]
fn a_signed_certificate_is_valid_and_the_signature_covers_the_whole_file() {
    let pdf = ghiseu_pdf::render(&no_entries()).unwrap();
    let signed = ghiseu_pdf::sign(&pdf, &signer(), signing_time()).unwrap();
    assert!(signed.starts_with(&pdf), "not an incremental update");
    assert!(signed.len() < 150 * 1024, "{} bytes", signed.len());
    eprintln!("signed certificate: {} bytes", signed.len());
    let report = pdfsig(&signed);
    assert!(report.contains(VALID), "{report}");
    assert!(report.contains(WHOLE), "{report}");
    assert!(!report.contains("Error"), "{report}");
    assert!(
        report.contains("Signature Type: ETSI.CAdES.detached"),
        "{report}"
    );
    assert!(
        report.contains("Signing Hash Algorithm: SHA-256"),
        "{report}"
    );
    assert!(report.contains("Ghiseu test signer"), "{report}");
    assert!(
        report.contains("Signing Time: Dec 05 2026 06:30:15"),
        "{report}"
    );
    // The update keeps the document readable as before.
    assert_eq!(pages(&signed), 1);
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &signed, &["-"]);
    assert!(text.contains("Ștefănescu Țurcanu"));
}

#[test]
fn a_byte_changed_in_the_signed_range_invalidates_the_signature() {
    let pdf = ghiseu_pdf::render(&no_entries()).unwrap();
    let mut signed = ghiseu_pdf::sign(&pdf, &signer(), signing_time()).unwrap();
    assert!(pdfsig(&signed).contains(VALID));
    let producer = signed
        .windows(8)
        .position(|w| w == b"(Ghiseu)")
        .expect("the producer in the document information");
    signed[producer + 1] = b'X';
    let report = pdfsig(&signed);
    assert!(!report.contains(VALID), "{report}");
    assert!(
        report.contains("Signature #1"),
        "the signature was not read: {report}"
    );
}

#[test]
fn a_signed_certificate_cannot_be_signed_again_by_this_signer() {
    let pdf = ghiseu_pdf::render(&no_entries()).unwrap();
    let signed = ghiseu_pdf::sign(&pdf, &signer(), signing_time()).unwrap();
    assert!(matches!(
        ghiseu_pdf::sign(&signed, &signer(), signing_time()),
        Err(PdfError::Unsupported(_))
    ));
}

#[test]
fn a_file_that_is_not_a_pdf_is_refused() {
    assert!(matches!(
        ghiseu_pdf::sign(b"not a PDF", &signer(), signing_time()),
        Err(PdfError::Unsupported(_))
    ));
}

/// The DER signature in the signed file's /Contents, without the zero padding.
fn embedded_signature(signed: &[u8]) -> cms::content_info::ContentInfo {
    let marker = b"/ETSI.CAdES.detached";
    let from = signed
        .windows(marker.len())
        .position(|w| w == marker)
        .unwrap();
    let open = from
        + signed[from..]
            .windows(11)
            .position(|w| w == b"/Contents <")
            .unwrap()
        + 11;
    let close = open + signed[open..].iter().position(|b| *b == b'>').unwrap();
    let hex = std::str::from_utf8(&signed[open..close]).unwrap();
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    let mut reader = der::SliceReader::new(&bytes).unwrap();
    der::Decode::decode(&mut reader).unwrap()
}

#[test]
fn the_signature_is_a_detached_cades_baseline_b_signed_data() {
    let pdf = ghiseu_pdf::render(&no_entries()).unwrap();
    let signer = signer();
    let signed = ghiseu_pdf::sign(&pdf, &signer, signing_time()).unwrap();
    let info = embedded_signature(&signed);
    assert_eq!(info.content_type.to_string(), "1.2.840.113549.1.7.2");
    let data: cms::signed_data::SignedData = info.content.decode_as().unwrap();
    assert!(data.encap_content_info.econtent.is_none(), "not detached");
    let certificates = data.certificates.unwrap();
    assert_eq!(certificates.0.len(), 1);
    let Some(cms::cert::CertificateChoices::Certificate(embedded)) = certificates.0.get(0) else {
        panic!("no signer's certificate");
    };
    assert_eq!(embedded.to_der().unwrap(), signer.certificate_der);
    let signer_info = data.signer_infos.0.get(0).unwrap();
    assert_eq!(
        signer_info.digest_alg.oid.to_string(),
        "2.16.840.1.101.3.4.2.1"
    );
    assert_eq!(
        signer_info.signature_algorithm.oid.to_string(),
        "1.2.840.10045.4.3.2"
    );
    let signed_attributes = signer_info.signed_attrs.as_ref().unwrap();
    let ess = signed_attributes
        .iter()
        .find(|a| a.oid.to_string() == "1.2.840.113549.1.9.16.2.47")
        .unwrap()
        .to_der()
        .unwrap();
    let hash = sha2::Sha256::digest(&signer.certificate_der);
    assert!(
        ess.windows(32).any(|w| w == hash.as_slice()),
        "signing-certificate-v2 hash"
    );
    let mut attributes: Vec<String> = signed_attributes
        .iter()
        .map(|a| a.oid.to_string())
        .collect();
    attributes.sort();
    assert_eq!(
        attributes,
        [
            "1.2.840.113549.1.9.16.2.47", // signing-certificate-v2
            "1.2.840.113549.1.9.3",       // content-type
            "1.2.840.113549.1.9.4",       // message-digest
        ]
    );
}

#[test]
fn a_verification_text_longer_than_the_page_continues_on_the_next() {
    let mut certificate = no_entries();
    certificate.verification = (1..=120)
        .map(|n| format!("Pasul {n}: verificați documentul."))
        .collect::<Vec<_>>()
        .join(" ");
    let pdf = ghiseu_pdf::render(&certificate).unwrap();
    assert_eq!(pages(&pdf), 2);
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf, &["-"]);
    assert!(text.contains("Pasul 120: verificați documentul."), "{text}");
}
