//! Fluent bundles whose plural forms and numbers follow ICU4X's CLDR data.
//!
//! fluent-bundle would choose a plural variant with its own, older rules and
//! print numbers without grouping. So each resource is rewritten as it is
//! loaded: every selector that can be a number, `{ $n -> … }`, becomes
//! `{ PLURAL($n) -> … }`. `PLURAL` is a function of the bundle: a number
//! becomes its CLDR cardinal category (`one`, `few`, …) from `icu_plurals`
//! for the bundle's locale, and text passes through unchanged, so
//! `{ $kind -> [passport] … }` still matches. Translators write plain Fluent;
//! the price is that variant keys are matched as text, so a numeric key such
//! as `[0]` would never match (a test keeps them out of the message files).
//! Numbers shown in a message go through the bundle's formatter, `icu_decimal`
//! for the bundle's locale.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::{
    CallArguments, Entry, Expression, Identifier, InlineExpression, Pattern, PatternElement,
};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::DecimalFormatterOptions;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

pub(crate) type Bundle = FluentBundle<FluentResource>;

const PLURAL: &str = "PLURAL";

/// A bundle of `sources` for `locale`, selectors rewritten as described above.
pub(crate) fn bundle(locale: &Locale, sources: &[&str]) -> Result<Bundle, String> {
    let id: LanguageIdentifier = locale
        .to_string()
        .parse()
        .map_err(|e| format!("{locale}: {e:?}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks would end up inside HTML attributes and e-mails.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_number));
    let rules = PluralRules::try_new_cardinal(locale.into()).map_err(|e| e.to_string())?;
    bundle
        .add_function(PLURAL, move |args, _: &FluentArgs| category(&rules, args))
        .map_err(|e| format!("{e:?}"))?;
    for source in sources {
        bundle
            .add_resource(resource(source)?)
            .map_err(|errors| format!("{errors:?}"))?;
    }
    Ok(bundle)
}

/// `source` parsed, its selectors wrapped in `PLURAL`, ready for a bundle.
fn resource(source: &str) -> Result<FluentResource, String> {
    let ast = rewritten(source)?;
    FluentResource::try_new(fluent_syntax::serializer::serialize(&ast))
        .map_err(|(_, errors)| format!("{errors:?}"))
}

pub(crate) fn rewritten(source: &str) -> Result<fluent_syntax::ast::Resource<&str>, String> {
    let mut ast =
        fluent_syntax::parser::parse(source).map_err(|(_, errors)| format!("{errors:?}"))?;
    for entry in &mut ast.body {
        match entry {
            Entry::Message(message) => {
                message.value.iter_mut().for_each(pattern);
                message
                    .attributes
                    .iter_mut()
                    .for_each(|a| pattern(&mut a.value));
            }
            Entry::Term(term) => {
                pattern(&mut term.value);
                term.attributes
                    .iter_mut()
                    .for_each(|a| pattern(&mut a.value));
            }
            _ => {}
        }
    }
    Ok(ast)
}

fn pattern(pattern: &mut Pattern<&str>) {
    for element in &mut pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            self::expression(expression);
        }
    }
}

fn expression(expression: &mut Expression<&str>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline(selector);
            // Term attributes and literal text can only be text.
            if matches!(
                selector,
                InlineExpression::VariableReference { .. }
                    | InlineExpression::NumberLiteral { .. }
                    | InlineExpression::FunctionReference { .. }
            ) {
                let inner =
                    std::mem::replace(selector, InlineExpression::StringLiteral { value: "" });
                *selector = InlineExpression::FunctionReference {
                    id: Identifier { name: PLURAL },
                    arguments: CallArguments {
                        positional: vec![inner],
                        named: Vec::new(),
                    },
                };
            }
            for variant in variants {
                pattern(&mut variant.value);
            }
        }
        Expression::Inline(expression) => inline(expression),
    }
}

fn inline(expression: &mut InlineExpression<&str>) {
    let arguments = match expression {
        InlineExpression::Placeable { expression } => return self::expression(expression),
        InlineExpression::FunctionReference { arguments, .. } => arguments,
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => arguments,
        _ => return,
    };
    arguments.positional.iter_mut().for_each(inline);
    arguments
        .named
        .iter_mut()
        .for_each(|a| inline(&mut a.value));
}

/// `PLURAL(value)`: a number's cardinal category, or the text as it is.
fn category<'a>(rules: &PluralRules, args: &[FluentValue<'a>]) -> FluentValue<'a> {
    match args {
        [FluentValue::Number(number)] => FluentValue::from(match decimal(number) {
            Some(decimal) => category_name(rules.category_for(&decimal)),
            None => "other",
        }),
        [value] => value.clone(),
        _ => FluentValue::Error,
    }
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// `number` with the digits it shows, which the plural operands depend on
/// (`1` is `one` in English, `1.0` is `other`).
fn decimal(number: &FluentNumber) -> Option<Decimal> {
    if !number.value.is_finite() {
        return None;
    }
    // The shortest text that reads back as the same f64, never in exponent form.
    let mut decimal = Decimal::try_from_str(&number.value.to_string()).ok()?;
    if let Some(digits) = number.options.minimum_fraction_digits {
        decimal.absolute.pad_end(-i16::try_from(digits).ok()?);
    }
    Some(decimal)
}

/// The bundle's number formatter, made once per bundle by its memoizer,
/// which knows the bundle's locale (the formatter hook is a plain `fn`).
struct Numbers(DecimalFormatter);

impl Memoizable for Numbers {
    type Args = ();
    type Error = String;

    fn construct(lang: LanguageIdentifier, (): ()) -> Result<Self, String> {
        let locale: Locale = lang.to_string().parse().map_err(|e| format!("{e:?}"))?;
        DecimalFormatter::try_new((&locale).into(), DecimalFormatterOptions::default())
            .map(Numbers)
            .map_err(|e| e.to_string())
    }
}

fn format_number(value: &FluentValue<'_>, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let decimal = decimal(number)?;
    intls
        .with_try_get::<Numbers, _, _>((), |numbers| numbers.0.format(&decimal).to_string())
        .ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::rewritten;
    use ghiseu_domain::catalogue::Lang;

    /// The serializer loses nothing: what the bundle reads is the rewritten tree.
    #[test]
    fn every_rewritten_file_reads_back_the_same() {
        for lang in Lang::ALL {
            for source in crate::sources(lang) {
                let ast = rewritten(source).unwrap();
                let text = fluent_syntax::serializer::serialize(&ast);
                let back = fluent_syntax::parser::parse(text.as_str()).unwrap();
                assert_eq!(back, ast, "{lang}");
            }
        }
    }

    #[test]
    fn number_selectors_are_wrapped_and_text_is_not() {
        let ast =
            rewritten("a = { $n ->\n [one] x\n *[other] y\n}\nb = { -t.kind ->\n *[k] z\n}\n");
        let text = fluent_syntax::serializer::serialize(&ast.unwrap());
        assert!(text.contains("{ PLURAL($n) ->"), "{text}");
        assert!(text.contains("{ -t.kind ->"), "{text}");
    }
}
