import { useCallback, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { ApiError } from './api.ts';
import { errorText, useNotices } from './notices.tsx';

/**
 * Which failures a form shows inside itself (its FormError) instead of as a banner:
 * 'invalid' a 400 (the server says what is wrong with the input), 'refused' any 4xx but 401
 * (also a workflow rule saying no), 'all' everything (the login form, outside the app's banners).
 */
export type InlineErrors = 'none' | 'invalid' | 'refused' | 'all';

function showsInline(error: unknown, inline: InlineErrors): boolean {
  if (inline === 'all') return true;
  if (!(error instanceof ApiError) || inline === 'none') return false;
  if (inline === 'invalid') return error.status === 400;
  return error.status >= 400 && error.status < 500 && error.status !== 401;
}

export interface Submit {
  busy: boolean;
  /** The message to show in the form, if the last failure belongs there. */
  error: string | null;
  /** Runs an action with busy set; reports its failure; resolves true when it succeeded. */
  run(action: () => Promise<unknown>): Promise<boolean>;
  /** An onSubmit handler that prevents the page load and runs the action. */
  submit(action: () => Promise<unknown>): (event: FormEvent) => void;
}

export function useSubmit(inline: InlineErrors = 'none'): Submit {
  const { t } = useI18n();
  const { reportError } = useNotices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (err) {
        if (showsInline(err, inline)) setError(errorText(err, t));
        else reportError(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [inline, reportError, t],
  );

  const submit = useCallback(
    (action: () => Promise<unknown>) => (event: FormEvent) => {
      event.preventDefault();
      void run(action);
    },
    [run],
  );

  return { busy, error, run, submit };
}
