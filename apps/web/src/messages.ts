import type { CellRefusal } from "@karta/domain";

/**
 * Every sentence the user reads, in Russian, in one place: no other module of
 * apps/web holds a Russian string literal (messages.test.ts checks it), so a
 * wording can be found, reviewed and one day translated without a hunt.
 */

/**
 * Russian plural form for a count: `plural(3, ["ячейка", "ячейки", "ячеек"])`
 * is "ячейки". Russian picks the form by the last one or two digits.
 */
export function plural(count: number, forms: readonly [one: string, few: string, many: string]): string {
  const n = Math.abs(Math.trunc(count)) % 100;
  const last = n % 10;
  if (n >= 11 && n <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/** Why a column did not take a text (`parseCell` of @karta/domain), after a dash: «нужно целое число». */
export function refusalText(refusal: CellRefusal): string {
  switch (refusal.kind) {
    case "computed":
      return "столбец заполняется автоматически";
    case "number":
      return "нужно число";
    case "integer":
      return "нужно целое число";
    case "min":
      return `нужно число не меньше ${refusal.min.toLocaleString("ru-RU")}`;
    case "max":
      return `нужно число не больше ${refusal.max.toLocaleString("ru-RU")}`;
    case "date":
      return "нужна дата в виде ДД.ММ.ГГГГ";
    case "boolean":
      return "нужно «Да» или «Нет»";
    case "option":
      return `нужно одно из значений: ${refusal.options.map((o) => `«${o}»`).join(", ")}`;
    case "tooLong":
      return `текст длиннее ${refusal.max.toLocaleString("ru-RU")} символов`;
    case "invalid":
      return "значение не подходит для этого столбца";
  }
}

/** A cell's text inside «…», cut to one readable line. */
function quoteCell(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

const cells = ["ячейка", "ячейки", "ячеек"] as const;
const rows = ["строка", "строки", "строк"] as const;
/** «из 21 строки», «из 5 строк». */
const rowsOf = ["строки", "строк", "строк"] as const;
/** A past participle agreeing with a count of строки: 1 строка добавлена, 2 строки добавлены, 5 строк добавлено. */
const rowsAdded = ["Добавлена", "Добавлены", "Добавлено"] as const;

export const messages = {
  appName: "Карта",
  appTagline: "Дорожные карты и программы школ",

  documents: {
    pageTitle: "Документы",
    loading: "Загружаем список документов…",
    empty: "Документов пока нет.",
    emptyCanCreate: "Документов пока нет. Создайте первый с помощью формы справа.",
    serverUnreachable:
      "Не удалось связаться с сервером. Проверьте подключение к интернету и обновите страницу — документы, открытые раньше на этом устройстве, доступны и без связи.",
    remembered:
      "Не удалось связаться с сервером. Ниже — список, сохранённый на этом устройстве: документы, открытые здесь раньше, можно править и без связи, изменения уйдут на сервер при подключении.",
    retry: "Повторить",
    year: (year: number) => `${year} год`,
    updatedAt: (date: string) => `изменён ${date}`,
    count: (n: number) => `${n} ${plural(n, ["документ", "документа", "документов"])}`,
    /** A template this version of the app does not know, and the server did not name. */
    unknownTemplate: "Другой вид документа",
    accessLabel: {
      read: "только чтение",
      comment: "комментирование",
    } as Readonly<Record<string, string>>,
    accessHint: {
      read: "Вы можете только читать этот документ",
      comment: "Вы можете читать и комментировать этот документ, но не изменять таблицу",
    } as Readonly<Record<string, string>>,
  },

  createDocument: {
    heading: "Новый документ",
    template: "Шаблон",
    title: "Название",
    titlePlaceholder: "Например: Антирисковая программа МБОУ СОШ № 5 на 2025 год",
    organisation: "Организация",
    organisationsLoading: "Загружаем организации…",
    noOrganisationForTemplate: "Вы не можете создать документ по этому шаблону ни для одной организации.",
    year: "Год",
    submit: "Создать документ",
    submitting: "Создаём…",
    titleRequired: "Введите название документа.",
    failed: "Не удалось создать документ.",
  },

  import: {
    /** The table's toolbar (editors only). */
    button: "Загрузить из Excel",
    buttonHint: "Добавить в таблицу строки из файла Excel (.xlsx) или CSV",
    /** The documents page, beside «Создать документ». */
    newFromFile: "Новый документ из файла",
    newFromFileHint: "Создать документ по выбранному шаблону и году и загрузить в его таблицу строки из файла",
    noTable: "В документах этого шаблона нет таблицы, загружать некуда.",
    heading: "Загрузка строк из файла",
    into: (table: string) => `В таблицу «${table}»`,
    chooseFile: "Выбрать файл…",
    fileHint: "Excel (.xlsx) или CSV в UTF-8 или Windows-1251, с разделителем «;», «,» или табуляцией.",
    reading: "Читаем файл…",
    noFile: "Файл не выбран",
    csvDetails: (encoding: string, delimiter: string) =>
      `CSV, ${encoding === "windows-1251" ? "Windows-1251" : "UTF-8"}, разделитель ${delimiter === "\t" ? "— табуляция" : `«${delimiter}»`}`,
    xlsxDetails: (sheets: number) => `Excel, ${sheets} ${plural(sheets, ["лист", "листа", "листов"])}`,
    unreadableXlsx: "Не удалось прочитать файл Excel: возможно, он повреждён или защищён паролем.",
    unreadableCsv: "Не удалось прочитать файл CSV.",
    unreadableFormat:
      "Такой файл не прочитать. Сохраните его в Excel как «Книга Excel (.xlsx)» или «CSV (разделители — точка с запятой)».",
    emptyFile: "В файле нет ни одной строки.",
    sheet: "Лист",
    headerRow: "Строка заголовков",
    noHeaderRow: "нет — данные с первой строки",
    rowNumber: (n: number) => `строка ${n}`,
    headerNotFound:
      "В файле не нашлось строки с названиями столбцов таблицы: выберите строку заголовков или сопоставьте столбцы вручную.",
    mapping: "Столбцы таблицы и файла",
    mappingHint:
      "Под названием каждого столбца таблицы — столбец файла, из которого он заполнится. Его можно поменять.",
    notImported: "— не загружать —",
    fileColumn: (letter: string, label: string) => (label === letter ? letter : `${letter}: ${label}`),
    preview: (shown: number, total: number) =>
      total > shown ? `Первые ${shown} из ${total} ${plural(total, rowsOf)} файла` : "Строки файла",
    nothingMapped: "Ни один столбец файла не выбран: загружать нечего.",
    check: "Проверка",
    /** «Строка 7, «Численность педагогов»: «2,5» — нужно целое число». */
    issue: (row: number, column: string, text: string, refusal: CellRefusal) =>
      `Строка ${row}, «${column}»: «${quoteCell(text)}» — ${refusalText(refusal)}`,
    issuesHeading: (n: number) =>
      `${plural(n, ["Найдена", "Найдены", "Найдено"])} ${n} ${plural(n, ["ошибка", "ошибки", "ошибок"])}. Исправьте файл или сопоставление столбцов — пока ошибки есть, ничего не загружается.`,
    moreIssues: (n: number) => `…и ещё ${n} ${plural(n, ["ошибка", "ошибки", "ошибок"])}`,
    ready: (n: number) =>
      `Ошибок нет: ${n} ${plural(n, rows)} ${plural(n, ["готова", "готовы", "готовы"])} к загрузке.`,
    skippedTotals: (rowNumbers: readonly number[]) =>
      `Итоговая строка не загружается (${plural(rowNumbers.length, ["строка", "строки", "строки"])} ${rowNumbers.join(", ")}): она вычисляется сама.`,
    skippedEmpty: (n: number) => `Пустые строки пропущены: ${n}.`,
    noRows: "В файле нет строк с данными для выбранных столбцов.",
    tooLarge: (megabytes: string, limit: string) =>
      `Столько строк за один раз не загрузить: изменение заняло бы ${megabytes} МБ, а сервер принимает до ${limit} МБ. Разделите файл на части и загрузите их по очереди.`,
    append: "Добавить в конец таблицы",
    replace: "Заменить строки таблицы",
    replaceHint: (n: number) => `${n} ${plural(n, rows)} таблицы будут удалены. Отменить можно через Ctrl+Z.`,
    submit: (n: number) => `Загрузить ${n} ${plural(n, rows)}`,
    submitNew: (n: number) => `Создать документ и загрузить ${n} ${plural(n, rows)}`,
    cancel: "Отмена",
    close: "Закрыть",
    writing: "Загружаем…",
    done: (n: number) =>
      `${plural(n, ["Загружена", "Загружены", "Загружено"])} ${n} ${plural(n, rows)}. Отменить — Ctrl+Z.`,
    failed: "Не удалось загрузить строки.",
    defaultTitle: (template: string, year: number) => `${template} на ${year} год`,
  },

  document: {
    backToList: "Все документы",
    loading: "Открываем документ…",
    notOnThisDevice:
      "Этот документ ещё не открывали на этом устройстве, а связи с сервером сейчас нет. Он откроется сам, как только связь появится.",
    notFound: "Такого документа нет. Возможно, ссылка устарела или документ удалён.",
    /** A link to a cell (from «Мониторинг») whose row has been deleted since. */
    linkedRowGone: "Строки, на которую ведёт ссылка, в документе больше нет: её удалили.",
    closed: {
      1001: "Сервер перезапускается. Подключимся снова автоматически, изменения сохраняются на этом устройстве.",
      4400: "Сервер отклонил изменения: они повреждены. Обновите страницу.",
      4401: "Сеанс завершён. Войдите снова, чтобы продолжить работу.",
      4403: "У вас нет доступа к этому документу. Если доступ нужен, обратитесь к координатору.",
      4404: "Такого документа нет. Возможно, ссылка устарела или документ удалён.",
      4409: "Ваши права на этот документ изменились. Подключаемся заново…",
      4413: "Изменение слишком большое, сервер его не принял. Обновите страницу.",
      4429: "Слишком много открытых вкладок или запросов к серверу. Закройте лишние вкладки и обновите страницу.",
      4500: "Сервер временно не может открыть документ. Повторим попытку автоматически.",
      4503: "Соединение не успевало получать изменения. Подключаемся заново…",
    } as Readonly<Record<number, string>>,
    closedOther: (code: number) => `Соединение с сервером закрыто (код ${code}).`,
    unknownTemplate: "Документ создан по шаблону, который эта версия приложения не знает. Обновите страницу.",
    rowCount: (n: number) => `${n} ${plural(n, rows)}`,
    rowsShown: (shown: number, all: number) => `Показано ${shown} из ${all} ${plural(all, rowsOf)}`,
    refused:
      "Изменение не сохранено: у вас нет права изменять этот документ. Обновите страницу, чтобы увидеть его актуальную версию.",
    accessNow: (label: string) => `Ваши права на этот документ изменились: теперь ${label}.`,
    accessNowLabel: {
      read: "только чтение",
      comment: "чтение и комментирование",
      edit: "редактирование",
    } as Readonly<Record<string, string>>,
    readOnly: {
      curator:
        "Только просмотр: вы куратор этой школы и можете комментировать, но не изменять таблицу. Таблицу заполняет управленческая команда школы.",
      schoolComment:
        "Только просмотр: документ школы заполняет её управленческая команда, вы можете комментировать, но не изменять таблицу.",
      comment: "Только просмотр: вы можете комментировать этот документ, но не изменять таблицу.",
      read: "Только просмотр: у вас есть право только читать этот документ.",
      unknown:
        "Только просмотр: без связи с сервером не удалось проверить ваши права на этот документ. Редактирование станет доступно, когда связь появится.",
    },
    readOnlyBadge: "Только просмотр",
    pasteRefused: "Таблица открыта только для просмотра: вставить данные нельзя.",
  },

  sync: {
    saved: "Все изменения сохранены на сервере",
    saving: "Сохраняется…",
    refused: "Не все изменения сохранены на сервере: у вас нет права изменять этот документ",
    connecting: "Подключение…",
    offline: "Нет связи с сервером. Изменения сохраняются на этом устройстве и будут отправлены при подключении",
  },

  /** The same line for a person who may not change the document: nothing of theirs is being saved. */
  syncReadOnly: {
    saved: "Документ синхронизирован с сервером",
    saving: "Синхронизация с сервером…",
    refused: "Не все изменения сохранены на сервере: у вас нет права изменять этот документ",
    connecting: "Подключение…",
    offline: "Нет связи с сервером: показана копия с этого устройства, она может быть устаревшей",
  },

  toolbar: {
    label: "Действия с таблицей",
    addRow: "Добавить строку",
    addRowHint: "Вставить пустую строку под выбранной",
    deleteRow: "Удалить строку",
    deleteRows: (n: number) => `Удалить ${n} ${plural(n, rows)}`,
    undo: "Отменить",
    undoHint: "Отменить своё последнее изменение (Ctrl+Z)",
    redo: "Повторить",
    redoHint: "Вернуть отменённое (Ctrl+Y)",
    keyboardHint: "Ctrl+Shift+↑/↓ — переместить строку · Shift+клик — выделить диапазон",
    readOnlyHint: "Shift+клик — выделить диапазон · Ctrl+C — скопировать",
  },

  grid: {
    noRows: "В таблице нет строк. Нажмите «Добавить строку».",
    noRowsReadOnly: "В таблице нет строк.",
    noRowsFiltered: "Изменённых после согласования строк в этой таблице нет.",
    loading: "Загрузка…",
    /** AG Grid's own words that reach the page (its pagination's labels are in every grid's markup). */
    agGrid: {
      page: "Страница",
      of: "из",
      to: "–",
      more: "ещё",
      firstPage: "Первая страница",
      previousPage: "Предыдущая страница",
      nextPage: "Следующая страница",
      lastPage: "Последняя страница",
    },
    dragRow: "Перетащите, чтобы переместить строку",
    selection: (r: number, c: number) => `Выделено: ${r} × ${c}`,
    yes: "Да",
    no: "Нет",
    /**
     * The Latin (QWERTY) and Russian (ЙЦУКЕН) letters on the same keys: a letter typed in
     * the wrong layout still picks an option of a list cell.
     */
    latinKeys: "qwertyuiop[]asdfghjkl;'zxcvbnm,.`",
    russianKeys: "йцукенгшщзхъфывапролджэячсмитьбюё",
  },

  editErrors: {
    "invalid-value": "Значение не подходит для этого столбца.",
    "derived-column": "Этот столбец заполняется автоматически.",
    "unknown-row": "Строку только что удалил другой участник.",
    "unknown-column": "Такого столбца нет в шаблоне.",
    generic: "Не удалось сохранить изменение.",
  },

  paste: {
    skipped: (n: number) =>
      `Не вставлено: ${n} ${plural(n, cells)} — значения не подходят по формату, вне таблицы или в вычисляемом столбце (№, доли).`,
    /** The count, then the first refused value and why (messages.cells.refused). */
    refused: (n: number, first: string) => `Не вставлено: ${n} ${plural(n, cells)}. ${first}`,
    addedRows: (n: number) => `${plural(n, rowsAdded)} ${n} ${plural(n, rows)} в конец таблицы.`,
  },

  presence: {
    label: "Сейчас в документе",
    youAre: (name: string) => `Вы: ${name}`,
  },

  api: {
    failed: "Не удалось выполнить действие. Попробуйте ещё раз.",
    serverUnreachable: "Не удалось связаться с сервером. Проверьте подключение к интернету и попробуйте ещё раз.",
  },

  login: {
    pageTitle: "Вход",
    heading: "Вход в Карту",
    intro: "Войдите с логином и паролем, которые вы получили от координатора.",
    login: "Логин",
    password: "Пароль",
    submit: "Войти",
    submitting: "Входим…",
    required: "Введите логин и пароль.",
    wrongCredentials: "Неверный логин или пароль. Проверьте раскладку клавиатуры и Caps Lock.",
    throttled: "Слишком много неудачных попыток входа. Попробуйте позже или обратитесь к координатору.",
    unreachable: "Не удалось связаться с сервером. Проверьте подключение к интернету и попробуйте ещё раз.",
    sessionEnded: "Сеанс завершён. Войдите снова, чтобы продолжить работу.",
    forgot: "Забыли пароль? Попросите координатора прислать новую ссылку для входа.",
  },

  session: {
    checking: "Проверяем вход…",
    signOut: "Выйти",
    signingOut: "Выходим…",
    offline: "Нет связи с сервером: работаете с копией на этом устройстве",
  },

  nav: {
    label: "Разделы",
    documents: "Документы",
    schools: "Школы",
    people: "Люди",
    audit: "Журнал",
    monitoring: "Мониторинг",
  },

  monitoring: {
    pageTitle: "Мониторинг",
    intro:
      "Как идёт работа школ муниципалитета за год: документы и их согласование, выполнение мероприятий антирисковых программ, факторы риска, дефициты педагогов и просроченные мероприятия. Цифры обновляются сами.",
    municipality: "Муниципалитет",
    year: "Год",
    loading: "Собираем данные мониторинга…",
    noMunicipality:
      "Мониторинг доступен координаторам, методистам и наблюдателям муниципалитета или региона. У вас нет такой роли.",
    forbidden: "У вас нет права смотреть мониторинг этого муниципалитета.",
    notFound: "Такого муниципалитета нет. Возможно, ссылка устарела.",
    refreshFailed: "Не удалось обновить данные: показаны прежние. Повторим попытку автоматически.",
    asOf: (date: string) => `Данные на ${date}`,
    live: "обновляется сразу",
    polling: "обновляется раз в 30 секунд",
    progress: {
      done: "выполнено",
      inProgress: "в работе",
      overdue: "просрочено",
      planned: "запланировано",
    } as Readonly<Record<string, string>>,
    totalMeasures: (n: string) => `Всего мероприятий со сроками: ${n}`,
    share: (share: string) => `${share} от всех`,
    sections: {
      totals: "Выполнение мероприятий школ",
      matrix: "Документы школ",
      progress: "Выполнение по школам",
      municipality: "Документы муниципалитета",
      riskFactors: "Факторы риска, выбранные школами",
      deficits: "Предметные дефициты педагогов",
      shnor: "ШНОР по годам",
      overdue: "Просроченные мероприятия",
    },
    matrix: {
      school: "Школа",
      missing: "документа нет",
      missingTitle: (template: string) => `Документа «${template}» у школы нет`,
      openComments: (n: number) =>
        `${n} ${plural(n, ["открытое обсуждение", "открытых обсуждения", "открытых обсуждений"])}`,
      chipTitle: (title: string, status: string) => `${title}: ${status}`,
      empty: "За этот год у школ муниципалитета нет документов и статусов.",
      filteredByFactor: (factor: string) => `Показаны школы, выбравшие фактор «${factor}».`,
      showAll: "Показать все школы",
    },
    progressTable: {
      school: "Школа",
      total: "Всего",
      none: "нет мероприятий со сроками",
      countTitle: (label: string, school: string) => `${label}: ${school}`,
    },
    municipalityTable: {
      document: "Документ",
      status: "Статус",
      comments: "Обсуждения",
      measures: "Мероприятия",
      none: "У муниципалитета нет документов за этот год.",
      noMeasures: "—",
    },
    riskFactors: {
      factor: "Фактор риска",
      schools: "Школы",
      count: "Сколько школ",
      none: "Ни одна школа не выбрала факторы риска для антирисковых программ.",
      nobody: "—",
      showSchools: (factor: string) => `Показать школы, выбравшие фактор «${factor}»`,
    },
    deficits: {
      none: "Мониторинга предметных дефицитов педагогов за этот год нет.",
      teachers: (n: string) => `Педагогов: ${n}`,
      level: "Уровень",
      count: "Педагогов",
      share: "Доля",
      levels: {
        a: "А — системные дефициты",
        b: "В — локальные дефициты",
        c: "С — несущественные дефициты",
        d: "D — дефицитов нет",
      } as Readonly<Record<string, string>>,
      short: { a: "А", b: "В", c: "С", d: "D" } as Readonly<Record<string, string>>,
      open: "Открыть мониторинг дефицитов",
    },
    shnor: {
      year: "Год",
      none: "В реестре нет статусов школ.",
      statuses: {
        shnor: "ШНОР",
        project500: "«500+»",
        postProject: "постпроектное",
        left: "вышли",
      } as Readonly<Record<string, string>>,
      registry: "Реестр «Школы»",
    },
    overdue: {
      school: "Школа",
      document: "Документ",
      number: "№",
      measure: "Мероприятие",
      period: "Сроки",
      deadline: "Срок истёк",
      status: "Статус",
      none: "Просроченных мероприятий нет.",
      noneForSchool: "У этой школы просроченных мероприятий нет.",
      filter: "Школа",
      allSchools: "Все школы и муниципалитет",
      count: (n: number) => `${n} ${plural(n, ["мероприятие", "мероприятия", "мероприятий"])}`,
      open: (measure: string) => `Открыть ячейку «Сроки»: ${measure}`,
    },
    chartLoading: "Загружаем диаграмму…",
  },

  coordinatorOnly: "Этот раздел доступен только координатору.",
  pageNotFound: "Такой страницы нет. Возможно, ссылка устарела.",

  invite: {
    pageTitle: "Приглашение",
    loading: "Проверяем ссылку…",
    heading: "Добро пожаловать в Карту",
    greeting: (name: string) => `Здравствуйте, ${name}!`,
    yourLogin: "Ваш логин для входа:",
    intro:
      "Придумайте пароль — не короче 8 символов. Ссылка одноразовая: после сохранения пароля входите с логином и паролем.",
    password: "Пароль",
    repeat: "Пароль ещё раз",
    submit: "Сохранить пароль и войти",
    submitting: "Сохраняем…",
    tooShort: (min: number) => `Пароль должен быть не короче ${min} символов.`,
    tooLong: (max: number) => `Пароль должен быть не длиннее ${max} символов.`,
    mismatch: "Пароли не совпадают.",
    notFound: "Ссылка-приглашение не найдена. Проверьте адрес или попросите координатора прислать новую.",
    gone: "Эта ссылка уже использована или её срок истёк. Войдите со своим паролем или попросите координатора прислать новую.",
    toLogin: "Перейти ко входу",
  },

  roles: {
    school_team: "управленческая команда школы",
    curator: "куратор",
    methodist: "методист",
    coordinator: "координатор",
    viewer: "наблюдатель",
  } as Readonly<Record<string, string>>,

  schoolStatuses: {
    shnor: "ШНОР",
    project500: "проект «500+»",
    postProject: "постпроектное сопровождение",
    left: "вышла из списка ШНОР",
  } as Readonly<Record<string, string>>,

  schools: {
    pageTitle: "Школы",
    intro:
      "Реестр школ и их статус в программе по годам. Статус года определяет, какие документы школа пишет в этом году.",
    loading: "Загружаем реестр…",
    empty: "В реестре пока нет школ.",
    name: "Школа",
    type: "Тип",
    noStatus: "—",
    statusFor: (school: string, year: number) => `Статус: ${school}, ${year} год`,
    typeFor: (school: string) => `Тип: ${school}`,
    shnorTotal: "Всего ШНОР",
    schoolCount: (n: number) => `${n} ${plural(n, ["школа", "школы", "школ"])}`,
    add: "Добавить школу",
    addHeading: "Новая школа",
    addName: "Название",
    addNamePlaceholder: "Например: МБОУ СОШ № 12",
    addParent: "Муниципалитет",
    addSubmit: "Добавить",
    adding: "Добавляем…",
    nameRequired: "Введите название школы (не короче 2 символов).",
    added: (name: string) => `Школа «${name}» добавлена.`,
    documentsColumn: (year: number) => `Документы ${year} года`,
    createSchoolDocuments: "Создать",
    documentsYear: "Год документов",
    createDocuments: (year: number) => `Создать документы на ${year} год`,
    createDocumentsFor: (name: string, year: number) => `Создать документы на ${year} год: ${name}`,
    creatingDocuments: "Создаём…",
    documentsCreated: (name: string, year: number, created: number, existing: number) =>
      created === 0
        ? `${name}, ${year} год: новых документов нет, все ${existing} уже созданы.`
        : `${name}, ${year} год: ${plural(created, ["создан", "создано", "создано"])} ${created} ${plural(created, ["документ", "документа", "документов"])}` +
          (existing > 0 ? `, ещё ${existing} уже были.` : "."),
    documentsCreatedList: "Созданные документы",
    closeResult: "Скрыть",
  },

  registryView: {
    loading: "Загружаем статусы школ…",
    failed: "Не удалось загрузить статусы школ из реестра.",
    retry: "Повторить",
    empty: (year: number) => `В реестре нет школ со статусом в годы по ${year} включительно.`,
    school: "Школа",
    year: (year: number) => `${year} год`,
    noStatus: "—",
    shnorTotal: "Всего ШНОР",
    source: "Составлено по реестру школ: статусы меняет координатор на странице «Школы».",
  },

  people: {
    pageTitle: "Люди",
    intro:
      "Сотрудники ваших организаций, их роли и школы кураторов. Новый человек входит по одноразовой ссылке-приглашению.",
    loading: "Загружаем список людей…",
    empty: "Пока никого нет.",
    name: "ФИО",
    organisation: "Организация",
    roles: "Роли",
    curated: "Школы куратора",
    actions: "Действия",
    notActive: "ещё не входил(а)",
    noRoles: "нет ролей",
    noCurated: "не назначены",
    /** An organisation this coordinator does not see (its name is not theirs to read). */
    otherOrganisation: "другая организация",
    roleAt: (role: string, organisation: string) => `${role} — ${organisation}`,
    revoke: "Снять",
    revokeHint: (role: string) => `Снять роль «${role}»`,
    revokeConfirm: (role: string, person: string) => `Снять роль «${role}» у ${person}?`,
    revoked: "Роль снята.",
    grant: "Назначить",
    grantRole: "Роль",
    grantWhere: "Где",
    grantSubmit: "Назначить",
    granted: "Роль назначена.",
    cancel: "Отмена",
    editCurated: "Изменить школы",
    saveCurated: "Сохранить",
    curatedSaved: "Школы куратора сохранены.",
    newLink: "Новая ссылка",
    newLinkHint: "Новая одноразовая ссылка для входа, например, если человек забыл пароль",
    newLinkConfirm: (person: string) =>
      `Создать новую ссылку для входа для ${person}? По ней задают новый пароль; когда её используют, все прежние входы этого человека завершатся.`,
    inviteHeading: "Пригласить человека",
    fullName: "ФИО",
    fullNamePlaceholder: "Иванова Мария Петровна",
    position: "Должность",
    positionPlaceholder: "заместитель директора по УВР",
    inviteOrganisation: "Организация",
    loginField: "Логин",
    loginPlaceholder: "ivanova",
    loginHint: "латинские буквы, цифры, точка, дефис",
    role: "Роль",
    inviteSubmit: "Создать приглашение",
    inviting: "Создаём…",
    fullNameRequired: "Введите ФИО (не короче 3 символов).",
    loginInvalid: "Логин: от 2 до 64 символов — латинские строчные буквы, цифры, точка, подчёркивание, дефис.",
    linkFor: (name: string) => `Ссылка-приглашение для: ${name}`,
    linkHint: (date: string) =>
      `Отправьте ссылку этому человеку. Ссылка одноразовая, действует до ${date} и больше нигде не показывается.`,
    copy: "Копировать",
    copied: "Ссылка скопирована.",
    close: "Закрыть",
    registry: {
      heading: "Без учётной записи",
      intro:
        "Люди, которых называют в графе «Ответственные», но которые не входят в систему: например, директор МКУО ЦОКО. Их можно выбрать в таблице так же, как сотрудников с учётной записью.",
      empty: "Пока никого нет.",
      shownAs: (label: string) => `в таблице: ${label}`,
      edit: "Изменить",
      remove: "Удалить",
      removeConfirm: (label: string) =>
        `Удалить «${label}» из списка? В уже заполненных ячейках имя останется, но выбрать этого человека будет нельзя.`,
      removed: "Человек удалён из списка.",
      addHeading: "Добавить человека",
      fullNamePlaceholder: "Хняч И.Н. или Хняч Ирина Николаевна",
      positionPlaceholder: "директор МКУО ЦОКО",
      add: "Добавить",
      added: "Человек добавлен.",
      save: "Сохранить",
      saved: "Изменения сохранены.",
    },
  },

  audit: {
    pageTitle: "Журнал",
    intro:
      "Кто и когда входил, менял права, школы и документы. Новые сверху. Одинаковые неудачные попытки входа и отказы в течение 15 минут собраны в одну запись с числом повторов.",
    loading: "Загружаем журнал…",
    showMore: "Показать ещё",
    loadingMore: "Загружаем…",
    repeated: (count: number) => `×${count}`,
    repeatedTitle: (count: number) => `Всего за это время: ${count}`,
    lastAt: (time: string) => `последний раз ${time}`,
    fromSource: (what: string, source: string) => (what ? `${what}, адрес ${source}` : `адрес ${source}`),
    empty: "Записей пока нет.",
    refresh: "Обновить",
    at: "Когда",
    actor: "Кто",
    action: "Действие",
    subject: "Объект",
    details: "Подробности",
    system: "система",
    /** Who tried a login that failed before anyone was recognised. */
    unknownActor: "неизвестно",
    end: "Более ранних записей нет.",
    actions: {
      login: "вход",
      "login-failed": "неудачный вход",
      logout: "выход",
      "document-created": "создан документ",
      "access-refused": "отказ в доступе",
      "role-granted": "назначена роль",
      "role-revoked": "снята роль",
      "curator-assigned": "назначены школы куратору",
      "person-invited": "приглашение",
      "invitation-accepted": "приглашение принято",
      "school-created": "добавлена школа",
      "school-updated": "изменена школа",
      "school-status-set": "статус школы",
      "token-created": "создан токен",
      "token-revoked": "отозван токен",
      "comment-written": "написан комментарий",
      "thread-resolved": "обсуждение закрыто",
      "thread-reopened": "обсуждение открыто снова",
      "document-status-changed": "изменён статус документа",
      "version-restored": "восстановлена версия документа",
      "registry-person-added": "добавлен человек без учётной записи",
      "registry-person-updated": "изменён человек без учётной записи",
      "registry-person-removed": "удалён человек без учётной записи",
      "evidence-attached": "прикреплён подтверждающий документ",
      "evidence-reviewed": "проверен подтверждающий документ",
      "evidence-removed": "удалён подтверждающий документ",
    } as Readonly<Record<string, string>>,
    detail: {
      throttled: "слишком много попыток",
      "source throttled": "слишком много неудачных попыток с этого адреса",
      "login in progress": "с этого адреса уже шёл вход",
      "server busy": "сервер был занят проверкой паролей",
      "wrong password": "неверный пароль",
      "unknown login": "неизвестный логин",
      "not a coordinator": "не координатор",
      "new link": "новая ссылка",
      "update refused: read-only": "изменение отклонено: только чтение",
    } as Readonly<Record<string, string>>,
    documentsOfYear: (n: number) => `создано документов: ${n}`,
    schoolName: "название",
    schoolType: "тип",
  },

  toast: {
    close: "Закрыть",
  },

  /* ——— Rich-text sections (sections/) ——— */
  sections: {
    placeholder: "Начните писать…",
    readOnlyEmpty: "Раздел пока не заполнен.",
    toolbarLabel: (title: string) => `Форматирование раздела «${title}»`,
    paragraph: "Обычный текст",
    heading: "Заголовок",
    subheading: "Подзаголовок",
    bold: "Полужирный (Ctrl+B)",
    italic: "Курсив (Ctrl+I)",
    bulletList: "Маркированный список",
    orderedList: "Нумерованный список",
    link: "Ссылка",
    linkPrompt: "Адрес ссылки (например, https://example.ru). Оставьте пустым, чтобы убрать ссылку.",
    table: "Вставить таблицу",
    addRow: "Добавить строку в таблицу",
    addColumn: "Добавить столбец в таблицу",
    deleteTable: "Удалить таблицу",
    addRowShort: "+ строка",
    addColumnShort: "+ столбец",
    deleteTableShort: "Удалить таблицу",
    undo: "Отменить своё последнее изменение в тексте (Ctrl+Z)",
    redo: "Вернуть отменённое (Ctrl+Y)",
    partTable: "Таблица",
    partView: "Таблица из реестра",
    fold: (title: string) => `Свернуть раздел «${title}»`,
    unfold: (title: string) => `Развернуть раздел «${title}»`,
    foldedEmpty: "не заполнено",
  },

  /* ——— Live figures of the analytic report (sections/liveFigure/) ——— */
  figures: {
    insert: "Вставить показатель",
    menuLabel: "Показатели, которые пересчитываются сами",
    shnorCount: (year: number) => `Число ШНОР в ${year} году`,
    shnorShare: "Доля ШНОР в территории",
    deficitsABShare: "Доля педагогов с дефицитами уровней A+B",
    loading: "Показатель загружается…",
    unavailable: "Не удалось получить показатель с сервера: нет связи или нет доступа.",
    noShnorData: (year: number) => `В реестре нет статусов школ за ${year} год.`,
    noSchools: "В реестре территории нет школ.",
    noDeficits: "Мониторинг предметных дефицитов педагогов ещё не создан.",
    noTeachers: "В мониторинге предметных дефицитов не указана численность педагогов.",
    shnorCountTitle: (year: number) => `Число ШНОР в ${year} году, по реестру школ`,
    shnorShareTitle: (year: number, schools: number) =>
      `Доля ШНОР в ${year} году среди ${schools} ${plural(schools, ["школы", "школ", "школ"])} территории`,
    deficitsTitle: (year: number) => `Доля педагогов с дефицитами уровней A и B, мониторинг ${year} года`,
    unknown: "Неизвестный показатель.",
  },

  /* ——— Table cells: computed columns, problems, overdue, people (grid/, problems/) ——— */
  cells: {
    computedShare: (part: string, whole: string) => `Вычисляется: доля от «${whole}», приходящаяся на «${part}»`,
    totalRow: "Итоговая строка вычисляется по строкам таблицы",
    overdueBadge: "просрочено",
    overdue: (period: string) => `Просрочено: срок — ${period}. Отметьте мероприятие выполненным или перенесите срок.`,
    problemRequired: (column: string) => `Не заполнено обязательное поле «${column}».`,
    problemSum: (parts: string, sum: number, total: string, expected: number) =>
      `${parts} = ${sum}, а «${total}» — ${expected}: числа не сходятся.`,
    problemDate: (text: string) =>
      `Не удалось прочитать дату «${text}». Укажите её как ДД.ММ.ГГГГ, например 26.01.2022.`,
    /** «Численность педагогов»: «2,5» — нужно целое число. */
    refused: (column: string, text: string, refusal: CellRefusal) =>
      `«${column}»: «${quoteCell(text)}» — ${refusalText(refusal)}.`,
  },

  problems: {
    heading: (n: number) => `Проверка таблицы (${n})`,
    show: "Показать проверку таблицы",
    hide: "Скрыть проверку таблицы",
    row: (n: number) => `Строка ${n}`,
    goTo: "Перейти к ячейке",
  },

  peoplePicker: {
    text: "Ответственные (можно писать и свободным текстом)",
    search: "Добавить из справочника: начните вводить фамилию",
    loading: "Загружаем справочник людей…",
    failed: "Не удалось загрузить справочник людей. Имена можно вписать вручную.",
    nothingFound: "Никого не нашли. Enter добавит введённый текст как есть.",
    hint: "↑/↓ — выбрать, Enter — добавить, Esc — отменить",
    listLabel: "Люди из справочника",
  },

  riskProgramme: {
    create: "Создать антирисковую программу",
    hint: "Создать антирисковую программу для выбранного фактора риска",
    notChosen: "Выберите строку фактора, отмеченного «Выбран для антирисковой программы»",
    creating: "Создаём программу…",
    failed: "Не удалось создать антирисковую программу.",
  },

  /* ——— Comments: marks, popover, the discussion panel, mentions (comments/) ——— */
  evidence: {
    panelTitle: "Подтверждающие документы",
    rowPlace: (row: number | null, measure: string) =>
      row === null ? "Строка удалена" : measure ? `Строка ${row}: ${measure}` : `Строка ${row}`,
    cellMark: (count: number) =>
      count > 0
        ? `Подтверждающие документы: ${count}. Открыть список`
        : "Подтверждающих документов нет. Открыть список",
    close: "Закрыть",
    none: "Подтверждающих документов пока нет.",
    attachFile: "Прикрепить файл",
    addLink: "Добавить ссылку",
    linkAddress: "Адрес ссылки",
    linkTitle: "Название (необязательно)",
    linkPlaceholder: "https://…",
    addLinkSubmit: "Добавить",
    cancel: "Отмена",
    accept: "Принято",
    reject: "Не принято",
    rejectReason: "Почему документ не принят",
    rejectReasonPlaceholder: "Например: нет подписи руководителя",
    rejectSubmit: "Отметить «не принято»",
    remove: "Удалить",
    removeConfirm: (name: string) => `Удалить «${name}» из подтверждающих документов?`,
    download: (name: string) => `Скачать «${name}»`,
    accepted: "принято",
    rejected: (reason: string) => `не принято: ${reason}`,
    notReviewed: "не проверено",
    reviewedBy: (name: string, at: string) => `${name}, ${at}`,
    uploadedBy: (name: string, at: string) => `${name}, ${at}`,
    pending: "ожидает отправки",
    pendingHint: "Нет связи с сервером: файл сохранён на этом устройстве и будет отправлен при подключении.",
    uploading: "Отправляется…",
    link: "ссылка",
    hint: "PDF, DOCX, XLSX, ODT, JPG или PNG, не больше 20 МБ; или ссылка на страницу в интернете.",
    readOnlyHint: "Прикреплять документы может управленческая команда школы.",
    lockedHint:
      "Документ на согласовании: прикреплять и удалять документы можно будет после согласования или возврата.",
    /** Same words as the server's refusal (server/src/messages.ts, evidenceTooLarge). */
    tooLarge: (megabytes: number) =>
      `Файл больше ${megabytes} МБ и не может быть прикреплён. Сожмите его или разделите на части.`,
    /** Same words as the server's refusal (evidenceWrongType). */
    wrongType:
      "Такой файл прикрепить нельзя: принимаются только PDF, DOCX, XLSX, ODT, JPG и PNG. Тип проверяется по содержимому файла, а не по его имени.",
    refusedPending: (name: string, reason: string) => `Файл «${name}» не отправлен: ${reason}`,
    sentPending: (count: number) =>
      count === 1 ? "Отправлен файл, ожидавший связи." : `Отправлены файлы, ожидавшие связи: ${count}.`,
    failed: "Не удалось выполнить действие. Попробуйте ещё раз.",
    loadFailed: "Не удалось загрузить список подтверждающих документов.",
    size: (bytes: number) =>
      bytes < 1024
        ? `${bytes} Б`
        : bytes < 1024 * 1024
          ? `${Math.max(1, Math.round(bytes / 1024))} КБ`
          : `${(bytes / (1024 * 1024)).toLocaleString("ru-RU", { maximumFractionDigits: 1 })} МБ`,
  },
  comments: {
    comment: "Комментировать",
    commentCellHint: "Комментировать ячейку (Ctrl+Alt+M)",
    commentTextHint: "Комментировать выделенный фрагмент",
    selectionToolbar: (section: string) => `Комментирование раздела «${section}»`,
    showThread: "Показать обсуждение",
    menuLabel: "Действия с ячейкой",
    wholeDocument: "Документ целиком",
    cellPlace: (column: string, row: number) => `${column}, строка ${row}`,
    inTable: (table: string, place: string) => `${table}: ${place}`,
    rowDeleted: "Строка удалена",
    textDeleted: "Текст удалён",
    quote: (text: string) => `«${text}»`,
    cellMark: (open: number) =>
      open > 0
        ? `Комментарии: ${open} ${plural(open, ["открытое обсуждение", "открытых обсуждения", "открытых обсуждений"])}`
        : "Комментарии: все обсуждения решены",
    popoverLabel: "Обсуждение",
    close: "Закрыть",
    panelTitle: "Обсуждение",
    panelToggleHint: (open: number) =>
      open > 0
        ? `Обсуждение документа: ${open} ${plural(open, ["открытое", "открытых", "открытых"])}`
        : "Обсуждение документа",
    filterLabel: "Какие обсуждения показать",
    filterOpen: (n: number) => `Открытые (${n})`,
    filterResolved: (n: number) => `Решённые (${n})`,
    filterAll: "Все",
    documentComment: "Комментарий к документу",
    noThreads: "Обсуждений пока нет.",
    noOpen: "Открытых обсуждений нет.",
    noResolved: "Решённых обсуждений нет.",
    howToStart:
      "Чтобы обсудить ячейку, щёлкните по ней правой кнопкой мыши или нажмите Ctrl+Alt+M; чтобы обсудить фразу, выделите её и нажмите «Комментировать».",
    readOnly: "Вы можете читать обсуждение, но не писать в нём.",
    offline: "Нет связи с сервером: комментарии сохраняются на этом устройстве и будут отправлены при подключении.",
    refused: "Комментарий не сохранён: сервер его не принял. Обновите страницу.",
    newThread: "Новое обсуждение",
    startAnother: "Начать новое обсуждение",
    newThreadPlaceholder: "Напишите комментарий. @ — упомянуть человека",
    replyPlaceholder: "Ответить. @ — упомянуть человека",
    send: "Отправить",
    reply: "Ответить",
    save: "Сохранить",
    cancel: "Отмена",
    composerHint: "Ctrl+Enter — отправить",
    resolve: "Решено",
    resolveHint: "Отметить обсуждение решённым",
    reopen: "Открыть снова",
    resolvedBy: (name: string, when: string) => `Решено: ${name}, ${when}`,
    resolvedChip: "решено",
    edit: "Изменить",
    delete: "Удалить",
    deleteConfirm: "Удалить комментарий? Вместо текста останется пометка, что он удалён.",
    edited: "изменено",
    deleted: "Комментарий удалён",
    goTo: "Показать в документе",
    mentionList: "Упомянуть",
    mentionNobody: "Никого не нашли",
    repliesCount: (n: number) => `${n} ${plural(n, ["ответ", "ответа", "ответов"])}`,
    errors: {
      empty: "Напишите текст комментария.",
      "too-long": "Комментарий слишком длинный: не больше 4000 символов.",
      "too-many-mentions": "В одном комментарии можно упомянуть не больше 20 человек.",
      "invalid-anchor": "Не удалось определить, к чему относится комментарий. Выделите ячейку или фразу ещё раз.",
      "unknown-thread": "Этого обсуждения больше нет.",
      "unknown-comment": "Этого комментария больше нет.",
      "not-author": "Изменять и удалять можно только свои комментарии.",
      deleted: "Комментарий уже удалён.",
    } as Readonly<Record<string, string>>,
    writeFailed: "Не удалось сохранить комментарий.",
    /* The documents list and the start page. */
    openThreads: (n: number) => `${n} ${plural(n, ["обсуждение", "обсуждения", "обсуждений"])}`,
    openThreadsHint: "Открытые обсуждения в документе",
    unread: (n: number) => `${n} ${plural(n, ["новое", "новых", "новых"])}`,
    unreadHint: "Обсуждения с комментариями, которых вы ещё не видели",
    mentionedCount: (n: number) => `вас упомянули: ${n}`,
    mentionsTitle: "Вас упомянули",
    mentionsEmpty: "Пока никто вас не упомянул.",
    mentionBy: (author: string) => `${author}:`,
    mentionUnread: "новое",
  },

  workflow: {
    status: {
      draft: "Черновик",
      submitted: "На согласовании",
      returned: "На доработке",
      agreed: "Согласовано",
      approved: "Утверждено",
    } as Readonly<Record<string, string>>,
    approvedBy: (number: string, date: string) => `Утверждено приказом № ${number} от ${date}`,
    agreedWithChanges: "Согласовано, есть изменения",
    approvedWithChanges: (number: string, date: string) => `Утверждено приказом № ${number} от ${date}, есть изменения`,
    statusHint: "Статус документа в согласовании",
    actions: {
      submit: "Отправить на согласование",
      return: "Вернуть на доработку",
      agree: "Согласовать",
      approve: "Утвердить",
      reopen: "Вернуть в черновик",
    } as Readonly<Record<string, string>>,
    confirm: {
      submit: "Отправить документ на согласование? Пока он на согласовании, изменять его нельзя.",
      agree: "Согласовать документ?",
      reopen: "Вернуть документ в черновик?",
    } as Readonly<Record<string, string>>,
    reasonLabel: "Что нужно доработать",
    reasonPlaceholder: "Например: уточните сроки мероприятий 3–5",
    reasonRequired: "Напишите, что нужно доработать.",
    orderNumber: "Номер приказа",
    orderDate: "Дата приказа",
    orderRequired: "Укажите номер и дату приказа.",
    send: "Подтвердить",
    cancel: "Отмена",
    failed: "Не удалось изменить статус документа. Попробуйте ещё раз.",
    done: {
      submit: "Документ отправлен на согласование.",
      return: "Документ возвращён на доработку.",
      agree: "Документ согласован.",
      approve: "Документ утверждён.",
      reopen: "Документ возвращён в черновик.",
    } as Readonly<Record<string, string>>,
    lockedBanner:
      "Документ на согласовании: изменять его нельзя, пока куратор не согласует его или не вернёт на доработку. Комментировать можно.",
    lockedRefused: "Изменение не сохранено: документ на согласовании, пока его нельзя изменять.",
    returnedBanner: (who: string, reason: string) => `Документ возвращён на доработку (${who}): ${reason}`,
    returnedBannerNoReason: (who: string) => `Документ возвращён на доработку (${who}).`,
    /* The documents list. */
    filterStatus: "Статус",
    filterYear: "Год",
    filterAll: "Все",
    search: "Поиск по названию",
    searchPlaceholder: "Название документа",
    nothingFound: "Ни один документ не подходит под условия поиска.",
  },

  exports: {
    button: "Скачать",
    buttonHint: "Скачать документ в виде приложения к приказу",
    menuLabel: "Формат файла",
    format: {
      xlsx: "Excel (.xlsx)",
      docx: "Word (.docx)",
      pdf: "PDF",
      csv: "CSV для Excel",
    } as Readonly<Record<string, string>>,
    formatHint: {
      xlsx: "Таблицы с числами, которые можно считать",
      docx: "Для правки и печати в Word",
      pdf: "Для печати и рассылки, как в приказе",
      csv: "Только таблицы, для обработки данных",
    } as Readonly<Record<string, string>>,
    preparing: "Готовим файл…",
    saved: (name: string) => `Файл «${name}» скачан`,
    failed: "Не удалось подготовить файл. Попробуйте ещё раз.",
    offline: "Файл готовит сервер: скачать его можно, когда есть связь.",
    workbook: (year: number) => `Скачать документы ${year} года (Excel)`,
    workbookHint: "Одна книга Excel: по листу на каждый документ года",
  },
  versions: {
    button: "Версии",
    buttonHint: "Сохранённые версии документа",
    title: "Версии документа",
    close: "Закрыть",
    kind: {
      submit: "Отправлен на согласование",
      agree: "Согласован",
      approve: "Утверждён",
      named: "Сохранена вручную",
      daily: "Ежедневная",
    } as Readonly<Record<string, string>>,
    loading: "Загружаем версии…",
    empty: "Сохранённых версий пока нет.",
    failed: "Не удалось загрузить версии.",
    namePlaceholder: "Название версии, например «Перед совещанием»",
    nameLabel: "Название новой версии",
    save: "Сохранить версию",
    saved: "Версия сохранена.",
    open: "Открыть",
    viewing: (label: string, date: string) => `Версия «${label}» от ${date} (только просмотр)`,
    restore: "Восстановить",
    restoreConfirm:
      "Сделать содержимое документа таким, как в этой версии? Это изменение увидят все, его можно отменить, восстановив предыдущую версию.",
    restored: "Документ восстановлен из версии.",
    openFailed: "Не удалось открыть версию.",
    by: (name: string) => name,
    system: "автоматически",
  },

  changes: {
    counter: (n: number) => `Изменено после согласования: ${n}`,
    counterHint: "Ячейки, строки и абзацы, которые отличаются от согласованной версии",
    was: (text: string) => `было: ${text || "пусто"}`,
    rowAdded: "строка добавлена после согласования",
    rowMoved: "строка перемещена после согласования",
    onlyChanged: "Только изменённые строки",
    onlyChangedHint: "Показать в таблицах только строки, которые отличаются от согласованной версии",
    noMoveWhileFiltered: "Пока показаны только изменённые строки, строки не перемещаются: снимите фильтр",
    deletedTitle: (n: number) => `Удалено после согласования: ${n} ${plural(n, rows)}`,
    deletedEmpty: "строка была пустой",
    sectionBadge: "изменено после согласования",
    conflictMark: (kept: string, keptBy: string, lost: string, lostBy: string) =>
      `конфликт правок: «${kept || "пусто"}» (${keptBy}) или «${lost || "пусто"}» (${lostBy})`,
    conflictValues: (kept: string, keptBy: string, lost: string, lostBy: string) =>
      `«${kept || "пусто"}» (${keptBy}) или «${lost || "пусто"}» (${lostBy})`,
    conflictTitle: (n: number) => `Конфликт правок: ${n} ${plural(n, cells)}`,
    conflictHint:
      "Два человека изменили одну ячейку, когда один из них был без связи. Сохранено одно значение; выберите, какое оставить.",
    conflictPlace: (row: number, column: string) => `Строка ${row}, «${column}»`,
    conflictKeep: (value: string) => `Оставить «${value || "пусто"}»`,
    conflictResolved: "Значение ячейки выбрано.",
    conflictFailed: "Не удалось выбрать значение.",
    unknownAuthor: "неизвестно",
    historyButton: "История ячейки",
    historyHint: "Кто и когда задавал значение выбранной ячейки",
    historyTitle: (column: string) => `История ячейки «${column}»`,
    historyEmpty: "Изменений этой ячейки пока нет.",
    historyLoading: "Загружаем историю…",
    historyFailed: "Не удалось загрузить историю ячейки.",
    historyEntry: (value: string, who: string, at: string) => `«${value || "пусто"}» — ${who}, ${at}`,
    sectionWas: (texts: readonly string[]) =>
      texts.length > 0 ? `было: ${texts.map((t) => t || "пусто").join(" / ")}` : "добавлено после согласования",
  },

  /* ——— The yearly cycle without retyping (issue 11): next year's documents, one programme per factor ——— */
  yearlyCycle: {
    copyFrom: (year: number) => `Перенести строки и тексты из документов ${year} года`,
    copyHint:
      "Новые документы начнутся со строк таблиц и текстов разделов тех же документов прошлого года. Статусы мероприятий и отметки о выполнении не переносятся.",
    copiedCount: (n: number) =>
      n === 0 ? "" : ` Перенесено из прошлого года: ${n} ${plural(n, ["документ", "документа", "документов"])}.`,
    none: "нет",
    documentCount: (n: number) => `${n} ${plural(n, ["документ", "документа", "документов"])}`,
    municipalityDocuments: "Документы муниципалитета",
    schoolDocumentsFor: (name: string, year: number) => `Документы ${year} года: ${name}`,
    createForSchoolWithoutStatus: (year: number) =>
      `У школы нет статуса ШНОР в ${year} году: общая кнопка её пропускает, документы создаются только этой кнопкой`,
    openProgramme: "Открыть антирисковую программу",
    openProgrammeHint: "Программа для этого фактора уже создана: открыть её",
  },
} as const;

/** Russian title of a cell-write error code, for the toast. */
export function editErrorMessage(code: string | undefined): string {
  const table = messages.editErrors as Readonly<Record<string, string>>;
  return (code !== undefined ? table[code] : undefined) ?? messages.editErrors.generic;
}
