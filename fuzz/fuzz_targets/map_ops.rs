#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| deepfreeze_fuzz::map_ops::run(data));
