invitation-form-title = Данные приглашения
invitation-form-intro = Укажите, кого вы приглашаете (данные — точно как в его проездном документе), а также когда и где он будет находиться. Изменить данные можно до отправки запроса.
invitation-section-invitee = Приглашаемое лицо
invitation-section-stay = Поездка
invitation-save = Сохранить данные
invitation-section-title = Приглашение
invitation-section-empty = Вы ещё не заполнили данные приглашения. Заполните их до отправки запроса.
invitation-section-fill = Заполнить данные приглашения
invitation-section-change = Изменить данные приглашения
invitation-field-inviter = Вы приглашаете как
invitation-field-invitee = Приглашаемое лицо
invitation-field-given_name = Имена
invitation-field-family_name = Фамилия
invitation-field-birth_date = Дата рождения
invitation-field-citizenship = Гражданство
invitation-field-passport_number = Номер проездного документа
invitation-field-passport_expires_on = Проездной документ действителен до
invitation-field-purpose = Цель поездки
invitation-field-stay = Пребывание
invitation-field-stay_from = Первый день пребывания
invitation-field-stay_until = Последний день пребывания
invitation-field-stay_address = Адрес проживания во время пребывания
invitation-hint-given_name = Как в проездном документе, латинскими буквами.
invitation-hint-citizenship = Гражданство приглашаемого лица, как указано в его паспорте.
invitation-hint-passport_number = От 6 до 9 букв и цифр, как напечатано на странице с данными.
invitation-hint-passport_expires_on = Проездной документ должен действовать ещё не менее { $margin } { $margin ->
    [one] дня
    [few] дней
    [many] дней
   *[other] дня
} после последнего дня пребывания.
invitation-hint-stay_until = Пребывание длится не более { $days } { $days ->
    [one] дня
    [few] дней
    [many] дней
   *[other] дня
}, считая первый и последний день.
invitation-error-required = Заполните поле «{ $field }».
invitation-error-too-long = Поле «{ $field }» слишком длинное. Сократите текст.
invitation-error-name-characters = В поле «{ $field }» используйте только буквы, пробелы, дефисы и апострофы.
invitation-error-date-malformed = В поле «{ $field }» указана несуществующая дата. Введите год, месяц и день, например 2027-03-15.
invitation-error-birth-date-implausible = Дата рождения не может быть в будущем. Сверьте её с проездным документом.
invitation-error-country-malformed = Укажите гражданство двухбуквенным кодом страны, например UA.
invitation-error-not-a-foreigner = Приглашение оформляется для иностранца. Гражданину этой страны приглашение не нужно.
invitation-error-passport-number-malformed = Номер проездного документа состоит из 6–9 букв и цифр. Перепишите его со страницы с данными проездного документа.
invitation-error-unknown-purpose = Выберите цель поездки из списка.
invitation-error-stay-in-past = Пребывание не может начинаться раньше сегодняшнего дня. Укажите первый день начиная с сегодняшнего.
invitation-error-stay-ends-before-start = Последний день пребывания раньше первого. Проверьте обе даты.
invitation-error-stay-too-long = Пребывание длится больше { $days } { $days ->
    [one] дня
    [few] дней
    [many] дней
   *[other] дня
}. Сократите его или оформите визу другого вида.
invitation-error-passport-expires-too-soon = Проездной документ перестаёт действовать меньше чем через { $margin } { $margin ->
    [one] день
    [few] дня
    [many] дней
   *[other] дня
} после окончания пребывания. Приглашаемому нужен проездной документ с более долгим сроком действия.
invitation-error-unknown-inviter = Выберите, в каком качестве вы приглашаете.
invitation-error-inviter-mismatch = Это не соответствует запросу: юридическое лицо приглашает только через запрос, открытый для него его представителем, а физическое лицо — только от своего имени.
invitation-error-closed = Запрос уже отправлен, поэтому его данные больше нельзя изменить.
invitation-print-title = Приглашение для иностранца
invitation-print-invitee = Приглашаемое лицо
invitation-print-passport = Номер проездного документа
invitation-print-purpose = Цель поездки
invitation-print-details = Пребывание и приглашающая сторона
invitation-print-citizenship = Гражданство
invitation-print-passport-expires = Проездной документ действителен до
invitation-print-stay = Пребывание
invitation-print-stay-dates = с { $from } по { $until }
invitation-print-address = Адрес пребывания
invitation-print-inviter = Приглашающая сторона
invitation-print-request = Запрос
invitation-print-verify = Любой может проверить это приглашение: введите его номер и номер проездного документа приглашённого на сайте { $url } или отсканируйте QR-код приложением для проверки, которому не нужно подключение к интернету.
invitations-title = Мои приглашения
invitations-intro = Ваши запросы на приглашение иностранца и одобренные приглашения. Одобренное приглашение можно распечатать отсюда.
invitations-filter = Показать
invitations-show-filed = Все запросы
invitations-show-pending = Ждут решения
invitations-show-approved = Одобренные
invitations-show-closed = Отклонённые или отозванные
invitations-none-filed = Вы ещё не подавали запрос на приглашение иностранца.
invitations-none-pending = Ни один ваш запрос не ждёт решения.
invitations-none-approved = Ни одно ваше приглашение ещё не одобрено.
invitations-none-closed = Ни один ваш запрос не был отклонён или отозван.
invitations-approved-as = Приглашение
invitations-download = Скачать (PDF)
invitations-back = Все мои заявления
invitations-standing-valid = действует
invitations-standing-withdrawn = больше не действует
office-do-approve-invitation = Одобрить приглашение
office-do-refuse-invitation = Отказать в приглашении
case-problem-invitation-missing = Заполните данные приглашения: кого вы приглашаете, его проездной документ и пребывание.
case-problem-invitation-outdated = Данные приглашения больше не актуальны (например, пребывание уже началось). Измените их до отправки запроса.
invitation-withdraw-title = Отозвать приглашение
invitation-withdraw-hint = Если поездка не состоится, отзовите приглашение. Оно сразу перестанет действовать: об этом сообщат публичная проверка и QR-код. Отменить это нельзя; для новой поездки подайте новый запрос.
invitation-withdraw-confirm = Я понимаю, что приглашение сразу и навсегда перестанет действовать.
invitation-withdraw = Отозвать приглашение
invitation-withdraw-confirm-needed = Чтобы отозвать приглашение, отметьте, что вы понимаете: оно перестанет действовать навсегда.
invitation-withdraw-not-in-force = Это приглашение уже не действует, отзывать нечего.
registry-action-withdraw = Отозвано тем, кто его запросил
service-invitation-title = Кто может приглашать и с какой целью
service-invitation-limits = Пребывание длится не более { $days } { $days ->
    [one] дня
    [few] дней
    [many] дней
   *[other] дня
}, считая первый и последний день. Проездной документ приглашённого должен действовать ещё не менее { $margin } { $margin ->
    [one] дня
    [few] дней
    [many] дней
   *[other] дня
} после окончания пребывания.
service-invitation-inviters = Кто может приглашать
service-invitation-no-more = Других копий, кроме перечисленных выше, не нужно.
service-invitation-also = Кроме перечисленных выше копий:
service-invitation-purposes = Цели поездки
office-case-invitation-stay-over = Пребывание, для которого оформляется приглашение, уже закончилось, поэтому одобрить его нельзя. Откажите; приглашающий может подать новый запрос на новые даты.
