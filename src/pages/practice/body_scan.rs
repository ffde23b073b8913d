//! The body scan: a guided walk through the body, one region at a time, in
//! the focused mode (the place, its cue, the time left, Pause, Next, Stop);
//! afterwards, a note for what you found in each place reached.

use leptos::prelude::*;

use crate::browser::clock;
use crate::components::focus::focus_after_render;
use crate::components::moment::Moment;
use crate::components::practice::{IntensityPicker, SaveUse, ToolPage, ticker};
use crate::components::time_up::TimeUpSettings;
use crate::content::BODY_SCAN;
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::alerts::TimeUp;
use crate::domain::practice::body_scan::BodyScanWalk;
use crate::domain::practice::record::ToolUse;
use crate::domain::practice::timer::digits;
use crate::routes::Tool;
use crate::state::alerts::use_alerts;
use crate::state::lock::count_while_running;
use crate::views::practice::BodyScanSetup;

fn seconds() -> Vec<u32> {
    BODY_SCAN.iter().map(|s| s.seconds).collect()
}

#[component]
pub fn BodyScan() -> impl IntoView {
    let walk = RwSignal::new(None::<BodyScanWalk>);
    let stopped = RwSignal::new(false);
    let notes: Vec<RwSignal<String>> = BODY_SCAN
        .iter()
        .map(|_| RwSignal::new(String::new()))
        .collect();
    let notes = StoredValue::new(notes);
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
    let now = ticker(500);
    let secs = StoredValue::new(seconds());
    let alerts = use_alerts();
    // Moves on when a region's time is up; after the last one, the walk is
    // over by itself, and the chosen alerts say so.
    Effect::new(move |_| {
        let at = now.get();
        if walk.with_untracked(|w| w.is_some_and(|w| w.countdown().is_finished(at) && !w.is_over()))
        {
            walk.update(|w| {
                if let Some(w) = w {
                    secs.with_value(|s| w.tick(s, at));
                }
            });
            if walk.with_untracked(|w| w.is_some_and(|w| w.is_over())) {
                alerts.time_is_up(TimeUp::BodyScan);
            }
        }
    });
    let over = Memo::new(move |_| stopped.get() || walk.with(|w| w.is_some_and(|w| w.is_over())));
    let running = Memo::new(move |_| walk.with(Option::is_some) && !over.get());
    let current = Memo::new(move |_| walk.with(|w| w.and_then(|w| w.step())));
    let paused = move || walk.with(|w| w.is_some_and(|w| w.countdown().is_paused()));
    count_while_running(Memo::new(move |_| {
        running.get() && walk.with(|w| w.is_some_and(|w| !w.countdown().is_paused()))
    }));
    Effect::new(move |was: Option<bool>| {
        let is = over.get();
        if was == Some(false) && is {
            focus_after_render("scan-done");
        }
        is
    });
    let start = move || {
        alerts.starting();
        stopped.set(false);
        walk.set(secs.with_value(|s| BodyScanWalk::start(s, clock::now())));
    };
    let control = move |f: fn(&mut BodyScanWalk, &[u32], f64)| {
        Callback::new(move |()| {
            let at = clock::now();
            walk.update(|w| {
                if let Some(w) = w {
                    secs.with_value(|s| f(w, s, at));
                }
            });
            now.set(at);
        })
    };
    let announcement = Memo::new(move |_| {
        match (
            walk.get().map(|w| (w.step(), w.countdown().is_paused())),
            stopped.get(),
        ) {
            (_, true) => "Body scan stopped.".to_string(),
            (Some((Some(n), true)), _) => format!("Paused at {}.", BODY_SCAN[n].region),
            (Some((Some(n), false)), _) => format!(
                "Region {} of {}: {}. {}",
                n + 1,
                BODY_SCAN.len(),
                BODY_SCAN[n].region,
                BODY_SCAN[n].cue
            ),
            (Some((None, _)), _) => "The body scan is complete.".to_string(),
            (None, _) => String::new(),
        }
    });
    let answers = Callback::new(move |()| {
        let visited = walk.with_untracked(|w| w.map_or(0, |w| w.step().unwrap_or(BODY_SCAN.len())));
        let use_ = ToolUse::new(EntryKind::BodyScan)
            .field(
                "Regions",
                &format!("{} of {}", visited.max(1), BODY_SCAN.len()),
            )
            .intensity(before.get_untracked(), after.get_untracked());
        notes.with_value(|n| {
            BODY_SCAN.iter().zip(n).fold(use_, |u, (s, note)| {
                u.field(s.region, &note.get_untracked())
            })
        })
    });
    let on_saved = Callback::new(move |()| {
        // The ratings stay as they were saved, so nothing looks lost; the
        // saved message repeats them. "Start again" clears them.
        notes.with_value(|n| n.iter().for_each(|s| s.set(String::new())));
    });
    view! {
        <ToolPage tool=Tool::BodyScan>
            <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
            {move || walk.with(Option::is_none).then(|| view! {
                <BodyScanSetup
                    intensity=view! { <IntensityPicker id="scan-before" label="How tense or stirred up do you feel?" value=before /> }
                    on_start=start
                    settings=view! { <TimeUpSettings /> }
                />
            })}
            {move || running.get().then(|| view! {
                <Moment label="Body scan"
                    time_left=Signal::derive(move || { let n = now.get(); walk.with(|w| w.map(|w| secs.with_value(|s| digits(w.time_left(s, n)))).unwrap_or_default()) })
                    paused=Signal::derive(paused)
                    status=Signal::derive(move || if paused() { "Paused.".to_string() } else { String::new() })
                    on_pause=control(|w, _, at| if w.countdown().is_paused() { w.resume(at) } else { w.pause(at) })
                    on_stop=Callback::new(move |()| stopped.set(true))
                    next=("Next region", control(|w, s, at| w.next(s, at)))>
                    <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
                    // A slow, steady shape to rest the eyes on; none with reduced motion.
                    <div class="breath-stage" aria-hidden="true">
                        <div class=move || format!("breath-circle scan-circle{}", if paused() { " is-paused" } else { "" })></div>
                    </div>
                    {move || current.get().map(|n| {
                        let s = BODY_SCAN[n];
                        view! {
                            <h2 id="scan-region" class="moment-word">{s.region}</h2>
                            <p class="scan-cue">{s.cue}</p>
                        }
                    })}
                </Moment>
            })}
            {move || over.get().then(|| view! {
                <section class="tool-finish" aria-labelledby="scan-done">
                    <h2 id="scan-done" tabindex="-1">"Afterwards"</h2>
                    <p>"Take a moment before you move on. If one place stood out, a note here is kept with this entry."</p>
                    {move || {
                        let reached = walk.with(|w| w.map_or(0, |w| w.step().map_or(BODY_SCAN.len(), |n| n + 1)));
                        BODY_SCAN.iter().take(reached).enumerate().map(|(n, s)| {
                            let note = notes.with_value(|v| v[n]);
                            view! {
                                <label class="field">
                                    <span class="field-label">{format!("What I notice in my {} ", s.region.to_lowercase())}<span class="optional">"(optional)"</span></span>
                                    <input type="text" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
                                </label>
                            }
                        }).collect_view()
                    }}
                    <IntensityPicker id="scan-after" label="How tense or stirred up do you feel now?" value=after />
                    <SaveUse answers on_saved once=true />
                    <div class="actions"><button type="button" class="button quiet" on:click=move |_| { before.set(None); after.set(None); start(); }>"Start again"</button></div>
                </section>
            })}
        </ToolPage>
    }
}
