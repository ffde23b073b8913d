//! Repair scripts: fill-in templates for an apology, a break with a return
//! time (and its timer), seeking understanding, and the 30-second soothe
//! (and its timer).

use leptos::prelude::*;

use crate::browser::clock;
use crate::components::kept_draft::{DraftFields, KeptDraft};
use crate::components::practice::{
    AfterPicker, CopyShare, IntensityPicker, SaveUse, TimerPanel, ToolPage, ticker,
};
use crate::components::time_up::{TimeUpSettings, ring_at_end};
use crate::content::{REPAIR_SCRIPTS, RepairScript};
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::alerts::TimeUp;
use crate::domain::practice::record::ToolUse;
use crate::domain::practice::repair::{Blank, blanks, fill, return_time};
use crate::domain::practice::timer::{Countdown, SECOND_MS, WaitMinutes};
use crate::routes::Tool;
use crate::state::alerts::use_alerts;

const DEFAULT_BREAK: &str = "20";

/// What one script holds: a box for each blank, and the two ratings.
#[derive(Clone, Copy)]
struct ScriptAnswers {
    values: StoredValue<Vec<(Blank, RwSignal<String>)>>,
    before: RwSignal<Option<Intensity>>,
    after: RwSignal<Option<Intensity>>,
}

impl ScriptAnswers {
    fn new(script: RepairScript) -> ScriptAnswers {
        let values = blanks(script.template)
            .iter()
            .map(|b| {
                let start = if *b == Blank::Minutes {
                    DEFAULT_BREAK
                } else {
                    ""
                };
                (*b, RwSignal::new(start.to_string()))
            })
            .collect();
        ScriptAnswers {
            values: StoredValue::new(values),
            before: RwSignal::new(None),
            after: RwSignal::new(None),
        }
    }
}

#[component]
pub fn Repair() -> impl IntoView {
    let scripts: Vec<(RepairScript, ScriptAnswers)> = REPAIR_SCRIPTS
        .iter()
        .map(|s| (*s, ScriptAnswers::new(*s)))
        .collect();
    // One draft for the page, each box named after its script; the break's
    // minutes start filled, so they are not kept.
    let fields = scripts
        .iter()
        .fold(DraftFields::new(), |fields, (script, a)| {
            let texts: Vec<(Blank, RwSignal<String>)> = a.values.get_value();
            texts
                .into_iter()
                .filter(|(b, _)| *b != Blank::Minutes)
                .fold(fields, |f, (b, v)| {
                    f.text(format!("{}.{}", script.id, b.key()), v)
                })
                .rating(format!("{}.before", script.id), a.before)
                .rating(format!("{}.after", script.id), a.after)
        });
    let kept = KeptDraft::keep(Tool::Repair.into(), fields);
    view! {
        <ToolPage tool=Tool::Repair kept>
            <nav aria-label="Scripts">
                <ul class="link-list">
                    {REPAIR_SCRIPTS.iter().map(|s| {
                        let here = crate::browser::paths::href("practice/repair");
                        view! { <li><a rel="external" href=format!("{here}#{}", s.id)>{s.title}</a></li> }
                    }).collect_view()}
                </ul>
            </nav>
            {scripts.into_iter().map(|(script, answers)| view! { <Script script answers kept /> }).collect_view()}
        </ToolPage>
    }
}

#[component]
fn Script(script: RepairScript, answers: ScriptAnswers, kept: KeptDraft) -> impl IntoView {
    let blanks = blanks(script.template);
    let ScriptAnswers {
        values,
        before,
        after,
    } = answers;
    let now = ticker(1000);
    let countdown = RwSignal::new(None::<Countdown>);
    let is_timeout = script.id == "timeout";
    let is_soothe = script.id == "soothe";
    // The break's return time, in the person's own clock: from the running
    // timer once started, otherwise from now.
    let back_at = move || {
        let at = now.get();
        let minutes = values.with_value(|v| {
            v.iter()
                .find(|(b, _)| *b == Blank::Minutes)
                .and_then(|(_, s)| WaitMinutes::parse(&s.get()))
        });
        countdown
            .get()
            .map(|c| c.ends_at(at))
            .or_else(|| minutes.map(|m| return_time(at, m.get())))
    };
    let value_of = move |b: Blank| -> String {
        if b == Blank::Time {
            return back_at().map(clock::time).unwrap_or_default();
        }
        values.with_value(|v| {
            v.iter()
                .find(|(k, _)| *k == b)
                .map(|(_, s)| s.get())
                .unwrap_or_default()
        })
    };
    let filled = Memo::new(move |_| fill(script.template, value_of));
    let alerts = use_alerts();
    ring_at_end(
        countdown,
        now,
        if is_soothe {
            TimeUp::Soothe
        } else {
            TimeUp::Break
        },
    );
    let start = move |_| {
        alerts.starting();
        let length = if is_soothe {
            Some(30.0 * SECOND_MS)
        } else {
            values.with_value(|v| {
                v.iter()
                    .find(|(b, _)| *b == Blank::Minutes)
                    .and_then(|(_, s)| WaitMinutes::parse(&s.get_untracked()))
                    .map(WaitMinutes::ms)
            })
        };
        if let Some(ms) = length {
            let at = clock::now();
            now.set(at);
            countdown.set(Some(Countdown::start(ms, at)));
        }
    };
    let answers = Callback::new(move |()| {
        let words = filled.get_untracked().join("\n");
        ToolUse::new(EntryKind::Repair)
            .title(script.title)
            .field("Script", script.title)
            .field("My words", &words)
            .intensity(before.get_untracked(), after.get_untracked())
    });
    let on_saved = Callback::new(move |()| {
        values.with_value(|v| {
            for (b, s) in v {
                s.set(if *b == Blank::Minutes {
                    DEFAULT_BREAK.into()
                } else {
                    String::new()
                });
            }
        });
        before.set(None);
        after.set(None);
        countdown.set(None);
    });
    let active = Memo::new(move |_| countdown.with(Option::is_some));
    // "After" is asked once the script is used: a blank filled in or its
    // timer started (the break's minutes start filled, so they do not count).
    let used = Signal::derive(move || {
        active.get()
            || values.with_value(|v| {
                v.iter()
                    .filter(|(b, _)| *b != Blank::Minutes)
                    .any(|(_, s)| s.with(|t| !t.trim().is_empty()))
            })
    });
    let id = script.id;
    let said_id = format!("{id}-said");
    view! {
        <section class="repair-script card" id=id aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{script.title}</h2>
            <p>{script.when}</p>
            <IntensityPicker id=format!("{id}-before") label="How upset are you now?" value=before />
            {blanks.iter().filter(|b| **b != Blank::Time).map(|b| {
                let b = *b;
                let signal = values.with_value(|v| v.iter().find(|(k, _)| *k == b).map(|(_, s)| *s)).expect("every blank has a box");
                let input_id = format!("{id}-{}", b.key());
                view! {
                    <div class="field">
                        <label class="field-label" for=input_id.clone()>{b.label()}</label>
                        {if b == Blank::Minutes {
                            view! { <input id=input_id type="number" min="1" max="120" step="1" inputmode="numeric" prop:value=move || signal.get() on:input=move |ev| signal.set(event_target_value(&ev)) /> }.into_any()
                        } else {
                            view! { <input id=input_id type="text" prop:value=move || signal.get() on:input=move |ev| signal.set(event_target_value(&ev)) /> }.into_any()
                        }}
                    </div>
                }
            }).collect_view()}
            <div class="said" id=said_id.clone() aria-label=format!("{}: your words", script.title) role="group">
                {move || filled.get().into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
            </div>
            <CopyShare text=Signal::derive(move || filled.get().join("\n")) target=said_id title=script.title
                empty="There are no words to copy yet." />
            {is_timeout.then(|| view! {
                <p class="back-at">{move || back_at().map(|t| format!("I'll be back at {}.", clock::time(t)))}</p>
            })}
            {(is_timeout || is_soothe).then(|| view! {
                {move || (!active.get()).then(|| view! {
                    <div class="actions">
                        <button type="button" class="button primary" on:click=start>
                            {if is_soothe { "Start the 30 seconds" } else { "Start the break" }}
                        </button>
                    </div>
                    <TimeUpSettings />
                })}
                {move || active.get().then(|| view! {
                    <TimerPanel countdown now label=if is_soothe { "Soothe timer" } else { "Break timer" } extend_minutes=if is_soothe { 1 } else { 5 } />
                })}
            })}
            // "After" is asked at the end, once there is something to be after.
            <AfterPicker id=format!("{id}-after") label="And now, how upset?" value=after used />
            <SaveUse kept answers on_saved label="Save this repair" />
        </section>
    }
}
