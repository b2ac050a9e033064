/** Evidence files of one item: a count that opens the list, and an upload while the cooperative edits. */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popover, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadAttachment, itemAttachmentsQuery, itemOwnerId, uploadAttachment } from '../api/assessments';
import { errorMessage } from '../api/client';

/** The popover loads the files only when opened (a sheet has dozens of items). */
export function AssessmentItemFiles(props: { assessmentId: number; code: string; canUpload: boolean }) {
  const { assessmentId, code, canUpload } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [uploading, setUploading] = useState(false);
  const q = itemAttachmentsQuery(assessmentId, code);
  const files = useQuery({ ...q, enabled: open });

  const content = (
    <Space direction="vertical" size={4} style={{ maxWidth: 320 }}>
      {(files.data?.items ?? []).map((f) => (
        <Typography.Link
          key={f.id}
          onClick={() => void downloadAttachment(f).catch((e) => message.error(errorMessage(e)))}
        >
          <PaperClipOutlined /> {f.fileName}
        </Typography.Link>
      ))}
      {files.data?.items.length === 0 && (
        <Typography.Text type="secondary">{t('assessment.form.noFiles')}</Typography.Text>
      )}
      {canUpload && (
        <Upload
          showUploadList={false}
          accept=".pdf,.png,.jpg,.jpeg,.xlsx,.docx"
          beforeUpload={(file) => {
            setUploading(true);
            uploadAttachment('assessment', itemOwnerId(assessmentId, code), file)
              .then(() => {
                message.success(t('assessment.form.uploaded', { name: file.name }));
                return queryClient.invalidateQueries({ queryKey: q.queryKey });
              })
              .catch((e) => message.error(errorMessage(e)))
              .finally(() => setUploading(false));
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={uploading} data-testid={`upload-${code}`}>
            {t('assessment.form.upload')}
          </Button>
        </Upload>
      )}
    </Space>
  );
  return (
    <Popover
      content={content}
      title={t('assessment.form.evidence')}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
    >
      <Button size="small" type="text" icon={<PaperClipOutlined />} data-testid={`files-${code}`}>
        {t('assessment.form.files')}
      </Button>
    </Popover>
  );
}
