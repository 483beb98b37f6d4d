import { AppError, type ErrorCode } from '../core/errors.ts';
import { renderText, type Locale, type Params, type Text } from '../core/i18n.ts';

/**
 * An error whose message names vocabulary (statuses, tiers, check findings). Its `details.params`
 * keep the ids for programs; its message shows the words of the reader's language, made by
 * `words` for each locale, the way NotFoundError names its thing.
 */
export class WordedError extends AppError {
  constructor(
    code: ErrorCode,
    text: Text,
    private readonly words: (locale: Locale) => Params,
    details?: unknown,
  ) {
    super(code, text, details);
    this.message = this.localizedMessage('en');
  }

  override localizedMessage(locale: Locale): string {
    const text = this.text!;
    return renderText(locale, { code: text.code, params: { ...text.params, ...this.words(locale) } });
  }
}
