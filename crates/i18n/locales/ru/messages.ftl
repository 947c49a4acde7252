# Сообщения, которые отправляет Ghiseu: тема и текст письма каждого вида и его SMS.
# SMS не содержит ссылок; кириллический SMS-сегмент вмещает 70 символов, поэтому SMS пишем как можно короче.
notice-second-factor-enabled-subject = Для вашей учётной записи Ghiseu включён вход в два шага
notice-second-factor-enabled-body = Здравствуйте!

    Для вашей учётной записи Ghiseu включён вход в два шага с приложением-аутентификатором. Теперь для входа, кроме пароля, нужен код из приложения.

    Если это сделали не вы, значит, кто-то знает ваш пароль. Немедленно смените его здесь:
    { $link }
notice-second-factor-enabled-sms = Ghiseu: включён вход в два шага. Если это не вы, срочно смените пароль.
notice-application-returned-subject = По заявлению { $reference } нужны дополнения
notice-application-returned-body = Здравствуйте!

    Ваше заявление { $reference } на услугу «{ $service }» возвращено вам: отделению нужно, чтобы вы что-то дополнили или исправили, прежде чем оно продолжит работу. Войдите, чтобы увидеть, что требуется:
    { $link }
notice-application-returned-sms = Ghiseu: заявление { $reference } возвращено на доработку. Что нужно — в личном кабинете.
notice-application-accepted-subject = Заявление { $reference } принято
notice-application-accepted-body = Здравствуйте!

    Ваше заявление { $reference } на услугу «{ $service }» принято и рассматривается. Мы напишем вам, когда документ будет готов.

    Личный кабинет: { $link }
notice-application-accepted-sms = Ghiseu: заявление { $reference } принято. Сообщим, когда документ будет готов.
notice-application-rejected-subject = По заявлению { $reference } отказано
notice-application-rejected-body = Здравствуйте!

    По вашему заявлению { $reference } на услугу «{ $service }» отказано по следующей причине:
    { $reason }

    Войдите, чтобы посмотреть заявление и его историю: { $link }
notice-application-rejected-sms = Ghiseu: по заявлению { $reference } отказано. Причина — в личном кабинете.
notice-payment-received-subject = Оплата по заявлению { $reference } получена
notice-payment-received-body = Здравствуйте!

    Мы получили { $amount } — плату по вашему заявлению { $reference } на услугу «{ $service }». Теперь документ передаётся в изготовление; мы напишем вам, когда его можно будет получить.

    Личный кабинет: { $link }
notice-payment-received-sms = Ghiseu: получено { $amount } по заявлению { $reference }. Документ передан в изготовление.
notice-appointment-confirmed-subject = Запись { $reference }: { $date } в { $time }
notice-appointment-confirmed-body = Здравствуйте!

    Ваша запись { $reference } на услугу «{ $service }»: { $date } в { $time }, { $office } ({ $address }). Файл для календаря во вложении. Возьмите документы, которые требуются для услуги; накануне мы вам напомним.

    Перенести или отменить запись: { $link }
notice-appointment-confirmed-sms = Ghiseu: запись { $reference } на { $date } в { $time }, { $office }. Перенести или отменить — в личном кабинете.
notice-appointment-reminder-subject = Напоминание: ваша запись на { $date }
notice-appointment-reminder-body = Здравствуйте!

    Вы записаны на услугу «{ $service }» на { $date } в { $time }, место приёма: { $office }. Возьмите документы, которые требуются для услуги.

    Ваши записи: { $link }
notice-appointment-reminder-sms = Ghiseu: запись на { $date } в { $time }, { $office }. Возьмите нужные для услуги документы.
notice-appointment-cancelled-subject = Запись { $reference } на { $date } отменена
notice-appointment-cancelled-body = Здравствуйте!

    Ваша запись { $reference } на услугу «{ $service }» на { $date } в { $time } ({ $office }) отменена, и это время теперь свободно для других. Вложенный файл для календаря удалит запись из вашего календаря.

    Записаться снова: { $link }
notice-appointment-cancelled-sms = Ghiseu: запись { $reference } на { $date } в { $time } отменена. Новая запись — в личном кабинете.
notice-document-ready-subject = Ваш документ готов к выдаче
notice-document-ready-body = Здравствуйте!

    Документ по вашему заявлению { $reference } готов. Где его получить: { $office }. Возьмите с собой документ, удостоверяющий личность.

    Личный кабинет: { $link }
notice-document-ready-sms = Ghiseu: документ по заявлению { $reference } готов к выдаче: { $office }. Возьмите документ, удостоверяющий личность.
notice-document-expiry-subject = Срок действия вашего документа истекает { $date }
notice-document-expiry-body = Здравствуйте!

    Срок действия вашего документа «{ $document }» истекает { $date }. Если документ вам ещё нужен, заранее подайте заявление на новый: оформление занимает время.

    Личный кабинет: { $link }
notice-document-expiry-sms = Ghiseu: документ «{ $document }» действует до { $date }. Если он нужен, заранее подайте заявление на новый.
notice-document-reported-subject = { $loss ->
        [stolen] Документ { $number } заявлен как украденный и больше не действует
       *[lost] Документ { $number } заявлен как утерянный и больше не действует
    }
notice-document-reported-body = Здравствуйте!

    { $date } поступило заявление { $loss ->
        [stolen] о краже
       *[lost] об утере
    } документа «{ $document }» № { $number } (владелец: { $holder }). С этого момента документ недействителен, даже если он найдётся: никто не может им пользоваться. Чтобы получить новый, подайте заявление в личном кабинете.

    Если вы не подавали такого заявления, немедленно сообщите об этом в ведомство.

    Личный кабинет: { $link }
notice-document-reported-sms = Ghiseu: документ { $number } ({ $holder }) заявлен { $date } как { $loss ->
        [stolen] украденный
       *[lost] утерянный
    } и недействителен. Не вы? Сообщите в ведомство.
notice-certificate-expiry-subject = { $certificate ->
        [signature] Сертификат подписи на вашем удостоверении личности действует до { $date }
       *[identification] Сертификат идентификации на вашем удостоверении личности действует до { $date }
    }
notice-certificate-expiry-body = Здравствуйте!

    Срок действия { $certificate ->
        [signature] сертификата квалифицированной электронной подписи
       *[identification] сертификата электронной идентификации
    } на вашем документе «{ $document }» истекает { $date }. После этого дня вы не сможете с его помощью { $certificate ->
        [signature] подписывать документы электронной подписью
       *[identification] входить в электронные сервисы
    }. Продлите его заранее.

    Личный кабинет: { $link }
notice-certificate-expiry-sms = Ghiseu: сертификат { $certificate ->
        [signature] подписи
       *[identification] идентификации
    } на документе «{ $document }» действует до { $date }. Продлите его заранее.
notice-document-not-collected-subject = Ваш документ всё ещё ждёт вас: { $office }
notice-document-not-collected-body = Здравствуйте!

    Ваш документ «{ $document }» готов с { $date }, но его ещё не забрали. Где он вас ждёт: { $office }. Заберите его как можно скорее, взяв с собой документ, удостоверяющий личность. Документ, который так и не получили, аннулируется.

    Личный кабинет: { $link }
notice-document-not-collected-sms = Ghiseu: документ «{ $document }» ждёт вас с { $date }: { $office }. Возьмите документ, удостоверяющий личность.
notice-document-issued-subject = Ваш документ { $number } выдан
notice-document-issued-body = Здравствуйте!

    Документ «{ $document }», который вы запросили заявлением { $reference }, выдан и подписан электронной подписью, его номер — { $number }. Скачайте его из заявления в личном кабинете. Любой может проверить документ по его номеру и персональному идентификационному номеру владельца или по QR-коду.

    Личный кабинет: { $link }
notice-document-issued-sms = Ghiseu: ваш документ { $number } выдан. Скачайте его из заявления { $reference } в личном кабинете.
notice-document-revoked-subject = Документ { $number } аннулирован и больше не действует
notice-document-revoked-body = Здравствуйте!

    { $date } ведомство аннулировало документ «{ $document }» № { $number } (владелец: { $holder }). Причина: { $reason }

    С этого дня документ недействителен: об этом сообщают и публичная проверка, и его QR-код. Если вам всё ещё нужен такой документ, подайте заявление на новый в личном кабинете. Если вы считаете, что это ошибка, обратитесь в ведомство.

    Личный кабинет: { $link }
notice-document-revoked-sms = Ghiseu: документ { $number } ({ $holder }) аннулирован ведомством { $date } и недействителен. Подробнее в личном кабинете.
notice-appointment-office-closed-subject = { $office } закрыт { $date }: выберите другое время для записи { $reference }
notice-appointment-office-closed-body = Здравствуйте!

    { $office } будет закрыт { $date } ({ $reason }). Ваша запись { $reference } на услугу «{ $service }» в { $time } в этот день не состоится.

    Выберите другое время здесь: { $link }

    Запись сохраняется, пока вы её не перенесёте, но в этот день вас никто не примет.
notice-appointment-office-closed-sms = Ghiseu: { $date } офис закрыт, запись { $reference } не состоится. Войдите и выберите другое время.
