/** The line under a report's title (status, period, year) and the notices above its figures. */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../core/format';
import type { ReportDetail, ReportPeriod } from '../api/registry-types';
import { currentYearVn } from '../lib/dates';
import { ReportStatusTag } from './registry-tags';

/** Props of ReportStatusBar. */
export interface ReportStatusBarProps {
  report: ReportDetail | null;
  dirty: boolean;
  period: ReportPeriod;
  year: number;
  onPeriod: (p: ReportPeriod) => void;
  onYear: (y: number) => void;
}

/** Status tag (testid report-status), dates, "unsaved", the period switch and the previous / next year. */
export function ReportStatusBar({ report, dirty, period, year, onPeriod, onYear }: ReportStatusBarProps) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap align="center" style={{ marginTop: -8, marginBottom: 16 }}>
      <Space size={6}>
        <Typography.Text type="secondary">{t('report.status')}:</Typography.Text>
        {report ? (
          <ReportStatusTag status={report.status} testId="report-status" />
        ) : (
          <Typography.Text data-testid="report-status">{t('report.notCreated')}</Typography.Text>
        )}
      </Space>
      {report?.submittedAt && (
        <Typography.Text type="secondary">
          {t('report.submittedAt', { at: formatDateTime(report.submittedAt) })}
        </Typography.Text>
      )}
      {report?.reviewedAt && (
        <Typography.Text type="secondary">
          {t('report.reviewedAt', { at: formatDateTime(report.reviewedAt) })}
        </Typography.Text>
      )}
      {dirty && (
        <Typography.Text type="warning" data-testid="report-dirty">
          {t('report.unsaved')}
        </Typography.Text>
      )}
      <span style={{ flex: 1 }} />
      <Segmented<ReportPeriod>
        value={period}
        options={[
          { value: 'year', label: t('report.periodYear') },
          { value: 'h1', label: t('report.periodH1') },
        ]}
        onChange={onPeriod}
      />
      <Space.Compact>
        <Button icon={<LeftOutlined />} onClick={() => onYear(year - 1)} aria-label={t('report.prevYear')}>
          {year - 1}
        </Button>
        <Button
          icon={<RightOutlined />}
          iconPlacement="end"
          disabled={year >= currentYearVn()}
          onClick={() => onYear(year + 1)}
          aria-label={t('report.nextYear')}
        >
          {year + 1}
        </Button>
      </Space.Compact>
    </Flex>
  );
}

/** Props of ReportNotices. */
export interface ReportNoticesProps {
  isNew: boolean;
  period: ReportPeriod;
  year: number;
  canSave: boolean;
  locked: string | null;
  warnings: { code: string; message: string }[];
  missing: { message: string }[];
}

/** Not created yet, locked, legal-minimum warnings, and the figures still missing before submission. */
export function ReportNotices({
  isNew,
  period,
  year,
  canSave,
  locked,
  warnings,
  missing,
}: ReportNoticesProps) {
  const { t } = useTranslation();
  return (
    <>
      {isNew && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(period === 'h1' ? 'report.newNoticeH1' : 'report.newNotice', { year })}
          description={canSave ? t('report.newHint') : undefined}
        />
      )}
      {locked && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={locked} data-testid="report-locked" />
      )}
      {warnings.map((w) => (
        <Alert
          key={w.code}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={w.message}
          data-testid="report-warning"
        />
      ))}
      {missing.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('report.missingTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {missing.map((m) => (
                <li key={m.message}>{m.message}</li>
              ))}
            </ul>
          }
          data-testid="report-missing"
        />
      )}
    </>
  );
}
