//! An appointment as an iCalendar file (RFC 5545) people add to their own
//! calendar, with a reminder the day before.

use jiff::Timestamp;
use jiff::tz::TimeZone;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Globally unique and stable, so that a changed appointment replaces the old one.
    pub uid: String,
    /// When the file was made.
    pub stamp: Timestamp,
    /// The event's revision: 0 when booked, one more at every move, so that
    /// calendars take a moved appointment's file as replacing the old one.
    pub sequence: u32,
    pub start: Timestamp,
    pub end: Timestamp,
    pub summary: String,
    pub location: String,
    pub description: String,
    /// A cancelled appointment's file takes the event off calendars.
    pub cancelled: bool,
}

/// Longest line in octets, without its CRLF.
const MAX_LINE: usize = 75;

/// The whole `.ics` file, CRLF line endings.
pub fn calendar_file(event: &CalendarEvent) -> String {
    let method = if event.cancelled { "CANCEL" } else { "PUBLISH" };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Ghiseu//Appointments//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        format!("METHOD:{method}"),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape(&event.uid)),
        format!("DTSTAMP:{}", utc(event.stamp)),
        format!("SEQUENCE:{}", event.sequence),
        format!("DTSTART:{}", utc(event.start)),
        format!("DTEND:{}", utc(event.end)),
        format!("SUMMARY:{}", escape(&event.summary)),
        format!("LOCATION:{}", escape(&event.location)),
        format!("DESCRIPTION:{}", escape(&event.description)),
    ];
    if event.cancelled {
        lines.push("STATUS:CANCELLED".to_string());
    } else {
        lines.extend([
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            "TRIGGER:-P1D".to_string(),
            format!("DESCRIPTION:{}", escape(&event.summary)),
            "END:VALARM".to_string(),
        ]);
    }
    lines.extend(["END:VEVENT".to_string(), "END:VCALENDAR".to_string()]);
    lines.iter().map(|line| fold(line)).collect()
}

/// `YYYYMMDDTHHMMSSZ`.
fn utc(at: Timestamp) -> String {
    at.to_zoned(TimeZone::UTC)
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// TEXT escaping: backslash, semicolon, comma and line breaks.
pub(crate) fn escape(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no line exceeds 75 octets: each
/// continuation starts with a space, and a character is never split.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn unfold(file: &str) -> Vec<String> {
        file.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn event() -> CalendarEvent {
        CalendarEvent {
            uid: "APT-7K3M-Q9XZ@ghiseu".into(),
            stamp: "2026-03-01T10:00:00Z".parse().unwrap(),
            sequence: 1,
            start: "2026-03-04T07:30:00Z".parse().unwrap(),
            end: "2026-03-04T07:45:00Z".parse().unwrap(),
            summary: "Programare: pașaport simplu electronic".into(),
            location: "Piața Iuliu Maniu 14A, Alba Iulia".into(),
            description: "Bring: identity card; fee receipt.\nTicket at the entrance.".into(),
            cancelled: false,
        }
    }

    #[test]
    fn a_cancelled_appointment_s_file_cancels_the_same_event_without_a_reminder() {
        let file = calendar_file(&CalendarEvent {
            cancelled: true,
            sequence: 2,
            ..event()
        });
        let lines = unfold(&file);
        for expected in [
            "METHOD:CANCEL",
            "UID:APT-7K3M-Q9XZ@ghiseu",
            "SEQUENCE:2",
            "STATUS:CANCELLED",
        ] {
            assert!(lines.iter().any(|l| l == expected), "{expected}: {lines:?}");
        }
        assert!(!file.contains("VALARM"));
        assert!(!file.contains("METHOD:PUBLISH"));
    }

    #[test]
    fn the_file_is_a_calendar_with_one_event_and_a_reminder() {
        let file = calendar_file(&event());
        assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(file.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(!file.replace("\r\n", "").contains('\n'), "bare LF");
        let lines = unfold(&file);
        for expected in [
            "METHOD:PUBLISH",
            "UID:APT-7K3M-Q9XZ@ghiseu",
            "DTSTAMP:20260301T100000Z",
            "SEQUENCE:1",
            "DTSTART:20260304T073000Z",
            "DTEND:20260304T074500Z",
            "LOCATION:Piața Iuliu Maniu 14A\\, Alba Iulia",
            "DESCRIPTION:Bring: identity card\\; fee receipt.\\nTicket at the entrance.",
            "TRIGGER:-P1D",
        ] {
            assert!(
                lines.iter().any(|l| l == expected),
                "{expected} in {lines:?}"
            );
        }
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VALARM").count(), 1);
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let folded = fold(&format!("DESCRIPTION:{}", "ș".repeat(60)));
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(
            folded.replace("\r\n ", ""),
            format!("DESCRIPTION:{}\r\n", "ș".repeat(60))
        );
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }

    proptest! {
        #[test]
        fn every_line_fits_and_unfolding_restores_the_text(text in "\\PC{0,300}") {
            let file = calendar_file(&CalendarEvent { description: text.clone(), ..event() });
            prop_assert!(file.ends_with("\r\n"));
            for line in file.trim_end_matches("\r\n").split("\r\n") {
                prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
            }
            let lines = unfold(&file);
            let description = lines.iter().find(|l| l.starts_with("DESCRIPTION:")).unwrap();
            prop_assert_eq!(description, &format!("DESCRIPTION:{}", escape(&text)));
        }

        #[test]
        fn escaping_round_trips(text in "[a-zA-Zăîșțâ ,;\\\\\n:.\"-]{0,200}") {
            let escaped = escape(&text);
            prop_assert!(!escaped.contains('\n'));
            prop_assert_eq!(unescape(&escaped), text);
        }

        #[test]
        fn folding_any_text_is_undone_by_unfolding(text in "\\PC{0,400}") {
            let line = escape(&text);
            let folded = fold(&line);
            for part in folded.trim_end_matches("\r\n").split("\r\n") {
                prop_assert!(part.len() <= 75);
            }
            prop_assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
        }
    }
}
