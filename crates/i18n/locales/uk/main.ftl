site-name = Ghiseu
site-tagline = Державні послуги з оформлення документів
nav-account = Особистий кабінет
skip-to-content = Перейти до основного вмісту
language-nav = Мова
lang-name-ro = Română
lang-name-en = English
lang-name-ru = Русский
lang-name-uk = Українська
lang-name-lt = Lietuvių
footer-text = Ghiseu — програмне забезпечення з відкритим кодом. Збори, строки та переліки документів взято з офіційного каталогу кожного органу влади.
footer-api = Опис API (OpenAPI)
breadcrumbs = Ви тут
breadcrumb-home = Усі послуги

home-title = Державні послуги з оформлення документів
home-intro = Виберіть послугу, щоб дізнатися, хто може звернутися, які документи взяти з собою, скільки це коштує і скільки часу займає.
authority-services = Послуги
authority-contact = Контакти

service-calculator-link = Розрахувати збір і строки для вашого випадку
service-who = Хто може звернутися
service-documents = Які документи взяти з собою
service-documents-intro = Перелік документів залежить від того, для кого оформлюється документ.
document-original = оригінал
document-copy = копія
document-original-and-copy = оригінал і копія
service-questions = Вас запитають
service-fees = Збори та строки оформлення
table-urgency = Строк оформлення
table-fees = Збори
table-total = Разом
table-total-by-age = Залежить від віку
fee-under-age = { $amount } до { $age ->
    [one] { $age } року
    [few] { $age } років
    [many] { $age } років
   *[other] { $age } року
}
fee-from-age = { $amount } з { $age ->
    [one] { $age } року
    [few] { $age } років
    [many] { $age } років
   *[other] { $age } року
}
service-reductions = Пільги зі сплати збору
reduction-applies = { $urgency }: зменшено до { $amount }.
reduction-confirmed = Під час подання заяви працівник перевірить, чи ви відповідаєте умовам.
service-validity = Строк дії документа
validity-none = Ця послуга не передбачає видачі документа з обмеженим строком дії.
validity-lifetime = Безстроковий.
validity-fixed = Строк дії — { $term } від дня видачі.
validity-by-age-intro = Залежить від віку власника документа на день подання заяви:
validity-band = від { $from } до { $to ->
    [one] { $to } року
    [few] { $to } років
    [many] { $to } років
   *[other] { $to } року
}: { $term }
validity-band-last = { $from ->
    [one] { $from } рік
    [few] { $from } роки
    [many] { $from } років
   *[other] { $from } року
} і старше: { $term }
validity-until-birthday = Дійсний до першого після видачі дня народження, у який власникові виповнюється стільки років: { $ages }.
validity-lifetime-from = Видається безстроково, якщо в день видачі власникові не менше ніж { $age ->
    [one] { $age } рік
    [few] { $age } роки
    [many] { $age } років
   *[other] { $age } року
}.
validity-granted-stay = Дійсний, поки діє надане право на перебування.
validity-capped-passport = Не довше, ніж діє паспорт або проїзний документ власника.
validity-capped-id = Не довше, ніж діє національний документ, що посвідчує особу власника.
validity-same-as-id = Дійсний, поки діє національний документ, що посвідчує особу власника.
validity-same-as-passport = Дійсний, поки діє паспорт власника.
term-years = { $n ->
    [one] { $n } рік
    [few] { $n } роки
    [many] { $n } років
   *[other] { $n } року
}
term-months = { $n ->
    [one] { $n } місяць
    [few] { $n } місяці
    [many] { $n } місяців
   *[other] { $n } місяця
}
processing-none = Без очікування
processing-same-day = Того самого дня (наступного робочого дня, якщо ви подаєте заяву у неробочий день)
processing-working-days = { $n ->
    [one] { $n } робочий день
    [few] { $n } робочі дні
    [many] { $n } робочих днів
   *[other] { $n } робочого дня
}
processing-calendar-days = { $n ->
    [one] { $n } календарний день
    [few] { $n } календарні дні
    [many] { $n } календарних днів
   *[other] { $n } календарного дня
}
urgency-standard = Звичайний
service-biometrics = Фотографія та відбитки пальців
biometrics-none = Фотографію та відбитки пальців не беруть.
biometrics-face = Під час подання заяви вас сфотографують.
biometrics-fingerprints = Під час подання заяви у вас візьмуть відбитки пальців.
biometrics-face-fingerprints = Під час подання заяви вас сфотографують і візьмуть відбитки пальців.
biometrics-fingerprints-from = Відбитки пальців не беруть у дітей до { $age ->
    [one] { $age } року
    [few] { $age } років
    [many] { $age } років
   *[other] { $age } року
} і тоді, коли це фізично неможливо.
service-payment = Як оплатити
service-notes = Корисно знати
renewal-notice = Подайте заяву щонайменше за { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
} до закінчення строку дії вашого чинного документа.


not-found-title = Сторінку не знайдено
not-found-body = Якщо ви вводили адресу вручну, перевірте, чи вона правильна. Також можна почати спочатку зі списку послуг.

calculator-title = Калькулятор збору: { $service }
calculator-crumb = Калькулятор збору
calculator-intro = Введіть дані власника документа, щоб дізнатися розмір збору, коли документ буде готовий і скільки він діятиме. Введені тут дані ніде не зберігаються.
calculator-more = Додаткові параметри
calculate = Розрахувати
field-service = Послуга
field-birth_date = Дата народження власника документа
field-birth_date-hint = Наприклад, 2016-05-10. Розмір збору і строк дії залежать від віку.
field-filed_on = Дата подання заяви
field-filed_on-hint = День, коли ви подаєте заяву. Залиште поле порожнім, якщо це сьогодні.
field-issued_on = Дата видачі
field-issued_on-hint = Залиште поле порожнім, щоб строк дії рахувався від дня, коли документ буде готовий.
field-stay_until = Останній день наданого права на перебування
field-stay_until-hint = Як зазначено в рішенні про надання права на перебування.
field-passport_expires = Дата закінчення строку дії паспорта або проїзного документа власника
field-passport_expires-hint = Посвідка ніколи не діє довше за цю дату.
field-id_document_expires = Дата закінчення строку дії національного документа, що посвідчує особу власника
field-id_document_expires-hint = Посвідка діє до цієї дати.
field-urgency = Строк оформлення
field-reductions = Пільги, на які ви претендуєте
error-summary-title = Виникла проблема
error-prefix = Помилка:
error-date-format = { $field }: напишіть дату у форматі рік-місяць-день, наприклад 2026-11-23.
error-date-impossible = { $field }: такої дати не існує. Перевірте день і місяць.
error-required = { $field }: це поле обовʼязкове.
error-too-long = { $field }: текст задовгий.
quote-error-unknown-service = Такої послуги немає. Виберіть послугу зі списку.
quote-error-urgency-not-offered = Цю послугу не можна надати в такий строк. Виберіть один із варіантів: { $offered }.
quote-error-unknown-reduction = Для цієї послуги немає такої пільги.
quote-error-reduction-not-for-urgency = Ця пільга не діє для вибраного строку оформлення. Виберіть інший строк або приберіть пільгу.
quote-error-reductions-overlap = Дві вибрані пільги зменшують один і той самий збір. Виберіть лише одну з них.
quote-error-birth-date-required = Введіть дату народження: від віку власника залежить розмір збору або строк дії.
quote-error-birth-date-after-filing = Дата народження ({ $birth_date }) пізніша за дату подання заяви ({ $filed_on }). Перевірте обидві дати.
quote-error-implausible-birth-date = З такою датою народження ({ $birth_date }) власникові було б понад 130 років. Перевірте рік.
quote-error-issue-before-filing = Дата видачі ({ $issued_on }) раніша за дату подання заяви ({ $filed_on }). Документ видають у день подання заяви або пізніше.
quote-error-missing-fact = { $label }: введіть цю дату, від неї залежить строк дії.
quote-error-fact-not-after-issue = { $label }: дата { $date } не пізніша за дату видачі ({ $issued_on }), тому документ не можна було б видати. Перевірте дату.
quote-error-date-out-of-range = Ці дати надто далеко в минулому або в майбутньому. Перевірте роки.
result-title = Ваш розрахунок
result-urgency = Строк оформлення
result-filed-on = Дата подання заяви
result-deadline = Буде готово до
result-valid-until = Дійсний до
result-fees = Збори до сплати
result-amount = Сума
result-total = Разом до сплати
result-no-deadline = Чекати не потрібно
result-lifetime = Безстроково
result-no-validity = Не має строку дії

register-title = Створити обліковий запис
register-intro = Маючи обліковий запис, ви можете подавати заяви онлайн, стежити за ними й отримувати повідомлення про свої документи.
register-submit = Створити обліковий запис
register-have-account = Уже маєте обліковий запис? Увійдіть
field-email = Адреса електронної пошти
field-email-hint = Ми надішлемо на цю адресу посилання, щоб підтвердити, що вона ваша.
field-new-password = Пароль
field-new-password-hint = Щонайменше 10 символів. Кілька не повʼязаних між собою слів — це надійний пароль, який легко запамʼятати.
field-confirm-password = Введіть пароль ще раз
field-password = Пароль
account-error-email-empty = Введіть адресу електронної пошти.
account-error-email-too-long = Адреса електронної пошти може мати не більше 254 символів.
account-error-email-shape = Введіть адресу електронної пошти у форматі name@example.com.
account-error-email-local-part = Частина до @ може містити лише літери, цифри та символи . _ % + - ' (без пробілів).
account-error-email-domain = Частина після @ має бути доменом, наприклад example.com.
account-error-password-too-short = Пароль має містити щонайменше 10 символів.
account-error-password-too-long = Пароль може містити не більше 128 символів.
account-error-password-guessable = Цей пароль надто легко вгадати. Додайте більше слів і не використовуйте імена, дати та поширені фрази.
account-error-confirm = Паролі не збігаються. Введіть їх ще раз.
check-email-title = Перевірте електронну пошту
check-email-body = Якщо цю адресу можна використати, ми надіслали на неї лист із посиланням. Відкрийте посилання протягом 24 годин, щоб підтвердити адресу, а потім увійдіть.
try-again-title = На жаль, не вдалося
try-again-body = Сталася помилка з нашого боку, нічого не збережено. Спробуйте ще раз за кілька хвилин.
form-expired-title = Ця форма вже не діє
form-expired-body = З міркувань безпеки форма перестає працювати через деякий час або якщо її відкрито з іншого сайту. Нічого не збережено.
form-expired-link = Відкрити форму ще раз
verify-title = Підтвердьте адресу електронної пошти
verify-intro = Натисніть кнопку, щоб підтвердити, що ця адреса електронної пошти ваша.
verify-submit = Підтвердити мою адресу
verify-go-to-login = Увійти
verify-done-title = Вашу адресу електронної пошти підтверджено
verify-done-body = Тепер ви можете увійти.
verify-used-title = Це посилання вже використано
verify-used-body = Вашу адресу вже підтверджено. Ви можете увійти.
verify-expired-title = Строк дії посилання минув
verify-expired-body = Посилання дійсні 24 години. Запросіть нове: його буде надіслано на ту саму адресу.
verify-unknown-title = Посилання недійсне
verify-unknown-body = Перевірте, чи ви відкрили посилання з листа повністю, або зареєструйтеся ще раз.
login-title = Вхід
login-submit = Увійти
login-no-account = Ще не маєте облікового запису? Створіть його
login-error-credentials = Неправильна адреса електронної пошти або пароль.
login-error-unverified = Спочатку підтвердьте адресу електронної пошти: відкрийте посилання в листі, який ми вам надіслали.
login-error-throttled = Забагато невдалих спроб входу в цей обліковий запис або з цього підключення. З міркувань безпеки зачекайте 15 хвилин, або увійдіть із пристрою, яким ви вже користувалися, або змініть пароль: посилання, яке ми надішлемо вам електронною поштою, розблокує обліковий запис.
account-title = Особистий кабінет
account-role = Роль
account-assurance = Особу перевірено
role-citizen = Громадянин
role-operator = Оператор
role-supervisor = Керівник
role-administrator = Адміністратор
assurance-email = Лише за адресою електронної пошти
assurance-in-person = Працівником особисто, в офісі
assurance-card = Через перевірку банківської картки
logout = Вийти
logout-everywhere = Вийти на всіх пристроях
email-verify-subject = Підтвердьте адресу електронної пошти для Ghiseu
email-verify-body = Добрий день!

    Щоб підтвердити, що ця адреса ваша, відкрийте це посилання протягом 24 годин:
    { $link }

    Якщо ви не створювали обліковий запис, просто не зважайте на цей лист.
email-exists-subject = Хтось намагався зареєструватися з вашою адресою електронної пошти
email-exists-body = Добрий день!

    Хтось намагався створити обліковий запис Ghiseu з цією адресою, але для неї обліковий запис уже є. Якщо це були ви, увійдіть тут:
    { $link }

    Якщо це були не ви, нічого робити не потрібно.
login-forgot = Забули пароль?
reset-title = Відновлення пароля
reset-intro = Введіть адресу електронної пошти вашого облікового запису. Ми надішлемо на неї посилання, щоб ви могли встановити новий пароль.
reset-submit = Надіслати посилання
reset-sent-body = Якщо з цією адресою повʼязано обліковий запис, ми надіслали на неї посилання. Відкрийте його протягом години, щоб встановити новий пароль.
reset-new-title = Встановіть новий пароль
reset-new-submit = Зберегти новий пароль
reset-done-title = Ваш пароль змінено
reset-done-body = З міркувань безпеки ви вийшли з облікового запису на всіх пристроях. Увійдіть із новим паролем.
reset-used-body = Це посилання вже використано. Якщо потрібно, попросіть нове.
reset-expired-body = Посилання діють одну годину. Попросіть нове.
reset-unknown-body = Перевірте, чи ви відкрили посилання з листа повністю, або попросіть нове.
reset-again = Попросити нове посилання
email-reset-subject = Відновлення пароля Ghiseu
email-reset-body = Добрий день!

    Щоб встановити новий пароль, відкрийте це посилання протягом години:
    { $link }

    Якщо ви цього не просили, не зважайте на цей лист: ваш пароль залишиться тим самим.
messages-title = Повідомлення, які ми вам надіслали
messages-none = Ми ще не надсилали вам жодного повідомлення.
messages-when = Поставлено в чергу
messages-channel = Спосіб
messages-subject = Тема
messages-status = Доставлення
message-channel-email = Електронна пошта
message-channel-sms = SMS
message-status-pending = Очікує надсилання
message-status-sent = Надіслано
message-status-failed = Не вдалося доставити
message-status-withdrawn = Скасовано, не надіслано
second-factor-title = Коди для входу з телефона
second-factor-on = Коди для входу ввімкнено: після пароля ми просимо ввести код із застосунку-автентифікатора.
second-factor-intro = Захистіть свій обліковий запис другим кроком: після пароля — шестизначний код із застосунку на вашому телефоні.
second-factor-step-app = Встановіть на телефон застосунок-автентифікатор, якщо його у вас немає.
second-factor-step-scan = У застосунку додайте обліковий запис, відсканувавши цей код.
second-factor-qr-label = QR-код, який потрібно відсканувати застосунком-автентифікатором
second-factor-step-type = Якщо не вдається відсканувати, введіть цей ключ:
second-factor-step-code = Введіть шестизначний код, який показує застосунок.
second-factor-submit = Увімкнути коди для входу
second-factor-error-code = Код неправильний. Введіть шість цифр, які застосунок показує зараз, або резервний код.
field-code = Шестизначний код
field-code-or-recovery = Код із застосунку або резервний код
recovery-codes-title = Збережіть ці резервні коди
recovery-codes-intro = Якщо ви загубите телефон, кожен із цих кодів дасть змогу увійти один раз. Роздрукуйте або запишіть їх і зберігайте в надійному місці: ми більше їх не покажемо.
second-step-title = Введіть код для входу
second-step-intro = Відкрийте застосунок-автентифікатор і введіть код, який він показує для Ghiseu.
second-step-submit = Продовжити
service-assurance = Підтвердження особи
service-assurance-intro = Перш ніж подати заяву, потрібно підтвердити вашу особу одним із цих способів:
service-assurance-email = підтверджена адреса електронної пошти
service-assurance-in-person = один раз, показавши документ, що посвідчує особу, працівникові в офісі
service-assurance-card = онлайн, через перевірку банківської картки (3-D Secure)
service-assurance-link = Подивитися, як підтверджено вашу особу, в особистому кабінеті
office-nav-title = Робоче місце працівника
office-forbidden-title = Ця сторінка для працівників
office-forbidden-body = Ваш обліковий запис не має доступу до робочого місця працівника. Якщо ви працюєте з відвідувачами, попросіть доступ в адміністратора.
office-identity-title = Перевірка особи під час особистого звернення
office-search-label = Адреса електронної пошти облікового запису особи
office-search = Знайти
office-not-found = Жоден обліковий запис не використовує цю адресу. Уточніть її в особи.
office-document-type = Поданий документ
office-document-number = Номер документа
office-country = Країна персонального ідентифікаційного номера
office-national-id = Персональний ідентифікаційний номер
office-record = Зареєструвати перевірку
office-identity-done = Перевірку зареєстровано: особу власника облікового запису тепер підтверджено особисто.
office-error-document-type = Виберіть тип поданого документа.
office-error-document-number = Введіть номер документа: від 4 до 20 літер і цифр.
office-error-country = Виберіть країну персонального ідентифікаційного номера.
office-error-national-id = Перевірте персональний ідентифікаційний номер:
office-error-national-id-taken = Цей персональний ідентифікаційний номер уже належить іншому обліковому запису. Нічого не зареєстровано; направте особу до керівника.
office-error-national-id-different = У цьому обліковому записі вже є інший персональний ідентифікаційний номер. Нічого не зареєстровано.
office-error-unknown-person = Цього облікового запису вже не існує. Виконайте пошук ще раз.
document-type-identity-card = Посвідчення особи (ID-картка)
document-type-passport = Паспорт
document-type-residence-permit = Посвідка на проживання
register-throttled-title = Забагато нових облікових записів з цього місця
register-throttled-body = З міркувань безпеки для всіх ми обмежуємо кількість облікових записів, які можна створити з одного місця протягом години. Спробуйте ще раз через годину; нічого не збережено.
household-title = Ваші діти
household-intro = Додайте дитину, для якої ви є батьком, матірʼю або законним представником. Працівник офісу підтвердить ці відносини за документом, який ви покажете особисто. Після цього ви зможете подавати заяви за дитину й бачити її документи, доки їй не виповниться 18 років.
household-none = Ви ще не додали жодної дитини.
household-add-title = Додати дитину
household-add-hint = Принесіть вибраний нижче документ до вибраного офісу: запит чекатиме, доки працівник цього офісу не перегляне документ.
household-field-office = Офіс, де ви покажете документ
household-field-office-hint = Виберіть офіс, до якого вам зручно дістатися; його працівники підтвердять відносини.
household-field-office-choose = Виберіть офіс
household-error-office = Виберіть офіс зі списку.
household-add-submit = Подати запит, щоб діяти за цю дитину
household-field-given_name = Імʼя дитини
household-field-family_name = Прізвище дитини
household-field-birth_date = Дата народження
household-field-relationship = Ким ви доводитеся дитині
household-field-evidence = Документ, який ви покажете
household-relationship-parent = Батько або мати
household-relationship-legal-representative = Законний представник
household-evidence-birth-certificate = Свідоцтво про народження
household-evidence-guardianship-decision = Рішення про встановлення опіки
household-status-pending = Очікує підтвердження працівником
household-status-confirmed = Підтверджено
household-status-ended = Завершено: дитині виповнилося 18 років
household-status-refused = Не підтверджено: запитайте причину в офісі
household-error-adult = Цій особі вже виповнилося 18 років: повнолітня особа сама керує своїм обліковим записом.
household-error-choice = Виберіть відносини та документ зі списків.
household-ends = Ви можете діяти за цю дитину до
office-guardianships-title = Опікуни, які очікують підтвердження
office-guardianships-back = Назад до списку
office-decision-choose = Виберіть: підтвердити чи відхилити запит.
office-decision-already = Цей запит уже розглянув хтось інший. Оновіть список.
office-at = Офіс
office-record-title = Зареєструвати відносини за документами, поданими тут
office-record-hint = Використовуйте це, коли батько, мати або законний представник прийшли до вас зі свідоцтвом про народження або рішенням про встановлення опіки: відносини підтверджуються одразу.
office-record-relationship = Ким опікун доводиться дитині
office-record-evidence = Документ, який ви перевірили
office-record-submit = Зареєструвати підтверджені відносини
office-record-done = Відносини зареєстровано й підтверджено. Опікун бачить дитину у своєму особистому кабінеті.
office-staff-title = Працівники та їхні офіси
office-staff-members = Поточні працівники
office-staff-email = Адреса електронної пошти облікового запису
office-staff-role = Роль
office-staff-authority = Орган влади
office-staff-offices = Офіси
office-staff-offices-hint = Оператор працює в офісах, позначених тут. Керівники й адміністратори бачать усі офіси свого органу влади.
office-staff-installation = Усі органи влади (адміністратор системи)
office-staff-assign = Надати роль
office-staff-assign-hint = Особа вже повинна мати обліковий запис. Її сеанси завершаться, тож нова роль діятиме після повторного входу.
office-staff-submit = Зберегти роль
office-staff-saved = Роль збережено. Щоб нею користуватися, особа має увійти ще раз.
office-staff-forbidden = Надавати ролі може лише адміністратор. Зверніться до свого адміністратора.
office-staff-error-self = Ви не можете змінити власну роль: зверніться до іншого адміністратора.
office-staff-error-role = Виберіть роль зі списку.
office-staff-error-authority = Виберіть орган влади, яким ви керуєте.
office-staff-error-foreign-office = Позначайте лише офіси вибраного органу влади.
office-staff-error-no-office = Позначте принаймні один офіс, де працює оператор.
office-guardianships-none = Жоден запит не очікує розгляду.
office-guardian = Обліковий запис опікуна
office-confirm = Підтвердити: документ мені показали
office-refuse = Відхилити
household-error-grant-self = Ви не можете реєструвати чи підтверджувати відносини, у яких ви самі є опікуном. Попросіть колегу.
office-error-grant-self = Ви не можете зареєструвати перевірку власної особи. Попросіть колегу перевірити ваш документ.
office-error-grant-staff-representative = Особу працівника перевіряє керівник або адміністратор.
service-apply = Подати заяву
service-book = Записатися на прийом
service-apply-hint = Якщо ви ще не увійшли, спочатку вам запропонують увійти або створити обліковий запис.
resend-title = Надіслати посилання для підтвердження ще раз
resend-intro = Вкажіть адресу електронної пошти, з якою ви реєструвалися. Якщо вона ще очікує підтвердження, ми надішлемо на неї нове посилання, дійсне 24 години.
resend-submit = Надіслати нове посилання
resend-sent-title = Перевірте електронну пошту
resend-sent-body = Якщо обліковий запис із цією адресою очікує підтвердження, нове посилання вже надіслано. Відкрийте його протягом 24 годин. Якщо лист не надійшов, перевірте папку «Спам» або зареєструйтеся знову.
resend-throttled-title = Забагато запитів
resend-throttled-body = Звідси надто часто запитували посилання. Спробуйте знову за годину.
resend-link = Не отримали посилання для підтвердження або воно перестало працювати? Надіслати ще раз
home-filter-title = Знайти послугу
home-filter-authority = Орган влади
home-filter-for = Для кого
home-filter-any = Будь-який
home-filter-submit = Показати послуги
home-filter-clear = Показати всі послуги
home-filter-none = Жодна послуга не відповідає цьому вибору. Виберіть «Будь-який» в одному з полів або покажіть усі послуги.
home-for-everyone = Для всіх
home-for-citizens = Для громадян країни
home-for-foreigners = Для іноземців
home-for-stateless = Для осіб без громадянства
home-for-organisations = Для компаній і організацій
