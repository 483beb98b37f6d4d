import { useRef } from 'react';
import { useI18n } from '../i18n/index.tsx';

export function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const button = useRef<HTMLButtonElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard access can be refused outside secure contexts; select the text instead.
      const range = document.createRange();
      const target = button.current?.parentElement?.querySelector('code, pre');
      if (target) {
        range.selectNodeContents(target);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        document.execCommand('copy');
      }
    }
    if (button.current) {
      button.current.textContent = t('common.copied');
      window.setTimeout(() => {
        if (button.current) button.current.textContent = t('common.copy');
      }, 1500);
    }
  };
  return (
    <button type="button" ref={button} className="btn btn-small" onClick={() => void copy()}>
      {t('common.copy')}
    </button>
  );
}
