/**
 * Every sentence of the server that a user may read (API error messages are
 * shown by the web app as they are), in Russian, in one place.
 */
export const messages = {
  webNotBuilt: "Веб-приложение не собрано: выполните npm start из корня репозитория.\n",
  notFoundPage: "Не найдено.\n",
  badRequestTarget: "Неверный адрес запроса.\n",
  notFoundApi: "Такого адреса API нет.",
  methodNotAllowed: "Этот адрес API не поддерживает такой запрос.",
  internal: "Внутренняя ошибка сервера.",
  expectJson: "Ожидается тело запроса в формате JSON.",
  tooLarge: "Запрос слишком большой.",
  invalidJson: "Тело запроса не является корректным JSON.",
  invalidFields: (fields: string) => `Неверно заполнены поля: ${fields}.`,
  invalidValues: (what: string) => `Неверно заполнено: ${what}.`,
  requestBody: "тело запроса",
  badPathEncoding: "Неверный адрес запроса: в нём испорчено кодирование символов.",
  badSessionCookie: "Файл cookie сеанса повреждён. Войдите в систему заново.",
  crossSite: "Запрос отправлен не со страницы приложения и отклонён. Откройте приложение и повторите действие в нём.",

  unauthorized: "Войдите в систему: сеанс не начат или закончился.",
  wrongCredentials: "Неверный логин или пароль.",
  throttled: (minutes: number) =>
    `Слишком много неудачных попыток входа с этого адреса. Попробуйте снова через ${minutes} мин. или обратитесь к координатору.`,
  loginInProgress: "С этого адреса уже выполняется вход. Дождитесь ответа и попробуйте снова через пару секунд.",
  serverBusy: "Сервер сейчас проверяет слишком много паролей. Попробуйте снова через пару секунд.",
  forbidden: "Недостаточно прав для этого действия.",
  roleDoesNotFit:
    "Эта роль назначается на другом уровне: управленческая команда — на школу; куратор, методист и координатор — на муниципалитет или регион.",
  notCoordinator: "Этот раздел доступен только координатору.",
  documentNotFound: "Такого документа нет или у вас нет к нему доступа.",
  tooManyEventStreams:
    "Слишком много открытых страниц документов с этой учётной записью. Закройте лишние вкладки и обновите страницу.",
  unknownTemplate: (id: string) => `Неизвестный шаблон документа «${id}».`,
  templateScopeMismatch: (scope: "school" | "municipality") =>
    scope === "school"
      ? "Этот шаблон заполняет школа: выберите школу."
      : "Этот шаблон заполняет муниципалитет: выберите муниципалитет.",
  noRiskFactor: "В рисковом профиле нет такого фактора риска.",
  cannotCreateHere: "Вы не можете создавать документы для этой организации.",
  organisationNotFound: "Такой организации нет.",
  notAMunicipalityToMonitor: "Мониторинг ведётся по муниципалитету: такого муниципалитета нет.",
  monitoringForbidden: "Мониторинг этого муниципалитета доступен его координаторам, методистам и наблюдателям.",
  unknownExportFormat: "Неизвестный формат выгрузки: укажите format=xlsx, docx, pdf или csv.",
  workbookNotAMunicipality: "Сводная выгрузка года делается для муниципалитета.",
  workbookForbidden: "Сводную выгрузку документов года скачивает координатор муниципалитета.",
  exportsBusy: "Сейчас готовится слишком много выгрузок. Попробуйте снова через минуту.",
  workbookEmpty: (year: number) => `За ${year} год у этого муниципалитета и его школ документов нет.`,
  notASchool: "Это не школа.",
  notAMunicipality: "Документы года создаются для муниципалитета или школы.",
  parentNotMunicipality: "Школу можно добавить только в муниципалитет.",
  personNotFound: "Такого человека нет в вашей организации.",
  personBeyondScope:
    "У этого человека есть роли или школы вне вашей зоны ответственности: новую ссылку для входа ему может выдать координатор, которому подчинены они все.",
  loginTaken: (login: string) => `Логин «${login}» уже занят.`,
  loginUnavailable: "Этот логин выбрать нельзя. Придумайте другой.",
  registryPersonNotFound: "Такого человека нет в списке вашей организации.",
  grantNotFound: "Такой роли у этого человека нет.",
  curatorSchoolsOnly: "Куратору можно назначить только школы.",
  invitationNotFound: "Ссылка-приглашение не найдена. Проверьте адрес или попросите координатора прислать новую.",
  invitationUsed:
    "Эта ссылка больше не действует: она уже использована или вместо неё выдана новая. Войдите со своим паролем или попросите координатора прислать новую.",
  invitationExpired: "Срок действия ссылки истёк. Попросите координатора прислать новую.",
  tokenNotFound: "Такого токена нет.",
  transitionForbidden: (action: string) => `Вы не можете ${ACTION_VERBS[action] ?? action} этот документ.`,
  transitionNotAllowed: (status: string, action: string) =>
    `Документ сейчас ${STATUS_PHRASES[status] ?? status}: его нельзя ${ACTION_VERBS[action] ?? action}.`,
  returnNeedsReason: "Напишите, что нужно доработать: без причины документ на доработку не возвращают.",
  approveNeedsOrder: "Укажите номер и дату приказа об утверждении.",
  statusChangedMeanwhile: "Статус документа только что изменил кто-то другой. Обновите страницу и проверьте его.",
  conflictNotFound: "Такого конфликта правок нет: его уже разрешили.",
  cannotResolveConflict: "Выбрать значение ячейки могут только редакторы документа.",
  notAgreedYet: "Документ ещё не согласовывали: сравнивать не с чем.",
  versionNotFound: "Такой версии у документа нет.",
  cannotSaveVersion: "Сохранять версии могут те, кто редактирует или комментирует документ.",
  cannotRestoreVersion: "Восстанавливать версии могут только редакторы документа.",
  restoreWhileLocked:
    "Документ на согласовании: версию можно восстановить после возврата на доработку или согласования.",
  cannotReadComments: "У вас нет доступа к обсуждению этого документа.",
  cannotComment: "Вы можете только читать обсуждение этого документа, но не писать в нём.",
  commentEmpty: "Комментарий пуст: напишите текст.",
  commentTooLong: (limit: number) => `Комментарий слишком длинный: не больше ${limit} символов.`,
  commentCellNotFound: "Такой ячейки в документе нет: проверьте таблицу, строку и столбец.",

  // The administrator's command (npm run admin): a person at a terminal reads these.
  bootstrapAuditDetails: "первый координатор, создан командой администратора",
  bootstrapNameClash: (name: string) =>
    `Организация «${name}» уже есть, но в другом месте дерева. Проверьте название региона и муниципалитета.`,
  bootstrapUsage: [
    "Использование:",
    '  npm run admin -- create-coordinator --login LOGIN --name "Фамилия Имя Отчество" \\',
    '    --position "должность" --region "Регион" [--municipality "Муниципалитет"] [--url http://адрес:8080]',
    "Создаёт координатора (и регион с муниципалитетом, если их ещё нет) и печатает одноразовую",
    "ссылку, по которой он сам задаёт пароль. Данные — в DATA_DIR (по умолчанию ./data).",
  ].join("\n"),
  bootstrapMissing: (option: string) => `Не указан параметр --${option}.`,
  bootstrapDone: (fullName: string, link: string, expiresAt: string) =>
    `Координатор ${fullName} создан. Отправьте ему ссылку для входа (действует до ${expiresAt}):\n${link}`,
} as const;

/** What each workflow action does, after «нельзя» / «не можете». */
const ACTION_VERBS: Readonly<Record<string, string>> = {
  submit: "отправить на согласование",
  return: "вернуть на доработку",
  agree: "согласовать",
  approve: "утвердить",
  reopen: "вернуть в черновики",
};

/** Where a document stands, after «Документ сейчас». */
const STATUS_PHRASES: Readonly<Record<string, string>> = {
  draft: "в черновиках",
  submitted: "на согласовании",
  returned: "на доработке",
  agreed: "согласован",
  approved: "утверждён",
};
