//! Progress: the starter plan, the quiz trajectory of each focus (a chart, a
//! list, the change since the first and the last result; delete with undo),
//! practice per week and what helps, and the monthly self-check.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clock;
use crate::browser::paths::href;
use crate::components::charts::TrendChart;
use crate::components::title::Title;
use crate::components::toast::Toast;
use crate::content::{SELF_CHECK_SCALE, SELF_CHECK_SIGNS, STARTER_PLAN};
use crate::domain::history::{History, Movement, QuizResult};
use crate::domain::insights::{self, SelfCheck, StepDone};
use crate::domain::quiz::{Dimension, Focus, ScoreChange};
use crate::state::notices::use_notices;
use crate::state::{use_journal, use_progress, use_results};

#[component]
pub fn ProgressPage() -> impl IntoView {
    let results = use_results();
    let history = results.history();
    let deleted = RwSignal::new(None::<QuizResult>);
    let notices = use_notices();
    let delete = move |id: String| {
        spawn_local(async move {
            match results.remove(&id).await {
                Ok(Some(r)) => deleted.set(Some(r)),
                Ok(None) => {}
                Err(not_saved) => {
                    notices.show(format!("{not_saved} The result was not deleted."));
                }
            }
        });
    };
    let undo = move |()| {
        if let Some(r) = deleted.get_untracked() {
            spawn_local(async move {
                match results.restore(r).await {
                    Ok(()) => deleted.set(None),
                    Err(not_saved) => {
                        notices.show(format!("{not_saved} The result was not put back."));
                    }
                }
            });
        }
    };
    view! {
        // The same words as the static page (content/route-pages.toml).
        <Title text=crate::content::route_page("progress").title />
        <crate::views::openings::RouteOpening route="progress" />
        <StarterPlanSection />
        <h2>"Your quiz trajectory"</h2>
        <p>"Scores shift slowly and unevenly; a retake every few weeks shows the trend better than any one result."</p>
        <Toast message=Signal::derive(move || deleted.with(|d| d.as_ref().map(|r| format!("Deleted the result of {}.", clock::date(r.taken_at)))))
            action_label="Undo" on_action=Callback::new(undo) on_close=Callback::new(move |()| deleted.set(None)) />
        {move || {
            let foci = history.with(History::foci);
            if foci.is_empty() {
                return view! {
                    <p>"No results yet. "<a href=href("quiz")>"Take the quiz"</a>" to see where you start; each retake adds a point."</p>
                }
                .into_any();
            }
            foci.into_iter()
                .map(|focus| view! { <FocusHistory focus delete /> })
                .collect_view()
                .into_any()
        }}
        <PracticeSection />
        <SelfCheckSection />
        <p class="care-line">"Self-reflection, not a diagnosis."</p>
    }
}

#[component]
fn FocusHistory(
    focus: Focus,
    delete: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let history = use_results().history();
    let results =
        move || history.with(|h| h.of_focus(focus).into_iter().cloned().collect::<Vec<_>>());
    let heading = format!("progress-{}", focus.key());
    let labelled_by = heading.clone();
    view! {
        <section class="focus-history" aria-labelledby=labelled_by>
            <h3 id=heading>{focus.label()}</h3>
            {move || {
                let list = results();
                let n_results = list.len();
                let changes = match (list.first(), list.len()) {
                    (Some(first), n) if n > 1 => {
                        let last = &list[n - 1];
                        let previous = &list[n - 2];
                        Some((Movement::between(first, last), Movement::between(previous, last), first.taken_at))
                    }
                    _ => None,
                };
                view! {
                    <TrendChart results=list.clone() label=format!("Scores {}", focus.short()) />
                    {changes.map(|(since_first, since_last, first_at)| view! {
                        <dl class="changes">
                            {Dimension::ALL.into_iter().map(|d| view! {
                                <div>
                                    <dt>{d.name()}</dt>
                                    <dd>{if n_results > 2 {
                                        format!("{} since the first result ({}), {} since the one before", since_first.get(d).described(), clock::date(first_at), since_last.get(d).described())
                                    } else {
                                        format!("{} since the first result ({})", since_first.get(d).described(), clock::date(first_at))
                                    }}</dd>
                                </div>
                            }).collect_view()}
                        </dl>
                    })}
                    <ul class="result-list">
                        {list.into_iter().rev().map(|r| {
                            let id = r.id.clone();
                            let when = clock::date(r.taken_at);
                            view! {
                                <li class="result-row">
                                    <a href=href(&format!("quiz/result/{}", r.id))>{when.clone()}</a>
                                    <span>{format!("Anxiety {} · Avoidance {} · {}", r.scores.anxiety, r.scores.avoidance, crate::domain::report::closest_style(r.scores))}</span>
                                    <button type="button" class="button quiet" aria-label=format!("Delete the result of {when}") on:click=move |_| delete(id.clone())>"Delete"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            }}
        </section>
    }
}

#[component]
fn StarterPlanSection() -> impl IntoView {
    let progress = use_progress();
    let plan = progress.plan();
    let history = use_results().history();
    let journal = use_journal().journal();
    let status = Memo::new(move |_| {
        history.with(|h| journal.with(|j| plan.with(|p| insights::plan_status(h, j, p))))
    });
    let notices = use_notices();
    let toggle = move |step: u8| {
        if !status.with_untracked(|s| s.can_toggle(step)) {
            return;
        }
        spawn_local(async move {
            if let Err(not_saved) = progress.toggle_step(step).await {
                notices.show(format!("{not_saved} The checklist was not changed."));
            }
        });
    };
    // "Read the page for your style" goes to the style of the latest result
    // when there is one; the plan file can only name a default.
    let style_article = history.with_untracked(|h| {
        h.latest()
            .map(|r| crate::content::region_words(r.region()).article)
    });
    let step_href = move |i: usize, default: &str| match (i, style_article) {
        (1, Some(slug)) => href(&format!("learn/{slug}")),
        _ => href(default),
    };
    view! {
        <section aria-labelledby="plan-heading" class="starter-plan">
            <h2 id="plan-heading">"Your starter plan"</h2>
            <p>{move || {
                let (done, all) = status.with(insights::PlanStatus::progress);
                format!("Five steps toward earned security. {done} of {all} done. Steps tick themselves as you use Steady; the rest are yours to tick.")
            }}</p>
            <ol class="checklist">
                {STARTER_PLAN.iter().enumerate().map(|(i, step)| {
                    let n = u8::try_from(i).unwrap_or(u8::MAX);
                    let id = format!("plan-step-{i}");
                    let label_for = id.clone();
                    let reason_id = format!("plan-step-{i}-why");
                    let described = reason_id.clone();
                    let automatic = move || status.with(|s| s.get(n).filter(|d| d.is_automatic()));
                    view! {
                        <li>
                            <input type="checkbox" id=id
                                // The plan too: a tick that was not saved is drawn back.
                                prop:checked=move || { plan.track(); status.with(|s| s.get(n).is_some()) }
                                prop:disabled=move || automatic().is_some()
                                aria-describedby=move || automatic().map(|_| described.clone())
                                on:change=move |_| toggle(n) />
                            <div>
                                <label for=label_for class="checklist-title">{step.title}</label>
                                {move || automatic().map(|done| view! {
                                    <p class="plan-reason" id=reason_id.clone()>{done_reason(done)}</p>
                                })}
                                <p>{step.detail}" "<a href=step_href(i, step.href)>{format!("Go to \u{201c}{}\u{201d}", step.title)}</a></p>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Why a step ticked itself, in a sentence.
fn done_reason(done: StepDone) -> String {
    let why = match done {
        StepDone::ByHand => return String::new(),
        StepDone::TookQuiz { at } => format!("you took the quiz on {}", clock::date(at)),
        StepDone::ReadStylePage { region, at } => {
            let slug = crate::content::region_words(region).article;
            let title = crate::content::article(slug).map_or(slug, |a| a.title);
            format!("you opened \u{201c}{title}\u{201d} on {}", clock::date(at))
        }
        StepDone::UsedTool { kind, at } => {
            format!(
                "you used \u{201c}{}\u{201d} on {}",
                kind.label(),
                clock::date(at)
            )
        }
        StepDone::WroteEntry { at } => {
            format!("you wrote in your journal on {}", clock::date(at))
        }
    };
    format!("Ticked for you: {why}.")
}

/// Practice per week and "what helps": read from the journal entries the
/// practice tools save.
#[component]
fn PracticeSection() -> impl IntoView {
    const WEEKS: usize = 8;
    let journal = use_journal().journal();
    let weeks =
        Memo::new(move |_| journal.with(|j| insights::practice_per_week(j, clock::now(), WEEKS)));
    let helps = Memo::new(move |_| journal.with(insights::what_helps));
    view! {
        <section aria-labelledby="practice-heading">
            <h2 id="practice-heading">"Practice"</h2>
            {move || {
                let counts = weeks.get();
                let most = counts.iter().copied().max().unwrap_or(0).max(1);
                let total: usize = counts.iter().sum();
                view! {
                    <h3>"Practice per week"</h3>
                    <p>{format!("{total} practice sessions in the last {WEEKS} weeks.")}</p>
                    <ol class="week-bars" aria-label=format!("Practice sessions in each of the last {WEEKS} weeks, oldest first")>
                        {counts.into_iter().enumerate().map(|(i, n)| {
                            let ago = WEEKS - 1 - i;
                            let label = match ago { 0 => "This week".to_string(), 1 => "Last week".to_string(), a => format!("{a} weeks ago") };
                            view! {
                                <li>
                                    <span class="week-label">{label}</span>
                                    <span class="week-bar" style:width=format!("{}%", n * 100 / most)></span>
                                    <span class="week-count">{n.to_string()}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
            }}
            <h3>"What helps"</h3>
            {move || {
                let stats = helps.get();
                if stats.is_empty() {
                    return view! { <p>"When you use a practice tool and rate how intense the feeling was before and after, this shows which tools ease it most for you. "<a href=href("practice")>"Try a practice tool"</a>"."</p> }.into_any();
                }
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label="What helps">
                        <table class="helps">
                            <thead><tr><th scope="col">"Tool"</th><th scope="col">"Uses"</th><th scope="col">"Average change in intensity"</th></tr></thead>
                            <tbody>
                                {stats.into_iter().map(|s| {
                                    let change = s.average_change.map_or_else(
                                        || "not rated yet".to_string(),
                                        |c| format!("{} over {} rated use{}", ScoreChange((c * 10.0).round() as i16).signed(), s.rated_uses, if s.rated_uses == 1 { "" } else { "s" }),
                                    );
                                    view! { <tr><th scope="row">{s.kind.label()}</th><td>{s.uses.to_string()}</td><td>{change}</td></tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="meta">"A negative change means the feeling eased."</p>
                }.into_any()
            }}
        </section>
    }
}

/// The monthly self-check on the fifteen signs of security, with its trend.
#[component]
fn SelfCheckSection() -> impl IntoView {
    let progress = use_progress();
    let checks = progress.self_checks();
    let open = RwSignal::new(false);
    let ratings = RwSignal::new(vec![None::<u8>; SELF_CHECK_SIGNS.len()]);
    let problem = RwSignal::new(None::<String>);
    let due = move || {
        checks.with(|c| insights::self_check_due(c.last().map(|c| c.taken_at), clock::now()))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = ratings.get_untracked();
        let missing = chosen.iter().filter(|r| r.is_none()).count();
        if missing > 0 {
            problem.set(Some(format!("{missing} statements still need a rating.")));
            return;
        }
        let check = SelfCheck {
            id: clock::random_id(),
            taken_at: clock::now(),
            ratings: chosen.into_iter().flatten().collect(),
        };
        spawn_local(async move {
            match progress.add_self_check(check).await {
                Ok(()) => {
                    problem.set(None);
                    open.set(false);
                    ratings.set(vec![None; SELF_CHECK_SIGNS.len()]);
                }
                Err(not_saved) => {
                    problem.set(Some(format!("{not_saved} Your ratings are still here.")))
                }
            }
        });
    };
    view! {
        <section aria-labelledby="self-check-heading">
            <h2 id="self-check-heading">"Monthly self-check"</h2>
            <p>"Fifteen signs of security, rated from \u{201c}not yet\u{201d} to \u{201c}very much\u{201d}. Once a month is enough to see a trend."</p>
            {move || {
                let list = checks.get();
                (!list.is_empty()).then(|| {
                    let first = list[0].score();
                    view! {
                        <ul class="result-list self-check-history">
                            {list.iter().rev().map(|c| {
                                let change = i16::from(c.score()) - i16::from(first);
                                view! {
                                    <li class="result-row">
                                        <span>{format!("{}: {} of {}", clock::date(c.taken_at), c.score(), SelfCheck::max_score())}</span>
                                        {(change != 0).then(|| view! { <span class="meta">{format!("{}{change} since the first", if change > 0 { "+" } else { "" })}</span> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                })
            }}
            {move || if open.get() {
                view! {
                    <form class="self-check" on:submit=submit>
                        {SELF_CHECK_SIGNS.iter().enumerate().map(|(i, statement)| view! {
                            <fieldset class="rating">
                                <legend>{format!("{}. {statement}", i + 1)}</legend>
                                <div class="rating-options">
                                    {SELF_CHECK_SCALE.iter().enumerate().map(|(r, label)| {
                                        let value = u8::try_from(r).unwrap_or(0);
                                        view! {
                                            <label class="rating-option">
                                                <input type="radio" name=format!("sign-{i}") prop:checked=move || ratings.with(|v| v[i] == Some(value)) on:change=move |_| ratings.update(|v| v[i] = Some(value)) />
                                                <span>{*label}</span>
                                            </label>
                                        }
                                    }).collect_view()}
                                </div>
                            </fieldset>
                        }).collect_view()}
                        <div class="actions">
                            <button type="submit" class="button primary">"Save this self-check"</button>
                            <button type="button" class="button quiet" on:click=move |_| open.set(false)>"Not now"</button>
                        </div>
                        <div role="status">{move || problem.get().map(|p| view! { <p class="warning">{p}</p> })}</div>
                    </form>
                }.into_any()
            } else {
                view! {
                    <p>{move || if due() { "A self-check is due." } else { "Your next self-check is due a month after the last." }}</p>
                    <button type="button" class="button" on:click=move |_| open.set(true)>"Take the self-check"</button>
                }.into_any()
            }}
        </section>
    }
}
