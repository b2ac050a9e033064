/** /assessments/rubrics/$id: one rubric version's tree, legal basis and checks; a draft is edited, then activated. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import type { RubricDetail, RubricItemView } from '../api/assessment-types';
import { ASSESSMENT_KEY, rubricQuery, setRubricStatus, updateRubric } from '../api/assessments';
import { ApiError, errorMessage } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { PageSpinner } from '../components/page-spinner';
import { RubricTreeTable } from '../components/rubric-tree-table';
import { can, useCurrentUser } from '../current-user';
import { RubricStatusTag } from './rubrics-page';

const route = getRouteApi('/_app/assessments/rubrics/$id');

/** Loads the rubric; the editor works on a copy of its items. */
export function RubricPage() {
  const { t } = useTranslation();
  const id = Number(route.useParams().id);
  const q = useQuery({ ...rubricQuery(id), enabled: Number.isInteger(id) && id > 0 });
  if (q.error instanceof ApiError && q.error.status === 404) return <ErrorAlert error={q.error} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <PageSpinner />;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: 'list', title: <Link to="/assessments/rubrics">{t('assessment.nav.rubrics')}</Link> },
          { key: 'self', title: q.data.code },
        ]}
      />
      <RubricView key={`${q.data.id}-${q.data.version}`} r={q.data} />
    </>
  );
}

function RubricView({ r }: { r: RubricDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<RubricItemView[]>(r.items);
  const [name, setName] = useState(r.name);
  useEffect(() => setItems(r.items), [r.items]);
  const editable = r.status === 'draft' && !r.inUse && can(me, 'rubric.manage');
  const dirty = name !== r.name || JSON.stringify(items) !== JSON.stringify(r.items);
  const done = (next: RubricDetail) => {
    queryClient.setQueryData(rubricQuery(r.id).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ASSESSMENT_KEY });
  };
  const save = useMutation({
    mutationFn: () =>
      updateRubric(r.id, {
        version: r.version,
        name,
        items: items.map(({ depth: _d, isLeaf: _l, effectiveMax: _e, needsAppendixText: _n, ...i }) => i),
      }),
    onSuccess: (next) => {
      done(next);
      message.success(
        t(next.validation.valid ? 'assessment.rubrics.savedValid' : 'assessment.rubrics.savedInvalid'),
      );
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const status = useMutation({
    mutationFn: (action: 'activate' | 'retire') => setRubricStatus(r.id, action),
    onSuccess: (next, action) => {
      done(next);
      message.success(t(`assessment.rubrics.${action}d`));
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const v = r.validation;

  return (
    <>
      <PageHeader
        title={`${r.code} · ${r.name}`}
        extra={
          can(me, 'rubric.manage') && (
            <Space wrap>
              {editable && (
                <Button
                  onClick={() => save.mutate()}
                  loading={save.isPending}
                  disabled={!dirty}
                  data-testid="rubric-save"
                >
                  {t('assessment.rubrics.saveValidate')}
                </Button>
              )}
              {r.status === 'draft' && (
                <Button
                  type="primary"
                  disabled={dirty || !v.valid}
                  loading={status.isPending}
                  onClick={() => status.mutate('activate')}
                  data-testid="rubric-activate"
                >
                  {t('assessment.rubrics.activate')}
                </Button>
              )}
              {r.status === 'active' && (
                <Button
                  danger
                  loading={status.isPending}
                  onClick={() =>
                    modal.confirm({
                      title: t('assessment.rubrics.retireTitle'),
                      content: t('assessment.rubrics.retireBody'),
                      okText: t('assessment.rubrics.retire'),
                      cancelText: t('common.cancel'),
                      okButtonProps: { danger: true },
                      onOk: () => status.mutateAsync('retire'),
                    })
                  }
                >
                  {t('assessment.rubrics.retire')}
                </Button>
              )}
            </Space>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('assessment.rubrics.state')}>
            <RubricStatusTag status={r.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.rubrics.legal')}>
            {r.legal.documentNumber} · {r.legal.issuer}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.rubrics.effectiveLabel')}>
            {t('assessment.rubrics.effective', {
              from: formatDate(r.legal.effectiveFrom),
              to: r.legal.expiresOn ? formatDate(r.legal.expiresOn) : '…',
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.rubrics.bands')}>
            {r.bands.map((b) => `${t(`assessment.band.${b.band}`)} ≥ ${b.min}`).join(' · ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.rubrics.deadlines')}>
            {[r.deadlines.self, r.deadlines.commune, r.deadlines.province]
              .map((d) => d.split('-').reverse().join('/'))
              .join(' · ')}
          </Descriptions.Item>
          {r.legal.repealedBy && (
            <Descriptions.Item label={t('assessment.rubrics.repealedBy')}>
              {r.legal.repealedBy}
            </Descriptions.Item>
          )}
        </Descriptions>
        {r.legal.sourceNote && (
          <Typography.Paragraph type="secondary">{r.legal.sourceNote}</Typography.Paragraph>
        )}
        {editable && (
          <Space style={{ marginTop: 8 }}>
            <Typography.Text>{t('assessment.rubrics.name')}:</Typography.Text>
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              style={{ width: 480 }}
              maxLength={300}
            />
          </Space>
        )}
      </Card>
      {v.errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="rubric-errors"
          title={t('assessment.rubrics.errors', { count: v.errors.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {v.errors.map((e) => (
                <li key={`${e.path}-${e.code}`}>{e.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {v.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('assessment.rubrics.warnings', { count: v.warnings.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 140, overflow: 'auto' }}>
              {v.warnings.map((e) => (
                <li key={`${e.path}-${e.code}`}>{e.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <RubricTreeTable items={items} editable={editable} onChange={setItems} />
    </>
  );
}
