//! Unit enums of the plan file read from their names by one shared reader.
//!
//! WHY: serde's derive gives every enum its own reader (about 0.9 KB of the browser module after
//! wasm-opt each, for a dozen enums that differ only in their names). [`deserialize_by_name!`]
//! implements `Deserialize` through [`deserialize`], which behaves as the derive does for a
//! unit-only enum: the same names accepted (the serialized, renamed ones), the same forms
//! (`"Name"`, `{"Name": null}`), the same error messages.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Unexpected, VariantAccess, Visitor,
};

/// Reads one of `variants` (serialized names, in declaration order) of the enum `name`; returns
/// its position.
pub fn deserialize<'de, D: Deserializer<'de>>(
    d: D,
    name: &'static str,
    variants: &'static [&'static str],
) -> Result<usize, D::Error> {
    d.deserialize_enum(name, variants, Enum { name, variants })
}

/// `impl Deserialize for $ty` by variant name: `deserialize_by_name!(PoolMode { System = "System",
/// User = "User" })`, every variant with the name `Serialize` writes for it.
macro_rules! deserialize_by_name {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const ALL: &[$ty] = &[$($ty::$variant),+];
                $crate::rules::variant::deserialize(d, stringify!($ty), &[$($name),+]).map(|i| ALL[i])
            }
        }
    };
}
pub(crate) use deserialize_by_name;

struct Enum {
    name: &'static str,
    variants: &'static [&'static str],
}

impl<'de> Visitor<'de> for Enum {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "enum {}", self.name)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (i, variant) = data.variant_seed(Name(self.variants))?;
        variant.unit_variant()?;
        Ok(i)
    }
}

/// A variant's name (or index, as the derive also reads).
struct Name(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Name {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Name {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<usize, E> {
        match usize::try_from(v) {
            Ok(i) if i < self.0.len() => Ok(i),
            _ => Err(E::invalid_value(
                Unexpected::Unsigned(v),
                &format!("variant index 0 <= i < {}", self.0.len()).as_str(),
            )),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|n| *n == v)
            .ok_or_else(|| E::unknown_variant(v, self.0))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        match self.0.iter().position(|n| n.as_bytes() == v) {
            Some(i) => Ok(i),
            None => Err(E::unknown_variant(&String::from_utf8_lossy(v), self.0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    /// The reference: serde's derive.
    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Derived {
        NodeImage,
        #[serde(rename = "AKSLongTermSupport")]
        Lts,
        Patch,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Derived2 {
        NodeImage,
        #[serde(rename = "AKSLongTermSupport")]
        Lts,
        Patch,
    }
    deserialize_by_name!(Derived2 { NodeImage = "node-image", Lts = "AKSLongTermSupport", Patch = "patch" });

    fn same(json: &str) {
        let derived = serde_json::from_str::<Derived>(json)
            .map(|d| format!("{d:?}"))
            .map_err(|e| e.to_string().replace("Derived", "E"));
        let ours = serde_json::from_str::<Derived2>(json)
            .map(|d| format!("{d:?}"))
            .map_err(|e| e.to_string().replace("Derived2", "E"));
        assert_eq!(ours, derived, "{json}");
    }

    #[test]
    fn reads_and_refuses_as_serde_derive_does() {
        for json in [
            r#""node-image""#,
            r#""AKSLongTermSupport""#,
            r#""patch""#,
            r#""Patch""#,
            r#""""#,
            r#""nodeimage""#,
            r#"{"patch":null}"#,
            r#"{"patch":1}"#,
            r#"{"nope":null}"#,
            r#"{"patch":null,"x":1}"#,
            r#"{}"#,
            "0",
            "2",
            "-1",
            "1.5",
            "null",
            "true",
            "[]",
            r#"["patch"]"#,
            "",
            r#""patch"x"#,
            r#""p\u0061tch""#,
        ] {
            same(json);
        }
    }

    #[test]
    fn the_plans_enums_read_back_what_they_write() {
        use crate::rules::assumptions::projection::SurgeQuotaReading;
        use crate::rules::channel::{NodeOsChannel, UpgradeChannel};
        use crate::rules::maintenance::{DayOfWeek, WeekIndex};

        fn round_trip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(
            all: &[T],
        ) {
            for v in all {
                let json = serde_json::to_string(v).unwrap();
                assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), v, "{json}");
            }
        }
        round_trip(&NodeOsChannel::ALL);
        round_trip(&UpgradeChannel::ALL);
        round_trip(&SurgeQuotaReading::ALL);
        round_trip(&DayOfWeek::ALL);
        round_trip(&WeekIndex::ALL);
        let err = serde_json::from_str::<UpgradeChannel>(r#""fast""#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown variant `fast`, expected one of `none`, `patch`, `stable`, `rapid`, `node-image` at line 1 column 6"
        );
    }
}
