/** /assessments/rubrics/$id: one rubric version's tree, legal basis and checks; a draft is edited, then activated. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Input, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import type { RubricDetail } from '../api/assessment-types';
import { ASSESSMENT_KEY, rubricQuery, setRubricStatus, updateRubric } from '../api/assessments';
import { ApiError, errorMessage } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { PageSpinner } from '../components/page-spinner';
import { RubricRulesCard } from '../components/rubric-rules-card';
import { RubricTreeTable } from '../components/rubric-tree-table';
import { can, useCurrentUser } from '../current-user';
import { draftOf, issuesByTarget, patchOf, type RubricDraft, rowsOf } from '../lib/rubric-draft';
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
  const initial = useMemo(() => draftOf(r), [r]);
  const [draft, setDraft] = useState<RubricDraft>(initial);
  // Errors of a refused save (400: the body itself was malformed), else the server's validation of the saved draft.
  const [refused, setRefused] = useState<{ path: string; message: string }[]>([]);
  const rows = useMemo(() => rowsOf(draft), [draft]);
  const editable = r.status === 'draft' && !r.inUse && can(me, 'rubric.manage');
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const change = (patch: Partial<RubricDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const done = (next: RubricDetail) => {
    queryClient.setQueryData(rubricQuery(r.id).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ASSESSMENT_KEY });
  };
  const save = useMutation({
    mutationFn: () => updateRubric(r.id, patchOf(draft, r.version)),
    onSuccess: (next) => {
      setRefused([]);
      done(next);
      message.success(
        t(next.validation.valid ? 'assessment.rubrics.savedValid' : 'assessment.rubrics.savedInvalid'),
      );
    },
    onError: (err) => {
      // zod names items by position: show them on the item they concern.
      const errs = err instanceof ApiError ? (err.problem.errors ?? []) : [];
      setRefused(
        errs.map((e) => ({
          ...e,
          path: e.path.replace(/^items\.(\d+)/, (m, k) =>
            draft.items[Number(k)] ? `items.${draft.items[Number(k)].code}` : m,
          ),
        })),
      );
      message.error(errorMessage(err));
    },
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
  const shown = refused.length ? refused : v.errors;
  const errors = issuesByTarget(shown);

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
                  title={
                    dirty
                      ? t('assessment.rubrics.saveFirst')
                      : !v.valid
                        ? t('assessment.rubrics.fixFirst')
                        : undefined
                  }
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
            {`${formatDate(r.legal.effectiveFrom)} – ${r.legal.expiresOn ? formatDate(r.legal.expiresOn) : '…'}`}
          </Descriptions.Item>
          {r.legal.repealedBy && (
            <Descriptions.Item label={t('assessment.rubrics.repealedBy')} span={3}>
              {r.legal.repealedBy}
            </Descriptions.Item>
          )}
        </Descriptions>
        {r.legal.sourceNote && (
          <Typography.Paragraph type="secondary">{r.legal.sourceNote}</Typography.Paragraph>
        )}
        {editable && (
          <Space style={{ marginTop: 8 }} wrap>
            <Typography.Text>{t('assessment.rubrics.name')}:</Typography.Text>
            <Input
              value={draft.name}
              onChange={(e) => change({ name: e.target.value })}
              status={errors.name ? 'error' : undefined}
              style={{ width: 480 }}
              maxLength={300}
              data-testid="rubric-name"
            />
            {errors.name && <Typography.Text type="danger">{errors.name.join(' ')}</Typography.Text>}
          </Space>
        )}
      </Card>
      {shown.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="rubric-errors"
          title={t('assessment.rubrics.errors', { count: shown.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 160, overflow: 'auto' }}>
              {shown.map((e) => (
                <li key={`${e.path}-${e.message}`}>{e.message}</li>
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
      <RubricRulesCard draft={draft} editable={editable} errors={errors} onChange={change} />
      <RubricTreeTable
        rows={rows}
        items={draft.items}
        editable={editable}
        errors={errors}
        onChange={(items) => change({ items })}
      />
    </>
  );
}
