# Справка, выданная в электронном виде, как она напечатана в PDF.
certificate-title = Справка о наличии или отсутствии судимости
certificate-number = Регистрационный номер
certificate-holder = Выдана на имя
certificate-personal-id = Персональный идентификационный номер
certificate-birth = Дата рождения
certificate-registration-code = Фискальный код (CUI)
certificate-representative = Запрошена представителем
certificate-purpose = Цель запроса
certificate-issued-on = Дата выдачи
certificate-valid-until = Действительна до
certificate-result = Сведения
certificate-no-entries = В реестре судимостей нет записей об этом лице.
certificate-verify = Любой может проверить эту справку: введите её регистрационный номер и персональный идентификационный номер владельца на сайте { $url } или отсканируйте QR-код приложением для проверки, которому не нужно подключение к интернету.

# Публичная страница проверки QR-кода документа.
seal-verify-title = Проверка QR-кода документа
seal-verify-intro = Отсканируйте QR-код на документе приложением для чтения QR-кодов и вставьте сюда текст, который оно покажет. Учётная запись не нужна, и никакие сведения о вас не сохраняются.
seal-verify-field-seal = Текст QR-кода
seal-verify-field-seal-hint = Он начинается с GHS1: — скопируйте его целиком.
seal-verify-submit = Проверить
seal-verify-genuine = QR-код подлинный
seal-verify-compare = Сравните эти данные с бумажным документом: если что-то отличается, значит, бумажный документ был изменён.
seal-verify-offline = Приложения для проверки могут проверить код без подключения к интернету с помощью ключей ведомства, опубликованных по адресу /.well-known/jwks.json, и списка аннулированных документов по адресу /api/v1/documents/revoked.
seal-verify-sealed-number = Регистрационный номер
seal-verify-sealed-holder = Владелец
seal-verify-sealed-birth = Дата рождения
seal-verify-sealed-issued = Дата выдачи
seal-verify-sealed-expires = Действителен до
seal-verify-error-required = Вставьте текст QR-кода.
seal-verify-error-not-a-seal = Это не текст QR-кода документа: такой текст начинается с GHS1:. Проверьте, что вы скопировали текст целиком.
seal-verify-error-unreadable = Текст не удаётся прочитать: он повреждён или обрезан. Отсканируйте или скопируйте его снова.
seal-verify-error-unknown-key = Этот QR-код заверен не этим ведомством. Не доверяйте документу.
seal-verify-error-altered = Этот QR-код изменён после заверения. Не доверяйте документу.

# Страница дела после выдачи документа в электронном виде.
case-issued-title = Ваш документ готов
case-issued-number = Регистрационный номер:
case-issued-download = Скачать подписанный PDF
case-issued-seal = Текст QR-кода
case-issued-seal-hint = Это то, что содержит QR-код на документе. Любой может вставить этот текст на странице проверки.
office-register-entries = Что содержится в реестре судимостей
office-register-entries-hint = Данные прочитаны из реестра сейчас. Справка, которую вы выдаёте, перечислит эти записи в их нынешнем виде.
office-register-none = Сейчас в реестре нет записей об этом лице: так и будет указано в справке.
seal-verify-file-title = Или проверьте полученный PDF-файл
seal-verify-field-file = PDF-файл документа
seal-verify-field-file-hint = Файл в том виде, в каком вы его получили, не больше 2 МБ. Он сравнивается с документами, выданными здесь, и не сохраняется.
seal-verify-file-submit = Проверить файл
seal-verify-file-recognised = Этот файл в точности совпадает с документом { $number }, выданным ведомством.
seal-verify-file-unknown = Этот файл не совпадает ни с одним документом, выданным здесь: это другой файл или его изменили после выдачи. Не доверяйте ему; попросите QR-код или номер документа и проверьте их.
seal-verify-file-error-required = Выберите PDF-файл документа.
seal-verify-file-error-too-large = Файл больше 2 МБ — больше любого документа, выданного здесь, значит, это не один из них.
case-prefilled-title = Что будет указано в документе
case-prefilled-hint = Заполнено по вашим подтверждённым личным данным и записям ведомства; вводить это не нужно. Если что-то неверно, обратитесь в ведомство до отправки запроса.
case-prefilled-birth-place = Место рождения
case-prefilled-father = Имя отца
case-prefilled-mother = Имя матери
