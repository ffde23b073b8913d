//! Wait before you act: write the urge down, wait, then decide. The timer
//! is app-wide (`crate::state::wait_timer`), so it keeps counting elsewhere and after a
//! reload; this page starts it, controls it, and records the answer.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clock;
use crate::browser::paths::href;
use crate::components::kept_draft::{DraftFields, KeptDraft, KeptNote};
use crate::components::practice::{
    CopyShare, IntensityPicker, Pick, SaveUse, TextField, ToolPage, WordChips,
};
use crate::components::time_up::TimeUpSettings;
use crate::content::URGES;
use crate::domain::draft::MAX_DRAFT_FIELD_CHARS;
use crate::domain::journal::Intensity;
use crate::domain::practice::record::{saved_words, urge_use};
use crate::domain::practice::timer::{
    DEFAULT_WAIT, MINUTE_MS, StillWant, Urge, UrgeTimer, WaitMinutes, digits,
};
use crate::routes::Tool;
use crate::state::alerts::use_alerts;
use crate::state::tool_drafts::DraftSlot;
use crate::state::wait_timer::use_wait_timer;
use crate::views::practice::{FormStatus, WaitSetup};

#[component]
pub fn Wait() -> impl IntoView {
    let wait = use_wait_timer();
    let timer = wait.timer();
    // The answer's save clears the timer (and the block that saved it), so
    // the confirmation lives here.
    // What was saved ("Saved: 8 → 5."), once it was.
    let saved = RwSignal::new(None::<String>);
    let idle = Memo::new(move |_| timer.with(Option::is_none));
    view! {
        <ToolPage tool=Tool::Wait>
            {move || (!wait.survives_reload()).then(|| view! {
                <p class="hint">"Steady is locked, so this timer lives in this tab only: it keeps running while you read elsewhere in Steady, but a reload would end it."</p>
            })}
            <FormStatus message=move || saved.get().map(|words| view! {
                <p class="saved">{words}" "<a href=href("journal")>"See your answer in your journal"</a>"."</p>
            }) />
            {move || if idle.get() {
                view! { <StartWait saved /> }.into_any()
            } else {
                view! { <Waiting saved /> }.into_any()
            }}
        </ToolPage>
    }
}

#[component]
fn StartWait(saved: RwSignal<Option<String>>) -> impl IntoView {
    let wait = use_wait_timer();
    let alerts = use_alerts();
    let urge = RwSignal::new(String::new());
    let minutes = RwSignal::new(DEFAULT_WAIT.to_string());
    let before = RwSignal::new(None::<Intensity>);
    let problem = RwSignal::new(None::<String>);
    // The minutes start filled, so they are not kept.
    let kept = KeptDraft::keep(
        Tool::Wait.into(),
        DraftFields::new()
            .text("urge", urge)
            .rating("before", before),
    );
    let start = move || {
        let Some(text) = Urge::new(&urge.get_untracked()) else {
            problem.set(Some(
                "Write down what you want to do first, in a few words.".into(),
            ));
            return;
        };
        let Some(m) = WaitMinutes::parse(&minutes.get_untracked()) else {
            problem.set(Some("Choose a wait of 1 to 120 minutes.".into()));
            return;
        };
        alerts.starting();
        let timer = UrgeTimer::start(text, m, before.get_untracked(), clock::now());
        saved.set(None);
        // The urge lives in the timer now.
        kept.forget();
        spawn_local(wait.start(timer));
    };
    view! {
        <KeptNote kept />
        <WaitSetup
            urge
            minutes
            intensity=view! { <IntensityPicker id="wait-before" label="How strong is the urge?" value=before /> }
            on_start=start
            more=view! {
                // Below Start, behind one tap, so Start stays in a phone's
                // first screen; a tap fills the box above.
                <WordChips label="Urges" words=URGES value=urge pick=Pick::One first=0 more="Not sure how to put it? Common urges" />
                <TimeUpSettings />
                <div role="status">{move || problem.get().map(|p| view! { <p class="warning">{p}</p> })}</div>
            }
        />
    }
}

#[component]
fn Waiting(saved: RwSignal<Option<String>>) -> impl IntoView {
    let wait = use_wait_timer();
    let timer = wait.timer();
    let answer = RwSignal::new(None::<StillWant>);
    let after = RwSignal::new(None::<Intensity>);
    let problem = RwSignal::new(None::<&'static str>);
    // "Write it, don't send it": kept as it is typed, like a tool's draft
    // (sealed by the lock, in the backup), and apart from the timer. A
    // discarded wait leaves it kept: the next wait gives it back.
    let unsent = RwSignal::new(String::new());
    let message_kept = KeptDraft::keep(
        DraftSlot::WaitMessage,
        DraftFields::new().text("message", unsent),
    );
    let keep_message = RwSignal::new(false);
    let has_message = Memo::new(move |_| unsent.with(|u| !u.trim().is_empty()));
    // (paused, finished): changes rarely, so the controls keep their focus.
    let state = Memo::new(move |_| {
        let now = wait.now();
        timer.with(|t| {
            t.as_ref()
                .map(|t| (t.countdown.is_paused(), t.countdown.is_finished(now)))
        })
    });
    let announcement = Memo::new(move |_| {
        let now = wait.now();
        timer.with(|t| {
            t.as_ref()
                .map(|t| t.countdown.announcement(now))
                .unwrap_or_default()
        })
    });
    let build = Callback::new(move |()| {
        let now = clock::now();
        let t = timer.get_untracked();
        match (t, answer.get_untracked()) {
            (Some(t), Some(a)) => {
                problem.set(None);
                let message = unsent.get_untracked();
                let kept = keep_message.get_untracked().then_some(message.as_str());
                urge_use(&t, a, after.get_untracked(), kept, now)
            }
            // Nothing to save: `SaveUse` says so.
            _ => {
                problem.set(Some("Choose an answer first."));
                crate::domain::practice::record::ToolUse::new(
                    crate::domain::journal::EntryKind::Urge,
                )
            }
        }
    });
    let on_saved = Callback::new(move |()| {
        let before = timer.with_untracked(|t| t.as_ref().and_then(|t| t.intensity_before));
        let mut words = saved_words(before, after.get_untracked(), false);
        // The message goes with the wait, so say what became of it.
        if has_message.get_untracked() {
            words.push_str(if keep_message.get_untracked() {
                " Your message is kept with it."
            } else {
                " Your message was not kept, as you chose."
            });
        }
        saved.set(Some(words));
        message_kept.forget();
        wait.clear();
    });
    view! {
        <div class="waiting">
            <p class="urge-shown">"You want to: "<strong>{move || timer.with(|t| t.as_ref().map(|t| t.urge.as_str().to_string()))}</strong></p>
            <p class="timer-digits" role="timer" aria-live="off">
                <span class="visually-hidden">"Time left: "</span>
                {move || { let now = wait.now(); timer.with(|t| t.as_ref().map(|t| digits(t.countdown.remaining(now)))) }}
            </p>
            <progress class="timer-progress" max="1" aria-label="Wait, time used"
                prop:value=move || { let now = wait.now(); timer.with(|t| t.as_ref().map_or(0.0, |t| t.countdown.fraction_done(now))) }></progress>
            <p class="timer-status" role="status" aria-live="polite">{move || announcement.get()}</p>
            <p class="meta">{move || {
                let now = wait.now();
                timer.with(|t| t.as_ref().filter(|t| !t.countdown.is_paused() && !t.countdown.is_finished(now))
                    .map(|t| format!("Ends at {}. It keeps counting if you read elsewhere in Steady or reload.", clock::time(t.countdown.ends_at(now)))))
            }}</p>
            <div class="actions timer-actions">
                {move || matches!(state.get(), Some((_, false))).then(|| view! {
                    <button type="button" class="button" on:click=move |_| wait.change(|t, now| if t.countdown.is_paused() { t.countdown.resume(now) } else { t.countdown.pause(now) })>
                        {move || if matches!(state.get(), Some((true, _))) { "Resume" } else { "Pause" }}
                    </button>
                })}
                <button type="button" class="button" on:click=move |_| wait.change(|t, now| t.countdown.extend(5.0 * MINUTE_MS, now))>"Add 5 minutes"</button>
                {move || matches!(state.get(), Some((_, false))).then(|| view! {
                    <button type="button" class="button quiet" on:click=move |_| wait.change(|t, now| t.countdown.stop(now))>"Stop and decide now"</button>
                })}
                <button type="button" class="button quiet" on:click=move |_| wait.clear()>"Discard this wait"</button>
            </div>
            {move || (!matches!(state.get(), Some((_, true)))).then(|| view! {
                <section class="unsent" aria-labelledby="unsent-heading">
                    <h2 id="unsent-heading">"Write it, don\u{2019}t send it"</h2>
                    <KeptNote kept=message_kept />
                    <TextField label="The message you want to send".to_string()
                        hint="Write it here instead. It stays on this device, and Steady sends nothing; at the end you choose what to do with it."
                        value=unsent rows=4 id="unsent-message" maxlength=MAX_DRAFT_FIELD_CHARS />
                </section>
            })}
            {move || matches!(state.get(), Some((_, true))).then(|| view! {
                <section class="tool-finish" aria-labelledby="wait-done">
                    <h2 id="wait-done" tabindex="-1">"The wait is over. Do you still want to?"</h2>
                    <fieldset class="choice-group">
                        <legend class="field-label">"Do you still want to?"</legend>
                        {StillWant::ALL.into_iter().map(|a| view! {
                            <label class="choice">
                                <input type="radio" name="still-want" prop:checked=move || answer.get() == Some(a)
                                    on:change=move |_| answer.set(Some(a)) />
                                {a.label()}
                            </label>
                        }).collect_view()}
                    </fieldset>
                    {move || has_message.get().then(|| view! {
                        <section class="unsent-end" aria-labelledby="unsent-end-heading">
                            <h3 id="unsent-end-heading">"The message you wrote"</h3>
                            <p class="said unsent-said" id="unsent-said">{move || unsent.get()}</p>
                            <p class="hint">"Send it later, change it, or let it go: there is no hurry."</p>
                            <CopyShare text=unsent target="unsent-said" title="My message"
                                empty="There is no message to copy." />
                            <label class="choice">
                                <input type="checkbox" id="keep-message" prop:checked=move || keep_message.get()
                                    on:change=move |ev| keep_message.set(event_target_checked(&ev)) />
                                "Keep the message in my journal with my answer"
                            </label>
                            <div class="actions">
                                <button type="button" class="button quiet" on:click=move |_| {
                                    unsent.set(String::new());
                                    keep_message.set(false);
                                }>"Discard the message"</button>
                            </div>
                        </section>
                    })}
                    <IntensityPicker id="wait-after" label="How strong is the urge now?" value=after />
                    <div role="status">{move || problem.get().map(|p| view! { <p class="warning">{p}</p> })}</div>
                    <SaveUse answers=build on_saved label="Save my answer" />
                </section>
            })}
        </div>
    }
}
