/** One counter on the dashboard. */
import { formatNumber } from '../../../core/format';
import { StatisticCard } from './ui';

/** A counter card whose number is formatted the Vietnamese way (1.234.567). */
export function StatCard({ title, value, loading }: { title: string; value?: number; loading?: boolean }) {
  return <StatisticCard title={title} value={formatNumber(value ?? 0)} loading={loading} />;
}
