import { TreeChart as EchartsTree } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/index.tsx';

// Only the tree series, in this feature's own chunk.
echarts.use([EchartsTree, TooltipComponent, SVGRenderer]);

export interface TreeDatum {
  name: string;
  /** The tooltip's lines. */
  lines: string[];
  kind: 'link' | 'patient';
  children: TreeDatum[];
}

/**
 * The propagation tree, left to right. Its box is as wide as the tree is deep and as tall as it
 * has leaves, inside a card that scrolls sideways on a phone, so the labels never crowd.
 */
export default function TreeChart({ root, label, depth, leaves }: { root: TreeDatum; label: string; depth: number; leaves: number }) {
  const { locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(560, (depth + 1) * 200);
  const height = Math.max(240, leaves * 44);

  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, null, { renderer: 'svg', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
    chart.setOption({
      tooltip: { trigger: 'item', formatter: (p: { data: TreeDatum }) => [p.data.name, ...p.data.lines].map(escape).join('<br/>') },
      series: [
        {
          type: 'tree',
          data: [root],
          orient: 'LR',
          top: 16,
          bottom: 16,
          left: 110,
          right: 150,
          symbolSize: 12,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          animation: false,
          label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 12, width: 130, overflow: 'truncate' },
          leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
          lineStyle: { color: '#9aa7b4', width: 1.5, curveness: 0.5 },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [root, locale]);

  return <div ref={box} className="shr-tree" style={{ width, height }} role="img" aria-label={label} data-testid="propagation-chart" />;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
