//! `share#<code>`: a result someone shared, drawn beside the reader's own.
//!
//! The code after `#` never reaches a server; it is read here and nothing is
//! stored unless the reader chooses "Keep this on my device". Without a
//! code, the page lists the comparisons kept on this device.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::browser::clock;
use crate::browser::paths::href;
use crate::browser::share_sheet;
use crate::components::care::CareNote;
use crate::components::charts::PairPlane;
use crate::components::practice::SAFE_WITH_SOMEONE;
use crate::components::title::Title;
use crate::content;
use crate::domain::history::QuizResult;
use crate::domain::share::{self, KeptComparisons, PairPattern, SharedResult};
use crate::routes::HELP;
use crate::state::comparisons;
use crate::state::notices::use_notices;
use crate::state::use_results;

const ROUTE: &str = "share";

/// The code after `#`, as the router sees it (it changes when another link is
/// opened in the same tab).
fn fragment() -> Memo<String> {
    let location = use_location();
    Memo::new(move |_| location.hash.get().trim_start_matches('#').to_string())
}

/// The link to a shared result, relative to this page's base.
pub fn link_to(shared: &SharedResult) -> String {
    format!("{}#{}", href(ROUTE), shared.encode())
}

/// With the lock open: the shared point, the reader's own beside it, and
/// "Keep this on my device".
#[component]
pub fn SharePage() -> impl IntoView {
    let code = fragment();
    let history = use_results().history();
    let kept = RwSignal::new(comparisons::load());
    move || {
        let code = code.get();
        if code.is_empty() {
            return view! { <KeptList kept /> }.into_any();
        }
        match SharedResult::decode(&code) {
            Err(problem) => view! { <BadLink problem=problem.to_string() /> }.into_any(),
            Ok(shared) => {
                let mine = history.with(|h| own_point(h.all(), &shared));
                view! { <Shared shared mine keep=Some(kept) /> }.into_any()
            }
        }
    }
}

/// While locked: the shared point alone (it holds nothing of the reader's),
/// and the unlock form in place when the reader wants their own beside it.
#[component]
pub fn LockedSharePage(on_open: Callback<crate::state::lock::Opened>) -> impl IntoView {
    let code = fragment();
    let unlocking = RwSignal::new(false);
    move || {
        if unlocking.get() {
            return view! { <crate::components::lock::UnlockPage on_open /> }.into_any();
        }
        let code = code.get();
        let shared = match SharedResult::decode(&code) {
            Ok(shared) => shared,
            Err(problem) if !code.is_empty() => {
                return view! { <BadLink problem=problem.to_string() /> }.into_any();
            }
            Err(_) => {
                return view! {
                    <Opening />
                    <p>"Steady is locked on this device, so the comparisons kept here stay sealed until you open it."</p>
                    <button type="button" class="button primary" on:click=move |_| unlocking.set(true)>"Unlock Steady"</button>
                }
                .into_any();
            }
        };
        view! {
            <Shared shared mine=None keep=None />
            <section aria-labelledby="locked-heading" class="share-panel">
                <h2 id="locked-heading">"Your own result is locked"</h2>
                <p>"Steady is locked on this device. To see your own latest result beside this one, or to keep this comparison, unlock it with your passphrase. This page and its link stay open."</p>
                <button type="button" class="button primary" on:click=move |_| unlocking.set(true)>"Unlock to compare"</button>
            </section>
        }
        .into_any()
    }
}

/// The reader's latest result of the same focus as the shared one, or else
/// their latest of any focus.
fn own_point(results: &[QuizResult], shared: &SharedResult) -> Option<QuizResult> {
    results
        .iter()
        .rev()
        .find(|r| r.focus == shared.focus)
        .or(results.last())
        .cloned()
}

/// The page's title, `<h1>` and lead, as its static page shows them.
#[component]
fn Opening() -> impl IntoView {
    let page = content::route_page(ROUTE);
    view! {
        <Title text=page.title />
        <crate::views::openings::RouteOpening route=ROUTE />
    }
}

#[component]
fn BadLink(problem: String) -> impl IntoView {
    view! {
        <Title text="This shared link cannot be read" />
        <h1>"This shared link cannot be read"</h1>
        <p class="problem" role="alert">{problem}</p>
        <p>
            <a href=href("quiz")>"Take the quiz yourself"</a>
            " or "
            <a href=href(ROUTE)>"see the comparisons kept on this device"</a>
            "."
        </p>
    }
}

/// A short label for the shared point: "Sam's result" or "A shared result".
fn their(shared: &SharedResult) -> String {
    match &shared.name {
        Some(name) => format!("{}\u{2019}s point", name.as_str()),
        None => "Their point".to_string(),
    }
}

#[component]
fn Shared(
    shared: SharedResult,
    mine: Option<QuizResult>,
    keep: Option<RwSignal<KeptComparisons>>,
) -> impl IntoView {
    let scores = mine.as_ref().map(|m| m.scores);
    let description = share::describe_pair(&shared, scores);
    let who = shared
        .name
        .as_ref()
        .map_or("Shared point".to_string(), |n| n.as_str().to_string());
    let date = clock::date(shared.day.noon_utc_ms());
    let by = shared
        .name
        .as_ref()
        .map(|n| format!("Shared by {} \u{b7} ", n.as_str()))
        .unwrap_or_default();
    let taken = if by.is_empty() { "Taken" } else { "taken" };
    let meta = format!(
        "{by}{taken} on {date} \u{b7} answered about {}",
        shared.focus.label().to_lowercase()
    );
    let pair = scores.map(|m| {
        let pattern = PairPattern::of(shared.scores, m);
        let words = content::pair_words(pattern);
        let safety = pattern
            .points_to_couple_material()
            .then(|| content::couple_safety("repair"))
            .flatten();
        view! {
            <section aria-labelledby="pair-heading">
                <h2 id="pair-heading">{words.heading}</h2>
                <p>{content::PAIR_NOTE}</p>
                {words.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                {safety.map(|note| view! {
                    <p class="care-note safety-note" role="note">
                        {note}" "
                        <a href=format!("{}#{SAFE_WITH_SOMEONE}", href(HELP))>"If you don\u{2019}t feel safe with someone"</a>
                    </p>
                })}
                <ul class="pair-links">
                    {words.links.iter().map(|(title, to)| view! { <li><a href=href(to)>{*title}</a></li> }).collect_view()}
                </ul>
            </section>
        }
    });
    let own = match &mine {
        Some(m) => view! {
            <p class="share-own">
                {format!("Your point is your latest result {}, from {}. ", m.focus.short(), clock::date(m.taken_at))}
                <a href=href("quiz")>"Take the quiz again"</a>
                " if it no longer fits."
            </p>
        }
        .into_any(),
        None => view! {
            <p class="share-offer">
                "There is no result of yours on this device to show beside it. "
                <a class="button primary" href=href("quiz")>"Take the quiz"</a>
            </p>
        }
        .into_any(),
    };
    let keep_panel = keep.map(|kept| view! { <KeepPanel shared=shared.clone() kept /> });
    view! {
        <Opening />
        <p class="result-meta">{meta}</p>
        <CareNote />
        <section aria-labelledby="points-heading">
            <h2 id="points-heading">{if mine.is_some() { "The two points" } else { "The shared point" }}</h2>
            <div class="result-grid">
                <PairPlane shared=shared.scores who=who mine=scores description=description />
                <dl class="score-list">
                    <div class="score">
                        <dt>{their(&shared)}</dt>
                        <dd data-shared-scores="">{format!("Anxiety {}, avoidance {}", shared.scores.anxiety, shared.scores.avoidance)}</dd>
                    </div>
                    {scores.map(|m| view! {
                        <div class="score">
                            <dt>"Your point"</dt>
                            <dd data-own-scores="">{format!("Anxiety {}, avoidance {}", m.anxiety, m.avoidance)}</dd>
                        </div>
                    })}
                </dl>
            </div>
            {own}
        </section>
        {pair}
        {keep_panel}
        <p class="share-privacy">"This page read the result from the link itself, on your device. Nothing was sent to any server."</p>
    }
}

#[component]
fn KeepPanel(shared: SharedResult, kept: RwSignal<KeptComparisons>) -> impl IntoView {
    let notices = use_notices();
    let status = RwSignal::new(None::<&'static str>);
    let save = move |next: KeptComparisons, done: &'static str| {
        spawn_local(async move {
            match comparisons::save(&next).await {
                Ok(()) => {
                    kept.set(next);
                    status.set(Some(done));
                }
                Err(not_saved) => notices.show(not_saved.to_string()),
            }
        });
    };
    let this = StoredValue::new(shared);
    let is_kept = move || kept.with(|k| this.with_value(|s| k.contains(s)));
    view! {
        <section aria-labelledby="keep-heading" class="share-panel">
            <h2 id="keep-heading">"Keep this comparison?"</h2>
            <p>"Nothing from this link has been saved. If you keep it, it is saved only in this browser: it goes into your backups, the lock seals it if you use one, and \u{201c}Erase everything\u{201d} removes it. Anyone who can open Steady on this device can see it."</p>
            {move || if is_kept() {
                view! {
                    <p class="kept-note">"Kept on this device."</p>
                    <button type="button" class="button" on:click=move |_| {
                        let mut next = kept.get_untracked();
                        this.with_value(|s| next.forget(s));
                        save(next, "Removed from this device.");
                    }>"Remove it from this device"</button>
                }
                .into_any()
            } else {
                view! {
                    <button type="button" class="button primary" on:click=move |_| {
                        let mut next = kept.get_untracked();
                        next.keep(this.get_value());
                        save(next, "Kept on this device.");
                    }>"Keep this on my device"</button>
                }
                .into_any()
            }}
            <p role="status">{move || status.get()}</p>
        </section>
    }
}

/// Without a code: the comparisons kept on this device.
#[component]
fn KeptList(kept: RwSignal<KeptComparisons>) -> impl IntoView {
    let notices = use_notices();
    view! {
        <Opening />
        <section aria-labelledby="kept-heading">
            <h2 id="kept-heading">"Kept on this device"</h2>
            {move || {
                let list = kept.get();
                if list.is_empty() {
                    return view! { <p>"No shared results are kept on this device. When someone sends you a link, open it here and choose \u{201c}Keep this on my device\u{201d} to find it again later."</p> }.into_any();
                }
                view! {
                    <ul class="kept-list">
                        {list.all().iter().cloned().map(|s| {
                            let label = format!("{} \u{b7} {} \u{b7} anxiety {}, avoidance {}", s.name.as_ref().map_or("Unnamed", |n| n.as_str()), clock::date(s.day.noon_utc_ms()), s.scores.anxiety, s.scores.avoidance);
                            let link = link_to(&s);
                            let forget = move |_| {
                                let mut next = kept.get_untracked();
                                next.forget(&s);
                                let s_next = next.clone();
                                spawn_local(async move {
                                    match comparisons::save(&s_next).await {
                                        Ok(()) => kept.set(s_next),
                                        Err(not_saved) => notices.show(not_saved.to_string()),
                                    }
                                });
                            };
                            view! {
                                <li>
                                    <a href=link>{label}</a>" "
                                    <button type="button" class="button" on:click=forget>"Remove"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <p><a href=href("quiz")>"Take the quiz"</a>" to share your own result."</p>
    }
}

/// The absolute link: origin, base and route, and the code after `#`.
fn absolute_link(shared: &SharedResult) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}", link_to(shared))
}

/// The day of `ms` in this device's calendar.
fn local_day(ms: f64) -> Option<share::ShareDay> {
    let offset_minutes =
        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)).get_timezone_offset();
    share::ShareDay::of_local_ms(ms - offset_minutes * 60_000.0)
}

/// "Share this result", on the result page and the report: an optional
/// name, the link with what it holds said beside it, and copy, the system
/// share sheet where there is one, or a QR code drawn here.
#[component]
pub fn ShareThisResult(result: QuizResult) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let show_qr = RwSignal::new(false);
    let day = local_day(result.taken_at);
    let shared = Memo::new(move |_| {
        let name = share::SharerName::parse(&name.get())?;
        // No day only for a result dated before 1970 or after 2149.
        Ok::<_, share::NameProblem>(day.map(|day| SharedResult {
            scores: result.scores,
            focus: result.focus,
            day,
            name,
        }))
    });
    let link = move || match shared.get() {
        Ok(Some(s)) => Some(absolute_link(&s)),
        _ => None,
    };
    let name_problem = move || shared.get().err().map(|e| e.to_string());
    let copy = move |_| {
        let Some(text) = link() else { return };
        spawn_local(async move {
            status.set(Some(if share_sheet::copy(&text).await {
                "Link copied. Paste it into a message to the person you choose.".into()
            } else {
                "This browser did not allow copying. Select the link above and copy it instead."
                    .into()
            }));
        });
    };
    let share_button = share_sheet::can_share().then(|| {
        let open_sheet = move |_| {
            let Some(url) = link() else { return };
            spawn_local(async move {
                // A closed sheet is the person's choice: nothing to say.
                let _ = share_sheet::share_link("A result I'm sharing with you", &url).await;
            });
        };
        view! { <button type="button" class="button" on:click=open_sheet>"Share\u{2026}"</button> }
    });
    let qr = move || {
        if !show_qr.get() {
            return None;
        }
        let (side, d) = share::qr_path(&link()?)?;
        Some(view! {
            <div class="share-qr">
                <svg viewBox=format!("0 0 {side} {side}") role="img" aria-label="QR code of the share link" shape-rendering="crispEdges">
                    <rect width=side height=side fill="#fff" />
                    <path d=d fill="#000" />
                </svg>
            </div>
        })
    };
    view! {
        <section aria-labelledby="share-heading" class="share-panel no-print">
            <h2 id="share-heading">"Share this result"</h2>
            <p id="share-what">
                "The link holds only your two scores, which relationship you answered about, the date and the name you type below, if any. Your answers and your journal are never in it. It is not sent to any server: the part after # stays in the browser. But anyone who has the link can read what it holds, so send it only to someone you choose. A link that has been sent cannot be taken back. You never have to share your result."
            </p>
            <p>"If someone pressures you to share it, or checks your phone, that is not yours to carry alone: "<a href=format!("{}#{SAFE_WITH_SOMEONE}", href(HELP))>"the help page"</a>" lists people to talk to, in confidence."</p>
            <div class="field">
                <label class="field-label" for="share-name">"Your first name or a nickname (optional)"</label>
                <input id="share-name" type="text" maxlength="40" autocomplete="off"
                    aria-describedby="share-name-problem"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <p id="share-name-problem" class="problem">{name_problem}</p>
            <div class="field">
                <label class="field-label" for="share-link">"The link"</label>
                <input id="share-link" class="share-link" type="text" readonly
                    aria-describedby="share-what"
                    prop:value=move || link().unwrap_or_default() />
            </div>
            <div class="actions">
                <button type="button" class="button primary" on:click=copy>"Copy link"</button>
                {share_button}
                <button type="button" class="button" aria-expanded=move || show_qr.get().to_string()
                    on:click=move |_| show_qr.update(|s| *s = !*s)>
                    {move || if show_qr.get() { "Hide QR code" } else { "Show QR code" }}
                </button>
            </div>
            {qr}
            <p role="status">{move || status.get()}</p>
        </section>
    }
}
