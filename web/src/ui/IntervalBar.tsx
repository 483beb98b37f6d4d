import './IntervalBar.css';

/**
 * A figure and its interval on a scale from `min` to `max`: a track, the interval as a band and the
 * figure as a dot (a line at zero when the scale crosses it); `label` says the same in words for
 * screen readers and as the tooltip. Values outside the scale are drawn at its ends.
 */
export function IntervalBar({
  value,
  low,
  high,
  min = 0,
  max = 1,
  label,
  muted,
  className,
}: {
  value: number;
  low: number;
  high: number;
  min?: number;
  max?: number;
  label: string;
  muted?: boolean;
  className?: string;
}) {
  const at = (x: number) => `${Math.max(0, Math.min(100, ((x - min) / (max - min)) * 100))}%`;
  return (
    <div className={`interval-bar${muted ? ' interval-bar-muted' : ''}${className ? ` ${className}` : ''}`} role="img" aria-label={label} title={label}>
      <div className="interval-bar-band" style={{ left: at(low), width: `calc(${at(high)} - ${at(low)})` }} />
      {min < 0 && max > 0 && <div className="interval-bar-zero" style={{ left: at(0) }} />}
      <div className="interval-bar-point" style={{ left: at(value) }} />
    </div>
  );
}
