//! A saved quiz result (`quiz/result/:id`) and the printable personal report
//! (`report`, `report/:id`). Both read the history; neither writes.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::browser::clock;
use crate::browser::paths::href;
use crate::components::care::CareNote;
use crate::components::charts::{AttachmentPlane, TrendChart};
use crate::components::title::Title;
use crate::content::{self, BANK_VERSION, QUIZ_ITEMS, SCALE_LABELS, dimension_words};
use crate::domain::history::{History, QuizResult};
use crate::domain::quiz::{Answer, AnswerCheck, Dimension, Focus, OwnAnswers, Rated};
use crate::domain::report::{self, Summary};
use crate::state::use_results;

/// A bulleted list of build-time sentences.
#[component]
fn TextList(items: &'static [&'static str]) -> impl IntoView {
    view! { <ul>{items.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul> }
}

#[component]
fn MissingResult() -> impl IntoView {
    view! {
        <Title text="Result not found" />
        <h1>"This result isn't here"</h1>
        <p>"It may have been deleted, or saved in another browser. Results live only on the device where the quiz was taken."</p>
        <p><a href=href("quiz")>"Take the quiz"</a>" or "<a href=href("progress")>"see your saved results"</a>"."</p>
    }
}

/// Both scores in plain words.
#[component]
fn ScoreList(result: QuizResult) -> impl IntoView {
    view! {
        <dl class="score-list">
            {Dimension::ALL.into_iter().map(|d| {
                let score = result.scores.get(d);
                let words = dimension_words(d);
                view! {
                    <div class="score">
                        <dt>{d.name()}</dt>
                        <dd>
                            <span class="score-value" data-dimension=d.name().to_lowercase()>{score.to_string()}</span>
                            <span class="score-of">" of 7"</span>
                            <p>{format!("{} is about {}. ", d.name(), words.about)}{words.at(score.level())}</p>
                        </dd>
                    </div>
                }
            }).collect_view()}
        </dl>
    }
}

/// Said on every result: the line the regions are cut at is the scale's
/// midpoint, not a measured norm.
const THE_LINE: &str = "The lines at 4 are the middle of the agreement scale, a convention for dividing the plane. They are not norms from any population, so they do not say where most people score.";

/// Said on a result taken with an earlier set of statements.
#[component]
fn EarlierBank(result: QuizResult) -> impl IntoView {
    result.from_another_bank(BANK_VERSION).then(|| view! {
        <p class="earlier-bank">
            "This result came from an earlier set of statements. Its scores are kept exactly as they were saved; a retake uses the current statements, so the two may differ a little for that reason alone."
        </p>
    })
}

/// The agreement label of an answer ("Somewhat agree").
fn label(answer: Answer) -> &'static str {
    SCALE_LABELS[usize::from(answer.value()) - 1]
}

/// Twins are known only for the current bank; straight-lining is judged on
/// the stored answers whatever bank they came from.
fn answer_check(result: &QuizResult) -> AnswerCheck {
    let items = if result.from_another_bank(BANK_VERSION) {
        &[][..]
    } else {
        QUIZ_ITEMS
    };
    AnswerCheck::of(items, &result.answers)
}

/// In place of the closest style when the answer check fires: a style named
/// from answers that may not be the person's own would mislead more than it
/// helps.
#[component]
fn NoStyleNamed(heading_id: &'static str) -> impl IntoView {
    let care = &content::QUIZ_CARE;
    view! {
        <h2 id=heading_id>{care.unsure_heading}</h2>
        <p>{care.unsure}</p>
    }
}

/// When the answers may not reflect the person: says so plainly, shows
/// why, offers a retake, and leaves the scores in place below it.
#[component]
fn AnswerCheckNote(result: QuizResult) -> impl IntoView {
    let check = answer_check(&result);
    if !check.may_not_reflect() {
        return None;
    }
    let same = check.same_answer.map(|s| view! {
        <li>{format!("You gave the same answer, \u{201c}{}\u{201d}, to {} of the {} statements you answered. The statements pull in different directions, so one answer for nearly all of them usually means they were answered in a hurry, or did not fit.", label(s.answer), s.count, s.answered)}</li>
    });
    let contradictions = check.contradicts().then(|| {
        let focus = result.focus;
        view! {
            <li>
                {format!("{} of {} pairs of statements that say opposite things got answers on the same side of the scale:", check.contradictions.len(), check.pairs_answered)}
                <ul class="contradictions">
                    {check.contradictions.iter().map(|c| view! {
                        <li>
                            {format!("\u{201c}{}\u{201d} ({}) and \u{201c}{}\u{201d} ({})", c.forward.statement(focus), label(c.forward_answer).to_lowercase(), c.reversed.statement(focus), label(c.reversed_answer).to_lowercase())}
                        </li>
                    }).collect_view()}
                </ul>
            </li>
        }
    });
    Some(view! {
        <section class="answer-check" aria-labelledby="answer-check-heading">
            <h2 id="answer-check-heading">"These answers may not reflect you"</h2>
            <p>"Something in the pattern of answers suggests this result may not describe you well. The scores below are worked out as usual and nothing is hidden; read them with this in mind."</p>
            <ul>{same}{contradictions}</ul>
            <p>
                "If you were rushed or tired, or some statements did not fit, you could "
                <a href=href("quiz")>"take the quiz again"</a>
                ". Skip any statement that never applies to you: a skipped statement is left out of the score, while a guess counts."
            </p>
        </section>
    })
}

/// How many of the person's own statements lead the strengths and the
/// growth edges.
const OWN_ANSWERS: usize = 3;
const MOST_SECURE: &str = "Where your own answers were most secure:";
const LEAST_SECURE: &str = "Where your own answers were least secure:";

/// The person's own answers for a result of the current bank (an earlier
/// bank's ids match nothing, so its result shows the style's list alone).
fn own_answers(result: &QuizResult) -> OwnAnswers {
    if result.from_another_bank(BANK_VERSION) {
        OwnAnswers::default()
    } else {
        OwnAnswers::of(QUIZ_ITEMS, &result.answers, OWN_ANSWERS)
    }
}

/// Strengths or growth edges: first the statements this person answered
/// most (or least) securely, then what is often true of the style.
#[component]
fn FromAnswersThenStyle(
    rated: Vec<Rated>,
    focus: Focus,
    own_intro: &'static str,
    style: &'static [&'static str],
) -> impl IntoView {
    let has_own = !rated.is_empty();
    view! {
        {has_own.then(|| view! {
            <p class="own-intro">{own_intro}</p>
            <ul class="own-answers">
                {rated.iter().map(|r| view! {
                    <li>{format!("\u{201c}{}\u{201d} You answered: {}.", r.item.statement(focus), label(r.answer).to_lowercase())}</li>
                }).collect_view()}
            </ul>
            <p class="own-intro">"Often true near this style:"</p>
        })}
        <TextList items=style />
    }
}

fn trail_of(history: &History, id: &str) -> Vec<QuizResult> {
    history.trail_to(id).into_iter().cloned().collect()
}

#[component]
pub fn ResultPage() -> impl IntoView {
    let params = use_params_map();
    let history = use_results().history();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let Some(result) = history.with(|h| h.get(&id).cloned()) else {
            return view! { <MissingResult /> }.into_any();
        };
        let trail = history.with(|h| trail_of(h, &id));
        let region = result.region();
        let words = content::region_words(region);
        let nearby = result.scores.nearby_regions();
        let own = own_answers(&result);
        let unsure = answer_check(&result).may_not_reflect();
        view! {
            <Title text="Your quiz result" />
            <h1>"Your result"</h1>
            <p class="result-meta">{format!("{} · answered about {} · {} of {} statements", clock::date(result.taken_at), result.focus.label().to_lowercase(), result.answered, result.of)}</p>
            <EarlierBank result=result.clone() />
            <CareNote />
            <AnswerCheckNote result=result.clone() />
            <section aria-labelledby="where-heading">
                <h2 id="where-heading">"Where you are"</h2>
                <div class="result-grid">
                    <AttachmentPlane trail=trail.clone() id="result-plane" />
                    <ScoreList result=result.clone() />
                </div>
                {(trail.len() > 1).then(|| view! {
                    <p class="change-note">{format!("Your earlier results of this focus show as a trail. A move of less than {} on a dimension reads as about the same: it is as likely the wobble of answering on another day as a change in you.", crate::domain::quiz::ScoreChange::threshold())}</p>
                })}
            </section>
            <section aria-labelledby="style-heading">
                {if unsure {
                    view! { <NoStyleNamed heading_id="style-heading" /> }.into_any()
                } else {
                    view! {
                        <h2 id="style-heading">{format!("Closest style: {}", report::closest_style(result.scores))}</h2>
                        {report::describe_tie(result.scores).map(|tie| view! { <p class="on-the-line">{tie}</p> })}
                        <p>{words.meaning}</p>
                        {(!nearby.is_empty()).then(|| view! {
                            <p class="near-boundary">
                                <strong>{format!("Near the line with {}. ", report::list_regions(&nearby))}</strong>
                                {words.near_boundary}
                            </p>
                        })}
                        <p>{THE_LINE}</p>
                        <p>"The label is approximate: attachment is a matter of degree, and your point on the plane says more than the name. "
                            <a href=href(&format!("learn/{}", words.article))>{format!("Read about the {} style", region.name().to_lowercase())}</a>"."
                        </p>
                        <div class="two-up">
                            <div>
                                <h3>"Strengths"</h3>
                                <FromAnswersThenStyle rated=own.most_secure.clone() focus=result.focus own_intro=MOST_SECURE style=words.strengths />
                            </div>
                            <div>
                                <h3>"Growth edges"</h3>
                                <FromAnswersThenStyle rated=own.least_secure.clone() focus=result.focus own_intro=LEAST_SECURE style=words.growth_edges />
                            </div>
                        </div>
                    }.into_any()
                }}
            </section>
            <section aria-labelledby="next-heading">
                <h2 id="next-heading">"Three next steps"</h2>
                <ol class="card-list next-steps">
                    {words.next_steps.iter().map(|step| view! {
                        <li class="card">
                            <h3 class="card-title"><a href=href(step.href)>{step.title}</a></h3>
                            <p>{step.why}</p>
                        </li>
                    }).collect_view()}
                </ol>
            </section>
            <crate::pages::share::ShareThisResult result=result.clone() />
            <div class="actions">
                <a class="button primary" href=href(&format!("report/{}", result.id))>"Open your personal report"</a>
                <a class="button" href=href("quiz")>"Take the quiz again"</a>
                <a class="button" href=href("progress")>"See your progress"</a>
            </div>
        }
        .into_any()
    }
}

/// The personal report: the result, what it means, a four-week plan and the
/// history chart, laid out to print cleanly.
#[component]
pub fn ReportPage() -> impl IntoView {
    let params = use_params_map();
    let history = use_results().history();
    let copied = RwSignal::new(None::<&'static str>);
    move || {
        let wanted = params.read().get("id");
        let result = history.with(|h| match &wanted {
            Some(id) => h.get(id).cloned(),
            None => h.latest().cloned(),
        });
        let Some(result) = result else {
            return match wanted {
                Some(_) => view! { <MissingResult /> }.into_any(),
                None => view! {
                    <Title text=content::route_page("report").title />
                    <crate::views::openings::ReportOpening />
                }
                .into_any(),
            };
        };
        let region = result.region();
        let words = content::region_words(region);
        let trail = history.with(|h| trail_of(h, &result.id));
        let own = own_answers(&result);
        let all_of_focus: Vec<QuizResult> =
            history.with(|h| h.of_focus(result.focus).into_iter().cloned().collect());
        let refs: Vec<&QuizResult> = trail.iter().collect();
        let texts: Vec<(&str, Vec<&str>)> = words
            .plan
            .iter()
            .map(|w| (w.title, w.practices.iter().map(|p| p.text).collect()))
            .collect();
        let plan: Vec<(&str, &[&str])> = texts.iter().map(|(t, p)| (*t, p.as_slice())).collect();
        let summary = Summary {
            result: &result,
            date: &clock::date(result.taken_at),
            meaning: words.meaning,
            plan: &plan,
            trail: report::describe_trail(&refs, clock::date),
            caution: answer_check(&result)
                .may_not_reflect()
                .then_some("These answers may not reflect you: see the note on the result page."),
        }
        .to_text();
        let copy = move |_| {
            let summary = summary.clone();
            leptos::task::spawn_local(async move {
                copied.set(Some(if crate::browser::share_sheet::copy(&summary).await {
                    "Summary copied. It is on your clipboard only; paste it wherever you like."
                } else {
                    "This browser did not allow copying. You can select the text of the report instead."
                }));
            });
        };
        view! {
            <Title text="Personal report" />
            <article class="report">
                <h1>"Your personal report"</h1>
                <p class="result-meta">{format!("{} · about {} · made on this device by Steady", clock::date(result.taken_at), result.focus.label().to_lowercase())}</p>
                <div class="actions no-print">
                    <button type="button" class="button primary" on:click=move |_| { let _ = window().print(); }>"Print or save as PDF"</button>
                    <button type="button" class="button" on:click=copy>"Copy summary"</button>
                </div>
                <p class="no-print" role="status">{move || copied.get()}</p>
                <EarlierBank result=result.clone() />
                <CareNote />
                <AnswerCheckNote result=result.clone() />
                <section aria-labelledby="report-result">
                    <h2 id="report-result">"Your result"</h2>
                    <div class="result-grid">
                        <AttachmentPlane trail=trail id="report-plane" />
                        <ScoreList result=result.clone() />
                    </div>
                </section>
                <section aria-labelledby="report-meaning">
                    {if answer_check(&result).may_not_reflect() {
                        view! { <NoStyleNamed heading_id="report-meaning" /> }.into_any()
                    } else {
                        view! {
                            <h2 id="report-meaning">{format!("What it means: closest to {}", report::closest_style(result.scores).to_lowercase())}</h2>
                            {report::describe_tie(result.scores).map(|tie| view! { <p>{tie}</p> })}
                            <p>{words.meaning}</p>
                            <p>{THE_LINE}</p>
                            {result.scores.is_near_boundary().then(|| view! { <p>{words.near_boundary}</p> })}
                            <h3>"Strengths"</h3>
                            <FromAnswersThenStyle rated=own.most_secure.clone() focus=result.focus own_intro=MOST_SECURE style=words.strengths />
                            <h3>"Growth edges"</h3>
                            <FromAnswersThenStyle rated=own.least_secure.clone() focus=result.focus own_intro=LEAST_SECURE style=words.growth_edges />
                        }.into_any()
                    }}
                </section>
                <section aria-labelledby="report-plan">
                    <h2 id="report-plan">"Your four-week practice plan"</h2>
                    <ol class="plan">
                        {words.plan.iter().map(|week| view! {
                            <li class="plan-week">
                                <h3>{week.title}</h3>
                                <ul>{week.practices.iter().map(|p| view! {
                                    <li>
                                        {p.text}
                                        {p.tool().map(|tool| view! {
                                            " "<a class="plan-tool" href=href(&format!("practice/{}", tool.slug()))>{format!("Open \u{201c}{}\u{201d}", tool.name())}</a>
                                        })}
                                    </li>
                                }).collect_view()}</ul>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
                <section aria-labelledby="report-history">
                    <h2 id="report-history">"Your history"</h2>
                    {if all_of_focus.len() > 1 {
                        view! { <TrendChart results=all_of_focus label=format!("Scores {}", result.focus.short()) /> }.into_any()
                    } else {
                        view! { <p>"This is your first result for this focus. Take the quiz again in a few weeks and your trail will show here."</p> }.into_any()
                    }}
                </section>
                <crate::pages::share::ShareThisResult result=result.clone() />
                <section aria-labelledby="report-support">
                    <h2 id="report-support">"Support"</h2>
                    <p>"Change of this kind is often easier with company. A therapist trained in attachment-based work can help; in a crisis, call your local emergency number or a crisis line (Steady's \u{201c}Need help now?\u{201d} page lists several)."</p>
                </section>
            </article>
        }
        .into_any()
    }
}
