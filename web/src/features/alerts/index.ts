// What the shell uses of alerts: the notification bell in the header.
export { NotificationBell } from './NotificationBell.tsx';
