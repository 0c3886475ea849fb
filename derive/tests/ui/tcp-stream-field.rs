use deepfreeze::Frozen;
use std::net::TcpStream;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: TcpStream,
}

fn main() {}
