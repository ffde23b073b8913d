//! Sections whose tools are still being built: each says plainly what will
//! live there, so nobody is left guessing.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::paths::href;

#[component]
fn SectionIntro(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <Title text=title />
        <h1>{title}</h1>
        <div class="section-intro">{children()}</div>
    }
}

#[component]
pub fn Quiz() -> impl IntoView {
    view! {
        <SectionIntro title="Attachment quiz">
            <p>
                "The quiz is being written: 36 statements of our own about closeness and worry in relationships, scored on the two research dimensions, anxiety and avoidance. Your answers will stay on this device."
            </p>
            <p>"Until it is ready, "<a href=href("learn")>"the library"</a>" explains the styles it will describe."</p>
        </SectionIntro>
    }
}

#[component]
pub fn Practice() -> impl IntoView {
    view! {
        <SectionIntro title="Practice">
            <p>
                "Tools for the moment are on their way here: guided breathing, a timer to wait before you text, three generous explanations, a trigger log, a body scan and repair scripts."
            </p>
            <p>"If you feel overwhelmed right now, "<a href=href("help")>"help is one tap away"</a>"."</p>
        </SectionIntro>
    }
}

#[component]
pub fn Journal() -> impl IntoView {
    view! {
        <SectionIntro title="Journal">
            <p>
                "Your private journal will live here: entries only you can read, saved on this device, with export so nothing is ever lost."
            </p>
        </SectionIntro>
    }
}

#[component]
pub fn Progress() -> impl IntoView {
    view! {
        <SectionIntro title="Progress">
            <p>
                "Once you have taken the quiz and used the practice tools, this page will show how your scores move over time and which tools help you most."
            </p>
        </SectionIntro>
    }
}
