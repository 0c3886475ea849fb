//! `core::net`: IP and socket addresses.
//!
//! Sockets (`TcpStream`, `TcpListener`, `UdpSocket`) are never `Frozen`: they are handles to
//! kernel state that changes behind `&`.

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

// SAFETY: each is address octets, a port, and (for V6 sockets) flow info and scope id, in
// place: plain integers with no pointer.
frozen_values!(
    IpAddr,
    Ipv4Addr,
    Ipv6Addr,
    SocketAddr,
    SocketAddrV4,
    SocketAddrV6
);
