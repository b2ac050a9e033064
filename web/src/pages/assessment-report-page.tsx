/** /assessments/report: bands of a unit's cooperatives in a year, why some are not classified, movement, the list. */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { UnitReport, UnitReportRow } from '../api/assessment-types';
import { exportUnitReport, unitReportQuery } from '../api/assessments';
import { errorMessage } from '../api/client';
import { Metric } from '../components/assessment-metric';
import { AssessmentSectionNav } from '../components/assessment-section-nav';
import { AssessmentStatusTag, BandTag } from '../components/assessment-tags';
import { ErrorAlert } from '../components/error-alert';
import { Forbidden } from '../components/forbidden';
import { MovementMatrix } from '../components/movement-matrix';
import { PageHeader } from '../components/page-header';
import { UnitYearBar } from '../components/unit-year-bar';
import { can, useCurrentUser } from '../current-user';
import { defaultAssessmentYear } from '../lib/assessment-search';

const route = getRouteApi('/_app/assessments/report');
const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v, 1)} %`);
const score = (v: number | null) => (v === null ? '—' : formatNumber(v, 2));

/** Unit picker (current or pre-2025 units) and year; counts, shares, reasons, movement and the list. */
export function AssessmentReportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/assessments/report' });
  const unitId = search.unitId ?? (search.era ? null : me.scope.unitId);
  const year = search.year ?? defaultAssessmentYear();
  const allowed = can(me, 'assessment.read') && me.scope.type !== 'organisation';
  const report = useQuery({ ...unitReportQuery(unitId ?? 0, year), enabled: allowed && !!unitId });
  const [band, setBand] = useState<string | null>(null);
  const exporting = useMutation({
    mutationFn: () => exportUnitReport(unitId as number, year),
    onSuccess: (name) => message.success(t('assessment.report.exported', { name })),
    onError: (err) => message.error(errorMessage(err)),
  });
  if (!allowed) return <Forbidden />;
  const d = report.data;

  return (
    <>
      <PageHeader title={t('assessment.title')} />
      <AssessmentSectionNav />
      <UnitYearBar
        unitId={unitId}
        year={year}
        era={search.era}
        onChange={(next) => void navigate({ search: (p) => ({ ...p, ...next }) })}
        extra={
          <Button
            icon={<DownloadOutlined />}
            disabled={!unitId}
            loading={exporting.isPending}
            onClick={() => exporting.mutate()}
            data-testid="report-export"
          >
            {t('assessment.report.export')}
          </Button>
        }
      />
      <ErrorAlert error={report.error} />
      {!unitId && <Empty description={t('assessment.pickUnit')} />}
      {d?.approximate && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('assessment.approximate')} />
      )}
      {d && <ReportBody d={d} band={band} setBand={setBand} />}
    </>
  );
}

function ReportBody({
  d,
  band,
  setBand,
}: {
  d: UnitReport;
  band: string | null;
  setBand: (b: string | null) => void;
}) {
  const { t } = useTranslation();
  const list = d.list.filter((r) => !band || (band === 'none' ? !r.band : r.band === band));
  const columns: TableColumnsType<UnitReportRow> = [
    {
      title: t('assessment.organisation'),
      key: 'name',
      ellipsis: true,
      render: (_: unknown, r) => (
        <Link
          to="/organisations/$id/assessments/$year"
          params={{ id: String(r.organisationId), year: String(d.year) }}
          title={r.name}
        >
          {r.name}
        </Link>
      ),
    },
    { title: t('assessment.commune'), dataIndex: 'communeName', width: 160, ellipsis: true },
    { title: t('assessment.selfTotal'), dataIndex: 'selfTotal', width: 100, align: 'right', render: score },
    { title: t('assessment.finalTotal'), dataIndex: 'total', width: 100, align: 'right', render: score },
    {
      title: t('assessment.bandTitle'),
      key: 'band',
      width: 230,
      render: (_: unknown, r) =>
        r.band ? (
          <BandTag band={r.band} />
        ) : r.notClassifiedLabel ? (
          <Typography.Text type="secondary">
            {t(`assessment.reason.${r.notClassifiedReason}`, { defaultValue: r.notClassifiedLabel })}
          </Typography.Text>
        ) : (
          <AssessmentStatusTag status={r.status} label={r.statusLabel} />
        ),
    },
    {
      title: t('assessment.report.previous', { year: d.year - 1 }),
      dataIndex: 'previousBand',
      width: 110,
      render: (b: string | null) => <BandTag band={b} />,
    },
  ];

  return (
    <>
      <Typography.Title level={5} data-testid="report-title">
        {t('assessment.report.title', { unit: d.unit.name, year: d.year })}
      </Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Metric title={t('assessment.report.assessed')} value={formatNumber(d.assessed)} />
        </Col>
        <Col xs={12} md={6}>
          <Metric title={t('assessment.report.classified')} value={formatNumber(d.classified)} />
        </Col>
        <Col xs={12} md={6}>
          <Metric title={t('assessment.report.inProgress')} value={formatNumber(d.inProgress)} />
        </Col>
        <Col xs={12} md={6}>
          <Metric title={t('assessment.report.goodOrFair')} value={pct(d.shareGoodOrFairPct)} />
        </Col>
      </Row>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('assessment.report.byBand')} style={{ height: '100%' }}>
            <Table
              size="small"
              pagination={false}
              rowKey="band"
              data-testid="report-bands"
              dataSource={d.bands}
              columns={[
                {
                  title: t('assessment.bandTitle'),
                  dataIndex: 'band',
                  render: (b: string) => <BandTag band={b} />,
                },
                {
                  title: t('assessment.report.count'),
                  dataIndex: 'count',
                  align: 'right',
                  render: (n: number) => formatNumber(n),
                },
                { title: t('assessment.report.share'), dataIndex: 'sharePct', align: 'right', render: pct },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            size="small"
            title={t('assessment.report.notClassified', { count: d.notClassifiedTotal })}
            style={{ height: '100%' }}
          >
            <Table
              size="small"
              pagination={false}
              rowKey="reason"
              data-testid="report-not-classified"
              dataSource={d.notClassified}
              columns={[
                {
                  title: t('assessment.report.reason'),
                  key: 'label',
                  render: (_: unknown, x: { reason: string; label: string }) =>
                    t(`assessment.reason.${x.reason}`, { defaultValue: x.label }),
                },
                {
                  title: t('assessment.report.count'),
                  dataIndex: 'count',
                  align: 'right',
                  width: 90,
                  render: (n: number) => formatNumber(n),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('assessment.report.movement')} style={{ height: '100%' }}>
            <MovementMatrix movement={d.movement} year={d.year} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('assessment.report.list', { count: d.list.length })}>
        <Select
          allowClear
          placeholder={t('assessment.report.allBands')}
          style={{ width: 220, marginBottom: 12 }}
          value={band}
          onChange={(v) => setBand(v ?? null)}
          options={[
            ...d.bands.map((b) => ({ value: b.band, label: b.label })),
            { value: 'none', label: t('assessment.report.noBand') },
          ]}
          data-testid="report-band-filter"
        />
        <Table<UnitReportRow>
          size="small"
          rowKey="organisationId"
          data-testid="report-list"
          columns={columns}
          dataSource={list}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        />
      </Card>
    </>
  );
}
