import { expect, test } from 'vitest';
import { AppError } from '../core/errors.ts';
import { assertPasswordAcceptable } from './password-policy.ts';

const reason = (password: string, person = {}) => {
  try {
    assertPasswordAcceptable(password, person);
    return 'ok';
  } catch (error) {
    return (error as AppError).text?.code;
  }
};

test('refuses short, common/breached, personal and guessable passwords, naming why', () => {
  expect(reason('password')).toBe('auth.passwordTooShort');
  expect(reason('12345678')).toBe('auth.passwordTooShort');
  // Exactly a listed password, long enough.
  expect(reason('1234567890123')).toBe('auth.passwordCommon');
  expect(reason('Password1234')).toBe('auth.passwordCommon');
  expect(reason('olga.petrova-2026', { email: 'olga.petrova@clinic.test', name: 'Olga Petrova' })).toBe('auth.passwordPersonal');
  expect(reason('my name is petrova', { name: 'Olga Petrova' })).toBe('auth.passwordPersonal');
  expect(reason('abcabcabcabcabc')).toBe('auth.passwordGuessable');
});

test('accepts a long phrase of unrelated words, in any script', () => {
  expect(reason('violet tractor sings loudly')).toBe('ok');
  expect(reason('синий трактор поёт громко')).toBe('ok');
  expect(reason('蓝色的拖拉机在田里大声唱歌')).toBe('ok');
  expect(reason('correct horse battery')).toBe('ok');
});
