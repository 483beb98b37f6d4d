import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { badRequest } from '../core/errors.ts';
import { authMessages } from './auth.messages.ts';
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE } from './auth.vocab.ts';

/*
 * The password policy of every password a person sets (a new user, an admin's reset, the user's
 * own change): long enough, not in the common/breached list that @zxcvbn-ts/language-common
 * maintains (also as a part: 'password1234' is 'password' with digits), not guessable by zxcvbn's
 * estimate (score below MIN_PASSWORD_SCORE), and not made of the person's own e-mail or name.
 */

let checker: ZxcvbnFactory | null = null;
let common: Set<string> | null = null;

function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return checker;
}

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'] as string[]);
  return common;
}

/** The parts of a person's identity a password must not contain: the e-mail, its local part, the name and its words of 4+ characters. */
function personalParts(person: { email?: string | null; name?: string | null }): string[] {
  const email = (person.email ?? '').trim().toLowerCase();
  const parts = [email, email.split('@')[0] ?? '', (person.name ?? '').trim().toLowerCase(), ...(person.name ?? '').toLowerCase().split(/[\s._-]+/)];
  return [...new Set(parts.filter((p) => p.length >= 4))];
}

/** Throws bad_request naming why when `password` breaks the policy; returns nothing otherwise. */
export function assertPasswordAcceptable(password: string, person: { email?: string | null; name?: string | null } = {}): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw badRequest(authMessages.text('passwordTooShort', { min: MIN_PASSWORD_LENGTH }));
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) throw badRequest(authMessages.text('passwordCommon'));
  const own = personalParts(person).find((part) => lower.includes(part));
  if (own) throw badRequest(authMessages.text('passwordPersonal'));
  const result = zxcvbn().check(password, personalParts(person));
  if (result.score < MIN_PASSWORD_SCORE) {
    const fromList = result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'passwords-common');
    throw badRequest(authMessages.text(fromList ? 'passwordCommon' : 'passwordGuessable'));
  }
}
