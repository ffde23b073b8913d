//! Units of time and size, and how sizes read, in one place so that every
//! page says "1.6 MB" and counts a day the same way.
//!
//! Sizes are written with integers: `f64`'s `Display` would bring about
//! 10 KB of float printing into the wasm for a few messages.

/// One day in milliseconds (the unit of every time Steady keeps).
pub const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;
/// One week in milliseconds.
pub const WEEK_MS: f64 = 7.0 * DAY_MS;

const MIB: f64 = 1_048_576.0;
const GIB: f64 = 1_073_741_824.0;

/// A size for a person: "12 KB", "1.5 MB", "10 GB". Kilobytes round up, so
/// a few bytes never read as "0 KB" unless there are none.
pub fn readable_size(bytes: f64) -> String {
    if bytes >= GIB {
        format!("{} GB", (bytes / GIB).round() as u64)
    } else if bytes >= MIB {
        let tenths = (bytes / MIB * 10.0).round() as u64;
        match tenths % 10 {
            0 => format!("{} MB", tenths / 10),
            d => format!("{}.{d} MB", tenths / 10),
        }
    } else {
        format!("{} KB", (bytes / 1024.0).ceil() as i64)
    }
}

/// `bytes` in MB with one decimal, exactly as
/// `format!("{:.1}", bytes as f64 / 1048576.0)` writes it (ties to even).
pub fn megabytes_one_decimal(bytes: usize) -> String {
    const MB: u128 = 1024 * 1024;
    let scaled = bytes as u128 * 10;
    let (mut tenths, rest) = (scaled / MB, scaled % MB);
    if rest > MB / 2 || (rest == MB / 2 && tenths % 2 == 1) {
        tenths += 1;
    }
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_is_seven_days_of_milliseconds() {
        assert_eq!(DAY_MS, 86_400_000.0);
        assert_eq!(WEEK_MS, 604_800_000.0);
    }

    #[test]
    fn sizes_read_in_kb_mb_and_gb() {
        assert_eq!(readable_size(0.0), "0 KB");
        assert_eq!(readable_size(1.0), "1 KB");
        assert_eq!(readable_size(1025.0), "2 KB");
        assert_eq!(readable_size(1_048_576.0), "1 MB");
        assert_eq!(readable_size(1.55 * 1_048_576.0), "1.6 MB");
        assert_eq!(readable_size(10.0 * 1_073_741_824.0), "10 GB");
    }

    #[test]
    fn megabytes_match_float_formatting() {
        let quarter = 1 << 18; // every tie (x.x5 MB exactly) is a multiple of this
        let sizes = (0..200usize)
            .map(|k| k * quarter)
            .chain((0..200).map(|k| k * 104_857 + k % 7))
            .chain([
                1,
                52_428,
                52_429,
                104_857,
                104_858,
                11 << 20,
                u32::MAX as usize,
            ]);
        for bytes in sizes {
            assert_eq!(
                megabytes_one_decimal(bytes),
                format!("{:.1}", bytes as f64 / (1024.0 * 1024.0)),
                "{bytes}"
            );
        }
    }
}
