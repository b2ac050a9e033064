/** The figure a plan page row is measured against when the page is read for one unit (plan-targets-table.tsx). */
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanTarget } from '../api/plans';

const nameOf = (t: Pick<PlanTarget, 'code' | 'part'>) => `${t.code}${t.part}`;

/** The figure a row is measured against: the plan's, the unit's allocation, or none for the unit (label above). */
export function UnitFigure({ target: r }: { target: PlanTarget }) {
  const { t } = useTranslation();
  const v = r.unitView;
  if (!v) return <span>{r.figureText}</span>;
  if (v.mode === 'allocation')
    return (
      <Flex vertical gap={0} data-testid={`target-unit-figure-${nameOf(r)}`} data-mode="allocation">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('plan.target.unitAllocation', { code: `${v.code}${v.part}` })}
        </Typography.Text>
        <Typography.Text strong>{v.figureText}</Typography.Text>
      </Flex>
    );
  return (
    <Flex vertical gap={0} data-testid={`target-unit-figure-${nameOf(r)}`} data-mode="contribution">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('plan.target.noOwnTarget')}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('plan.target.planFigure', { figure: r.figureText })}
      </Typography.Text>
    </Flex>
  );
}
