// Which new passwords are accepted (OWASP ASVS 4 level 1, V2.1): at least 12 characters, long passphrases
// allowed (up to 256), any Unicode including spaces, no composition rules, and not one of the commonly
// used or breached passwords. The list is the `passwords-common` dictionary of @zxcvbn-ts/language-common
// (about 49,000 passwords ranked by how often they appear in published breach corpora), bundled with the
// package so the check needs no network.
import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../../domain/errors.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Whether the password (any case) is on the bundled list of common and breached passwords. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/**
 * Refuses a new password that breaks a rule; the error names the field and the rule (`too_small` with the
 * minimum, `too_big`, `common_password`, `same_as_username`), so the UI says which rule in its words.
 * Length counts characters as people see them (code points), so an emoji is one, not two.
 */
export function checkNewPassword(
  password: string,
  options: { field?: string; username?: string | undefined } = {},
): void {
  const field = options.field ?? 'password';
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new DomainError(
      'validation.failed',
      `${field}: a password needs at least ${PASSWORD_MIN_LENGTH} characters`,
      {
        field,
        params: { rule: 'too_small', minimum: PASSWORD_MIN_LENGTH, origin: 'string', inclusive: true },
      },
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new DomainError(
      'validation.failed',
      `${field}: a password may have at most ${PASSWORD_MAX_LENGTH} characters`,
      {
        field,
        params: { rule: 'too_big', maximum: PASSWORD_MAX_LENGTH, origin: 'string', inclusive: true },
      },
    );
  }
  if (isCommonPassword(password)) {
    throw new DomainError(
      'validation.failed',
      `${field}: this password is on the list of common or breached passwords; choose another`,
      {
        field,
        params: { rule: 'common_password' },
      },
    );
  }
  if (options.username !== undefined && password.toLowerCase() === options.username.toLowerCase()) {
    throw new DomainError('validation.failed', `${field}: a password must not be the user name`, {
      field,
      params: { rule: 'same_as_username' },
    });
  }
}
