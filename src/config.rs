//! `site.toml`: the site's title, address, organizations and checklist text.

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::source::{SourceFile, Spanned};
use crate::text;
use crate::toml_reader::{self, TableReader, TomlSource, as_table};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, serde::Serialize)]
pub struct Config {
    pub title: String,
    /// The address the site is published at, without a trailing slash.
    pub base_url: String,
    /// The default language's tag: the site's language when it has one.
    pub language: String,
    /// `[languages]`: every language the site is published in, the default
    /// one first; empty for a site in one language, which needs nothing.
    pub languages: Vec<Language>,
    /// In a language's view of the site, the default language's title:
    /// what names the checklist's saved answers, shared by every language.
    #[serde(skip)]
    pub default_title: Option<String>,
    pub theme: String,
    pub output_dir: String,
    pub organizations: BTreeMap<String, Organization>,
    pub checklist: Checklist,
    /// What workshop pages do with offerings that are over.
    pub past_offerings: PastOfferings,
    /// `[offerings] time_zone`: the IANA zone of offerings that name none.
    pub time_zone: Option<String>,
    /// `[offerings] currency`: the ISO 4217 code of prices that name none.
    pub currency: Option<String>,
    /// `[offerings] feed_limit`: the most entries the Atom feed holds, the
    /// soonest first (Zola's `feed_limit`); every upcoming offering without it.
    pub feed_limit: Option<usize>,
    /// `[search] enabled`: a search page and an index per language (on
    /// unless turned off).
    pub search: bool,
    /// Free data for templates.
    pub extra: serde_json::Value,
    /// False when site.toml could not be parsed: organizations are then
    /// unknown, and references to them are not reported again.
    #[serde(skip)]
    pub parsed: bool,
    /// site.toml as read, for diagnostics about its values.
    #[serde(skip)]
    pub source: SourceFile,
}

/// `[languages.fr] name = "Français"`: a language of the site.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Language {
    /// Its tag (`fr`, `fr-CA`): the key under `[languages]`.
    pub tag: String,
    /// Its own name for itself, as the language switcher shows it.
    pub name: String,
    /// What its pages do for an entity nobody has translated yet.
    pub untranslated: Untranslated,
    /// The site's words of site.toml in this language: its title and its
    /// checklist's title and introduction (the default language's otherwise).
    pub title: Option<String>,
    pub checklist: Checklist,
    /// Organizations' names in this language, by key.
    pub organizations: BTreeMap<String, String>,
    /// Where it is declared in site.toml, for diagnostics about it.
    #[serde(skip)]
    pub span: crate::source::Span,
}

/// `untranslated = "original"` (the default) shows the original's words,
/// marked as in the original's language, under a notice; `"omit"` leaves
/// the page out of that language and links to the original instead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Untranslated {
    #[default]
    Original,
    Omit,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Organization {
    pub name: String,
    pub url: Option<Spanned<String>>,
    /// In a language's view, the language of `name` when that view gives
    /// it none of its own (a name kept in the original's language). For
    /// pages only: catalogue.json's organizations keep their shape.
    #[serde(skip)]
    pub name_lang: Option<String>,
}

/// `[offerings] past = "show"` (the default) lists past offerings apart
/// on a workshop's page, as a record; `"hide"` leaves them out of the pages
/// (catalogue.json keeps them all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PastOfferings {
    #[default]
    Show,
    Hide,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Checklist {
    pub title: Option<String>,
    pub intro: Option<String>,
}

impl Config {
    /// The path part of `base_url` ("" or "/sub"), prefixed to every link so a
    /// site published below a folder still links correctly.
    pub fn base_path(&self) -> &str {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, rest)| rest);
        match after_scheme.find('/') {
            Some(i) => after_scheme[i..].trim_end_matches('/'),
            None => "",
        }
    }

    /// The scheme and host of `base_url`: "https://example.org".
    pub fn origin(&self) -> &str {
        self.base_url
            .strip_suffix(self.base_path())
            .unwrap_or(&self.base_url)
    }

    /// The full address of a site-relative URL ("/sub/levels/x/", which
    /// already holds the base path): for canonical links, the sitemap and
    /// catalogue.json.
    pub fn absolute(&self, site_url: &str) -> String {
        // Joined by hand: called tens of thousands of times a build, where
        // `format!`'s machinery cost several times the copying.
        [self.origin(), site_url].concat()
    }
}

/// `text` as the address a site is published at: an absolute `http` or
/// `https` URL with a host and no query or fragment, returned without a
/// trailing slash; `None` for anything else.
pub fn site_address(text: &str) -> Option<String> {
    let url = url::Url::parse(text.trim()).ok()?;
    let usable = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some_and(|h| !h.is_empty())
        && url.query().is_none()
        && url.fragment().is_none()
        && url.username().is_empty()
        && url.password().is_none();
    usable.then(|| url.as_str().trim_end_matches('/').to_string())
}

/// The reason `site.toml` could not be used at all, as opposed to problems
/// inside it (which are diagnostics).
#[derive(Debug)]
pub enum ConfigError {
    Missing,
    Unreadable(std::io::Error),
}

/// Read `root/site.toml`. `Err` when there is no such file to read; problems
/// inside it come back as diagnostics beside a best-effort config.
pub fn load(root: &Path, base_url: Option<&str>) -> Result<(Config, Diagnostics), ConfigError> {
    let path = root.join("site.toml");
    let text = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Err(ConfigError::Missing),
        Err(err) => return Err(ConfigError::Unreadable(err)),
    };
    let mut diags = Diagnostics::default();
    let text = match String::from_utf8(text) {
        Ok(text) => text,
        Err(err) => {
            diags.push(
                Diagnostic::error(Code::UnreadableFile, text!("site_toml_not_utf8"))
                    .in_file("site.toml")
                    .with_help(text!("site_toml_not_utf8_help")),
            );
            String::from_utf8_lossy(err.as_bytes()).into_owned()
        }
    };
    let file = SourceFile::new("site.toml", text);
    let mut config = parse(&file, &mut diags, base_url.is_some());
    if let Some(base_url) = base_url {
        if let Some(address) = site_address(base_url) {
            config.base_url = address;
        } else {
            diags.push(
                Diagnostic::error(
                    Code::InvalidConfig,
                    text!("base_url_flag_invalid", url = base_url),
                )
                .with_help(text!("base_url_flag_invalid_help")),
            );
        }
    }
    Ok((config, diags))
}

/// Read site.toml; `base_url_given` means `--base-url` replaces the file's
/// value, which is then not required or checked.
fn parse(file: &SourceFile, diags: &mut Diagnostics, base_url_given: bool) -> Config {
    let offset = usize::from(file.text.starts_with('\u{feff}')) * 3;
    let mut config = Config {
        title: String::new(),
        base_url: String::new(),
        language: "en".into(),
        languages: Vec::new(),
        default_title: None,
        theme: "default".into(),
        output_dir: "public".into(),
        organizations: BTreeMap::new(),
        checklist: Checklist::default(),
        past_offerings: PastOfferings::default(),
        time_zone: None,
        currency: None,
        feed_limit: None,
        search: true,
        extra: serde_json::Value::Object(Default::default()),
        parsed: false,
        source: file.clone(),
    };
    let Some(table) = toml_reader::parse(file, &file.text[offset..], offset, diags) else {
        return config;
    };
    config.parsed = true;
    let source = TomlSource { file, offset };
    // The keys read below are the keys site.toml accepts, in the order the
    // help for an unknown key lists them.
    let mut reader = TableReader::new(source, table.get_ref(), table.span(), "site.toml", diags);
    config.title = reader
        .required_string("title", text!("example_site_title"))
        .map(|t| t.value)
        .unwrap_or_default();
    if base_url_given {
        // Replaced by --base-url: read for its type only.
        let _ = reader.string("base_url");
    } else if let Some(base_url) = reader.required_string("base_url", "\"https://example.org\"") {
        if let Some(address) = site_address(&base_url.value) {
            config.base_url = address;
        } else {
            reader.error(
                Code::InvalidConfig,
                base_url.span,
                text!("base_url_invalid", url = &base_url.value),
                text!("base_url_invalid_help"),
            );
        }
    }
    for (key, slot) in [
        ("language", &mut config.language),
        ("theme", &mut config.theme),
        ("output_dir", &mut config.output_dir),
    ] {
        if let Some(value) = reader.string(key) {
            *slot = value.value;
        }
    }
    if let Some(orgs) = reader.table("organizations") {
        // The keys of `[organizations]` are the organizations' ids, not
        // fields: each is read whatever it is called.
        for (key, value) in as_table(orgs).into_iter().flat_map(|t| t.iter()) {
            let what = format!("[organizations.{}]", key.get_ref());
            let Some(mut org) = reader.nested(value, what) else {
                let key = key.get_ref().to_string();
                reader.error(
                    Code::WrongType,
                    reader.span(value.span()),
                    text!("organization_not_table", key = &key),
                    text!("organization_not_table_help", key = &key),
                );
                continue;
            };
            let name = org.required_string("name", text!("example_organization_name"));
            let url = org.string("url");
            org.finish();
            // Kept even without a name (already reported), so references
            // to it do not fail a second time.
            let name = name.map_or_else(|| key.get_ref().to_string(), |n| n.value);
            config.organizations.insert(
                key.get_ref().to_string(),
                Organization {
                    name,
                    url,
                    name_lang: None,
                },
            );
        }
    }
    if let Some(languages) = reader.table("languages") {
        read_languages(&mut reader, languages, &mut config);
    }
    if let Some(checklist) = reader.table("checklist")
        && let Some(mut section) = reader.nested(checklist, "[checklist]")
    {
        config.checklist.title = section.string("title").map(|t| t.value);
        config.checklist.intro = section.string("intro").map(|t| t.value);
        section.finish();
    }
    if let Some(search) = reader.table("search")
        && let Some(mut section) = reader.nested(search, "[search]")
    {
        if let Some(enabled) = section.bool("enabled") {
            config.search = enabled.value;
        }
        section.finish();
    }
    if let Some(offerings) = reader.table("offerings")
        && let Some(mut section) = reader.nested(offerings, "[offerings]")
    {
        if let Some(past) = section.string("past") {
            match past.value.as_str() {
                "show" => config.past_offerings = PastOfferings::Show,
                "hide" => config.past_offerings = PastOfferings::Hide,
                other => section.error(
                    Code::InvalidConfig,
                    past.span,
                    text!("past_offerings_value", value = other),
                    text!("past_offerings_value_help"),
                ),
            }
        }
        if let Some(zone) = section.string("time_zone") {
            match crate::schedule::time_zone(&zone.value) {
                Ok(_) => config.time_zone = Some(zone.value),
                Err(suggestion) => section.error(
                    Code::InvalidConfig,
                    zone.span,
                    text!("unknown_time_zone", name = &zone.value),
                    crate::schedule::zone_help(suggestion.as_deref()),
                ),
            }
        }
        if let Some(limit) = section.integer("feed_limit") {
            match usize::try_from(limit.value) {
                Ok(n) if n > 0 => config.feed_limit = Some(n),
                _ => section.error(
                    Code::InvalidConfig,
                    limit.span,
                    text!("feed_limit_value", value = limit.value.to_string()),
                    text!("feed_limit_value_help"),
                ),
            }
        }
        if let Some(code) = section.string("currency") {
            match crate::money::currency(&code.value) {
                Ok(_) => config.currency = Some(code.value),
                Err(problem) => section.error(
                    Code::InvalidConfig,
                    code.span,
                    problem.message(&code.value),
                    problem.help(),
                ),
            }
        }
        section.finish();
    }
    if let Some(extra) = reader.table("extra") {
        config.extra = toml_reader::to_json(extra.get_ref());
    }
    reader.finish();
    config
}

/// `[languages]`: a table per language, keyed by its tag. The default
/// language (`language`) must be one of them, and comes first.
fn read_languages<'i>(
    reader: &mut TableReader<'_, 'i>,
    languages: &crate::toml_reader::TomlValue<'i>,
    config: &mut Config,
) {
    let whole = reader.span(languages.span());
    for (key, value) in as_table(languages).into_iter().flat_map(|t| t.iter()) {
        let tag = key.get_ref().to_string();
        let span = reader.span(key.span());
        let what = format!("[languages.{tag}]");
        if !is_language_tag(&tag) {
            reader.error(
                Code::InvalidConfig,
                span.clone(),
                text!("language_tag_invalid", tag = &tag),
                text!("language_tag_invalid_help"),
            );
            continue;
        }
        let Some(mut table) = reader.nested(value, what) else {
            reader.error(
                Code::WrongType,
                reader.span(value.span()),
                text!("language_not_table", tag = &tag),
                text!("language_not_table_help", tag = &tag),
            );
            continue;
        };
        let name = table.required_string("name", "\"Français\"");
        let untranslated = match table.string("untranslated") {
            None => Untranslated::Original,
            Some(value) => match value.value.as_str() {
                "original" => Untranslated::Original,
                "omit" => Untranslated::Omit,
                other => {
                    table.error(
                        Code::InvalidConfig,
                        value.span,
                        text!("untranslated_value", value = other),
                        text!("untranslated_value_help"),
                    );
                    Untranslated::Original
                }
            },
        };
        let title = table.string("title").map(|t| t.value);
        let mut checklist = Checklist::default();
        if let Some(value) = table.table("checklist")
            && let Some(mut section) = table.nested(value, format!("[languages.{tag}.checklist]"))
        {
            checklist.title = section.string("title").map(|t| t.value);
            checklist.intro = section.string("intro").map(|t| t.value);
            section.finish();
        }
        let mut organizations = BTreeMap::new();
        if let Some(value) = table.table("organizations") {
            for (key, name) in as_table(value).into_iter().flat_map(|t| t.iter()) {
                let key_name = key.get_ref().to_string();
                match name.get_ref() {
                    toml::de::DeValue::String(text)
                        if config.organizations.contains_key(&key_name) =>
                    {
                        organizations.insert(key_name, text.to_string());
                    }
                    toml::de::DeValue::String(_) => table.error(
                        Code::InvalidConfig,
                        table.span(key.span()),
                        text!("language_organization_unknown", key = &key_name),
                        text!("language_organization_unknown_help", key = &key_name),
                    ),
                    _ => table.error(
                        Code::WrongType,
                        table.span(name.span()),
                        text!("language_organization_not_text", key = &key_name),
                        text!("language_organization_not_text_help", key = &key_name),
                    ),
                }
            }
        }
        table.finish();
        config.languages.push(Language {
            name: name.map_or_else(|| tag.clone(), |n| n.value),
            tag,
            untranslated,
            title,
            checklist,
            organizations,
            span,
        });
    }
    if config.languages.is_empty() {
        return;
    }
    match config
        .languages
        .iter()
        .position(|l| l.tag == config.language)
    {
        Some(at) => {
            let default = config.languages.remove(at);
            config.languages.insert(0, default);
        }
        None => reader.error(
            Code::InvalidConfig,
            whole,
            text!("default_language_missing", tag = &config.language),
            text!("default_language_missing_help", tag = &config.language),
        ),
    }
}

/// A language tag as sites write them: `fr`, `en`, `fr-CA` (BCP 47's
/// language and region, the forms hreflang takes).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    let region = parts.next();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && region.is_none_or(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()))
        && parts.next().is_none()
}

impl Config {
    /// The languages besides the default one, which translations are in.
    pub fn other_languages(&self) -> impl Iterator<Item = &Language> {
        self.languages.iter().filter(|l| l.tag != self.language)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> (Config, Diagnostics) {
        let file = SourceFile::new("site.toml", text);
        let mut diags = Diagnostics::default();
        (parse(&file, &mut diags, false), diags)
    }

    #[test]
    fn reads_every_field_with_defaults() {
        let (config, diags) = config(
            "title = \"T\"\nbase_url = \"https://example.org/sub/\"\n[organizations.idc]\nname = \"IDC\"\nurl = \"https://idc.example\"\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(config.base_url, "https://example.org/sub");
        assert_eq!(config.base_path(), "/sub");
        assert_eq!(config.language, "en");
        assert_eq!(config.output_dir, "public");
        assert_eq!(config.organizations["idc"].name, "IDC");
    }

    #[test]
    fn a_site_address_is_an_http_url_with_a_host() {
        assert_eq!(
            site_address("https://example.org/sub/").as_deref(),
            Some("https://example.org/sub")
        );
        assert_eq!(
            site_address("http://localhost:1111").as_deref(),
            Some("http://localhost:1111")
        );
        for bad in [
            "example.org",
            "ftp://example.org",
            "https://",
            "https://example.org/?q=1",
            "https://example.org/#top",
            "https://user:pw@example.org",
            "https://exa mple.org",
            "javascript:alert(1)",
        ] {
            assert_eq!(site_address(bad), None, "{bad}");
        }
        let (config, _) = config("title = \"T\"\nbase_url = \"https://example.org/sub\"\n");
        assert_eq!(config.origin(), "https://example.org");
        assert_eq!(
            config.absolute("/sub/levels/"),
            "https://example.org/sub/levels/"
        );
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let (_, diags) = config("title = \"T\"\nbase_url = \"https://e.org\"\ntheem = \"x\"\n");
        let d = &diags.0[0];
        assert_eq!(d.code, Code::UnknownKey);
        assert_eq!(
            d.help_text(&crate::report::cli_messages()).as_deref(),
            Some("did you mean `theme`?")
        );
        assert_eq!(
            d.location.as_ref().map(|l| (l.line, l.column)),
            Some((3, 1))
        );
    }

    #[test]
    fn an_unknown_key_far_from_any_lists_every_key_of_site_toml() {
        let (_, diags) = config("title = \"T\"\nbase_url = \"https://e.org\"\nzzz = 1\n");
        assert_eq!(
            diags.0[0]
                .help_text(&crate::report::cli_messages())
                .as_deref(),
            Some(
                "site.toml accepts: title, base_url, language, theme, output_dir, organizations, languages, checklist, search, offerings, extra"
            )
        );
    }

    #[test]
    fn base_url_is_known_when_the_command_line_replaces_it() {
        let file = SourceFile::new(
            "site.toml",
            "title = \"T\"\nbase_url = \"not an address\"\n",
        );
        let mut diags = Diagnostics::default();
        parse(&file, &mut diags, true);
        assert!(diags.is_empty(), "{diags:?}");
    }
}
