import { defineMessages, renderText, type Locale, type Text } from './i18n.ts';

/** The closed list of error codes the API answers with, and the HTTP status of each. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The one error type of Verity: a code from ERROR_STATUS, a message for people, details for
 * programs. Given a Text (a message code and its parameters) instead of a string, the message is
 * rendered in the reader's language by whoever shows it (`localizedMessage`), and the code travels
 * as `details.reason` with its parameters in `details.params`.
 */
export class AppError extends Error {
  readonly text: Text | null;
  readonly details?: unknown;
  constructor(
    readonly code: ErrorCode,
    message: string | Text,
    details?: unknown,
  ) {
    super(typeof message === 'string' ? message : renderText('en', message));
    this.name = 'AppError';
    this.text = typeof message === 'string' ? null : message;
    this.details = this.text ? { ...(isRecord(details) ? details : {}), reason: this.text.code, ...(this.text.params ? { params: this.text.params } : {}) } : details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  /** The message in `locale` (the English message when this error carries no code). */
  localizedMessage(locale: Locale): string {
    return this.text ? renderText(locale, this.text) : this.message;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const errorMessages = defineMessages('errors', {
  en: {
    notFound: '{what} not found',
    forbidden: 'you are not allowed to do this',
    roleMayNot: 'your role ({role}) may not {permission}',
    csrf: 'missing or invalid CSRF token (send the verity_csrf cookie value in x-csrf-token)',
    loginFirst: 'log in first',
    unique: 'a record with the same unique value already exists',
    reference: 'a referenced record does not exist',
    range: 'a value is outside its allowed range',
    required: 'a required value is missing',
    format: 'a value has the wrong format',
    timeout: 'the query took too long',
    internal: 'internal error',
    invalidRequest: 'invalid request: {issues}',
    noRoute: 'no route {method} {path}',
  },
  ru: {
    notFound: '{what}: не найдено',
    forbidden: 'у вас нет права на это действие',
    roleMayNot: 'ваша роль ({role}) не даёт права «{permission}»',
    csrf: 'нет или неверен CSRF-токен (передайте значение cookie verity_csrf в заголовке x-csrf-token)',
    loginFirst: 'сначала войдите в систему',
    unique: 'запись с таким же уникальным значением уже существует',
    reference: 'связанная запись не существует',
    range: 'значение вне допустимого диапазона',
    required: 'не указано обязательное значение',
    format: 'значение в неверном формате',
    timeout: 'запрос выполнялся слишком долго',
    internal: 'внутренняя ошибка',
    invalidRequest: 'неверный запрос: {issues}',
    noRoute: 'нет маршрута {method} {path}',
  },
  'zh-CN': {
    notFound: '未找到{what}',
    forbidden: '您无权执行此操作',
    roleMayNot: '您的角色（{role}）没有“{permission}”权限',
    csrf: '缺少或无效的 CSRF 令牌（请在 x-csrf-token 中发送 verity_csrf Cookie 的值）',
    loginFirst: '请先登录',
    unique: '已存在具有相同唯一值的记录',
    reference: '引用的记录不存在',
    range: '数值超出允许范围',
    required: '缺少必填值',
    format: '数值格式错误',
    timeout: '查询耗时过长',
    internal: '内部错误',
    invalidRequest: '请求无效：{issues}',
    noRoute: '没有路由 {method} {path}',
  },
});

/** What can be "not found", named in each language. */
export const THINGS = [
  'action',
  'alert channel',
  'alert rule',
  'alert',
  'case',
  'delivery',
  'department',
  'import run',
  'location',
  'mention',
  'notification',
  'reply',
  'source',
  'staff member',
  'user',
  'template',
  'organisation',
  'referral programme',
  'referral',
  'reward',
  'share link',
  'advocate invitation',
  'story',
  'story consent',
  'story use',
  'poster',
  'post',
  'patient',
  'correction',
] as const;
export type Thing = (typeof THINGS)[number];

const thingNames: Record<Locale, Record<Thing, string>> = {
  en: Object.fromEntries(THINGS.map((t) => [t, t])) as Record<Thing, string>,
  ru: {
    action: 'действие',
    'alert channel': 'канал оповещений',
    'alert rule': 'правило оповещений',
    alert: 'оповещение',
    case: 'обращение',
    delivery: 'доставка',
    department: 'отделение',
    'import run': 'импорт',
    location: 'филиал',
    mention: 'упоминание',
    notification: 'уведомление',
    reply: 'ответ',
    source: 'источник',
    'staff member': 'сотрудник',
    correction: 'исправление',
    user: 'пользователь',
    template: 'шаблон',
    organisation: 'организация',
    'referral programme': 'программа рекомендаций',
    referral: 'рекомендация',
    reward: 'вознаграждение',
    'share link': 'ссылка',
    'advocate invitation': 'приглашение',
    story: 'история',
    'story consent': 'согласие',
    'story use': 'использование истории',
    poster: 'плакат',
    post: 'публикация',
    patient: 'пациент',
  },
  'zh-CN': {
    action: '措施',
    'alert channel': '预警渠道',
    'alert rule': '预警规则',
    alert: '预警',
    case: '工单',
    delivery: '投递记录',
    department: '科室',
    'import run': '导入记录',
    location: '院区',
    mention: '提及',
    notification: '通知',
    reply: '回复',
    source: '来源',
    'staff member': '员工',
    correction: '更正',
    user: '用户',
    template: '模板',
    organisation: '机构',
    'referral programme': '老带新计划',
    referral: '推荐',
    reward: '奖励',
    'share link': '分享链接',
    'advocate invitation': '邀请',
    story: '患者故事',
    'story consent': '使用同意',
    'story use': '故事使用',
    poster: '海报',
    post: '发布内容',
    patient: '患者',
  },
};

/** The name of a thing in `locale`. */
export function thingName(locale: Locale, thing: Thing): string {
  return thingNames[locale][thing];
}

/** A 404 naming what was not found; the name is rendered in the reader's language. */
export class NotFoundError extends AppError {
  constructor(readonly thing: Thing) {
    super('not_found', errorMessages.text('notFound', { what: thing }));
  }
  override localizedMessage(locale: Locale): string {
    return errorMessages.render(locale, 'notFound', { what: thingName(locale, this.thing) });
  }
}

export const notFound = (what: Thing) => new NotFoundError(what);
export const badRequest = (message: string | Text, details?: unknown) => new AppError('bad_request', message, details);
export const forbidden = (message: string | Text = errorMessages.text('forbidden')) => new AppError('forbidden', message);

/** Translates a database error by its SQLSTATE; returns null when it is not one we can explain. */
export function fromDatabaseError(error: unknown): AppError | null {
  const e = error as { code?: unknown; constraint?: unknown; detail?: unknown };
  if (typeof e?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return null;
  const constraint = typeof e.constraint === 'string' ? e.constraint : undefined;
  switch (e.code) {
    case '23505':
      return new AppError('conflict', errorMessages.text('unique'), { constraint });
    case '23503':
      return new AppError('bad_request', errorMessages.text('reference'), { constraint });
    case '23514':
      return new AppError('bad_request', errorMessages.text('range'), { constraint });
    case '23502':
      return new AppError('bad_request', errorMessages.text('required'), { constraint });
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new AppError('bad_request', errorMessages.text('format'));
    case '57014':
      return new AppError('unavailable', errorMessages.text('timeout'));
    default:
      return null;
  }
}
