//! Masked forms of recipients, for logs and error texts.

/// `ana.pop@example.ro` → `a***@example.ro`.
pub fn mask_email(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((local, domain)) => {
            let first = local.chars().next().map(String::from).unwrap_or_default();
            format!("{first}***@{domain}")
        }
        None => "***".to_owned(),
    }
}

/// `+40722123456` → `+407*****456`: the country and network prefix and the
/// last three digits stay, enough to tell two numbers apart in a log.
pub fn mask_phone(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    if digits < 7 {
        return "***".to_owned();
    }
    let mut seen = 0;
    chars
        .iter()
        .map(|&c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if seen <= 3 || seen > digits - 3 {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// Masks every e-mail address and every run of seven or more digits in a
/// text such as a server's reply, which often repeats the recipient.
pub(crate) fn scrub_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '<' | '>' | '"' | ',' | ';' | '(' | ')') {
            out.push_str(&scrub_word(&word));
            word.clear();
            out.push(c);
        } else {
            word.push(c);
        }
    }
    out.push_str(&scrub_word(&word));
    out
}

fn scrub_word(word: &str) -> String {
    if word.contains('@') {
        return mask_email(word);
    }
    if word.chars().filter(char::is_ascii_digit).count() >= 7 {
        return mask_phone(word);
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_keep_only_the_first_letter_and_the_domain() {
        assert_eq!(mask_email("ana.pop@example.ro"), "a***@example.ro");
        assert_eq!(mask_email("not an address"), "***");
    }

    #[test]
    fn phones_keep_the_prefix_and_the_last_digits() {
        assert_eq!(mask_phone("+40722123456"), "+407*****456");
        assert_eq!(mask_phone("112"), "***");
    }

    #[test]
    fn server_replies_lose_their_addresses_and_numbers() {
        let reply =
            "550 5.1.1 <ana.pop@example.ro>: Recipient rejected, number 40722123456 unknown";
        let scrubbed = scrub_addresses(reply);
        assert_eq!(
            scrubbed,
            "550 5.1.1 <a***@example.ro>: Recipient rejected, number 407*****456 unknown"
        );
    }
}
