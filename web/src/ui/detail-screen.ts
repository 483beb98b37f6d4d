/**
 * A list page whose detail is a pane beside the list on a desk and its own screen on a phone
 * (below 768 px, see the phone rules in content.css): opening the detail starts it at the top of
 * the screen, and Back returns to where the reader was in the list.
 */
const phoneQuery = '(max-width: 767px)';
let listScroll = 0;

export function isPhone(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(phoneQuery).matches;
}

/** Call when a record of the list is opened. */
export function openDetailScreen(): void {
  if (!isPhone()) return;
  listScroll = window.scrollY;
  window.scrollTo(0, 0);
}

/** Call when the detail is closed (Back). */
export function closeDetailScreen(): void {
  if (!isPhone()) return;
  const y = listScroll;
  window.requestAnimationFrame(() => window.scrollTo(0, y));
}
