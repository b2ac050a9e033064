/** What a 409 version conflict shows: the fields someone else changed, their value now and the user's. */
import { Alert, Button, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../api/registry-types';
import type { OrgField } from '../lib/org-form';
import { OrgValue } from './org-value';

/** The conflict as the server reports it (problem extras of organisation.version_conflict). */
export interface VersionConflict {
  current: Organisation;
  changedFields: string[];
}

/** Props: the conflict, the user's values, and the two ways out. Nothing is ever overwritten silently. */
export interface VersionConflictModalProps {
  conflict: VersionConflict | null;
  mine: Record<string, unknown>;
  /** The fields the user changed; the others show "not changed by you". */
  touched: string[];
  onReload: () => void;
  onKeepEditing: () => void;
}

/** Modal listing the other user's changes; "Tải lại" takes theirs, "Tiếp tục sửa" keeps the user's edits. */
export function VersionConflictModal({
  conflict,
  mine,
  touched,
  onReload,
  onKeepEditing,
}: VersionConflictModalProps) {
  const { t } = useTranslation();
  const fields = (conflict?.changedFields ?? []).filter((f) => f in (conflict?.current ?? {}));
  const rows = fields.map((f) => ({ field: f as OrgField }));
  const theirs = (conflict?.current ?? {}) as Record<string, unknown>;
  return (
    <Modal
      open={!!conflict}
      width={760}
      title={t('orgForm.conflictTitle')}
      onCancel={onKeepEditing}
      data-testid="org-conflict"
      footer={[
        <Button key="keep" onClick={onKeepEditing} data-testid="org-conflict-keep">
          {t('orgForm.conflictKeep')}
        </Button>,
        <Button key="reload" type="primary" onClick={onReload} data-testid="org-conflict-reload">
          {t('orgForm.conflictReload')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('orgForm.conflictBody')}</Typography.Paragraph>
      {rows.length > 0 ? (
        <Table
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('orgForm.conflictField'),
              key: 'f',
              render: (_: unknown, r) => t(`orgField.${r.field}`),
            },
            {
              title: t('orgForm.conflictTheirs'),
              key: 'theirs',
              render: (_: unknown, r) => <OrgValue field={r.field} value={theirs[r.field]} />,
            },
            {
              title: t('orgForm.conflictMine'),
              key: 'mine',
              render: (_: unknown, r) =>
                touched.includes(r.field) ? (
                  <OrgValue field={r.field} value={mine[r.field]} />
                ) : (
                  <Typography.Text type="secondary">{t('orgForm.conflictUntouched')}</Typography.Text>
                ),
            },
          ]}
        />
      ) : (
        <Alert type="info" showIcon title={t('orgForm.conflictNoFields')} />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('orgForm.conflictHint')}
      </Typography.Paragraph>
    </Modal>
  );
}
