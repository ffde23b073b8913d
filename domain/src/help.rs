//! The help page's places, and putting the reader's own place first.
//!
//! `content/pages/help.md` has one `##` section per place, in a fixed order,
//! and under "If you don't feel safe with someone" one `###` section of
//! domestic-abuse lines for each place that has more than one; the other
//! places give their abuse line in their own section. The static page (JavaScript off)
//! shows that fixed order. The app guesses the reader's country from the
//! browser's language region (`en-GB` is the UK) and moves that place to the
//! front of both groups; every other place stays on the page, in order.
//! Nothing is sent anywhere: the guess is made from a value the browser
//! already holds.

/// A place the help page has its own section for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    UnitedStates,
    Canada,
    UnitedKingdom,
    Ireland,
    Australia,
    NewZealand,
    France,
    Germany,
    Netherlands,
    Belgium,
    Austria,
    Switzerland,
    Spain,
    Italy,
    Poland,
    Sweden,
    Norway,
    Finland,
    SouthAfrica,
    Kenya,
    India,
    Japan,
    SouthKorea,
    HongKong,
    Philippines,
    Brazil,
    Colombia,
    /// Everywhere else: the EU's 112 and a directory of helplines.
    Elsewhere,
}

impl Place {
    /// The order of the static page, and of the app when the region is unknown.
    pub const FIXED_ORDER: [Place; 28] = [
        Place::UnitedStates,
        Place::Canada,
        Place::UnitedKingdom,
        Place::Ireland,
        Place::Australia,
        Place::NewZealand,
        Place::France,
        Place::Germany,
        Place::Netherlands,
        Place::Belgium,
        Place::Austria,
        Place::Switzerland,
        Place::Spain,
        Place::Italy,
        Place::Poland,
        Place::Sweden,
        Place::Norway,
        Place::Finland,
        Place::SouthAfrica,
        Place::Kenya,
        Place::India,
        Place::Japan,
        Place::SouthKorea,
        Place::HongKong,
        Place::Philippines,
        Place::Brazil,
        Place::Colombia,
        Place::Elsewhere,
    ];

    /// The id of this place's crisis section (its `##` heading).
    pub fn crisis_id(self) -> &'static str {
        match self {
            Place::UnitedStates => "united-states",
            Place::Canada => "canada",
            Place::UnitedKingdom => "united-kingdom",
            Place::Ireland => "ireland",
            Place::Australia => "australia",
            Place::NewZealand => "new-zealand",
            Place::France => "france",
            Place::Germany => "germany",
            Place::Netherlands => "the-netherlands",
            Place::Belgium => "belgium",
            Place::Austria => "austria",
            Place::Switzerland => "switzerland",
            Place::Spain => "spain",
            Place::Italy => "italy",
            Place::Poland => "poland",
            Place::Sweden => "sweden",
            Place::Norway => "norway",
            Place::Finland => "finland",
            Place::SouthAfrica => "south-africa",
            Place::Kenya => "kenya",
            Place::India => "india",
            Place::Japan => "japan",
            Place::SouthKorea => "south-korea",
            Place::HongKong => "hong-kong",
            Place::Philippines => "the-philippines",
            Place::Brazil => "brazil",
            Place::Colombia => "colombia",
            Place::Elsewhere => "anywhere-else",
        }
    }

    /// The id of this place's own domestic-abuse section (its `###` heading
    /// under "If you don't feel safe with someone"), for the places that
    /// have one; the others give their abuse lines in their crisis section.
    pub fn abuse_id(self) -> Option<&'static str> {
        match self {
            Place::UnitedStates => Some("in-the-united-states"),
            Place::Canada => Some("in-canada"),
            Place::UnitedKingdom => Some("in-the-united-kingdom"),
            Place::Ireland => Some("in-ireland"),
            Place::Australia => Some("in-australia"),
            Place::NewZealand => Some("in-new-zealand"),
            Place::Elsewhere => Some("everywhere-else"),
            _ => None,
        }
    }

    /// The reader's place from a BCP 47 language tag such as `en-GB`,
    /// `fr-CA` or `zh-Hant-TW`: `None` when the tag names no region (`en`),
    /// `Elsewhere` when it names a region the page has no section for.
    pub fn from_language_tag(tag: &str) -> Option<Place> {
        let mut subtags = tag.split(['-', '_']);
        subtags.next()?;
        // After the language: an optional script (four letters), then the
        // region (two letters, or three digits such as 419).
        let region = subtags.find(|s| s.len() != 4)?;
        let region_like = (region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic()))
            || (region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit()));
        if !region_like {
            return None;
        }
        Some(match region.to_ascii_uppercase().as_str() {
            "US" => Place::UnitedStates,
            "CA" => Place::Canada,
            "GB" | "UK" => Place::UnitedKingdom,
            "IE" => Place::Ireland,
            "AU" => Place::Australia,
            "NZ" => Place::NewZealand,
            "FR" => Place::France,
            "DE" => Place::Germany,
            "NL" => Place::Netherlands,
            "BE" => Place::Belgium,
            "AT" => Place::Austria,
            "CH" => Place::Switzerland,
            "ES" => Place::Spain,
            "IT" => Place::Italy,
            "PL" => Place::Poland,
            "SE" => Place::Sweden,
            "NO" => Place::Norway,
            "FI" => Place::Finland,
            "ZA" => Place::SouthAfrica,
            "KE" => Place::Kenya,
            "IN" => Place::India,
            "JP" => Place::Japan,
            "KR" => Place::SouthKorea,
            "HK" => Place::HongKong,
            "PH" => Place::Philippines,
            "BR" => Place::Brazil,
            "CO" => Place::Colombia,
            _ => Place::Elsewhere,
        })
    }

    /// The first of the browser's preferred languages that names a region
    /// decides; a list that names none gives `None`.
    pub fn from_languages<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Place> {
        tags.into_iter().find_map(Place::from_language_tag)
    }
}

/// The places in reading order: `first` (if known) at the front, the rest
/// in the fixed order.
pub fn reading_order(first: Option<Place>) -> Vec<Place> {
    let mut order: Vec<Place> = first.into_iter().collect();
    order.extend(Place::FIXED_ORDER.iter().filter(|p| Some(**p) != first));
    order
}

/// Rewrites the help page's HTML so both groups of sections follow `order`.
/// `None` if the page does not hold the sections as expected (then the app
/// shows it unchanged, in the fixed order, which is still complete).
pub fn reorder_help(html: &str, order: &[Place]) -> Option<String> {
    let crisis: Vec<&str> = order.iter().map(|p| p.crisis_id()).collect();
    let abuse: Vec<&str> = order.iter().filter_map(|p| p.abuse_id()).collect();
    let html = reorder_sections(html, 2, &crisis)?;
    reorder_sections(&html, 3, &abuse)
}

/// Puts the sections headed `<h{level} id="...">` for `ids` in the order of
/// `ids`. The sections must stand next to each other in the page; a section
/// runs from its heading to the next heading of the same or a higher level.
fn reorder_sections(html: &str, level: u8, ids: &[&str]) -> Option<String> {
    let mut sections: Vec<(usize, usize, &str)> = Vec::with_capacity(ids.len());
    for id in ids {
        let start = html.find(&format!("<h{level} id=\"{id}\">"))?;
        let end = section_end(html, start, level);
        sections.push((start, end, id));
    }
    let mut by_place = sections.clone();
    by_place.sort_by_key(|s| s.0);
    // Contiguous: each section ends where the next one starts.
    if by_place.windows(2).any(|w| w[0].1 != w[1].0) {
        return None;
    }
    let (first, last) = (by_place.first()?.0, by_place.last()?.1);
    let mut out = String::with_capacity(html.len());
    out.push_str(&html[..first]);
    for (start, end, _) in &sections {
        out.push_str(&html[*start..*end]);
    }
    out.push_str(&html[last..]);
    Some(out)
}

/// Where the section whose heading starts at `start` ends.
fn section_end(html: &str, start: usize, level: u8) -> usize {
    let after = start + 1;
    (2..=level)
        .filter_map(|l| html[after..].find(&format!("<h{l} ")).map(|i| after + i))
        .min()
        .unwrap_or(html.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_in_the_language_tag_names_the_place() {
        assert_eq!(
            Place::from_language_tag("en-GB"),
            Some(Place::UnitedKingdom)
        );
        assert_eq!(
            Place::from_language_tag("en-gb"),
            Some(Place::UnitedKingdom)
        );
        assert_eq!(Place::from_language_tag("en_US"), Some(Place::UnitedStates));
        assert_eq!(Place::from_language_tag("fr-CA"), Some(Place::Canada));
        assert_eq!(Place::from_language_tag("ga-IE"), Some(Place::Ireland));
        assert_eq!(Place::from_language_tag("en-AU"), Some(Place::Australia));
        assert_eq!(Place::from_language_tag("mi-NZ"), Some(Place::NewZealand));
        assert_eq!(
            Place::from_language_tag("zh-Hant-TW"),
            Some(Place::Elsewhere)
        );
        assert_eq!(Place::from_language_tag("de-DE"), Some(Place::Germany));
        assert_eq!(Place::from_language_tag("fr-BE"), Some(Place::Belgium));
        assert_eq!(Place::from_language_tag("pt-BR"), Some(Place::Brazil));
        assert_eq!(Place::from_language_tag("en-ZA"), Some(Place::SouthAfrica));
        assert_eq!(Place::from_language_tag("es-MX"), Some(Place::Elsewhere));
        assert_eq!(Place::from_language_tag("es-419"), Some(Place::Elsewhere));
    }

    #[test]
    fn a_tag_without_a_region_tells_nothing() {
        for tag in ["en", "", "zh-Hant", "en-x-private"] {
            assert_eq!(Place::from_language_tag(tag), None, "{tag:?}");
        }
        assert_eq!(
            Place::from_languages(["en", "fr", "en-NZ"]),
            Some(Place::NewZealand)
        );
        assert_eq!(Place::from_languages(["en"]), None);
    }

    #[test]
    fn the_readers_place_comes_first_and_none_is_lost() {
        assert_eq!(reading_order(None), Place::FIXED_ORDER.to_vec());
        let uk = reading_order(Some(Place::UnitedKingdom));
        assert_eq!(uk[0], Place::UnitedKingdom);
        assert_eq!(uk.len(), Place::FIXED_ORDER.len());
        assert_eq!(
            &uk[1..4],
            &[Place::UnitedStates, Place::Canada, Place::Ireland]
        );
        // The fixed order's first place keeps the page exactly as it is.
        assert_eq!(
            reading_order(Some(Place::UnitedStates)),
            Place::FIXED_ORDER.to_vec()
        );
    }

    fn page() -> String {
        let mut html = String::from("<p>Intro</p>\n");
        for p in Place::FIXED_ORDER {
            html += &format!(
                "<h2 id=\"{}\">{p:?}</h2>\n<ul><li>crisis {p:?}</li></ul>\n",
                p.crisis_id()
            );
        }
        html += "<h2 id=\"if-you-dont-feel-safe-with-someone\">Safe</h2>\n<p>Abuse</p>\n";
        for p in Place::FIXED_ORDER {
            if let Some(id) = p.abuse_id() {
                html += &format!("<h3 id=\"{id}\">{p:?}</h3>\n<ul><li>abuse {p:?}</li></ul>\n");
            }
        }
        html + "<h2 id=\"finding-a-therapist\">Therapist</h2>\n<p>End</p>\n"
    }

    #[test]
    fn both_groups_follow_the_reading_order() {
        let html = page();
        assert_eq!(reorder_help(&html, &reading_order(None)).unwrap(), html);
        let au = reorder_help(&html, &reading_order(Some(Place::Australia))).unwrap();
        assert_eq!(au.len(), html.len());
        let pos = |s: &str| au.find(s).unwrap_or_else(|| panic!("{s}"));
        assert!(pos("crisis Australia") < pos("crisis UnitedStates"));
        assert!(pos("crisis UnitedStates") < pos("crisis Canada"));
        assert!(pos("abuse Australia") < pos("abuse UnitedStates"));
        let fr = reorder_help(&html, &reading_order(Some(Place::France))).unwrap();
        let at = |s: &str| fr.find(s).unwrap_or_else(|| panic!("{s}"));
        assert!(at("crisis France") < at("crisis UnitedStates"));
        assert!(
            at("abuse UnitedStates") < at("abuse Canada"),
            "no abuse section of its own: the group keeps its order"
        );
        assert!(pos("crisis Elsewhere") < pos("<h2 id=\"if-you-dont"));
        assert!(pos("abuse Elsewhere") < pos("Therapist"));
        assert!(au.starts_with("<p>Intro</p>"));
        assert!(au.ends_with("<p>End</p>\n"));
    }

    #[test]
    fn a_page_without_the_sections_in_a_row_is_left_alone() {
        let html = page().replace("<h2 id=\"canada\">", "<h2 id=\"kanada\">");
        assert_eq!(reorder_help(&html, &reading_order(None)), None);
        let split = page().replace(
            "<h2 id=\"ireland\">",
            "<h2 id=\"between\">B</h2>\n<h2 id=\"ireland\">",
        );
        assert_eq!(reorder_help(&split, &reading_order(None)), None);
    }
}
