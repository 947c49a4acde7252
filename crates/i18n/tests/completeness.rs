//! Every language of the pages says everything English says, with the same
//! variables, so no page, error, e-mail or SMS falls back to another language.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::{I18n, UI_LANGUAGES};
use std::collections::{BTreeMap, BTreeSet};

/// Each message of `lang`: the variables it names.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    for source in ghiseu_i18n::sources(lang) {
        let resource = fluent_syntax::parser::parse(*source)
            .unwrap_or_else(|(_, errors)| panic!("{lang} does not parse: {errors:?}"));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_variables(pattern, &mut variables);
                }
                let id = message.id.name.to_string();
                assert!(
                    found.insert(id.clone(), variables).is_none(),
                    "{id} is defined twice in {lang}"
                );
            }
        }
    }
    found
}

fn pattern_variables(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, into);
            for variant in variants {
                pattern_variables(&variant.value, into);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, into),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, into);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, into),
        _ => {}
    }
}

#[test]
fn every_language_has_every_english_message_and_no_other() {
    I18n::new().expect("every language parses and has no message twice");
    let english = messages(Lang::En);
    assert!(english.len() > 1000, "{}", english.len());
    let mut failures = Vec::new();
    for lang in UI_LANGUAGES {
        let theirs = messages(lang);
        for id in english.keys().filter(|id| !theirs.contains_key(*id)) {
            failures.push(format!("{lang}: {id} is missing"));
        }
        for id in theirs.keys().filter(|id| !english.contains_key(*id)) {
            failures.push(format!("{lang}: {id} is not an English message"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems: {failures:#?}",
        failures.len()
    );
}

/// A translation names only variables the code gives (English's), and drops
/// none that carry facts (a date, an amount, a number).
#[test]
fn every_translation_uses_the_english_variables() {
    let english = messages(Lang::En);
    let mut failures = Vec::new();
    for lang in UI_LANGUAGES {
        for (id, variables) in messages(lang) {
            let Some(expected) = english.get(&id) else {
                continue;
            };
            if &variables != expected {
                failures.push(format!(
                    "{lang}: {id} names {variables:?}, English {expected:?}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems: {failures:#?}",
        failures.len()
    );
}

/// A language that is mostly English is a placeholder, not a translation.
#[test]
fn every_language_is_translated() {
    let i18n = I18n::new().expect("messages parse");
    let english = messages(Lang::En);
    for lang in UI_LANGUAGES.into_iter().filter(|l| *l != Lang::En) {
        let same: Vec<&String> = english
            .keys()
            .filter(|id| {
                let theirs = i18n.strict(lang, id, &[]);
                let ours = i18n.strict(Lang::En, id, &[]);
                matches!((theirs, ours), (Ok(a), Ok(b)) if a == b && a.chars().any(char::is_alphabetic))
            })
            .collect();
        assert!(
            same.len() * 20 < english.len(),
            "{lang} reads as English in {} messages: {same:?}",
            same.len()
        );
    }
}
