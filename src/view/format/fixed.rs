//! Decimal numbers with a fixed number of places, as `format!("{v:.1}")` writes them, for the
//! numbers the app draws as text: pixel positions and lengths in the timeline's SVG, bar
//! lengths, percentages, milliseconds of the benchmark hooks.
//!
//! WHY not `format!`: core's float formatting (Grisu with a Dragon fallback and their tables,
//! about 11 KB of the app's wasm after wasm-opt) was linked only for these texts. Here the
//! number is rounded exactly in integers, so the text is the same, digit for digit (README
//! "Bundle-size levers").

/// `v` with `places` decimals (at most 19), exactly as `format!("{v:.places$}")` writes it:
/// the binary value rounded half to even, a `-` for every negative value (also `-0.0`), `NaN`,
/// `inf` and `-inf` as Rust writes them.
pub fn fixed(v: f64, places: u32) -> String {
    debug_assert!(places <= 19, "10^places must fit in a u64");
    if v.is_nan() {
        return "NaN".to_owned();
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    if v.is_infinite() {
        out.push_str("inf");
        return out;
    }
    // |v| = m · 2^e exactly.
    let bits = v.to_bits();
    let (exp, frac) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp as i32 - 1075)
    };
    // The digits of round(|v| · 10^places), without the decimal point.
    let mut digits = if e >= 0 {
        let mut d = integer_digits(m, e as u32);
        d.extend(std::iter::repeat_n(b'0', places as usize));
        d
    } else {
        let scaled = u128::from(m) * 10u128.pow(places);
        let shift = e.unsigned_abs();
        // scaled < 2^117: below half of 2^shift when shift ≥ 118, so it rounds to 0.
        let n = if shift >= 118 {
            0
        } else {
            let (q, r, half) = (
                scaled >> shift,
                scaled & ((1 << shift) - 1),
                1 << (shift - 1),
            );
            q + u128::from(r > half || (r == half && q & 1 == 1))
        };
        u128_digits(n)
    };
    let places = places as usize;
    if digits.len() <= places {
        let mut padded = vec![b'0'; places + 1 - digits.len()];
        padded.append(&mut digits);
        digits = padded;
    }
    let point = digits.len() - places;
    out.extend(digits[..point].iter().map(|&d| char::from(d)));
    if places > 0 {
        out.push('.');
        out.extend(digits[point..].iter().map(|&d| char::from(d)));
    }
    out
}

/// `v` with one decimal (`12.3`): pixel positions and lengths.
pub fn tenths(v: f64) -> String {
    fixed(v, 1)
}

/// The ASCII digits of `n`, most significant first (`0` for zero).
fn u128_digits(mut n: u128) -> Vec<u8> {
    let mut d = Vec::new();
    loop {
        d.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    d.reverse();
    d
}

/// The ASCII digits of the integer `m · 2^e` (up to 309 digits: `f64::MAX`), most
/// significant first: shifted in base-2^32 limbs, then divided by ten limb by limb.
fn integer_digits(m: u64, e: u32) -> Vec<u8> {
    let (words, bits) = ((e / 32) as usize, e % 32);
    let mut limbs = vec![0u32; words];
    let wide = u128::from(m) << bits;
    limbs.extend([wide as u32, (wide >> 32) as u32, (wide >> 64) as u32]);
    let mut d = Vec::new();
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    while !limbs.is_empty() {
        let mut rem = 0u64;
        for limb in limbs.iter_mut().rev() {
            let cur = rem << 32 | u64::from(*limb);
            *limb = (cur / 10) as u32;
            rem = cur % 10;
        }
        d.push(b'0' + rem as u8);
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
    }
    if d.is_empty() {
        d.push(b'0');
    }
    d.reverse();
    d
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The reference: core's own formatting.
    fn core_fixed(v: f64, places: u32) -> String {
        format!("{v:.*}", places as usize)
    }

    #[test]
    fn ties_round_to_even_on_the_binary_value() {
        for (v, want) in [
            (0.25, "0.2"),
            (0.35, "0.3"),
            (0.45, "0.5"),
            (2.25, "2.2"),
            (0.05, "0.1"),
        ] {
            assert_eq!(tenths(v), want, "{v}");
            assert_eq!(tenths(v), core_fixed(v, 1), "{v}");
        }
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(3.5, 0), "4");
    }

    #[test]
    fn edges_read_as_core_writes_them() {
        let edges = [
            0.0,
            -0.0,
            -0.01,
            5e-324,
            -5e-324,
            f64::MIN_POSITIVE,
            1.0,
            9.95,
            99.95,
            123.456,
            -123.456,
            1e15 + 0.3,
            4_503_599_627_370_496.0,
            9_007_199_254_740_993.0,
            1e300,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for v in edges {
            for places in 0..=3 {
                assert_eq!(
                    fixed(v, places),
                    core_fixed(v, places),
                    "{v:e} with {places}"
                );
            }
        }
        assert_eq!(fixed(1.0, 19), core_fixed(1.0, 19));
        assert_eq!(fixed(0.1, 19), core_fixed(0.1, 19));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn any_float_reads_as_core_writes_it(v in any::<f64>(), places in 0u32..=3) {
            prop_assert_eq!(fixed(v, places), core_fixed(v, places));
        }

        #[test]
        fn pixel_values_read_as_core_writes_them(tenth in -200_000i64..200_000, noise in -1e-9f64..1e-9) {
            // Pixel positions: near tenths and exact ties, where the rounding decides.
            let v = tenth as f64 / 10.0 + 0.05 + noise;
            prop_assert_eq!(tenths(v), core_fixed(v, 1));
            prop_assert_eq!(fixed(v, 0), core_fixed(v, 0));
            prop_assert_eq!(fixed(v, 2), core_fixed(v, 2));
        }

        #[test]
        fn any_bit_pattern_reads_as_core_writes_it(bits in any::<u64>(), places in 0u32..=19) {
            let v = f64::from_bits(bits);
            prop_assert_eq!(fixed(v, places), core_fixed(v, places));
        }
    }
}
