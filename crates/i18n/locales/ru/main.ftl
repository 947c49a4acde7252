site-name = Ghiseu
site-tagline = Государственные услуги по документам
nav-account = Личный кабинет
skip-to-content = Перейти к основному содержанию
language-nav = Язык
lang-name-ro = Română
lang-name-en = English
lang-name-ru = Русский
lang-name-uk = Українська
lang-name-lt = Lietuvių
footer-text = Ghiseu — программа с открытым исходным кодом. Стоимость, сроки и списки документов взяты из опубликованных перечней услуг каждого ведомства.
footer-api = Описание API (OpenAPI)
breadcrumbs = Вы здесь
breadcrumb-home = Все услуги

home-title = Государственные услуги по документам
home-intro = Выберите услугу. Вы узнаете, кто может обратиться, какие документы принести, сколько это стоит и сколько времени занимает.
authority-services = Услуги
authority-contact = Контакты

service-calculator-link = Рассчитать стоимость и сроки для вашего случая
service-who = Кто может обратиться
service-documents = Какие документы принести
service-documents-intro = Список документов зависит от того, для кого оформляется документ.
document-original = оригинал
document-copy = копия
document-original-and-copy = оригинал и копия
service-questions = Какие вопросы вам зададут
service-fees = Стоимость и сроки оформления
table-urgency = Срок оформления
table-fees = Стоимость
table-total = Итого
table-total-by-age = Зависит от возраста
fee-under-age = { $amount } до { $age } { $age ->
    [one] года
    [few] лет
    [many] лет
   *[other] лет
}
fee-from-age = { $amount } с { $age } { $age ->
    [one] года
    [few] лет
    [many] лет
   *[other] лет
}
service-reductions = Льготы по оплате
reduction-applies = { $urgency }: снижается до { $amount }.
reduction-confirmed = Когда вы подаёте заявление, оператор проверяет, что вы соответствуете условиям льготы.
service-validity = Срок действия документа
validity-none = По этой услуге не выдаётся документ со сроком действия.
validity-lifetime = Действует бессрочно.
validity-fixed = Действует { $term } со дня выдачи.
validity-by-age-intro = Срок зависит от возраста владельца на день подачи заявления:
validity-band = от { $from } до { $to } { $to ->
    [one] года
    [few] лет
    [many] лет
   *[other] лет
}: { $term }
validity-band-last = от { $from } { $from ->
    [one] года
    [few] лет
    [many] лет
   *[other] лет
} и старше: { $term }
validity-until-birthday = Действует до первого после выдачи дня рождения владельца, когда ему исполняется один из этих возрастов (полных лет): { $ages }.
validity-lifetime-from = Выдаётся бессрочно, если на день выдачи владельцу { $age } { $age ->
    [one] год
    [few] года
    [many] лет
   *[other] года
} или больше.
validity-granted-stay = Действует, пока действует предоставленное право на пребывание.
validity-capped-passport = Не дольше срока действия паспорта или проездного документа владельца.
validity-capped-id = Не дольше срока действия национального документа, удостоверяющего личность владельца.
validity-same-as-id = Действует столько же, сколько национальный документ, удостоверяющий личность владельца.
validity-same-as-passport = Действует столько же, сколько паспорт владельца.
term-years = { $n ->
    [one] { $n } год
    [few] { $n } года
    [many] { $n } лет
   *[other] { $n } года
}
term-months = { $n ->
    [one] { $n } месяц
    [few] { $n } месяца
    [many] { $n } месяцев
   *[other] { $n } месяца
}
processing-none = Ждать не нужно
processing-same-day = В тот же день (если вы подаёте заявление в нерабочий день — на следующий рабочий день)
processing-working-days = { $n ->
    [one] { $n } рабочий день
    [few] { $n } рабочих дня
    [many] { $n } рабочих дней
   *[other] { $n } рабочего дня
}
processing-calendar-days = { $n ->
    [one] { $n } календарный день
    [few] { $n } календарных дня
    [many] { $n } календарных дней
   *[other] { $n } календарного дня
}
urgency-standard = Обычный срок
service-biometrics = Фотография и отпечатки пальцев
biometrics-none = Фотографию и отпечатки пальцев не снимают.
biometrics-face = При подаче заявления вас фотографируют.
biometrics-fingerprints = При подаче заявления у вас снимают отпечатки пальцев.
biometrics-face-fingerprints = При подаче заявления вас фотографируют и снимают отпечатки пальцев.
biometrics-fingerprints-from = Отпечатки пальцев не снимают у лиц младше { $age } { $age ->
    [one] года
    [few] лет
    [many] лет
   *[other] лет
}, а также если это физически невозможно.
service-payment = Как оплатить
service-notes = Полезно знать
renewal-notice = Подайте заявление не позднее чем за { $days } { $days ->
    [one] день
    [few] дня
    [many] дней
   *[other] дня
} до окончания срока действия вашего нынешнего документа.

# Названия месяцев в родительном падеже: дата выводится как «5 января 2026».

not-found-title = Страница не найдена
not-found-body = Если вы вводили адрес вручную, проверьте, правильно ли он написан. Можно также начать заново со списка услуг.

calculator-title = Расчёт стоимости: { $service }
calculator-crumb = Расчёт стоимости
calculator-intro = Введите данные владельца документа. Вы увидите стоимость, дату готовности документа и срок его действия. Введённые здесь данные не сохраняются.
calculator-more = Другие параметры
calculate = Рассчитать
field-service = Услуга
field-birth_date = Дата рождения владельца документа
field-birth_date-hint = Например, 2016-05-10. От возраста зависят стоимость и срок действия.
field-filed_on = Дата подачи заявления
field-filed_on-hint = День, когда вы подаёте заявление. Оставьте поле пустым, если это сегодня.
field-issued_on = Дата выдачи
field-issued_on-hint = Оставьте поле пустым, чтобы срок действия считался со дня готовности документа.
field-stay_until = Последний день предоставленного права на пребывание
field-stay_until-hint = Как указано в решении о предоставлении права на пребывание.
field-passport_expires = Дата окончания срока действия паспорта или проездного документа владельца
field-passport_expires-hint = Вид на жительство никогда не действует дольше этой даты.
field-id_document_expires = Дата окончания срока действия национального документа, удостоверяющего личность владельца
field-id_document_expires-hint = Вид на жительство действует до этой даты.
field-urgency = Срок оформления
field-reductions = Льготы, на которые вы претендуете
error-summary-title = Есть ошибка
error-prefix = Ошибка:
error-date-format = { $field }: напишите дату в формате год-месяц-день, например 2026-11-23.
error-date-impossible = { $field }: такой даты не существует. Проверьте день и месяц.
error-required = { $field }: обязательное поле.
error-too-long = { $field }: слишком длинный текст.
quote-error-unknown-service = Такой услуги нет. Выберите услугу из списка.
quote-error-urgency-not-offered = По этой услуге нет такого срока оформления. Выберите один из вариантов: { $offered }.
quote-error-unknown-reduction = У этой услуги нет такой льготы.
quote-error-reduction-not-for-urgency = Эта льгота не действует при выбранном сроке оформления. Выберите другой срок или уберите льготу.
quote-error-reductions-overlap = Две выбранные льготы снижают одну и ту же плату. Оставьте только одну из них.
quote-error-birth-date-required = Укажите дату рождения: от возраста владельца зависит стоимость или срок действия.
quote-error-birth-date-after-filing = Дата рождения ({ $birth_date }) позже даты подачи заявления ({ $filed_on }). Проверьте обе даты.
quote-error-implausible-birth-date = С такой датой рождения ({ $birth_date }) владельцу было бы больше 130 лет. Проверьте год.
quote-error-issue-before-filing = Дата выдачи ({ $issued_on }) раньше даты подачи заявления ({ $filed_on }). Документ выдают в день подачи заявления или позже.
quote-error-missing-fact = { $label }: укажите эту дату, от неё зависит срок действия.
quote-error-fact-not-after-issue = { $label }: дата { $date } не позже даты выдачи ({ $issued_on }), поэтому документ не мог бы быть выдан. Проверьте дату.
quote-error-date-out-of-range = Эти даты слишком далеко в прошлом или в будущем. Проверьте год.
result-title = Ваш расчёт
result-urgency = Срок оформления
result-filed-on = Дата подачи заявления
result-deadline = Будет готов к
result-valid-until = Действует до
result-fees = Что нужно оплатить
result-amount = Сумма
result-total = Итого к оплате
result-no-deadline = Ждать не нужно
result-lifetime = Бессрочно
result-no-validity = Без срока действия

register-title = Регистрация
register-intro = С учётной записью вы можете подавать заявления онлайн, следить за ними и получать сообщения о своих документах.
register-submit = Зарегистрироваться
register-have-account = Уже есть учётная запись? Войдите
field-email = Адрес электронной почты
field-email-hint = Мы отправим на этот адрес ссылку, чтобы убедиться, что он ваш.
field-new-password = Пароль
field-new-password-hint = Не меньше 10 символов. Надёжный и легко запоминаемый пароль — несколько не связанных между собой слов.
field-confirm-password = Введите пароль ещё раз
field-password = Пароль
account-error-email-empty = Введите адрес электронной почты.
account-error-email-too-long = Адрес электронной почты может содержать не больше 254 символов.
account-error-email-shape = Введите адрес электронной почты в виде name@example.com.
account-error-email-local-part = Часть адреса до @ может содержать только буквы, цифры и символы . _ % + - ' (без пробелов).
account-error-email-domain = Часть адреса после @ должна быть доменом, например example.com.
account-error-password-too-short = Пароль должен содержать не меньше 10 символов.
account-error-password-too-long = Пароль может содержать не больше 128 символов.
account-error-password-guessable = Этот пароль слишком легко угадать. Добавьте ещё слова и не используйте имена, даты и распространённые фразы.
account-error-confirm = Пароли не совпадают. Введите их ещё раз.
check-email-title = Проверьте почту
check-email-body = Если этот адрес можно использовать, мы отправили на него письмо со ссылкой. Откройте ссылку в течение 24 часов, чтобы подтвердить адрес, а затем войдите.
try-again-title = Извините, не получилось
try-again-body = У нас произошла ошибка, ничего не сохранено. Попробуйте ещё раз через несколько минут.
form-expired-title = Срок действия формы истёк
form-expired-body = В целях безопасности форма перестаёт работать через некоторое время или если её открыли с другого сайта. Ничего не сохранено.
form-expired-link = Открыть форму заново
verify-title = Подтвердите адрес электронной почты
verify-intro = Нажмите кнопку, чтобы подтвердить, что этот адрес электронной почты принадлежит вам.
verify-submit = Подтвердить адрес
verify-go-to-login = Войти
verify-done-title = Адрес электронной почты подтверждён
verify-done-body = Теперь вы можете войти.
verify-used-title = Эта ссылка уже использована
verify-used-body = Ваш адрес уже подтверждён. Вы можете войти.
verify-expired-title = Срок действия ссылки истёк
verify-expired-body = Ссылки действуют 24 часа. Запросите новую: она придёт на тот же адрес.
verify-unknown-title = Ссылка недействительна
verify-unknown-body = Проверьте, что вы открыли ссылку из письма целиком, или зарегистрируйтесь заново.
login-title = Вход
login-submit = Войти
login-no-account = Ещё нет учётной записи? Зарегистрируйтесь
login-error-credentials = Неверный адрес электронной почты или пароль.
login-error-unverified = Сначала подтвердите адрес электронной почты: откройте ссылку из письма, которое мы вам отправили.
login-error-throttled = Слишком много неудачных попыток входа в эту учётную запись или с этого подключения. В целях безопасности подождите 15 минут, или войдите с устройства, с которого уже входили раньше, или сбросьте пароль: ссылка из нашего письма разблокирует учётную запись.
account-title = Личный кабинет
account-role = Роль
account-assurance = Как подтверждена личность
role-citizen = Заявитель
role-operator = Оператор
role-supervisor = Руководитель
role-administrator = Администратор
assurance-email = Только адрес электронной почты
assurance-in-person = Оператором, лично в отделении
assurance-card = Проверкой банковской карты
logout = Выйти
logout-everywhere = Выйти на всех устройствах
email-verify-subject = Подтвердите адрес электронной почты для Ghiseu
email-verify-body = Здравствуйте!

    Чтобы подтвердить, что этот адрес принадлежит вам, откройте эту ссылку в течение 24 часов:
    { $link }

    Если вы не создавали учётную запись, просто не обращайте внимания на это письмо.
email-exists-subject = Кто-то пытался зарегистрироваться с вашим адресом электронной почты
email-exists-body = Здравствуйте!

    Кто-то пытался создать учётную запись Ghiseu с этим адресом, но для него учётная запись уже есть. Если это были вы, войдите здесь:
    { $link }

    Если это были не вы, ничего делать не нужно.
login-forgot = Забыли пароль?
reset-title = Сброс пароля
reset-intro = Введите адрес электронной почты вашей учётной записи. Мы отправим на него ссылку, чтобы вы выбрали новый пароль.
reset-submit = Отправить ссылку
reset-sent-body = Если этот адрес используется в учётной записи, мы отправили на него ссылку. Откройте её в течение часа и выберите новый пароль.
reset-new-title = Выберите новый пароль
reset-new-submit = Сохранить новый пароль
reset-done-title = Пароль изменён
reset-done-body = В целях безопасности вы вышли из учётной записи на всех устройствах. Войдите с новым паролем.
reset-used-body = Эта ссылка уже использована. Если нужно, запросите новую.
reset-expired-body = Ссылка действует один час. Запросите новую.
reset-unknown-body = Проверьте, что вы открыли ссылку из письма целиком, или запросите новую.
reset-again = Запросить новую ссылку
email-reset-subject = Сброс пароля Ghiseu
email-reset-body = Здравствуйте!

    Чтобы выбрать новый пароль, откройте эту ссылку в течение часа:
    { $link }

    Если вы не запрашивали сброс, не обращайте внимания на это письмо: пароль останется прежним.
messages-title = Сообщения, которые мы вам отправили
messages-none = Мы ещё не отправляли вам сообщений.
messages-when = Поставлено в очередь
messages-channel = Способ
messages-subject = Тема
messages-status = Доставка
message-channel-email = Эл. почта
message-channel-sms = SMS
message-status-pending = Ожидает отправки
message-status-sent = Отправлено
message-status-failed = Не удалось доставить
message-status-withdrawn = Отменено, не отправлено
second-factor-title = Коды для входа с телефона
second-factor-on = Вход с кодом включён: после пароля мы запрашиваем код из приложения-аутентификатора.
second-factor-intro = Защитите учётную запись вторым шагом входа: после пароля — шестизначный код из приложения на телефоне.
second-factor-step-app = Установите на телефон приложение-аутентификатор, если его у вас ещё нет.
second-factor-step-scan = В приложении добавьте учётную запись, отсканировав этот код.
second-factor-qr-label = QR-код для сканирования приложением-аутентификатором
second-factor-step-type = Если отсканировать не получается, введите этот ключ:
second-factor-step-code = Введите шестизначный код, который показывает приложение.
second-factor-submit = Включить вход с кодом
second-factor-error-code = Код неверный. Введите шесть цифр, которые приложение показывает сейчас, или резервный код.
field-code = Шестизначный код
field-code-or-recovery = Код из приложения или резервный код
recovery-codes-title = Сохраните эти резервные коды
recovery-codes-intro = Если вы потеряете телефон, каждый из этих кодов позволит войти один раз. Распечатайте или перепишите их и храните в надёжном месте: больше мы их не покажем.
second-step-title = Введите код для входа
second-step-intro = Откройте приложение-аутентификатор и введите код, который оно показывает для Ghiseu.
second-step-submit = Продолжить
service-assurance = Подтверждение личности
service-assurance-intro = Прежде чем подать заявление, нужно подтвердить личность одним из этих способов:
service-assurance-email = подтверждённый адрес электронной почты
service-assurance-in-person = один раз, предъявив документ, удостоверяющий личность, в отделении
service-assurance-card = онлайн, проверкой банковской карты (3-D Secure)
service-assurance-link = Как подтверждена ваша личность — смотрите в личном кабинете
office-nav-title = Служебный раздел
office-forbidden-title = Эта страница для сотрудников
office-forbidden-body = С вашей учётной записью нельзя открыть служебный раздел. Если вы работаете в окне приёма, попросите доступ у администратора.
office-identity-title = Проверка личности в окне приёма
office-search-label = Адрес электронной почты учётной записи человека
office-search = Найти
office-not-found = Нет учётной записи с таким адресом. Уточните адрес у человека.
office-document-type = Предъявленный документ
office-document-number = Номер документа
office-country = Страна, присвоившая персональный идентификационный номер
office-national-id = Персональный идентификационный номер
office-record = Записать проверку
office-identity-done = Проверка записана: личность владельца учётной записи теперь подтверждена лично.
office-error-document-type = Выберите тип предъявленного документа.
office-error-document-number = Введите номер документа: от 4 до 20 букв и цифр.
office-error-country = Выберите страну, присвоившую персональный идентификационный номер.
office-error-national-id = Проверьте персональный идентификационный номер:
office-error-national-id-taken = Этот персональный идентификационный номер уже привязан к другой учётной записи. Ничего не записано; направьте человека к руководителю.
office-error-national-id-different = К этой учётной записи уже привязан другой персональный идентификационный номер. Ничего не записано.
office-error-unknown-person = Этой учётной записи больше нет. Выполните поиск снова.
document-type-identity-card = Удостоверение личности
document-type-passport = Паспорт
document-type-residence-permit = Вид на жительство
register-throttled-title = Отсюда создано слишком много учётных записей
register-throttled-body = Ради общей безопасности мы ограничиваем число учётных записей, которые можно создать из одного места за час. Попробуйте снова через час; ничего не сохранено.
household-title = Ваши дети
household-intro = Добавьте ребёнка, родителем или законным представителем которого вы являетесь. Оператор подтверждает родство по документу, который вы предъявите в отделении. После этого вы можете подавать заявления за ребёнка и видеть его документы до его 18-летия.
household-none = Вы ещё не добавили ни одного ребёнка.
household-add-title = Добавить ребёнка
household-add-hint = Принесите выбранный ниже документ в выбранное вами отделение: запрос ждёт, пока его не проверит оператор этого отделения.
household-field-office = Отделение, где вы предъявите документ
household-field-office-hint = Выберите отделение, куда вам удобно прийти; его операторы подтверждают родство.
household-field-office-choose = Выберите отделение
household-error-office = Выберите отделение из списка.
household-add-submit = Запросить право действовать за этого ребёнка
household-field-given_name = Имя ребёнка
household-field-family_name = Фамилия ребёнка
household-field-birth_date = Дата рождения
household-field-relationship = Кем вы приходитесь ребёнку
household-field-evidence = Документ, который вы предъявите
household-relationship-parent = Родитель
household-relationship-legal-representative = Законный представитель
household-evidence-birth-certificate = Свидетельство о рождении
household-evidence-guardianship-decision = Решение об опеке
household-status-pending = Ждёт подтверждения оператором
household-status-confirmed = Подтверждено
household-status-ended = Прекращено в день 18-летия
household-status-refused = Не подтверждено: причину узнайте в отделении
household-error-adult = Этому человеку уже исполнилось 18 лет: совершеннолетний сам управляет своей учётной записью.
household-error-choice = Выберите родство и документ из списков.
household-ends = Вы можете действовать за этого ребёнка до
office-guardianships-title = Родители и опекуны ждут подтверждения
office-guardianships-back = Вернуться к списку
office-decision-choose = Выберите: подтвердить или отклонить запрос.
office-decision-already = По этому запросу уже принял решение кто-то другой. Обновите список.
office-at = Отделение
office-record-title = Записать родство по документам, предъявленным здесь
office-record-hint = Используйте эту форму, когда родитель или законный представитель находится у вашего окна со свидетельством о рождении или решением об опеке: родство подтверждается сразу.
office-record-relationship = Кем этот человек приходится ребёнку
office-record-evidence = Документ, который вы проверили
office-record-submit = Записать подтверждённое родство
office-record-done = Родство записано и подтверждено. Родитель или опекун видит ребёнка в своём личном кабинете.
office-staff-title = Сотрудники и их отделения
office-staff-members = Нынешние сотрудники
office-staff-email = Адрес электронной почты учётной записи
office-staff-role = Роль
office-staff-authority = Ведомство
office-staff-offices = Отделения
office-staff-offices-hint = Оператор работает в отмеченных здесь отделениях. Руководители и администраторы видят все отделения своего ведомства.
office-staff-installation = Все ведомства (администратор системы)
office-staff-assign = Назначить роль
office-staff-assign-hint = У человека уже должна быть учётная запись. Его сеансы завершатся, и новая роль начнёт действовать, когда он снова войдёт.
office-staff-submit = Сохранить роль
office-staff-saved = Роль сохранена. Чтобы ею пользоваться, человеку нужно войти заново.
office-staff-forbidden = Назначать роли может только администратор. Обратитесь к администратору.
office-staff-error-self = Нельзя изменить собственную роль: обратитесь к другому администратору.
office-staff-error-role = Выберите роль из списка.
office-staff-error-authority = Выберите ведомство, которым вы управляете.
office-staff-error-foreign-office = Отмечайте только отделения выбранного ведомства.
office-staff-error-no-office = Отметьте хотя бы одно отделение, где работает оператор.
office-guardianships-none = Запросов в ожидании нет.
office-guardian = Учётная запись родителя или опекуна
office-confirm = Подтвердить: я видел(а) документ
office-refuse = Отклонить
household-error-grant-self = Нельзя записать или подтвердить родство, в котором родитель или опекун — вы сами. Попросите об этом коллегу.
office-error-grant-self = Нельзя записать проверку собственной личности. Попросите коллегу проверить ваш документ.
office-error-grant-staff-representative = Личность сотрудника проверяет руководитель или администратор.
service-apply = Подать заявление
service-book = Записаться на приём
service-apply-hint = Если вы ещё не вошли, сначала вам предложат войти или создать учётную запись.
resend-title = Отправить ссылку для подтверждения ещё раз
resend-intro = Укажите адрес электронной почты, с которым вы регистрировались. Если он ещё ожидает подтверждения, мы отправим на него новую ссылку, действующую 24 часа.
resend-submit = Отправить новую ссылку
resend-sent-title = Проверьте электронную почту
resend-sent-body = Если учётная запись с этим адресом ожидает подтверждения, новая ссылка уже отправлена. Откройте её в течение 24 часов. Если письмо не пришло, проверьте папку «Спам» или зарегистрируйтесь заново.
resend-throttled-title = Слишком много запросов
resend-throttled-body = Отсюда слишком часто запрашивали ссылки. Попробуйте снова через час.
resend-link = Не получили ссылку для подтверждения или она перестала работать? Отправить ещё раз
home-filter-title = Найти услугу
home-filter-authority = Ведомство
home-filter-for = Для кого
home-filter-any = Любое
home-filter-submit = Показать услуги
home-filter-clear = Показать все услуги
home-filter-none = Ни одна услуга не подходит под этот выбор. Выберите «Любое» в одном из полей или покажите все услуги.
home-for-everyone = Для всех
home-for-citizens = Для граждан страны
home-for-foreigners = Для иностранцев
home-for-stateless = Для лиц без гражданства
home-for-organisations = Для компаний и организаций
