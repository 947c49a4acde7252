//! Every page of the portal, as each kind of visitor, in all five languages, at a phone's width
//! and at a desktop's. The crawler starts from each role's own pages on the demonstration data
//! and follows the links under `/en/`, one address per route pattern (a few more where the page
//! differs with the data behind it, e.g. a case in each state), then opens the same addresses in
//! the other languages. On each page: the HTTP status, axe-core (WCAG 2.2 AA tags) at 1280 and
//! at 320 px, no sideways scrolling at 320 px, no table scrolling sideways at 1280 px, and no message id shown for want of a message;
//! after the crawl, no `missing message` in the server's log. Every GET route of the routers
//! must be reached by some role, or be named in [`NOT_CRAWLED`] with the reason.
//!
//! The demo data has no booking, fee order, invitation or card check, so the citizen makes them
//! first (see [`make`]); the demo card provider's page and the card check's return are checked
//! on the way, in English only (the return can be used once).
//!
//! A second test crawls once more in English against a server
//! started with `GHISEU_PSEUDO_LOCALE=1`, where everything the i18n layer writes is wrapped in
//! ⟦…⟧: whatever text is left outside the brackets, and is not data, was written into a page
//! without going through the messages. Data: the catalogue's texts (all languages), the regions'
//! own names, the demo people and what officers wrote on the demo cases, e-mail addresses,
//! references and codes, dates and numbers (see [`Data`]).

use super::accounts::{click, sign_in, type_into, wait_for_text};
use super::applications::demo_password;
use super::{AXE_TAGS, PASSPORT, Stack, axe_source, preload_axe, wait_for, wait_for_path};
use fantoccini::{Client, Locator};
use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::geo::regions;
use ghiseu_domain::national_id::{Country, NationalId};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const LANGS: [&str; 5] = ["ro", "en", "ru", "uk", "lt"];
const NARROW: u32 = 320;
const WIDE: u32 = 1280;
const HEIGHT: u32 = 900;
/// Wednesday 2 December 2026, 10:00 in Alba Iulia: the offices are open and this evening's
/// slots are still ahead, so the crawl sees the same pages on every run.
const CLOCK_START: &str = "2026-12-02T08:00:00Z";
const TODAY: &str = "2026-12-02";
const NEXT_WEEK: &str = "2026-12-09";
const OFFICE: &str = "ab-alba-iulia";
const INVITATION: &str = "lt.invitation.approval";
/// The crawl of one role stops after this many addresses (a runaway guard).
const ROLE_LIMIT: usize = 90;
/// Addresses of one route pattern a role opens: the first in every language, the others
/// (the same page over other data) in English and in one more language, in turn.
const VARIANTS: usize = 3;
/// Patterns whose pages differ more with the data behind them: a case in each state, each
/// authority, a service (and its calculator) of each authority.
const MORE_VARIANTS: [(&str, usize); 5] = [
    ("/{lang}/applications/{id}", 20),
    ("/{lang}/office/cases/{id}", 20),
    ("/{lang}/authorities/{id}", 5),
    ("/{lang}/services/{id}", 5),
    ("/{lang}/services/{id}/calculator", 5),
];
const CRAWL_LIMIT: Duration = Duration::from_secs(600);

/// GET routes that are not crawled, and why.
const NOT_CRAWLED: [(&str, &str); 8] = [
    ("/static/ghiseu.css", "the stylesheet, loaded by every page"),
    (
        "/static/board.js",
        "the hall board's script, loaded by its page",
    ),
    ("/metrics", "Prometheus metrics for monitoring, not a page"),
    (
        "/.well-known/jwks.json",
        "JSON: the keys that sign issued documents",
    ),
    ("/api/openapi.json", "JSON: the API's description"),
    (
        "/{lang}/applications/{id}/documents/{doc}",
        "a file download: an uploaded scan or an issued PDF",
    ),
    (
        "/{lang}/office/cases/{id}/documents/{doc}",
        "a file download: an applicant's scan",
    ),
    (
        "/demo/payment-provider/pay",
        "the demonstration payment provider, reached only by a POST that starts a payment",
    ),
];

/// Routes that only send the browser on: where each must land.
const REDIRECTS: [(&str, &str, &str); 2] = [("/", "/", "/{lang}/"), ("/{lang}", "/en", "/{lang}/")];

/// Pages that are the same for every visitor: only the anonymous one crawls them.
const PUBLIC: [&str; 8] = [
    "/{lang}/",
    "/{lang}/authorities/{id}",
    "/{lang}/services/{id}",
    "/{lang}/services/{id}/calculator",
    "/{lang}/offices/{office}",
    "/{lang}/offices/{office}/display",
    "/{lang}/documents/check",
    "/{lang}/documents/verify",
];

// ---------------------------------------------------------------------------------------------
// Roles

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Role {
    Anonymous,
    Citizen,
    /// The citizen acting for her children.
    Guardian,
    Operator,
    Supervisor,
    Administrator,
}

impl Role {
    const ALL: [Role; 6] = [
        Role::Anonymous,
        Role::Citizen,
        Role::Guardian,
        Role::Operator,
        Role::Supervisor,
        Role::Administrator,
    ];

    fn name(self) -> &'static str {
        match self {
            Role::Anonymous => "anonymous",
            Role::Citizen => "citizen",
            Role::Guardian => "guardian",
            Role::Operator => "operator",
            Role::Supervisor => "supervisor",
            Role::Administrator => "administrator",
        }
    }

    fn email(self) -> Option<&'static str> {
        match self {
            Role::Anonymous => None,
            Role::Citizen | Role::Guardian => Some("ana.popescu@demo.ghiseu.example"),
            Role::Operator => Some("operator.alba@demo.ghiseu.example"),
            Role::Supervisor => Some("supervisor.alba@demo.ghiseu.example"),
            Role::Administrator => Some("admin@demo.ghiseu.example"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The routers' GET routes

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("read {}: {err}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            let text = std::fs::read_to_string(&path).expect("read a source file");
            // Routers of unit tests are not the portal's.
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            out.push((path, text.to_string()));
        }
    }
}

/// The value of `const NAME: &str = "…";` anywhere in the workspace's crates.
fn constant(name: &str, sources: &[(PathBuf, String)]) -> String {
    let needle = format!("const {name}: &str = \"");
    let found: Vec<String> = sources
        .iter()
        .filter_map(|(_, text)| {
            let at = text.find(&needle)? + needle.len();
            text[at..].split('"').next().map(str::to_string)
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "the route path {name} is not one string constant in crates/*/src: {found:?}"
    );
    found[0].clone()
}

/// The text of the call's arguments from `at` (just past its opening parenthesis).
fn call_arguments(text: &str, at: usize) -> &str {
    let mut depth = 1;
    let mut in_string = false;
    let mut previous = ' ';
    for (i, c) in text[at..].char_indices() {
        match c {
            '"' if previous != '\\' => in_string = !in_string,
            '(' if !in_string => depth += 1,
            ')' if !in_string => {
                depth -= 1;
                if depth == 0 {
                    return &text[at..at + i];
                }
            }
            _ => {}
        }
        previous = c;
    }
    &text[at..]
}

/// Every `.route(PATH, …get(…)…)` of the web crate's routers, as its path pattern.
fn get_routes() -> Vec<String> {
    let crates = workspace().join("crates");
    let mut web = Vec::new();
    rust_files(&crates.join("web/src"), &mut web);
    let mut all = Vec::new();
    for entry in std::fs::read_dir(&crates).expect("read crates/") {
        let src = entry.expect("a crate").path().join("src");
        if src.is_dir() {
            rust_files(&src, &mut all);
        }
    }
    let mut routes = BTreeSet::new();
    for (_, text) in &web {
        for (at, _) in text.match_indices(".route(") {
            let arguments = call_arguments(text, at + ".route(".len());
            let (path, handlers) = arguments.split_once(',').unwrap_or((arguments, ""));
            let path = path.trim();
            let path = match path.strip_prefix('"') {
                Some(literal) => literal.trim_end_matches('"').to_string(),
                None => constant(path.rsplit("::").next().unwrap_or(path), &all),
            };
            let is_get = handlers.match_indices("get(").any(|(i, _)| {
                handlers[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
            });
            if is_get {
                routes.insert(path);
            }
        }
    }
    routes.into_iter().collect()
}

/// The route pattern `path` falls under: of those that match, the one with most fixed parts.
fn pattern_of<'r>(routes: &'r [String], path: &str) -> Option<&'r str> {
    let parts: Vec<&str> = path.split('/').collect();
    routes
        .iter()
        .filter_map(|route| {
            let pattern: Vec<&str> = route.split('/').collect();
            if pattern.len() != parts.len() {
                return None;
            }
            let mut fixed = 0;
            for (p, s) in pattern.iter().zip(&parts) {
                if p.starts_with('{') {
                    if s.is_empty() {
                        return None;
                    }
                } else if p == s {
                    fixed += 1;
                } else {
                    return None;
                }
            }
            Some((fixed, route.as_str()))
        })
        .max_by_key(|(fixed, _)| *fixed)
        .map(|(_, route)| route)
}

/// What tells a variant from another of its pattern: the address, with each catalogue id of a
/// service (`authority.kind.name`) cut to its authority's part, so that a second variant is a
/// service of another authority rather than the next one of the same.
fn family(url: &str) -> String {
    url.split('/')
        .map(|part| match part.rsplit_once('.') {
            Some((head, _)) if part.matches('.').count() >= 2 && !part.contains('?') => head,
            _ => part,
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn excluded(pattern: &str) -> bool {
    NOT_CRAWLED.iter().any(|(p, _)| *p == pattern)
}

/// The English address `url` in `lang`: its `/en/` prefix, or its `lang=en` parameter.
fn localise(url: &str, lang: &str) -> String {
    if let Some(rest) = url.strip_prefix("/en/") {
        format!("/{lang}/{rest}")
    } else if url == "/en" {
        format!("/{lang}")
    } else {
        url.replace("lang=en", &format!("lang={lang}"))
    }
}

// ---------------------------------------------------------------------------------------------
// Message ids

/// The English message ids, and the first words they start with.
struct MessageIds {
    ids: HashSet<String>,
    prefixes: HashSet<String>,
}

impl MessageIds {
    fn load() -> MessageIds {
        let ids: HashSet<String> = ghiseu_i18n::I18n::new()
            .expect("the messages parse")
            .keys(Lang::En)
            .into_iter()
            .collect();
        assert!(
            ids.len() > 100,
            "the English messages have {} ids",
            ids.len()
        );
        let prefixes = ids
            .iter()
            .filter_map(|id| id.split('-').next())
            .map(str::to_string)
            .collect();
        MessageIds { ids, prefixes }
    }

    /// Words of `text` that are message ids, or look like one (three or more kebab-case parts
    /// starting as ids do): what a page shows when a message is missing.
    fn shown_in(&self, text: &str) -> Vec<String> {
        let mut found = Vec::new();
        for word in text.split_whitespace() {
            let word = word.trim_matches(|c: char| !(c.is_alphanumeric() || c == '-'));
            let kebab = word.contains('-')
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !word.starts_with('-')
                && !word.ends_with('-');
            if !kebab {
                continue;
            }
            let looks_like_one = word.matches('-').count() >= 2
                && word
                    .split('-')
                    .next()
                    .is_some_and(|first| self.prefixes.contains(first));
            if (self.ids.contains(word) || looks_like_one) && !found.iter().any(|f| f == word) {
                found.push(word.to_string());
            }
        }
        found
    }
}

// ---------------------------------------------------------------------------------------------
// Pseudo-locale: what is left outside ⟦…⟧

/// The pieces of `text` outside every ⟦…⟧ (nested ones too), split at each bracketed part and
/// at line ends, trimmed, and only those with a letter.
fn outside_brackets(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut flush = |current: &mut String| {
        let piece = current.trim();
        if piece.chars().any(char::is_alphabetic) {
            pieces.push(piece.to_string());
        }
        current.clear();
    };
    for c in text.chars() {
        match c {
            '⟦' => {
                if depth == 0 {
                    flush(&mut current);
                }
                depth += 1;
            }
            '⟧' => depth = depth.saturating_sub(1),
            '\n' if depth == 0 => flush(&mut current),
            _ if depth == 0 => current.push(c),
            _ => {}
        }
    }
    flush(&mut current);
    pieces
}

/// `text` with every whole-word `phrase` in it blanked out.
fn without_phrase(text: &str, phrase: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(phrase) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + phrase.len()..].chars().next();
        let whole = before.is_none_or(|c| !c.is_alphanumeric())
            && after.is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..at]);
        out.push_str(if whole { " " } else { phrase });
        rest = &rest[at + phrase.len()..];
    }
    out.push_str(rest);
    out
}

/// Texts a page may show as they are: the catalogue's, the demonstration people's, and data.
struct Data {
    /// Every string of the catalogue, the regions' names and the demo data's free texts,
    /// longest first.
    phrases: Vec<String>,
    words: HashSet<String>,
}

/// What officers wrote on the demonstration cases (see `ghiseu_app::cases::demo`).
const DEMO_TEXTS: [&str; 3] = [
    "The photo of the birth certificate is blurred: upload a sharp scan.",
    "Treasury receipt checked at the counter.",
    "The holder does not meet the conditions for this service.",
];

/// What the crawl types into a text area, which shows it again as text.
const NOT_A_SEAL: &str = "not a seal";

/// Names and addresses of the demonstration data and of what the crawl types in.
const DEMO_WORDS: [&str; 10] = [
    "Ana",
    "Popescu",
    "Ioana",
    "Mihai",
    "Strada",
    "Viteazul",
    "Alba",
    "Iulia",
    "Olena",
    "Kovalenko",
];

fn toml_strings(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => out.push(s.trim().to_string()),
        toml::Value::Array(items) => items.iter().for_each(|v| toml_strings(v, out)),
        toml::Value::Table(table) => table.values().for_each(|v| toml_strings(v, out)),
        _ => {}
    }
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read the catalogue") {
        let path = entry.expect("a catalogue entry").path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

impl Data {
    fn load() -> Data {
        let mut files = Vec::new();
        toml_files(&workspace().join("catalogue"), &mut files);
        let mut catalogue = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("read a catalogue file");
            let value: toml::Value = toml::from_str(&text)
                .unwrap_or_else(|err| panic!("{} does not parse: {err}", file.display()));
            toml_strings(&value, &mut catalogue);
        }
        assert!(catalogue.len() > 100, "the catalogue has texts");
        let mut phrases = catalogue;
        // Regions are named in their country's own language, as registered: data.
        for country in [Country::Ro, Country::Md, Country::Lt] {
            phrases.extend(regions(country).iter().map(|r| r.name.to_string()));
        }
        phrases.extend(DEMO_TEXTS.iter().map(|t| t.to_string()));
        phrases.push(NOT_A_SEAL.to_string());
        phrases.retain(|s| s.chars().count() >= 2);
        phrases.sort_by_key(|s| std::cmp::Reverse(s.len()));
        phrases.dedup();
        Data {
            phrases,
            words: DEMO_WORDS.iter().map(|w| w.to_string()).collect(),
        }
    }

    /// A word that is data: a demo name, an address, a number, a date, a reference or a code.
    fn is_data_word(&self, word: &str) -> bool {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || !word.chars().any(char::is_alphabetic) {
            return true;
        }
        let code_chars = word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '/' | ':' | '+'));
        self.words.contains(word)
            || (word.contains('@') && word.contains('.'))
            || (code_chars && word.chars().any(|c| c.is_ascii_digit()))
            || (code_chars && !word.chars().any(|c| c.is_ascii_lowercase()))
            || (code_chars && word.contains('.') && !word.ends_with('.'))
    }

    /// `piece` when some of it is neither catalogue text nor data; none when it is all data.
    fn not_data(&self, piece: &str) -> Option<String> {
        let is_separator =
            |c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '·' | '|');
        if piece.split(is_separator).all(|w| self.is_data_word(w)) {
            return None;
        }
        let blank_data = |text: &str| -> String {
            text.split_inclusive(is_separator)
                .map(|part| {
                    let word = part.trim_end_matches(is_separator);
                    if self.is_data_word(word) {
                        " ".repeat(part.len())
                    } else {
                        part.to_string()
                    }
                })
                .collect()
        };
        let blank_phrases = |text: &str| {
            self.phrases.iter().fold(text.to_string(), |rest, phrase| {
                without_phrase(&rest, phrase)
            })
        };
        // Data words out before the catalogue's texts (an office id inside an e-mail address
        // must not break it up), or after (a code inside a catalogue text must not break it).
        let all_data = |rest: String| rest.split(is_separator).all(|w| self.is_data_word(w));
        let data = all_data(blank_phrases(&blank_data(piece)))
            || all_data(blank_data(&blank_phrases(piece)));
        (!data).then(|| piece.to_string())
    }
}

// ---------------------------------------------------------------------------------------------
// What the crawl found

#[derive(Default)]
struct Report {
    problems: Vec<String>,
    /// Route pattern → roles that reached it with the expected status.
    reached: BTreeMap<String, BTreeSet<Role>>,
    /// Pages (address and language) checked, and of them at each width.
    states: usize,
    narrow: usize,
    wide: usize,
    /// Pseudo-locale: text outside the brackets → pages it is on.
    untranslated: BTreeMap<String, BTreeSet<String>>,
    notes: Vec<String>,
    /// The English addresses each role crawled.
    opened: BTreeMap<Role, Vec<String>>,
    /// Addresses opened in every language, others of their pattern opened in two, and error
    /// states (in every language).
    first_addresses: usize,
    variants: usize,
    error_states: usize,
}

impl Report {
    fn merge(&mut self, other: Report) {
        self.problems.extend(other.problems);
        for (pattern, roles) in other.reached {
            self.reached.entry(pattern).or_default().extend(roles);
        }
        self.states += other.states;
        self.narrow += other.narrow;
        self.wide += other.wide;
        for (text, pages) in other.untranslated {
            self.untranslated.entry(text).or_default().extend(pages);
        }
        self.notes.extend(other.notes);
        for (role, opened) in other.opened {
            self.opened.entry(role).or_default().extend(opened);
        }
        self.first_addresses += other.first_addresses;
        self.variants += other.variants;
        self.error_states += other.error_states;
    }
}

/// What a page showed after loading.
struct Seen {
    status: u16,
    path: String,
    links: Vec<String>,
}

/// A form to fill in (field id → value) and send with the button `submit`.
#[derive(Clone)]
struct Form {
    fill: Vec<(&'static str, String)>,
    submit: &'static str,
}

/// How to reach a page state.
#[derive(Clone)]
enum Go {
    /// Open the (English) address.
    Open(String),
    /// Open the address, then fill in and send its form.
    Send(String, Form),
    /// The page the browser is on.
    Here,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Every language, both widths, axe-core.
    Full,
    /// English at 1280 px, the text outside ⟦…⟧.
    Pseudo,
}

/// One browser crawling as one role after another.
struct Crawler<'a> {
    stack: &'a Stack,
    client: Client,
    routes: &'a [String],
    ids: &'a MessageIds,
    data: &'a Data,
    mode: Mode,
    width: u32,
    report: Report,
}

const MEASURE: &str = r#"
const pseudo = arguments[0];
const nav = performance.getEntriesByType('navigation')[0];
const said = [document.title];
for (const e of document.querySelectorAll('[aria-label],[title],[placeholder],img[alt]')) {
  for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
    const v = e.getAttribute(a);
    if (v) { said.push(v); }
  }
}
for (const e of document.querySelectorAll('input[type=submit],input[type=button]')) { said.push(e.value); }
return {
  status: nav ? nav.responseStatus : 0,
  path: location.pathname,
  text: document.body ? document.body.innerText : '',
  said: said.join('\n'),
  links: Array.from(document.querySelectorAll('a[href]:not([download])'), a => a.href),
  inner: window.innerWidth,
  scroll: document.documentElement.scrollWidth,
  nodes: pseudo ? visibleText() : '',
};
// Every visible text node on a line of its own (innerText runs inline elements together).
function visibleText() {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!e || e.closest('script, style, noscript, template')) { continue; }
    const box = e.closest('select') || e;
    if (box.checkVisibility && !box.checkVisibility()) { continue; }
    const text = n.textContent.trim();
    if (text) { out.push(text); }
  }
  return out.concat(said).join('\n');
}"#;

/// The tables wider than their box, by id (or the box's label).
const WIDE_TABLES: &str = r#"return Array.from(document.querySelectorAll('.table-wrap'))
  .filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => { const t = e.querySelector('table'); return (t && t.id) || e.getAttribute('aria-label') || '?'; });"#;

/// The axe-core rules whose outcome can change with the window's width
/// alone: the stylesheet changes font sizes (which decide the contrast a text
/// needs) and where things fall (the size and spacing of targets, what
/// overflows its box), never what is shown or hidden.
const LAYOUT_RULES: [&str; 4] = [
    "color-contrast",
    "target-size",
    "scrollable-region-focusable",
    "link-in-text-block",
];

/// Which of axe-core's rules a check runs.
#[derive(Debug, Clone, Copy)]
enum Rules {
    All,
    Layout,
}

const RUN_AXE: &str = r#"const [only, done] = arguments;
if (typeof axe === 'undefined') { done({ error: 'axe-core was not loaded into this page' }); return; }
// Only the violations are wanted: axe-core then keeps one node, not all, of every rule that passed.
axe.run(document, { runOnly: only, resultTypes: ['violations'] })
  .then(r => done({ violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
      target: v.nodes.length ? v.nodes[0].target : null,
      html: v.nodes.length ? v.nodes[0].html.slice(0, 160) : null })) }))
  .catch(err => done({ error: String(err) }));"#;

impl<'a> Crawler<'a> {
    fn problem(&mut self, role: Role, lang: &str, width: Option<u32>, url: &str, what: String) {
        let width = width.map_or_else(|| "any width".to_string(), |w| format!("{w} px"));
        self.report
            .problems
            .push(format!("[{}] {lang} {width} {url}: {what}", role.name()));
    }

    async fn resize(&mut self, width: u32) {
        self.client
            .set_window_size(width, HEIGHT)
            .await
            .expect("resize the window");
        self.width = width;
    }

    /// Waits for the page that replaces this one after a click (the old one is marked).
    async fn wait_for_new_page(&self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let fresh = self
                .client
                .execute(
                    "return window.__crawlOld === undefined && document.readyState === 'complete';",
                    vec![],
                )
                .await;
            if matches!(fresh, Ok(Value::Bool(true))) {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn send(&self, form: &Form) -> Result<(), String> {
        for (id, value) in &form.fill {
            self.client
                .execute(
                    "const f = document.getElementById(arguments[0]); if (!f) { return false; }
                     f.value = arguments[1]; return true;",
                    vec![json!(id), json!(value)],
                )
                .await
                .map_err(|e| format!("fill #{id}: {e}"))
                .and_then(|found| {
                    (found == json!(true))
                        .then_some(())
                        .ok_or(format!("no field #{id}"))
                })?;
        }
        self.client
            .execute("window.__crawlOld = true;", vec![])
            .await
            .map_err(|e| e.to_string())?;
        self.client
            .find(Locator::Css(form.submit))
            .await
            .map_err(|e| format!("no {}: {e}", form.submit))?
            .click()
            .await
            .map_err(|e| format!("click {}: {e}", form.submit))?;
        if self.wait_for_new_page().await {
            Ok(())
        } else {
            Err(format!("no new page after {}", form.submit))
        }
    }

    /// Runs axe-core on the page as it is laid out now: every rule of
    /// `AXE_TAGS`, or with `Rules::Layout` only those whose outcome the width
    /// can change (the page's HTML is the same at every width).
    async fn axe(&mut self, role: Role, lang: &str, url: &str, rules: Rules) {
        let only = match rules {
            Rules::All => json!({ "type": "tag", "values": AXE_TAGS }),
            Rules::Layout => json!({ "type": "rule", "values": LAYOUT_RULES }),
        };
        // Chromium loaded axe-core into the page itself (see `preload_axe`).
        let outcome = self.client.execute_async(RUN_AXE, vec![only]).await;
        let width = Some(self.width);
        match outcome {
            Err(err) => self.problem(role, lang, width, url, format!("axe-core: {err}")),
            Ok(v) if v.get("error").is_some() => {
                self.problem(role, lang, width, url, format!("axe-core: {}", v["error"]));
            }
            Ok(v) => {
                for v in v["violations"].as_array().cloned().unwrap_or_default() {
                    self.problem(
                        role,
                        lang,
                        width,
                        url,
                        format!(
                            "axe {} [{}] {} ({} node(s); first: {} {})",
                            v["id"].as_str().unwrap_or("?"),
                            v["impact"].as_str().unwrap_or("?"),
                            v["help"].as_str().unwrap_or("?"),
                            v["nodes"],
                            v["target"],
                            v["html"].as_str().unwrap_or("")
                        ),
                    );
                }
            }
        }
    }

    /// At 1280 px every table fits its box: none scrolls sideways.
    async fn table_check(&mut self, role: Role, lang: &str, url: &str) {
        let wide = self
            .client
            .execute(WIDE_TABLES, vec![])
            .await
            .unwrap_or(Value::Null);
        for table in wide.as_array().cloned().unwrap_or_default() {
            self.problem(
                role,
                lang,
                Some(WIDE),
                url,
                format!("the table {table} scrolls sideways"),
            );
        }
    }

    async fn scroll_check(&mut self, role: Role, lang: &str, url: &str, measured: &Value) {
        let inner = measured["inner"].as_i64().unwrap_or(0);
        let scroll = measured["scroll"].as_i64().unwrap_or(i64::MAX);
        if inner > i64::from(NARROW) {
            self.problem(
                role,
                lang,
                Some(NARROW),
                url,
                format!("the window is {inner} px wide, asked {NARROW}"),
            );
        }
        if scroll > inner {
            let widest = self
                .client
                .execute(
                    "const w = window.innerWidth;
                     for (const e of document.querySelectorAll('body *')) {
                       if (e.getBoundingClientRect().right <= w + 0.5) { continue; }
                       let clipped = false;
                       for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                         if (getComputedStyle(a).overflowX !== 'visible') { clipped = true; break; }
                       }
                       if (!clipped) { return e.outerHTML.slice(0, 160); }
                     }
                     return 'no element: text overflowing its box, or a positioned one';",
                    vec![],
                )
                .await
                .unwrap_or(Value::Null);
            self.problem(
                role,
                lang,
                Some(NARROW),
                url,
                format!(
                    "sideways scrolling: {scroll} px of content in {inner} px; widest: {widest}"
                ),
            );
        }
    }

    /// Reaches the page state, checks it, and answers what it showed.
    async fn check(
        &mut self,
        role: Role,
        go: &Go,
        expect: u16,
        lang: &str,
        label: &str,
    ) -> Option<Seen> {
        let opened = match go {
            Go::Open(url) => self
                .client
                .goto(&self.stack.url(&localise(url, lang)))
                .await
                .map_err(|e| e.to_string()),
            Go::Send(url, form) => match self
                .client
                .goto(&self.stack.url(&localise(url, lang)))
                .await
            {
                Ok(()) => self.send(form).await,
                Err(e) => Err(e.to_string()),
            },
            Go::Here => Ok(()),
        };
        if let Err(err) = opened {
            self.problem(role, lang, None, label, format!("cannot open: {err}"));
            return None;
        }
        let pseudo = self.mode == Mode::Pseudo;
        let measured = match self.client.execute(MEASURE, vec![json!(pseudo)]).await {
            Ok(v) => v,
            Err(err) => {
                self.problem(
                    role,
                    lang,
                    None,
                    label,
                    format!("cannot read the page: {err}"),
                );
                return None;
            }
        };
        let seen = Seen {
            status: measured["status"]
                .as_u64()
                .and_then(|s| u16::try_from(s).ok())
                .unwrap_or(0),
            path: measured["path"].as_str().unwrap_or_default().to_string(),
            links: measured["links"]
                .as_array()
                .map(|l| {
                    l.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
        };
        let at = format!("{label} → {}", seen.path);
        self.report.states += 1;
        if seen.status != expect {
            self.problem(
                role,
                lang,
                None,
                &at,
                format!("HTTP {} where {expect} was expected", seen.status),
            );
        } else if expect == 200
            && let Some(pattern) = pattern_of(self.routes, &seen.path)
        {
            self.report
                .reached
                .entry(pattern.to_string())
                .or_default()
                .insert(role);
        }
        let text = measured["text"].as_str().unwrap_or_default();
        let said = measured["said"].as_str().unwrap_or_default();
        let shown = self.ids.shown_in(&format!("{text}\n{said}"));
        if !shown.is_empty() {
            self.problem(
                role,
                lang,
                None,
                &at,
                format!("message ids shown instead of text: {shown:?}"),
            );
        }
        match self.mode {
            Mode::Pseudo => {
                self.report.wide += 1;
                let nodes = measured["nodes"].as_str().unwrap_or_default();
                for piece in outside_brackets(nodes) {
                    if let Some(bad) = self.data.not_data(&piece) {
                        self.report
                            .untranslated
                            .entry(bad)
                            .or_default()
                            .insert(format!("[{}] {at}", role.name()));
                    }
                }
            }
            Mode::Full => {
                let first = self.width;
                if first == NARROW {
                    self.scroll_check(role, lang, &at, &measured).await;
                } else {
                    self.table_check(role, lang, &at).await;
                }
                self.axe(role, lang, &at, Rules::All).await;
                let second = if first == NARROW { WIDE } else { NARROW };
                self.resize(second).await;
                if second == WIDE {
                    self.table_check(role, lang, &at).await;
                } else {
                    let measured = self
                        .client
                        .execute(MEASURE, vec![json!(false)])
                        .await
                        .unwrap_or(Value::Null);
                    self.scroll_check(role, lang, &at, &measured).await;
                }
                self.axe(role, lang, &at, Rules::Layout).await;
                self.report.narrow += 1;
                self.report.wide += 1;
            }
        }
        Some(seen)
    }

    fn languages(&self) -> Vec<&'static str> {
        match self.mode {
            Mode::Full => LANGS.to_vec(),
            Mode::Pseudo => vec!["en"],
        }
    }

    async fn sign_in_as(&mut self, role: Role) {
        self.client
            .delete_all_cookies()
            .await
            .expect("forget the last role's session");
        if let Some(email) = role.email() {
            let password = demo_password(self.stack, email).await;
            sign_in(self.stack, &self.client, email, &password).await;
            wait_for_path(&self.client, "/en/account").await;
        }
    }

    /// Opens `seeds` and, when `follow`, the links of every page under `/en/`, one address per
    /// route pattern (a few for some); then the addresses in the other languages. Answers the
    /// addresses opened, first of each pattern first.
    async fn crawl(&mut self, role: Role, seeds: &[String], follow: bool) -> Vec<String> {
        let origin = self.stack.url("");
        let mut queue: VecDeque<String> = VecDeque::new();
        let mut queued: HashSet<String> = HashSet::new();
        // Addresses queued, and opened, of each route pattern.
        let mut per_pattern: HashMap<String, usize> = HashMap::new();
        let mut opened_of: HashMap<String, usize> = HashMap::new();
        let mut families: HashSet<String> = seeds.iter().map(|s| family(s)).collect();
        let mut primary: Vec<String> = Vec::new();
        let mut variants: Vec<String> = Vec::new();
        let routes = self.routes;
        let pattern_of_url = |url: &str| {
            let path = url.split('?').next().unwrap_or_default();
            pattern_of(routes, path).unwrap_or(path).to_string()
        };
        for seed in seeds {
            if queued.insert(seed.clone()) {
                *per_pattern.entry(pattern_of_url(seed)).or_default() += 1;
                queue.push_back(seed.clone());
            }
        }
        let mut opened = 0;
        while let Some(url) = queue.pop_front() {
            if opened >= ROLE_LIMIT {
                self.report.notes.push(format!(
                    "[{}] stopped at {ROLE_LIMIT} addresses; {} left",
                    role.name(),
                    queue.len()
                ));
                break;
            }
            opened += 1;
            let pattern = pattern_of_url(&url);
            let Some(seen) = self
                .check(role, &Go::Open(url.clone()), 200, "en", &url)
                .await
            else {
                continue;
            };
            // An address that sends elsewhere (to sign in) is the other page's business.
            if pattern_of(self.routes, &seen.path) == Some(pattern.as_str()) {
                let count = opened_of.entry(pattern.clone()).or_default();
                *count += 1;
                if *count == 1 {
                    primary.push(url.clone());
                } else {
                    variants.push(url.clone());
                }
            }
            if !follow {
                continue;
            }
            for link in seen.links {
                let Some(local) = link.strip_prefix(&origin) else {
                    continue;
                };
                let local = local.split('#').next().unwrap_or_default().to_string();
                if !local.starts_with("/en/") || !queued.insert(local.clone()) {
                    continue;
                }
                let link_path = local.split('?').next().unwrap_or_default();
                let Some(link_pattern) = pattern_of(self.routes, link_path) else {
                    self.problem(
                        role,
                        "en",
                        None,
                        &url,
                        format!("links to {local}, which no route serves"),
                    );
                    continue;
                };
                if excluded(link_pattern)
                    || (role != Role::Anonymous && PUBLIC.contains(&link_pattern))
                {
                    continue;
                }
                let cap = MORE_VARIANTS
                    .iter()
                    .find(|(p, _)| *p == link_pattern)
                    .map_or(VARIANTS, |(_, cap)| *cap);
                let count = per_pattern.entry(link_pattern.to_string()).or_default();
                if *count < cap && families.insert(family(&local)) {
                    *count += 1;
                    queue.push_back(local);
                }
            }
        }
        let others: Vec<&str> = self
            .languages()
            .into_iter()
            .filter(|l| *l != "en")
            .collect();
        for url in &primary {
            for lang in &others {
                self.check(role, &Go::Open(url.clone()), 200, lang, url)
                    .await;
            }
        }
        for (i, url) in variants.iter().enumerate() {
            if let Some(lang) = others.get(i % others.len().max(1)) {
                self.check(role, &Go::Open(url.clone()), 200, lang, url)
                    .await;
            }
        }
        self.report.first_addresses += primary.len();
        self.report.variants += variants.len();
        let opened: Vec<String> = primary.into_iter().chain(variants).collect();
        self.report
            .opened
            .entry(role)
            .or_default()
            .extend(opened.iter().cloned());
        opened
    }

    /// Error and refusal states, each in every language.
    async fn states(&mut self, role: Role, states: &[(Go, u16, &str)]) {
        self.report.error_states += states.len();
        for (go, expect, label) in states {
            for lang in self.languages() {
                self.check(role, go, *expect, lang, label).await;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Each role's part

fn en(paths: &[&str]) -> Vec<String> {
    paths.iter().map(|p| format!("/en{p}")).collect()
}

fn form(fill: &[(&'static str, &str)], submit: &'static str) -> Form {
    Form {
        fill: fill.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        submit,
    }
}

async fn anonymous(c: &mut Crawler<'_>) {
    let role = Role::Anonymous;
    c.sign_in_as(role).await;
    for (route, from, to) in REDIRECTS {
        c.client
            .goto(&c.stack.url(from))
            .await
            .expect("open a redirecting address");
        let path = c
            .client
            .current_url()
            .await
            .expect("url")
            .path()
            .to_string();
        if pattern_of(c.routes, &path) == Some(to) {
            c.report
                .reached
                .entry(route.to_string())
                .or_default()
                .insert(role);
        } else {
            c.problem(
                role,
                "en",
                None,
                from,
                format!("landed on {path}, not {to}"),
            );
        }
    }
    let seeds = en(&[
        "/",
        "/account/login",
        "/account/register",
        "/account/reset",
        "/account/reset/new?token=00",
        "/account/verify?token=00",
        "/documents/check",
        "/documents/verify",
        "/demo/mailbox?address=ana.popescu@demo.ghiseu.example",
        &format!("/offices/{OFFICE}/display"),
        &format!("/services/{PASSPORT}/calculator?birth_date=1986-02-14&filed_on={TODAY}"),
    ]);
    c.crawl(role, &seeds, true).await;
    let weak = "password1";
    let states = [
        (
            Go::Send("/en/account/register".into(), form(&[], "#register")),
            422,
            "register: nothing filled in",
        ),
        (
            Go::Send(
                "/en/account/login".into(),
                form(
                    &[
                        ("email", "nobody@example.org"),
                        ("password", "not the password"),
                    ],
                    "#login",
                ),
            ),
            401,
            "login: wrong password",
        ),
        (
            Go::Send(
                "/en/account/reset".into(),
                form(&[("email", "not an address")], "#send-reset"),
            ),
            200,
            "reset: not an address",
        ),
        (
            Go::Send(
                "/en/account/reset/new?token=00".into(),
                form(&[("password", weak), ("confirm", "other")], "#set-password"),
            ),
            422,
            "new password: weak, not confirmed",
        ),
        (
            Go::Open(format!(
                "/en/services/{PASSPORT}/calculator?birth_date=2030-01-01&filed_on={TODAY}"
            )),
            200,
            "calculator: born in the future",
        ),
        (
            Go::Send("/en/documents/check".into(), form(&[], "#check-submit")),
            422,
            "document check: nothing filled in",
        ),
        (
            Go::Send(
                "/en/documents/verify".into(),
                form(&[("seal", NOT_A_SEAL)], "#verify-submit"),
            ),
            422,
            "QR verification: not a seal",
        ),
        (
            Go::Open("/en/services/no.such.service".into()),
            404,
            "a service that does not exist",
        ),
    ];
    c.states(role, &states).await;
}

/// The demonstration citizen's personal id: her birth date, Alba's county, a valid check digit.
fn citizen_cnp() -> String {
    (0..10)
        .map(|check| format!("286021401123{check}"))
        .find(|text| NationalId::parse(Country::Ro, text).is_ok())
        .expect("a valid CNP")
}

/// Ticks exactly the holders labelled `names` on the booking form (in the pseudo-locale too).
async fn holders(client: &Client, names: &[&str]) {
    let ticked = client
        .execute(
            "const names = arguments[0]; let n = 0;
             for (const box of document.querySelectorAll('#holders input[type=checkbox]')) {
               const label = document.querySelector('label[for=\"' + box.id + '\"]');
               box.checked = names.includes(label ? label.textContent.replace(/[⟦⟧]/g, '').trim() : '');
               if (box.checked) { n += 1; }
             }
             return n;",
            vec![json!(names)],
        )
        .await
        .expect("tick the holders");
    assert_eq!(ticked, json!(names.len()), "holders {names:?} on the form");
}

/// Books this evening's first free slot at the Alba office for `names`: the booking's address.
async fn book(c: &Crawler<'_>, names: &[&str]) -> String {
    c.client
        .goto(&c.stack.url(&format!(
            "/en/appointments/new?service={PASSPORT}&office={OFFICE}&date={TODAY}"
        )))
        .await
        .expect("open the booking form");
    let slot = wait_for(&c.client, "#slots input[name='start']").await;
    let id = slot.attr("id").await.expect("id").expect("a slot id");
    click(&c.client, &format!("label[for='{id}']")).await;
    holders(&c.client, names).await;
    click(&c.client, "#hold-slot").await;
    wait_for(&c.client, "#confirm").await;
    let path = c
        .client
        .current_url()
        .await
        .expect("url")
        .path()
        .to_string();
    click(&c.client, "#confirm").await;
    wait_for(&c.client, "#calendar").await;
    path
}

/// What the citizen's part makes before it crawls: each is a page no demo data shows.
struct Made {
    own_booking: String,
    child_booking: String,
    fee_order: String,
    invitation_case: String,
}

/// Confirms her identity by card (checking the provider's page and the return), starts an
/// invitation, books for herself and for her son, and puts a fee on a fee order.
async fn make(c: &mut Crawler<'_>) -> Made {
    let role = Role::Citizen;
    c.client
        .goto(&c.stack.url("/en/account/card-check"))
        .await
        .expect("open the card check");
    click(&c.client, "#card-check-start").await;
    let code = wait_for(&c.client, "#demo-code")
        .await
        .text()
        .await
        .expect("the demo code");
    c.check(role, &Go::Here, 200, "en", "the demo card provider")
        .await;
    type_into(&c.client, "card_number", "4111 1111 1111 1111").await;
    type_into(&c.client, "code", &code).await;
    type_into(&c.client, "holder", "Ana Popescu").await;
    wait_for(&c.client, "#country")
        .await
        .select_by_value("RO")
        .await
        .expect("choose Romania");
    type_into(&c.client, "national_id", &citizen_cnp()).await;
    click(&c.client, "#demo-card-confirm").await;
    wait_for_text(&c.client, "Your identity is confirmed").await;
    c.check(role, &Go::Here, 200, "en", "the card check's return")
        .await;

    c.client
        .goto(
            &c.stack
                .url(&format!("/en/applications/new?service={INVITATION}")),
        )
        .await
        .expect("open a new invitation");
    click(&c.client, "#start-application").await;
    wait_for(&c.client, "#invitation-empty").await;
    let invitation_case = c
        .client
        .current_url()
        .await
        .expect("url")
        .path()
        .to_string();

    let own_booking = book(c, &["Me"]).await;
    let child_booking = book(c, &["Mihai Popescu"]).await;

    c.client
        .goto(&c.stack.url("/en/payments/fee-order"))
        .await
        .expect("open the fee order");
    click(&c.client, "input[name='cases']").await;
    click(&c.client, "form:first-of-type button[type='submit']").await;
    wait_for(&c.client, "#fee-order-total").await;
    let fee_order = c
        .client
        .current_url()
        .await
        .expect("url")
        .path()
        .to_string();
    Made {
        own_booking,
        child_booking,
        fee_order,
        invitation_case,
    }
}

/// The hrefs of links matched by `selector` on the English page `path`.
async fn links_on(c: &Crawler<'_>, path: &str, script: &str) -> Vec<String> {
    c.client
        .goto(&c.stack.url(path))
        .await
        .expect("open a page to find links");
    let found = c.client.execute(script, vec![]).await.expect("find links");
    found
        .as_array()
        .map(|l| {
            l.iter()
                .filter_map(|v| v.as_str())
                .map(|href| {
                    let at = href.find("/en/").unwrap_or(0);
                    href[at..].to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

const CHILDREN: &str = "['Ioana Popescu', 'Mihai Popescu']";

async fn citizen_and_guardian(c: &mut Crawler<'_>) {
    c.sign_in_as(Role::Citizen).await;
    let made = make(c).await;
    let mut seeds = en(&[
        "/account",
        "/applications",
        "/documents",
        "/appointments",
        "/invitations",
        "/payments/fee-order",
        "/account/login/second-factor",
        &format!("/appointments/new?service={PASSPORT}&office={OFFICE}&date={NEXT_WEEK}"),
        &format!("/applications/new?service={PASSPORT}"),
    ]);
    seeds.extend([
        made.fee_order,
        made.own_booking,
        made.invitation_case.clone(),
        format!("{}/invitation", made.invitation_case),
    ]);
    let opened = c.crawl(Role::Citizen, &seeds, true).await;
    let report = opened
        .iter()
        .find(|u| u.ends_with("/report"))
        .cloned()
        .unwrap_or_else(|| "/en/documents/none/report".into());
    let states = [
        (
            Go::Send("/en/account/household".into(), form(&[], "#add-ward")),
            422,
            "household: a child with nothing filled in",
        ),
        (
            Go::Send(report, form(&[], "#report-document")),
            422,
            "report a document: no answer",
        ),
        (
            Go::Send(
                "/en/payments/fee-order".into(),
                form(&[], "form:first-of-type button[type='submit']"),
            ),
            422,
            "fee order: nothing chosen",
        ),
        (
            Go::Open("/en/office/cases".into()),
            403,
            "a citizen at the office's queue",
        ),
    ];
    c.states(Role::Citizen, &states).await;

    // Acting for her children: their pages, their case, their documents, a booking for one.
    let mut guardian = links_on(
        c,
        "/en/account/household",
        "return Array.from(document.querySelectorAll('a[href*=\"/account/household/\"]'), a => a.href);",
    )
    .await;
    let of_children = |selector: &str| {
        format!(
            "const names = {CHILDREN}; return Array.from(document.querySelectorAll('{selector}'))
               .filter(e => names.some(n => e.textContent.includes(n)))
               .flatMap(e => Array.from(e.querySelectorAll('a[href]:not([download])'), a => a.href));"
        )
    };
    guardian.extend(links_on(c, "/en/applications", &of_children("#applications tr")).await);
    guardian.extend(links_on(c, "/en/documents", &of_children("section, #waiting li")).await);
    guardian.push(made.child_booking);
    guardian.dedup();
    assert!(
        guardian.len() >= 5,
        "the children's pages, case, documents and booking: {guardian:?}"
    );
    c.crawl(Role::Guardian, &guardian, false).await;
}

async fn staff(c: &mut Crawler<'_>, role: Role) {
    c.sign_in_as(role).await;
    let mut seeds = en(&[
        "/account",
        "/office/cases",
        "/office/counter",
        "/office/documents",
        "/office/identity",
        "/office/guardianships",
        "/office/representations",
        "/office/organisations",
    ]);
    match role {
        // The queue shows work to do; the cases waiting for a fee, returned, handed over or
        // rejected are found through its filter.
        Role::Operator => seeds.extend(en(&[
            "/office/cases?state=fee-due",
            "/office/cases?state=returned",
            "/office/cases?state=handed-over",
            "/office/cases?state=rejected",
        ])),
        Role::Administrator => seeds.extend(en(&["/office/staff", "/office/closures"])),
        _ => {}
    }
    c.crawl(role, &seeds, true).await;
    let states: Vec<(Go, u16, &str)> = match role {
        Role::Operator => vec![
            (
                Go::Send("/en/office/identity".into(), form(&[], "#search")),
                200,
                "identity: no address to look up",
            ),
            (
                Go::Open("/en/office/staff".into()),
                403,
                "an operator at the staff page",
            ),
        ],
        Role::Administrator => vec![(
            Go::Send("/en/office/closures".into(), form(&[], "#add-closure")),
            422,
            "closures: nothing filled in",
        )],
        _ => Vec::new(),
    };
    c.states(role, &states).await;
}

// ---------------------------------------------------------------------------------------------
// The tests

struct Inventory {
    routes: Vec<String>,
    ids: MessageIds,
    data: Data,
}

impl Inventory {
    fn load() -> Inventory {
        let routes = get_routes();
        for (pattern, _) in NOT_CRAWLED {
            assert!(
                routes.iter().any(|r| r == pattern),
                "{pattern} is excluded from the crawl but is no GET route any more"
            );
        }
        Inventory {
            routes,
            ids: MessageIds::load(),
            data: Data::load(),
        }
    }
}

async fn crawler<'a>(stack: &'a Stack, inventory: &'a Inventory, mode: Mode) -> Crawler<'a> {
    let client = stack.browser().await;
    client
        .set_window_size(WIDE, HEIGHT)
        .await
        .expect("size the window");
    if mode == Mode::Full {
        preload_axe(&client, axe_source()).await;
    }
    Crawler {
        stack,
        client,
        routes: &inventory.routes,
        ids: &inventory.ids,
        data: &inventory.data,
        mode,
        width: WIDE,
        report: Report::default(),
    }
}

/// Starts the demo and crawls as every role with two browsers side by side.
async fn crawl_all(env: &[(&str, String)], inventory: &Inventory, mode: Mode) -> (Report, Stack) {
    let mut env = env.to_vec();
    env.push(("GHISEU_CLOCK_START", CLOCK_START.to_string()));
    let stack = Stack::start_with(&["--demo"], &env);
    let report = {
        let mut left = crawler(&stack, inventory, mode).await;
        let mut right = crawler(&stack, inventory, mode).await;
        let both = async {
            tokio::join!(
                async {
                    let start = Instant::now();
                    citizen_and_guardian(&mut left).await;
                    let citizen = start.elapsed();
                    staff(&mut left, Role::Supervisor).await;
                    left.report.notes.push(format!(
                        "first browser: citizen and guardian {citizen:.0?}, supervisor {:.0?}",
                        start.elapsed() - citizen
                    ));
                },
                async {
                    let start = Instant::now();
                    anonymous(&mut right).await;
                    let anonymous = start.elapsed();
                    staff(&mut right, Role::Operator).await;
                    let operator = start.elapsed() - anonymous;
                    staff(&mut right, Role::Administrator).await;
                    right.report.notes.push(format!(
                        "second browser: anonymous {anonymous:.0?}, operator {operator:.0?}, \
                         administrator {:.0?}",
                        start.elapsed() - anonymous - operator
                    ));
                }
            )
        };
        if tokio::time::timeout(CRAWL_LIMIT, both).await.is_err() {
            panic!("the crawl did not finish within {CRAWL_LIMIT:?}");
        }
        let mut report = std::mem::take(&mut left.report);
        report.merge(std::mem::take(&mut right.report));
        for c in [left, right] {
            c.client.close().await.expect("close a browser");
        }
        report
    };
    (report, stack)
}

fn summary(report: &Report, started: Instant) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "crawled {} page states in {:.0?}: {} addresses × every language, {} more of the same \
         patterns × 2 languages, {} error states × every language (and a few made in English \
         on the way); {} at {NARROW} px and {} at {WIDE} px, over {} route patterns",
        report.states,
        started.elapsed(),
        report.first_addresses,
        report.variants,
        report.error_states,
        report.narrow,
        report.wide,
        report.reached.len(),
    );
    for role in Role::ALL {
        let routes: Vec<&str> = report
            .reached
            .iter()
            .filter(|(_, roles)| roles.contains(&role))
            .map(|(p, _)| p.as_str())
            .collect();
        let _ = writeln!(
            out,
            "  {} ({}): {}",
            role.name(),
            routes.len(),
            routes.join(" ")
        );
    }
    for (role, opened) in &report.opened {
        let _ = writeln!(
            out,
            "  {} opened {} addresses in English: {}",
            role.name(),
            opened.len(),
            opened.join(" ")
        );
    }
    for note in &report.notes {
        let _ = writeln!(out, "  note: {note}");
    }
    out
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn every_page_as_every_role_in_every_language_and_width() {
    let started = Instant::now();
    let inventory = Inventory::load();
    let (report, stack) = crawl_all(&[], &inventory, Mode::Full).await;
    println!("{}", summary(&report, started));

    let mut failures = report.problems.clone();
    for route in &inventory.routes {
        if !excluded(route) && !report.reached.contains_key(route) {
            failures.push(format!("the GET route {route} was reached by no role"));
        }
    }
    let log = std::fs::read_to_string(&stack.server_log).unwrap_or_default();
    let mut missing: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("missing message"))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    failures.extend(missing.iter().map(|l| format!("server log: {l}")));
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn the_crawls_axe_check_is_loaded_by_chromium_and_finds_a_violation() {
    let inventory = Inventory::load();
    let stack = Stack::start();
    let mut c = crawler(&stack, &inventory, Mode::Full).await;
    c.client
        .goto(&stack.url("/en/"))
        .await
        .expect("open the home page");
    let loaded = c
        .client
        .execute("return typeof axe;", vec![])
        .await
        .expect("ask the page");
    assert_eq!(
        loaded,
        json!("object"),
        "axe-core was not loaded by Chromium"
    );

    let page = "data:text/html,<!doctype html><html lang=en><title>A page</title>\
                <main><img src=a.png></main></html>";
    c.client
        .goto(page)
        .await
        .expect("open a page without alt text");
    c.axe(Role::Anonymous, "en", "a page without alt text", Rules::All)
        .await;
    assert!(
        c.report
            .problems
            .iter()
            .any(|p| p.contains("axe image-alt")),
        "the missing alt text went unreported: {:?}",
        c.report.problems
    );
    c.client.close().await.expect("close the browser");
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn pseudo_locale_leaves_no_text_outside_the_messages() {
    let started = Instant::now();
    let inventory = Inventory::load();
    let env = [("GHISEU_PSEUDO_LOCALE", "1".to_string())];
    let (report, _stack) = crawl_all(&env, &inventory, Mode::Pseudo).await;
    println!("{}", summary(&report, started));
    let reached = report.reached.len();
    assert!(reached > 20, "the crawl reached {reached} route patterns");
    let mut failures: Vec<String> = report
        .untranslated
        .iter()
        .map(|(text, pages)| {
            let more = pages.len().saturating_sub(3);
            let pages: Vec<&str> = pages.iter().map(String::as_str).take(3).collect();
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!(
                "outside the messages: {text:?} on {}{more}",
                pages.join("; ")
            )
        })
        .collect();
    failures.extend(report.problems.iter().cloned());
    assert!(
        failures.is_empty(),
        "{} problem(s) in the pseudo-locale crawl:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// Checks of the crawler's own parts, run with the other tests (no browser).

#[test]
fn the_routers_get_routes_are_found() {
    let routes = get_routes();
    for route in [
        "/{lang}/",
        "/{lang}/applications/{id}",
        "/{lang}/office/cases/{id}/payment",
        "/demo/card-provider/check",
        "/demo/payment-provider/pay",
    ] {
        assert!(routes.iter().any(|r| r == route), "{route} in {routes:?}");
    }
    assert!(
        !routes.iter().any(|r| r.ends_with("/logout")),
        "POST-only routes are not GET routes"
    );
    assert_eq!(
        pattern_of(&routes, "/en/applications/new"),
        Some("/{lang}/applications/new")
    );
    assert_eq!(
        pattern_of(&routes, "/en/applications/0190-ab"),
        Some("/{lang}/applications/{id}")
    );
    assert_eq!(pattern_of(&routes, "/en/"), Some("/{lang}/"));
    assert_eq!(pattern_of(&routes, "/en/no/such/page/here"), None);
    for (pattern, _) in NOT_CRAWLED {
        assert!(routes.iter().any(|r| r == pattern), "{pattern} is a route");
    }
    assert_eq!(
        family("/en/services/ro.passport.electronic/calculator"),
        "/en/services/ro.passport/calculator"
    );
    assert_eq!(family("/en/authorities/ro.igi"), "/en/authorities/ro.igi");
    assert_eq!(localise("/en/account?x=1", "lt"), "/lt/account?x=1");
    assert_eq!(
        localise("/demo/card-provider/check?reference=r&lang=en", "uk"),
        "/demo/card-provider/check?reference=r&lang=uk"
    );
}

#[test]
fn text_outside_the_brackets_is_found() {
    assert_eq!(
        outside_brackets("⟦Your applications⟧\n⟦Holder: ⟦Ana⟧⟧ Popescu\nPassport\n⟦a⟧ — ⟦b⟧"),
        vec!["Popescu", "Passport"]
    );
    let data = Data::load();
    assert_eq!(data.not_data("Ana Popescu"), None);
    assert_eq!(data.not_data("APT-2026-7K3Q, 2026-12-02, 18:00"), None);
    assert_eq!(data.not_data("ana.popescu@demo.ghiseu.example"), None);
    assert_eq!(data.not_data("ro.passport.electronic"), None);
    assert_eq!(data.not_data("operator.igi-alba@demo.ghiseu.example"), None);
    assert_eq!(data.not_data("Alba Iulia — Vilniaus apskritis"), None);
    assert_eq!(
        data.not_data("Treasury receipt checked at the counter. Paid"),
        Some("Treasury receipt checked at the counter. Paid".to_string()),
        "a word next to data"
    );
    assert_eq!(
        data.not_data("Submit"),
        Some("Submit".to_string()),
        "a button's text"
    );
    let ids = MessageIds::load();
    assert_eq!(ids.shown_in("Welcome: site-name here"), vec!["site-name"]);
    assert!(ids.shown_in("ab-alba-iulia, e-mail").is_empty());
}
