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
  /** A patient who came is a filled green dot; a link an open blue one. */
  itemStyle?: { color: string; borderColor: string };
  children: TreeDatum[];
}

/**
 * The propagation tree, left to right. Its box is as wide as the tree is deep and as tall as it
 * has leaves, inside a card that scrolls sideways on a phone, so the labels never crowd.
 */
export default function TreeChart({ root, label, depth, leaves }: { root: TreeDatum; label: string; depth: number; leaves: number }) {
  const { locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(560, depth * 210 + 320);
  const height = Math.max(240, leaves * 64);

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
          top: 40,
          bottom: 24,
          left: 80,
          right: 200,
          symbolSize: 12,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          animation: false,
          // Labels above their node (the lines run through the middle), a leaf's to its right.
          label: { position: 'top', distance: 8, align: 'center', fontSize: 12, width: 190, overflow: 'truncate' },
          leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left', distance: 8 } },
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
