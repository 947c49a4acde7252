//! The few statistics `ghiseu-bench timing` reports: quantiles and mean of one side, and two
//! ways of comparing two sides whose samples were taken alternately: the difference of their
//! medians with a bootstrap 95% interval, and the Mann-Whitney U statistic.

/// Resamples drawn for the bootstrap interval.
pub const RESAMPLES: usize = 2000;
/// The bootstrap's fixed seed, so that the same samples always give the same interval.
pub const SEED: u64 = 0x6768_6973_6575;

/// One side's answer times, in milliseconds.
pub struct Summary {
    pub count: usize,
    pub median: f64,
    pub p90: f64,
    pub mean: f64,
    pub min: f64,
    pub max: f64,
}

/// How side `b` compares with side `a` (b is the unregistered or the new address).
pub struct Comparison {
    /// median(b) / median(a).
    pub ratio: f64,
    /// median(b) − median(a), in ms.
    pub difference: f64,
    /// The 2.5th and 97.5th percentiles of the bootstrapped difference of medians, in ms.
    pub interval: (f64, f64),
    /// Mann-Whitney U of `b`: pairs (x from a, y from b) with y > x, ties counting one half.
    pub u: f64,
    /// U / (|a| · |b|): the chance that an answer of `b` is slower than one of `a` (0.5: none).
    pub slower: f64,
    /// U standardised under "both sides come from the same distribution", ties corrected.
    pub z: f64,
    /// Two-sided p-value of `z` (normal approximation, fine from about 20 samples a side).
    pub p: f64,
}

/// Microseconds to sorted milliseconds.
pub fn sorted_ms(micros: &[u64]) -> Vec<f64> {
    let mut ms: Vec<f64> = micros.iter().map(|&m| m as f64 / 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    ms
}

/// The `q` quantile of sorted values, interpolating between the two nearest (as R's type 7
/// and numpy's default); `NaN` when there are none.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return f64::NAN;
    };
    let position = q.clamp(0.0, 1.0) * last as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let (Some(low), Some(high)) = (sorted.get(below), sorted.get(above)) else {
        return f64::NAN;
    };
    low + (high - low) * (position - below as f64)
}

pub fn summary(sorted: &[f64]) -> Option<Summary> {
    let (&min, &max) = (sorted.first()?, sorted.last()?);
    Some(Summary {
        count: sorted.len(),
        median: quantile(sorted, 0.5),
        p90: quantile(sorted, 0.9),
        mean: sorted.iter().sum::<f64>() / sorted.len() as f64,
        min,
        max,
    })
}

/// SplitMix64: small, seeded, good enough to pick bootstrap samples and the order in a pair.
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// An index below `len` (`len` > 0), without modulo bias worth the name.
    fn below(&mut self, len: usize) -> usize {
        ((u128::from(self.next()) * len as u128) >> 64) as usize
    }
}

fn resampled_median(values: &[f64], rng: &mut SplitMix64, buffer: &mut Vec<f64>) -> f64 {
    buffer.clear();
    buffer.extend((0..values.len()).filter_map(|_| values.get(rng.below(values.len()))));
    buffer.sort_by(f64::total_cmp);
    quantile(buffer, 0.5)
}

/// Percentile bootstrap of median(b) − median(a): each side resampled with replacement on its
/// own, `resamples` times; the 2.5th and 97.5th percentiles of the differences.
pub fn bootstrap_difference(a: &[f64], b: &[f64], resamples: usize, seed: u64) -> (f64, f64) {
    if a.is_empty() || b.is_empty() || resamples == 0 {
        return (f64::NAN, f64::NAN);
    }
    let mut rng = SplitMix64::new(seed);
    let mut buffer = Vec::with_capacity(a.len().max(b.len()));
    let mut differences: Vec<f64> = (0..resamples)
        .map(|_| {
            let from_a = resampled_median(a, &mut rng, &mut buffer);
            resampled_median(b, &mut rng, &mut buffer) - from_a
        })
        .collect();
    differences.sort_by(f64::total_cmp);
    (quantile(&differences, 0.025), quantile(&differences, 0.975))
}

/// Mann-Whitney U of `b` against `a` (both sorted), its share of all pairs, and its z-score
/// with the tie correction: (U, U / (n·m), z).
pub fn mann_whitney(a: &[f64], b: &[f64]) -> (f64, f64, f64) {
    let (n, m) = (a.len() as f64, b.len() as f64);
    if a.is_empty() || b.is_empty() {
        return (f64::NAN, f64::NAN, f64::NAN);
    }
    let mut pooled: Vec<(f64, bool)> = a.iter().map(|&x| (x, false)).collect();
    pooled.extend(b.iter().map(|&y| (y, true)));
    pooled.sort_by(|x, y| x.0.total_cmp(&y.0));
    let total = pooled.len() as f64;
    let (mut rank_sum_b, mut ties) = (0.0, 0.0);
    let mut start = 0;
    while start < pooled.len() {
        let value = pooled[start].0;
        let end = pooled[start..]
            .iter()
            .position(|&(x, _)| x.total_cmp(&value).is_ne())
            .map_or(pooled.len(), |offset| start + offset);
        let tied = (end - start) as f64;
        // Ranks start + 1 ..= end share their average.
        let rank = (start + 1 + end) as f64 / 2.0;
        rank_sum_b += rank * pooled[start..end].iter().filter(|&&(_, in_b)| in_b).count() as f64;
        ties += tied * tied * tied - tied;
        start = end;
    }
    let u = rank_sum_b - m * (m + 1.0) / 2.0;
    let variance = n * m / 12.0 * ((total + 1.0) - ties / (total * (total - 1.0)));
    let z = if variance > 0.0 {
        (u - n * m / 2.0) / variance.sqrt()
    } else {
        0.0
    };
    (u, u / (n * m), z)
}

/// erfc(x) for x ≥ 0, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7).
fn erfc(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    poly * (-x * x).exp()
}

/// P(|Z| ≥ |z|) for a standard normal Z.
pub fn two_sided_p(z: f64) -> f64 {
    erfc(z.abs() / std::f64::consts::SQRT_2).clamp(0.0, 1.0)
}

/// Both comparisons of sorted `b` against sorted `a`.
pub fn compare(a: &[f64], b: &[f64]) -> Comparison {
    let (median_a, median_b) = (quantile(a, 0.5), quantile(b, 0.5));
    let (u, slower, z) = mann_whitney(a, b);
    Comparison {
        ratio: median_b / median_a,
        difference: median_b - median_a,
        interval: bootstrap_difference(a, b, RESAMPLES, SEED),
        u,
        slower,
        z,
        p: two_sided_p(z),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 1e-6
    }

    #[test]
    fn quantiles_interpolate_between_neighbours() {
        let values = sorted_ms(&[4000, 1000, 3000, 2000]);
        assert_eq!(values, [1.0, 2.0, 3.0, 4.0]);
        assert!(close(quantile(&values, 0.5), 2.5));
        assert!(close(quantile(&values, 0.9), 3.7));
        assert!(close(quantile(&[7.0], 0.9), 7.0));
        assert!(quantile(&[], 0.5).is_nan());
        let summary = summary(&values).unwrap();
        assert_eq!(summary.count, 4);
        assert!(close(summary.mean, 2.5));
        assert!(close(summary.min, 1.0) && close(summary.max, 4.0));
    }

    #[test]
    fn mann_whitney_counts_pairs_and_halves_ties() {
        // b above a in every pair: U = n·m.
        let (u, slower, z) = mann_whitney(&[1.0, 2.0, 3.0], &[4.0, 5.0]);
        assert!(close(u, 6.0) && close(slower, 1.0) && z > 0.0);
        // b = [2, 3] against a = [1, 2, 3]: pairs above 1 + 2 + 2, ties 0.5 + 0.5 = 3 + 1 = 4.
        let (u, _, _) = mann_whitney(&[1.0, 2.0, 3.0], &[2.0, 3.0]);
        assert!(close(u, 4.0), "{u}");
        // The same sample on both sides: U is half the pairs, z is 0.
        let same = [1.0, 2.0, 2.0, 5.0];
        let (u, slower, z) = mann_whitney(&same, &same);
        assert!(close(u, 8.0) && close(slower, 0.5) && close(z, 0.0));
    }

    #[test]
    fn the_normal_tail_matches_known_values() {
        assert!((two_sided_p(1.959_964) - 0.05).abs() < 1e-5);
        assert!((two_sided_p(0.0) - 1.0).abs() < 1e-6);
        assert!((two_sided_p(-2.575_829) - 0.01).abs() < 1e-5);
    }

    #[test]
    fn the_bootstrap_interval_holds_the_shift_and_is_reproducible() {
        let a: Vec<f64> = (0..200).map(|i| 20.0 + f64::from(i % 17) * 0.1).collect();
        let b: Vec<f64> = a.iter().map(|x| x + 5.0).collect();
        let (mut a, mut b) = (a, b);
        a.sort_by(f64::total_cmp);
        b.sort_by(f64::total_cmp);
        let (low, high) = bootstrap_difference(&a, &b, 500, 7);
        assert!(low <= 5.0 && 5.0 <= high, "{low} {high}");
        assert_eq!(bootstrap_difference(&a, &b, 500, 7), (low, high));
        let compared = compare(&a, &b);
        assert!(close(compared.difference, 5.0));
        assert!(compared.p < 1e-6 && close(compared.slower, 1.0));
    }
}
