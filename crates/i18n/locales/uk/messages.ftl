# Повідомлення, які надсилає Ghiseu: тема й текст листа кожного виду та SMS.
# SMS кирилицею: 70 символів на сегмент, без посилань, якомога коротше.
notice-second-factor-enabled-subject = Для вашого облікового запису Ghiseu ввімкнено двоетапний вхід
notice-second-factor-enabled-body = Добрий день!

    Для вашого облікового запису Ghiseu ввімкнено двоетапний вхід із застосунком-автентифікатором. Відтепер для входу потрібен не лише пароль, а й код із застосунку.

    Якщо це були не ви, хтось знає ваш пароль: негайно встановіть новий тут:
    { $link }
notice-second-factor-enabled-sms = Ghiseu: для вашого облікового запису ввімкнено двоетапний вхід. Якщо це не ви, негайно змініть пароль.
notice-application-returned-subject = Заява { $reference } потребує доповнення
notice-application-returned-body = Добрий день!

    Вашу заяву { $reference } на послугу «{ $service }» повернуто вам: офіс просить щось доповнити або виправити, перш ніж продовжити розгляд. Увійдіть, щоб побачити, що саме потрібно:
    { $link }
notice-application-returned-sms = Ghiseu: заяву { $reference } повернуто вам на доопрацювання. Увійдіть у Ghiseu, щоб побачити, що потрібно.
notice-application-accepted-subject = Вашу заяву { $reference } прийнято
notice-application-accepted-body = Добрий день!

    Вашу заяву { $reference } на послугу «{ $service }» прийнято, її опрацьовують. Ми напишемо вам, коли документ буде готовий.

    Ваш особистий кабінет: { $link }
notice-application-accepted-sms = Ghiseu: заяву { $reference } прийнято, її опрацьовують. Ми повідомимо, коли документ буде готовий.
notice-application-rejected-subject = Вашу заяву { $reference } відхилено
notice-application-rejected-body = Добрий день!

    Вашу заяву { $reference } на послугу «{ $service }» відхилено з такої причини:
    { $reason }

    Увійдіть, щоб переглянути заяву та її історію: { $link }
notice-application-rejected-sms = Ghiseu: заяву { $reference } відхилено. Увійдіть у Ghiseu, щоб дізнатися причину.
notice-payment-received-subject = Оплату за заявою { $reference } отримано
notice-payment-received-body = Добрий день!

    Ми отримали { $amount } — збір за вашою заявою { $reference } на послугу «{ $service }». Документ передано на виготовлення; ми напишемо вам, коли його можна буде отримати.

    Ваш особистий кабінет: { $link }
notice-payment-received-sms = Ghiseu: отримано { $amount } за заявою { $reference }. Документ передано на виготовлення.
notice-appointment-confirmed-subject = Запис { $reference }: { $date } о { $time }
notice-appointment-confirmed-body = Добрий день!

    Ваш запис { $reference } на послугу «{ $service }»: { $date } о { $time }, офіс { $office } ({ $address }). Файл для календаря додано до листа. Візьміть документи, потрібні для цієї послуги; ми нагадаємо вам напередодні.

    Щоб перенести або скасувати запис: { $link }
notice-appointment-confirmed-sms = Ghiseu: запис { $reference }: { $date } о { $time }, { $office }. Перенести чи скасувати — в особистому кабінеті.
notice-appointment-reminder-subject = Нагадування: ваш запис на прийом { $date }
notice-appointment-reminder-body = Добрий день!

    Ви записані на послугу «{ $service }» { $date } о { $time }, офіс { $office }. Візьміть документи, потрібні для цієї послуги.

    Ваші записи: { $link }
notice-appointment-reminder-sms = Ghiseu: запис на { $date } о { $time }, { $office }. Візьміть документи, потрібні для послуги.
notice-appointment-cancelled-subject = Запис { $reference } на { $date } скасовано
notice-appointment-cancelled-body = Добрий день!

    Ваш запис { $reference } на послугу «{ $service }» { $date } о { $time }, офіс { $office }, скасовано, і цей час тепер можуть зайняти інші. Доданий файл для календаря видалить запис із вашого календаря.

    Щоб записатися знову: { $link }
notice-appointment-cancelled-sms = Ghiseu: запис { $reference } на { $date } о { $time } скасовано. Записатися знову можна в особистому кабінеті.
notice-document-ready-subject = Ваш документ готовий до отримання
notice-document-ready-body = Добрий день!

    Документ, який ви замовили заявою { $reference }, готовий. Ви можете отримати його в офісі { $office }; візьміть із собою документ, що посвідчує особу.

    Ваш особистий кабінет: { $link }
notice-document-ready-sms = Ghiseu: документ за заявою { $reference } готовий, офіс { $office }. Візьміть документ, що посвідчує особу.
notice-document-expiry-subject = Строк дії вашого документа закінчується { $date }
notice-document-expiry-body = Добрий день!

    Строк дії вашого документа «{ $document }» закінчується { $date }. Якщо він вам ще потрібен, завчасно подайте заяву на новий: оформлення триває певний час.

    Ваш особистий кабінет: { $link }
notice-document-expiry-sms = Ghiseu: строк дії документа «{ $document }» закінчується { $date }. Потрібен новий? Подайте заяву завчасно.
notice-document-reported-subject = { $loss ->
        [stolen] Документ { $number } заявлено викраденим, він більше не дійсний
       *[lost] Документ { $number } заявлено втраченим, він більше не дійсний
    }
notice-document-reported-body = Добрий день!

    Документ «{ $document }» № { $number }, власник — { $holder }, { $date } заявлено { $loss ->
        [stolen] викраденим
       *[lost] втраченим
    }. Відтоді він недійсний, навіть якщо знайдеться: ніхто не може ним користуватися. Щоб отримати новий, подайте заяву в особистому кабінеті.

    Якщо ви про це не повідомляли, негайно зверніться до органу влади.

    Ваш особистий кабінет: { $link }
notice-document-reported-sms = Ghiseu: документ { $number } ({ $holder }) { $date } заявлено { $loss ->
        [stolen] викраденим
       *[lost] втраченим
    }, він недійсний. Не ви? Повідомте орган влади.
notice-certificate-expiry-subject = { $certificate ->
        [signature] Строк дії сертифіката підпису на вашому посвідченні особи закінчується { $date }
       *[identification] Строк дії сертифіката ідентифікації на вашому посвідченні особи закінчується { $date }
    }
notice-certificate-expiry-body = Добрий день!

    Строк дії { $certificate ->
        [signature] кваліфікованого сертифіката електронного підпису
       *[identification] сертифіката електронної ідентифікації
    } на вашому документі «{ $document }» закінчується { $date }. Після цього дня ви не зможете за його допомогою { $certificate ->
        [signature] підписувати документи електронним підписом
       *[identification] входити в онлайн-сервіси
    }. Поновіть його вчасно.

    Ваш особистий кабінет: { $link }
notice-certificate-expiry-sms = Ghiseu: строк дії сертифіката { $certificate ->
        [signature] підпису
       *[identification] ідентифікації
    } в документі «{ $document }» закінчується { $date }. Поновіть його вчасно.
notice-document-not-collected-subject = Ваш документ досі чекає на вас в офісі { $office }
notice-document-not-collected-body = Добрий день!

    Ваш документ «{ $document }» готовий в офісі { $office } з { $date }, але його ще не забрали. Заберіть його найближчим часом і візьміть із собою документ, що посвідчує особу: документ, який так і не забрали, анулюють.

    Ваш особистий кабінет: { $link }
notice-document-not-collected-sms = Ghiseu: документ «{ $document }» чекає з { $date }: { $office }. Заберіть його з документом, що посвідчує особу.
notice-document-issued-subject = Ваш документ { $number } оформлено
notice-document-issued-body = Добрий день!

    Документ «{ $document }», який ви замовили заявою { $reference }, оформлено й підписано електронним підписом, його номер — { $number }. Завантажте його зі сторінки заяви в особистому кабінеті. Будь-хто може перевірити документ за його номером і персональним ідентифікаційним номером власника або за QR-кодом.

    Ваш особистий кабінет: { $link }
notice-document-issued-sms = Ghiseu: ваш документ { $number } оформлено. Завантажте його із заяви { $reference } в особистому кабінеті.
notice-document-revoked-subject = Документ { $number } анульовано, він більше не дійсний
notice-document-revoked-body = Добрий день!

    Орган влади { $date } анулював документ «{ $document }» № { $number }, власник — { $holder }. Причина: { $reason }

    Від цього дня документ недійсний: так показує і публічна перевірка, і його QR-код. Якщо вам і далі потрібен такий документ, подайте заяву на новий в особистому кабінеті. Якщо ви вважаєте, що це помилка, зверніться до органу влади.

    Ваш особистий кабінет: { $link }
notice-document-revoked-sms = Ghiseu: документ { $number } ({ $holder }) { $date } анульовано органом влади, він недійсний. Подробиці — в кабінеті.
notice-appointment-office-closed-subject = { $office } зачинено { $date }: виберіть інший час для запису { $reference }
notice-appointment-office-closed-body = Добрий день!

    { $office } буде зачинено { $date } ({ $reason }). Ваш запис { $reference } на послугу «{ $service }» о { $time } цього дня не відбудеться.

    Виберіть інший час тут: { $link }

    Запис зберігається, доки ви його не перенесете, але цього дня вас ніхто не прийме.
notice-appointment-office-closed-sms = Ghiseu: { $date } офіс зачинено, запис { $reference } не відбудеться. Увійдіть і виберіть інший час.
