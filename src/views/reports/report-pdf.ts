import { readFile } from 'node:fs/promises';
import type { ChartImage } from './report-charts.ts';
import { formatter, keyFigures, reportTitle, topPainPoints, type ReportContent } from './report-content.ts';
import { reportFontFiles } from './report-fonts.ts';

/*
 * The report as an A4 PDF (pdfkit): every word in Noto Sans SC, the charts as PNG images, the
 * organisation or location and the period on every page with its number. pdfkit loads here.
 */

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 42;
const INK = '#111827';
const MUTED = '#6b7280';

export async function reportPdf(content: ReportContent, charts: ChartImage[]): Promise<Buffer> {
  const files = reportFontFiles();
  const [{ default: PDFDocument }, regular, bold] = await Promise.all([import('pdfkit'), readFile(files.regular), readFile(files.bold)]);
  const f = formatter(content.locale);
  const head = reportTitle(content);
  const doc = new PDFDocument({
    size: A4,
    margins: { top: MARGIN + 18, bottom: MARGIN + 12, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${head.title} — ${head.scope}, ${head.period}`, Author: 'Verity' },
    lang: content.locale,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('noto', regular);
  doc.registerFont('noto-bold', bold);
  const width = A4[0] - 2 * MARGIN;
  const bottom = () => A4[1] - doc.page.margins.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (text: string) => {
    ensure(40);
    doc.moveDown(0.6).font('noto-bold').fontSize(13).fillColor(INK).text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const noData = () => doc.font('noto').fontSize(10).fillColor(MUTED).text(f.t('noData'), MARGIN, doc.y, { width });

  doc.font('noto-bold').fontSize(22).fillColor(INK).text(head.title, MARGIN, MARGIN, { width });
  doc.font('noto').fontSize(12).fillColor(INK).text(head.scope, { width });
  doc.fontSize(11).fillColor(MUTED).text(head.period, { width });
  doc.fontSize(9).text(f.t('previousPeriod', { from: f.day(content.previous.start), to: f.day(content.previous.end) }), { width });

  heading(f.t('section.keyFigures'));
  const figures = keyFigures(content);
  const cols = 4;
  const gap = 8;
  const tileW = (width - gap * (cols - 1)) / cols;
  const tileH = 74;
  for (let i = 0; i < figures.length; i += cols) {
    ensure(tileH + gap);
    const top = doc.y;
    figures.slice(i, i + cols).forEach((fig, j) => {
      const x = MARGIN + j * (tileW + gap);
      doc.roundedRect(x, top, tileW, tileH, 4).fillAndStroke('#f9fafb', '#e5e7eb');
      doc
        .font('noto')
        .fontSize(8)
        .fillColor(MUTED)
        .text(fig.label, x + 8, top + 6, { width: tileW - 16, lineBreak: false, ellipsis: true });
      doc
        .font(fig.hasData ? 'noto-bold' : 'noto')
        .fontSize(fig.hasData ? 16 : 10)
        .fillColor(fig.hasData ? INK : MUTED)
        .text(fig.value, x + 8, top + 20, { width: tileW - 16, lineBreak: false, ellipsis: true });
      if (fig.detail)
        doc
          .font('noto')
          .fontSize(6.5)
          .fillColor(MUTED)
          .text(fig.detail, x + 8, top + 44, { width: tileW - 16, lineBreak: false, ellipsis: true });
      doc
        .font('noto')
        .fontSize(6.5)
        .fillColor(MUTED)
        .text(f.t('previousValue', { value: fig.previous }), x + 8, top + 58, { width: tileW - 16, lineBreak: false, ellipsis: true });
    });
    doc.x = MARGIN;
    doc.y = top + tileH + gap;
  }
  const nps = content.overview.nps;
  const npsLine = nps?.nps != null && nps.interval ? f.t('npsLine', { nps: f.int(nps.nps), low: f.int(nps.interval.low), high: f.int(nps.interval.high), n: nps.n }) : null;
  if (npsLine) doc.font('noto').fontSize(9).fillColor(INK).text(npsLine, MARGIN, doc.y, { width });

  const chart = (id: ChartImage['id'], title: string, fallback: string | null = null) => {
    const image = charts.find((c) => c.id === id);
    const height = image ? (width * image.height) / image.width : 0;
    ensure(height + 40);
    heading(title);
    if (!image && fallback) return doc.font('noto').fontSize(10).fillColor(INK).text(fallback, MARGIN, doc.y, { width });
    if (!image) return noData();
    doc.image(image.png, MARGIN, doc.y, { width, height });
    doc.y += height + 4;
    doc.x = MARGIN;
  };
  chart('trend', f.t('section.trend'));
  chart('nps', f.t('section.nps'), npsLine);
  chart('cases', f.t('section.cases'));
  chart('heatmap', f.t('section.heatmap'));
  if (charts.some((c) => c.id === 'heatmap'))
    doc
      .font('noto')
      .fontSize(8)
      .fillColor(MUTED)
      .text(f.t('sparseNote', { min: content.heatmap.minMentions }), MARGIN, doc.y, { width });
  chart('pain', f.t('section.painPoints'));
  for (const pain of topPainPoints(content.painPoints)) {
    ensure(60);
    doc.moveDown(0.4).font('noto-bold').fontSize(10.5).fillColor(INK).text(f.aspect(pain.aspect), MARGIN, doc.y, { width });
    doc
      .font('noto')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(f.t('painPointLine', { negative: pain.negative, total: pain.total, share: f.pct(pain.negativeShare), previous: pain.previousNegative }), { width });
    for (const quote of pain.quotes) {
      ensure(30);
      doc
        .font('noto')
        .fontSize(9)
        .fillColor(INK)
        .text(`“${quote.text}”`, MARGIN + 12, doc.y + 2, { width: width - 12 });
      doc
        .fontSize(7.5)
        .fillColor(MUTED)
        .text([quote.sourceName, quote.departmentName].filter(Boolean).join(' · '), MARGIN + 12, doc.y, { width: width - 12 });
    }
  }

  heading(f.t('section.comparison'));
  doc
    .font('noto')
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(f.t('previousPeriod', { from: f.day(content.previous.start), to: f.day(content.previous.end) }), MARGIN, doc.y, { width });
  const colW = [width * 0.4, width * 0.2, width * 0.2, width * 0.2];
  const row = (cells: string[], bold: boolean) => {
    ensure(20);
    const top = doc.y + 2;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc
        .font(bold ? 'noto-bold' : 'noto')
        .fontSize(9)
        .fillColor(INK)
        .text(cell, x + 2, top, { width: colW[i]! - 4, align: i === 0 ? 'left' : 'right', lineBreak: false, ellipsis: true });
      x += colW[i]!;
    });
    doc
      .moveTo(MARGIN, top + 15)
      .lineTo(MARGIN + width, top + 15)
      .lineWidth(0.5)
      .strokeColor('#e5e7eb')
      .stroke();
    doc.x = MARGIN;
    doc.y = top + 17;
  };
  row([f.t('column.figure'), f.t('column.current'), f.t('column.previous'), f.t('column.change')], true);
  for (const fig of figures) row([fig.label, fig.value, fig.previous, fig.change], false);

  const range = doc.bufferedPageRange();
  const madeBy = f.t('madeBy', { date: f.dateTime(content.madeAt, content.timezone) });
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.font('noto').fontSize(7.5).fillColor(MUTED);
    doc.text(`${head.scope} · ${head.period}`, MARGIN, 24, { width, lineBreak: false, ellipsis: true });
    doc.text(madeBy, MARGIN, A4[1] - 32, { width: width / 2, lineBreak: false });
    doc.text(f.t('page', { page: i + 1, pages: range.count }), MARGIN + width / 2, A4[1] - 32, { width: width / 2, align: 'right', lineBreak: false });
    doc.page.margins = keep;
  }
  doc.end();
  return done;
}
