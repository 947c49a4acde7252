//! Uploads one person has under way in this process. Uploads are bounded by
//! their progress, not the page timeout, so one person sending several scans
//! just above the slowest allowed rate could otherwise hold every upload slot
//! for minutes and keep everyone else out.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Debug, Default)]
pub struct UploadsInFlight(Mutex<HashMap<String, u32>>);

/// One upload counted for its person until it is dropped.
pub struct InFlight {
    owner: Arc<UploadsInFlight>,
    person: String,
}

impl UploadsInFlight {
    /// Counts an upload for `person` unless they already have `most` under way.
    pub fn start(self: &Arc<Self>, person: &str, most: u32) -> Option<InFlight> {
        let mut counts = self.0.lock().ok()?;
        let count = counts.entry(person.to_string()).or_insert(0);
        if *count >= most {
            return None;
        }
        *count += 1;
        Some(InFlight {
            owner: Arc::clone(self),
            person: person.to_string(),
        })
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(mut counts) = self.owner.0.lock()
            && let Some(count) = counts.get_mut(&self.person)
        {
            *count = count.saturating_sub(1);
            if *count == 0 {
                counts.remove(&self.person);
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_person_has_at_most_so_many_and_a_finished_one_makes_room() {
        let uploads = Arc::new(UploadsInFlight::default());
        let first = uploads.start("ana", 2).unwrap();
        let _second = uploads.start("ana", 2).unwrap();
        assert!(uploads.start("ana", 2).is_none());
        assert!(uploads.start("ion", 2).is_some(), "others are not held up");
        drop(first);
        assert!(uploads.start("ana", 2).is_some());
    }
}
