//! Money as whole fen while scoring: a card's fines and withholdings are summed as integers
//! and made a `Decimal` once per card, not once per incident (issue #16: the two `Decimal`
//! sums were most of a card's tally).

use rust_decimal::Decimal;

/// An incident's amount of yuan as whole fen, with the number of decimal places (0–2) its
/// `Decimal` shows: a sum shows the places of its parts as `Decimal` addition does (`20` +
/// `0.50` is `20.50`), so the places are kept beside the integer. One incident is at most
/// [`super::MAX_FINE`] × [`super::MAX_QUANTITY`] yuan, 10^17 fen: an `i64` holds it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Fen {
    fen: i64,
    places: u8,
}

impl Fen {
    /// Nothing, with no decimal places.
    pub(super) const ZERO: Fen = Fen { fen: 0, places: 0 };

    /// `quantity` units of `amount`, or `None` when the amount is finer than a fen or the
    /// product is past `i64` (the loader refuses both: "finer than a fen", `MAX_FINE`).
    pub(crate) fn of(amount: Decimal, quantity: u32) -> Option<Fen> {
        let mantissa = i64::try_from(amount.mantissa()).ok()?;
        let fen = match amount.scale() {
            0 => mantissa.checked_mul(100)?,
            1 => mantissa.checked_mul(10)?,
            2 => mantissa,
            _ => return None,
        };
        let places = u8::try_from(amount.scale()).ok()?;
        Some(Fen {
            fen: fen.checked_mul(i64::from(quantity))?,
            places,
        })
    }

    /// `quantity` units of this amount, `None` past `i64` (which `MAX_FINE` and
    /// `MAX_QUANTITY` keep out of reach).
    pub(super) fn times(self, quantity: u32) -> Option<Fen> {
        if quantity == 1 || self.fen == 0 {
            return Some(self);
        }
        Some(Fen {
            fen: self.fen.checked_mul(i64::from(quantity))?,
            places: self.places,
        })
    }

    /// The amount as a `Decimal` with its places (a line's fine).
    pub(super) fn to_decimal(self) -> Decimal {
        let mut sum = FenSum::ZERO;
        sum.add(self);
        sum.to_decimal()
    }
}

/// A card's sum of [`Fen`]: an `i128` of fen cannot overflow on any input that fits in
/// memory (10^21 incidents at the largest amount); it saturates all the same, as the
/// `Decimal` sums did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct FenSum {
    fen: i128,
    places: u8,
}

impl FenSum {
    /// Nothing, with no decimal places.
    pub(super) const ZERO: FenSum = FenSum { fen: 0, places: 0 };

    /// Add `other`, saturating, with the places `Decimal` addition gives: a zero added to
    /// an amount leaves it as it is (`20` + `0.00` is `20`), an amount added to zero is that
    /// amount (`0.00` + `20` is `20`), two zeros show the more places, and two amounts the
    /// more places (`20` + `0.50` is `20.50`).
    pub(super) fn add(&mut self, other: Fen) {
        // Most incidents carry no money: nothing to add unless the sum is zero too.
        if other.fen == 0 && self.fen != 0 {
            return;
        }
        self.places = match (self.fen == 0, other.fen == 0) {
            (false, true) => self.places,
            (true, false) => other.places,
            _ => self.places.max(other.places),
        };
        self.fen = self.fen.saturating_add(i128::from(other.fen));
    }

    /// The sum as a `Decimal` with its places; past the `Decimal` range, its largest value
    /// of the same sign (as a saturated `Decimal` sum).
    pub(super) fn to_decimal(self) -> Decimal {
        match Decimal::try_from_i128_with_scale(self.fen, 2) {
            Ok(mut d) => {
                d.rescale(u32::from(self.places));
                d
            }
            Err(_) if self.fen < 0 => Decimal::MIN,
            Err(_) => Decimal::MAX,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    use std::str::FromStr;

    use super::*;

    /// The integer sum gives the `Decimal` sum, places included, for amounts as the loader
    /// allows them (hand-picked: zeros with places, mixed places, one-unit and many-unit
    /// incidents).
    #[test]
    fn sums_as_decimal_sums_do() {
        let cases: [&[(&str, u32)]; 9] = [
            &[("20", 1), ("0.00", 1)],
            &[("0.00", 1), ("20", 1)],
            &[("0.00", 1), ("0", 4)],
            &[("0", 1), ("0.0", 4), ("0.50", 2), ("3", 1)],
            &[("20", 1), ("0.5", 3)],
            &[("0.50", 2), ("20", 1)],
            &[("0", 1), ("0", 5)],
            &[("12.34", 1_000_000), ("1000000000", 1_000_000)],
            &[],
        ];
        for parts in cases {
            let mut expected = Decimal::ZERO;
            let mut sum = FenSum::ZERO;
            for &(amount, quantity) in parts {
                let d = Decimal::from_str(amount).unwrap();
                let product = if d.is_zero() || quantity == 1 {
                    d
                } else {
                    d.checked_mul(Decimal::from(quantity)).unwrap()
                };
                if !product.is_zero() || product.scale() > expected.scale() {
                    expected = expected.saturating_add(product);
                }
                let fen = Fen::of(d, quantity).unwrap();
                sum.add(fen);
                assert_eq!(fen.to_decimal().to_string(), product.to_string());
            }
            let got = sum.to_decimal();
            assert_eq!((got, got.to_string()), (expected, expected.to_string()));
        }
    }

    #[test]
    fn finer_than_a_fen_is_refused_and_overflow_saturates() {
        assert_eq!(Fen::of(Decimal::from_str("0.001").unwrap(), 1), None);
        assert_eq!(Fen::of(Decimal::from(i64::MAX / 10), 1), None);
        let most = Fen::of(Decimal::from(super::super::MAX_FINE), 1_000_000).unwrap();
        let mut sum = FenSum {
            fen: i128::MAX - 1,
            places: 0,
        };
        sum.add(most);
        assert_eq!(sum.fen, i128::MAX);
        assert_eq!(sum.to_decimal(), Decimal::MAX);
    }
}
