use deepfreeze::Frozen;

#[derive(Frozen)]
enum Message {
    Quit,
    #[frozen(bound = "")]
    Write(String),
}

fn main() {}
