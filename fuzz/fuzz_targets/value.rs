#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| deepfreeze_fuzz::value::run(data));
