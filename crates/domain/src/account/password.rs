//! The password rule: long enough, not guessable, not about the person.

pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error(
        "Use at least {MIN_PASSWORD_CHARS} characters; a few unrelated words make a strong password that is easy to remember."
    )]
    TooShort,
    #[error("Use at most {MAX_PASSWORD_CHARS} characters.")]
    TooLong,
    #[error(
        "This password is too easy to guess. Add more words or characters, and avoid names, dates and common phrases."
    )]
    Guessable,
}

impl PasswordProblem {
    pub fn code(&self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::Guessable => "password-guessable",
        }
    }
}

/// Checks a new password; `about_the_person` (e-mail, names) counts against it.
pub fn check_password(password: &str, about_the_person: &[&str]) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if length > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let score = zxcvbn::zxcvbn(password, about_the_person).score();
    if u8::from(score) < 3 {
        return Err(PasswordProblem::Guessable);
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn strong_passphrases_pass() {
        assert!(check_password("correct horse battery staple", &[]).is_ok());
        assert!(check_password("Ghișeu-Alba-2026-vară-lungă", &[]).is_ok());
    }

    #[test]
    fn weak_or_personal_passwords_are_refused() {
        assert_eq!(check_password("short", &[]), Err(PasswordProblem::TooShort));
        assert_eq!(
            check_password("password123", &[]),
            Err(PasswordProblem::Guessable)
        );
        assert_eq!(
            check_password("1234567890", &[]),
            Err(PasswordProblem::Guessable)
        );
        // Strong for a stranger, weak when it is the holder's own names.
        assert_eq!(check_password("ionescuandreea", &[]), Ok(()));
        assert_eq!(
            check_password(
                "ionescuandreea",
                &["andreea.ionescu@example.com", "andreea", "ionescu"]
            ),
            Err(PasswordProblem::Guessable)
        );
        assert_eq!(
            check_password(&"x".repeat(129), &[]),
            Err(PasswordProblem::TooLong)
        );
    }
}
