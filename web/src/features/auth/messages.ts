import { defineMessages } from '../../i18n/catalogue.ts';

/** Signing in. */
export const authMessages = defineMessages({
  en: {
    'login.title': 'Sign in to Verity',
    'login.subtitle': 'Hear every patient, answer every complaint.',
    'login.email': 'E-mail',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.signingIn': 'Signing in…',
  },
  ru: {
    'login.title': 'Вход в Verity',
    'login.subtitle': 'Слышать каждого пациента, отвечать на каждую жалобу.',
    'login.email': 'Эл. почта',
    'login.password': 'Пароль',
    'login.submit': 'Войти',
    'login.signingIn': 'Входим…',
  },
  'zh-CN': {
    'login.title': '登录 Verity',
    'login.subtitle': '倾听每一位患者，回应每一条投诉。',
    'login.email': '邮箱',
    'login.password': '密码',
    'login.submit': '登录',
    'login.signingIn': '正在登录…',
  },
});
