//! WebCrypto, the only cryptography Steady uses: PBKDF2-SHA256 turns a
//! passphrase into an AES-GCM-256 key that never leaves the browser's crypto
//! engine (it is not extractable), and every seal gets a fresh random nonce.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::domain::lock::{
    CHECK_TEXT, EncryptedBackup, Iv, KeyRecipe, LockRecord, Passphrase, Salt, Sealed,
};

/// A key made from a passphrase; only usable to seal and open.
#[derive(Clone)]
pub struct SecretKey(CryptoKey);

/// Why sealing or opening did not work. The message is for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// The browser has no WebCrypto (an old browser, or a page not served
    /// over https or localhost).
    Unavailable,
    /// The key does not open this value: a wrong passphrase, or damage.
    WrongKey,
}

impl std::fmt::Display for CryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CryptoError::Unavailable => {
                "This browser cannot encrypt here (it needs a secure https page and a recent browser)."
            }
            CryptoError::WrongKey => "That passphrase does not open it.",
        })
    }
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    Ok(crypto()?.subtle())
}

fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut bytes = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(bytes)
}

/// A new random salt, for a new lock or a new encrypted file.
pub fn new_recipe() -> Result<KeyRecipe, CryptoError> {
    Ok(KeyRecipe::new(Salt(random()?)))
}

async fn resolve(
    promise: Result<js_sys::Promise, JsValue>,
    fail: CryptoError,
) -> Result<JsValue, CryptoError> {
    let promise = promise.map_err(|_| fail.clone())?;
    JsFuture::from(promise).await.map_err(|_| fail)
}

/// Derives the key. Takes a moment on purpose (600,000 rounds), which is
/// what makes guessing passphrases slow.
pub async fn derive_key(
    passphrase: &Passphrase,
    recipe: &KeyRecipe,
) -> Result<SecretKey, CryptoError> {
    let subtle = subtle()?;
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&JsValue::from_str("deriveKey"));
    let base = resolve(
        subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages),
        CryptoError::Unavailable,
    )
    .await?;
    let base: CryptoKey = base.unchecked_into();
    let salt = Uint8Array::from(&recipe.salt.0[..]);
    let params = Pbkdf2Params::new(
        "PBKDF2",
        &JsValue::from_str("SHA-256"),
        recipe.iterations,
        &salt,
    );
    let aes = AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = Array::of2(&JsValue::from_str("encrypt"), &JsValue::from_str("decrypt"));
    let key = resolve(
        subtle.derive_key_with_object_and_object(&params, &base, &aes, false, &usages),
        CryptoError::Unavailable,
    )
    .await?;
    Ok(SecretKey(key.unchecked_into()))
}

/// Encrypts `plain` under a fresh random nonce.
pub async fn seal(key: &SecretKey, plain: &[u8]) -> Result<Sealed, CryptoError> {
    let iv = Iv(random()?);
    let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(&iv.0[..]));
    let out = resolve(
        subtle()?.encrypt_with_object_and_u8_array(&params, &key.0, plain),
        CryptoError::Unavailable,
    )
    .await?;
    Ok(Sealed {
        iv,
        ciphertext: Uint8Array::new(&out).to_vec(),
    })
}

/// Decrypts and authenticates; any change to the stored bytes, or another
/// key, is [`CryptoError::WrongKey`].
pub async fn open(key: &SecretKey, sealed: &Sealed) -> Result<Vec<u8>, CryptoError> {
    let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(&sealed.iv.0[..]));
    let out = resolve(
        subtle()?.decrypt_with_object_and_u8_array(&params, &key.0, &sealed.ciphertext),
        CryptoError::WrongKey,
    )
    .await?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// Opens text that was sealed from a `String`.
pub async fn open_text(key: &SecretKey, sealed: &Sealed) -> Result<String, CryptoError> {
    String::from_utf8(open(key, sealed).await?).map_err(|_| CryptoError::WrongKey)
}

/// A new lock: a fresh salt, the key, and the check value that will tell a
/// right passphrase from a wrong one.
pub async fn new_lock(passphrase: &Passphrase) -> Result<(LockRecord, SecretKey), CryptoError> {
    let recipe = new_recipe()?;
    let key = derive_key(passphrase, &recipe).await?;
    let check = seal(&key, CHECK_TEXT.as_bytes()).await?;
    Ok((LockRecord { recipe, check }, key))
}

/// The key, if `passphrase` is the one this lock was set with.
pub async fn unlock(
    record: &LockRecord,
    passphrase: &Passphrase,
) -> Result<SecretKey, CryptoError> {
    let key = derive_key(passphrase, &record.recipe).await?;
    match open(&key, &record.check).await {
        Ok(text) if text == CHECK_TEXT.as_bytes() => Ok(key),
        Ok(_) => Err(CryptoError::WrongKey),
        Err(e) => Err(e),
    }
}

/// A backup file sealed with its own passphrase and a fresh salt, so the
/// file can be opened anywhere Steady runs without the lock of this device.
pub async fn seal_backup(
    passphrase: &Passphrase,
    backup_json: &str,
) -> Result<String, CryptoError> {
    let recipe = new_recipe()?;
    let key = derive_key(passphrase, &recipe).await?;
    let sealed = seal(&key, backup_json.as_bytes()).await?;
    Ok(EncryptedBackup { recipe, sealed }.to_file())
}

/// The backup inside an encrypted file.
pub async fn open_backup(
    passphrase: &Passphrase,
    file: &EncryptedBackup,
) -> Result<Vec<u8>, CryptoError> {
    let key = derive_key(passphrase, &file.recipe).await?;
    open(&key, &file.sealed).await
}
