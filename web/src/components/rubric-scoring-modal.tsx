/**
 * The scoring rule of one leaf item: none, the member-survey average (TT 09/2017/TT-BNNPTNT Art. 5(1)), or point
 * levels over a yearly figure (from a threshold, optionally strictly above it). The server checks the order.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  type ButtonProps,
  Checkbox,
  Form,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORING_FIGURES } from '../../../core/assessment/figures';
import type { LevelRule, ScoringRule } from '../../../core/assessment/types';
import { REPORT_FIELDS } from '../../../core/registry/report-fields';
import type { DraftRow } from '../lib/rubric-draft';

const EN = new Map(REPORT_FIELDS.map((f) => [f.key, f.en]));
type Kind = 'none' | ScoringRule['kind'];

/** A short summary of the rule opening the editor (read-only: opens it to look). */
export function RubricScoringButton(props: {
  item: DraftRow;
  editable: boolean;
  onChange: (s: ScoringRule | null) => void;
}) {
  const { item, editable, onChange } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const r = item.scoring;
  const summary = !r
    ? t('assessment.rubrics.rule.none')
    : r.kind === 'survey_average'
      ? t('assessment.rubrics.rule.survey_average')
      : t('assessment.rubrics.rule.levelsCount', { count: r.levels.length });
  if (!editable && !r) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <>
      <Button
        size="small"
        type="link"
        onClick={() => setOpen(true)}
        data-testid={`rubric-scoring-${item.code}`}
      >
        {summary}
      </Button>
      {open && (
        <ScoringModal
          item={item}
          editable={editable}
          onClose={() => setOpen(false)}
          onSave={(s) => {
            onChange(s);
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

function ScoringModal(props: {
  item: DraftRow;
  editable: boolean;
  onClose: () => void;
  onSave: (s: ScoringRule | null) => void;
}) {
  const { item, editable, onClose, onSave } = props;
  const { t, i18n } = useTranslation();
  const init = item.scoring;
  const [kind, setKind] = useState<Kind>(init?.kind ?? 'none');
  const [figure, setFigure] = useState(init?.kind === 'levels' ? init.figure : undefined);
  const [levels, setLevels] = useState<LevelRule[]>(
    init?.kind === 'levels' ? init.levels : [{ min: null, points: 0 }],
  );
  const setLevel = (k: number, patch: Partial<LevelRule>) =>
    setLevels((ls) => ls.map((l, j) => (j === k ? { ...l, ...patch } : l)));
  const rule: ScoringRule | null =
    kind === 'none' ? null : kind === 'survey_average' ? { kind } : { kind, figure: figure ?? '', levels };
  const figureLabel = (key: string, vi: string) => (i18n.language === 'en' ? (EN.get(key) ?? vi) : vi);

  return (
    <Modal
      open
      width={720}
      title={t('assessment.rubrics.rule.title', { code: item.code, max: item.effectiveMax })}
      okText={t('assessment.rubrics.rule.apply')}
      cancelText={t('common.cancel')}
      okButtonProps={
        { disabled: !editable || (kind === 'levels' && !figure), 'data-testid': 'scoring-ok' } as ButtonProps
      }
      onOk={() => onSave(rule)}
      onCancel={onClose}
    >
      <Form layout="vertical" component="div" disabled={!editable}>
        <Form.Item label={t('assessment.rubrics.rule.kind')}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} data-testid="scoring-kind">
            {(['none', 'levels', 'survey_average'] as const).map((k) => (
              <Radio key={k} value={k}>
                {t(`assessment.rubrics.rule.${k}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {kind === 'levels' && (
          <>
            <Form.Item label={t('assessment.rubrics.rule.figure')} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={figure}
                onChange={setFigure}
                options={SCORING_FIGURES.map((f) => ({ value: f.key, label: figureLabel(f.key, f.label) }))}
                data-testid="scoring-figure"
              />
            </Form.Item>
            <Typography.Paragraph type="secondary">
              {t('assessment.rubrics.rule.levelsHint')}
            </Typography.Paragraph>
            <Table<LevelRule & { k: number }>
              size="small"
              pagination={false}
              rowKey="k"
              dataSource={levels.map((l, k) => ({ ...l, k }))}
              columns={[
                { title: '#', key: 'n', width: 40, render: (_: unknown, l) => l.k + 1 },
                {
                  title: t('assessment.rubrics.rule.min'),
                  key: 'min',
                  render: (_: unknown, l) => (
                    <InputNumber
                      value={l.min}
                      placeholder={l.k === 0 ? t('assessment.rubrics.rule.below') : undefined}
                      decimalSeparator=","
                      style={{ width: 180 }}
                      onChange={(x) => setLevel(l.k, { min: typeof x === 'number' ? x : null })}
                      data-testid={`scoring-min-${l.k}`}
                    />
                  ),
                },
                {
                  title: t('assessment.rubrics.rule.exclusive'),
                  key: 'exclusive',
                  width: 110,
                  align: 'center',
                  render: (_: unknown, l) => (
                    <Checkbox
                      checked={!!l.exclusive}
                      onChange={(e) => setLevel(l.k, { exclusive: e.target.checked || undefined })}
                    />
                  ),
                },
                {
                  title: t('assessment.rubrics.rule.points'),
                  key: 'points',
                  width: 120,
                  render: (_: unknown, l) => (
                    <InputNumber
                      value={l.points}
                      min={0}
                      step={0.5}
                      decimalSeparator=","
                      onChange={(x) => setLevel(l.k, { points: typeof x === 'number' ? x : 0 })}
                      data-testid={`scoring-points-${l.k}`}
                    />
                  ),
                },
                {
                  key: 'del',
                  width: 48,
                  render: (_: unknown, l) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('assessment.rubrics.delete')}
                      onClick={() => setLevels((ls) => ls.filter((_x, j) => j !== l.k))}
                    />
                  ),
                },
              ]}
            />
            <Space style={{ marginTop: 8 }}>
              <Button
                icon={<PlusOutlined />}
                onClick={() => setLevels((ls) => [...ls, { min: null, points: 0 }])}
                data-testid="scoring-add-level"
              >
                {t('assessment.rubrics.rule.addLevel')}
              </Button>
            </Space>
          </>
        )}
        {kind === 'survey_average' && (
          <Typography.Paragraph type="secondary">
            {t('assessment.rubrics.rule.surveyHint')}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
