/** /assessments/import: past years' results from Excel — template, upload, dry run, then commit. */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { AssessmentImportResult } from '../api/assessment-types';
import {
  ASSESSMENT_KEY,
  downloadImportTemplate,
  runAssessmentImport,
  uploadAttachment,
} from '../api/assessments';
import { errorMessage } from '../api/client';
import { AssessmentSectionNav } from '../components/assessment-section-nav';
import { BandTag } from '../components/assessment-tags';
import { Forbidden } from '../components/forbidden';
import { PageHeader } from '../components/page-header';
import { UnitPicker } from '../components/unit-picker';
import { can, useCurrentUser } from '../current-user';

/** The three steps on one page; the file is attached to the caller's unit (a national user picks a province). */
export function AssessmentImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [unitId, setUnitId] = useState<number | null>(me.scope.unitId);
  const [file, setFile] = useState<{ id: number; name: string } | null>(null);
  const [result, setResult] = useState<AssessmentImportResult | null>(null);
  const dryRun = useMutation({
    mutationFn: async (f: File) => {
      const a = await uploadAttachment('assessment_import', String(unitId), f);
      setFile({ id: a.id, name: a.fileName });
      return runAssessmentImport(a.id, false);
    },
    onSuccess: setResult,
    onError: (err) => message.error(errorMessage(err)),
  });
  const commit = useMutation({
    mutationFn: () => runAssessmentImport(file!.id, true),
    onSuccess: (r) => {
      setResult(r);
      void queryClient.invalidateQueries({ queryKey: ASSESSMENT_KEY });
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      message.success(t('assessment.import.committed', { inserts: r.inserts, updates: r.updates }));
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  if (!can(me, 'assessment.confirm')) return <Forbidden />;
  const step = result?.committed ? 2 : result ? 1 : 0;

  return (
    <>
      <PageHeader title={t('assessment.title')} />
      <AssessmentSectionNav />
      <Card size="small">
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 16 }}
          items={[
            { title: t('assessment.import.stepUpload') },
            { title: t('assessment.import.stepCheck') },
            { title: t('assessment.import.stepCommit') },
          ]}
        />
        <Typography.Paragraph>{t('assessment.import.hint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadImportTemplate().catch((e) => message.error(errorMessage(e)))}
            data-testid="assessment-import-template"
          >
            {t('assessment.import.template')}
          </Button>
          {me.scope.type === 'nation' && (
            <UnitPicker level={1} value={unitId} onChange={(id) => setUnitId(id)} style={{ width: 320 }} />
          )}
        </Space>
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          disabled={!unitId || dryRun.isPending}
          beforeUpload={(f) => {
            setResult(null);
            dryRun.mutate(f);
            return false;
          }}
          data-testid="assessment-import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{dryRun.isPending ? t('assessment.import.checking') : t('assessment.import.drop')}</p>
        </Upload.Dragger>
        {result && (
          <div style={{ marginTop: 16 }} data-testid="assessment-import-result">
            <Alert
              type={result.rejectedRows ? 'warning' : 'success'}
              showIcon
              style={{ marginBottom: 12 }}
              title={t(result.committed ? 'assessment.import.doneSummary' : 'assessment.import.summary', {
                file: result.fileName,
                total: formatNumber(result.totalRows),
                accepted: formatNumber(result.acceptedRows),
                rejected: formatNumber(result.rejectedRows),
                inserts: formatNumber(result.inserts),
                updates: formatNumber(result.updates),
              })}
              description={
                result.ignoredColumns.length
                  ? t('assessment.import.ignored', { columns: result.ignoredColumns.join(', ') })
                  : undefined
              }
            />
            {result.rejected.length > 0 && (
              <Table
                size="small"
                rowKey="row"
                title={() => t('assessment.import.rejected')}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={result.rejected}
                columns={[
                  { title: t('assessment.import.row'), dataIndex: 'row', width: 70 },
                  { title: t('assessment.import.regCode'), dataIndex: 'regCode', width: 130 },
                  { title: t('assessment.year'), dataIndex: 'year', width: 80 },
                  {
                    title: t('assessment.import.errors'),
                    key: 'errors',
                    render: (_: unknown, r) => r.errors.map((e) => e.message).join(' '),
                  },
                ]}
              />
            )}
            {result.accepted.length > 0 && (
              <Table
                size="small"
                rowKey="row"
                title={() => t('assessment.import.accepted')}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={result.accepted}
                columns={[
                  { title: t('assessment.import.row'), dataIndex: 'row', width: 70 },
                  { title: t('assessment.import.regCode'), dataIndex: 'regCode', width: 130 },
                  { title: t('assessment.organisation'), dataIndex: 'name', ellipsis: true },
                  { title: t('assessment.year'), dataIndex: 'year', width: 80 },
                  { title: t('assessment.campaigns.rubric'), dataIndex: 'rubricCode', width: 120 },
                  { title: t('assessment.finalTotal'), dataIndex: 'total', width: 100, align: 'right' },
                  {
                    title: t('assessment.bandTitle'),
                    dataIndex: 'band',
                    width: 120,
                    render: (b: string | null) => <BandTag band={b} />,
                  },
                  {
                    title: t('assessment.import.kind'),
                    dataIndex: 'update',
                    width: 120,
                    render: (u: boolean) => t(u ? 'assessment.import.update' : 'assessment.import.insert'),
                  },
                ]}
              />
            )}
            {!result.committed && result.acceptedRows > 0 && (
              <Button
                type="primary"
                style={{ marginTop: 12 }}
                loading={commit.isPending}
                onClick={() => commit.mutate()}
                data-testid="assessment-import-commit"
              >
                {t('assessment.import.commit', { count: result.acceptedRows })}
              </Button>
            )}
          </div>
        )}
      </Card>
    </>
  );
}
