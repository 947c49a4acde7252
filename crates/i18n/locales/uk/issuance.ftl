# Довідка, видана в електронному вигляді, як вона виглядає в PDF.
certificate-title = Довідка про наявність або відсутність судимості
certificate-number = Реєстраційний номер
certificate-holder = Власник
certificate-personal-id = Персональний ідентифікаційний номер
certificate-birth = Дата народження
certificate-registration-code = Фіскальний ідентифікаційний код (CUI)
certificate-representative = Запитав представник
certificate-purpose = Мета запиту
certificate-issued-on = Дата видачі
certificate-valid-until = Дійсна до
certificate-result = Відомості з реєстру
certificate-no-entries = У реєстрі судимостей немає записів щодо власника.
certificate-verify = Будь-хто може перевірити цю довідку: введіть її реєстраційний номер і персональний ідентифікаційний номер власника на { $url } або відскануйте QR-код застосунком для перевірки, якому не потрібне підключення до інтернету.

# Публічна сторінка перевірки QR-коду документа.
seal-verify-title = Перевірка QR-коду документа
seal-verify-intro = Вставте текст, який показує ваш зчитувач QR-кодів для коду, надрукованого на документі. Обліковий запис не потрібен, і жодних даних про вас не зберігається.
seal-verify-field-seal = Текст QR-коду
seal-verify-field-seal-hint = Він починається з GHS1: — скопіюйте його повністю.
seal-verify-submit = Перевірити
seal-verify-genuine = QR-код справжній
seal-verify-compare = Порівняйте ці дані з паперовим документом: якщо щось відрізняється, документ було змінено.
seal-verify-offline = Застосунки для перевірки можуть перевіряти код без підключення до інтернету за допомогою ключів органу влади, опублікованих на /.well-known/jwks.json, і списку анульованих документів на /api/v1/documents/revoked.
seal-verify-sealed-number = Реєстраційний номер
seal-verify-sealed-holder = Власник
seal-verify-sealed-birth = Дата народження
seal-verify-sealed-issued = Дата видачі
seal-verify-sealed-expires = Дійсний до
seal-verify-error-required = Вставте текст QR-коду.
seal-verify-error-not-a-seal = Це не текст QR-коду документа: такий текст починається з GHS1:. Перевірте, чи ви скопіювали текст повністю.
seal-verify-error-unreadable = Текст не вдається прочитати: він пошкоджений або обрізаний. Відскануйте або скопіюйте його ще раз.
seal-verify-error-unknown-key = Цей QR-код не засвідчено цим органом влади. Не довіряйте документу.
seal-verify-error-altered = Цей QR-код змінено після засвідчення. Не довіряйте документу.

# Сторінка справи, коли документ оформлено в електронному вигляді.
case-issued-title = Ваш документ готовий
case-issued-number = Реєстраційний номер:
case-issued-download = Завантажити підписаний PDF
case-issued-seal = Текст QR-коду
case-issued-seal-hint = Саме цей текст містить QR-код на документі. Будь-хто може вставити його на сторінці перевірки.
office-register-entries = Що містить реєстр судимостей
office-register-entries-hint = Дані щойно зчитано з реєстру. Довідка, яку ви оформлюєте, містить ці записи в їхньому поточному стані.
office-register-none = Зараз у реєстрі немає записів щодо цього власника: так і буде зазначено в довідці.
seal-verify-file-title = Або перевірте отриманий PDF-файл
seal-verify-field-file = PDF-файл документа
seal-verify-field-file-hint = Файл у тому вигляді, у якому ви його отримали, не більше 2 МБ. Його порівнюють із документами, виданими тут, і не зберігають.
seal-verify-file-submit = Перевірити файл
seal-verify-file-recognised = Цей файл точно збігається з документом { $number } у тому вигляді, у якому його видав орган влади.
seal-verify-file-unknown = Цей файл не є документом, виданим тут, у його первісному вигляді: це інший файл або його змінили після видачі. Не довіряйте йому; попросіть QR-код або номер документа й перевірте їх.
seal-verify-file-error-required = Виберіть PDF-файл документа.
seal-verify-file-error-too-large = Файл більший за 2 МБ — більший за будь-який документ, виданий тут: отже, це не один із них.
case-prefilled-title = Що буде зазначено в документі
case-prefilled-hint = Заповнено автоматично з ваших підтверджених даних і записів органу влади; вводити нічого не потрібно. Якщо щось неправильно, зверніться до органу влади, перш ніж надсилати запит.
case-prefilled-birth-place = Місце народження
case-prefilled-father = Імʼя батька
case-prefilled-mother = Імʼя матері
