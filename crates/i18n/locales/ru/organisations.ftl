## Служебный раздел: представители организаций (юридических лиц).

office-organisations-title = Представители организаций
office-organisations-intro = Запишите человека как представителя компании или другой организации, проверив документ, который даёт ему полномочия. После этого он сможет онлайн запрашивать справку о судимости для организации.
office-organisations-code = Фискальный код (CUI)
office-organisations-code-hint = Как при регистрации, с RO или без, например RO 12345674.
office-organisations-name = Название организации
office-organisations-name-hint = Как зарегистрировано в Торговом реестре.
office-organisations-email = Адрес электронной почты представителя
office-organisations-email-hint = Адрес его учётной записи Ghiseu. Его личность уже должна быть подтверждена банковской картой или лично в отделении.
office-organisations-evidence = Что подтверждает полномочия
office-organisations-evidence-hint = Например: доверенность № 12 от 3 марта 2026 года или выписка из Торгового реестра, где он указан как администратор.
office-organisations-submit = Записать представителя
office-organisations-recorded = { $email } теперь записан как представитель организации { $name } (CUI { $code }).
office-organisations-error-registration_code-malformed = CUI состоит из 2–10 цифр, перед ними может стоять RO. Проверьте код по данным регистрации.
office-organisations-error-registration_code-check-digit = Контрольная цифра этого CUI не сходится. Проверьте, нет ли опечатки.
office-organisations-error-name-required = Введите название организации так, как оно зарегистрировано.
office-organisations-error-name-too-long = Название слишком длинное: не больше 200 символов.
office-organisations-error-evidence-required = Укажите, что подтверждает полномочия, например номер и дату доверенности.
office-organisations-error-evidence-too-long = О полномочиях напишите не больше 500 символов.
office-organisations-error-email-unknown = Нет учётной записи с таким адресом электронной почты. Представитель должен сначала зарегистрироваться.
office-organisations-error-email-not-assured = Личность этого человека ещё не подтверждена банковской картой или лично в отделении: сначала подтвердите её.
office-organisations-error-email-already = Этот человек уже записан как представитель организации.
office-organisations-none-here = Ни один из ваших офисов не оказывает услуг организациям, поэтому представителей регистрируют в офисе, который их оказывает.
