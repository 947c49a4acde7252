use ghiseu_domain::catalogue::Lang;
use ghiseu_web::i18n::I18n;
use std::collections::BTreeSet;

#[test]
fn romanian_and_english_have_the_same_messages() {
    let i18n = I18n::new().unwrap();
    let ro: BTreeSet<String> = i18n.keys(Lang::Ro).into_iter().collect();
    let en: BTreeSet<String> = i18n.keys(Lang::En).into_iter().collect();
    assert!(en.len() > 100);
    assert_eq!(
        ro.difference(&en).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "only in Romanian"
    );
    assert_eq!(
        en.difference(&ro).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "only in English"
    );
}

/// Every `m("key")` in a template or page module names a real message.
#[test]
fn every_message_a_page_asks_for_exists() {
    let i18n = I18n::new().unwrap();
    let en: BTreeSet<String> = i18n.keys(Lang::En).into_iter().collect();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut asked = BTreeSet::new();
    let mut files = Vec::new();
    let mut dirs: Vec<std::path::PathBuf> = ["templates", "src/pages", "src/accounts"]
        .iter()
        .map(|d| root.join(d))
        .collect();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path)
            } else {
                files.push(path)
            }
        }
    }
    {
        for path in files {
            let text = std::fs::read_to_string(path).unwrap();
            for part in text
                .split(".m(\"")
                .skip(1)
                .chain(text.split("t.with(\"").skip(1))
            {
                let key = part.split('"').next().unwrap();
                if !key.contains('{') {
                    asked.insert(key.to_string());
                }
            }
        }
    }
    assert!(asked.len() > 40, "{asked:?}");
    let missing: Vec<&String> = asked.iter().filter(|k| !en.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "messages used but not defined: {missing:?}"
    );
}

#[test]
fn romanian_plurals_take_de_from_twenty() {
    let i18n = I18n::new().unwrap();
    let days = |n| {
        i18n.text_with(
            Lang::Ro,
            "processing-working-days",
            &[("n", ghiseu_web::i18n::number_arg(n))],
        )
    };
    assert_eq!(days(1), "o zi lucrătoare");
    assert_eq!(days(3), "3 zile lucrătoare");
    assert_eq!(days(20), "20 de zile lucrătoare");
    let en = i18n.text_with(
        Lang::En,
        "processing-working-days",
        &[("n", ghiseu_web::i18n::number_arg(1))],
    );
    assert_eq!(en, "1 working day");
}

#[test]
fn a_missing_message_falls_back_to_its_key() {
    let i18n = I18n::new().unwrap();
    assert_eq!(i18n.text(Lang::Ro, "no-such-message"), "no-such-message");
}
