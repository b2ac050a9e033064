/**
 * The item tree of a rubric: code, label, maximum, the "cần bổ sung theo Phụ lục" flag, scoring rule and note. A draft
 * is edited in place (add and delete groups, criteria and sub-criteria); the server's errors show under their item.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  type ButtonProps,
  Checkbox,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { NEEDS_APPENDIX_TEXT } from '../../../core/assessment/labels';
import type { RubricItem } from '../../../core/assessment/types';
import { formatNumber } from '../../../core/format';
import { addItem, type DraftRow, removeItem } from '../lib/rubric-draft';
import { RubricScoringButton } from './rubric-scoring-modal';

const CHILD_LEVEL = { group: 'criterion', criterion: 'sub', sub: null } as const;

/** Read-only tree, or the draft editor; `errors` are the server's messages by item code. */
export function RubricTreeTable(props: {
  rows: DraftRow[];
  items: RubricItem[];
  editable: boolean;
  errors: Record<string, string[]>;
  onChange: (items: RubricItem[]) => void;
}) {
  const { rows, items, editable, errors, onChange } = props;
  const { t } = useTranslation();
  const set = (code: string, patch: Partial<RubricItem>) =>
    onChange(items.map((i) => (i.code === code ? { ...i, ...patch } : i)));

  const columns: TableColumnsType<DraftRow> = [
    {
      title: t('assessment.form.item'),
      key: 'label',
      width: 460,
      render: (_: unknown, i) => (
        <div style={{ paddingInlineStart: i.depth * 16 }}>
          {editable ? (
            <Space.Compact style={{ width: '100%' }}>
              <Space.Addon>{i.code}</Space.Addon>
              <Input
                value={i.label}
                maxLength={500}
                status={errors[i.code] ? 'error' : undefined}
                placeholder={t('assessment.rubrics.labelPlaceholder')}
                onChange={(e) => set(i.code, { label: e.target.value })}
                data-testid={`rubric-label-${i.code}`}
              />
            </Space.Compact>
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
              {t('assessment.needsAppendix', { defaultValue: NEEDS_APPENDIX_TEXT })}
            </Tag>
          )}
          {errors[i.code]?.map((m) => (
            <div key={m}>
              <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`rubric-error-${i.code}`}>
                {m}
              </Typography.Text>
            </div>
          ))}
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
      width: 110,
      align: 'right',
      render: (_: unknown, i) =>
        editable ? (
          <InputNumber
            value={i.maxPoints}
            min={0}
            step={0.5}
            decimalSeparator=","
            placeholder={`≤ ${formatNumber(i.effectiveMax)}`}
            status={errors[i.code] ? 'error' : undefined}
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
      width: 110,
      align: 'center',
      render: (_: unknown, i) => (
        <Checkbox
          checked={i.needsAppendix}
          disabled={!editable}
          onChange={(e) => set(i.code, { needsAppendix: e.target.checked })}
          data-testid={`rubric-appendix-${i.code}`}
        />
      ),
    },
    {
      title: t('assessment.rubrics.scoring'),
      key: 'scoring',
      width: 150,
      render: (_: unknown, i) =>
        i.isLeaf || i.scoring ? (
          <RubricScoringButton
            item={i}
            editable={editable}
            onChange={(scoring) => set(i.code, { scoring })}
          />
        ) : null,
    },
    {
      title: t('assessment.form.note'),
      key: 'note',
      width: 260,
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
    ...(editable
      ? [
          {
            key: 'actions',
            width: 96,
            render: (_: unknown, i: DraftRow) => {
              const child = CHILD_LEVEL[i.level];
              return (
                <Space size={2}>
                  {child && (
                    <Button
                      size="small"
                      type="text"
                      icon={<PlusOutlined />}
                      title={t(`assessment.rubrics.add.${child}`)}
                      aria-label={t(`assessment.rubrics.add.${child}`)}
                      onClick={() => onChange(addItem(items, child, i.code))}
                      data-testid={`rubric-add-${i.code}`}
                    />
                  )}
                  <Popconfirm
                    title={t(i.isLeaf ? 'assessment.rubrics.deleteItem' : 'assessment.rubrics.deleteBranch', {
                      code: i.code,
                    })}
                    okText={t('assessment.rubrics.delete')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, 'data-testid': 'rubric-delete-ok' } as ButtonProps}
                    onConfirm={() => onChange(removeItem(items, i.code))}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      title={t('assessment.rubrics.delete')}
                      aria-label={t('assessment.rubrics.delete')}
                      data-testid={`rubric-delete-${i.code}`}
                    />
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]
      : []),
  ];
  return (
    <Table<DraftRow>
      size="small"
      rowKey="code"
      data-testid="rubric-tree"
      pagination={false}
      columns={columns}
      dataSource={rows}
      scroll={{ x: 1320 }}
      onRow={(i) => (i.level === 'group' ? { style: { background: '#fafafa' } } : {})}
      footer={
        editable
          ? () => (
              <Button
                icon={<PlusOutlined />}
                onClick={() => onChange(addItem(items, 'group', null))}
                data-testid="rubric-add-group"
              >
                {t('assessment.rubrics.add.group')}
              </Button>
            )
          : undefined
      }
    />
  );
}
