import { ApprovalCard } from './ApprovalCard.tsx';
import { BrandVoiceCard } from './BrandVoiceCard.tsx';
import './replies.css';
import { TemplatesCard } from './TemplatesCard.tsx';

/** Approval (four-eyes), brand voice rules and reply templates (a tab of the settings). */
export function ReplySettingsTab() {
  return (
    <>
      <ApprovalCard />
      <BrandVoiceCard />
      <TemplatesCard />
    </>
  );
}
