## Робоче місце працівника: представники організацій (юридичних осіб).

office-organisations-title = Представники організацій
office-organisations-intro = Зареєструйте особу як представника компанії чи іншої організації, перевіривши документ, який надає їй повноваження. Після цього вона зможе онлайн подати заяву на довідку про наявність або відсутність судимості для організації.
office-organisations-code = Фіскальний ідентифікаційний код (CUI)
office-organisations-code-hint = Як зареєстровано, з RO або без, наприклад RO 12345674.
office-organisations-name = Назва організації
office-organisations-name-hint = Як зареєстровано в Торговому реєстрі.
office-organisations-email = Адреса електронної пошти представника
office-organisations-email-hint = Адреса його облікового запису Ghiseu. Його особу вже має бути підтверджено банківською карткою або особисто.
office-organisations-evidence = Що підтверджує повноваження
office-organisations-evidence-hint = Наприклад: довіреність № 12 від 3 березня 2026 року або витяг із Торгового реєстру, де цю особу зазначено адміністратором.
office-organisations-submit = Зареєструвати представника
office-organisations-recorded = { $email } тепер зареєстровано як представника організації { $name } (CUI { $code }).
office-organisations-error-registration_code-malformed = CUI має від 2 до 10 цифр, з RO на початку або без нього. Перевірте його за реєстраційними даними.
office-organisations-error-registration_code-check-digit = Контрольна цифра цього CUI не збігається. Перевірте, чи немає помилки.
office-organisations-error-name-required = Введіть назву організації так, як її зареєстровано.
office-organisations-error-name-too-long = Назва задовга: не більше 200 символів.
office-organisations-error-evidence-required = Вкажіть, що підтверджує повноваження, наприклад номер і дату довіреності.
office-organisations-error-evidence-too-long = Про повноваження напишіть не більше 500 символів.
office-organisations-error-email-unknown = Жоден обліковий запис не використовує цю адресу електронної пошти. Представник має спочатку зареєструватися.
office-organisations-error-email-not-assured = Особу цієї людини ще не підтверджено ні банківською карткою, ні особисто: спочатку підтвердьте її.
office-organisations-error-email-already = Цю особу вже зареєстровано як представника організації.
office-organisations-none-here = Жоден із ваших офісів не надає послуг організаціям, тому представників реєструють в офісі, який їх надає.
