//! How much of the machine other processes used during a run, from /proc: the machine is shared,
//! and a run slowed down by someone else's build must say so.

use anyhow::{Context, anyhow};

/// CPU time counters at one moment, in clock ticks.
#[derive(Clone, Copy)]
pub struct CpuSample {
    machine_busy: u64,
    machine_total: u64,
    server: u64,
    this: u64,
    /// Every PostgreSQL process's, summed: the database the server uses is
    /// on the same cores, and its share is told apart from strangers'.
    postgres: u64,
}

fn machine() -> anyhow::Result<(u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").context("cannot read /proc/stat")?;
    let line = stat
        .lines()
        .next()
        .ok_or_else(|| anyhow!("/proc/stat is empty"))?;
    let ticks = line
        .split_whitespace()
        .skip(1)
        .map(str::parse::<u64>)
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("malformed /proc/stat line: {line}"))?;
    let total = ticks.iter().take(8).sum::<u64>();
    // idle and iowait
    let waiting = ticks.get(3).copied().unwrap_or(0) + ticks.get(4).copied().unwrap_or(0);
    Ok((total - waiting, total))
}

/// User and system time of one process.
fn process(pid: &str) -> anyhow::Result<u64> {
    let path = format!("/proc/{pid}/stat");
    let stat = std::fs::read_to_string(&path).with_context(|| format!("cannot read {path}"))?;
    // The command name may hold spaces; the fields counted from 3 start after its ')'.
    let (_, rest) = stat
        .rsplit_once(')')
        .ok_or_else(|| anyhow!("malformed {path}"))?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let time = |n: usize| -> anyhow::Result<u64> {
        fields
            .get(n)
            .ok_or_else(|| anyhow!("malformed {path}"))?
            .parse::<u64>()
            .with_context(|| format!("malformed {path}"))
    };
    Ok(time(11)? + time(12)?)
}

/// User and system time of every process named `name` (its `comm`), summed.
/// One that ended between two samples takes its time with it, which then
/// counts as others'.
fn named(name: &str) -> u64 {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|pid| pid.bytes().all(|b| b.is_ascii_digit()))
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|comm| comm.trim_end() == name)
        })
        .filter_map(|pid| process(&pid).ok())
        .sum()
}

/// The machine's load average (1, 5 and 15 minutes) as /proc/loadavg gives it.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_else(|_| "unknown".to_owned())
}

impl CpuSample {
    pub fn now(server_pid: u32) -> anyhow::Result<CpuSample> {
        let (machine_busy, machine_total) = machine()?;
        Ok(CpuSample {
            machine_busy,
            machine_total,
            server: process(&server_pid.to_string())?,
            this: process("self")?,
            postgres: named("postgres"),
        })
    }

    /// Cores' worth of CPU used since `earlier` by the server process.
    pub fn server_since(&self, earlier: &CpuSample, cores: usize) -> f64 {
        self.share(self.server.saturating_sub(earlier.server), earlier, cores)
    }

    /// Cores' worth of CPU used since `earlier` by this process.
    pub fn this_since(&self, earlier: &CpuSample, cores: usize) -> f64 {
        self.share(self.this.saturating_sub(earlier.this), earlier, cores)
    }

    fn share(&self, used: u64, earlier: &CpuSample, cores: usize) -> f64 {
        let total = self.machine_total.saturating_sub(earlier.machine_total);
        if total == 0 {
            return 0.0;
        }
        used as f64 / total as f64 * cores as f64
    }

    /// Cores' worth of CPU used since `earlier` by PostgreSQL's processes.
    pub fn postgres_since(&self, earlier: &CpuSample, cores: usize) -> f64 {
        self.share(
            self.postgres.saturating_sub(earlier.postgres),
            earlier,
            cores,
        )
    }

    /// Cores' worth of CPU used since `earlier` by processes other than the server and this one.
    pub fn others_since(&self, earlier: &CpuSample, cores: usize) -> f64 {
        let total = self.machine_total.saturating_sub(earlier.machine_total);
        if total == 0 {
            return 0.0;
        }
        let ours =
            self.server.saturating_sub(earlier.server) + self.this.saturating_sub(earlier.this);
        let others = self
            .machine_busy
            .saturating_sub(earlier.machine_busy)
            .saturating_sub(ours);
        others as f64 / total as f64 * cores as f64
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    #[test]
    fn reads_this_process_and_the_machine() {
        let before = CpuSample::now(std::process::id()).unwrap();
        let after = CpuSample::now(std::process::id()).unwrap();
        assert!(after.machine_total >= before.machine_total);
        assert!(after.others_since(&before, 2) >= 0.0);
        assert!(after.postgres >= before.postgres);
    }

    #[test]
    fn processes_are_found_by_name() {
        // Work until this process has used at least one clock tick.
        let mut sum = 0u64;
        while process("self").unwrap() == 0 {
            sum = (0..100_000u64).fold(sum, |a, n| a.wrapping_add(n * n));
        }
        std::hint::black_box(sum);
        let comm = std::fs::read_to_string("/proc/self/comm").unwrap();
        let mine = process("self").unwrap();
        assert!(named(comm.trim_end()) >= mine);
        assert_eq!(named("no process has this name"), 0);
    }
}
