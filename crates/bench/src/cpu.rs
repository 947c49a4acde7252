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
    }
}
