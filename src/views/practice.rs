//! The practice hub, each tool's opening, and the 0-10 intensity scale most
//! tools start with.

use leptos::prelude::*;

use crate::browser::paths::href;
use crate::content::PLAIN_BREATH;
use crate::content::{self, CARE_LINK, PRACTICE_NEEDS, route_page, tool_words};
use crate::domain::journal::Intensity;
use crate::domain::practice::breathing::{CYCLE, CYCLE_MS, phase_at};
use crate::routes::{HELP, Tool};

/// The id of the help page's section for people who feel unsafe with a
/// partner or family member (from its heading in `content/pages/help.md`;
/// a native test checks it exists).
pub const SAFE_WITH_SOMEONE: &str = "if-you-dont-feel-safe-with-someone";

/// The hub: every tool, sorted by need.
#[component]
pub fn Hub() -> impl IntoView {
    let words = route_page("practice");
    view! {
        <h1>{words.title}</h1>
        <p class="lead">{words.lead}</p>
        <p class="care-note">{words.care}" "<a href=href(HELP)>{CARE_LINK}</a>"."</p>
        {PRACTICE_NEEDS.iter().enumerate().map(|(n, need)| {
            let id = format!("need-{n}");
            view! {
                <section class="practice-need" aria-labelledby=id.clone()>
                    <h2 id=id.clone()>{need.title}</h2>
                    <ul class="card-list tool-cards">
                        {need.tools.iter().map(|slug| view! {
                            <li class="card">
                                <a class="tool-link" href=href(&format!("practice/{slug}"))>
                                    {Tool::from_slug(slug).map_or("", Tool::name)}
                                </a>
                                <p>{tool_words(slug).map(|w| w.summary)}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view()}
    }
}

/// A tool's opening: its title, a safety note first where the tool has one
/// (a couples' tool, or advice that holds only where you feel safe), its
/// introduction, and the care line. A tool for a hard moment
/// (`Tool::in_the_moment`) goes from the care line straight to the tool, so
/// Start is in a phone's first screen; its introduction, with the evidence,
/// follows the tool under [`WhyThisHelps`].
#[component]
pub fn ToolOpening(tool: Tool) -> impl IntoView {
    let words = content::tool_words(tool.slug());
    let lead = words.filter(|_| !tool.in_the_moment()).map(|w| w.intro);
    view! {
        <p class="breadcrumb"><a href=href("practice")>"Practice"</a></p>
        <h1>{tool.name()}</h1>
        {content::safety_note(tool.slug()).map(|note| view! {
            <p class="care-note safety-note" role="note">
                {note}" "
                <a href=format!("{}#{SAFE_WITH_SOMEONE}", href(HELP))>"If you don\u{2019}t feel safe with someone"</a>
            </p>
        })}
        {lead.map(|i| view! { <p class="lead">{i}</p> })}
        <p class="care-line">{content::CARE_LINE}" "<a href=href(HELP)>{CARE_LINK}</a>"."</p>
    }
}

/// A tool's page: its opening, `kept` (a kept draft's note, in the app),
/// the tool, and for a tool for a hard moment "Why this helps" after it.
#[component]
pub fn ToolFrame(tool: Tool, kept: impl IntoView + 'static, children: Children) -> impl IntoView {
    view! {
        <ToolOpening tool />
        {kept}
        <div class="tool">{children()}</div>
        <WhyThisHelps tool />
    }
}

/// A whole number of minutes, 1 to `max`, typed into `minutes` (checked
/// when the tool starts). The value attribute is for the static page, the
/// property once the app runs.
#[component]
fn MinutesField(
    label: &'static str,
    hint: &'static str,
    max: u32,
    minutes: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <span class="hint">{hint}</span>
            <input type="number" min="1" max=max step="1" inputmode="numeric"
                value=minutes.get_untracked()
                prop:value=move || minutes.get() on:input=move |ev| minutes.set(event_target_value(&ev)) />
        </label>
    }
}

/// Breathing before Start: the length, how strong the feeling is, and
/// Start; `status` and `settings` follow Start.
#[component]
pub fn BreathingSetup(
    minutes: RwSignal<String>,
    intensity: impl IntoView + 'static,
    /// The app's Start button, or the plain page's link to its guide.
    start: impl IntoView + 'static,
    status: impl IntoView + 'static,
    settings: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <div class="tool-setup" id=BREATHING_SETUP tabindex="-1">
            <MinutesField
                label="Length in minutes"
                hint="1 to 20. If you feel dizzy, stop and breathe normally."
                max=20
                minutes
            />
            {intensity}
            <div class="actions">
                {start}
            </div>
            {status}
            {settings}
        </div>
    }
}

/// The body scan before Start: how long it takes, how tense you feel, Start,
/// and the note on stopping; `settings` follow.
#[component]
pub fn BodyScanSetup(
    intensity: impl IntoView + 'static,
    on_start: impl Fn() + 'static,
    settings: impl IntoView + 'static,
) -> impl IntoView {
    let regions = content::BODY_SCAN;
    let minutes = regions.iter().map(|s| s.seconds).sum::<u32>().div_ceil(60);
    view! {
        <div class="tool-setup">
            <p>{format!("About {minutes} minutes, {} regions. It moves on by itself at a gentle pace; you can pause, go on early or stop at any time.", regions.len())}</p>
            {intensity}
            <div class="actions"><button type="button" class="button primary" on:click=move |_| on_start()>"Start the body scan"</button></div>
            // Beside Start, where it is read before the scan begins,
            // without pushing Start below a phone's first screen.
            {content::tool_words(Tool::BodyScan.slug()).and_then(|w| w.before_you_start).map(|note| view! {
                <p class="care-note stop-note">{note}</p>
            })}
            {settings}
        </div>
    }
}

/// Where a tool says what it saved, read out as it appears; it keeps its
/// place while empty, so the tool below does not move when it fills.
#[component]
pub fn FormStatus(message: impl IntoView + 'static) -> impl IntoView {
    view! { <div class="form-status" role="status">{message}</div> }
}

/// The wait before Start: what you want to do, for how long, how strong the
/// urge is, Start, and the note beside it; `more` follows (the urge chips,
/// the end-of-time settings, the status, in the app).
#[component]
pub fn WaitSetup(
    urge: RwSignal<String>,
    minutes: RwSignal<String>,
    intensity: impl IntoView + 'static,
    on_start: impl Fn() + 'static,
    more: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <form class="tool-setup" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            on_start();
        }>
            <label class="field">
                <span class="field-label">"What do you want to do right now?"</span>
                <span class="hint">"In a few words, just as it is."</span>
                <input id="urge" type="text" maxlength="1000"
                    prop:value=move || urge.get() on:input=move |ev| urge.set(event_target_value(&ev)) />
            </label>
            <MinutesField
                label="Wait for how many minutes?"
                hint="Ten is a good start. 1 to 120; you can add time later."
                max=120
                minutes
            />
            {intensity}
            <div class="actions">
                <button type="submit" class="button primary">"Start waiting"</button>
            </div>
            // Beside Start, where it is read before the wait begins, without
            // pushing Start below a phone's first screen.
            {content::tool_words(Tool::Wait.slug()).and_then(|w| w.before_you_start).map(|note| view! {
                <p class="care-note stop-note">{note}</p>
            })}
            {more}
        </form>
    }
}

/// A tool for a hard moment's introduction, after the tool.
#[component]
pub fn WhyThisHelps(tool: Tool) -> impl IntoView {
    let why = content::tool_words(tool.slug()).filter(|_| tool.in_the_moment());
    why.map(|w| {
        view! {
            <details class="why-this-helps">
                <summary>"Why this helps"</summary>
                <p>{w.intro}</p>
            </details>
        }
    })
}

/// The 0-10 scale as one row of eleven radio buttons, so a rating is one
/// tap, not a dropdown: each at least 44 px, one tab stop, arrows move and
/// choose (native radios in a fieldset). "Clear" takes a rating back
/// (`on_change(None)`), since the rating is optional and a radio cannot be
/// unticked. `id` names the fieldset, and the group's radios by `name`.
#[component]
pub fn IntensityScale(
    #[prop(into)] id: String,
    label: &'static str,
    #[prop(into)] value: Signal<Option<Intensity>>,
    on_change: Callback<Option<Intensity>>,
) -> impl IntoView {
    let name = id.clone();
    view! {
        <fieldset class="field intensity-field" id=id>
            <legend class="field-label">{label}" "<span class="optional">"(optional)"</span></legend>
            <div class="intensity-scale">
                {Intensity::all().map(|i| {
                    let n = i.value();
                    // The ends say what they mean to a screen reader too.
                    let end = match n { 0 => ", none", 10 => ", as strong as it gets", _ => "" };
                    view! {
                        <label class="intensity-option">
                            <input type="radio" name=name.clone() id=format!("{name}-{n}") value=n.to_string()
                                prop:checked=move || value.get() == Some(i)
                                on:change=move |_| on_change.run(Some(i)) />
                            <span class="intensity-number">{n.to_string()}<span class="visually-hidden">{end}</span></span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <p class="scale-ends" aria-hidden="true"><span>"0: none"</span><span>"10: as strong as it gets"</span></p>
            {move || value.get().is_some().then(|| view! {
                <button type="button" class="link-button" on:click=move |_| on_change.run(None)>
                    "Clear"<span class="visually-hidden">" the rating: "{label}</span>
                </button>
            })}
        </fieldset>
    }
}

/// The id of breathing's setup, where the plain guide's Stop goes.
pub const BREATHING_SETUP: &str = "breathing-setup";
/// The id of the plain page's breath guide: `practice/breathing#breathe`
/// shows it, and the app, arriving there, carries the breath on.
pub const PLAIN_BREATH_ID: &str = "breathe";
/// The stylesheet `steady-render` writes for the plain guide
/// ([`plain_breath_css`]); a page showing the guide links it.
pub const PLAIN_BREATH_CSS: &str = "breath.css";

/// The app's Start for breathing.
#[component]
pub fn StartBreathing(on_start: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="button primary" on:click=move |_| on_start()>{PLAIN_BREATH.start}</button>
    }
}

/// The plain page's Start for a breath: a link to the guide on the same
/// page (`route`), saying `label`.
#[component]
pub fn PlainStartBreathing(route: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <a class="button primary" href=format!("{}#{PLAIN_BREATH_ID}", href(route))>{label}</a>
    }
}

/// "I'm activated"'s Start for its minute of breathing.
pub const START_A_MINUTE: &str = "Start a minute of breathing";

/// The opening of a step of "I'm activated": where it is in the run, its
/// title (which takes focus when the step changes) and what it asks.
#[component]
pub fn ActivatedStepOpening(
    n: usize,
    of: usize,
    title: &'static str,
    text: &'static str,
) -> impl IntoView {
    view! {
        <p class="meta">{format!("Step {n} of {of}")}</p>
        <h2 id=ACTIVATED_STEP tabindex="-1">{title}</h2>
        <p>{text}</p>
    }
}

/// The id of the heading of "I'm activated"'s step.
pub const ACTIVATED_STEP: &str = "activated-step";

/// Breathing as a plain page: a circle and the words of each part of the
/// breath, timed by CSS (`breath.css`, from the domain's cycle), shown by
/// `:target` before the app has loaded. With reduced motion the circle is
/// hidden and the words remain. The timer and saving come with the app,
/// which carries the breath on at the same point. `route` is the page it is
/// on; Stop goes back to `back`, an id there.
#[component]
pub fn PlainBreath(route: &'static str, back: &'static str) -> impl IntoView {
    view! {
        <section class="plain-breath" id=PLAIN_BREATH_ID tabindex="-1" aria-labelledby="plain-breath-heading">
            <h2 id="plain-breath-heading">{PLAIN_BREATH.heading}</h2>
            <div class="breath-stage" aria-hidden="true">
                <div class="breath-circle plain-circle"></div>
            </div>
            <p class="plain-words moment-word" aria-hidden="true">
                {CYCLE.iter().map(|(phase, _)| view! { <span class=format!("plain-{}", phase.class())>{phase.word()}</span> }).collect_view()}
            </p>
            <ol class="plain-cues">
                {CYCLE.iter().map(|(phase, _)| view! { <li class=format!("plain-{}", phase.class())>{phase.cue()}</li> }).collect_view()}
            </ol>
            <p class="hint">{PLAIN_BREATH.note}</p>
            <a class="button" href=format!("{}#{back}", href(route))>{PLAIN_BREATH.stop}</a>
        </section>
    }
}

/// The circle's CSS scale for how full the breath is (0 to 1), written with
/// integers: printing an `f64` with a precision would bring about 5 KB of
/// float formatting into the wasm for this one style.
pub fn circle_scale(fullness: f64) -> String {
    let permille = (450.0 + 550.0 * fullness.clamp(0.0, 1.0)).round() as u32;
    format!("scale({}.{:03})", permille / 1000, permille % 1000)
}

/// The plain guide's stylesheet, from the domain's cycle: the circle's size
/// at each phase's start (as the app's guide draws it), and each phase's
/// words shown for exactly its part of the cycle. CSS, because the page's
/// policy allows no inline style.
pub fn plain_breath_css() -> String {
    let cycle_ms = CYCLE_MS;
    let mut circle = String::new();
    let mut words = String::new();
    let mut at = 0.0;
    for (phase, length) in CYCLE {
        let (start, end) = (at / cycle_ms * 100.0, (at + length) / cycle_ms * 100.0);
        circle += &format!(
            "  {start}% {{ transform: {}; }}\n",
            circle_scale(phase_at(at).fullness)
        );
        let class = phase.class();
        let shown = if start == 0.0 {
            "0% { opacity: 1; }".to_string()
        } else {
            format!("0% {{ opacity: 0; }} {start}% {{ opacity: 1; }}")
        };
        words += &format!(
            "@keyframes plain-{class} {{ {shown} {end}% {{ opacity: 0; }} }}\n\
             .plain-breath .plain-{class} {{ opacity: 0; animation: plain-{class} {cycle_ms}ms step-end infinite; }}\n"
        );
        at += length;
    }
    circle += &format!(
        "  100% {{ transform: {}; }}\n",
        circle_scale(phase_at(cycle_ms).fullness)
    );
    format!(
        "/* Written by steady-render from domain::practice::breathing::CYCLE. */\n\
         @keyframes plain-breath {{\n{circle}}}\n\
         .plain-breath .plain-circle {{ transition: none; animation: plain-breath {cycle_ms}ms linear infinite; }}\n{words}\
         /* A word that changes is not motion: with reduced motion the words go on. */\n\
         @media (prefers-reduced-motion: reduce) {{\n  .plain-breath :is(.plain-words span, .plain-cues li) {{ animation-duration: {cycle_ms}ms !important; animation-iteration-count: infinite !important; }}\n}}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::plain_breath_css;

    #[test]
    fn the_plain_guide_keeps_the_domains_timings() {
        let css = plain_breath_css();
        // In for 2.5 s, again for 1 s, out for 6.5 s, of a 10 s cycle: the
        // circle full at the second breath's end, the words each in turn.
        assert!(css.contains("0% { transform: scale(0.450); }"), "{css}");
        assert!(css.contains("25% { transform: scale(0.890); }"), "{css}");
        assert!(css.contains("35% { transform: scale(1.000); }"), "{css}");
        assert!(css.contains("100% { transform: scale(0.450); }"), "{css}");
        assert!(
            css.contains("@keyframes plain-phase-in { 0% { opacity: 1; } 25% { opacity: 0; } }"),
            "{css}"
        );
        assert!(css.contains("@keyframes plain-phase-top-up { 0% { opacity: 0; } 25% { opacity: 1; } 35% { opacity: 0; } }"), "{css}");
        assert!(css.contains("@keyframes plain-phase-out { 0% { opacity: 0; } 35% { opacity: 1; } 100% { opacity: 0; } }"), "{css}");
        assert_eq!(css.matches("10000ms").count(), 5, "{css}");
    }
}
