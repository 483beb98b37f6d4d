import { defineMessages } from '../core/i18n.ts';

/** Texts for people from sign-in and user management (`auth.<key>`). */
export const authMessages = defineMessages('auth', {
  en: {
    tooManyFailures: 'too many failed logins; try again in {minutes} minutes',
    wrongCredentials: 'wrong e-mail or password',
    emailTaken: 'a user with e-mail {email} already exists',
    noSuchDepartment: 'departmentIds names a department that does not exist',
    noSuchStaff: 'staffId names a roster entry that does not exist',
    staffTaken: 'the roster entry {name} is already linked to the user {email}',
    keepOwnAdmin: 'you cannot disable yourself or drop your own admin role',
  },
  ru: {
    tooManyFailures: 'слишком много неудачных попыток входа; повторите через {minutes} минут',
    wrongCredentials: 'неверный адрес электронной почты или пароль',
    emailTaken: 'пользователь с адресом {email} уже существует',
    noSuchDepartment: 'в departmentIds указано несуществующее отделение',
    noSuchStaff: 'в staffId указан несуществующий сотрудник',
    staffTaken: 'сотрудник {name} уже связан с пользователем {email}',
    keepOwnAdmin: 'нельзя заблокировать собственную учётную запись или снять с себя роль администратора',
  },
  'zh-CN': {
    tooManyFailures: '登录失败次数过多，请 {minutes} 分钟后再试',
    wrongCredentials: '邮箱或密码错误',
    emailTaken: '邮箱为 {email} 的用户已存在',
    noSuchDepartment: 'departmentIds 中包含不存在的科室',
    noSuchStaff: 'staffId 对应的员工不存在',
    staffTaken: '员工 {name} 已关联到用户 {email}',
    keepOwnAdmin: '不能停用自己的账号，也不能取消自己的管理员角色',
  },
});
