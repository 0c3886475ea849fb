#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| deepfreeze_fuzz::str_bytes::run(data));
