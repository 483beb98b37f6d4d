import { defineMessages } from '../core/i18n.ts';

/** Texts for people about the organisation's locations, departments and staff roster (`orgs.<key>`). */
export const orgsMessages = defineMessages('orgs', {
  en: {
    noSuchLocation: '{field} names a location that does not exist',
    noSuchDepartment: '{field} names a department that does not exist',
    noSuchSource: '{field} names a source that does not exist',
    noSuchStaff: '{field} names a staff that does not exist',
  },
  ru: {
    noSuchLocation: 'в {field} указан несуществующий филиал',
    noSuchDepartment: 'в {field} указано несуществующее отделение',
    noSuchSource: 'в {field} указан несуществующий источник',
    noSuchStaff: 'в {field} указан несуществующий сотрудник',
  },
  'zh-CN': {
    noSuchLocation: '{field} 指定的院区不存在',
    noSuchDepartment: '{field} 指定的科室不存在',
    noSuchSource: '{field} 指定的来源不存在',
    noSuchStaff: '{field} 指定的员工不存在',
  },
});
