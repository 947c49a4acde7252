# Зведені платіжні доручення: одне заповнене доручення для зборів за кілька заяв до одного органу влади.
fee-order-link = Сплатити кілька зборів одним платіжним дорученням
fee-order-title = Сплата кількох зборів одним дорученням
fee-order-intro = Виберіть заяви, збори за якими ви сплачуєте. Ви отримаєте одне вже заповнене платіжне доручення: вводити свої особисті чи платіжні дані не потрібно.
fee-order-one-authority = Одне доручення охоплює послуги лише одного органу влади. Щоб сплатити збори кільком органам влади, створіть окреме доручення для кожного.
fee-order-none = Жодна з ваших заяв або заяв, за які ви дієте, не очікує сплати збору.
fee-order-choose = Виберіть послуги, які сплачуєте
fee-order-choice = { $service }, заява { $reference }
fee-order-choice-hint = Для кого: { $holder }, сума: { $amount }
fee-order-submit = Створити платіжне доручення
fee-order-order-title = Платіжне доручення на кілька зборів
fee-order-order-intro = Один платіж за збори, перелічені нижче. Роздрукуйте цю сторінку, скопіюйте реквізити у форму свого банку або сплатіть онлайн.
fee-order-lines = За що сплачується цим дорученням
fee-order-line-service = Послуга
fee-order-line-reference = Заява
fee-order-line-holder = Для кого
fee-order-line-amount = Сума
fee-order-line-status = Стан
fee-order-line-due = Ще не сплачено
fee-order-line-paid = Сплачено
fee-order-line-surplus = Тим часом сплачено іншим способом або звільнено від сплати: цю частину вам повернуть
fee-order-total = Разом
fee-order-purpose = Державні збори за заявами { $references }
fee-order-status-due = Ще не сплачено
fee-order-status-paid = Сплачено онлайн { $date }
fee-order-status-refunded = Платіж вам повернуто; ці збори потрібно сплатити знову
fee-order-stale = Щонайменше одна з цих заяв уже не очікує сплати збору. Не сплачуйте за цим дорученням: створіть нове для зборів, які ще потрібно сплатити.
fee-order-paid-note = За цим дорученням більше нічого сплачувати не потрібно.
fee-order-new = Створити ще одне платіжне доручення
fee-order-description = Державні збори, доручення { $reference }

problem-fee-order-empty = `cases`: виберіть принаймні одну заяву, збір за якою ви сплачуєте.
problem-fee-order-too-many = `cases`: одне доручення охоплює не більше { $most ->
    [one] { $most } заяви
    [few] { $most } заяв
    [many] { $most } заяв
   *[other] { $most } заяви
}; створіть кілька доручень.
problem-fee-order-duplicate = `cases`: заяву { $reference } вказано двічі; вкажіть кожну заяву один раз.
problem-fee-order-not-yours = `cases`: заява { $reference } не ваша і не та, за яку ви дієте. Перевірте номер так, як його показано у вашій заяві.
problem-fee-order-not-due = `cases`: заява { $reference } не очікує сплати збору (її стан: { $state }); не включайте її до доручення.
problem-fee-order-two-authorities = `cases`: одне доручення охоплює послуги лише одного органу влади, а ці заяви стосуються таких органів: { $authorities }. Створіть окреме доручення для кожного органу влади.
problem-fee-order-paid-at-counter = `cases`: { $authority } приймає збори поза цим сайтом і підтверджує їх в офісі, тому тут їх не можна обʼєднати в одне доручення. Сплатіть кожен збір так, як зазначено в його платіжному дорученні.

fee-order-page-fee-order-empty = Виберіть принаймні одну послугу для оплати.
fee-order-page-fee-order-too-many = Одне доручення охоплює не більше { $most ->
    [one] { $most } заяви
    [few] { $most } заяв
    [many] { $most } заяв
   *[other] { $most } заяви
}. Створіть кілька доручень.
fee-order-page-fee-order-duplicate = Заяву { $reference } вибрано двічі. Виберіть кожну заяву один раз.
fee-order-page-fee-order-not-yours = Заява { $reference } не ваша і не та, за яку ви дієте. Виберіть зі списку нижче.
fee-order-page-fee-order-not-due = Заява { $reference } уже не очікує сплати збору. Виберіть ще раз зі списку нижче.
fee-order-page-fee-order-two-authorities = Одне доручення охоплює послуги лише одного органу влади, а ці послуги стосуються таких органів: { $authorities }. Створіть окреме доручення для кожного органу влади.
fee-order-page-fee-order-paid-at-counter = { $authority } приймає збори поза цим сайтом. Сплатіть кожен збір так, як зазначено в його платіжному дорученні.
