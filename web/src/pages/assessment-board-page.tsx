/** /assessments/board: who submitted on time or late, what was returned or confirmed, per unit and year. */
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, Card, Col, Empty, Row, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../core/format';
import type { BoardItem } from '../api/assessment-types';
import { boardQuery } from '../api/assessments';
import { Metric } from '../components/assessment-metric';
import { AssessmentSectionNav } from '../components/assessment-section-nav';
import { AssessmentStatusTag } from '../components/assessment-tags';
import { ErrorAlert } from '../components/error-alert';
import { Forbidden } from '../components/forbidden';
import { PageHeader } from '../components/page-header';
import { UnitYearBar } from '../components/unit-year-bar';
import { can, useCurrentUser } from '../current-user';
import { defaultAssessmentYear } from '../lib/assessment-search';

const route = getRouteApi('/_app/assessments/board');
const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v, 1)} %`);

/** Totals, then one row per organisation with a link to its assessment; filter by state. */
export function AssessmentBoardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/assessments/board' });
  const unitId = search.unitId ?? (search.era ? null : me.scope.unitId);
  const year = search.year ?? defaultAssessmentYear();
  const allowed = can(me, 'assessment.read') && me.scope.type !== 'organisation';
  const board = useQuery({ ...boardQuery(unitId ?? 0, year), enabled: allowed && !!unitId });
  const [state, setState] = useState<string | null>(null);
  if (!allowed) return <Forbidden />;
  const d = board.data;
  const items = (d?.items ?? []).filter((i) => !state || i.state === state);
  const states = [...new Map((d?.items ?? []).map((i) => [i.state, i.stateLabel])).entries()];

  const columns: TableColumnsType<BoardItem> = [
    {
      title: t('assessment.organisation'),
      key: 'name',
      ellipsis: true,
      render: (_: unknown, r) => (
        <Link
          to="/organisations/$id/assessments/$year"
          params={{ id: String(r.organisationId), year: String(year) }}
          title={r.name}
          data-testid="board-open"
        >
          {r.name}
        </Link>
      ),
    },
    { title: t('assessment.commune'), dataIndex: 'communeName', width: 160, ellipsis: true },
    {
      title: t('assessment.board.state'),
      key: 'state',
      width: 230,
      render: (_: unknown, r) => (
        <AssessmentStatusTag
          status={r.state}
          reason={r.notClassifiedReason}
          label={r.notClassifiedLabel ?? r.stateLabel}
        />
      ),
    },
    {
      title: t('assessment.board.submittedAt'),
      dataIndex: 'submittedAt',
      width: 140,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('assessment.board.timeliness'),
      key: 'onTime',
      width: 140,
      render: (_: unknown, r) =>
        r.onTime === true ? (
          <Tag color="green">{t('assessment.board.onTime')}</Tag>
        ) : r.onTime === false ? (
          <Tag color="orange">{t('assessment.board.late')}</Tag>
        ) : r.overdue ? (
          <Tag color="red">{t('assessment.board.overdue')}</Tag>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('assessment.title')} />
      <AssessmentSectionNav />
      <UnitYearBar
        unitId={unitId}
        year={year}
        era={search.era}
        onChange={(next) => void navigate({ search: (p) => ({ ...p, ...next }) })}
      />
      <ErrorAlert error={board.error} />
      {!unitId && <Empty description={t('assessment.pickUnit')} />}
      {d?.approximate && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('assessment.approximate')} />
      )}
      {d && (
        <>
          <Typography.Title level={5} data-testid="board-title">
            {t('assessment.board.title', { unit: d.unit.name, year: d.year })}
          </Typography.Title>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {(
              [
                ['expected', d.totals.expected],
                ['submitted', d.totals.submitted],
                ['onTime', d.totals.onTime],
                ['late', d.totals.late],
                ['notSubmitted', d.totals.notSubmitted],
                ['returned', d.totals.returned],
                ['awaitingReview', d.totals.awaitingReview],
                ['confirmed', d.totals.confirmed],
                ['excluded', d.totals.excluded],
              ] as const
            ).map(([k, v]) => (
              <Col key={k} xs={12} sm={8} lg={6} xl={4}>
                <Metric title={t(`assessment.board.${k}`)} value={formatNumber(v)} testId={`board-${k}`} />
              </Col>
            ))}
            <Col xs={12} sm={8} lg={6} xl={4}>
              <Metric title={t('assessment.board.completeness')} value={pct(d.totals.completenessPct)} />
            </Col>
            <Col xs={12} sm={8} lg={6} xl={4}>
              <Metric title={t('assessment.board.timelinessPct')} value={pct(d.totals.timelinessPct)} />
            </Col>
          </Row>
          <Card size="small">
            <Select
              allowClear
              placeholder={t('assessment.board.allStates')}
              style={{ width: 280, marginBottom: 12 }}
              value={state}
              onChange={(v) => setState(v ?? null)}
              options={states.map(([value, label]) => ({
                value,
                label: t([`assessment.status.${value}`, `assessment.board.states.${value}`], {
                  defaultValue: label,
                }),
              }))}
              data-testid="board-state"
            />
            <Table<BoardItem>
              size="small"
              rowKey="organisationId"
              data-testid="board-table"
              loading={board.isFetching}
              columns={columns}
              dataSource={items}
              scroll={{ x: 900 }}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
            />
          </Card>
        </>
      )}
    </>
  );
}
