//! FNV-1a, the one small hasher of the crate: for grouping and telling values apart where
//! std's SipHash would cost bundle size and speed (window schedules in the fleet checks, keys
//! of the app's findings list). Not for keys an attacker chooses: a collision only costs a
//! full comparison at the callers.

use std::hash::Hasher;

pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    // An instant hashes as a date (i32) and a time of day (two u32): one step per word, not
    // per byte.
    fn write_u32(&mut self, word: u32) {
        self.0 = (self.0 ^ u64::from(word)).wrapping_mul(0x0100_0000_01b3);
    }

    fn write_i32(&mut self, word: i32) {
        self.write_u32(word.cast_unsigned());
    }
}
