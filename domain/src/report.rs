//! Words about a result: the text alternative of the plane, the description
//! of change over time, and the short summary a person can copy. Dates come
//! in already formatted in the user's locale.

use super::history::QuizResult;
use super::quiz::{Region, ScoreChange, Scores};

/// Lowercase region name inside a sentence ("the anxious region").
fn in_sentence(region: Region) -> String {
    region.name().to_lowercase()
}

/// "secure", "secure and anxious", "fearful-avoidant, secure and anxious".
pub fn list_regions(regions: &[Region]) -> String {
    let names: Vec<String> = regions.iter().map(|r| in_sentence(*r)).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The closest style in a few words, for headings, lists and the summary.
/// A point exactly on a line names every style it is equally close to.
pub fn closest_style(scores: Scores) -> String {
    match scores.equally_close().as_slice() {
        [one] => one.name().to_string(),
        [one, two] => format!("{} or {}, equally close", one.name(), in_sentence(*two)),
        _ => "All four styles, equally close".to_string(),
    }
}

/// For a score exactly on the line at 4: that it is, and which style's words
/// the result shows. `None` when no score is on the line.
pub fn describe_tie(scores: Scores) -> Option<String> {
    let regions = scores.equally_close();
    let shown = in_sentence(regions[0]);
    match scores.on_the_line().as_slice() {
        [] => None,
        [d] => Some(format!(
            "Your {} score is exactly 4.0, on the line itself, so the {} and {} styles are equally close. The words below are for the {shown} style, the side of the line that reads a score of 4.0 as not high; the {} page may fit you just as well.",
            d.name().to_lowercase(),
            shown,
            in_sentence(regions[1]),
            in_sentence(regions[1]),
        )),
        _ => Some(format!(
            "Both scores are exactly 4.0, so your point sits where all four styles meet, and none is closer than another. The words below are for the {shown} style, which reads a score of 4.0 as not high; the other three pages may fit you just as well."
        )),
    }
}

/// Where a point sits on the plane, in one or two sentences.
pub fn describe_position(scores: Scores) -> String {
    let region = scores.region();
    let equally = scores.equally_close();
    let at = format!(
        "Anxiety {} and avoidance {}, on a scale of 1 to 7,",
        scores.anxiety, scores.avoidance
    );
    match equally.as_slice() {
        [_, other] => {
            return format!(
                "{at} place this point on the line between the {} and {} regions.",
                in_sentence(region),
                in_sentence(*other)
            );
        }
        [_, _, _, _] => {
            return format!("{at} place this point at the centre, where all four regions meet.");
        }
        _ => {}
    }
    let mut text = format!(
        "{at} place this point in the {} region",
        in_sentence(region)
    );
    let near = scores.nearby_regions();
    match near.as_slice() {
        [] => text.push('.'),
        [one] => text.push_str(&format!(
            ", near its border with the {} region.",
            in_sentence(*one)
        )),
        [one, two, ..] => text.push_str(&format!(
            ", close to the centre, where it borders the {} and {} regions.",
            in_sentence(*one),
            in_sentence(*two)
        )),
    }
    text
}

/// How the trail moved, for people who cannot see the chart. `trail` is
/// oldest first and ends with the result being described; `date` formats a
/// result's time.
pub fn describe_trail(trail: &[&QuizResult], date: impl Fn(f64) -> String) -> Option<String> {
    let (first, rest) = trail.split_first()?;
    let last = rest.last()?;
    let earlier = trail.len() - 1;
    let (anxiety, avoidance) = (
        last.scores.anxiety.change_since(first.scores.anxiety),
        last.scores.avoidance.change_since(first.scores.avoidance),
    );
    let same = |c: ScoreChange| {
        if c.is_about_the_same() {
            " (about the same)"
        } else {
            ""
        }
    };
    let mut text = format!(
        "{} earlier result{} of this focus {} shown as a trail. Since the first, on {}, anxiety went from {} to {}{} and avoidance from {} to {}{}.",
        earlier,
        if earlier == 1 { "" } else { "s" },
        if earlier == 1 { "is" } else { "are" },
        date(first.taken_at),
        first.scores.anxiety,
        last.scores.anxiety,
        same(anxiety),
        first.scores.avoidance,
        last.scores.avoidance,
        same(avoidance),
    );
    if rest.len() >= 2 {
        let previous = rest[rest.len() - 2];
        text.push_str(&format!(
            " Since the one before, on {}: anxiety {}, avoidance {}.",
            date(previous.taken_at),
            last.scores
                .anxiety
                .change_since(previous.scores.anxiety)
                .described(),
            last.scores
                .avoidance
                .change_since(previous.scores.avoidance)
                .described(),
        ));
    }
    Some(text)
}

/// The short text version of a report that "Copy summary" puts on the
/// clipboard. Plain text: it will be pasted anywhere.
pub struct Summary<'a> {
    pub result: &'a QuizResult,
    pub date: &'a str,
    pub meaning: &'a str,
    pub plan: &'a [(&'a str, &'a [&'a str])],
    pub trail: Option<String>,
    /// Set when the answers may not reflect the person (`quiz::AnswerCheck`).
    pub caution: Option<&'a str>,
}

impl Summary<'_> {
    pub fn to_text(&self) -> String {
        let r = self.result;
        let mut out = format!(
            "Steady: attachment self-reflection, {} ({})\n\nAnxiety: {} of 7\nAvoidance: {} of 7\nClosest style: {}{}\n\n{}\n",
            self.date,
            r.focus.label().to_lowercase(),
            r.scores.anxiety,
            r.scores.avoidance,
            closest_style(r.scores),
            if r.scores.is_near_boundary() && r.scores.on_the_line().is_empty() {
                " (near a boundary)"
            } else {
                ""
            },
            self.meaning,
        );
        if let Some(caution) = self.caution {
            out.push_str(&format!("\n{caution}\n"));
        }
        if let Some(trail) = &self.trail {
            out.push_str(&format!("\n{trail}\n"));
        }
        if !self.plan.is_empty() {
            out.push_str("\nFour-week plan:\n");
            for (title, practices) in self.plan {
                out.push_str(&format!("{title}\n"));
                for p in *practices {
                    out.push_str(&format!("- {p}\n"));
                }
            }
        }
        out.push_str("\nThis is self-reflection, not a diagnosis.\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::quiz::{DimensionScore, Focus};

    fn scores(anx: u8, avo: u8) -> Scores {
        Scores {
            anxiety: DimensionScore::from_tenths(anx).unwrap(),
            avoidance: DimensionScore::from_tenths(avo).unwrap(),
        }
    }

    fn result(at: f64, anx: u8, avo: u8) -> QuizResult {
        QuizResult {
            id: format!("r{at}"),
            focus: Focus::Partner,
            taken_at: at,
            scores: scores(anx, avo),
            answers: BTreeMap::new(),
            answered: 36,
            of: 36,
            bank: 2,
        }
    }

    #[test]
    fn the_position_names_the_region_and_a_nearby_border() {
        assert_eq!(
            describe_position(scores(52, 21)),
            "Anxiety 5.2 and avoidance 2.1, on a scale of 1 to 7, place this point in the anxious region."
        );
        assert!(
            describe_position(scores(43, 21)).ends_with("near its border with the secure region.")
        );
        assert!(
            describe_position(scores(41, 39))
                .contains("borders the secure and fearful-avoidant regions")
        );
    }

    #[test]
    fn a_point_on_the_line_names_both_sides_and_never_just_one() {
        assert_eq!(
            describe_position(scores(40, 21)),
            "Anxiety 4.0 and avoidance 2.1, on a scale of 1 to 7, place this point on the line between the secure and anxious regions."
        );
        assert!(
            describe_position(scores(40, 40))
                .ends_with("at the centre, where all four regions meet.")
        );
        assert_eq!(
            closest_style(scores(40, 21)),
            "Secure or anxious, equally close"
        );
        assert_eq!(
            closest_style(scores(40, 40)),
            "All four styles, equally close"
        );
        assert_eq!(closest_style(scores(41, 21)), "Anxious");
        let tie = describe_tie(scores(52, 40)).unwrap();
        assert!(tie.starts_with("Your avoidance score is exactly 4.0"));
        assert!(tie.contains("the anxious and fearful-avoidant styles are equally close"));
        assert!(
            describe_tie(scores(40, 40))
                .unwrap()
                .starts_with("Both scores are exactly 4.0")
        );
        assert_eq!(describe_tie(scores(41, 39)), None);
    }

    #[test]
    fn region_lists_read_as_a_sentence() {
        use Region::*;
        assert_eq!(list_regions(&[Secure]), "secure");
        assert_eq!(
            list_regions(&[Fearful, Secure, Anxious]),
            "fearful-avoidant, secure and anxious"
        );
        assert_eq!(list_regions(&[]), "");
    }

    #[test]
    fn the_trail_reports_change_since_first_and_since_the_one_before() {
        let (a, b, c) = (
            result(1.0, 58, 30),
            result(2.0, 55, 31),
            result(3.0, 52, 28),
        );
        let date = |t: f64| format!("day {t}");
        assert_eq!(describe_trail(&[&c], date), None);
        let two = describe_trail(&[&a, &c], date).unwrap();
        assert_eq!(
            two,
            "1 earlier result of this focus is shown as a trail. Since the first, on day 1, anxiety went from 5.8 to 5.2 (about the same) and avoidance from 3.0 to 2.8 (about the same)."
        );
        let three = describe_trail(&[&a, &b, &c], date).unwrap();
        assert!(three.starts_with("2 earlier results of this focus are shown"));
        assert!(three.ends_with(
            "Since the one before, on day 2: anxiety \u{2212}0.3 (about the same), avoidance \u{2212}0.3 (about the same)."
        ));
        // A move of a point or more is a change; less is about the same.
        let d = result(4.0, 48, 41);
        assert!(
            describe_trail(&[&a, &d], date)
                .unwrap()
                .ends_with("anxiety went from 5.8 to 4.8 and avoidance from 3.0 to 4.1.")
        );
        let e = result(5.0, 49, 39);
        assert!(describe_trail(&[&a, &e], date).unwrap().ends_with(
            "anxiety went from 5.8 to 4.9 (about the same) and avoidance from 3.0 to 3.9 (about the same)."
        ));
    }

    #[test]
    fn the_summary_has_scores_plan_and_the_care_note() {
        let r = result(1.0, 52, 21);
        let plan: [(&str, &[&str]); 1] = [("Week 1: Notice", &["Log one trigger."])];
        let text = Summary {
            result: &r,
            date: "22 Nov 2026",
            meaning: "Meaning.",
            plan: &plan,
            trail: None,
            caution: None,
        }
        .to_text();
        assert!(text.starts_with("Steady: attachment self-reflection, 22 Nov 2026 (a partner)"));
        assert!(text.contains("Anxiety: 5.2 of 7\nAvoidance: 2.1 of 7\nClosest style: Anxious\n"));
        assert!(text.contains("Week 1: Notice\n- Log one trigger.\n"));
        assert!(text.ends_with("This is self-reflection, not a diagnosis.\n"));
        assert!(!text.contains("may not reflect"));
        let flagged = Summary {
            result: &r,
            date: "22 Nov 2026",
            meaning: "Meaning.",
            plan: &plan,
            trail: None,
            caution: Some("These answers may not reflect you."),
        }
        .to_text();
        assert!(flagged.contains("Meaning.\n\nThese answers may not reflect you.\n"));
    }
}
