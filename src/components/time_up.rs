//! "When the time is up": the one small group of choices shown with every
//! timer near its Start (a chime, a vibration, a notification), and the
//! hook that sets them off when a countdown on the page runs out by itself.

use leptos::prelude::*;

use crate::browser::alerts::NotifyPermission;
use crate::domain::practice::alerts::{TimeUp, TimerAlerts};
use crate::domain::practice::timer::Countdown;
use crate::state::alerts::use_alerts;
use crate::state::lock::count_while_running;

/// The three choices behind one disclosure, so Start stays in a phone's
/// first screen. The same choice on every timer: it is one setting.
#[component]
pub fn TimeUpSettings() -> impl IntoView {
    let alerts = use_alerts();
    let problem = RwSignal::new(None::<String>);
    let toggle = move |f: fn(&mut TimerAlerts, bool)| {
        move |ev| {
            let mut choice = alerts.get_untracked_choice();
            f(&mut choice, event_target_checked(&ev));
            problem.set(alerts.set(choice).err().map(|e| {
                format!("{e} The choice was not kept; the timer ends on screen as before.")
            }));
        }
    };
    let on = move || {
        let c = alerts.get();
        let words: Vec<&str> = [
            (c.chime, "chime"),
            (c.vibrate, "vibration"),
            (c.notify, "notification"),
        ]
        .into_iter()
        .filter_map(|(on, w)| on.then_some(w))
        .collect();
        if words.is_empty() {
            "all off".to_string()
        } else {
            words.join(", ")
        }
    };
    let permission_words = move || {
        (alerts.get().notify)
            .then(|| match alerts.permission() {
                NotifyPermission::Refused => Some(
                    "This browser is set not to let Steady show notifications. You can allow them in the browser\u{2019}s settings for this site.",
                ),
                NotifyPermission::Unavailable => {
                    Some("This browser cannot show notifications from Steady.")
                }
                _ => None,
            })
            .flatten()
    };
    view! {
        <details class="time-up-settings">
            <summary>"When the time is up "<span class="time-up-state">{move || format!("({})", on())}</span></summary>
            <fieldset class="choice-group">
                <legend class="visually-hidden">"When the time is up"</legend>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || alerts.get().chime
                        on:change=toggle(|c, on| c.chime = on) />
                    "A soft chime"
                </label>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || alerts.get().vibrate
                        on:change=toggle(|c, on| c.vibrate = on) />
                    "A vibration, where this device can"
                </label>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || alerts.get().notify
                        on:change=toggle(|c, on| c.notify = on) />
                    "A notification, when Steady is not on screen"
                </label>
                <p class="hint">"Steady can only reach you while this tab is open: once the browser or the tab is closed, it cannot. A phone may also be late with it, because it slows timers in the background. The notification says only that the time is up, never what you wrote."</p>
                <div role="status">
                    {move || permission_words().map(|w| view! { <p class="hint">{w}</p> })}
                    {move || problem.get().map(|p| view! { <p class="warning">{p}</p> })}
                </div>
            </fieldset>
        </details>
    }
}

/// Sets off the chosen alerts when `countdown` runs out by itself, seen on
/// a tick of `now` with the countdown unchanged since the last tick; a Stop,
/// a pause or an extension changes the countdown, so none of them rings.
/// Also counts the countdown as a running timer (auto-lock waits).
pub fn ring_at_end(countdown: RwSignal<Option<Countdown>>, now: RwSignal<f64>, what: TimeUp) {
    let alerts = use_alerts();
    let last = StoredValue::new(None::<(Countdown, f64)>);
    Effect::new(move |_| {
        let at = now.get();
        let current = countdown.get_untracked();
        let before = last.get_value();
        last.set_value(current.map(|c| (c, at)));
        if let (Some((was, then)), Some(c)) = (before, current)
            && was == c
            && !c.is_finished(then)
            && c.is_finished(at)
        {
            alerts.time_is_up(what);
        }
    });
    count_while_running(Memo::new(move |_| {
        let at = now.get();
        countdown.with(|c| c.is_some_and(|c| !c.is_paused() && !c.is_finished(at)))
    }));
}
