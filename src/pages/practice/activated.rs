//! "I'm activated": breathe for a minute, name it, wait, reframe, choose a
//! secure response. Every step can be skipped; the whole run is saved.

use leptos::prelude::*;

use crate::browser::clock;
use crate::browser::paths::href;
use crate::components::focus::focus_after_render;
use crate::components::kept_draft::{DraftFields, KeptDraft};
use crate::components::practice::SAFE_WITH_SOMEONE;
use crate::components::practice::{
    IntensityPicker, SaveUse, TextField, TimerPanel, ToolPage, WordChips, ticker,
};
use crate::components::time_up::{TimeUpSettings, ring_at_end};
use crate::content::{
    ACTIVATED_CARE, ACTIVATED_STEPS, BODY_PLACES, FEELING_WORDS, SECURE_RESPONSES,
};
use crate::domain::journal::Intensity;
use crate::domain::practice::activated::{ActivatedRun, ActivatedStep, Ending, Outcome};
use crate::domain::practice::alerts::TimeUp;
use crate::domain::practice::breathing::BreathingSession;
use crate::domain::practice::record::{ActivatedNotes, activated_use};
use crate::domain::practice::timer::{Countdown, DEFAULT_WAIT, MINUTE_MS, WaitMinutes};
use crate::routes::Tool;
use crate::state::alerts::use_alerts;

use super::breathing::BreathingGuide;
use crate::views::practice::{ActivatedStepOpening, START_A_MINUTE};

#[component]
pub fn Activated() -> impl IntoView {
    let run = RwSignal::new(ActivatedRun::default());
    let current = Memo::new(move |_| run.with(ActivatedRun::current));
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
    let now = ticker(100);
    let breath = RwSignal::new(None::<Countdown>);
    let wait = RwSignal::new(None::<Countdown>);
    let wait_minutes = RwSignal::new(DEFAULT_WAIT.to_string());
    let feeling = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let story = RwSignal::new(String::new());
    let explanations: [RwSignal<String>; 3] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let response = RwSignal::new(String::new());
    let own_response = RwSignal::new(String::new());

    // The run's step and every word, kept through a reload (the timers of
    // the breath and the wait start again).
    let kept = KeptDraft::keep(
        Tool::Activated.into(),
        DraftFields::new()
            .other(
                "run",
                Signal::derive(move || run.with(ActivatedRun::to_kept)),
                Callback::new(move |v: String| run.set(ActivatedRun::from_kept(&v))),
            )
            .text("feeling", feeling)
            .text("body", body)
            .text("story", story)
            .numbered("explanation", explanations)
            .text("response", response)
            .text("own-response", own_response)
            .rating("before", before)
            .rating("after", after),
    );
    let move_on = move |f: fn(&mut ActivatedRun)| {
        move |_| {
            run.update(f);
            focus_after_render("activated-step");
        }
    };
    let answers = Callback::new(move |()| {
        let at = clock::now();
        let chosen = [own_response.get_untracked(), response.get_untracked()]
            .into_iter()
            .find(|r| !r.trim().is_empty())
            .unwrap_or_default();
        let notes = ActivatedNotes {
            feeling: feeling.get_untracked(),
            body: body.get_untracked(),
            waited_minutes: wait
                .get_untracked()
                .map(|c| ((c.elapsed(at) / MINUTE_MS).round() as u32).max(1)),
            story: story.get_untracked(),
            explanations: explanations.map(|e| e.get_untracked()),
            response: chosen,
        };
        let titles: [&str; 5] = std::array::from_fn(|i| ACTIVATED_STEPS[i].title);
        run.with_untracked(|r| {
            activated_use(
                r,
                &titles,
                &notes,
                before.get_untracked(),
                after.get_untracked(),
            )
        })
    });
    let restart = move |_| {
        run.set(ActivatedRun::default());
        for s in [feeling, body, story, response, own_response] {
            s.set(String::new());
        }
        for e in explanations {
            e.set(String::new());
        }
        breath.set(None);
        wait.set(None);
        before.set(None);
        after.set(None);
        focus_after_render("activated-step");
    };
    let alerts = use_alerts();
    ring_at_end(wait, now, TimeUp::Wait);
    let start_breath = move |_| {
        alerts.starting();
        let at = clock::now();
        now.set(at);
        breath.set(Some(BreathingSession::start_ms(MINUTE_MS, at).countdown));
    };
    let start_wait = move |_| {
        if let Some(m) = WaitMinutes::parse(&wait_minutes.get_untracked()) {
            alerts.starting();
            let at = clock::now();
            now.set(at);
            wait.set(Some(Countdown::start(m.ms(), at)));
        }
    };
    // Begun on the plain page: the minute goes on from the same breath.
    if let Some(running) = super::breathing::plain_breath_running() {
        breath.set(Some(
            BreathingSession::carried_on(MINUTE_MS, running, clock::now()).countdown,
        ));
    }
    let breathing = Memo::new(move |_| breath.with(Option::is_some));
    let waiting = Memo::new(move |_| wait.with(Option::is_some));

    view! {
        <ToolPage tool=Tool::Activated kept>
            {move || current.get().map(|step| {
                let words = ACTIVATED_STEPS[step.index()];
                let (n, of) = run.with_untracked(|r| r.position().unwrap_or((1, 5)));
                let body_of_step = match step {
                    ActivatedStep::Breathe => view! {
                        // Start first, in the first screen of a phone; the
                        // rating below stays while the minute runs.
                        {move || (!breathing.get()).then(|| view! {
                            <div class="actions"><button type="button" class="button primary" on:click=start_breath>{START_A_MINUTE}</button></div>
                            <TimeUpSettings />
                        })}
                        <IntensityPicker id="activated-before" label="How strong is the feeling right now?" value=before />
                        {move || breathing.get().then(|| view! {
                            <BreathingGuide countdown=breath now label="Breathing" after="activated-step" />
                        })}
                    }.into_any(),
                    ActivatedStep::Name => view! {
                        <TextField label="The feeling".to_string() hint="A word or two: tap one or write your own." value=feeling id="activated-feeling" />
                        <WordChips label="Feeling words" words=FEELING_WORDS value=feeling first=super::FIRST_FEELINGS more="More feelings" />
                        <TextField label="Where it sits in your body".to_string() hint="Tap a place, write your own, or leave it if you are not sure." value=body id="activated-body" />
                        <WordChips label="Body places" words=BODY_PLACES value=body first=8 more="More places" />
                    }.into_any(),
                    ActivatedStep::Wait => view! {
                        {move || (!waiting.get()).then(|| view! {
                            <label class="field">
                                <span class="field-label">"Wait for how many minutes?"</span>
                                <input type="number" min="1" max="120" step="1" inputmode="numeric" prop:value=move || wait_minutes.get() on:input=move |ev| wait_minutes.set(event_target_value(&ev)) />
                            </label>
                            <div class="actions"><button type="button" class="button primary" on:click=start_wait>"Start waiting"</button></div>
                            <TimeUpSettings />
                        })}
                        {move || waiting.get().then(|| view! { <TimerPanel countdown=wait now label="Wait" extend_minutes=5 /> })}
                        <p class="hint">"To keep a wait running while you do other things, use "<a href=href("practice/wait")>"Wait before you act"</a>" instead."</p>
                    }.into_any(),
                    ActivatedStep::Reframe => view! {
                        // Before any "other explanation": a frightened person
                        // reading threat may be reading it right.
                        <p class="care-note safety-note" role="note">
                            {ACTIVATED_CARE.reframe_skip}" "
                            <a href=format!("{}#{SAFE_WITH_SOMEONE}", href("help"))>{ACTIVATED_CARE.reframe_link}</a>
                        </p>
                        <TextField label="The story my mind is telling".to_string() value=story rows=2 id="activated-story" />
                        {explanations.into_iter().enumerate().map(|(i, e)| view! {
                            <TextField label=format!("Another explanation ({})", i + 1) value=e rows=2 />
                        }).collect_view()}
                    }.into_any(),
                    ActivatedStep::Choose => view! {
                        <fieldset class="choice-group">
                            <legend class="field-label">"A secure response"</legend>
                            {SECURE_RESPONSES.iter().map(|r| view! {
                                <label class="choice">
                                    <input type="radio" name="secure-response" prop:checked=move || response.get() == *r on:change=move |_| response.set(r.to_string()) />
                                    {*r}
                                </label>
                            }).collect_view()}
                        </fieldset>
                        <TextField label="Or in my own words".to_string() value=own_response rows=2 />
                    }.into_any(),
                };
                view! {
                    <section class="activated-step" aria-labelledby="activated-step">
                        <ActivatedStepOpening n of title=words.title text=words.text />
                        {body_of_step}
                        <div class="actions step-actions">
                            <button type="button" class="button primary" on:click=move_on(ActivatedRun::done)>
                                {if step == ActivatedStep::Choose { "Done, finish" } else { "Done, next step" }}
                            </button>
                            <button type="button" class="button" on:click=move_on(ActivatedRun::skip)>"Skip this step"</button>
                            {(n > 1).then(|| view! { <button type="button" class="button quiet" on:click=move_on(ActivatedRun::back)>"Back"</button> })}
                        </div>
                    </section>
                }.into_any()
            }).unwrap_or_else(|| view! {
                <section class="tool-finish" aria-labelledby="activated-step">
                    <h2 id="activated-step" tabindex="-1">{ACTIVATED_CARE.done_heading}</h2>
                    <ul class="activated-summary">
                        {ActivatedStep::ALL.into_iter().map(|s| {
                            let outcome = match run.with_untracked(|r| r.outcome(s)) {
                                Outcome::Done => "done",
                                Outcome::Skipped => "skipped",
                                Outcome::NotReached => "not reached",
                            };
                            view! { <li>{format!("{}: {outcome}", ACTIVATED_STEPS[s.index()].title)}</li> }
                        }).collect_view()}
                    </ul>
                    <IntensityPicker id="activated-after" label="How strong is the feeling now?" value=after />
                    <ActivatedEnding before after />
                    <SaveUse kept answers label="Save this run to my journal" />
                    <div class="actions">
                        <button type="button" class="button quiet" on:click=move_on(ActivatedRun::back)>"Back"</button>
                        <button type="button" class="button quiet" on:click=restart>"Start over"</button>
                    </div>
                </section>
            }.into_any())}
        </ToolPage>
    }
}

/// What the end of a run says once the feeling is rated again: a feeling
/// still strong, or no lower than before, gets kind words and the way to
/// help, never praise for coming through.
#[component]
fn ActivatedEnding(
    before: RwSignal<Option<Intensity>>,
    after: RwSignal<Option<Intensity>>,
) -> impl IntoView {
    let care = &ACTIVATED_CARE;
    let ending = Memo::new(move |_| Ending::of(before.get(), after.get()));
    view! {
        <div class="activated-ending" role="status" aria-live="polite">
            {move || match ending.get() {
                None => view! { <p class="hint">{care.pending}</p> }.into_any(),
                Some(Ending::Eased { by }) => view! {
                    <p class="ending-eased"><strong>{care.eased_heading}</strong>" "{care.eased.replace("{by}", &by.to_string())}</p>
                }.into_any(),
                Some(Ending::Rated) => view! { <p>{care.rated}</p> }.into_any(),
                Some(Ending::Unchanged) => view! {
                    <div class="care-note ending-unchanged">
                        <p>{care.unchanged}</p>
                        <p><a href=href("help")>{care.help_link}</a></p>
                    </div>
                }.into_any(),
                Some(Ending::StillHard) => view! {
                    <div class="care-note ending-still-hard">
                        <p><strong>{care.still_hard_heading}</strong></p>
                        <p>{care.still_hard}</p>
                        <p><a class="button primary" href=href("help")>{care.help_link}</a></p>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}
