/** A figure with its label, in a row of stats; `tone` colours the figure. */
export function Stat({ label, value, tone, testId }: { label: string; value: string | number; tone?: 'good' | 'bad'; testId?: string }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`} data-testid={testId ? `stat-${testId}` : undefined}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
