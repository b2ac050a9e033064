/** The steps of the Excel import wizard: kind and template, upload, dry-run results, done. */
import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Radio,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Typography,
  Upload,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import { errorMessage } from '../api/client';
import { downloadTemplate } from '../api/registry-io';
import type { ImportCommit, ImportKind } from '../api/registry-types';
import { ErrorAlert } from './error-alert';

export { ImportResults } from './import-results';

const KINDS: ImportKind[] = ['organisations', 'annual_reports', 'members'];
/** Largest upload the server takes (server/modules/registry-io/zip-guard.ts, checked there too). */
const MAX_MB = 20;

/** Step 1: what to import, and its template. */
export function ImportKindStep({
  kind,
  onKind,
  onNext,
}: {
  kind: ImportKind;
  onKind: (k: ImportKind) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const template = useMutation({
    mutationFn: () => downloadTemplate(kind),
    onSuccess: (name) => message.success(t('import.templateDownloaded', { name })),
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Card size="small">
      <Typography.Paragraph strong>{t('import.chooseKind')}</Typography.Paragraph>
      <Radio.Group
        value={kind}
        onChange={(e) => onKind(e.target.value)}
        data-testid="import-kind"
        style={{ width: '100%' }}
      >
        <Row gutter={[12, 12]}>
          {KINDS.map((k) => (
            <Col key={k} xs={24} md={8}>
              <Card
                size="small"
                hoverable
                onClick={() => onKind(k)}
                style={{ height: '100%', borderColor: kind === k ? '#1d4f91' : undefined }}
              >
                <Radio value={k} data-testid={`import-kind-${k}`}>
                  <Typography.Text strong>{t(`import.kind.${k}`)}</Typography.Text>
                </Radio>
                <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0 24px' }}>
                  {t(`import.kindHint.${k}`)}
                </Typography.Paragraph>
              </Card>
            </Col>
          ))}
        </Row>
      </Radio.Group>
      <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('import.templateHint')} />
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button
          icon={<DownloadOutlined />}
          loading={template.isPending}
          onClick={() => template.mutate()}
          data-testid="import-template"
        >
          {t('import.downloadTemplate')}
        </Button>
        <Button type="primary" onClick={onNext} data-testid="import-next">
          {t('import.next')}
        </Button>
      </Flex>
    </Card>
  );
}

/** Step 2: drop the .xlsx; the file goes to the dry run, never to antd's own upload action. */
export function ImportUploadStep(props: {
  kind: ImportKind;
  uploading: boolean;
  error: unknown;
  onFile: (f: File) => void;
  onBack: () => void;
}) {
  const { kind, uploading, error, onFile, onBack } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Card size="small">
      <Typography.Paragraph>
        {t('import.uploadFor')} <Typography.Text strong>{t(`import.kind.${kind}`)}</Typography.Text>
      </Typography.Paragraph>
      <ErrorAlert error={error} testId="import-error" />
      <Spin spinning={uploading} description={t('import.checking')}>
        <div data-testid="import-upload">
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              if (!/\.xlsx$/i.test(file.name)) {
                message.error(t('import.onlyXlsx'));
              } else if (file.size > MAX_MB * 1024 * 1024) {
                message.error(t('import.tooLarge', { mb: MAX_MB }));
              } else {
                onFile(file);
              }
              // Never let antd post the file itself: the dry run is our own request.
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.dropHere')}</p>
            <p className="ant-upload-hint">{t('import.dropHint', { mb: MAX_MB })}</p>
          </Upload.Dragger>
        </div>
      </Spin>
      <Flex justify="space-between" style={{ marginTop: 16 }}>
        <Button onClick={onBack}>{t('import.back')}</Button>
        <Typography.Text type="secondary">{t('import.nothingWritten')}</Typography.Text>
      </Flex>
    </Card>
  );
}

/** Step 4: what was written. */
export function ImportDone({
  kind,
  result,
  onAgain,
  onList,
}: {
  kind: ImportKind;
  result: ImportCommit;
  onAgain: () => void;
  onList: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="import-done">
      <Result
        status="success"
        icon={<FileExcelOutlined style={{ color: '#389e0d' }} />}
        title={t('import.doneTitle')}
        subTitle={`${t(`import.kind.${kind}`)}: ${t(result.mode === 'all' ? 'import.doneAll' : 'import.doneValid')}`}
        extra={
          <Space>
            <Button onClick={onAgain}>{t('import.again')}</Button>
            <Button type="primary" onClick={onList}>
              {t('import.toList')}
            </Button>
          </Space>
        }
      />
      <Row gutter={16} justify="center">
        {(
          [
            ['inserted', result.inserted],
            ['updated', result.updated],
            ['unchanged', result.unchanged],
            ['rejected', result.rejected],
          ] as const
        ).map(([k, v]) => (
          <Col key={k} xs={12} md={5}>
            <Statistic title={t(`import.result.${k}`)} value={v} formatter={(n) => formatNumber(Number(n))} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
