/** Workflow buttons of a report by permission and status, with the return / approve / reopen dialogs. */
import {
  CheckOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_FIELDS } from '../../../core/registry/report-fields';
import type { ReportAction } from '../api/registry-types';
import type { TransitionBody } from '../api/reports';
import { useCoded } from '../lib/coded';
import { REPORT_GROUPS } from '../lib/report-form';

/** What the buttons may do, decided by the page from permissions and the report. */
export interface ReportActionsProps {
  canSave: boolean;
  actions: ReportAction[];
  saving: boolean;
  acting: ReportAction | null;
  year: number;
  onSave: () => void;
  onTransition: (body: TransitionBody) => Promise<unknown>;
}

interface ReturnValues {
  comment: string;
  fields?: { field?: string; text?: string }[];
}

/** "Lưu nháp", "Gửi báo cáo", "Trả lại", "Duyệt", "Mở lại" — only those that apply. */
export function ReportActions({
  canSave,
  actions,
  saving,
  acting,
  year,
  onSave,
  onTransition,
}: ReportActionsProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { lang } = useCoded();
  const [dialog, setDialog] = useState<'return' | 'reopen' | 'approve' | null>(null);
  const [form] = Form.useForm();
  const close = () => {
    setDialog(null);
    form.resetFields();
  };
  const fieldOptions = REPORT_GROUPS.map((g) => ({
    label: t(`reportGroup.${g}`),
    options: REPORT_FIELDS.filter((f) => f.group === g).map((f) => ({ value: f.key, label: f[lang] })),
  }));

  const submit = () =>
    modal.confirm({
      title: t('report.submitConfirmTitle', { year }),
      content: t('report.submitConfirmBody'),
      okText: t('report.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'report-submit-ok' } as never,
      onOk: () => onTransition({ action: 'submit' }).catch(() => undefined),
    });

  const onDialogOk = async () => {
    const v = await form.validateFields();
    if (dialog === 'return') {
      const rv = v as ReturnValues;
      const fieldComments = Object.fromEntries(
        (rv.fields ?? [])
          .filter((x) => x.field && x.text?.trim())
          .map((x) => [x.field as string, (x.text as string).trim()]),
      );
      await onTransition({
        action: 'return',
        comment: rv.comment.trim(),
        ...(Object.keys(fieldComments).length ? { fieldComments } : {}),
      });
    } else if (dialog === 'reopen') {
      await onTransition({ action: 'reopen', reason: String(v.reason).trim() });
    } else if (dialog === 'approve') {
      await onTransition({ action: 'approve', ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) });
    }
    close();
  };

  return (
    <>
      <Space wrap>
        {canSave && (
          <Button icon={<SaveOutlined />} loading={saving} onClick={onSave} data-testid="report-save">
            {t('report.save')}
          </Button>
        )}
        {actions.includes('submit') && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={acting === 'submit'}
            onClick={submit}
            data-testid="report-submit"
          >
            {t('report.submit')}
          </Button>
        )}
        {actions.includes('return') && (
          <Button
            danger
            icon={<RollbackOutlined />}
            loading={acting === 'return'}
            onClick={() => setDialog('return')}
            data-testid="report-return"
          >
            {t('report.return')}
          </Button>
        )}
        {actions.includes('approve') && (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={acting === 'approve'}
            onClick={() => setDialog('approve')}
            data-testid="report-approve"
          >
            {t('report.approve')}
          </Button>
        )}
        {actions.includes('reopen') && (
          <Button
            icon={<UnlockOutlined />}
            loading={acting === 'reopen'}
            onClick={() => setDialog('reopen')}
            data-testid="report-reopen"
          >
            {t('report.reopen')}
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        width={dialog === 'return' ? 720 : 520}
        title={dialog ? t(`report.${dialog}Title`, { year }) : ''}
        okText={dialog ? t(`report.${dialog}`) : ''}
        cancelText={t('common.cancel')}
        okButtonProps={
          {
            danger: dialog === 'return',
            loading: acting !== null,
            'data-testid': `report-${dialog}-ok`,
          } as never
        }
        onOk={() => void onDialogOk().catch(() => undefined)}
        onCancel={close}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'return' && (
            <>
              <Form.Item
                name="comment"
                label={t('report.returnComment')}
                rules={[{ required: true, whitespace: true, message: t('report.returnCommentRequired') }]}
              >
                <Input.TextArea rows={3} maxLength={4000} data-testid="report-return-comment" />
              </Form.Item>
              <Typography.Text strong>{t('report.fieldComments')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('report.fieldCommentsHint')}
              </Typography.Paragraph>
              <Form.List name="fields">
                {(items, { add, remove }) => (
                  <>
                    {items.map(({ key, name }) => (
                      <Space key={key} align="start" style={{ display: 'flex', marginBottom: 4 }}>
                        <Form.Item name={[name, 'field']} style={{ width: 260, marginBottom: 8 }}>
                          <Select
                            showSearch={{ optionFilterProp: 'label' }}
                            options={fieldOptions}
                            placeholder={t('report.pickField')}
                            data-testid="report-return-field"
                            popupMatchSelectWidth={false}
                          />
                        </Form.Item>
                        <Form.Item name={[name, 'text']} style={{ width: 360, marginBottom: 8 }}>
                          <Input.TextArea
                            autoSize={{ minRows: 1, maxRows: 3 }}
                            maxLength={2000}
                            placeholder={t('report.fieldCommentPlaceholder')}
                            data-testid="report-return-field-comment"
                          />
                        </Form.Item>
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          onClick={() => remove(name)}
                          aria-label={t('common.remove')}
                        />
                      </Space>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add()}
                      data-testid="report-return-add-field"
                    >
                      {t('report.addFieldComment')}
                    </Button>
                  </>
                )}
              </Form.List>
            </>
          )}
          {dialog === 'approve' && (
            <>
              <Typography.Paragraph>{t('report.approveBody')}</Typography.Paragraph>
              <Form.Item name="comment" label={t('report.commentOptional')}>
                <Input.TextArea rows={2} maxLength={4000} />
              </Form.Item>
            </>
          )}
          {dialog === 'reopen' && (
            <>
              <Typography.Paragraph>{t('report.reopenBody')}</Typography.Paragraph>
              <Form.Item
                name="reason"
                label={t('report.reopenReason')}
                rules={[{ required: true, whitespace: true, message: t('report.reopenReasonRequired') }]}
              >
                <Input.TextArea rows={3} maxLength={4000} data-testid="report-reopen-reason" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
