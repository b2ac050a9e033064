/**
 * The score sheet: the rubric tree with max, the score suggested from approved figures, the self-score and note
 * (editable while the cooperative holds it), evidence files, the commune's comments and the officer's scores.
 */
import { InfoCircleOutlined } from '@ant-design/icons';
import { Input, InputNumber, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { AssessmentItem } from '../api/assessment-types';
import type { ScoreDrafts } from '../lib/assessment-form';
import { AssessmentItemFiles } from './assessment-item-files';

const pts = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, 2));
const DIFF_BG = '#fff7e6';

/** What the table lets the current user change. */
export interface ItemsTableMode {
  self: boolean;
  officer: boolean;
  comment: boolean;
}

/** Props of the score sheet. */
export interface ItemsTableProps {
  items: AssessmentItem[];
  assessmentId: number | null;
  mode: ItemsTableMode;
  self: ScoreDrafts;
  officer: ScoreDrafts;
  comments: Record<string, string>;
  sums: Record<string, number | null>;
  problems: Record<string, string>;
  onSelf: (code: string, v: Partial<{ score: number | null; note: string }>) => void;
  onOfficer: (code: string, v: Partial<{ score: number | null; note: string }>) => void;
  onComment: (code: string, text: string) => void;
}

/** One row per rubric item; leaves carry the inputs, groups and criteria their sums. */
export function AssessmentItemsTable(p: ItemsTableProps) {
  const { t } = useTranslation();
  const showOfficer = p.mode.officer || p.items.some((i) => i.officerScore !== null);
  const showComments = p.mode.comment || p.items.some((i) => i.returnComment);

  const columns: TableColumnsType<AssessmentItem> = [
    {
      title: t('assessment.form.item'),
      key: 'label',
      width: 340,
      render: (_: unknown, i) => (
        <div style={{ paddingInlineStart: i.depth * 16 }}>
          <Typography.Text strong={!i.isLeaf}>
            {i.code}. {i.label}
          </Typography.Text>
          {i.note && (
            <Tooltip title={i.note}>
              <InfoCircleOutlined style={{ marginInlineStart: 6, color: '#8c8c8c' }} />
            </Tooltip>
          )}
          {i.needsAppendix && (
            <div>
              <Tag color="orange" style={{ marginTop: 4 }} data-testid={`needs-appendix-${i.code}`}>
                {i.needsAppendixText ?? t('assessment.needsAppendix')}
              </Tag>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('assessment.form.max'),
      key: 'max',
      width: 80,
      align: 'right',
      render: (_: unknown, i) =>
        i.maxPoints !== null ? (
          pts(i.maxPoints)
        ) : (
          <Tooltip title={t('assessment.form.maxBounded')}>≤ {pts(i.effectiveMax)}</Tooltip>
        ),
    },
    {
      title: t('assessment.form.suggested'),
      key: 'suggested',
      width: 90,
      align: 'right',
      render: (_: unknown, i) => (i.isLeaf ? pts(i.suggested) : null),
    },
    {
      title: t('assessment.form.selfScore'),
      key: 'self',
      width: 130,
      render: (_: unknown, i) => {
        if (!i.isLeaf)
          return (
            <Tooltip title={p.problems[i.code]}>
              <Typography.Text strong type={p.problems[i.code] ? 'danger' : undefined}>
                {pts(p.sums[i.code])}
              </Typography.Text>
            </Tooltip>
          );
        const v = p.self[i.code]?.score ?? null;
        const differs =
          i.suggested !== null && v !== null && Math.round(i.suggested * 100) !== Math.round(v * 100);
        const problem = p.problems[i.code];
        const cell = p.mode.self ? (
          <InputNumber
            value={v}
            min={0}
            step={0.5}
            decimalSeparator=","
            status={problem ? 'error' : differs ? 'warning' : undefined}
            onChange={(x) => p.onSelf(i.code, { score: typeof x === 'number' ? x : null })}
            style={{ width: 100 }}
            data-testid={`self-${i.code}`}
          />
        ) : (
          <span data-testid={`self-${i.code}`}>{pts(v)}</span>
        );
        return (
          <Tooltip
            title={
              problem ?? (differs ? t('assessment.form.differs', { suggested: pts(i.suggested) }) : undefined)
            }
          >
            <div style={differs ? { background: DIFF_BG, padding: 2, borderRadius: 4 } : undefined}>
              {cell}
            </div>
          </Tooltip>
        );
      },
    },
    {
      title: t('assessment.form.note'),
      key: 'note',
      width: 220,
      render: (_: unknown, i) =>
        !i.isLeaf ? null : p.mode.self ? (
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={1000}
            value={p.self[i.code]?.note ?? ''}
            onChange={(e) => p.onSelf(i.code, { note: e.target.value })}
            data-testid={`self-note-${i.code}`}
          />
        ) : (
          <Typography.Text type="secondary">{p.self[i.code]?.note || ''}</Typography.Text>
        ),
    },
    {
      title: t('assessment.form.evidence'),
      key: 'files',
      width: 110,
      render: (_: unknown, i) =>
        i.isLeaf && p.assessmentId ? (
          <AssessmentItemFiles assessmentId={p.assessmentId} code={i.code} canUpload={p.mode.self} />
        ) : null,
    },
    ...(showComments
      ? [
          {
            title: t('assessment.form.comment'),
            key: 'comment',
            width: 230,
            render: (_: unknown, i: AssessmentItem) =>
              !i.isLeaf ? null : (
                <>
                  {i.returnComment && (
                    <Typography.Text type="danger" data-testid={`return-comment-${i.code}`}>
                      {i.returnComment}
                    </Typography.Text>
                  )}
                  {p.mode.comment && (
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={2000}
                      placeholder={t('assessment.form.commentPlaceholder')}
                      value={p.comments[i.code] ?? ''}
                      onChange={(e) => p.onComment(i.code, e.target.value)}
                      data-testid={`comment-${i.code}`}
                    />
                  )}
                </>
              ),
          },
        ]
      : []),
    ...(showOfficer
      ? [
          {
            title: t('assessment.form.officerScore'),
            key: 'officer',
            width: 130,
            render: (_: unknown, i: AssessmentItem) => {
              if (!i.isLeaf) return null;
              const v = p.officer[i.code]?.score ?? null;
              const differs = v !== null && v !== (p.self[i.code]?.score ?? null);
              return p.mode.officer ? (
                <InputNumber
                  value={v}
                  min={0}
                  max={i.effectiveMax}
                  step={0.5}
                  decimalSeparator=","
                  placeholder={pts(p.self[i.code]?.score)}
                  status={differs ? 'warning' : undefined}
                  onChange={(x) => p.onOfficer(i.code, { score: typeof x === 'number' ? x : null })}
                  style={{ width: 100 }}
                  data-testid={`officer-${i.code}`}
                />
              ) : (
                <Typography.Text type={differs ? 'warning' : undefined}>{pts(v)}</Typography.Text>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <Table<AssessmentItem>
      size="small"
      rowKey="code"
      data-testid="assessment-items"
      pagination={false}
      columns={columns}
      dataSource={p.items}
      scroll={{ x: 1200 }}
      rowClassName={(i) => (i.level === 'group' ? 'assessment-group-row' : '')}
      onRow={(i) => (i.level === 'group' ? { style: { background: '#fafafa' } } : {})}
    />
  );
}
