//! Sealing a document's QR text and opening it again.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read as _, Write as _};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use coset::cbor::Value;
use coset::{
    CborSerializable as _, CoseSign1, CoseSign1Builder, HeaderBuilder, TaggedCborSerializable as _,
    iana,
};
use ghiseu_seal::{KeySet, OpenError, PREFIX, SealKey, SealPayload, open, qr_svg, seal};
use jiff::civil::date;
use p256::ecdsa::signature::Signer as _;
use p256::ecdsa::{Signature, SigningKey};
use proptest::prelude::*;

const BASE45: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

fn demo() -> SealKey {
    SealKey::demo(
        "Cazierul judiciar (demo)",
        "2026-12-05T09:00:00Z".parse().unwrap(),
    )
    .unwrap()
}

fn certificate() -> SealPayload {
    SealPayload {
        number: "CJ-AB-2026-0012345".to_owned(),
        document_type: "criminal-record-certificate".to_owned(),
        holder_name: "Ioana-Maria Popescu-Dumitrescu".to_owned(),
        birth_date: Some(date(1988, 3, 14)),
        issued_on: date(2026, 12, 5),
        expires_on: date(2027, 6, 5),
    }
}

/// The COSE bytes inside a seal's text, read without checking anything.
fn envelope(text: &str) -> Vec<u8> {
    let compressed = base45::decode(text.strip_prefix(PREFIX).unwrap()).unwrap();
    let mut envelope = Vec::new();
    flate2::read::ZlibDecoder::new(compressed.as_slice())
        .read_to_end(&mut envelope)
        .unwrap();
    envelope
}

/// The seal text around any COSE bytes.
fn wrapped(envelope: &[u8]) -> String {
    let mut deflater = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    deflater.write_all(envelope).unwrap();
    format!("{PREFIX}{}", base45::encode(deflater.finish().unwrap()))
}

/// A seal of `content` naming `kid` but signed by `signer`.
fn forged(kid: &str, signer: &SigningKey, algorithm: iana::Algorithm, content: Vec<u8>) -> String {
    let protected = HeaderBuilder::new()
        .algorithm(algorithm)
        .key_id(URL_SAFE_NO_PAD.decode(kid).unwrap())
        .build();
    let envelope = CoseSign1Builder::new()
        .protected(protected)
        .payload(content)
        .create_signature(b"", |data| {
            let signature: Signature = signer.sign(data);
            signature.to_vec()
        })
        .build()
        .to_tagged_vec()
        .unwrap();
    wrapped(&envelope)
}

fn sealed_content(text: &str) -> Vec<u8> {
    CoseSign1::from_tagged_slice(&envelope(text))
        .unwrap()
        .payload
        .unwrap()
}

#[test]
fn a_sealed_document_opens_to_what_was_sealed() {
    let key = demo();
    let text = seal(&certificate(), &key).unwrap();
    assert!(text.starts_with("GHS1:"));
    assert!(
        text.chars().all(|c| c == ':' || BASE45.contains(c)),
        "{text}"
    );
    assert_eq!(open(&text, &KeySet::new(key)).unwrap(), certificate());
}

#[test]
fn an_organisations_seal_has_no_birth_date_and_opens_without_one() {
    let key = demo();
    let organisation = SealPayload {
        holder_name: "Exemplu Construct SRL".to_owned(),
        birth_date: None,
        ..certificate()
    };
    let text = seal(&organisation, &key).unwrap();
    let opened = open(&text, &KeySet::new(key)).unwrap();
    assert_eq!(opened, organisation);
}

#[test]
fn a_typical_seal_fits_a_small_qr_code() {
    let text = seal(&certificate(), &demo()).unwrap();
    let code = qrcode::QrCode::with_error_correction_level(&text, qrcode::EcLevel::Q).unwrap();
    println!(
        "a typical seal: {} characters, {} bytes of COSE, QR {:?} at level Q",
        text.len(),
        envelope(&text).len(),
        code.version()
    );
    assert!(text.len() < 400, "{} characters", text.len());
}

#[test]
fn a_seal_pasted_by_a_person_still_opens() {
    let key = demo();
    let text = seal(&certificate(), &key).unwrap();
    let (start, end) = text.split_at(text.len() / 2);
    let pasted = format!("  \n{}\r\n{end}\t\n", start.to_lowercase());
    assert_eq!(open(&pasted, &KeySet::new(key)).unwrap(), certificate());
}

#[test]
fn a_seal_by_a_retired_key_still_opens() {
    let old = demo();
    let text = seal(&certificate(), &old).unwrap();
    let keys = KeySet::new(demo()).with_retired(old.retire(date(2027, 6, 5)));
    assert_eq!(open(&text, &keys).unwrap(), certificate());
}

#[test]
fn every_one_character_change_is_refused() {
    let key = demo();
    let keys = KeySet::new(key.clone());
    let text = seal(&certificate(), &key).unwrap();
    for (position, original) in text.char_indices() {
        for replacement in BASE45.chars().filter(|&c| c != original) {
            let mut changed = text.clone();
            changed.replace_range(position..=position, &replacement.to_string());
            assert!(
                open(&changed, &keys).is_err(),
                "{original:?} changed to {replacement:?} at {position} still opens"
            );
        }
    }
}

proptest! {
    #[test]
    fn any_one_character_change_is_refused(at in any::<prop::sample::Index>(), by in 1..BASE45.len()) {
        let key = demo();
        let text = seal(&certificate(), &key).unwrap();
        let position = at.index(text.len());
        let original = BASE45.find(&text[position..=position]).unwrap_or(0);
        let replacement = &BASE45[(original + by) % BASE45.len()..][..1];
        let mut changed = text.clone();
        changed.replace_range(position..=position, replacement);
        prop_assume!(changed != text);
        prop_assert!(open(&changed, &KeySet::new(key)).is_err());
    }
}

#[test]
fn a_truncated_seal_is_malformed() {
    let key = demo();
    let keys = KeySet::new(key.clone());
    let text = seal(&certificate(), &key).unwrap();
    for length in PREFIX.len()..text.len() {
        match open(&text[..length], &keys) {
            Err(OpenError::Malformed(_)) => {}
            other => panic!("cut at {length}: {other:?}"),
        }
    }
}

#[test]
fn what_is_not_a_ghiseu_seal_is_not_ours() {
    let keys = KeySet::new(demo());
    for text in [
        "",
        "HC1:6BFOXN%TS3DH0YOJ58S",
        "https://example.org/",
        "GHS2:0000",
    ] {
        assert_eq!(open(text, &keys), Err(OpenError::NotOurs), "{text:?}");
    }
}

#[test]
fn a_seal_by_a_key_not_in_the_set_names_its_unknown_kid() {
    let stranger = demo();
    let text = seal(&certificate(), &stranger).unwrap();
    assert_eq!(
        open(&text, &KeySet::new(demo())),
        Err(OpenError::UnknownKey {
            kid: stranger.kid().to_owned()
        })
    );
}

#[test]
fn a_signature_by_another_key_under_our_kid_is_bad() {
    let ours = demo();
    let content = sealed_content(&seal(&certificate(), &ours).unwrap());
    let text = forged(
        ours.kid(),
        demo().signing_key(),
        iana::Algorithm::ES256,
        content,
    );
    assert_eq!(
        open(&text, &KeySet::new(ours)),
        Err(OpenError::BadSignature)
    );
}

#[test]
fn another_algorithm_than_es256_is_refused() {
    let ours = demo();
    let content = sealed_content(&seal(&certificate(), &ours).unwrap());
    let text = forged(
        ours.kid(),
        ours.signing_key(),
        iana::Algorithm::ES384,
        content,
    );
    assert!(matches!(
        open(&text, &KeySet::new(ours)),
        Err(OpenError::Malformed(_))
    ));
}

#[test]
fn signed_content_that_is_not_a_document_is_a_bad_payload() {
    let ours = demo();
    let keys = KeySet::new(ours.clone());
    let mut with_extra_field =
        Value::from_slice(&sealed_content(&seal(&certificate(), &ours).unwrap())).unwrap();
    if let Value::Map(entries) = &mut with_extra_field {
        entries.push((
            Value::Integer(7.into()),
            Value::Text("1880314123456".to_owned()),
        ));
    }
    let mut without_expiry =
        Value::from_slice(&sealed_content(&seal(&certificate(), &ours).unwrap())).unwrap();
    if let Value::Map(entries) = &mut without_expiry {
        entries.pop();
    }
    let far_key = Value::Map(vec![(
        Value::Integer(i64::MIN.into()),
        Value::Text("x".to_owned()),
    )]);
    for content in [
        with_extra_field,
        without_expiry,
        far_key,
        Value::Text("a document".to_owned()),
    ] {
        let text = forged(
            ours.kid(),
            ours.signing_key(),
            iana::Algorithm::ES256,
            content.clone().to_vec().unwrap(),
        );
        assert!(
            matches!(open(&text, &keys), Err(OpenError::BadPayload(_))),
            "{content:?}"
        );
    }
}

#[test]
fn a_decompression_bomb_is_refused() {
    let text = wrapped(&vec![0u8; 1024 * 1024]);
    assert!(
        text.len() < 4000,
        "the bomb should fit a QR code, it is {}",
        text.len()
    );
    assert_eq!(
        open(&text, &KeySet::new(demo())),
        Err(OpenError::Malformed("inflates too far"))
    );
}

#[test]
fn the_sealed_content_is_the_six_fields_and_no_personal_number() {
    let content = sealed_content(&seal(&certificate(), &demo()).unwrap());
    let Value::Map(entries) = Value::from_slice(&content).unwrap() else {
        panic!("the payload is not a map");
    };
    let keys: Vec<_> = entries
        .iter()
        .map(|(k, _)| k.as_integer().map(i128::from))
        .collect();
    assert_eq!(keys, (1..=6).map(Some).collect::<Vec<_>>());
    for (_, value) in entries {
        let text = value.as_text().unwrap();
        let longest_digit_run = text
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap_or(0);
        assert!(
            longest_digit_run < 13,
            "{text:?} looks like a personal number"
        );
    }
}

#[test]
fn the_qr_code_is_an_svg_drawing() {
    let svg = qr_svg(&seal(&certificate(), &demo()).unwrap()).unwrap();
    assert!(
        svg.starts_with("<?xml") || svg.starts_with("<svg"),
        "{}",
        &svg[..40]
    );
    assert!(svg.contains("<svg") && svg.contains("<path") && svg.contains("<rect"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(qr_svg(&"A".repeat(5000)).is_err());
}

#[test]
fn a_text_longer_than_any_qr_code_is_malformed() {
    let text = format!("{PREFIX}{}", "0".repeat(20_000));
    assert!(matches!(
        open(&text, &KeySet::new(demo())),
        Err(OpenError::Malformed(_))
    ));
}
