//! The reader's choice of colour theme.

/// Light, dark, or whatever the device prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The stored and `data-theme` spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Match this device",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// Whether the page is dark, given what the device prefers.
    pub fn is_dark(self, device_prefers_dark: bool) -> bool {
        match self {
            ThemeChoice::System => device_prefers_dark,
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
        }
    }

    /// The header's one-tap toggle: switch to the opposite of what is showing,
    /// as an explicit choice that outlives a change of the device setting.
    pub fn toggled(self, device_prefers_dark: bool) -> Self {
        if self.is_dark(device_prefers_dark) {
            ThemeChoice::Light
        } else {
            ThemeChoice::Dark
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_its_stored_spelling() {
        for t in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::parse(t.as_str()), Some(t));
        }
        assert_eq!(ThemeChoice::parse("purple"), None);
    }

    #[test]
    fn toggle_flips_what_is_showing() {
        assert_eq!(ThemeChoice::System.toggled(true), ThemeChoice::Light);
        assert_eq!(ThemeChoice::System.toggled(false), ThemeChoice::Dark);
        assert_eq!(ThemeChoice::Dark.toggled(false), ThemeChoice::Light);
        assert_eq!(ThemeChoice::Light.toggled(true), ThemeChoice::Dark);
    }
}
