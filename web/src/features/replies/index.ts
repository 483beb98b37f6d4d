// What other features use of replies: the editor and list on a case page, and the settings tab.
import './replies.css';

export { ReplyEditor } from './ReplyEditor.tsx';
export { ReplyList } from './ReplyList.tsx';
export { ReplySettingsTab } from './ReplySettingsTab.tsx';
export type { Reply } from './types.ts';
