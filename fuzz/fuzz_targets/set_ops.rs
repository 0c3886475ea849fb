#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| deepfreeze_fuzz::set_ops::run(data));
