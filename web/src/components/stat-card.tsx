/** One counter on the dashboard. */
import { Card, Statistic } from 'antd';
import { formatNumber } from '../../../core/format';

/** A Statistic card whose number is formatted the Vietnamese way (1.234.567). */
export function StatCard({ title, value, loading }: { title: string; value?: number; loading?: boolean }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value ?? 0}
        loading={loading}
        formatter={(v) => formatNumber(typeof v === 'number' ? v : Number(v))}
      />
    </Card>
  );
}
