import { createRequire } from 'node:module';
import { renderReport } from './render-report.ts';
import { fixtureContent } from './report-fixtures.ts';
import { reportFontFiles } from './report-fonts.ts';

/** What report rendering needs, in words for `verity doctor`. */
export const RENDERING_NEEDS = 'pdfkit, the bundled Noto Sans SC font (@expo-google-fonts/noto-sans-sc) and the resvg native module (@resvg/resvg-js); no Chromium, no system fonts';

/**
 * Renders a sample Chinese report with every chart (charts, PDF, HTML) and says how it went:
 * the resvg binding in use, the PDF's size and the time. Throws what failed.
 */
export async function checkReportRendering(): Promise<{ ms: number; pdfBytes: number; charts: number; binding: string; font: string }> {
  const font = reportFontFiles().regular;
  const require = createRequire(import.meta.url);
  const binding = `@resvg/resvg-js-${process.platform}-${process.arch}`;
  let bindingName = binding;
  try {
    require.resolve('@resvg/resvg-js');
  } catch {
    bindingName = `${binding} (missing)`;
  }
  const report = await renderReport(fixtureContent('zh-CN'));
  const charts = [...report.html.matchAll(/data-chart="/g)].length;
  if (!report.pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('the rendered PDF does not start with %PDF-');
  return { ms: report.renderMs, pdfBytes: report.pdf.length, charts, binding: bindingName, font };
}
