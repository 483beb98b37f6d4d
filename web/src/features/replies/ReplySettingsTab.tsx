import { BrandVoiceCard } from './BrandVoiceCard.tsx';
import './replies.css';
import { TemplatesCard } from './TemplatesCard.tsx';

/** Brand voice rules and reply templates (a tab of the settings). */
export function ReplySettingsTab() {
  return (
    <>
      <BrandVoiceCard />
      <TemplatesCard />
    </>
  );
}
