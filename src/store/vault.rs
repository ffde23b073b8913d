//! The opened lock: what seals and opens values, and the plain text of every
//! protected value while this tab holds the key.
//!
//! Sealing is behind [`Sealer`] so that the store's lock rules (nothing plain
//! at rest, locked saves merge with what is stored) are tested natively with
//! a stand-in; in the browser it is WebCrypto's AES-GCM ([`SecretKey`]).

use std::collections::BTreeMap;
use std::rc::Rc;

use futures::future::LocalBoxFuture;

use crate::browser::crypto::{self, CryptoError, SecretKey};
use crate::domain::lock::Sealed;

/// Seals and opens text with one key.
pub trait Sealer {
    fn seal<'a>(&'a self, plain: &'a str) -> LocalBoxFuture<'a, Result<Sealed, CryptoError>>;
    fn open<'a>(&'a self, sealed: &'a Sealed) -> LocalBoxFuture<'a, Result<String, CryptoError>>;
}

impl Sealer for SecretKey {
    fn seal<'a>(&'a self, plain: &'a str) -> LocalBoxFuture<'a, Result<Sealed, CryptoError>> {
        Box::pin(crypto::seal(self, plain.as_bytes()))
    }

    fn open<'a>(&'a self, sealed: &'a Sealed) -> LocalBoxFuture<'a, Result<String, CryptoError>> {
        Box::pin(crypto::open_text(self, sealed))
    }
}

/// The key, and the plain text of every protected value, in this tab only.
pub(super) struct Vault {
    pub key: Rc<dyn Sealer>,
    pub plain: BTreeMap<&'static str, String>,
}

/// A stand-in for AES-GCM in native tests: reversible, keyed (another key
/// cannot open it, as with a wrong passphrase), never the plain bytes.
#[cfg(test)]
pub(super) struct TestSealer(pub u8);

#[cfg(test)]
impl Sealer for TestSealer {
    fn seal<'a>(&'a self, plain: &'a str) -> LocalBoxFuture<'a, Result<Sealed, CryptoError>> {
        let mut ciphertext: Vec<u8> = plain.bytes().map(|b| b ^ 0x5a).rev().collect();
        ciphertext.extend([self.0; 16]);
        Box::pin(async move {
            // WebCrypto answers later, never at once: let others run.
            let mut waited = false;
            std::future::poll_fn(|cx| {
                if waited {
                    std::task::Poll::Ready(())
                } else {
                    waited = true;
                    cx.waker().wake_by_ref();
                    std::task::Poll::Pending
                }
            })
            .await;
            Ok(Sealed {
                iv: crate::domain::lock::Iv([self.0; 12]),
                ciphertext,
            })
        })
    }

    fn open<'a>(&'a self, sealed: &'a Sealed) -> LocalBoxFuture<'a, Result<String, CryptoError>> {
        Box::pin(async move {
            let (body, tag) = sealed
                .ciphertext
                .split_at(sealed.ciphertext.len().saturating_sub(16));
            if tag != [self.0; 16] || sealed.iv.0 != [self.0; 12] {
                return Err(CryptoError::WrongKey);
            }
            String::from_utf8(body.iter().rev().map(|b| b ^ 0x5a).collect())
                .map_err(|_| CryptoError::WrongKey)
        })
    }
}
