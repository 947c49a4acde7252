appt-list-title = Ваші записи на прийом
appt-list-none = У вас немає записів на прийом.
appt-book-link = Записатися на прийом
appt-new-title = Запис на прийом
appt-booking-title = Ваш запис на прийом
appt-when = Коли
appt-office = Офіс
appt-service = Послуга
appt-reference = Номер
appt-state = Стан
appt-people = Кількість осіб
appt-who = Хто прийде
appt-day = День
appt-show-slots = Показати вільний час
appt-slots = Вільний час
appt-no-slots = На цей день вільного часу немає. Виберіть інший день.
appt-slot-label = { $time } ({ $free ->
    [one] { $free } вільне місце
    [few] { $free } вільні місця
    [many] { $free } вільних місць
   *[other] { $free } вільного місця
})
appt-holder-self = Я
appt-holder-other = Особа з вашої сімʼї
appt-hold = Забронювати цей час
appt-hold-until = Заброньовано для вас до
appt-confirm = Підтвердити
appt-calendar = Завантажити файл для календаря
appt-move-title = Перенесення запису
appt-move = Перенести
appt-cancel-title = Скасування запису
appt-cancel = Скасувати
appt-back = Усі ваші записи
appt-state-held = Заброньовано, ще не підтверджено
appt-state-confirmed = Підтверджено
appt-state-checked-in = Прибуття відмічено
appt-state-called = Викликано до вікна
appt-state-served = Обслуговано
appt-state-no-show = Пропущено
appt-state-cancelled = Скасовано
appt-state-lapsed = Строк минув
appt-error-date = Вкажіть день як дату, наприклад 2026-11-25.
appt-error-choose-slot = Виберіть один із варіантів вільного часу.
appt-error-unknown = Виберіть послугу та офіс зі списків.
appt-problem-slot-full = На цей час уже немає місця для всіх, кого ви вибрали. Виберіть інший час.
appt-problem-already-booked = Хтось із вибраних вами осіб уже має запис на цю послугу. Скасуйте або перенесіть той запис.
appt-problem-hold-expired = Кілька хвилин на підтвердження цього часу минули, і він повернувся до списку. Виберіть час ще раз.
appt-problem-not-held = Цей запис не очікує підтвердження, тож підтверджувати нічого.
appt-problem-not-active = Цей запис уже не можна змінити.
appt-problem-reschedule-limit = Цей запис уже переносили онлайн максимально дозволену кількість разів. Щоб змінити його ще раз, зателефонуйте до офісу або прийдіть особисто.
appt-problem-waiting-room = Зараз записується дуже багато людей, тому ви в електронній черзі. Перед вами { $place ->
    [one] { $place } особа
    [few] { $place } особи
    [many] { $place } осіб
   *[other] { $place } особи
}; спробуйте ще раз через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунди
    [many] { $seconds } секунд
   *[other] { $seconds } секунди
}. Ваше місце в черзі збережено.
appt-problem-too-many-requests = Забагато запитів. Спробуйте ще раз через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунди
    [many] { $seconds } секунд
   *[other] { $seconds } секунди
}.
appt-problem-not-released = Запис на цей день ще не відкрито. Поверніться пізніше або виберіть раніший день.
appt-problem-public-holiday = Цього дня офіс зачинено через державне свято. Виберіть інший день.
appt-problem-office-closed = Цього дня офіс зачинено. Виберіть інший день.
appt-problem-outside-opening-hours = У цей час офіс не приймає відвідувачів із цієї послуги. Виберіть один із варіантів вільного часу.
appt-problem-slot-in-past = Цей час уже минув. Виберіть пізніший час.
appt-problem-beyond-horizon = На такий далекий термін записатися поки не можна. Виберіть раніший день.
appt-problem-not-a-slot-start = Прийом не починається в цей час. Виберіть один із варіантів вільного часу.
appt-problem-not-in-household = Ви можете записати себе та дітей, опікуном яких вас підтвердив офіс.
appt-problem-holders = Виберіть, хто прийде: від 1 до 8 осіб, кожну один раз.
appt-problem-no-show-limit = Останнім часом ви кілька разів не прийшли на прийом, тому онлайн-запис для вашого облікового запису призупинено. Щоб записатися, зателефонуйте до офісу або прийдіть особисто.
appt-problem-no-appointments = Для цієї послуги не потрібно приходити до офісу, тому запис на прийом не ведеться.
appt-problem-unknown-office = Цей офіс не веде запис на цю послугу. Виберіть інший офіс.
appt-problem-assigned-by-office = Для цієї послуги офіс сам призначає вам час прийому після розгляду заяви.
appt-problem-case-required = Запишіться на прийом зі сторінки своєї заяви, коли офіс її прийме.
appt-problem-case-not-ready = За цією заявою ще не можна записатися на прийом: спочатку її має прийняти офіс.
appt-problem-case-has-appointment = За цією заявою вже є запис на прийом. Перенесіть або скасуйте його.
appt-problem-not-assigned-by-office = Для цієї послуги заявник записується на прийом сам; офіс час не призначає.
appt-problem-not-case-staff = Час прийому призначають оператори офісу, що розглядає справу, або керівник відповідного органу влади.
office-closures-title = Закриття офісів
office-closures-hint = Закрийте офіс або одну з його зон обслуговування на один чи кілька днів поспіль. Вільний час на ці дні одразу зникне; вже зроблені записи залишаться й будуть показані тут, щоб їх перенести.
office-closures-forbidden = Закриття офісів вносить лише адміністратор.
office-closures-upcoming = Закриття від сьогодні
office-closures-none = Закриттів не заплановано.
office-closures-day = День
office-closures-office = Офіс
office-closures-window = Зона обслуговування
office-closures-whole-office = Увесь офіс
office-closures-reason = Причина
office-closures-remove = Видалити
office-closures-to-move = Записи, які треба перенести
office-closures-to-move-hint = Ці записи припадають на день, коли офіс зачинено. Нічого не скасовано: звʼяжіться з людьми й перенесіть кожен запис.
office-closures-add = Внести закриття
office-closures-first = Перший день закриття
office-closures-last = Останній день закриття
office-closures-last-hint = Залиште порожнім, щоб закрити лише один день.
office-closures-preset = Типова причина (зберігається румунською та англійською)
office-closures-free-reason = Або своїми словами
office-closures-free-reason-hint = До 200 символів. Якщо заповнено, використовується замість типової причини.
office-closures-submit = Закрити ці дні
office-closures-reason-training = Навчання персоналу
office-closures-reason-maintenance = Ремонтні роботи
office-closures-reason-it-outage = Збій компʼютерної системи
office-closures-reason-staff-shortage = Бракує персоналу
office-closures-error-office = Виберіть один з офісів, якими ви керуєте.
office-closures-error-window = Виберіть одну із зон обслуговування цього офісу або весь офіс.
office-closures-error-date = Вкажіть день як дату, наприклад 2026-12-24.
office-closures-error-past = Перший день закриття не може бути в минулому.
office-closures-error-order = Останній день закриття не може бути раніше за перший.
office-closures-error-long = Один запис закриває не більше 62 днів. Довше закриття вносьте частинами.
office-closures-error-reason = Виберіть типову причину або напишіть свою.
office-closures-error-reason-long = Напишіть причину не довше ніж 200 символів.
appt-cancel-hint = Після скасування цей час одразу стає доступним для інших. Щоб прийти іншого дня, краще перенесіть запис.
appt-cancel-confirm = Я розумію, що мій час прийому отримає хтось інший.
appt-cancel-confirm-needed = Щоб скасувати запис, позначте пункт, що ви розумієте: ваш час прийому отримає хтось інший.
office-closures-confirm = Людям, записаним на ці дні, буде повідомлено й запропоновано вибрати інший час
office-closures-confirm-hint = Закриття одразу прибирає вільний час цих днів. Кожен записаний отримує повідомлення електронною поштою або SMS, як він вибрав, із посиланням для перенесення запису.
office-closures-error-confirm = { $count ->
    [one] На ці дні є { $count } запис. Позначте поле, щоб підтвердити закриття: людині буде повідомлено.
    [few] На ці дні є { $count } записи. Позначте поле, щоб підтвердити закриття: людям буде повідомлено.
    [many] На ці дні є { $count } записів. Позначте поле, щоб підтвердити закриття: людям буде повідомлено.
   *[other] На ці дні є { $count } запису. Позначте поле, щоб підтвердити закриття: людям буде повідомлено.
}
office-case-reject-confirm = Я перевірив(-ла) причину: відмова остаточна
office-case-reject-confirm-hint = Заявник одразу отримає повідомлення з вибраною вище причиною. Відхилену заяву не можна відновити.
office-case-reject-confirm-needed = Позначте поле, щоб підтвердити відмову. Поки що нічого не змінилося.
office-closures-error-confirm-none = Позначте поле, щоб підтвердити закриття.
appt-bring-title = Ваш візит: що взяти з собою
appt-bring-identity = Документ, що посвідчує особу, для кожного, хто прийде (для дитини без такого документа — свідоцтво про народження).
appt-bring-originals = Оригінали документів, доданих до заяви.
appt-open-application = Відкрити заяву
appt-bring-service = Документи, перелічені на сторінці послуги для вашої ситуації.
appt-open-service = Переглянути документи
appt-arrive = Приходьте за кілька хвилин до призначеного часу й назвіть в офісі номер запису.
appt-open-office = Години роботи, карта й контакти офісу
appt-change-hint = Якщо ви не можете прийти, перенесіть або скасуйте запис нижче, щоб місце дісталося іншому.
appt-your-ticket = Ваш талон:
appt-go-to-counter = Підійдіть зараз до вікна { $counter }.
appt-wait-for-call = Зачекайте в залі: табло й ця сторінка покажуть, коли і до якого вікна вас викличуть.
appt-cancelled-notice = Запис { $reference } скасовано, його місце вільне для інших. Ви отримаєте повідомлення з підтвердженням. Записатися знову можна будь-коли.
