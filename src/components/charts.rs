//! The two pictures of a result: the anxiety/avoidance plane with the trail of
//! earlier results, and scores over time. Each carries a text alternative,
//! and neither relies on colour alone (shapes and dashes tell series apart).

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::history::QuizResult;
use crate::domain::quiz::{DimensionScore, MEANINGFUL_CHANGE, Region, ScoreChange, Scores};
use crate::domain::report;

// Whole-pixel coordinates throughout: formatting floats would pull Rust's
// float printing into the wasm for no visible gain.

// The plane's plot area inside a 340 x 340 view box.
const LEFT: i32 = 44;
const TOP: i32 = 12;
const SIZE: i32 = 284;

/// Distance along an axis of `length` pixels for a score of 1.0 to 7.0.
fn along(score: DimensionScore, length: i32) -> i32 {
    (i32::from(score.tenths()) - 10) * length / 60
}

fn x_of(score: DimensionScore) -> i32 {
    LEFT + along(score, SIZE)
}

fn y_of(score: DimensionScore) -> i32 {
    TOP + SIZE - along(score, SIZE)
}

/// The four regions, the lines at 4, the ticks and the axes: everything
/// of the plane but its points.
fn plane_ground() -> impl IntoView {
    let mid = LEFT + SIZE / 2;
    let midy = TOP + SIZE / 2;
    let quadrant = |region: Region, x: i32, y: i32| {
        let class = format!("plane-region plane-{}", region.tag());
        view! { <rect class=class x=x y=y width=SIZE / 2 height=SIZE / 2 /> }
    };
    let label = |region: Region, x: i32, y: i32, anchor: &'static str| {
        view! { <text class="plane-label" x=x y=y text-anchor=anchor>{region.name()}</text> }
    };
    view! {
        {quadrant(Region::Anxious, LEFT, TOP)}
        {quadrant(Region::Fearful, mid, TOP)}
        {quadrant(Region::Secure, LEFT, midy)}
        {quadrant(Region::Avoidant, mid, midy)}
        <line class="plane-midline" x1=mid y1=TOP x2=mid y2=TOP + SIZE />
        <line class="plane-midline" x1=LEFT y1=midy x2=LEFT + SIZE y2=midy />
        <rect class="plane-frame" x=LEFT y=TOP width=SIZE height=SIZE />
        {label(Region::Anxious, LEFT + 8, TOP + 20, "start")}
        {label(Region::Fearful, LEFT + SIZE - 8, TOP + 20, "end")}
        {label(Region::Secure, LEFT + 8, TOP + SIZE - 10, "start")}
        {label(Region::Avoidant, LEFT + SIZE - 8, TOP + SIZE - 10, "end")}
        <text class="plane-tick" x=LEFT y=TOP + SIZE + 16 text-anchor="middle">"1"</text>
        <text class="plane-tick" x=mid y=TOP + SIZE + 16 text-anchor="middle">"4"</text>
        <text class="plane-tick" x=LEFT + SIZE y=TOP + SIZE + 16 text-anchor="middle">"7"</text>
        <text class="plane-tick" x=LEFT - 8 y=TOP + SIZE + 4 text-anchor="end">"1"</text>
        <text class="plane-tick" x=LEFT - 8 y=midy + 4 text-anchor="end">"4"</text>
        <text class="plane-tick" x=LEFT - 8 y=TOP + 4 text-anchor="end">"7"</text>
        <text class="plane-axis" x=mid y="336" text-anchor="middle">"Avoidance \u{2192}"</text>
        <text class="plane-axis" x="14" y=midy text-anchor="middle" transform=format!("rotate(-90 14 {midy})")>"Anxiety \u{2192}"</text>
    }
}

/// A shared point and, when the reader has one, their own beside it. The
/// shared point is a diamond and the reader's a circle, so the two differ in
/// shape as well as colour; the legend and the text alternative name both.
#[component]
pub fn PairPlane(
    shared: Scores,
    /// How the shared point is named ("Sam", or "The person who shared this").
    #[prop(into)]
    who: String,
    mine: Option<Scores>,
    #[prop(into)] description: String,
) -> impl IntoView {
    let (sx, sy) = (x_of(shared.avoidance), y_of(shared.anxiety));
    let diamond = format!(
        "{},{} {},{} {},{} {},{}",
        sx,
        sy - 10,
        sx + 10,
        sy,
        sx,
        sy + 10,
        sx - 10,
        sy
    );
    let yours = mine.map(|m| {
        let (cx, cy) = (x_of(m.avoidance), y_of(m.anxiety));
        view! {
            <circle class="plane-you-halo" cx=cx cy=cy r="11" />
            <circle class="plane-you" cx=cx cy=cy r="7" />
        }
    });
    let legend_you = mine.map(|_| view! { <li><span class="key key-you"></span>"You"</li> });
    view! {
        <figure class="plane">
            <ul class="plane-legend" aria-hidden="true">
                <li><span class="key key-shared"></span>{who.clone()}</li>
                {legend_you}
            </ul>
            <svg viewBox="0 0 340 340" role="img" aria-labelledby="pair-plane-title" aria-describedby="pair-plane-desc" focusable="false">
                <title id="pair-plane-title">"Two points on the anxiety and avoidance plane"</title>
                {plane_ground()}
                <polygon class="plane-shared-halo" points=diamond.clone() />
                <polygon class="plane-shared" points=diamond data-shared="" />
                {yours}
            </svg>
            <figcaption id="pair-plane-desc">{description}</figcaption>
        </figure>
    }
}

/// The plane with `trail` (oldest first; the last is the result shown).
#[component]
pub fn AttachmentPlane(trail: Vec<QuizResult>, #[prop(into)] id: String) -> impl IntoView {
    let Some(current) = trail.last().cloned() else {
        return ().into_any();
    };
    let refs: Vec<&QuizResult> = trail.iter().collect();
    let mut description = report::describe_position(current.scores);
    if let Some(change) = report::describe_trail(&refs, clock::date) {
        description.push(' ');
        description.push_str(&change);
    }
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());
    let points: Vec<String> = trail
        .iter()
        .map(|r| {
            format!(
                "{:.1},{:.1}",
                x_of(r.scores.avoidance),
                y_of(r.scores.anxiety)
            )
        })
        .collect();
    let earlier: Vec<_> = trail[..trail.len() - 1]
        .iter()
        .map(|r| {
            let when = clock::date(r.taken_at);
            view! {
                <circle class="plane-earlier" cx=x_of(r.scores.avoidance) cy=y_of(r.scores.anxiety) r="4">
                    <title>{format!("{when}: anxiety {}, avoidance {}", r.scores.anxiety, r.scores.avoidance)}</title>
                </circle>
            }
        })
        .collect();
    let (cx, cy) = (x_of(current.scores.avoidance), y_of(current.scores.anxiety));
    view! {
        <figure class="plane">
            <svg viewBox="0 0 340 340" role="img" aria-labelledby=labelled_by aria-describedby=described_by focusable="false">
                <title id=title_id>"Your point on the anxiety and avoidance plane"</title>
                {plane_ground()}
                {(trail.len() > 1).then(|| view! { <polyline class="plane-trail" points=points.join(" ") /> })}
                {earlier}
                <circle class="plane-you-halo" cx=cx cy=cy r="11" />
                <circle class="plane-you" cx=cx cy=cy r="7" />
            </svg>
            <figcaption id=desc_id>{description}</figcaption>
        </figure>
    }
    .into_any()
}

// The trend chart's plot area inside a 600 x 232 view box.
// A narrow drawing (400 wide) so its 14 px text stays at least 12 px when a
// phone scales it down to its width (about 358 px); see `.trend` in the CSS,
// which also caps how large it grows on a wide screen.
const T_WIDTH: i32 = 400;
const T_LEFT: i32 = 30;
const T_RIGHT: i32 = 392;
const T_TOP: i32 = 14;
const T_BOTTOM: i32 = 200;

fn t_y(score: DimensionScore) -> i32 {
    T_BOTTOM - along(score, T_BOTTOM - T_TOP)
}

/// Both scores of one focus over time, oldest on the left.
#[component]
pub fn TrendChart(results: Vec<QuizResult>, #[prop(into)] label: String) -> impl IntoView {
    if results.is_empty() {
        return ().into_any();
    }
    let n = results.len();
    let steps = i32::try_from(n.saturating_sub(1))
        .unwrap_or(i32::MAX)
        .max(1);
    let x_at = move |i: usize| {
        if n == 1 {
            (T_LEFT + T_RIGHT) / 2
        } else {
            T_LEFT + 20 + (T_RIGHT - T_LEFT - 40) * i32::try_from(i).unwrap_or(0) / steps
        }
    };
    // Label at most five dates so they never overlap at this width.
    let every = n.div_ceil(5);
    // Two results on one day would both read "2 Dec": those also get their
    // time, on a second line.
    let days: Vec<String> = results.iter().map(|r| clock::date(r.taken_at)).collect();
    let shares_a_day = move |i: usize| days.iter().filter(|d| **d == days[i]).count() > 1;
    let series = |pick: fn(&QuizResult) -> DimensionScore| -> String {
        results
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{},{}", x_at(i), t_y(pick(r))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let anxiety_line = series(|r| r.scores.anxiety);
    let avoidance_line = series(|r| r.scores.avoidance);
    let grid: Vec<_> = (1..=7u8)
        .map(|v| {
            let y = t_y(DimensionScore::from_tenths(v * 10).expect("1 to 7"));
            let class = if v == 4 { "trend-grid trend-mid" } else { "trend-grid" };
            view! {
                <line class=class x1=T_LEFT x2=T_RIGHT y1=y y2=y />
                <text class="trend-tick" x=T_LEFT - 8 y=y + 4 text-anchor="end">{v.to_string()}</text>
            }
        })
        .collect();
    let marks: Vec<_> = results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let x = x_at(i);
            let (ya, yv) = (t_y(r.scores.anxiety), t_y(r.scores.avoidance));
            let date = (i % every == 0 || i == n - 1).then(|| {
                let time = shares_a_day(i).then(|| {
                    view! {
                        <tspan x=x dy="16">{clock::time(r.taken_at)}</tspan>
                    }
                });
                view! {
                    <text class="trend-tick" x=x y=T_BOTTOM + 18 text-anchor="middle">
                        {clock::short_date(r.taken_at)}{time}
                    </text>
                }
            });
            view! {
                <circle class="trend-anxiety-mark" cx=x cy=ya r="5" />
                <rect class="trend-avoidance-mark" x=x - 4 y=yv - 4 width="9" height="9" />
                {date}
            }
        })
        .collect();
    let first = &results[0];
    let last = &results[n - 1];
    // Less than MEANINGFUL_CHANGE either side of the first result: a later
    // point inside its band is "about the same", not progress or relapse.
    let band = |score: DimensionScore, class: &'static str| {
        let tenths = i16::from(score.tenths());
        let edge = |t: i16| {
            DimensionScore::from_tenths(u8::try_from(t.clamp(10, 70)).unwrap_or(10))
                .map_or(T_BOTTOM, t_y)
        };
        let (top, bottom) = (
            edge(tenths + MEANINGFUL_CHANGE - 1),
            edge(tenths - MEANINGFUL_CHANGE + 1),
        );
        view! { <rect class=class x=T_LEFT y=top width=T_RIGHT - T_LEFT height=(bottom - top).max(1) /> }
    };
    let bands = (n > 1).then(|| {
        view! {
            {band(first.scores.anxiety, "trend-band trend-band-anxiety")}
            {band(first.scores.avoidance, "trend-band trend-band-avoidance")}
        }
    });
    let same = |from: DimensionScore, to: DimensionScore| {
        if to.change_since(from).is_about_the_same() {
            " (about the same)"
        } else {
            ""
        }
    };
    let alt = if n == 1 {
        format!(
            "{label}: one result so far, anxiety {} and avoidance {}.",
            first.scores.anxiety, first.scores.avoidance
        )
    } else {
        format!(
            "{label}: {n} results from {} to {}. Anxiety went from {} to {}{}; avoidance from {} to {}{}. A change of less than {} reads as about the same; shaded bands show that range around the first result.",
            clock::date(first.taken_at),
            clock::date(last.taken_at),
            first.scores.anxiety,
            last.scores.anxiety,
            same(first.scores.anxiety, last.scores.anxiety),
            first.scores.avoidance,
            last.scores.avoidance,
            same(first.scores.avoidance, last.scores.avoidance),
            ScoreChange::threshold(),
        )
    };
    view! {
        <figure class="trend">
            <ul class="trend-legend" aria-hidden="true">
                <li><span class="key key-anxiety"></span>"Anxiety"</li>
                <li><span class="key key-avoidance"></span>"Avoidance"</li>
            </ul>
            <svg viewBox=format!("0 0 {T_WIDTH} 240") role="img" aria-label=alt focusable="false">
                {bands}
                {grid}
                {(n > 1).then(|| view! {
                    <polyline class="trend-anxiety" points=anxiety_line />
                    <polyline class="trend-avoidance" points=avoidance_line />
                })}
                {marks}
            </svg>
            {(n > 1).then(|| view! {
                <figcaption class="trend-band-note">{format!("Shaded: less than {} from the first result, where a change reads as about the same: smaller moves are as likely the wobble of answering on another day.", ScoreChange::threshold())}</figcaption>
            })}
        </figure>
    }
    .into_any()
}
