//! The physiological sigh: a paced guide in the focused mode, one word and
//! a text cue for each part of the breath. With reduced motion the circle
//! is hidden (style/main.css) and the words remain.

use leptos::prelude::*;

use crate::browser::clock;
use crate::components::focus::focus_after_render;
use crate::components::moment::Moment;
use crate::components::practice::{IntensityPicker, SaveUse, TimerPanel, ToolPage, ticker};
use crate::components::time_up::{TimeUpSettings, ring_at_end};
use crate::domain::journal::Intensity;
use crate::domain::practice::alerts::TimeUp;
use crate::domain::practice::breathing::{BreathingSession, DEFAULT_SESSION, SessionMinutes};
use crate::domain::practice::record::breathing_use;
use crate::domain::practice::timer::{Countdown, MINUTE_MS, digits};
use crate::routes::Tool;
use crate::state::alerts::use_alerts;
use crate::views::practice::{BreathingSetup, PLAIN_BREATH_ID, StartBreathing, circle_scale};

/// A running session in the focused mode (`components::moment`): a circle
/// that grows and shrinks with the breath, one word, the cue in a quiet
/// line, the time left, Pause and Stop. Once the time is up (or stopped)
/// the page comes back with the timer's panel, to add a minute, and focus
/// goes to `after`. Reused by "I'm activated" for its one-minute breath.
#[component]
pub fn BreathingGuide(
    countdown: RwSignal<Option<Countdown>>,
    now: RwSignal<f64>,
    /// The timer's name ("Session").
    label: &'static str,
    /// The id of what takes focus when the session ends.
    after: &'static str,
) -> impl IntoView {
    ring_at_end(countdown, now, TimeUp::Breathing);
    let phase = Memo::new(move |_| {
        let now = now.get();
        countdown.with(|c| c.map(|c| BreathingSession { countdown: c }.phase(now)))
    });
    let word = Memo::new(move |_| phase.with(|p| p.map(|p| p.phase.word()).unwrap_or_default()));
    // The cue changes with the phase only, so it is announced once a phase.
    let cue = Memo::new(move |_| phase.with(|p| p.map(|p| p.phase.cue()).unwrap_or_default()));
    let finished =
        Memo::new(move |_| countdown.with(|c| c.is_some_and(|c| c.is_finished(now.get()))));
    let paused = Memo::new(move |_| countdown.with(|c| c.is_some_and(|c| c.is_paused())));
    Effect::new(move |was: Option<bool>| {
        let is = finished.get();
        if was == Some(false) && is {
            focus_after_render(after);
        }
        is
    });
    let change = move |f: fn(&mut Countdown, f64)| {
        Callback::new(move |()| {
            let at = clock::now();
            countdown.update(|c| {
                if let Some(c) = c.as_mut().filter(|c| !c.is_finished(at)) {
                    f(c, at);
                }
            });
            now.set(at);
        })
    };
    let toggle = change(|c, at| {
        if c.is_paused() {
            c.resume(at)
        } else {
            c.pause(at)
        }
    });
    let stop = change(Countdown::stop);
    move || {
        if finished.get() {
            view! {
                <p class="breath-cue">"Done. Breathe normally."</p>
                <TimerPanel countdown now label />
            }
            .into_any()
        } else {
            view! {
                <Moment label="Breathing"
                    time_left=Signal::derive(move || { let n = now.get(); countdown.with(|c| c.map(|c| digits(c.remaining(n))).unwrap_or_default()) })
                    paused
                    status=Signal::derive(move || { let n = now.get(); countdown.with(|c| c.filter(|c| c.is_paused()).map(|c| c.announcement(n)).unwrap_or_default()) })
                    on_pause=toggle on_stop=stop>
                    <div class="breath-stage" aria-hidden="true">
                        <div class=move || format!("breath-circle {}", phase.get().map_or("", |p| p.phase.class()))
                            style:transform=move || circle_scale(phase.get().map_or(0.0, |p| p.fullness))></div>
                    </div>
                    <p class="moment-word" aria-hidden="true">{move || word.get()}</p>
                    <p class="breath-cue" aria-live="polite" aria-atomic="true">{move || cue.get()}</p>
                </Moment>
            }
            .into_any()
        }
    }
}

/// How long the plain page's breath guide (`views::practice::PlainBreath`)
/// has been running, if the app arrived while it was up: theme-boot.js
/// notes on `<html data-breath-from>` when its words' cycle began, and the
/// fragment that showed it is still in the address. Both are cleared, so a
/// reload starts at the setup.
pub(super) fn plain_breath_running() -> Option<f64> {
    let location = window().location();
    let showing = location.hash().ok()?.strip_prefix("#")? == PLAIN_BREATH_ID;
    let root = document().document_element()?;
    let from = root.get_attribute("data-breath-from");
    let _ = root.remove_attribute("data-breath-from");
    if !showing {
        return None;
    }
    crate::pages::clear_fragment(&location);
    let from: f64 = from?.parse().ok()?;
    Some((clock::now() - from).max(0.0))
}

#[component]
pub fn Breathing() -> impl IntoView {
    let minutes = RwSignal::new(DEFAULT_SESSION.to_string());
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
    let countdown = RwSignal::new(None::<Countdown>);
    let now = ticker(100);
    let problem = RwSignal::new(None::<&'static str>);
    let alerts = use_alerts();
    let start = move || match SessionMinutes::parse(&minutes.get_untracked()) {
        Some(m) => {
            problem.set(None);
            alerts.starting();
            countdown.set(Some(BreathingSession::start(m, clock::now()).countdown));
        }
        None => problem.set(Some("Choose a length of 1 to 20 minutes.")),
    };
    // Begun on the plain page: the session goes on from the same breath.
    if let Some(running) = plain_breath_running() {
        let minutes = SessionMinutes::new(DEFAULT_SESSION).expect("the default is in range");
        countdown.set(Some(
            BreathingSession::carried_on(minutes.ms(), running, clock::now()).countdown,
        ));
    }
    // Memos: these change rarely, so the controls are not rebuilt each tick.
    let finished =
        Memo::new(move |_| countdown.with(|c| c.is_some_and(|c| c.is_finished(now.get()))));
    let active = Memo::new(move |_| countdown.with(Option::is_some));
    let build = Callback::new(move |()| {
        let at = clock::now();
        let (mins, breaths) = countdown.with_untracked(|c| {
            c.map_or((0, 0), |c| {
                let s = BreathingSession { countdown: c };
                (
                    (c.elapsed(at) / MINUTE_MS).round() as u32,
                    s.breaths_done(at),
                )
            })
        });
        breathing_use(mins, breaths, before.get_untracked(), after.get_untracked())
    });
    view! {
        <ToolPage tool=Tool::Breathing>
            {move || (!active.get()).then(|| view! {
                <BreathingSetup
                    minutes
                    intensity=view! { <IntensityPicker id="breath-before" label="How strong is the feeling now?" value=before /> }
                    start=view! { <StartBreathing on_start=start /> }
                    status=view! { <div role="status">{move || problem.get().map(|p| view! { <p class="warning">{p}</p> })}</div> }
                    settings=view! { <TimeUpSettings /> }
                />
            })}
            {move || active.get().then(|| view! { <BreathingGuide countdown now label="Session" after="breath-done" /> })}
            {move || finished.get().then(|| view! {
                <section class="tool-finish" aria-labelledby="breath-done">
                    <h2 id="breath-done" tabindex="-1">"How do you feel now?"</h2>
                    <IntensityPicker id="breath-after" label="How strong is the feeling now?" value=after />
                    <SaveUse answers=build once=true />
                    <div class="actions">
                        <button type="button" class="button quiet" on:click=move |_| {
                            // A new session gets its own ratings; the saved ones stay until here.
                            before.set(None);
                            after.set(None);
                            countdown.set(None);
                        }>"Breathe again"</button>
                    </div>
                </section>
            })}
        </ToolPage>
    }
}

#[cfg(test)]
mod tests {
    use crate::views::practice::circle_scale;

    #[test]
    fn the_circle_grows_from_just_under_half_to_full() {
        assert_eq!(circle_scale(0.0), "scale(0.450)");
        assert_eq!(circle_scale(0.5), "scale(0.725)");
        assert_eq!(circle_scale(1.0), "scale(1.000)");
        assert_eq!(circle_scale(0.0091), "scale(0.455)");
        // Out-of-range input (a timer overshooting) stays within the circle.
        assert_eq!(circle_scale(1.2), "scale(1.000)");
    }
}
