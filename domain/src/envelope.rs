//! The versioned envelope every stored value lives in.
//!
//! A value is stored as `{"v": <version>, "data": <value>}` so that a later
//! release can recognise and migrate what an earlier one wrote, and so that a
//! value this release cannot read is told apart from a missing one (it is kept
//! aside, never overwritten: see `store`).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    v: u32,
    data: &'a T,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    v: u32,
    data: serde_json::Value,
}

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not an envelope at all (hand-edited, truncated, or another app's key).
    NotAnEnvelope,
    /// Written by a newer release of Steady than this one.
    NewerVersion { found: u32, supported: u32 },
    /// The envelope is fine but its contents are not what this version expects.
    InvalidData(String),
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::NotAnEnvelope => write!(f, "it is not in Steady's storage format"),
            Unreadable::NewerVersion { found, supported } => write!(
                f,
                "it was saved by a newer version of Steady (format {found}; this one reads up to {supported})"
            ),
            Unreadable::InvalidData(why) => write!(f, "its contents are damaged ({why})"),
        }
    }
}

/// Wraps `value` at `version`.
pub fn encode<T: Serialize>(version: u32, value: &T) -> String {
    serde_json::to_string(&EnvelopeOut {
        v: version,
        data: value,
    })
    .expect("Steady's own types always serialise")
}

/// Reads an envelope written at `version` or earlier. `migrate` lifts the raw
/// data of an older version to the current shape, one version at a time.
pub fn decode<T: DeserializeOwned>(
    raw: &str,
    version: u32,
    migrate: impl Fn(u32, serde_json::Value) -> Result<serde_json::Value, String>,
) -> Result<T, Unreadable> {
    let env: EnvelopeIn = serde_json::from_str(raw).map_err(|_| Unreadable::NotAnEnvelope)?;
    if env.v > version {
        return Err(Unreadable::NewerVersion {
            found: env.v,
            supported: version,
        });
    }
    let mut data = env.data;
    for from in env.v..version {
        data = migrate(from, data).map_err(Unreadable::InvalidData)?;
    }
    // Read through `&Value`, as the journal's checked readers do, so each type
    // is compiled for one `Value` deserializer, not two (a smaller wasm).
    T::deserialize(&data).map_err(|e| Unreadable::InvalidData(e.to_string()))
}

/// For values whose format has never changed.
pub fn no_migrations(from: u32, _: serde_json::Value) -> Result<serde_json::Value, String> {
    Err(format!("no migration from format {from}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let raw = encode(1, &"dark");
        assert_eq!(raw, r#"{"v":1,"data":"dark"}"#);
        assert_eq!(
            decode::<String>(&raw, 1, no_migrations),
            Ok("dark".to_string())
        );
    }

    #[test]
    fn tells_garbage_from_newer_from_damaged() {
        assert_eq!(
            decode::<String>("dark", 1, no_migrations),
            Err(Unreadable::NotAnEnvelope)
        );
        assert_eq!(
            decode::<String>(r#"{"v":3,"data":"x"}"#, 2, no_migrations),
            Err(Unreadable::NewerVersion {
                found: 3,
                supported: 2
            })
        );
        assert!(matches!(
            decode::<String>(r#"{"v":1,"data":42}"#, 1, no_migrations),
            Err(Unreadable::InvalidData(_))
        ));
    }

    #[test]
    fn migrates_one_version_at_a_time() {
        // v1 stored a bare number of minutes; v2 an object; v3 renamed the field.
        let migrate = |from: u32, data: serde_json::Value| match from {
            1 => Ok(serde_json::json!({ "mins": data })),
            2 => Ok(serde_json::json!({ "minutes": data["mins"] })),
            _ => Err("unknown".to_string()),
        };
        #[derive(Deserialize, Debug, PartialEq)]
        struct Wait {
            minutes: u32,
        }
        assert_eq!(
            decode::<Wait>(r#"{"v":1,"data":10}"#, 3, migrate),
            Ok(Wait { minutes: 10 })
        );
        assert_eq!(
            decode::<Wait>(r#"{"v":2,"data":{"mins":5}}"#, 3, migrate),
            Ok(Wait { minutes: 5 })
        );
        assert_eq!(
            decode::<Wait>(r#"{"v":3,"data":{"minutes":7}}"#, 3, migrate),
            Ok(Wait { minutes: 7 })
        );
    }
}
