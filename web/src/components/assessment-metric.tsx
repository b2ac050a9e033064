/** One counter of the assessment board and report. */
import { Card, Statistic } from 'antd';

/** A counter whose value is already formatted (a number the Vietnamese way, or a percentage). */
export function Metric({ title, value, testId }: { title: string; value: string; testId?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Statistic title={title} value={value} />
    </Card>
  );
}
