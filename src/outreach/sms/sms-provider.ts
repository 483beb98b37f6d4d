import type { Text } from '../../core/i18n.ts';

/** One way of sending a text message; each real provider implements its documented HTTP API. */
export interface SmsProvider {
  readonly kind: string;
  /** Sends `text` to `to` (E.164 or the provider's local form); `vars` fill a template where the provider sends templates (Alibaba Cloud). */
  send(to: string, text: string, vars?: Record<string, string>): Promise<{ providerId: string }>;
}

/** A provider refused or could not be reached; `permanent` when trying again cannot help (a wrong number, a wrong key). */
export class SmsError extends Error {
  constructor(
    readonly reason: Text,
    readonly permanent = false,
  ) {
    super(reason.code);
  }
}

/** How long one provider request may take. */
export const SMS_TIMEOUT_MS = 10_000;

/** Fetch with the timeout, turning a network failure into an SmsError naming the provider. */
export async function providerFetch(provider: string, url: string, init: RequestInit, unreachable: (error: string) => Text): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(SMS_TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    throw new SmsError(unreachable(`${provider}: ${(error as Error).message}`));
  }
}
