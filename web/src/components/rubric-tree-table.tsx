/** The item tree of a rubric: code, label, maximum, notes and the visible "cần bổ sung theo Phụ lục" markers. */
import { Checkbox, Input, InputNumber, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { RubricItemView } from '../api/assessment-types';

/** Read-only tree, or the draft editor (label, maximum, appendix flag, note per item). */
export function RubricTreeTable(props: {
  items: RubricItemView[];
  editable: boolean;
  onChange: (items: RubricItemView[]) => void;
}) {
  const { items, editable, onChange } = props;
  const { t } = useTranslation();
  const set = (code: string, patch: Partial<RubricItemView>) =>
    onChange(items.map((i) => (i.code === code ? { ...i, ...patch } : i)));

  const columns: TableColumnsType<RubricItemView> = [
    {
      title: t('assessment.form.item'),
      key: 'label',
      render: (_: unknown, i) => (
        <div style={{ paddingInlineStart: i.depth * 16 }}>
          {editable ? (
            <Input
              addonBefore={i.code}
              value={i.label}
              maxLength={500}
              onChange={(e) => set(i.code, { label: e.target.value })}
              data-testid={`rubric-label-${i.code}`}
            />
          ) : (
            <Typography.Text strong={!i.isLeaf}>
              {i.code}. {i.label}
            </Typography.Text>
          )}
          {i.needsAppendix && (
            <Tag
              color="orange"
              style={{ marginInlineStart: 6, marginTop: 4 }}
              data-testid={`needs-appendix-${i.code}`}
            >
              {i.needsAppendixText ?? t('assessment.needsAppendix')}
            </Tag>
          )}
        </div>
      ),
    },
    {
      title: t('assessment.rubrics.level'),
      dataIndex: 'level',
      width: 110,
      render: (l: string) => t(`assessment.rubrics.levels.${l}`),
    },
    {
      title: t('assessment.form.max'),
      key: 'max',
      width: 120,
      align: 'right',
      render: (_: unknown, i) =>
        editable ? (
          <InputNumber
            value={i.maxPoints}
            min={0}
            step={0.5}
            decimalSeparator=","
            onChange={(x) => set(i.code, { maxPoints: typeof x === 'number' ? x : null })}
            style={{ width: 90 }}
            data-testid={`rubric-max-${i.code}`}
          />
        ) : i.maxPoints === null ? (
          `≤ ${formatNumber(i.effectiveMax)}`
        ) : (
          formatNumber(i.maxPoints, 2)
        ),
    },
    {
      title: t('assessment.needsAppendix'),
      key: 'appendix',
      width: 130,
      align: 'center',
      render: (_: unknown, i) => (
        <Checkbox
          checked={i.needsAppendix}
          disabled={!editable}
          onChange={(e) => set(i.code, { needsAppendix: e.target.checked })}
        />
      ),
    },
    {
      title: t('assessment.form.note'),
      key: 'note',
      width: 320,
      render: (_: unknown, i) =>
        editable ? (
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 3 }}
            value={i.note ?? ''}
            maxLength={2000}
            onChange={(e) => set(i.code, { note: e.target.value || null })}
          />
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.note}
          </Typography.Text>
        ),
    },
  ];
  return (
    <Table<RubricItemView>
      size="small"
      rowKey="code"
      data-testid="rubric-tree"
      pagination={false}
      columns={columns}
      dataSource={items}
      scroll={{ x: 1000 }}
      onRow={(i) => (i.level === 'group' ? { style: { background: '#fafafa' } } : {})}
    />
  );
}
