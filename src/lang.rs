//! The language of the TUI's labels, help and messages: English or Chinese. Report text (agency
//! names, table labels, sections) is shown as published in both; key names are always English.

/// A language of the TUI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English labels.
    #[default]
    En,
    /// Chinese labels (中文界面), English key names.
    Zh,
}

impl Lang {
    /// `en` / `english`, `zh` / `zh-cn` / `chinese` / `中文`; `None` for anything else.
    #[must_use]
    pub fn from_name(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" | "en-us" | "en_us" => Some(Lang::En),
            "zh" | "zh-cn" | "zh_cn" | "chinese" | "cn" | "中文" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The name for settings and `config --print`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The locale's language (`LC_ALL`, else `LC_MESSAGES`, else `LANG`): Chinese when it starts
    /// with `zh`, else English.
    #[must_use]
    pub fn from_locale() -> Lang {
        Lang::from_locale_with_source().0
    }

    /// The locale's language and the variable that decided it (`LC_ALL`, `LC_MESSAGES`, else `LANG`,
    /// set or not).
    #[must_use]
    pub fn from_locale_with_source() -> (Lang, &'static str) {
        let get = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let (var, value) = ["LC_ALL", "LC_MESSAGES"]
            .into_iter()
            .find_map(|k| get(k).map(|v| (k, Some(v))))
            .unwrap_or(("LANG", get("LANG")));
        (Lang::from_locale_value(value.as_deref()), var)
    }

    /// The language a locale value (`zh_CN.UTF-8`, `C`, …) names.
    #[must_use]
    pub fn from_locale_value(v: Option<&str>) -> Lang {
        if v.is_some_and(|v| v.to_ascii_lowercase().starts_with("zh")) { Lang::Zh } else { Lang::En }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_locales() {
        assert_eq!(Lang::from_name("ZH"), Some(Lang::Zh));
        assert_eq!(Lang::from_name("中文"), Some(Lang::Zh));
        assert_eq!(Lang::from_name("english"), Some(Lang::En));
        assert_eq!(Lang::from_name("fr"), None);
        assert_eq!(Lang::from_locale_value(Some("zh_CN.UTF-8")), Lang::Zh);
        assert_eq!(Lang::from_locale_value(Some("zh_TW.Big5")), Lang::Zh);
        assert_eq!(Lang::from_locale_value(Some("C.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale_value(None), Lang::En);
    }
}
