/** Compact text rendering of an administrative unit. */
import { Link } from '@tanstack/react-router';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../api/types';

/** Full name, then the parent's name and the code in grey; a link to its page when `link` is set. */
export function UnitLabel({ unit, link, date }: { unit: Unit; link?: boolean; date?: string }) {
  const { t } = useTranslation();
  const name = link ? (
    <Link to="/units/$id" params={{ id: String(unit.id) }} search={date ? { date } : {}}>
      {unit.fullName}
    </Link>
  ) : (
    <Typography.Text>{unit.fullName}</Typography.Text>
  );
  return (
    <Space size={6} wrap>
      {name}
      {unit.parentName && <Typography.Text type="secondary">{unit.parentName}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
        {unit.code}
      </Typography.Text>
      {unit.era === 'pre2025' && <Tag>{t('units.eraPre2025')}</Tag>}
    </Space>
  );
}
