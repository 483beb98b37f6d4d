import { lazy, Suspense, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { conversionKinds } from '../../lib/vocab.ts';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { Spinner } from '../../ui/states.tsx';
import { loadPropagation, type Origin, type PropagationData, type TreeNode } from './api.ts';
import type { TreeDatum } from './TreeChart.tsx';

/** Origins listed before "Show all" (the widest-reaching first). */
const ORIGINS_SHOWN = 8;

const TreeChart = lazy(() => import('./TreeChart.tsx'));

/** The chains of shares: every origin with its depth and reach, and one origin's tree as a chart and as a table. */
export function PropagationTab() {
  const { t, formatNumber } = useI18n();
  const [origin, setOrigin] = useState<string | null>(null);
  const [allOrigins, setAllOrigins] = useState(false);
  const data = useResource(() => loadPropagation(origin), [origin]);
  const tree = data.data?.tree ?? null;
  const shownId = tree?.origin.id ?? null;

  const nodeName = (n: TreeNode) => {
    if (n.kind === 'patient') {
      const what = conversionKinds.filter((k) => n.conversions[k] > 0).map((k) => t(`shr.conv.${k}`));
      return `${t('shr.prop.patient')} · ${what.join(', ')}`;
    }
    return `${n.channel ? t(`shr.channel.${n.channel}`) : t('shr.noChannel')} · ${n.code}`;
  };
  const nodeLines = (n: TreeNode) =>
    n.kind === 'patient'
      ? [t('shr.prop.linksMade', { n: n.sharedNext })]
      : [
          `${t('shr.col.visitors')}: ${formatNumber(n.visitors)} · ${t('shr.col.bots')}: ${formatNumber(n.botClicks)}`,
          `${t('shr.prop.reach')}: ${formatNumber(n.reach)}`,
          `${t('shr.prop.direct')}: ${formatNumber(n.direct)} · ${t('shr.prop.via')}: ${formatNumber(n.via)}`,
        ];

  // The flat node list as a tree, and the same order (depth first) for the table.
  const shaped = useMemo(() => (tree ? shape(tree.nodes) : null), [tree]);
  const root = useMemo(() => {
    if (!shaped) return null;
    const build = (n: TreeNode): TreeDatum => ({
      name: nodeName(n),
      lines: nodeLines(n),
      kind: n.kind,
      itemStyle: n.kind === 'patient' ? { color: '#0b7a3e', borderColor: '#0b7a3e' } : { color: '#0b5cad', borderColor: '#0b5cad' },
      children: (shaped.children.get(n.id) ?? []).map(build),
    });
    return shaped.root ? build(shaped.root) : null;
  }, [shaped, t]);

  return (
    <div className="shr-prop">
      <section className="card" data-testid="origins">
        <div className="card-head">
          <h2>{t('shr.prop.origins')}</h2>
        </div>
        <p className="muted small">{t('shr.prop.originsHint')}</p>
        <RecordTable
          items={(data.data ? (allOrigins ? data.data.origins : data.data.origins.slice(0, ORIGINS_SHOWN)) : null) as Origin[] | null}
          emptyTitle={t('shr.prop.noOrigins')}
          emptyHint={t('shr.prop.noOriginsHint')}
          testId="origin-list"
          columns={[
            {
              header: t('shr.col.link'),
              render: (o) => (
                <>
                  <span className="strong">{o.label || o.code}</span>
                  <div className="muted small">
                    <code>{o.code}</code> · {o.channel ? t(`shr.channel.${o.channel}`) : t('shr.noChannel')} · {t(`shr.kind.${o.targetKind}`)}
                  </div>
                </>
              ),
            },
            { header: t('shr.prop.links'), className: 'num', cellClassName: 'num', render: (o) => formatNumber(o.links) },
            { header: t('shr.prop.depth'), className: 'num', cellClassName: 'num', render: (o) => formatNumber(o.depth) },
            { header: t('shr.prop.reach'), className: 'num', cellClassName: 'num', render: (o) => formatNumber(o.reach) },
            { header: t('shr.prop.direct'), className: 'num', cellClassName: 'num', render: (o) => formatNumber(o.direct) },
            { header: t('shr.prop.via'), className: 'num', cellClassName: 'num', render: (o) => formatNumber(o.conversions - o.direct) },
            { header: t('shr.prop.referredNext'), className: 'num', cellClassName: 'num', render: (o) => formatNumber(o.referredNext) },
          ]}
          actions={(o) =>
            o.id === shownId ? (
              <span className="badge badge-positive">{t('shr.prop.shown')}</span>
            ) : (
              <button type="button" className="btn btn-small" onClick={() => setOrigin(o.id)}>
                {t('shr.prop.show')}
              </button>
            )
          }
        />
        {data.data && data.data.origins.length > ORIGINS_SHOWN && (
          <button type="button" className="btn btn-small shr-more" onClick={() => setAllOrigins(!allOrigins)}>
            {allOrigins ? t('shr.prop.fewer') : t('shr.prop.all', { n: formatNumber(data.data.origins.length) })}
          </button>
        )}
      </section>

      {tree && shaped && root && (
        <section className="card" data-testid="propagation">
          <div className="card-head">
            <h2>{t('shr.prop.tree')}</h2>
          </div>
          <Figures origin={tree.origin} />
          <p className="muted small shr-scroll-hint">{t('shr.prop.scrollHint')}</p>
          <div className="shr-scroll">
            <Suspense fallback={<Spinner />}>
              <TreeChart
                root={root}
                depth={shaped.depth}
                leaves={shaped.leaves}
                label={t('shr.prop.chartLabel', { code: tree.origin.code, links: tree.origin.links, depth: tree.origin.depth, reach: tree.origin.reach })}
              />
            </Suspense>
          </div>
          <h3>{t('shr.prop.table')}</h3>
          <RecordTable
            items={shaped.ordered}
            emptyTitle={t('shr.prop.noOrigins')}
            testId="propagation-table"
            compact
            columns={[
              {
                header: t('shr.prop.node'),
                render: (n) => (
                  <span className={`shr-step shr-step-${n.kind}`} style={{ paddingInlineStart: `${Math.min(shaped.level.get(n.id) ?? 0, 8) * 0.9}rem` }}>
                    {nodeName(n)}
                  </span>
                ),
              },
              { header: t('shr.col.visitors'), className: 'num', cellClassName: 'num', render: (n) => (n.kind === 'link' ? formatNumber(n.visitors) : '') },
              { header: t('shr.prop.reach'), className: 'num', cellClassName: 'num', render: (n) => (n.kind === 'link' ? formatNumber(n.reach) : '') },
              { header: t('shr.prop.direct'), className: 'num', cellClassName: 'num', render: (n) => formatNumber(n.direct) },
              { header: t('shr.prop.via'), className: 'num', cellClassName: 'num', render: (n) => (n.kind === 'link' ? formatNumber(n.via) : '') },
              { header: t('shr.prop.sharedNext'), className: 'num', cellClassName: 'num', render: (n) => (n.kind === 'patient' ? formatNumber(n.sharedNext) : '') },
            ]}
          />
        </section>
      )}
    </div>
  );
}

function Figures({ origin }: { origin: PropagationData['origins'][number] }) {
  const { t, formatNumber } = useI18n();
  const items: [string, number][] = [
    [t('shr.prop.depth'), origin.depth],
    [t('shr.prop.reach'), origin.reach],
    [t('shr.prop.direct'), origin.direct],
    [t('shr.prop.via'), origin.conversions - origin.direct],
    [t('shr.prop.referredNext'), origin.referredNext],
  ];
  return (
    <dl className="shr-figures" data-testid="propagation-figures">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The nodes as a tree: children by parent, the root, the depth-first order, each node's level, the deepest level and the leaf count. */
function shape(nodes: TreeNode[]) {
  const children = new Map<string, TreeNode[]>();
  const ids = new Set(nodes.map((n) => n.id));
  let root: TreeNode | null = null;
  for (const n of nodes) {
    if (n.parentId && ids.has(n.parentId)) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
    else root ??= n;
  }
  const ordered: TreeNode[] = [];
  const level = new Map<string, number>();
  let depth = 0;
  let leaves = 0;
  const walk = (n: TreeNode, at: number) => {
    ordered.push(n);
    level.set(n.id, at);
    depth = Math.max(depth, at);
    const below = children.get(n.id) ?? [];
    if (!below.length) leaves++;
    for (const c of below) walk(c, at + 1);
  };
  if (root) walk(root, 0);
  return { root, children, ordered, level, depth, leaves };
}
