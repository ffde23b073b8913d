//! The quiz: an intro with the focus choice, one statement at a time, and a
//! summary of skipped statements before scoring. Every answer is saved, so a
//! reload or a closed tab resumes at the same statement.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::browser::clock;
use crate::browser::paths::href;
use crate::components::focus::focus_first_after_render;
use crate::components::title::Title;
use crate::content::{PLAIN_QUIZ, QUIZ_ITEMS};
use crate::domain::quiz::{self, Answer, Focus, GivenOnThePage, QuizInProgress, TakenIn};
use crate::state::notices::{Notices, use_notices};
use crate::state::quiz::{self as quiz_state, NotFinished};
use crate::state::rules::Draft;
use crate::state::{use_journal, use_results};
use crate::views::quiz::{
    AnswerWords, PLAIN_ANSWER_PREFIX, QuizHeading, QuizIntro, StartButton, plain_step_position,
};

const STATEMENT_ID: &str = "quiz-statement";
const REVIEW_ID: &str = "quiz-review";

#[component]
pub fn QuizPage() -> impl IntoView {
    let notices = use_notices();
    let stored = match quiz_state::load_in_progress() {
        Ok(progress) => progress.map(|p| {
            let earlier = p.answers_from_another_bank(QUIZ_ITEMS);
            if earlier > 0 && p.answered(QUIZ_ITEMS) == 0 {
                notices.show(
                    "Your quiz in progress was begun on an earlier set of statements, which have since been rewritten, so its answers cannot be carried over. The quiz starts again from the first statement.".to_string(),
                );
                return QuizInProgress::new(p.focus);
            }
            p.clamped(QUIZ_ITEMS)
        }),
        Err(problem) => {
            notices.show(format!(
                "Your quiz in progress could not be read ({problem}), so the quiz starts again. The unreadable copy has been kept aside, unchanged."
            ));
            None
        }
    };
    let taken = quiz_state::take_given_on_the_page()
        .map(|given| given.taken_into(QUIZ_ITEMS, stored.as_ref()));
    let quiz = QuizControls {
        progress: Draft::new(
            stored,
            notices,
            "You can keep answering, but if this page is closed your answers so far will be lost.",
        ),
        notices,
        choosing: RwSignal::new(None),
    };
    match taken {
        None | Some(TakenIn::Unchanged) => {}
        Some(TakenIn::Continue(run)) => quiz.carry_on(run),
        // About another person than the saved run: the new answers show,
        // and nothing is saved until the reader chooses (answering on is
        // choosing them), so the earlier run stays whole meanwhile.
        Some(TakenIn::Replace { run, earlier }) => {
            quiz.progress.show(Some(run.clone()));
            quiz.choosing.set(Some((run, earlier)));
            focus_first_after_render(&[CHOICE_ID]);
        }
    }
    let stage = Memo::new(move |_| {
        quiz.progress.with(|p| match p {
            None => Stage::Intro,
            Some(p) if p.is_past_the_end(QUIZ_ITEMS) => Stage::Review,
            Some(_) => Stage::Statement,
        })
    });

    view! {
        <Title text=crate::content::route_page("quiz").title />
        <QuizHeading />
        <ChooseRun quiz />
        {move || match stage.get() {
            Stage::Intro => view! { <Intro quiz /> }.into_any(),
            Stage::Statement => view! { <Statement quiz /> }.into_any(),
            Stage::Review => view! { <Review quiz /> }.into_any(),
        }}
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Intro,
    Statement,
    Review,
}

/// The run in progress and how to save it, handed to each stage. The
/// answers are a draft: each shows at once and is kept after.
#[derive(Clone, Copy)]
struct QuizControls {
    progress: Draft<Option<QuizInProgress>>,
    notices: Notices,
    /// The answers given before the app (shown) and the saved run about
    /// another person (still saved), while the reader has not chosen.
    choosing: RwSignal<Option<(QuizInProgress, QuizInProgress)>>,
}

impl QuizControls {
    fn update(self, f: impl FnOnce(&mut QuizInProgress)) {
        // Answering on goes on with the answers shown.
        if self.choosing.with_untracked(Option::is_some) {
            self.choosing.set(None);
        }
        let change = |p: &mut Option<QuizInProgress>| {
            if let Some(p) = p {
                f(p);
            }
        };
        spawn_local(self.progress.update(change, quiz_state::keep_in_progress));
    }

    fn start(self, focus: Focus) {
        spawn_local(self.progress.set(
            Some(QuizInProgress::new(focus)),
            quiz_state::keep_in_progress,
        ));
    }

    /// Shows `run` and keeps it, with focus on its statement: the answers
    /// given on the plain page, taken in as the app starts.
    fn carry_on(self, run: QuizInProgress) {
        spawn_local(self.progress.set(Some(run), quiz_state::keep_in_progress));
        focus_statement();
    }

    fn restart(self) {
        spawn_local(self.progress.set(None, quiz_state::keep_in_progress));
    }
}

const CHOICE_ID: &str = "quiz-choose-run";

/// Which run to go on with, when the answers given before the app are
/// about another person than the saved run: both are named, the saved one
/// is untouched until the reader picks.
#[component]
fn ChooseRun(quiz: QuizControls) -> impl IntoView {
    let statements = |n: usize| {
        if n == 1 {
            PLAIN_QUIZ.one_statement.to_string()
        } else {
            PLAIN_QUIZ.statements.replace("{n}", &n.to_string())
        }
    };
    move || {
        quiz.choosing.get().map(|(run, earlier)| {
            let question = PLAIN_QUIZ
                .choose
                .replace("{new}", &statements(run.answered(QUIZ_ITEMS)))
                .replace("{new_about}", &run.focus.label().to_lowercase())
                .replace("{earlier}", &statements(earlier.answered(QUIZ_ITEMS)))
                .replace("{earlier_about}", &earlier.focus.label().to_lowercase());
            view! {
                <div class="confirm choose-run" role="group" aria-labelledby=CHOICE_ID>
                    <p id=CHOICE_ID tabindex="-1">{question}</p>
                    <button type="button" class="button" on:click=move |_| {
                        quiz.choosing.set(None);
                        quiz.carry_on(run.clone());
                    }>{PLAIN_QUIZ.choose_new}</button>
                    <button type="button" class="button quiet" on:click=move |_| {
                        quiz.choosing.set(None);
                        quiz.carry_on(earlier.clone());
                    }>{PLAIN_QUIZ.choose_earlier}</button>
                </div>
            }
        })
    }
}

#[component]
fn Intro(quiz: QuizControls) -> impl IntoView {
    let focus = RwSignal::new(Focus::General);
    // Read once: the intro shows until Start, and a result saved meanwhile
    // (in another tab) is there on the next visit.
    let last = use_results()
        .history()
        .with_untracked(|h| h.latest().cloned());
    let on_start = move || {
        quiz.start(focus.get_untracked());
        focus_statement();
    };
    view! {
        <QuizIntro focus on_start start=view! { <StartButton /> } last=last.map(|r| view! {
            <p class="quiz-last">
                {format!("Your last result was on {}. ", clock::date(r.taken_at))}
                <a href=href(&format!("quiz/result/{}", r.id))>"See your last result"</a>
                " or take it again to add a point to your trail."
            </p>
        }) />
    }
}

/// Moves focus to the statement once it is on screen, so a screen reader
/// reads the new statement and the number keys keep working. After the last
/// statement the review takes its place: focus goes to its heading rather
/// than falling back to the top of the page.
fn focus_statement() {
    focus_first_after_render(&[STATEMENT_ID, REVIEW_ID]);
}

#[component]
fn Statement(quiz: QuizControls) -> impl IntoView {
    let total = QUIZ_ITEMS.len();
    let position = Memo::new(move |_| quiz.progress.with(|p| p.as_ref().map_or(0, |p| p.position)));
    let focus = Memo::new(move |_| {
        quiz.progress
            .with(|p| p.as_ref().map(|p| p.focus).unwrap_or_default())
    });
    let chosen = Memo::new(move |_| {
        quiz.progress
            .with(|p| p.as_ref().and_then(|p| p.current_answer(QUIZ_ITEMS)))
    });
    // A tap or click on an option answers and moves on; arrow keys only
    // choose (they move through the options), and Enter or "Next" moves on.
    let by_pointer = StoredValue::new(false);
    let answer_and_go = move |answer: Answer| {
        quiz.update(|p| p.answer_current(QUIZ_ITEMS, answer));
        focus_statement();
    };

    // Keys 1-7 answer and move on, from anywhere on the page except a text field.
    let keys = window_event_listener(ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                el.closest("textarea, input:not([type=radio]), select, [contenteditable]")
                    .ok()
                    .flatten()
                    .is_some()
            });
        if typing {
            return;
        }
        let digit = ev.key().parse::<u8>().ok().and_then(Answer::new);
        if let Some(answer) = digit {
            ev.prevent_default();
            answer_and_go(answer);
        }
    });
    on_cleanup(move || keys.remove());

    let options = move || {
        let name = format!("answer-{}", position.get());
        Answer::all()
            .map(|a| {
                let n = a.value();
                let name = name.clone();
                view! {
                    <label class="likert-option" on:pointerup=move |_| by_pointer.set_value(true)>
                        <input
                            type="radio"
                            name=name
                            value=n.to_string()
                            prop:checked=move || chosen.get() == Some(a)
                            on:change=move |_| {
                                if by_pointer.get_value() {
                                    by_pointer.set_value(false);
                                    answer_and_go(a);
                                } else {
                                    quiz.update(|p| p.choose_current(QUIZ_ITEMS, a));
                                }
                            }
                        />
                        <AnswerWords answer=a />
                    </label>
                }
            })
            .collect_view()
    };

    view! {
        <div class="quiz-run">
            <div class="quiz-progress">
                <p id="quiz-count" class="quiz-count">
                    {move || format!("{} of {total}", position.get() + 1)}
                </p>
                <progress max=total value=move || position.get() + 1 aria-labelledby="quiz-count"></progress>
                <p class="quiz-about">{move || format!("About: {}", focus.get().label().to_lowercase())}</p>
            </div>
            <form class="quiz-form" on:submit=move |ev: ev::SubmitEvent| {
                ev.prevent_default();
                quiz.update(|p| p.next(QUIZ_ITEMS));
                focus_statement();
            }>
                <fieldset class="likert">
                    <legend id=STATEMENT_ID tabindex="-1" class="quiz-statement">
                        {move || QUIZ_ITEMS.get(position.get()).map(|i| i.statement(focus.get()))}
                    </legend>
                    <div class="likert-options">{options}</div>
                </fieldset>
                <div class="quiz-nav">
                    <button
                        type="button"
                        class="button"
                        disabled=move || position.get() == 0
                        on:click=move |_| {
                            quiz.update(QuizInProgress::back);
                            focus_statement();
                        }
                    >
                        "Back"
                    </button>
                    // Skipping is allowed but not the suggestion: before an
                    // answer the button is quiet, after one it is the next step.
                    <button type="submit" class=move || if chosen.get().is_some() { "button primary" } else { "button quiet" }>
                        {move || if chosen.get().is_some() { "Next" } else { "Skip" }}
                    </button>
                </div>
            </form>
            <p class="hint keyboard-tip">"Tip: press a number from 1 to 7 to answer and go straight on."</p>
            <RestartControl quiz />
        </div>
    }
}

/// "Start over", with a second step: it throws away answers.
#[component]
fn RestartControl(quiz: QuizControls) -> impl IntoView {
    let asking = RwSignal::new(false);
    let answered = move || {
        quiz.progress
            .with(|p| p.as_ref().map_or(0, |p| p.answered(QUIZ_ITEMS)))
    };
    // While the reader chooses between two runs, starting over would
    // clear the saved one too: they choose first.
    view! {
        <div class="quiz-restart" hidden=move || quiz.choosing.with(Option::is_some)>
            {move || if asking.get() {
                view! {
                    <div class="confirm" role="group" aria-labelledby="restart-question">
                        <p id="restart-question">{format!("Start over? Your {} answers so far will be cleared.", answered())}</p>
                        <button type="button" class="button" on:click=move |_| quiz.restart()>"Yes, start over"</button>
                        <button type="button" class="button quiet" on:click=move |_| asking.set(false)>"Keep going"</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button quiet" on:click=move |_| asking.set(true)>"Start over"</button>
                }.into_any()
            }}
        </div>
    }
}

/// Shown after the last statement when some were skipped.
#[component]
fn Review(quiz: QuizControls) -> impl IntoView {
    let results = use_results();
    let journal = use_journal();
    let navigate = use_navigate();
    // Finishing takes a save: a second press (or the effect below) while it
    // is under way must not save the result twice.
    let finishing = StoredValue::new(false);
    let finish = move || {
        let Some(p) = quiz.progress.get_untracked() else {
            return;
        };
        // Not before the reader has chosen which run to go on with.
        if finishing.get_value() || quiz.choosing.with(Option::is_some) {
            return;
        }
        finishing.set_value(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match quiz_state::finish(results, journal, &p).await {
                Ok(id) => {
                    // Saved, noted and forgotten by `finish`: only now does
                    // the quiz leave the screen.
                    quiz.progress.show(None);
                    navigate(&format!("/quiz/result/{id}"), Default::default());
                }
                Err(NotFinished::NotScorable) => finishing.set_value(false),
                Err(NotFinished::NotSaved(not_saved)) => {
                    finishing.set_value(false);
                    quiz.notices.show(format!(
                        "{not_saved} Your answers are still here: try finishing again."
                    ));
                }
            }
        });
    };
    let skipped = move || {
        quiz.progress.with(|p| {
            p.as_ref()
                .map(|p| p.skipped(QUIZ_ITEMS))
                .unwrap_or_default()
        })
    };
    let scorable = move || {
        quiz.progress
            .with(|p| p.as_ref().map(|p| quiz::score(QUIZ_ITEMS, &p.answers)))
    };

    // With nothing skipped there is nothing to review: go straight to the result.
    let finish_now = finish.clone();
    Effect::new(move |_| {
        if skipped().is_empty() {
            finish_now();
        }
    });

    view! {
        <div class="quiz-review">
            <h2 id=REVIEW_ID tabindex="-1">"Before your result"</h2>
            {move || {
                let skipped = skipped();
                let focus = quiz.progress.with(|p| p.as_ref().map(|p| p.focus).unwrap_or_default());
                if skipped.is_empty() {
                    // Only seen when finishing could not save the result.
                    return view! { <p>"Every statement has an answer."</p> }.into_any();
                }
                view! {
                    <p>{format!("You left {} of {} statements without an answer. That is fine: each score is the average of the statements you answered. You can go back to any of them now.", skipped.len(), QUIZ_ITEMS.len())}</p>
                    <ol class="skipped-list">
                        {skipped.into_iter().map(|at| view! {
                            <li>
                                <button type="button" class="link-button" on:click=move |_| {
                                    quiz.update(|p| p.go_to(QUIZ_ITEMS, at));
                                    focus_statement();
                                }>
                                    {format!("{}. {}", at + 1, QUIZ_ITEMS[at].statement(focus))}
                                </button>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {move || match scorable() {
                Some(Ok(_)) => {
                    let finish = finish.clone();
                    view! {
                        <button type="button" class="button primary" on:click=move |_| finish()>"See my result"</button>
                    }.into_any()
                }
                Some(Err(short)) => view! {
                    <p class="warning">
                        {format!("To give a fair {} score, at least {} of its statements need an answer; so far there are {}.", short.dimension.name().to_lowercase(), short.needed, short.answered)}
                    </p>
                }.into_any(),
                None => ().into_any(),
            }}
            <div class="quiz-nav">
                <button type="button" class="button" on:click=move |_| {
                    quiz.update(QuizInProgress::back);
                    focus_statement();
                }>"Back to the last statement"</button>
            </div>
        </div>
    }
}

/// What the quiz's plain page (`views::quiz::PlainQuiz`) holds as the app
/// starts, read before the app replaces it: the relationship chosen, the
/// answers ticked and the statement stepped to. The step's fragment is
/// cleared, so a later reload does not step back to it. `None` on any other
/// page.
pub fn read_plain_page() -> Option<GivenOnThePage> {
    let document = document();
    document.query_selector(".plain-quiz").ok().flatten()?;
    let checked = document
        .query_selector_all("main input[type=radio]:checked")
        .ok()?;
    let mut given = GivenOnThePage {
        focus: Focus::General,
        answers: Default::default(),
        position: None,
    };
    for n in 0..checked.length() {
        let Some(input) = checked
            .item(n)
            .and_then(|node| node.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            continue;
        };
        let (name, value) = (input.name(), input.value());
        if name == "focus" {
            given.focus = Focus::parse(&value).unwrap_or_default();
        } else if let Some(id) = name.strip_prefix(PLAIN_ANSWER_PREFIX)
            && let Some(answer) = value.parse().ok().and_then(Answer::new)
        {
            given.answers.insert(id.to_string(), answer);
        }
    }
    let location = window().location();
    given.position = location
        .hash()
        .ok()
        .and_then(|fragment| plain_step_position(&fragment));
    if given.position.is_some() {
        super::clear_fragment(&location);
    }
    Some(given)
}
