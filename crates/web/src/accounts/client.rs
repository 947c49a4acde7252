//! Where a request comes from, for throttling and the audit log.

use crate::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use ipnet::IpNet;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

/// The client's address: the peer of the connection or, when that peer is a
/// configured proxy, the right-most `X-Forwarded-For` hop that no configured
/// proxy added. The hops to its left are the client's own words.
pub(crate) struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        let hops: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .collect();
        let client = client_address(peer, &hops, &state.sessions.trusted_proxies);
        Ok(ClientAddress(client.map_or_else(
            || "unknown".to_string(),
            |ip| ip.to_string(),
        )))
    }
}

/// The client behind `peer`, given the forwarded hops (left to right) and the
/// proxies trusted to have added them.
pub fn client_address(peer: Option<IpAddr>, hops: &[&str], trusted: &[IpNet]) -> Option<IpAddr> {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let mut client = peer?;
    if !is_trusted(&client) {
        return Some(client);
    }
    for hop in hops.iter().rev() {
        let Some(ip) = parse_hop(hop) else {
            // A hop that is not an address ends what can be believed.
            return Some(client);
        };
        client = ip;
        if !is_trusted(&ip) {
            return Some(ip);
        }
    }
    Some(client)
}

/// One hop: an address, possibly with a port (`1.2.3.4:5`, `[::1]:5`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn without_a_trusted_proxy_the_peer_is_the_client() {
        let hops = ["203.0.113.1"];
        assert_eq!(
            client_address(ip("198.51.100.2"), &hops, &[]),
            ip("198.51.100.2")
        );
        assert_eq!(
            client_address(ip("198.51.100.2"), &hops, &nets(&["127.0.0.0/8"])),
            ip("198.51.100.2")
        );
    }

    #[test]
    fn a_forged_first_hop_is_ignored() {
        let loopback = nets(&["127.0.0.0/8", "::1/128"]);
        let hops = ["1.2.3.4", " 198.51.100.9"];
        assert_eq!(
            client_address(ip("127.0.0.1"), &hops, &loopback),
            ip("198.51.100.9")
        );
    }

    #[test]
    fn chained_proxies_are_skipped_and_garbage_stops_the_walk() {
        let proxies = nets(&["127.0.0.0/8", "10.0.0.0/8"]);
        let hops = ["1.2.3.4", "198.51.100.9", "10.1.1.1:443"];
        assert_eq!(
            client_address(ip("127.0.0.1"), &hops, &proxies),
            ip("198.51.100.9")
        );
        let garbage = ["198.51.100.9", "not-an-address"];
        assert_eq!(
            client_address(ip("127.0.0.1"), &garbage, &proxies),
            ip("127.0.0.1")
        );
        let only_proxies = ["10.0.0.5"];
        assert_eq!(
            client_address(ip("127.0.0.1"), &only_proxies, &proxies),
            ip("10.0.0.5")
        );
        assert_eq!(client_address(None, &only_proxies, &proxies), None);
    }
}
