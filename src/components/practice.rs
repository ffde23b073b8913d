//! Pieces every practice tool shares: the page frame, the 0-10 intensity
//! picker (and the "after" one, asked once the tool is used), word chips to
//! tap into a text box, a ticking clock, the timer panel with its controls
//! and spoken milestones, Copy and Share for the words a tool made, and the
//! block that saves a finished use to the journal.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clock;
use crate::browser::paths::href;
use crate::browser::share_sheet;
use crate::components::focus::focus_first_of_after_render;
use crate::components::kept_draft::{KeptDraft, KeptNote};
use crate::components::title::Title;
use crate::domain::journal::Intensity;
use crate::domain::practice::record::ToolUse;
use crate::domain::practice::timer::{Countdown, digits, words};
use crate::domain::practice::words::{choose_word, has_word, is_chosen, toggle_word};
use crate::routes::Tool;
use crate::state::JournalData;
use crate::views::practice::{self as views, ToolFrame};

pub use crate::views::practice::SAFE_WITH_SOMEONE;

/// A tool's page: its opening (`views::practice::ToolOpening`, as its static
/// page shows it), a kept draft's note, the tool, and for a tool for a hard
/// moment "Why this helps" after it.
#[component]
pub fn ToolPage(
    tool: Tool,
    /// The tool's kept draft, if it keeps one: its note shows above the tool.
    #[prop(optional)]
    kept: Option<KeptDraft>,
    children: Children,
) -> impl IntoView {
    view! {
        <Title text=tool.name() />
        <ToolFrame tool kept=kept.map(|kept| view! { <KeptNote kept /> })>
            {children()}
        </ToolFrame>
    }
}

/// "How strong is the feeling?" 0 to 10, or not rated.
#[component]
pub fn IntensityPicker(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<Option<Intensity>>,
) -> impl IntoView {
    view! { <IntensityScale id label value=value on_change=Callback::new(move |v| value.set(v)) /> }
}

/// "How strong is it now?", asked only once the tool has been used (`used`),
/// just above Save: a rating after is no use before anything was done. Once
/// rated it stays in view, so a rating is never hidden while it counts.
#[component]
pub fn AfterPicker(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<Option<Intensity>>,
    #[prop(into)] used: Signal<bool>,
) -> impl IntoView {
    let shown = Memo::new(move |_| used.get() || value.with(Option::is_some));
    move || {
        let id = id.clone();
        shown
            .get()
            .then(|| view! { <IntensityPicker id label value /> })
    }
}

/// The 0-10 scale (`views::practice::IntensityScale`); "Clear" keeps the
/// keyboard on the scale, at 0.
#[component]
pub fn IntensityScale(
    #[prop(into)] id: String,
    label: &'static str,
    #[prop(into)] value: Signal<Option<Intensity>>,
    on_change: Callback<Option<Intensity>>,
) -> impl IntoView {
    let first = format!("{id}-0");
    let on_change = Callback::new(move |v: Option<Intensity>| {
        on_change.run(v);
        if v.is_none() {
            focus_first_of_after_render(vec![first.clone()]);
        }
    });
    view! { <views::IntensityScale id label value on_change /> }
}

/// The wall clock, updated every `every_ms` while this component lives.
pub fn ticker(every_ms: u64) -> RwSignal<f64> {
    let now = RwSignal::new(clock::now());
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(clock::now()),
        Duration::from_millis(every_ms),
    ) {
        on_cleanup(move || handle.clear());
    }
    now
}

/// Time left, progress, and pause / resume / extend / stop for a countdown.
/// The digits are not a live region; the milestones (start, each minute or
/// quarter minute, paused, the end) are announced politely.
#[component]
pub fn TimerPanel(
    countdown: RwSignal<Option<Countdown>>,
    now: RwSignal<f64>,
    /// What "extend" adds, in minutes.
    #[prop(default = 1)]
    extend_minutes: u32,
    /// Called by the stop button after the countdown was stopped.
    #[prop(optional)]
    on_stop: Option<Callback<()>>,
    /// A name for the timer, read before its time ("Break timer").
    label: &'static str,
) -> impl IntoView {
    let announcement = Memo::new(move |_| {
        let now = now.get();
        countdown.with(|c| c.map(|c| c.announcement(now)).unwrap_or_default())
    });
    let change = move |f: fn(&mut Countdown, f64, u32)| {
        move |_| {
            let at = clock::now();
            countdown.update(|c| {
                if let Some(c) = c {
                    f(c, at, extend_minutes);
                }
            });
            now.set(at);
        }
    };
    let stop = move |_| {
        let at = clock::now();
        countdown.update(|c| {
            if let Some(c) = c {
                c.stop(at);
            }
        });
        now.set(at);
        if let Some(cb) = on_stop {
            cb.run(());
        }
    };
    // (paused, finished): changes rarely, so the buttons are not rebuilt
    // on every tick and keep their focus.
    let state = Memo::new(move |_| {
        let now = now.get();
        countdown.with(|c| c.map(|c| (c.is_paused(), c.is_finished(now))))
    });
    let toggle = move |_| {
        let at = clock::now();
        countdown.update(|c| {
            if let Some(c) = c {
                if c.is_paused() {
                    c.resume(at);
                } else {
                    c.pause(at);
                }
            }
        });
        now.set(at);
    };
    view! {
        <div class="timer-panel">
            <p class="timer-digits" role="timer" aria-live="off">
                <span class="visually-hidden">{label}": "</span>
                {move || { let n = now.get(); countdown.with(|c| c.map(|c| digits(c.remaining(n))).unwrap_or_default()) }}
            </p>
            <progress class="timer-progress" max="1" aria-label=format!("{label}, time used")
                prop:value=move || { let n = now.get(); countdown.with(|c| c.map_or(0.0, |c| c.fraction_done(n))) }></progress>
            <p class="timer-status" role="status" aria-live="polite">{move || announcement.get()}</p>
            <div class="actions timer-actions">
                {move || matches!(state.get(), Some((_, false))).then(|| view! {
                    <button type="button" class="button" on:click=toggle>
                        {move || if matches!(state.get(), Some((true, _))) { "Resume" } else { "Pause" }}
                    </button>
                })}
                {move || state.get().map(|_| view! {
                    <button type="button" class="button" on:click=change(|c, at, m| c.extend(f64::from(m) * 60_000.0, at))>
                        {format!("Add {}", words(f64::from(extend_minutes) * 60_000.0))}
                    </button>
                })}
                {move || matches!(state.get(), Some((_, false))).then(|| view! {
                    <button type="button" class="button quiet" on:click=stop>"Stop"</button>
                })}
            </div>
        </div>
    }
}

/// The save button and what happened. `answers` reads the tool's answers;
/// `on_saved` clears the form, and only runs after a successful save.
#[component]
pub fn SaveUse(
    answers: Callback<(), ToolUse>,
    #[prop(optional)] on_saved: Option<Callback<()>>,
    #[prop(default = "Save to my journal")] label: &'static str,
    /// For a finished session (breathing, body scan): one session is one
    /// entry, so the button goes once it is saved and a second press cannot
    /// save a duplicate. Starting again brings a fresh button.
    #[prop(optional)]
    once: bool,
    /// The tool's kept draft, forgotten once the use is saved. Passed, not
    /// found as a context: a context outlives its tool when the router
    /// moves to another tool, whose save would then forget this draft.
    #[prop(optional)]
    kept: Option<KeptDraft>,
) -> impl IntoView {
    let Some(journal) = use_context::<JournalData>() else {
        return view! { <SaveAfterUnlock answers /> }.into_any();
    };
    // On success, the ratings saved, so the message can say what was kept.
    let status = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);
    let status_box = NodeRef::<leptos::html::Div>::new();
    let save = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let use_ = answers.run(());
        let rated = use_.saved_words(on_saved.is_some());
        spawn_local(async move {
            let result = journal.save_tool_use(use_).await.map(|_| rated);
            if result.is_ok() {
                if let Some(cb) = on_saved {
                    cb.run(());
                }
                if let Some(kept) = kept {
                    kept.saved();
                }
            }
            let saved = result.is_ok();
            status.set(Some(result));
            busy.set(false);
            // The button that had focus goes away: keep the keyboard and
            // the screen reader on the message that replaced it.
            if once
                && saved
                && let Some(el) = status_box.get_untracked()
            {
                let _ = el.focus();
            }
        });
    };
    view! {
        <div class="save-use">
            {move || (!(once && matches!(status.get(), Some(Ok(_))))).then(|| view! {
                <button type="button" class="button primary" on:click=save>{label}</button>
            })}
            <div class="form-status" role="status" tabindex="-1" node_ref=status_box>
                {move || status.get().map(|r| match r {
                    Ok(rated) => view! {
                        <p class="saved">{rated}" "<a href=href("journal")>"See it in your journal"</a>" or "<a href=href("progress")>"what helps, on Progress"</a>"."</p>
                    }.into_any(),
                    Err(why) => view! { <p class="warning">{why}</p> }.into_any(),
                })}
            </div>
        </div>
    }
    .into_any()
}

/// While Steady is locked the journal is sealed: the tool's answers wait in
/// this tab's memory, and the unlock page saves them once it opens. Offered
/// only here, after the tool, never before it.
#[component]
fn SaveAfterUnlock(answers: Callback<(), ToolUse>) -> impl IntoView {
    let held = crate::state::journal::use_held_tool_use();
    let navigate = leptos_router::hooks::use_navigate();
    let unlock = move |_| {
        held.hold(answers.run(()));
        // Every route but the calm ones shows the unlock page while locked;
        // once open, the journal shows the saved entry.
        navigate("/journal", Default::default());
    };
    view! {
        <div class="save-use">
            <button type="button" class="button primary" on:click=unlock>"Unlock to save this to your journal"</button>
            <p class="hint">"Steady is locked, so nothing is saved yet. What you did stays in this tab until you unlock; then it goes into your journal, encrypted like the rest."</p>
        </div>
    }
}

/// What a tap on a word chip does to its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// One or more words (feelings, body places): a tap adds or takes away.
    Several,
    /// One answer (an urge, a need): a tap puts the word in the box.
    One,
}

/// Words to tap into the text box `value`, which stays the person's own to
/// type in. Each chip is a button of at least 44 px whose `aria-pressed`
/// says whether its word is in the box. The first `first` words show; the
/// rest wait behind the disclosure `more` ("More feelings"), so a short
/// list is not a wall of buttons.
#[component]
pub fn WordChips(
    /// The group's name for a screen reader ("Feeling words").
    label: &'static str,
    words: &'static [&'static str],
    value: RwSignal<String>,
    #[prop(default = Pick::Several)] pick: Pick,
    #[prop(default = usize::MAX)] first: usize,
    #[prop(default = "More")] more: &'static str,
) -> impl IntoView {
    let chip = move |word: &'static str| {
        let pressed = move || {
            value.with(|v| match pick {
                Pick::Several => has_word(v, word),
                Pick::One => is_chosen(v, word),
            })
        };
        let tap = move |_| {
            value.update(|v| {
                *v = match pick {
                    Pick::Several => toggle_word(v, word),
                    Pick::One => choose_word(v, word),
                }
            })
        };
        view! {
            <button type="button" class="chip-button" aria-pressed=move || pressed().to_string() on:click=tap>{word}</button>
        }
    };
    let (shown, rest) = words.split_at(first.min(words.len()));
    view! {
        {(!shown.is_empty()).then(|| view! {
            <div class="chips" role="group" aria-label=label>
                {shown.iter().map(|w| chip(w)).collect_view()}
            </div>
        })}
        {(!rest.is_empty()).then(|| view! {
            <details class="more-chips">
                <summary>{more}</summary>
                <div class="chips" role="group" aria-label=if shown.is_empty() { label } else { more }>
                    {rest.iter().map(|w| chip(w)).collect_view()}
                </div>
            </details>
        })}
    }
}

/// "Copy" and, where the browser has a share sheet, "Share…" for the words
/// a tool made (`text`), shown in the element `target` on the page. If
/// copying is refused, the message says so and the words are selected, so
/// they can be copied by hand. Steady sends nothing: the share sheet is the
/// device's own.
#[component]
pub fn CopyShare(
    #[prop(into)] text: Signal<String>,
    /// The id of the element that shows the words.
    #[prop(into)]
    target: String,
    /// The share sheet's title ("My I-statement").
    title: &'static str,
    /// Said when there is nothing to copy yet.
    empty: &'static str,
) -> impl IntoView {
    let status = RwSignal::new(None::<&'static str>);
    let target = StoredValue::new(target);
    // The words to hand over, or `None` after saying there are none yet.
    let words = move || {
        let words = text.get_untracked();
        let none = words.trim().is_empty();
        status.set(none.then_some(empty));
        (!none).then_some(words)
    };
    let copy = move |_| {
        let Some(words) = words() else { return };
        spawn_local(async move {
            if share_sheet::copy(&words).await {
                status.set(Some(
                    "Copied. The words are on your clipboard, to paste wherever you choose.",
                ));
            } else {
                target.with_value(|t| share_sheet::select_text_of(t));
                status.set(Some("This browser would not copy. The words are selected now: copy them with your device\u{2019}s own menu or keys."));
            }
        });
    };
    let share = move |_| {
        let Some(words) = words() else { return };
        spawn_local(async move {
            if !share_sheet::share(title, &words).await {
                status.set(Some(
                    "The share sheet did not open. Copy the words instead.",
                ));
            }
        });
    };
    view! {
        <div class="copy-share no-print">
            <div class="actions">
                <button type="button" class="button" on:click=copy>"Copy"<span class="visually-hidden">" the words"</span></button>
                {share_sheet::can_share().then(|| view! {
                    <button type="button" class="button" on:click=share>"Share\u{2026}"</button>
                })}
            </div>
            <p class="copy-status" role="status">{move || status.get()}</p>
        </div>
    }
}

/// A labelled text box (multi-line with `rows` > 1) bound to `value`.
#[component]
pub fn TextField(
    label: String,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = 1)] rows: u32,
    #[prop(optional)] id: Option<&'static str>,
    /// The most characters the box takes, where what it keeps has a limit.
    #[prop(optional)]
    maxlength: Option<usize>,
) -> impl IntoView {
    let input = move |ev| value.set(event_target_value(&ev));
    let maxlength = maxlength.map(|m| m.to_string());
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            {hint.map(|h| view! { <span class="hint">{h}</span> })}
            {if rows > 1 {
                view! { <textarea id=id rows=rows.to_string() maxlength=maxlength prop:value=move || value.get() on:input=input></textarea> }.into_any()
            } else {
                view! { <input id=id type="text" maxlength=maxlength prop:value=move || value.get() on:input=input /> }.into_any()
            }}
        </label>
    }
}
