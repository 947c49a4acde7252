//! The QR code of an issued document (`ghiseu_seal::open`): the `GHS1:`
//! text, base45, zlib, the COSE_Sign1 envelope and its ES256 signature, the
//! CBOR payload.
//!
//! Input: byte 0 picks what the rest is:
//! - 0: the QR code's text, as a person pastes it;
//! - 1: the payload's CBOR, which the target signs with its key (as `seal`
//!   does) so that the payload reader is reached;
//! - 2: the COSE envelope, compressed and encoded here;
//! - 3: a document's fields, sealed and opened again.
#![no_main]

use std::io::Write as _;
use std::sync::OnceLock;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use coset::{CoseSign1Builder, HeaderBuilder, TaggedCborSerializable as _, iana};
use ghiseu_seal::{KeySet, OpenError, PREFIX, SealKey, SealPayload, open, seal};
use jiff::civil::Date;
use libfuzzer_sys::fuzz_target;
use p256::ecdsa::Signature;
use p256::ecdsa::signature::Signer as _;

fn keys() -> &'static KeySet {
    static KEYS: OnceLock<KeySet> = OnceLock::new();
    KEYS.get_or_init(|| {
        let key = SealKey::demo("Fuzzing (demo)", ghiseu_fuzz::now()).expect("a demo key");
        KeySet::new(key)
    })
}

fuzz_target!(|data: &[u8]| {
    let [mode, rest @ ..] = data else {
        return;
    };
    match mode % 4 {
        0 => {
            if let Ok(text) = std::str::from_utf8(rest) {
                opened(open(text, keys()));
            }
        }
        1 => opened(open(&text_of(&signed(rest)), keys())),
        2 => opened(open(&text_of(rest), keys())),
        _ => round_trip(rest),
    }
});

/// Whatever opens seals again to the same text's meaning.
fn opened(result: Result<SealPayload, OpenError>) {
    match result {
        Ok(payload) => {
            let text = seal(&payload, keys().active()).expect("an opened payload seals");
            assert_eq!(open(&text, keys()), Ok(payload));
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
}

/// A tagged COSE_Sign1 of `payload`, signed by the active key.
fn signed(payload: &[u8]) -> Vec<u8> {
    let key = keys().active();
    let kid = URL_SAFE_NO_PAD
        .decode(key.kid())
        .expect("a kid in base64url");
    let protected = HeaderBuilder::new()
        .algorithm(iana::Algorithm::ES256)
        .key_id(kid)
        .build();
    CoseSign1Builder::new()
        .protected(protected)
        .payload(payload.to_vec())
        .create_signature(b"", |data| {
            let signature: Signature = key.signing_key().sign(data);
            signature.to_vec()
        })
        .build()
        .to_tagged_vec()
        .expect("an envelope")
}

/// The QR text around an envelope.
fn text_of(envelope: &[u8]) -> String {
    let mut deflater = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    deflater.write_all(envelope).expect("in memory");
    let compressed = deflater.finish().expect("in memory");
    format!("{PREFIX}{}", base45::encode(compressed))
}

/// Fields separated by 0xFF: number, type, name, then three dates given as
/// two bytes of days from 1900 each (a birth date only when there are six).
fn round_trip(rest: &[u8]) {
    let parts: Vec<&[u8]> = rest.splitn(4, |&b| b == 0xFF).collect();
    let [number, document_type, holder_name, dates] = parts[..] else {
        return;
    };
    let text = |b: &[u8]| std::str::from_utf8(b).map(str::to_owned).ok();
    let (Some(number), Some(document_type), Some(holder_name)) =
        (text(number), text(document_type), text(holder_name))
    else {
        return;
    };
    let date = |pair: &[u8]| {
        let days = i64::from(u16::from_be_bytes([pair[0], pair[1]]));
        Date::constant(1900, 1, 1)
            .checked_add(jiff::Span::new().days(days))
            .expect("within jiff's range")
    };
    let days: Vec<Date> = dates.chunks_exact(2).map(date).collect();
    let (birth_date, issued_on, expires_on) = match days[..] {
        [issued, expires] => (None, issued, expires),
        [birth, issued, expires] => (Some(birth), issued, expires),
        _ => return,
    };
    let payload = SealPayload {
        number,
        document_type,
        holder_name,
        birth_date,
        issued_on,
        expires_on,
    };
    let text = seal(&payload, keys().active()).expect("a payload seals");
    match open(&text, keys()) {
        Ok(opened) => assert_eq!(opened, payload),
        // Only a seal longer than any QR code is refused.
        Err(error) => assert_eq!(
            error,
            OpenError::Malformed("longer than any QR code"),
            "{} characters",
            text.len()
        ),
    }
}
