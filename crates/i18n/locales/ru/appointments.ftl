appt-list-title = Ваши записи на приём
appt-list-none = У вас нет записей на приём.
appt-book-link = Записаться на приём
appt-new-title = Запись на приём
appt-booking-title = Ваша запись
appt-when = Когда
appt-office = Отделение
appt-service = Услуга
appt-reference = Номер
appt-state = Статус
appt-people = Люди
appt-who = Кто придёт
appt-day = День
appt-show-slots = Показать свободное время
appt-slots = Свободное время
appt-no-slots = В этот день свободного времени нет. Выберите другой день.
appt-slot-label = { $time } ({ $free ->
    [one] { $free } свободное место
    [few] { $free } свободных места
    [many] { $free } свободных мест
   *[other] { $free } свободного места
})
appt-holder-self = Я
appt-holder-other = Член вашей семьи
appt-hold = Занять это время
appt-hold-until = Время закреплено за вами до
appt-confirm = Подтвердить
appt-calendar = Скачать файл для календаря
appt-move-title = Перенос записи
appt-move = Перенести
appt-cancel-title = Отмена записи
appt-cancel = Отменить
appt-back = Все ваши записи
appt-state-held = Зарезервирована, ещё не подтверждена
appt-state-confirmed = Подтверждена
appt-state-checked-in = Явка отмечена
appt-state-called = Вызов к окну
appt-state-served = Обслужена
appt-state-no-show = Неявка
appt-state-cancelled = Отменена
appt-state-lapsed = Истекла
appt-error-date = Укажите день в виде даты, например 2026-11-25.
appt-error-choose-slot = Выберите свободное время из списка.
appt-error-unknown = Выберите услугу и отделение из списков.
appt-problem-slot-full = На это время не хватает мест для всех, кого вы выбрали. Выберите другое время.
appt-problem-already-booked = У кого-то из выбранных вами людей уже есть запись на эту услугу. Лучше отмените или перенесите ту запись.
appt-problem-hold-expired = Несколько минут на подтверждение этого времени истекли, и оно вернулось в список. Выберите время заново.
appt-problem-not-held = Эта запись не ждёт подтверждения, поэтому подтверждать нечего.
appt-problem-not-active = Эту запись больше нельзя изменить.
appt-problem-reschedule-limit = Эту запись уже переносили онлайн максимальное число раз. Чтобы изменить её снова, позвоните в отделение или придите туда.
appt-problem-waiting-room = Сейчас записывается очень много людей, поэтому вы в очереди ожидания. Перед вами { $place } { $place ->
    [one] человек
    [few] человека
    [many] человек
   *[other] человека
}; попробуйте снова через { $seconds } { $seconds ->
    [one] секунду
    [few] секунды
    [many] секунд
   *[other] секунды
}. Ваше место в очереди сохраняется.
appt-problem-too-many-requests = Слишком много запросов. Попробуйте снова через { $seconds } { $seconds ->
    [one] секунду
    [few] секунды
    [many] секунд
   *[other] секунды
}.
appt-problem-not-released = Запись на этот день ещё не открыта. Загляните позже или выберите более ранний день.
appt-problem-public-holiday = В этот день отделение закрыто по случаю государственного праздника. Выберите другой день.
appt-problem-office-closed = В этот день отделение закрыто. Выберите другой день.
appt-problem-outside-opening-hours = В это время отделение не принимает по этой услуге. Выберите свободное время из списка.
appt-problem-slot-in-past = Это время уже прошло. Выберите более позднее.
appt-problem-beyond-horizon = На такой далёкий срок записаться пока нельзя. Выберите более ранний день.
appt-problem-not-a-slot-start = В это время приём не начинается. Выберите свободное время из списка.
appt-problem-not-in-household = Вы можете записать себя и детей, родство с которыми подтвердило отделение.
appt-problem-holders = Выберите, кто придёт: от 1 до 8 человек, каждого один раз.
appt-problem-no-show-limit = В последнее время вы несколько раз не пришли на приём, поэтому запись онлайн для вашей учётной записи приостановлена. Чтобы записаться, позвоните в отделение или придите туда.
appt-problem-no-appointments = По этой услуге не нужно приходить в отделение, поэтому запись на приём не ведётся.
appt-problem-unknown-office = Это отделение не ведёт запись на приём по этой услуге. Выберите другое отделение.
appt-problem-assigned-by-office = По этой услуге отделение само назначит вам время приёма после рассмотрения заявления.
appt-problem-case-required = Запишитесь на приём со страницы вашего заявления, после того как отделение его примет.
appt-problem-case-not-ready = По этому заявлению пока нельзя записаться на приём: сначала его должно принять отделение.
appt-problem-case-has-appointment = По этому заявлению уже есть запись на приём. Лучше перенесите или отмените её.
appt-problem-not-assigned-by-office = По этой услуге заявитель записывается на приём сам; отделение время не назначает.
appt-problem-not-case-staff = Время приёма назначают операторы отделения, которое ведёт дело, или руководитель этого ведомства.
office-closures-title = Закрытие отделений
office-closures-hint = Закройте отделение или одну из его зон обслуживания на день или на несколько дней подряд. Свободное время в эти дни сразу исчезает; уже сделанные записи остаются и перечислены здесь, чтобы их перенести.
office-closures-forbidden = Вносить закрытие отделений может только администратор.
office-closures-upcoming = Закрытия начиная с сегодняшнего дня
office-closures-none = Закрытий не запланировано.
office-closures-day = День
office-closures-office = Отделение
office-closures-window = Зона обслуживания
office-closures-whole-office = Всё отделение
office-closures-reason = Причина
office-closures-remove = Удалить
office-closures-to-move = Записи, которые нужно перенести
office-closures-to-move-hint = Эти записи приходятся на дни закрытия. Ничего не отменено: свяжитесь с людьми и перенесите каждую запись.
office-closures-add = Внести закрытие
office-closures-first = Первый день закрытия
office-closures-last = Последний день закрытия
office-closures-last-hint = Оставьте пустым, чтобы закрыть только один день.
office-closures-preset = Обычная причина (хранится на румынском и английском)
office-closures-free-reason = Или своими словами
office-closures-free-reason-hint = До 200 символов. Если заполнено, используется вместо обычной причины.
office-closures-submit = Закрыть на эти дни
office-closures-reason-training = Обучение сотрудников
office-closures-reason-maintenance = Ремонтные работы
office-closures-reason-it-outage = Сбой компьютерной системы
office-closures-reason-staff-shortage = Не хватает сотрудников
office-closures-error-office = Выберите одно из отделений, которыми вы управляете.
office-closures-error-window = Выберите одну из зон обслуживания этого отделения или всё отделение.
office-closures-error-date = Укажите день в виде даты, например 2026-12-24.
office-closures-error-past = Первый день закрытия не может быть в прошлом.
office-closures-error-order = Последний день закрытия не может быть раньше первого.
office-closures-error-long = Одна запись закрывает не больше 62 дней. Более долгое закрытие внесите по частям.
office-closures-error-reason = Выберите обычную причину или напишите свою.
office-closures-error-reason-long = Напишите причину, не больше 200 символов.
appt-cancel-hint = При отмене это время сразу отдаётся другим. Если хотите прийти в другой день, лучше перенесите запись.
appt-cancel-confirm = Я понимаю, что моё время отдадут другому.
appt-cancel-confirm-needed = Чтобы отменить запись, отметьте, что вы понимаете: ваше время отдадут другому.
office-closures-confirm = Люди, записанные на эти дни, получат уведомление и просьбу выбрать другое время
office-closures-confirm-hint = Закрытие сразу убирает свободное время этих дней. Каждый записанный получает сообщение по электронной почте или SMS, как он выбрал, со ссылкой для переноса записи.
office-closures-error-confirm = { $count ->
    [one] На эти дни есть { $count } запись. Отметьте поле, чтобы подтвердить закрытие: человек получит уведомление.
    [few] На эти дни есть { $count } записи. Отметьте поле, чтобы подтвердить закрытие: люди получат уведомление.
    [many] На эти дни есть { $count } записей. Отметьте поле, чтобы подтвердить закрытие: люди получат уведомление.
   *[other] На эти дни есть { $count } записи. Отметьте поле, чтобы подтвердить закрытие: люди получат уведомление.
}
office-case-reject-confirm = Я проверил(а) причину: отказ окончательный
office-case-reject-confirm-hint = Заявитель сразу получит уведомление с выбранной выше причиной. Отклонённое заявление нельзя возобновить.
office-case-reject-confirm-needed = Отметьте поле, чтобы подтвердить отказ. Пока ничего не изменилось.
office-closures-error-confirm-none = Отметьте поле, чтобы подтвердить закрытие.
