//! What the command's integration tests share.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::Child;

/// Reads a started `ghiseu serve`'s standard output up to the line that
/// says where it listens, and answers that address.
pub fn listening_address(child: &mut Child) -> SocketAddr {
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    loop {
        let line = lines
            .next()
            .expect("ghiseu serve said where it listens")
            .unwrap();
        if let Some((_, addr)) = line.split_once("listening on http://") {
            return addr.trim().parse().unwrap();
        }
    }
}
