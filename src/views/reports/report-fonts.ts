/** Reports draw with the bundled typeface (src/core/fonts.ts), so a report never depends on the system's fonts. */
export { BUNDLED_FONT_FAMILY as REPORT_FONT_FAMILY, bundledFontFiles as reportFontFiles } from '../../core/fonts.ts';
