//! Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s) and
//! recovery codes.

use super::secrets::{random_token, token_hash};
use totp_rs::{Algorithm, Secret, TOTP};

const STEP_SECONDS: u64 = 30;

/// A fresh 160-bit secret, base32 as authenticator apps expect it.
pub fn new_secret() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes)?;
    Ok(Secret::Raw(bytes.to_vec()).to_encoded().to_string())
}

fn totp(secret: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.to_string()).to_bytes().ok()?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECONDS,
        bytes,
        Some("Ghiseu".to_string()),
        account.to_string(),
    )
    .ok()
}

/// The time step a code matches (the current one or a neighbour), if any.
pub fn matching_step(secret: &str, code: &str, now_seconds: i64) -> Option<i64> {
    let code: String = code.chars().filter(char::is_ascii_digit).collect();
    if code.len() != 6 {
        return None;
    }
    let totp = totp(secret, "-")?;
    let now_step = now_seconds.div_euclid(STEP_SECONDS as i64);
    (now_step - 1..=now_step + 1).find(|step| {
        u64::try_from(*step)
            .ok()
            .is_some_and(|s| totp.generate(s * STEP_SECONDS) == code)
    })
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn otpauth_uri(secret: &str, account: &str) -> String {
    totp(secret, account)
        .map(|t| t.get_url())
        .unwrap_or_default()
}

/// The QR code of `text` as an SVG element, for people who scan rather than type.
pub fn qr_svg(text: &str) -> String {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(200, 200)
            .dark_color(qrcode::render::svg::Color("#000000"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .build(),
        Err(_) => String::new(),
    }
}

/// The secret in groups of four, easier to type from the screen.
pub fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Ten single-use recovery codes, shown once; the database keeps their hashes.
pub fn recovery_codes() -> Result<Vec<String>, getrandom::Error> {
    (0..10)
        .map(|_| random_token().map(|t| format!("{}-{}", &t[..5], &t[5..10])))
        .collect()
}

pub fn recovery_code_hash(code: &str) -> String {
    let normalised: String = code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    token_hash(&normalised)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_the_current_and_neighbouring_steps_match() {
        let secret = new_secret().unwrap();
        let t = totp(&secret, "x").unwrap();
        let now = 1_795_000_000_i64;
        let code = t.generate(now as u64);
        assert_eq!(matching_step(&secret, &code, now), Some(now / 30));
        assert_eq!(matching_step(&secret, &code, now + 30), Some(now / 30));
        assert_eq!(matching_step(&secret, &code, now + 120), None);
        assert_eq!(matching_step(&secret, "12345", now), None);
        assert_eq!(
            matching_step(&secret, &format!("{} {}", &code[..3], &code[3..]), now),
            Some(now / 30)
        );
    }

    #[test]
    fn recovery_codes_are_distinct_and_normalised() {
        let codes = recovery_codes().unwrap();
        assert_eq!(codes.len(), 10);
        assert_eq!(
            codes.iter().collect::<std::collections::HashSet<_>>().len(),
            10
        );
        assert_eq!(
            recovery_code_hash(&codes[0]),
            recovery_code_hash(&codes[0].to_uppercase().replace('-', " "))
        );
        assert!(
            otpauth_uri(&new_secret().unwrap(), "ana@example.ro")
                .starts_with("otpauth://totp/Ghiseu:")
        );
        assert!(
            qr_svg("otpauth://totp/x").starts_with("<?xml")
                || qr_svg("otpauth://totp/x").contains("<svg")
        );
    }
}
