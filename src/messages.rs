//! Words a person reads, from Project Fluent message files (`*.ftl`, the
//! format Firefox is translated with): plural rules, variables and
//! selectors per language, so no sentence is assembled by hand.
//!
//! A [`Messages`] is one language's catalogue, built from layers (the
//! built-in theme's file, then a theme's, then the site's), each able to
//! override any message by id. Formatting gives plain text, or [`Word`]s
//! when a sentence holds links: the link's text and URL stay apart from
//! the words around it, so a template marks them up without ever trusting
//! an assembled string as HTML.

use crate::source::SourceFile;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use std::collections::{BTreeMap, BTreeSet};
use unic_langid::LanguageIdentifier;

/// One message file of a layer: its text and how messages name it.
#[derive(Debug, Clone)]
pub struct MessageFile {
    /// As diagnostics print it: "(built-in) i18n/en.ftl", "themes/x/i18n/en.ftl".
    pub origin: String,
    pub text: String,
}

/// A piece of a sentence: plain words, or a link with its text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Word {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Word {
    pub fn text(text: impl Into<String>) -> Word {
        Word {
            text: text.into(),
            url: None,
        }
    }

    pub fn link(text: impl Into<String>, url: impl Into<String>) -> Word {
        Word {
            text: text.into(),
            url: Some(url.into()),
        }
    }
}

/// The words of a sentence as plain text (links by their text).
pub fn plain(words: &[Word]) -> String {
    words.iter().map(|w| w.text.as_str()).collect()
}

/// A value given to a message, now ([`Messages::text`]) or later, in
/// whichever language the reader is given ([`Text`]).
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text as it is: a name, an id, a path, a code example, another
    /// program's error text.
    Text(String),
    /// A count: a Fluent number, so that messages choose their plural forms.
    Number(f64),
    /// A decimal number written with exactly its digits ("19.50"), for
    /// amounts of money: the language's formatter sets it out ("19,50").
    Decimal(String),
    /// A link: in words, it stays a link; in plain text, its text.
    Link(Word),
    /// Words of their own ("a level", "the current folder"): formatted
    /// first, in the same language.
    Message(Text),
    /// Words already formatted, links kept: a list of titles, a part of a
    /// sentence.
    Words(Vec<Word>),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Arg {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as f64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(f64::from(n))
    }
}

impl From<Word> for Arg {
    fn from(word: Word) -> Arg {
        match word.url {
            Some(_) => Arg::Link(word),
            None => Arg::Text(word.text),
        }
    }
}

/// Words to be formatted later, in whichever language the reader is given:
/// a message id and its arguments. A diagnostic carries its words this way,
/// so the stage that finds a problem never chooses the language it is
/// read in; whoever prints it does, with [`Messages::format`].
///
/// Made with [`text!`](crate::text), whose message id is always a literal,
/// so a test can find every id in the source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Text {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Text {
    /// Replace the value of the argument `name` (or add it).
    pub fn set(&mut self, name: &'static str, value: impl Into<Arg>) {
        let value = value.into();
        match self.args.iter_mut().find(|(n, _)| *n == name) {
            Some((_, slot)) => *slot = value,
            None => self.args.push((name, value)),
        }
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<Text> for Arg {
    fn from(text: Text) -> Arg {
        Arg::Message(text)
    }
}

impl PartialEq for Arg {
    fn eq(&self, other: &Arg) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Arg {}

impl PartialOrd for Arg {
    fn partial_cmp(&self, other: &Arg) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Any total order will do: diagnostics are sorted by their words only to
/// be in the same order on every run.
impl Ord for Arg {
    fn cmp(&self, other: &Arg) -> std::cmp::Ordering {
        let rank = |arg: &Arg| match arg {
            Arg::Text(_) => 0,
            Arg::Number(_) => 1,
            Arg::Decimal(_) => 2,
            Arg::Link(_) => 3,
            Arg::Message(_) => 4,
            Arg::Words(_) => 5,
        };
        match (self, other) {
            (Arg::Text(a), Arg::Text(b)) | (Arg::Decimal(a), Arg::Decimal(b)) => a.cmp(b),
            (Arg::Number(a), Arg::Number(b)) => a.total_cmp(b),
            (Arg::Link(a), Arg::Link(b)) => (&a.text, &a.url).cmp(&(&b.text, &b.url)),
            (Arg::Message(a), Arg::Message(b)) => a.cmp(b),
            (Arg::Words(a), Arg::Words(b)) => a.cmp(b),
            _ => rank(self).cmp(&rank(other)),
        }
    }
}

/// How a list is joined: "A, B or C", "A, B and C".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    Or,
    And,
}

/// A [`Text`]: `text!("unresolved_reference", name = id)`. The id must be a
/// literal, and each argument is `name = value` with a value that turns
/// into an [`Arg`].
#[macro_export]
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Text {
            id: $id,
            args: vec![$((stringify!($name), $crate::messages::Arg::from($value))),*],
        }
    };
}

/// Marks where a link goes in a formatted sentence: characters of Unicode's
/// private use area, which no message or content legitimately holds.
const LINK_OPEN: char = '\u{F8F0}';
const LINK_CLOSE: char = '\u{F8F1}';

/// One language's messages.
pub struct Messages {
    lang: String,
    bundle: FluentBundle<FluentResource>,
    plurals: Option<PluralRules>,
    /// Every message that takes no variable, formatted once: templates' `t`.
    plain: BTreeMap<String, String>,
    /// The id of every message, from every layer.
    ids: BTreeSet<String>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .field("messages", &self.plain.len())
            .finish_non_exhaustive()
    }
}

/// What is wrong with a language's message files, as
/// [`crate::diagnostics`] reports it (E014).
#[derive(Debug, Clone)]
pub enum Problem {
    /// A file that does not parse there (what parsed still counts).
    Syntax {
        file: SourceFile,
        /// The byte the error is at.
        at: usize,
        error: String,
    },
    /// Messages the theme needs that no file defines.
    Missing {
        /// The file to fix: the site's or the theme's own.
        origin: String,
        language: String,
        missing: Vec<String>,
        required: usize,
    },
}

impl Messages {
    /// Build the catalogue of `lang` from `layers`, lowest first: a message
    /// of a later layer replaces the one of the same id before it. Every id
    /// of `required` must end up defined. Syntax errors and missing
    /// messages come back as [`Problem`]s, plain data that the diagnostics
    /// turn into E014 (this module sits below them).
    pub fn build(
        lang: &str,
        layers: &[MessageFile],
        required: &[String],
    ) -> (Messages, Vec<Problem>) {
        let mut problems = Vec::new();
        let langid: LanguageIdentifier = lang.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid.clone()]);
        // Isolation marks protect right-to-left text inside left-to-right
        // sentences; cairn's languages are both left to right, and the marks
        // would end up in page titles and attributes.
        bundle.set_use_isolating(false);
        // Fluent writes numbers with no grouping ("1.5", "10000"); each
        // language gets its own way of setting thousands apart.
        match langid.language.as_str() {
            "fr" => bundle.set_formatter(Some(french_number)),
            _ => bundle.set_formatter(Some(english_number)),
        }
        // The bundle does not list what it holds: the ids are kept here.
        let mut ids = BTreeSet::new();
        for layer in layers {
            let resource = match FluentResource::try_new(layer.text.clone()) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    for error in errors {
                        // A token missing at the end of a line is found at
                        // the start of the next: point at the line it ends.
                        let mut start = error.pos.start.min(layer.text.len());
                        while start > 0
                            && layer.text[..start].ends_with(['\n', '\r'])
                            && error.slice.as_ref().is_none_or(|s| s.start < start)
                        {
                            start -= 1;
                        }
                        problems.push(Problem::Syntax {
                            file: SourceFile::new(layer.origin.clone(), layer.text.clone()),
                            at: start,
                            error: error.kind.to_string(),
                        });
                    }
                    // The messages that did parse still count.
                    resource
                }
            };
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(message) = entry {
                    ids.insert(message.id.name.to_string());
                }
            }
            bundle.add_resource_overriding(resource);
        }
        let missing: Vec<&str> = required
            .iter()
            .filter(|id| !bundle.has_message(id))
            .map(String::as_str)
            .collect();
        // With no file at all, whoever found none says so (the theme).
        if !missing.is_empty() && !layers.is_empty() {
            // The file to fix: the site's or theme's own, never the
            // built-in one (which cairn keeps complete).
            let own = format!("i18n/{lang}.ftl");
            let origin = layers
                .last()
                .filter(|l| !l.origin.starts_with("(built-in)"))
                .map_or(own.as_str(), |l| l.origin.as_str());
            problems.push(Problem::Missing {
                origin: origin.to_string(),
                language: lang.to_string(),
                missing: missing.iter().map(|id| id.to_string()).collect(),
                required: required.len(),
            });
        }
        let plurals = PluralRules::create(langid, PluralRuleType::CARDINAL).ok();
        let mut messages = Messages {
            lang: lang.to_string(),
            bundle,
            plurals,
            plain: BTreeMap::new(),
            ids: BTreeSet::new(),
        };
        messages.plain = messages.format_plain(&ids);
        messages.ids = ids;
        (messages, problems)
    }

    /// The id of every message these hold.
    pub fn ids(&self) -> &BTreeSet<String> {
        &self.ids
    }

    /// The language these messages are in ("en").
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Every message that takes no variable, by id: what templates read as `t`.
    pub fn plain_messages(&self) -> &BTreeMap<String, String> {
        &self.plain
    }

    /// A message that takes no variable, formatted once when the messages
    /// were built: for words asked for on every page.
    pub fn word(&self, id: &str) -> std::borrow::Cow<'_, str> {
        match self.plain.get(id) {
            Some(text) => std::borrow::Cow::Borrowed(text),
            None => std::borrow::Cow::Owned(self.text(id, &[])),
        }
    }

    /// Format, once, every message of `ids` that needs no variable.
    fn format_plain(&self, ids: &BTreeSet<String>) -> BTreeMap<String, String> {
        let mut plain = BTreeMap::new();
        for id in ids {
            let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            // A message that needs a variable reports an error without one.
            let mut errors = Vec::new();
            let text = self.bundle.format_pattern(pattern, None, &mut errors);
            if errors.is_empty() {
                plain.insert(id.clone(), text.into_owned());
            }
        }
        plain
    }

    /// A message as plain text. A message that does not exist reads as its
    /// id in braces, which a test of every page would catch.
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        plain(&self.words(id, args))
    }

    /// A [`Text`] in these messages' language.
    pub fn format(&self, text: &Text) -> String {
        let mut errors = Vec::new();
        self.format_into(text, &mut errors)
    }

    /// A [`Text`], or what went wrong formatting it (or any text among its
    /// arguments): a missing message, a variable it was not given. For
    /// tests of message files; [`Self::format`] shows what it can instead.
    pub fn try_format(&self, text: &Text) -> Result<String, Vec<String>> {
        let mut errors = Vec::new();
        let formatted = self.format_into(text, &mut errors);
        if errors.is_empty() {
            Ok(formatted)
        } else {
            Err(errors)
        }
    }

    fn format_into(&self, text: &Text, errors: &mut Vec<String>) -> String {
        let args: Vec<(&str, Arg)> = text
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Message(inner) => Arg::Text(self.format_into(inner, errors)),
                    other => other.clone(),
                };
                (*name, value)
            })
            .collect();
        let mut fluent_errors = Vec::new();
        let words = self.words_reporting(text.id, &args, &mut fluent_errors);
        errors.extend(
            fluent_errors
                .into_iter()
                .map(|e| format!("{}: {e}", text.id)),
        );
        plain(&words)
    }

    /// A message as words and links: every [`Arg::Link`] stays a link.
    pub fn words(&self, id: &str, args: &[(&str, Arg)]) -> Vec<Word> {
        self.words_reporting(id, args, &mut Vec::new())
    }

    /// [`Self::words`], with what went wrong: a missing message, a variable
    /// the message uses and was not given.
    fn words_reporting(
        &self,
        id: &str,
        args: &[(&str, Arg)],
        errors: &mut Vec<String>,
    ) -> Vec<Word> {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            errors.push("no such message".to_string());
            return vec![Word::text(format!("{{{id}}}"))];
        };
        let mut fluent_args = FluentArgs::new();
        let mut links: Vec<&Word> = Vec::new();
        for (name, arg) in args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Decimal(digits) => {
                    match digits.parse::<fluent_bundle::types::FluentNumber>() {
                        Ok(number) => FluentValue::Number(number),
                        Err(_) => FluentValue::from(digits.as_str()),
                    }
                }
                Arg::Link(word) => {
                    links.push(word);
                    FluentValue::from(format!("{LINK_OPEN}{}{LINK_CLOSE}", links.len() - 1))
                }
                // Words of their own, in this language.
                Arg::Message(inner) => FluentValue::from(self.format_into(inner, errors)),
                Arg::Words(words) => {
                    let mut text = String::new();
                    for word in words {
                        if word.url.is_some() {
                            links.push(word);
                            text.push(LINK_OPEN);
                            text.push_str(&(links.len() - 1).to_string());
                            text.push(LINK_CLOSE);
                        } else {
                            text.push_str(&word.text);
                        }
                    }
                    FluentValue::from(text)
                }
            };
            fluent_args.set(*name, value);
        }
        let mut fluent_errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut fluent_errors);
        errors.extend(fluent_errors.iter().map(ToString::to_string));
        split_links(&text, &links)
    }

    /// `parts` joined as this language joins a list: "A, B or C", "A, B
    /// ou C". The patterns are CLDR's (icu_list), the data browsers'
    /// `Intl.ListFormat` holds, so a list the checklist's script joins
    /// reads as the same list joined here.
    pub fn list(&self, parts: Vec<Vec<Word>>, join: Join) -> Vec<Word> {
        use icu_list::{ListFormatter, options::ListFormatterOptions};
        const ITEM: char = '\u{F8F2}';
        let locale = icu_locale_core::Locale::try_from_str(&self.lang)
            .unwrap_or(icu_locale_core::locale!("en"));
        let options = ListFormatterOptions::default();
        let formatter = match join {
            Join::Or => ListFormatter::try_new_or((&locale).into(), options),
            Join::And => ListFormatter::try_new_and((&locale).into(), options),
        };
        let markers = vec![ITEM.to_string(); parts.len()];
        let joined = match formatter {
            Ok(formatter) => formatter.format_to_string(markers.iter()),
            // Compiled in: only a build without the data gets here.
            Err(_) => markers.join(", "),
        };
        let mut words = Vec::new();
        let mut parts = parts.into_iter();
        for (i, between) in joined.split(ITEM).enumerate() {
            if i > 0 {
                words.extend(parts.next().unwrap_or_default());
            }
            if !between.is_empty() {
                words.push(Word::text(between));
            }
        }
        words
    }

    /// The CLDR plural category of `n` in this language: "one", "other"…
    pub fn plural_category(&self, n: f64) -> &'static str {
        let category = self
            .plurals
            .as_ref()
            .and_then(|rules| rules.select(n).ok())
            .unwrap_or(PluralCategory::OTHER);
        match category {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        }
    }
}

/// A number as French writes it: a decimal comma ("1,5") and, from 10 000
/// on, thousands set apart by a narrow no-break space ("10 000").
fn french_number<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    grouped_number(value, 5, '\u{202f}', ',')
}

/// A number as English writes it: thousands set apart by commas from
/// 1,000 on ("6,500,000"), a decimal point.
fn english_number<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    grouped_number(value, 4, ',', '.')
}

/// A Fluent number with groups of three digits from `from_digits` digits
/// on, and the language's separators.
fn grouped_number(
    value: &FluentValue<'_>,
    from_digits: usize,
    group: char,
    point: char,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let plain = number.as_string();
    let (whole, fraction) = match plain.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (plain.as_ref(), None),
    };
    let (sign, digits) = match whole.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", whole),
    };
    let mut grouped = String::new();
    if digits.len() >= from_digits && digits.chars().all(|c| c.is_ascii_digit()) {
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(digit);
        }
    } else {
        grouped.push_str(digits);
    }
    Some(match fraction {
        Some(fraction) => format!("{sign}{grouped}{point}{fraction}"),
        None => format!("{sign}{grouped}"),
    })
}

/// Turn a formatted sentence with link markers back into words and links.
fn split_links(text: &str, links: &[&Word]) -> Vec<Word> {
    let mut words = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(LINK_OPEN) {
        let after = &rest[open + LINK_OPEN.len_utf8()..];
        let Some(close) = after.find(LINK_CLOSE) else {
            break;
        };
        let link = after[..close]
            .parse::<usize>()
            .ok()
            .and_then(|i| links.get(i));
        if !rest[..open].is_empty() {
            words.push(Word::text(&rest[..open]));
        }
        if let Some(link) = link {
            words.push((*link).clone());
        }
        rest = &after[close + LINK_CLOSE.len_utf8()..];
    }
    if !rest.is_empty() || words.is_empty() {
        words.push(Word::text(rest));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(text: &str) -> Messages {
        let file = MessageFile {
            origin: "test.ftl".into(),
            text: text.into(),
        };
        let (messages, diags) = Messages::build("en", &[file], &[]);
        assert!(diags.is_empty(), "{diags:?}");
        messages
    }

    #[test]
    fn links_stay_links_wherever_the_message_puts_them() {
        let messages =
            english("hold = Hold the credential { $item }, now\nfirst = { $item } first\n");
        let link = Word::link("Pilot <licence>", "/credentials/pilot/");
        assert_eq!(
            messages.words("hold", &[("item", link.clone().into())]),
            [
                Word::text("Hold the credential "),
                link.clone(),
                Word::text(", now")
            ]
        );
        assert_eq!(
            messages.words("first", &[("item", link.clone().into())]),
            [link, Word::text(" first")]
        );
        assert_eq!(
            messages.text("hold", &[("item", Word::link("X", "/x/").into())]),
            "Hold the credential X, now"
        );
    }

    #[test]
    fn plurals_follow_the_language() {
        let messages = english(
            "n = { $count ->\n    [one] { $count } offering\n   *[other] { $count } offerings\n}\n",
        );
        assert_eq!(
            messages.text("n", &[("count", 1usize.into())]),
            "1 offering"
        );
        assert_eq!(
            messages.text("n", &[("count", 0usize.into())]),
            "0 offerings"
        );
        assert_eq!(
            messages.text("n", &[("count", 2.5.into())]),
            "2.5 offerings"
        );
        assert_eq!(messages.plural_category(1.0), "one");
        assert_eq!(messages.plural_category(3.0), "other");
        let (french, _) = Messages::build("fr", &[], &[]);
        assert_eq!(
            french.plural_category(0.0),
            "one",
            "in French 0 is singular"
        );
        assert_eq!(french.plural_category(1.5), "one");
        assert_eq!(french.plural_category(2.0), "other");
    }

    #[test]
    fn texts_are_formatted_when_read_with_their_arguments() {
        let messages = english(
            "kind = { $kind ->\n    [level] a level\n   *[page] a page\n}\n\
             named = { $what } \"{ $id }\" has { $count ->\n    [one] { $count } error\n   *[other] { $count } errors\n}\n",
        );
        let mut text = crate::text!(
            "named",
            what = crate::text!("kind", kind = "level"),
            id = "pilot",
            count = 1usize
        );
        assert_eq!(messages.format(&text), "a level \"pilot\" has 1 error");
        text.set("count", 3usize);
        assert_eq!(
            messages.try_format(&text).as_deref(),
            Ok("a level \"pilot\" has 3 errors")
        );
        let missing_variable = crate::text!("named", id = "pilot", count = 2usize);
        assert!(messages.try_format(&missing_variable).is_err());
        let nested_unknown = crate::text!(
            "named",
            what = crate::text!("nope"),
            id = "x",
            count = 1usize
        );
        assert_eq!(
            messages.try_format(&nested_unknown),
            Err(vec!["nope: no such message".to_string()])
        );
    }

    #[test]
    fn french_writes_numbers_its_own_way() {
        let file = MessageFile {
            origin: "fr.ftl".into(),
            text: "n = { $n }\nyears = { $n ->\n    [one] { $n } an\n   *[other] { $n } ans\n}\n"
                .into(),
        };
        let (french, diags) = Messages::build("fr", &[file], &[]);
        assert!(diags.is_empty(), "{diags:?}");
        let n = |value: f64| french.text("n", &[("n", value.into())]);
        assert_eq!(n(1.5), "1,5");
        assert_eq!(n(2027.0), "2027", "four digits stay together");
        assert_eq!(n(10000.0), "10\u{202f}000");
        assert_eq!(n(-12345.5), "-12\u{202f}345,5");
        assert_eq!(
            french.text("years", &[("n", 1.5.into())]),
            "1,5 an",
            "1,5 is singular in French"
        );
        assert_eq!(french.text("years", &[("n", 2.0.into())]), "2 ans");
        let english = english("n = { $n }\n");
        let n = |value: f64| english.text("n", &[("n", value.into())]);
        assert_eq!(n(1.5), "1.5");
        assert_eq!(n(300.0), "300");
        assert_eq!(n(1500.0), "1,500");
        assert_eq!(n(6_500_000.0), "6,500,000");
        // An amount keeps the digits it was given.
        let amount = |digits: &str| english.text("n", &[("n", Arg::Decimal(digits.into()))]);
        assert_eq!(amount("19.50"), "19.50");
        assert_eq!(amount("1200.00"), "1,200.00");
        assert_eq!(
            french.text("n", &[("n", Arg::Decimal("1200.50".into()))]),
            "1200,50"
        );
    }

    #[test]
    fn messages_without_variables_are_ready_for_templates() {
        let messages = english("plain = Home\nwith = Hello { $name }\n");
        assert_eq!(
            messages.plain_messages().get("plain").map(String::as_str),
            Some("Home")
        );
        assert!(!messages.plain_messages().contains_key("with"));
        assert_eq!(messages.text("missing", &[]), "{missing}");
    }

    #[test]
    fn missing_and_broken_messages_are_reported() {
        let file = MessageFile {
            origin: "themes/x/i18n/de.ftl".into(),
            text: "nav_home = Start\nbroken = { $x\n".into(),
        };
        let required = vec!["nav_home".to_string(), "nav_next".to_string()];
        let (messages, problems) = Messages::build("de", &[file], &required);
        let cli = crate::report::cli_messages();
        let text: Vec<String> = crate::diagnostics::of_messages(problems)
            .0
            .iter()
            .map(|d| d.render_human(&cli, false))
            .collect();
        let text = text.join("\n");
        assert!(text.contains("a message file does not parse"), "{text}");
        assert!(text.contains("themes/x/i18n/de.ftl:2:"), "{text}");
        assert!(text.contains("lack 1 of the theme's 2: nav_next"), "{text}");
        assert_eq!(
            messages.text("nav_home", &[]),
            "Start",
            "what parsed still counts"
        );
    }
}
