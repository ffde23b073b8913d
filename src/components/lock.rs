//! The optional lock: the page that asks for the passphrase when Steady
//! opens, and the settings on the Your data page to turn it on, change it,
//! or turn it off. The work is in `store` (what is sealed) and `crypto`.

use leptos::prelude::*;

use crate::domain::lock::AutoLock;
use crate::routes::Tool;
use leptos::task::spawn_local;

use crate::browser::paths::href;
use crate::components::focus::focus_after_render;
use crate::components::title::Title;
use crate::domain::lock::Passphrase;
use crate::state::lock::{self, LockProblem, LockState, Opened};

/// Said wherever a passphrase is chosen: there is no way back without it.
const NO_RECOVERY: &str = "If you forget the passphrase, nobody can recover what it protects: not Steady, not the people who made it, not your browser. Keep a backup somewhere safe, or write the passphrase down where only you can find it.";

/// A password box with a label and a "show" switch, so the person can check
/// what they typed. Pasting always works (a password manager may fill it).
#[component]
fn PassphraseInput(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    /// `current-password` to open, `new-password` to choose.
    autocomplete: &'static str,
    shown: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field-label" for=id>{label}</label>
            <input
                id=id
                type=move || if shown.get() { "text" } else { "password" }
                autocomplete=autocomplete
                spellcheck="false"
                autocapitalize="off"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

#[component]
fn ShowSwitch(id: &'static str, shown: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="choice" for=id>
            <input id=id type="checkbox" prop:checked=move || shown.get() on:change=move |_| shown.update(|s| *s = !*s) />
            "Show what I type"
        </label>
    }
}

/// Shown instead of every page but Help while the lock is closed.
#[component]
pub fn UnlockPage(
    /// Called with the keys that could not be opened (kept aside).
    on_open: Callback<Opened>,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let shown = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let damaged = match lock::lock_state() {
        LockState::Damaged(why) => Some(why),
        _ => None,
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(typed) = Passphrase::entered(&passphrase.get_untracked()) else {
            problem.set(Some("Type your passphrase first.".into()));
            focus_after_render("unlock-passphrase");
            return;
        };
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let opened = lock::unlock(&typed).await;
            busy.set(false);
            match opened {
                Ok(opened) => {
                    passphrase.set(String::new());
                    on_open.run(opened);
                }
                Err(e) => {
                    problem.set(Some(e.to_string()));
                    focus_after_render("unlock-passphrase");
                }
            }
        });
    };
    view! {
        <Title text="Steady is locked" />
        <h1>"Steady is locked"</h1>
        {match damaged {
            Some(why) => view! {
                <p class="warning" role="alert">{format!("The lock's settings on this device could not be read ({why}), so your locked data cannot be opened here. Nothing has been changed. If you have a backup, you can erase Steady's data below and restore it.")}</p>
                <CalmWithoutPassphrase />
            }.into_any(),
            None => view! {
                <p class="lede">"Your journal, quiz results and progress are encrypted on this device. Enter your passphrase to open them. It is checked here, in this browser; it is never sent anywhere."</p>
                <CalmWithoutPassphrase />
                <form class="unlock-form" on:submit=submit>
                    <PassphraseInput id="unlock-passphrase" label="Passphrase" value=passphrase autocomplete="current-password" shown />
                    <ShowSwitch id="unlock-show" shown />
                    <button type="submit" class="button primary" aria-disabled=move || busy.get().to_string()>
                        {move || if busy.get() { "Opening\u{2026}" } else { "Unlock" }}
                    </button>
                    <p role="status" class="unlock-status">
                        {move || busy.get().then_some("Checking the passphrase. This takes a moment on purpose, to slow down anyone guessing.")}
                    </p>
                    <p role="alert" class="form-problem">{move || problem.get()}</p>
                </form>
            }.into_any(),
        }}
        <p>"Learning pages and "<a href=href("help")>"help in a crisis"</a>" work without the passphrase too."</p>
        <ForgotPassphrase />
    }
}

/// The tools for a hard moment open without the passphrase: someone
/// flooded should not have to type eight characters before they can breathe.
#[component]
fn CalmWithoutPassphrase() -> impl IntoView {
    view! {
        <section class="calm-now" aria-labelledby="calm-now-heading">
            <h2 id="calm-now-heading">"Need a moment first?"</h2>
            <p>"These open without your passphrase:"</p>
            <ul class="calm-links">
                {Tool::ALL.into_iter().filter(|t| t.in_the_moment()).map(|t| view! {
                    <li><a class="button quiet" href=href(&format!("practice/{}", t.slug()))>{t.name()}</a></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// How long Steady may sit unused before it locks itself; remembered on
/// this device.
#[component]
fn AutoLockSetting() -> impl IntoView {
    let choice = lock::use_auto_lock();
    let problem = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev)
            .parse()
            .ok()
            .and_then(AutoLock::from_minutes)
            .unwrap_or_default();
        problem.set(
            choice
                .set(picked)
                .err()
                .map(|e| format!("{e} The setting was not changed.")),
        );
    };
    view! {
        <div class="field">
            <label class="field-label" for="auto-lock">"Lock by itself"</label>
            <select id="auto-lock" on:change=on_change>
                {AutoLock::CHOICES.into_iter().map(|c| view! {
                    <option value=c.minutes().to_string() selected=move || choice.get() == c>{c.label()}</option>
                }).collect_view()}
            </select>
            <p class="hint">"Counted from your last tap or key press, and not while a breathing, body scan or wait timer runs. What you are writing in the journal or a practice tool is kept, encrypted, and is back when you unlock."</p>
            <p role="alert" class="form-problem">{move || problem.get()}</p>
        </div>
    }
}

/// The honest way out when the passphrase is gone: start again.
#[component]
fn ForgotPassphrase() -> impl IntoView {
    let asking = RwSignal::new(false);
    let erase = move |_| {
        crate::state::data::erase_everything(None);
        // Start fresh, with nothing locked.
        let _ = window().location().reload();
    };
    view! {
        <details class="forgot">
            <summary>"Forgot your passphrase?"</summary>
            <p>"Steady cannot recover it. The passphrase is the only key to your encrypted data and it is not stored anywhere, so there is no reset link and no back door. You can keep trying, as often as you like."</p>
            <p>"If you have a backup file, you can erase Steady's data on this device and then restore the backup on the Your data page. Erasing removes the locked data for good."</p>
            {move || if asking.get() {
                view! {
                    <div class="confirm" role="group" aria-labelledby="forgot-erase-question">
                        <p id="forgot-erase-question"><strong>"Erase all of Steady's data on this device, including everything locked?"</strong></p>
                        <button type="button" class="button danger" on:click=erase>"Yes, erase and start again"</button>
                        <button type="button" class="button quiet" on:click=move |_| asking.set(false)>"Cancel"</button>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" class="button" on:click=move |_| asking.set(true)>"Erase and start again\u{2026}"</button> }.into_any()
            }}
        </details>
    }
}

/// What the lock section is doing, for the busy text and the result.
#[derive(Clone, Copy, PartialEq)]
enum LockTask {
    TurningOn,
    Changing,
    TurningOff,
}

/// The lock settings on the Your data page.
#[component]
pub fn LockSection(
    /// Whether the lock is on; the erase section turns it off too.
    on: RwSignal<bool>,
) -> impl IntoView {
    let busy = RwSignal::new(None::<LockTask>);
    let message = RwSignal::new(None::<(bool, String)>);
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let understood = RwSignal::new(false);
    let shown = RwSignal::new(false);
    let clear = move || {
        current.set(String::new());
        new.set(String::new());
        again.set(String::new());
        understood.set(false);
    };

    let run = move |task: LockTask| {
        if busy.get_untracked().is_some() {
            return;
        }
        let chosen = match task {
            LockTask::TurningOff => None,
            _ => match Passphrase::choose(&new.get_untracked(), &again.get_untracked()) {
                Ok(p) => Some(p),
                Err(why) => {
                    message.set(Some((false, why)));
                    return;
                }
            },
        };
        if task == LockTask::TurningOn && !understood.get_untracked() {
            message.set(Some((
                false,
                "Tick the box to say you have read what happens if the passphrase is forgotten."
                    .into(),
            )));
            return;
        }
        let old = match task {
            LockTask::TurningOn => None,
            _ => match Passphrase::entered(&current.get_untracked()) {
                Some(p) => Some(p),
                None => {
                    message.set(Some((false, "Type your current passphrase first.".into())));
                    return;
                }
            },
        };
        busy.set(Some(task));
        message.set(None);
        spawn_local(async move {
            let done: Result<(), LockProblem> = match (task, old, chosen) {
                (LockTask::TurningOn, _, Some(new)) => lock::turn_on(&new).await,
                (LockTask::Changing, Some(old), Some(new)) => {
                    lock::change_passphrase(&old, &new).await
                }
                (LockTask::TurningOff, Some(old), _) => lock::turn_off(&old).await,
                _ => Ok(()),
            };
            busy.set(None);
            match done {
                Ok(()) => {
                    clear();
                    on.set(lock::lock_state() != LockState::Off);
                    message.set(Some((
                        true,
                        match task {
                            LockTask::TurningOn => "The lock is on. Your data is encrypted on this device, and Steady will ask for the passphrase next time it opens.",
                            LockTask::Changing => "The passphrase was changed, and everything was encrypted again with the new one.",
                            LockTask::TurningOff => "The lock is off. Your data is stored without encryption again, and Steady opens without a passphrase.",
                        }
                        .into(),
                    )));
                }
                Err(e) => message.set(Some((false, e.to_string()))),
            }
        });
    };
    let busy_text = move || {
        busy.get().map(|task| match task {
            LockTask::TurningOn => "Encrypting your data\u{2026}",
            LockTask::Changing => "Checking the passphrase and encrypting again\u{2026}",
            LockTask::TurningOff => "Checking the passphrase and decrypting\u{2026}",
        })
    };
    let lock_now = move |_| lock::lock_now();

    view! {
        <section aria-labelledby="lock-heading">
            <h2 id="lock-heading">"Lock with a passphrase"</h2>
            <p class="hint lock-scope">{crate::content::LOCK_SCOPE}</p>
            {move || if on.get() {
                view! {
                    <p>"The lock is on. Your journal, drafts, quiz answers and results, self-checks and plan are encrypted on this device (AES-GCM, with a key made from your passphrase). Steady asks for the passphrase each time it opens."</p>
                    <p class="hint">"The colour theme and the date of your last backup are not encrypted; they say nothing about you."</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=lock_now>"Lock now"</button>
                    </div>
                    <AutoLockSetting />
                    <form class="lock-form" on:submit=move |ev| { ev.prevent_default(); run(LockTask::Changing); }>
                        <PassphraseInput id="lock-current" label="Current passphrase" value=current autocomplete="current-password" shown />
                        <ShowSwitch id="lock-show" shown />
                        <fieldset class="lock-change">
                            <legend>"Change the passphrase"</legend>
                            <PassphraseInput id="lock-new" label="New passphrase (at least 8 characters)" value=new autocomplete="new-password" shown />
                            <PassphraseInput id="lock-again" label="New passphrase again" value=again autocomplete="new-password" shown />
                            <p class="hint">{NO_RECOVERY}</p>
                            <button type="submit" class="button primary">"Change the passphrase"</button>
                        </fieldset>
                        <fieldset class="lock-change">
                            <legend>"Turn the lock off"</legend>
                            <p class="hint">"Everything is decrypted and stored as it was before the lock. Needs the current passphrase above."</p>
                            <button type="button" class="button" on:click=move |_| run(LockTask::TurningOff)>"Turn the lock off"</button>
                        </fieldset>
                    </form>
                }.into_any()
            } else {
                view! {
                    <p>"Anyone who can open this browser can read Steady's data. A passphrase encrypts your journal, drafts, quiz answers and results, self-checks and plan on this device, and Steady will ask for it each time it opens."</p>
                    <p class="warning">{NO_RECOVERY}</p>
                    <form class="lock-form" on:submit=move |ev| { ev.prevent_default(); run(LockTask::TurningOn); }>
                        <PassphraseInput id="lock-new" label="New passphrase (at least 8 characters)" value=new autocomplete="new-password" shown />
                        <PassphraseInput id="lock-again" label="New passphrase again" value=again autocomplete="new-password" shown />
                        <ShowSwitch id="lock-show" shown />
                        <label class="choice" for="lock-understood">
                            <input id="lock-understood" type="checkbox" prop:checked=move || understood.get() on:change=move |_| understood.update(|u| *u = !*u) />
                            "I understand that a forgotten passphrase cannot be recovered."
                        </label>
                        <button type="submit" class="button primary">"Turn the lock on"</button>
                    </form>
                }.into_any()
            }}
            <p role="status" class="lock-status">{busy_text}</p>
            <div role="status" class="lock-result">
                {move || message.get().map(|(ok, text)| view! { <p class=if ok { "success" } else { "warning" }>{text}</p> })}
            </div>
        </section>
    }
}
