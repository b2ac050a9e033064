/** Step 3 of the import: totals, the errors by row and column, possible duplicates, and the commit buttons. */
import { CheckCircleOutlined, DownloadOutlined, FilterOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Col, Flex, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { ImportDryRun, ImportDuplicate, ImportIssue } from '../api/registry-types';

/** Props of ImportResults. */
export interface ImportResultsProps {
  dryRun: ImportDryRun;
  committing: 'all' | 'valid_only' | null;
  downloading: boolean;
  onCommit: (mode: 'all' | 'valid_only') => void;
  onDownloadRejected: () => void;
  onAnotherFile: () => void;
}

const TOTALS = [
  ['rows', undefined],
  ['valid', '#389e0d'],
  ['invalid', '#cf1322'],
  ['insert', undefined],
  ['update', undefined],
  ['unchanged', '#8c8c8c'],
] as const;

function IssueTable({ items, testId }: { items: ImportIssue[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<ImportIssue>
      size="small"
      rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
      data-testid={testId}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 80, align: 'right' },
        {
          title: t('import.column'),
          dataIndex: 'column',
          width: 240,
          render: (c: string, r) => (r.header && r.header !== c ? `${c} (${r.header})` : c),
        },
        { title: t('import.message'), dataIndex: 'message' },
      ]}
    />
  );
}

function DuplicateTable({ items }: { items: ImportDuplicate[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportDuplicate>
      size="small"
      rowKey={(_, i) => String(i)}
      data-testid="import-duplicates"
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        {
          title: t('import.dupReason'),
          dataIndex: 'reason',
          width: 200,
          render: (r: string) => <Tag color="orange">{t(`import.dup.${r}`)}</Tag>,
        },
        { title: t('import.dupValue'), dataIndex: 'value', width: 240 },
        {
          // Same name: within a commune; same representative: within a province (one rule with the entry form).
          title: t('import.dupCommune'),
          key: 'area',
          width: 180,
          render: (_: unknown, d) =>
            d.reason === 'same_representative' && d.provinceName ? d.provinceName : d.communeName,
        },
        { title: t('import.dupRows'), dataIndex: 'rows', width: 120, render: (r: number[]) => r.join(', ') },
        {
          title: t('import.dupExisting'),
          key: 'existing',
          render: (_: unknown, d) => (
            <Space orientation="vertical" size={0}>
              {d.existing.map((e) => (
                <Link key={e.id} to="/organisations/$id" params={{ id: String(e.id) }} target="_blank">
                  {e.name} <Typography.Text type="secondary">({e.regCode})</Typography.Text>
                </Link>
              ))}
              {d.existing.length === 0 && (
                <Typography.Text type="secondary">{d.regCodes.join(', ')}</Typography.Text>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** "Nhập tất cả" is refused while any row is invalid; "Chỉ nhập các dòng hợp lệ" writes the others. */
export function ImportResults(props: ImportResultsProps) {
  const { dryRun, committing, downloading, onCommit, onDownloadRejected, onAnotherFile } = props;
  const { t } = useTranslation();
  const { totals } = dryRun;
  const warnings = dryRun.warnings ?? [];
  const hasErrors = totals.invalid > 0;
  const nothingToDo = totals.valid === 0;

  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={t('import.resultsFor', { file: dryRun.fileName })}
      >
        <Row gutter={[16, 16]} data-testid="import-dryrun-totals">
          {TOTALS.map(([k, color]) => (
            <Col key={k} xs={12} sm={8} lg={4}>
              <Statistic
                title={t(`import.totals.${k}`)}
                value={totals[k]}
                formatter={(n) => formatNumber(Number(n))}
                styles={color ? { content: { color } } : undefined}
                data-testid={`import-total-${k}`}
              />
            </Col>
          ))}
        </Row>
        {dryRun.sheet && dryRun.sheet.ignoredColumns.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t('import.ignoredColumns', { columns: dryRun.sheet.ignoredColumns.join(', ') })}
          />
        )}
      </Card>
      {hasErrors ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('import.hasErrors', { count: formatNumber(totals.invalid) })}
          description={t('import.hasErrorsHint')}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          icon={<CheckCircleOutlined />}
          title={t('import.allValid')}
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Tabs
          items={[
            {
              key: 'errors',
              label: t('import.errorsTab', { count: formatNumber(dryRun.errorCount) }),
              children: (
                <>
                  {dryRun.errorCount > dryRun.errors.length && (
                    <Alert
                      type="info"
                      showIcon
                      style={{ marginBottom: 8 }}
                      title={t('import.moreErrors', {
                        shown: formatNumber(dryRun.errors.length),
                        total: formatNumber(dryRun.errorCount),
                      })}
                    />
                  )}
                  <IssueTable items={dryRun.errors} testId="import-errors" />
                </>
              ),
            },
            ...(warnings.length
              ? [
                  {
                    key: 'warnings',
                    label: t('import.warningsTab', { count: formatNumber(warnings.length) }),
                    children: <IssueTable items={warnings} testId="import-warnings" />,
                  },
                ]
              : []),
            ...(dryRun.possibleDuplicates.length
              ? [
                  {
                    key: 'dups',
                    label: t('import.duplicatesTab', {
                      count: formatNumber(dryRun.possibleDuplicates.length),
                    }),
                    children: <DuplicateTable items={dryRun.possibleDuplicates} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Flex
        gap={8}
        wrap
        justify="space-between"
        style={{
          position: 'sticky',
          bottom: 0,
          background: '#fff',
          padding: 12,
          border: '1px solid #e5e9f0',
          borderRadius: 4,
        }}
      >
        <Space wrap>
          <Button onClick={onAnotherFile}>{t('import.anotherFile')}</Button>
          {hasErrors && (
            <Button
              icon={<DownloadOutlined />}
              loading={downloading}
              onClick={onDownloadRejected}
              data-testid="import-download-rejected"
            >
              {t('import.downloadRejected')}
            </Button>
          )}
        </Space>
        <Space wrap>
          <Button
            icon={<FilterOutlined />}
            disabled={nothingToDo || committing !== null}
            loading={committing === 'valid_only'}
            onClick={() => onCommit('valid_only')}
            data-testid="import-commit-valid"
          >
            {t('import.commitValid', { count: formatNumber(totals.valid) })}
          </Button>
          <Button
            type="primary"
            disabled={hasErrors || nothingToDo || committing !== null}
            loading={committing === 'all'}
            onClick={() => onCommit('all')}
            data-testid="import-commit-all"
            title={hasErrors ? t('import.commitAllDisabled') : undefined}
          >
            {t('import.commitAll')}
          </Button>
        </Space>
      </Flex>
    </>
  );
}
