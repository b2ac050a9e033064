/** Status tags of targets, the per-status counts of a plan and a small trend line drawn as inline SVG. */
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { StatusSummary } from '../api/plans';

/** Statuses in display order with their tag colours. */
export const TARGET_STATUS_COLORS: Record<string, string> = {
  achieved: 'green',
  on_track: 'blue',
  at_risk: 'orange',
  not_achieved: 'red',
  no_data: 'default',
  // Read for one unit: the plan set no figure for it (its actual is shown alone).
  no_target: 'purple',
};

/** The status of one target (đạt / đúng tiến độ / có nguy cơ / không đạt / chưa có dữ liệu). */
export function TargetStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={TARGET_STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {t(`plan.targetStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** How many targets are in each status; statuses with none are left out. */
export function StatusCounts({ summary, testId }: { summary: StatusSummary; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap data-testid={testId}>
      {Object.keys(TARGET_STATUS_COLORS)
        .filter((s) => (summary[s] ?? 0) > 0)
        .map((s) => (
          <Tag key={s} color={TARGET_STATUS_COLORS[s]} data-status={s}>
            {t(`plan.targetStatus.${s}`)}: {summary[s]}
          </Tag>
        ))}
    </Space>
  );
}

/** A value series by year as a tiny line; years without a value leave a gap. */
export function TrendSparkline({ points }: { points: { year: number; value: number | null }[] }) {
  const known = points.filter((p): p is { year: number; value: number } => p.value !== null);
  if (known.length < 2) return <span style={{ color: '#bfbfbf' }}>—</span>;
  const w = 96;
  const h = 28;
  const values = known.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => (points.length === 1 ? w / 2 : 2 + (i * (w - 4)) / (points.length - 1));
  const y = (v: number) => h - 3 - ((v - min) / span) * (h - 6);
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)} `;
    pen = true;
  });
  const last = known[known.length - 1];
  const title = points.map((p) => `${p.year}: ${p.value === null ? '—' : formatNumber(p.value)}`).join(' · ');
  return (
    <Tooltip title={title}>
      <svg width={w} height={h} role="img" aria-label={title} data-testid="target-trend">
        <path d={d} fill="none" stroke="#1677ff" strokeWidth={1.5} />
        <circle cx={x(points.indexOf(last))} cy={y(last.value)} r={2.5} fill="#1677ff" />
      </svg>
    </Tooltip>
  );
}
