invitation-form-title = Дані запрошення
invitation-form-intro = Вкажіть, кого ви запрошуєте, — дані мають точно збігатися з проїзним документом, — а також коли і де ця особа перебуватиме. Ви можете змінювати їх, доки не надішлете запит.
invitation-section-invitee = Запрошена особа
invitation-section-stay = Візит
invitation-save = Зберегти дані
invitation-section-title = Запрошення
invitation-section-empty = Ви ще не заповнили дані запрошення. Заповніть їх, перш ніж надсилати запит.
invitation-section-fill = Заповнити дані запрошення
invitation-section-change = Змінити дані запрошення
invitation-field-inviter = Ви запрошуєте як
invitation-field-invitee = Запрошена особа
invitation-field-given_name = Імʼя (імена)
invitation-field-family_name = Прізвище
invitation-field-birth_date = Дата народження
invitation-field-citizenship = Громадянство
invitation-field-passport_number = Номер проїзного документа
invitation-field-passport_expires_on = Проїзний документ дійсний до
invitation-field-purpose = Мета візиту
invitation-field-stay = Перебування
invitation-field-stay_from = Перший день перебування
invitation-field-stay_until = Останній день перебування
invitation-field-stay_address = Адреса, за якою особа перебуватиме
invitation-hint-given_name = Як написано в проїзному документі, латинськими літерами.
invitation-hint-citizenship = Громадянство запрошеної особи, як зазначено в її паспорті.
invitation-hint-passport_number = Від 6 до 9 літер і цифр, як надруковано на сторінці з даними.
invitation-hint-passport_expires_on = Проїзний документ має бути дійсним щонайменше { $margin ->
    [one] { $margin } день
    [few] { $margin } дні
    [many] { $margin } днів
   *[other] { $margin } дня
} після останнього дня перебування.
invitation-hint-stay_until = Перебування триває щонайбільше { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
}, враховуючи перший і останній день.
invitation-error-required = Заповніть поле «{ $field }».
invitation-error-too-long = Поле «{ $field }» задовге. Скоротіть його.
invitation-error-name-characters = У полі «{ $field }» використовуйте лише літери, пробіли, дефіси та апострофи.
invitation-error-date-malformed = У полі «{ $field }» вказано неіснуючу дату. Введіть рік, місяць і день, наприклад 2027-03-15.
invitation-error-birth-date-implausible = Дата народження не може бути в майбутньому. Звірте її з проїзним документом.
invitation-error-country-malformed = Введіть громадянство дволітерним кодом країни, наприклад UA.
invitation-error-not-a-foreigner = Запрошення оформлюють для іноземця. Громадянинові цієї країни запрошення не потрібне.
invitation-error-passport-number-malformed = Номер проїзного документа має від 6 до 9 літер і цифр. Перепишіть його зі сторінки з даними проїзного документа.
invitation-error-unknown-purpose = Виберіть мету візиту зі списку.
invitation-error-stay-in-past = Перебування не може починатися раніше за сьогодні. Вкажіть перший день, починаючи з сьогоднішнього.
invitation-error-stay-ends-before-start = Останній день перебування раніший за перший. Перевірте обидві дати.
invitation-error-stay-too-long = Перебування довше ніж { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
}. Скоротіть його або оформіть візу іншого типу.
invitation-error-passport-expires-too-soon = Строк дії проїзного документа закінчується менш ніж через { $margin ->
    [one] { $margin } день
    [few] { $margin } дні
    [many] { $margin } днів
   *[other] { $margin } дня
} після завершення перебування. Запрошеній особі потрібен проїзний документ із довшим строком дії.
invitation-error-unknown-inviter = Виберіть, у якій якості ви запрошуєте.
invitation-error-inviter-mismatch = Це не відповідає запиту: юридична особа запрошує лише через запит, який для неї відкрив її представник, а фізична особа — лише від власного імені.
invitation-error-closed = Цей запит уже надіслано, тому його дані більше не можна змінити.
invitation-print-title = Запрошення для іноземця
invitation-print-invitee = Запрошена особа
invitation-print-passport = Номер проїзного документа
invitation-print-purpose = Мета візиту
invitation-print-details = Перебування та запрошувач
invitation-print-citizenship = Громадянство
invitation-print-passport-expires = Проїзний документ дійсний до
invitation-print-stay = Перебування
invitation-print-stay-dates = з { $from } до { $until }
invitation-print-address = Адреса перебування
invitation-print-inviter = Запрошувач
invitation-print-request = Запит
invitation-print-verify = Будь-хто може перевірити це запрошення: введіть його номер і номер проїзного документа запрошеної особи на { $url } або відскануйте QR-код застосунком для перевірки, якому не потрібне підключення до інтернету.
invitations-title = Мої запрошення
invitations-intro = Подані вами запити на запрошення іноземця та схвалені запрошення. Звідси можна роздрукувати схвалене запрошення.
invitations-filter = Показати
invitations-show-filed = Усі запити
invitations-show-pending = Очікують рішення
invitations-show-approved = Схвалені
invitations-show-closed = Відхилені або відкликані
invitations-none-filed = Ви ще не подавали запит на запрошення іноземця.
invitations-none-pending = Жоден із ваших запитів не очікує рішення.
invitations-none-approved = Жодне з ваших запрошень ще не схвалено.
invitations-none-closed = Жоден із ваших запитів не було відхилено чи відкликано.
invitations-approved-as = Запрошення
invitations-download = Завантажити (PDF)
invitations-back = Усі мої заяви
invitations-standing-valid = чинне
invitations-standing-withdrawn = більше не дійсне
office-do-approve-invitation = Схвалити запрошення
office-do-refuse-invitation = Відмовити в запрошенні
case-problem-invitation-missing = Заповніть дані запрошення: кого ви запрошуєте, дані проїзного документа та перебування.
case-problem-invitation-outdated = Дані запрошення вже не актуальні на сьогодні (наприклад, перебування вже почалося). Змініть їх, перш ніж надсилати запит.
invitation-withdraw-title = Відкликати запрошення
invitation-withdraw-hint = Якщо візит не відбудеться, відкличте запрошення. Воно одразу стане недійсним: так показуватимуть і публічна перевірка, і QR-код. Цю дію не можна скасувати; для нового візиту подайте новий запит.
invitation-withdraw-confirm = Я розумію, що запрошення стане недійсним одразу й назавжди.
invitation-withdraw = Відкликати запрошення
invitation-withdraw-confirm-needed = Щоб відкликати запрошення, позначте пункт, що ви розумієте: воно стане недійсним назавжди.
invitation-withdraw-not-in-force = Це запрошення вже недійсне, тож відкликати нічого.
registry-action-withdraw = Відкликано особою, яка його запитувала
service-invitation-title = Хто може запрошувати і з якою метою
service-invitation-limits = Перебування триває щонайбільше { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
}, враховуючи перший і останній день. Проїзний документ запрошеної особи має бути дійсним щонайменше { $margin ->
    [one] { $margin } день
    [few] { $margin } дні
    [many] { $margin } днів
   *[other] { $margin } дня
} після завершення перебування.
service-invitation-inviters = Хто може запрошувати
service-invitation-no-more = Жодних копій, крім зазначених вище.
service-invitation-also = Крім зазначених вище копій:
service-invitation-purposes = Мета візиту
office-case-invitation-stay-over = Перебування, для якого оформлено це запрошення, уже закінчилося, тому його не можна схвалити. Відмовте; запрошувач може подати новий запит на нові дати.
