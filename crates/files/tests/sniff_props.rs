//! The sniffer on arbitrary and generated input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_files::fixtures;
use ghiseu_files::sniff::{Dimensions, Kind, MAX_PIXELS, MAX_SIDE, Refusal, SNIFF_WINDOW, sniff};
use proptest::prelude::*;

fn within_limits(width: u32, height: u32) -> bool {
    (1..=MAX_SIDE).contains(&width)
        && (1..=MAX_SIDE).contains(&height)
        && u64::from(width) * u64::from(height) <= MAX_PIXELS
}

fn signature() -> impl Strategy<Value = &'static [u8]> {
    prop_oneof![
        Just(&b""[..]),
        Just(&b"\x89PNG\r\n\x1a\n"[..]),
        Just(&[0xFF, 0xD8, 0xFF][..]),
        Just(&b"%PDF-"[..]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn never_panics_on_arbitrary_bytes(
        start in signature(),
        rest in proptest::collection::vec(any::<u8>(), 0..4096),
    ) {
        let mut bytes = start.to_vec();
        bytes.extend_from_slice(&rest);
        let _ = sniff(&bytes);
    }

    #[test]
    fn never_panics_on_damaged_valid_files(
        which in 0..3usize,
        cut in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let mut bytes = match which {
            0 => fixtures::png(800, 600),
            1 => fixtures::jpeg(800, 600),
            _ => fixtures::pdf(),
        };
        for (at, value) in flips {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        let _ = sniff(&bytes);
    }

    #[test]
    fn png_dimensions_round_trip(width in 0..=20_000u32, height in 0..=20_000u32) {
        let sniffed = sniff(&fixtures::png(width, height));
        if within_limits(width, height) {
            prop_assert_eq!(sniffed.map(|s| (s.kind, s.dimensions)), Ok((Kind::Png, Some(Dimensions { width, height }))));
        } else {
            prop_assert_eq!(sniffed, Err(Refusal::AbsurdDimensions { width, height }));
        }
    }

    #[test]
    fn jpeg_dimensions_round_trip(
        width in 0..=u16::MAX,
        height in 0..=u16::MAX,
        segments in proptest::collection::vec((0xE0..=0xEFu8, 0..2_000usize), 0..8),
    ) {
        let mut jpeg = vec![0xFF, 0xD8];
        for (marker, length) in segments {
            jpeg.extend_from_slice(&[0xFF, marker]);
            jpeg.extend_from_slice(&u16::try_from(length + 2).unwrap_or(2).to_be_bytes());
            jpeg.extend(std::iter::repeat_n(0x55, length));
        }
        jpeg.extend_from_slice(&fixtures::jpeg(width, height)[2..]);
        prop_assume!(jpeg.len() < SNIFF_WINDOW);
        let (width, height) = (u32::from(width), u32::from(height));
        let sniffed = sniff(&jpeg);
        if within_limits(width, height) {
            prop_assert_eq!(sniffed.map(|s| (s.kind, s.dimensions)), Ok((Kind::Jpeg, Some(Dimensions { width, height }))));
        } else {
            prop_assert_eq!(sniffed, Err(Refusal::AbsurdDimensions { width, height }));
        }
    }
}
