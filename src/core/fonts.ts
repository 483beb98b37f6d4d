import { createRequire } from 'node:module';
import path from 'node:path';

/*
 * The one typeface Verity draws with on the server: Noto Sans SC (SIL Open Font License, bundled by
 * @expo-google-fonts/noto-sans-sc), whose files cover Latin, Cyrillic and Chinese, so a report or a
 * poster never depends on the system's fonts.
 */

export const BUNDLED_FONT_FAMILY = 'Noto Sans SC';

/** The regular and bold font files on disk. Throws when the package is missing. */
export function bundledFontFiles(): { regular: string; bold: string } {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return { regular: path.join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'), bold: path.join(dir, '700Bold', 'NotoSansSC_700Bold.ttf') };
}
