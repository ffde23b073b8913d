//! A result shared as a link, and how two points read side by side.
//!
//! The link carries its payload after `#`, which browsers never send to a
//! server, so sharing needs none. The payload holds only what is needed to
//! draw the point: the two scores, the focus, the day it was taken, an
//! optional name the sharer typed, and a format version. Never the answers,
//! the journal or anything else.
//!
//! Layout (version 1), then base64url without padding:
//!
//! ```text
//! version | anxiety | avoidance | focus | day (u16, big-endian) | name length | name (UTF-8) | CRC-16
//! ```
//!
//! The CRC-16 covers every byte before it. One changed character of the
//! text changes at most six bits in a row, and CRC-16 catches every burst of
//! up to 16 bits, so a mistyped or damaged link is always refused rather
//! than read as a different point.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use super::quiz::{DimensionScore, Focus, Region, Scores};

/// The format this release writes and reads.
pub const SHARE_VERSION: u8 = 1;
/// A name longer than this (in characters) is refused: the link is meant to
/// stay short enough for a text message.
pub const MAX_NAME_CHARS: usize = 24;
const HEADER: usize = 7;
const CHECK: usize = 2;

/// A first name or nickname the sharer chose to show: trimmed, 1 to
/// [`MAX_NAME_CHARS`] characters, no control characters. It is shown as text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharerName(String);

/// Why a name cannot go in a link. The message is for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    TooLong,
    ControlCharacters,
}

impl fmt::Display for NameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameProblem::TooLong => write!(
                f,
                "A name can be at most {MAX_NAME_CHARS} characters, so the link stays short."
            ),
            NameProblem::ControlCharacters => {
                f.write_str("A name cannot contain line breaks or tabs.")
            }
        }
    }
}

impl SharerName {
    /// `Ok(None)` for a blank name: the name is optional.
    pub fn parse(raw: &str) -> Result<Option<SharerName>, NameProblem> {
        let name = raw.trim();
        if name.is_empty() {
            return Ok(None);
        }
        if name.chars().any(char::is_control) {
            return Err(NameProblem::ControlCharacters);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(NameProblem::TooLong);
        }
        Ok(Some(SharerName(name.to_string())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The day a result was taken, as days since 1 January 1970 in the sharer's
/// calendar: a day, not a moment, so the link says no more than the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShareDay(u16);

use crate::units::DAY_MS;

impl ShareDay {
    pub fn new(days: u16) -> ShareDay {
        ShareDay(days)
    }

    /// The day of a local time given as milliseconds since the epoch (the
    /// edge adds the time zone's offset first). `None` before 1970 or after
    /// 2149, which no result can be.
    pub fn of_local_ms(local_ms: f64) -> Option<ShareDay> {
        let days = (local_ms / DAY_MS).floor();
        (0.0..=f64::from(u16::MAX))
            .contains(&days)
            .then_some(ShareDay(days as u16))
    }

    pub fn days(self) -> u16 {
        self.0
    }

    /// Noon UTC of the day, to format as a date: any time zone within twelve
    /// hours of UTC shows the same calendar day.
    pub fn noon_utc_ms(self) -> f64 {
        f64::from(self.0) * DAY_MS + DAY_MS / 2.0
    }
}

/// What a shared link says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedResult {
    pub scores: Scores,
    pub focus: Focus,
    pub day: ShareDay,
    pub name: Option<SharerName>,
}

/// Why a link could not be read. Nothing changes when one comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareLinkProblem {
    /// Nothing after `#`, or text that is not a Steady share code at all.
    NotASteadyLink,
    /// Cut short, usually by copying only part of it.
    Truncated,
    /// A character was changed or lost: the check does not match.
    Tampered,
    /// Made by a newer version of Steady.
    FutureVersion,
    /// Well formed, but a score, the focus or the name is outside what a
    /// result can be.
    OutOfRange,
}

impl fmt::Display for ShareLinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNCHANGED: &str = "Nothing was saved or changed.";
        match self {
            ShareLinkProblem::NotASteadyLink => write!(
                f,
                "This link does not hold a shared Steady result. Check that the whole link was copied, including everything after the # sign. {UNCHANGED}"
            ),
            ShareLinkProblem::Truncated => write!(
                f,
                "This link stops too early: part of it seems to have been lost when it was copied. Ask for the link again, or copy all of it. {UNCHANGED}"
            ),
            ShareLinkProblem::Tampered => write!(
                f,
                "This link has been changed or damaged on the way (a character is different or missing), so Steady cannot trust what it says. Ask for the link again. {UNCHANGED}"
            ),
            ShareLinkProblem::FutureVersion => write!(
                f,
                "This link was made by a newer version of Steady. Reload this page while online to update Steady, then open the link again. {UNCHANGED}"
            ),
            ShareLinkProblem::OutOfRange => write!(
                f,
                "This link holds values no Steady result can have, so it may have been made by hand or damaged. Ask for the link again. {UNCHANGED}"
            ),
        }
    }
}

/// CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF): small enough to
/// write out, and it catches every error burst of up to 16 bits.
fn crc16(bytes: &[u8]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for &b in bytes {
        crc ^= u16::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

fn focus_index(focus: Focus) -> u8 {
    Focus::ALL
        .iter()
        .position(|f| *f == focus)
        .map_or(0, |i| i as u8)
}

impl SharedResult {
    /// The code that follows `#` in the link.
    pub fn encode(&self) -> String {
        let name = self.name.as_ref().map_or("", SharerName::as_str);
        let mut bytes = Vec::with_capacity(HEADER + name.len() + CHECK);
        bytes.push(SHARE_VERSION);
        bytes.push(self.scores.anxiety.tenths());
        bytes.push(self.scores.avoidance.tenths());
        bytes.push(focus_index(self.focus));
        bytes.extend_from_slice(&self.day.0.to_be_bytes());
        // At most 24 characters of at most 4 bytes each: fits a byte.
        bytes.push(name.len() as u8);
        bytes.extend_from_slice(name.as_bytes());
        let check = crc16(&bytes);
        bytes.extend_from_slice(&check.to_be_bytes());
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// Reads a code (what follows `#`; a leading `#` is allowed).
    pub fn decode(code: &str) -> Result<SharedResult, ShareLinkProblem> {
        let code = code.strip_prefix('#').unwrap_or(code).trim();
        if code.is_empty() {
            return Err(ShareLinkProblem::NotASteadyLink);
        }
        let bytes = URL_SAFE_NO_PAD.decode(code).map_err(|_| {
            if code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                // The right alphabet, but a length no encoding makes: cut.
                ShareLinkProblem::Truncated
            } else {
                ShareLinkProblem::NotASteadyLink
            }
        })?;
        if bytes.first() == Some(&0) {
            return Err(ShareLinkProblem::NotASteadyLink);
        }
        // How long version 1 says it is, when that much can be read.
        let declared = (bytes.first() == Some(&SHARE_VERSION) && bytes.len() >= HEADER)
            .then(|| HEADER + usize::from(bytes[HEADER - 1]) + CHECK);
        if bytes.len() < HEADER + CHECK || declared.is_some_and(|n| bytes.len() < n) {
            return Err(ShareLinkProblem::Truncated);
        }
        let (body, check) = bytes.split_at(bytes.len() - CHECK);
        if crc16(body).to_be_bytes() != check {
            return Err(ShareLinkProblem::Tampered);
        }
        if body[0] > SHARE_VERSION {
            return Err(ShareLinkProblem::FutureVersion);
        }
        if declared != Some(bytes.len()) {
            return Err(ShareLinkProblem::Tampered);
        }
        let score = |b: u8| DimensionScore::from_tenths(b).ok_or(ShareLinkProblem::OutOfRange);
        let scores = Scores {
            anxiety: score(body[1])?,
            avoidance: score(body[2])?,
        };
        let focus = *Focus::ALL
            .get(usize::from(body[3]))
            .ok_or(ShareLinkProblem::OutOfRange)?;
        let day = ShareDay(u16::from_be_bytes([body[4], body[5]]));
        let raw_name =
            std::str::from_utf8(&body[HEADER..]).map_err(|_| ShareLinkProblem::OutOfRange)?;
        let name = SharerName::parse(raw_name).map_err(|_| ShareLinkProblem::OutOfRange)?;
        // Only the form `encode` writes: untrimmed or a blank name is not it.
        if name.as_ref().map_or("", SharerName::as_str) != raw_name {
            return Err(ShareLinkProblem::OutOfRange);
        }
        Ok(SharedResult {
            scores,
            focus,
            day,
            name,
        })
    }

    /// How the sharer is called inside a sentence: their name, or "the
    /// person who shared this".
    pub fn who(&self) -> &str {
        self.name
            .as_ref()
            .map_or("the person who shared this", SharerName::as_str)
    }
}

/// Kept on the device as its code, so what is stored is checked by the same
/// decoder as a link.
impl Serialize for SharedResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.encode())
    }
}

impl<'de> Deserialize<'de> for SharedResult {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SharedResult, D::Error> {
        let code = String::deserialize(d)?;
        SharedResult::decode(&code).map_err(serde::de::Error::custom)
    }
}

/// Comparisons the reader chose to keep ("Keep this on my device"), oldest
/// first, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptComparisons(Vec<SharedResult>);

impl KeptComparisons {
    pub fn new(list: Vec<SharedResult>) -> KeptComparisons {
        let mut kept = KeptComparisons::default();
        for shared in list {
            kept.keep(shared);
        }
        kept
    }

    pub fn all(&self) -> &[SharedResult] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, shared: &SharedResult) -> bool {
        self.0.contains(shared)
    }

    /// Adds `shared` unless it is kept already; whether it was added.
    pub fn keep(&mut self, shared: SharedResult) -> bool {
        if self.contains(&shared) {
            return false;
        }
        self.0.push(shared);
        true
    }

    pub fn forget(&mut self, shared: &SharedResult) {
        self.0.retain(|s| s != shared);
    }

    /// Every comparison kept here or in `other`.
    pub fn merged(&self, other: &KeptComparisons) -> KeptComparisons {
        let mut out = self.clone();
        for s in &other.0 {
            out.keep(s.clone());
        }
        out
    }
}

/// How two points sit relative to each other, for the words about the pair.
/// Never a verdict on whether two people fit: each names a pattern that is
/// common for such a pair and what tends to help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PairPattern {
    /// Both in the secure region.
    BothSecure,
    /// One secure, the other not.
    OneSecure,
    /// One leaning anxious, the other avoidant: the pursue-withdraw cycle.
    PursueWithdraw,
    /// Both in the anxious region.
    BothAnxious,
    /// Both in the avoidant region.
    BothAvoidant,
    /// At least one fearful-avoidant, and no secure point.
    WithFearful,
}

impl PairPattern {
    pub const ALL: [PairPattern; 6] = [
        PairPattern::BothSecure,
        PairPattern::OneSecure,
        PairPattern::PursueWithdraw,
        PairPattern::BothAnxious,
        PairPattern::BothAvoidant,
        PairPattern::WithFearful,
    ];

    /// The key of its words in `content/quiz/results.toml` (`[pair.<key>]`).
    pub fn key(self) -> &'static str {
        match self {
            PairPattern::BothSecure => "both-secure",
            PairPattern::OneSecure => "one-secure",
            PairPattern::PursueWithdraw => "pursue-withdraw",
            PairPattern::BothAnxious => "both-anxious",
            PairPattern::BothAvoidant => "both-avoidant",
            PairPattern::WithFearful => "with-fearful",
        }
    }

    /// The pattern of two points; the order of the two does not matter.
    pub fn of(a: Scores, b: Scores) -> PairPattern {
        use Region::*;
        match (a.region(), b.region()) {
            (Secure, Secure) => PairPattern::BothSecure,
            (Secure, _) | (_, Secure) => PairPattern::OneSecure,
            (Anxious, Avoidant) | (Avoidant, Anxious) => PairPattern::PursueWithdraw,
            (Anxious, Anxious) => PairPattern::BothAnxious,
            (Avoidant, Avoidant) => PairPattern::BothAvoidant,
            _ => PairPattern::WithFearful,
        }
    }

    /// Whether the words should point to the couples' material (repair and
    /// the agreement), which carries its own safety note.
    pub fn points_to_couple_material(self) -> bool {
        !matches!(self, PairPattern::BothSecure)
    }
}

/// The text alternative of the two points: each point's place in words,
/// the shared one first, saying which shape is which.
pub fn describe_pair(shared: &SharedResult, mine: Option<Scores>) -> String {
    let mut text = format!(
        "Diamond, {}: {}",
        shared.who(),
        super::report::describe_position(shared.scores)
    );
    match mine {
        Some(m) => {
            text.push_str(" Circle, you: ");
            text.push_str(&super::report::describe_position(m));
        }
        None => text.push_str(" You have no result on this device to show beside it."),
    }
    text
}

/// A link as a QR code: the side in modules (with the four-module quiet
/// zone every reader needs) and one SVG path of its dark modules, so the
/// code is drawn on the device as vector shapes and nothing is fetched.
/// `None` only for a text too long for any QR code.
pub fn qr_path(link: &str) -> Option<(usize, String)> {
    const QUIET: usize = 4;
    // Medium error correction: a phone reads it from a slightly dim screen.
    // Byte mode in the smallest version that holds the link, built by hand:
    // the crate's automatic segmenting (numeric, alphanumeric, kanji runs)
    // would save a few modules and cost kilobytes of wasm.
    let ec = qrcode::EcLevel::M;
    let code = (1..=40).find_map(|v| {
        let mut bits = qrcode::bits::Bits::new(qrcode::Version::Normal(v));
        bits.push_byte_data(link.as_bytes()).ok()?;
        bits.push_terminator(ec).ok()?;
        qrcode::QrCode::with_bits(bits, ec).ok()
    })?;
    let width = code.width();
    let dark: Vec<bool> = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    let mut d = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if dark[y * width + x] {
                // One horizontal run of dark modules per path segment.
                let start = x;
                while x < width && dark[y * width + x] {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some((width + 2 * QUIET, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn scores(anxiety: u8, avoidance: u8) -> Scores {
        Scores {
            anxiety: DimensionScore::from_tenths(anxiety).unwrap(),
            avoidance: DimensionScore::from_tenths(avoidance).unwrap(),
        }
    }

    fn example(name: &str) -> SharedResult {
        SharedResult {
            scores: scores(52, 31),
            focus: Focus::Partner,
            day: ShareDay::new(20_790),
            name: SharerName::parse(name).unwrap(),
        }
    }

    /// Builds a version-1 payload by hand (with a correct check), to craft
    /// links `encode` never writes.
    fn raw(body: &[u8]) -> String {
        let mut bytes = body.to_vec();
        bytes.extend_from_slice(&crc16(body).to_be_bytes());
        URL_SAFE_NO_PAD.encode(bytes)
    }

    #[test]
    fn the_check_is_crc16_ccitt_false() {
        // The standard check value of this CRC.
        assert_eq!(crc16(b"123456789"), 0x29B1);
    }

    #[test]
    fn a_link_round_trips_and_stays_short() {
        for name in [
            "",
            "Sam",
            "  Ana  ",
            "Zoë",
            "名前",
            "abcdefghijklmnopqrstuvwx",
        ] {
            let shared = example(name);
            let code = shared.encode();
            assert_eq!(SharedResult::decode(&code), Ok(shared.clone()), "{name}");
            assert_eq!(SharedResult::decode(&format!("#{code}")), Ok(shared));
        }
        assert_eq!(example("").encode().len(), 12);
        // The longest plain name still fits in a text message with room to spare.
        assert!(example("abcdefghijklmnopqrstuvwx").encode().len() <= 44);
    }

    #[test]
    fn a_name_is_trimmed_short_and_plain() {
        assert_eq!(SharerName::parse("   "), Ok(None));
        assert_eq!(SharerName::parse(" Sam ").unwrap().unwrap().as_str(), "Sam");
        assert_eq!(
            SharerName::parse(&"x".repeat(25)),
            Err(NameProblem::TooLong)
        );
        assert!(SharerName::parse(&"é".repeat(24)).unwrap().is_some());
        assert_eq!(
            SharerName::parse("Sam\nRiley"),
            Err(NameProblem::ControlCharacters)
        );
        assert_eq!(
            SharerName::parse("Sam\u{7}"),
            Err(NameProblem::ControlCharacters)
        );
    }

    #[test]
    fn each_kind_of_bad_link_gets_its_own_problem() {
        let code = example("Sam").encode();
        assert_eq!(
            SharedResult::decode(""),
            Err(ShareLinkProblem::NotASteadyLink)
        );
        assert_eq!(
            SharedResult::decode("#"),
            Err(ShareLinkProblem::NotASteadyLink)
        );
        assert_eq!(
            SharedResult::decode("hello world!"),
            Err(ShareLinkProblem::NotASteadyLink)
        );
        assert_eq!(
            SharedResult::decode(&raw(&[0, 52, 31, 1, 0, 0, 0])),
            Err(ShareLinkProblem::NotASteadyLink)
        );
        for cut in 1..code.len() {
            assert_eq!(
                SharedResult::decode(&code[..cut]),
                Err(ShareLinkProblem::Truncated),
                "{cut}"
            );
        }
        let mut changed: Vec<u8> = code.clone().into_bytes();
        changed[3] = if changed[3] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            SharedResult::decode(std::str::from_utf8(&changed).unwrap()),
            Err(ShareLinkProblem::Tampered)
        );
        assert_eq!(
            SharedResult::decode(&raw(&[2, 52, 31, 1, 0, 0, 0])),
            Err(ShareLinkProblem::FutureVersion)
        );
        // A future version may be longer or shorter than version 1.
        assert_eq!(
            SharedResult::decode(&raw(&[9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])),
            Err(ShareLinkProblem::FutureVersion)
        );
        for body in [
            [1, 9, 31, 1, 0, 0, 0],
            [1, 52, 71, 1, 0, 0, 0],
            [1, 52, 31, 4, 0, 0, 0],
        ] {
            assert_eq!(
                SharedResult::decode(&raw(&body)),
                Err(ShareLinkProblem::OutOfRange),
                "{body:?}"
            );
        }
        // A name with a line break, with spaces around it, or not UTF-8.
        for name in [&b"a\nb"[..], b" ab", &[0xff, 0xfe]] {
            let mut body = vec![1, 52, 31, 1, 0, 0, name.len() as u8];
            body.extend_from_slice(name);
            assert_eq!(
                SharedResult::decode(&raw(&body)),
                Err(ShareLinkProblem::OutOfRange),
                "{name:?}"
            );
        }
        // Extra bytes after the name with a matching check: made by hand.
        assert_eq!(
            SharedResult::decode(&raw(&[1, 52, 31, 1, 0, 0, 0, 7])),
            Err(ShareLinkProblem::Tampered)
        );
    }

    #[test]
    fn every_problem_says_nothing_changed() {
        for p in [
            ShareLinkProblem::NotASteadyLink,
            ShareLinkProblem::Truncated,
            ShareLinkProblem::Tampered,
            ShareLinkProblem::FutureVersion,
            ShareLinkProblem::OutOfRange,
        ] {
            assert!(
                p.to_string().ends_with("Nothing was saved or changed."),
                "{p:?}"
            );
        }
    }

    #[test]
    fn a_day_is_read_from_local_time_and_shown_at_noon() {
        assert_eq!(ShareDay::of_local_ms(0.0), Some(ShareDay::new(0)));
        assert_eq!(ShareDay::of_local_ms(86_399_999.0), Some(ShareDay::new(0)));
        assert_eq!(ShareDay::of_local_ms(86_400_000.0), Some(ShareDay::new(1)));
        assert_eq!(ShareDay::of_local_ms(-1.0), None);
        assert_eq!(ShareDay::of_local_ms(f64::NAN), None);
        assert_eq!(ShareDay::new(1).noon_utc_ms(), 129_600_000.0);
    }

    #[test]
    fn kept_comparisons_are_stored_as_codes_and_each_kept_once() {
        let mut kept = KeptComparisons::default();
        assert!(kept.keep(example("Sam")));
        assert!(!kept.keep(example("Sam")));
        assert!(kept.keep(example("")));
        let json = serde_json::to_string(&kept).unwrap();
        assert_eq!(
            json,
            format!(
                "[\"{}\",\"{}\"]",
                example("Sam").encode(),
                example("").encode()
            )
        );
        assert_eq!(
            serde_json::from_str::<KeptComparisons>(&json).unwrap(),
            kept
        );
        assert!(serde_json::from_str::<KeptComparisons>("[\"AAAA\"]").is_err());
        let merged = kept.merged(&KeptComparisons::new(vec![example("Ana"), example("Sam")]));
        assert_eq!(merged.all().len(), 3);
        let mut fewer = merged.clone();
        fewer.forget(&example("Sam"));
        assert_eq!(fewer.all(), &[example(""), example("Ana")]);
    }

    #[test]
    fn the_pair_pattern_follows_the_two_regions_in_either_order() {
        let secure = scores(20, 20);
        let anxious = scores(60, 20);
        let avoidant = scores(20, 60);
        let fearful = scores(60, 60);
        let cases = [
            (secure, secure, PairPattern::BothSecure),
            (secure, anxious, PairPattern::OneSecure),
            (fearful, secure, PairPattern::OneSecure),
            (anxious, avoidant, PairPattern::PursueWithdraw),
            (anxious, anxious, PairPattern::BothAnxious),
            (avoidant, avoidant, PairPattern::BothAvoidant),
            (fearful, anxious, PairPattern::WithFearful),
            (fearful, fearful, PairPattern::WithFearful),
        ];
        for (a, b, want) in cases {
            assert_eq!(PairPattern::of(a, b), want);
            assert_eq!(PairPattern::of(b, a), want);
        }
        assert!(!PairPattern::BothSecure.points_to_couple_material());
        assert!(PairPattern::PursueWithdraw.points_to_couple_material());
    }

    #[test]
    fn the_text_alternative_names_both_points_and_their_shapes() {
        let text = describe_pair(&example("Sam"), Some(scores(20, 60)));
        assert!(
            text.starts_with("Diamond, Sam: Anxiety 5.2 and avoidance 3.1"),
            "{text}"
        );
        assert!(
            text.contains("Circle, you: Anxiety 2.0 and avoidance 6.0"),
            "{text}"
        );
        let alone = describe_pair(&example(""), None);
        assert!(
            alone.starts_with("Diamond, the person who shared this: "),
            "{alone}"
        );
        assert!(
            alone.ends_with("no result on this device to show beside it."),
            "{alone}"
        );
    }

    #[test]
    fn a_link_becomes_a_qr_code_of_dark_runs_inside_a_quiet_zone() {
        let link = format!(
            "https://example.org/steady/share#{}",
            example("Sam").encode()
        );
        let (side, d) = qr_path(&link).unwrap();
        // Version 4 (33 modules) holds up to 62 bytes at medium correction.
        assert_eq!(side, 33 + 8);
        assert!(
            d.starts_with("M4 4h7v1h-7z"),
            "the finder pattern's top row: {d}"
        );
        let runs = d.matches('M').count();
        assert!(runs > 100, "{runs}");
        assert!(qr_path(&"x".repeat(5000)).is_none());
    }

    fn any_shared() -> impl Strategy<Value = SharedResult> {
        (
            10u8..=70,
            10u8..=70,
            0usize..4,
            any::<u16>(),
            proptest::option::of("[^\\p{Cc}]{0,24}"),
        )
            .prop_filter_map("a name that parses", |(anx, avo, f, day, name)| {
                let name = match name {
                    Some(n) => SharerName::parse(&n).ok()?,
                    None => None,
                };
                Some(SharedResult {
                    scores: scores(anx, avo),
                    focus: Focus::ALL[f],
                    day: ShareDay::new(day),
                    name,
                })
            })
    }

    proptest! {
        #[test]
        fn every_valid_result_round_trips(shared in any_shared()) {
            let code = shared.encode();
            prop_assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            prop_assert_eq!(SharedResult::decode(&code), Ok(shared));
        }

        #[test]
        fn decoding_never_panics_on_any_text(text in ".{0,80}") {
            if let Ok(shared) = SharedResult::decode(&text) {
                // Whatever is accepted is a valid value that writes itself back.
                prop_assert_eq!(SharedResult::decode(&shared.encode()), Ok(shared));
            }
        }

        #[test]
        fn decoding_never_panics_on_any_code_like_text(text in "[A-Za-z0-9_-]{0,60}") {
            if let Ok(shared) = SharedResult::decode(&text) {
                prop_assert_eq!(SharedResult::decode(&shared.encode()), Ok(shared));
            }
        }

        #[test]
        fn one_changed_character_is_always_refused(
            shared in any_shared(),
            at in any::<prop::sample::Index>(),
            with in "[A-Za-z0-9_\\-!#%. ]",
        ) {
            let code = shared.encode();
            let i = at.index(code.len());
            let mut changed = code.clone();
            changed.replace_range(i..=i, &with);
            prop_assume!(changed != code);
            prop_assert!(SharedResult::decode(&changed).is_err(), "{} -> {}", code, changed);
        }

        #[test]
        fn a_lost_or_added_character_is_refused_or_reads_as_valid(
            shared in any_shared(),
            at in any::<prop::sample::Index>(),
            add in proptest::option::of("[A-Za-z0-9_-]"),
        ) {
            let code = shared.encode();
            let i = at.index(code.len());
            let mut changed = code.clone();
            match add {
                Some(c) => changed.insert_str(i, &c),
                None => { changed.remove(i); }
            }
            if let Ok(other) = SharedResult::decode(&changed) {
                prop_assert_eq!(SharedResult::decode(&other.encode()), Ok(other));
            }
        }
    }
}
