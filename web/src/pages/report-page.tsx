/** /organisations/$id/reports/$year: one year's figures, the workflow, flags and the trail. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { App, Breadcrumb, Card, Col, Form, Result, Row, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '../../../core/registry/enums';
import { foundingYearWarning, legalMinimumWarnings } from '../../../core/registry/quality-rules';
import { REPORT_FIELDS } from '../../../core/registry/report-fields';
import { missingRequiredFigures } from '../../../core/registry/report-workflow';
import { ApiError, errorMessage } from '../api/client';
import { orgKey, profileQuery } from '../api/organisations';
import type { ReportAction, ReportDetail, ReportPeriod } from '../api/registry-types';
import { reportQuery, saveReport, type TransitionBody, transitionReport } from '../api/reports';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { PageSpinner } from '../components/page-spinner';
import { ReportActions } from '../components/report-actions';
import { ReportForm } from '../components/report-form';
import { ReportNotices, ReportStatusBar } from '../components/report-header';
import { ReportTrail } from '../components/report-trail';
import { can, useCurrentUser } from '../current-user';
import { currentYearVn } from '../lib/dates';
import {
  changedFigureKeys,
  figuresOf,
  latestReturnComments,
  type ReportFormValues,
  reportFormValues,
} from '../lib/report-form';

const route = getRouteApi('/_app/organisations/$id/reports/$year');
const FIELD_KEYS = REPORT_FIELDS.map((f) => f.key);
const notFound = (e: unknown) => e instanceof ApiError && e.code === 'report.not_found';

/** Loads the report (a missing year is an empty draft to create) and the previous year for comparison. */
export function ReportPage() {
  const { t } = useTranslation();
  const { id, year: yearParam } = route.useParams();
  const { period = 'year' } = route.useSearch();
  const orgId = Number(id);
  const year = Number(yearParam);
  const valid =
    Number.isInteger(orgId) && orgId > 0 && Number.isInteger(year) && year >= 1990 && year <= currentYearVn();
  const profile = useQuery({ ...profileQuery(orgId), enabled: valid });
  const report = useQuery({ ...reportQuery(orgId, year, period), enabled: valid });
  const previous = useQuery({ ...reportQuery(orgId, year - 1, period), enabled: valid, retry: false });

  if (!valid) return <Result status="404" title={t('report.invalidYear')} />;
  if (profile.error instanceof ApiError && profile.error.status === 404)
    return <Result status="404" title={t('org.notFound')} />;
  const loadError = profile.error ?? (report.error && !notFound(report.error) ? report.error : null);
  if (loadError) return <ErrorAlert error={loadError} />;
  if (!profile.data || (report.isPending && !report.error)) return <PageSpinner />;
  return (
    <ReportView
      key={`${orgId}-${year}-${period}`}
      orgId={orgId}
      year={year}
      period={period}
      orgName={profile.data.organisation.name}
      kind={profile.data.organisation.kind}
      foundedOn={profile.data.organisation.foundedOn}
      report={report.data ?? null}
      previous={previous.data ?? null}
    />
  );
}

interface ViewProps {
  orgId: number;
  year: number;
  period: ReportPeriod;
  orgName: string;
  kind: OrganisationKind;
  foundedOn: string | null;
  report: ReportDetail | null;
  previous: ReportDetail | null;
}

function ReportView({ orgId, year, period, orgName, kind, foundedOn, report, previous }: ViewProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportFormValues>();
  const [loaded, setLoaded] = useState(report);
  const [version, setVersion] = useState(report?.version);
  const initial = useMemo(() => reportFormValues(loaded?.figures), [loaded]);
  const [values, setValues] = useState<ReportFormValues>(initial);
  const current = figuresOf(values);
  const base = figuresOf(initial);
  const dirty = changedFigureKeys(base, current).length > 0;

  // A refetch (a new comment, someone else's save) updates the trail; the figures only when nothing is typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new report from the server matters
  useEffect(() => {
    if (!report || report === loaded) return;
    // A refetch that started before our own save can land after it: never step back to an older version.
    if (loaded && report.version < loaded.version) return;
    setLoaded(report);
    if (!dirty) {
      const next = reportFormValues(report.figures);
      form.setFieldsValue(next);
      setValues(next);
      setVersion(report.version);
    }
  }, [report]);

  const status = loaded?.status ?? 'draft';
  const editable = loaded ? loaded.editable : true;
  const canSave = can(me, 'report.submit') && editable;
  const ownOrg = me.scope.type === 'organisation';
  const actions = (loaded?.nextActions ?? []).filter((a) =>
    a === 'submit'
      ? can(me, 'report.submit')
      : a === 'reopen'
        ? can(me, 'report.reopen')
        : can(me, 'report.review'),
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const applyDetail = (d: ReportDetail) => {
    const key = reportQuery(orgId, year, period).queryKey;
    // A background refetch still in flight holds the report as it was before this change.
    void queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData(key, d);
    void queryClient.invalidateQueries({ queryKey: [...orgKey(orgId), 'reports'] });
    void queryClient.invalidateQueries({ queryKey: ['reports'] });
    const next = reportFormValues(d.figures);
    setLoaded(d);
    setVersion(d.version);
    form.setFieldsValue(next);
    setValues(next);
  };

  const showFieldErrors = (err: unknown) => {
    if (!(err instanceof ApiError) || !err.problem.errors?.length) return false;
    const byField = err.problem.errors
      .map((e) => ({ name: e.path.split('.').pop() ?? '', message: e.message }))
      .filter((e) => FIELD_KEYS.includes(e.name));
    form.setFields(byField.map((e) => ({ name: e.name, errors: [e.message] })));
    if (byField[0]) form.scrollToField(byField[0].name, { block: 'center' });
    return byField.length > 0;
  };

  const onConflict = (err: unknown): boolean => {
    if (!(err instanceof ApiError) || err.code !== 'report.version_conflict') return false;
    const theirs = (err.problem.current as { version?: number } | undefined)?.version;
    modal.confirm({
      title: t('report.conflictTitle'),
      content: t('report.conflictBody'),
      okText: t('report.conflictReload'),
      cancelText: t('report.conflictKeep'),
      onOk: async () => {
        const fresh = await queryClient.fetchQuery({ ...reportQuery(orgId, year, period), staleTime: 0 });
        applyDetail(fresh);
      },
      onCancel: () => {
        if (theirs) setVersion(theirs);
      },
    });
    return true;
  };

  const save = useMutation({
    mutationFn: async () => {
      await form.validateFields();
      const keys = loaded ? changedFigureKeys(base, current) : FIELD_KEYS.filter((k) => current[k] !== null);
      const figures = Object.fromEntries(keys.map((k) => [k, current[k]]));
      return saveReport(orgId, year, period, figures, loaded ? version : undefined);
    },
    onSuccess: (d) => {
      applyDetail(d);
      message.success(t('report.saved'));
    },
    onError: (err) => {
      if (onConflict(err) || showFieldErrors(err)) return;
      if (err instanceof ApiError) message.error(errorMessage(err));
    },
  });

  const [acting, setActing] = useState<ReportAction | null>(null);
  const transition = async (body: TransitionBody) => {
    setActing(body.action);
    try {
      if (body.action === 'submit' && (dirty || !loaded)) {
        // A failed save has already shown its errors.
        const saved = await save.mutateAsync().catch(() => null);
        if (!saved) return;
      }
      const d = await transitionReport(orgId, year, period, body);
      applyDetail(d);
      message.success(t(`report.done.${body.action}`));
    } catch (err) {
      if (!showFieldErrors(err) && err instanceof ApiError) message.error(errorMessage(err));
      throw err;
    } finally {
      setActing(null);
    }
  };

  // Warnings follow the figures as they are typed; a locked report shows what the server found.
  const missing = editable ? missingRequiredFigures(kind, current) : (loaded?.missing ?? []);
  const founding = foundingYearWarning(year, foundedOn);
  const warnings = editable
    ? [...(founding ? [founding] : []), ...legalMinimumWarnings(kind, current)]
    : (loaded?.warnings ?? []);
  const fieldComments =
    status === 'returned' || status === 'submitted' ? latestReturnComments(loaded?.comments ?? []) : {};
  const flagged = Object.fromEntries(
    (loaded?.flags ?? [])
      .filter((f) => f.status === 'open' && f.field)
      .map((f) => [f.field as string, f.message]),
  );
  const lockedNotice =
    !editable && ownOrg
      ? t(status === 'approved' ? 'report.lockedApproved' : 'report.lockedSubmitted')
      : null;
  const goTo = (y: number, p: ReportPeriod) =>
    void navigate({
      to: '/organisations/$id/reports/$year',
      params: { id: String(orgId), year: String(y) },
      search: p === 'h1' ? { period: p } : {},
    });

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          ...(ownOrg
            ? []
            : [{ key: 'list', title: <Link to="/organisations">{t('nav.organisations')}</Link> }]),
          {
            key: 'org',
            title: (
              <Link to="/organisations/$id" params={{ id: String(orgId) }} search={{ tab: 'reports' }}>
                {orgName}
              </Link>
            ),
          },
          { key: 'year', title: t('report.crumb', { year }) },
        ]}
      />
      <PageHeader
        title={t(period === 'h1' ? 'report.titleH1' : 'report.title', { year, name: orgName })}
        extra={
          <ReportActions
            canSave={canSave}
            actions={loaded ? actions : []}
            saving={save.isPending && acting === null}
            acting={acting}
            year={year}
            onSave={() => save.mutate()}
            onTransition={transition}
          />
        }
      />
      <ReportStatusBar
        report={loaded}
        dirty={dirty}
        period={period}
        year={year}
        onPeriod={(p) => goTo(year, p)}
        onYear={(y) => goTo(y, period)}
      />
      <ReportNotices
        isNew={!loaded}
        period={period}
        year={year}
        canSave={canSave}
        locked={lockedNotice}
        warnings={warnings}
        missing={editable ? missing : []}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={15}>
          <ReportForm
            form={form}
            initialValues={initial}
            readOnly={!canSave}
            current={current}
            previous={previous?.figures ?? null}
            previousYear={year - 1}
            fieldComments={fieldComments}
            flagged={flagged}
            onChange={() => setValues(form.getFieldsValue(true))}
          />
        </Col>
        <Col xs={24} xxl={9}>
          {loaded ? (
            <ReportTrail report={loaded} orgId={orgId} />
          ) : (
            <Card size="small" title={t('reportTrail.title')}>
              <Typography.Text type="secondary">{t('reportTrail.afterSave')}</Typography.Text>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
