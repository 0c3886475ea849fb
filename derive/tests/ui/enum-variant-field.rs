use deepfreeze::Frozen;
use std::cell::RefCell;

#[derive(Frozen)]
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(String),
    Log(RefCell<Vec<String>>),
}

fn main() {}
