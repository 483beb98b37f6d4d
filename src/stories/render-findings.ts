import { renderText, type Locale } from '../core/i18n.ts';
import type { UseFinding } from './check-use.ts';

/** Findings as the API sends them: the rule, severity and law, and the explanation rendered in the reader's language. */
export function renderFindings(findings: UseFinding[], locale: Locale) {
  return findings.map((f) => ({ rule: f.rule, severity: f.severity, law: f.law, text: renderText(locale, f.text) }));
}
