import { createRequire } from 'node:module';
import path from 'node:path';

/*
 * The one typeface of every report: Noto Sans SC (bundled by @expo-google-fonts/noto-sans-sc),
 * whose files cover Latin, Cyrillic and Chinese, so a report never depends on the system's fonts.
 */

export const REPORT_FONT_FAMILY = 'Noto Sans SC';

/** The regular and bold font files on disk. Throws when the package is missing. */
export function reportFontFiles(): { regular: string; bold: string } {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return { regular: path.join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'), bold: path.join(dir, '700Bold', 'NotoSansSC_700Bold.ttf') };
}
