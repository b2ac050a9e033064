/** Year-on-year movement between bands: rows = previous year's band, columns = this year's band. */
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { UnitReport } from '../api/assessment-types';

const RANK: Record<string, number> = { yeu: 1, trung_binh: 2, kha: 3, tot: 4 };

/** The matrix with improved (green) and declined (red) cells tinted. */
export function MovementMatrix({ movement, year }: { movement: UnitReport['movement']; year: number }) {
  const { t } = useTranslation();
  const name = (k: string) => (k === 'none' ? t('assessment.report.noBand') : t(`assessment.band.${k}`));
  const tint = (p: string, c: string) =>
    !RANK[p] || !RANK[c] || p === c ? undefined : RANK[c] > RANK[p] ? '#f6ffed' : '#fff1f0';
  return (
    <>
      <Table
        size="small"
        pagination={false}
        rowKey="from"
        data-testid="report-movement"
        dataSource={movement.keys.map((from) => ({ from }))}
        columns={[
          {
            title: t('assessment.report.fromTo', { prev: year - 1, year }),
            dataIndex: 'from',
            width: 170,
            render: (k: string) => <Typography.Text strong>{name(k)}</Typography.Text>,
          },
          ...movement.keys.map((to) => ({
            title: name(to),
            key: to,
            align: 'right' as const,
            onCell: (r: { from: string }) => ({ style: { background: tint(r.from, to) } }),
            render: (_: unknown, r: { from: string }) => formatNumber(movement.matrix[r.from]?.[to] ?? 0),
          })),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('assessment.report.moves', {
          improved: formatNumber(movement.improved),
          same: formatNumber(movement.same),
          declined: formatNumber(movement.declined),
        })}
      </Typography.Paragraph>
    </>
  );
}
