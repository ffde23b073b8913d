//! The optional passphrase lock, as data: what is kept next to the sealed
//! values so the passphrase can turn back into the same key, and the stored
//! form of a sealed value and of an encrypted backup.
//!
//! The cryptography itself runs in the browser (WebCrypto, `crate::browser::crypto`);
//! this module only decides which bytes go where, so that every stored or
//! imported lock value is parsed whole before it is used.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Value, json};

use crate::backup::{ENCRYPTED_BACKUP_FORMAT, ImportError};

/// PBKDF2-SHA256 rounds for a new key. OWASP's 2023 figure for this hash;
/// stored values with fewer are refused, so a tampered file cannot weaken it.
pub const ITERATIONS: u32 = 600_000;
/// Above this, deriving the key could freeze a phone for a minute or more:
/// a file (or a tampered lock) asking for more is refused, and says why.
const MAX_ITERATIONS: u32 = 2_000_000;
/// The name of the key derivation in stored and exported files.
pub const KDF: &str = "PBKDF2-HMAC-SHA256";
/// AES-GCM's authentication tag, appended to every ciphertext by WebCrypto.
const TAG_BYTES: usize = 16;
/// Sealed with the key and kept with the lock: opening it proves a
/// passphrase right before any of the person's data is touched.
pub const CHECK_TEXT: &str = "steady: this passphrase is right";
pub const LOCK_FORMAT: &str = "steady-lock";
const LOCK_VERSION: u64 = 1;
const ENCRYPTED_BACKUP_VERSION: u64 = 1;

/// Random bytes that make the same passphrase give a different key here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Salt(pub [u8; 16]);

/// The AES-GCM nonce; a fresh one for every write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Iv(pub [u8; 12]);

/// A passphrase long enough to be worth deriving a key from.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

/// Not shown in logs or panics.
impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(..)")
    }
}

impl Passphrase {
    pub const MIN_CHARS: usize = 8;
    const MAX_CHARS: usize = 1024;

    /// A new passphrase, typed twice. The message is for people.
    pub fn choose(typed: &str, again: &str) -> Result<Passphrase, String> {
        let chars = typed.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(format!(
                "Use at least {} characters. A few ordinary words in a row are easy to remember and hard to guess.",
                Self::MIN_CHARS
            ));
        }
        if chars > Self::MAX_CHARS {
            return Err(format!("Use at most {} characters.", Self::MAX_CHARS));
        }
        if typed != again {
            return Err("The two passphrases are not the same. Type them again.".into());
        }
        Ok(Passphrase(typed.to_string()))
    }

    /// A passphrase typed to open something; any text may be tried.
    pub fn entered(typed: &str) -> Option<Passphrase> {
        (!typed.is_empty() && typed.chars().count() <= Self::MAX_CHARS)
            .then(|| Passphrase(typed.to_string()))
    }

    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// A value encrypted with AES-GCM: the nonce and the ciphertext with its tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub iv: Iv,
    pub ciphertext: Vec<u8>,
}

impl Sealed {
    fn to_value(&self) -> Value {
        json!({ "iv": BASE64.encode(self.iv.0), "ciphertext": BASE64.encode(&self.ciphertext) })
    }

    fn from_value(value: &Value) -> Result<Sealed, String> {
        let iv = bytes_field(value, "iv")?;
        let iv = <[u8; 12]>::try_from(iv.as_slice())
            .map_err(|_| "the nonce is not 12 bytes".to_string())?;
        let ciphertext = bytes_field(value, "ciphertext")?;
        if ciphertext.len() < TAG_BYTES {
            return Err("the ciphertext is too short to be sealed data".into());
        }
        Ok(Sealed {
            iv: Iv(iv),
            ciphertext,
        })
    }

    /// The stored form of a sealed value: `{"sealed":{"iv":…,"ciphertext":…}}`.
    pub fn to_stored(&self) -> String {
        json!({ "sealed": self.to_value() }).to_string()
    }

    /// `None` when `raw` is not a sealed value at all (a plain envelope
    /// written before the lock was set); `Some(Err)` when it is damaged.
    pub fn from_stored(raw: &str) -> Option<Result<Sealed, String>> {
        let value: Value = serde_json::from_str(raw).ok()?;
        let sealed = value.get("sealed")?;
        Some(Sealed::from_value(sealed))
    }
}

fn bytes_field(value: &Value, name: &str) -> Result<Vec<u8>, String> {
    let text = value
        .get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{name} is missing"))?;
    BASE64
        .decode(text)
        .map_err(|_| format!("{name} is not base64"))
}

fn iterations_field(value: &Value) -> Result<u32, String> {
    let n = value
        .get("iterations")
        .and_then(Value::as_u64)
        .ok_or("iterations is missing")?;
    match u32::try_from(n) {
        Ok(n) if (ITERATIONS..=MAX_ITERATIONS).contains(&n) => Ok(n),
        Ok(n) if n > MAX_ITERATIONS => Err(format!(
            "it asks for {n} iterations of key derivation, more than the {MAX_ITERATIONS} Steady accepts, because opening it could freeze a phone for minutes"
        )),
        _ => Err(format!(
            "{n} iterations is outside {ITERATIONS} to {MAX_ITERATIONS}"
        )),
    }
}

fn salt_field(value: &Value) -> Result<Salt, String> {
    let salt = bytes_field(value, "salt")?;
    <[u8; 16]>::try_from(salt.as_slice())
        .map(Salt)
        .map_err(|_| "the salt is not 16 bytes".to_string())
}

/// What turns a passphrase back into a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyRecipe {
    pub salt: Salt,
    pub iterations: u32,
}

impl KeyRecipe {
    pub fn new(salt: Salt) -> KeyRecipe {
        KeyRecipe {
            salt,
            iterations: ITERATIONS,
        }
    }

    fn fields(&self) -> Value {
        json!({ "kdf": KDF, "iterations": self.iterations, "salt": BASE64.encode(self.salt.0) })
    }

    fn from_value(value: &Value) -> Result<KeyRecipe, String> {
        if value.get("kdf").and_then(Value::as_str) != Some(KDF) {
            return Err(format!("the key derivation is not {KDF}"));
        }
        Ok(KeyRecipe {
            salt: salt_field(value)?,
            iterations: iterations_field(value)?,
        })
    }
}

/// Kept under its own key while the lock is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockRecord {
    pub recipe: KeyRecipe,
    /// [`CHECK_TEXT`], sealed with the key.
    pub check: Sealed,
}

impl LockRecord {
    pub fn to_stored(&self) -> String {
        let mut value = self.recipe.fields();
        value["format"] = json!(LOCK_FORMAT);
        value["version"] = json!(LOCK_VERSION);
        value["check"] = self.check.to_value();
        value.to_string()
    }

    pub fn from_stored(raw: &str) -> Result<LockRecord, String> {
        let value: Value =
            serde_json::from_str(raw).map_err(|_| "the lock settings are not JSON".to_string())?;
        if value.get("format").and_then(Value::as_str) != Some(LOCK_FORMAT) {
            return Err("these are not Steady's lock settings".into());
        }
        match value.get("version").and_then(Value::as_u64) {
            Some(LOCK_VERSION) => {}
            Some(v) => {
                return Err(format!(
                    "the lock was set by a newer version of Steady (format {v})"
                ));
            }
            None => return Err("the lock settings have no version".into()),
        }
        let check = value.get("check").ok_or("the check value is missing")?;
        Ok(LockRecord {
            recipe: KeyRecipe::from_value(&value)?,
            check: Sealed::from_value(check)?,
        })
    }
}

/// A backup file sealed with a passphrase of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncryptedBackup {
    pub recipe: KeyRecipe,
    pub sealed: Sealed,
}

impl EncryptedBackup {
    pub fn to_file(&self) -> String {
        let mut value = self.recipe.fields();
        value["format"] = json!(ENCRYPTED_BACKUP_FORMAT);
        value["version"] = json!(ENCRYPTED_BACKUP_VERSION);
        let sealed = self.sealed.to_value();
        value["iv"] = sealed["iv"].clone();
        value["ciphertext"] = sealed["ciphertext"].clone();
        // Format first, so a person opening the file sees what it is.
        let order = [
            "format",
            "version",
            "kdf",
            "iterations",
            "salt",
            "iv",
            "ciphertext",
        ];
        let fields: Vec<String> = order
            .iter()
            .map(|k| format!("  {}: {}", json!(k), value[*k]))
            .collect();
        format!("{{\n{}\n}}\n", fields.join(",\n"))
    }

    /// Reads a file that [`parse_backup`](crate::backup::parse_backup)
    /// found to be encrypted. Every problem is an [`ImportError`] that says
    /// nothing was changed.
    pub fn parse(bytes: &[u8]) -> Result<EncryptedBackup, ImportError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let value: Value = serde_json::from_slice(bytes).map_err(|_| ImportError::NotJson)?;
        if value.get("format").and_then(Value::as_str) != Some(ENCRYPTED_BACKUP_FORMAT) {
            return Err(ImportError::NotABackup);
        }
        let invalid = |message: String| ImportError::Invalid {
            path: "encryption".into(),
            message,
        };
        match value.get("version").and_then(Value::as_u64) {
            Some(ENCRYPTED_BACKUP_VERSION) => {}
            Some(found) => {
                return Err(ImportError::NewerVersion {
                    found: u32::try_from(found).unwrap_or(u32::MAX),
                    supported: ENCRYPTED_BACKUP_VERSION as u32,
                });
            }
            None => return Err(invalid("the version is missing".into())),
        }
        Ok(EncryptedBackup {
            recipe: KeyRecipe::from_value(&value).map_err(invalid)?,
            sealed: Sealed::from_value(&value).map_err(invalid)?,
        })
    }
}

/// How long Steady may sit unused, while open, before it locks itself.
/// Only a few choices, so a stored value is one of them or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AutoLock {
    #[default]
    Never,
    After(u32),
}

impl AutoLock {
    /// The choices offered, in order.
    pub const CHOICES: [AutoLock; 5] = [
        AutoLock::Never,
        AutoLock::After(5),
        AutoLock::After(15),
        AutoLock::After(30),
        AutoLock::After(60),
    ];

    /// The choice stored as `minutes` (0 is never); `None` for anything else.
    pub fn from_minutes(minutes: u32) -> Option<AutoLock> {
        AutoLock::CHOICES
            .into_iter()
            .find(|c| c.minutes() == minutes)
    }

    /// Its stored form: minutes, 0 for never.
    pub fn minutes(self) -> u32 {
        match self {
            AutoLock::Never => 0,
            AutoLock::After(m) => m,
        }
    }

    pub fn label(self) -> String {
        match self {
            AutoLock::Never => "Never".to_string(),
            AutoLock::After(60) => "After 1 hour without use".to_string(),
            AutoLock::After(m) => format!("After {m} minutes without use"),
        }
    }

    /// Whether `idle_ms` without use is long enough to lock. A negative idle
    /// time (the clock went back) is not.
    pub fn is_due(self, idle_ms: f64) -> bool {
        match self {
            AutoLock::Never => false,
            AutoLock::After(m) => idle_ms >= f64::from(m) * 60_000.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed() -> Sealed {
        Sealed {
            iv: Iv([7; 12]),
            ciphertext: (0..40).collect(),
        }
    }

    fn recipe() -> KeyRecipe {
        KeyRecipe::new(Salt([9; 16]))
    }

    #[test]
    fn a_passphrase_must_be_long_enough_and_typed_the_same_twice() {
        assert!(Passphrase::choose("short", "short").is_err());
        assert!(Passphrase::choose("long enough words", "long enough word").is_err());
        assert!(Passphrase::choose("long enough words", "long enough words").is_ok());
        // Characters, not bytes: eight accented letters are enough.
        assert!(Passphrase::choose("éééééééé", "éééééééé").is_ok());
        assert!(Passphrase::entered("").is_none());
        assert_eq!(
            format!("{:?}", Passphrase::entered("secret words").unwrap()),
            "Passphrase(..)"
        );
    }

    #[test]
    fn a_sealed_value_survives_being_stored() {
        let stored = sealed().to_stored();
        assert_eq!(Sealed::from_stored(&stored), Some(Ok(sealed())));
    }

    #[test]
    fn a_plain_envelope_is_not_mistaken_for_a_sealed_value() {
        assert_eq!(Sealed::from_stored(r#"{"v":1,"data":[]}"#), None);
        assert_eq!(Sealed::from_stored("not json"), None);
    }

    #[test]
    fn a_damaged_sealed_value_is_reported_not_guessed() {
        for raw in [
            r#"{"sealed":{"iv":"AAAA","ciphertext":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}"#,
            r#"{"sealed":{"iv":"BwcHBwcHBwcHBwcH","ciphertext":"AAEC"}}"#,
            r#"{"sealed":{"iv":"BwcHBwcHBwcHBwcH"}}"#,
            r#"{"sealed":{"iv":"!!","ciphertext":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}"#,
        ] {
            assert!(matches!(Sealed::from_stored(raw), Some(Err(_))), "{raw}");
        }
    }

    #[test]
    fn the_lock_record_round_trips() {
        let record = LockRecord {
            recipe: recipe(),
            check: sealed(),
        };
        assert_eq!(LockRecord::from_stored(&record.to_stored()), Ok(record));
    }

    #[test]
    fn a_recipe_that_would_freeze_a_phone_is_refused_and_says_why() {
        let at = |iterations: u32| {
            LockRecord::from_stored(
                &LockRecord {
                    recipe: KeyRecipe {
                        iterations,
                        ..recipe()
                    },
                    check: sealed(),
                }
                .to_stored(),
            )
        };
        assert!(at(2_000_000).is_ok());
        let err = at(10_000_000).unwrap_err();
        assert!(err.contains("freeze a phone"), "{err}");
    }

    #[test]
    fn a_lock_record_that_would_weaken_the_key_is_refused() {
        let record = LockRecord {
            recipe: KeyRecipe {
                iterations: 1_000,
                ..recipe()
            },
            check: sealed(),
        };
        let err = LockRecord::from_stored(&record.to_stored()).unwrap_err();
        assert!(err.contains("1000 iterations"), "{err}");
        let newer = record
            .to_stored()
            .replace(r#""version":1"#, r#""version":2"#);
        assert!(
            LockRecord::from_stored(&newer)
                .unwrap_err()
                .contains("newer")
        );
    }

    #[test]
    fn an_encrypted_backup_round_trips_and_names_its_format_first() {
        let file = EncryptedBackup {
            recipe: recipe(),
            sealed: sealed(),
        };
        let text = file.to_file();
        assert!(
            text.starts_with("{\n  \"format\": \"steady-backup-encrypted\""),
            "{text}"
        );
        assert_eq!(EncryptedBackup::parse(text.as_bytes()), Ok(file));
    }

    #[test]
    fn a_damaged_encrypted_backup_says_where() {
        let good = EncryptedBackup {
            recipe: recipe(),
            sealed: sealed(),
        }
        .to_file();
        let bad_salt = good.replace("CQkJCQkJCQkJCQkJCQkJCQ==", "CQkJ");
        assert!(matches!(
            EncryptedBackup::parse(bad_salt.as_bytes()),
            Err(ImportError::Invalid { ref message, .. }) if message.contains("salt")
        ));
        let newer = good.replace("\"version\": 1", "\"version\": 3");
        assert!(matches!(
            EncryptedBackup::parse(newer.as_bytes()),
            Err(ImportError::NewerVersion { found: 3, .. })
        ));
        assert_eq!(EncryptedBackup::parse(b"{"), Err(ImportError::NotJson));
    }

    #[test]
    fn the_fixture_in_the_bad_file_corpus_parses_as_an_encrypted_backup() {
        // Its ciphertext is made up, so opening it must fail later, at the
        // passphrase, not here.
        let bytes = include_bytes!("../../tests/fixtures/backups/encrypted.json");
        assert!(EncryptedBackup::parse(bytes).is_ok());
    }

    #[test]
    fn auto_lock_is_one_of_the_choices_and_due_only_after_its_minutes() {
        for choice in AutoLock::CHOICES {
            assert_eq!(AutoLock::from_minutes(choice.minutes()), Some(choice));
        }
        assert_eq!(AutoLock::from_minutes(7), None);
        let five = AutoLock::After(5);
        assert!(!five.is_due(5.0 * 60_000.0 - 1.0));
        assert!(five.is_due(5.0 * 60_000.0));
        assert!(!five.is_due(-1e12));
        assert!(!AutoLock::Never.is_due(1e15));
        assert_eq!(AutoLock::After(60).label(), "After 1 hour without use");
    }
}
