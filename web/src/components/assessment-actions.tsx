/** Save, PDF and the workflow buttons of an assessment; steps that need words ask for them in a modal. */
import { ExclamationCircleOutlined, FilePdfOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, type ButtonProps, Checkbox, Form, Input, Modal, Popover, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A workflow step the page performs. */
export type StepAction = 'submit' | 'accept' | 'return' | 'confirm' | 'publish' | 'reopen';

/** What a step's modal collected. */
export interface StepInput {
  comment?: string;
  sanctioned?: boolean;
}

const ORDER: StepAction[] = ['submit', 'accept', 'confirm', 'publish', 'return', 'reopen'];
const NEEDS_COMMENT: StepAction[] = ['return', 'reopen'];
const ASKS: StepAction[] = ['accept', 'return', 'confirm', 'reopen', 'publish'];

/**
 * Buttons of the allowed actions; `submitBlocked` lists why submitting is not possible yet, beside the disabled
 * Submit button (opening the list calls `onShowBlocked`, which flags the empty fields too).
 */
export function AssessmentActions(props: {
  actions: StepAction[];
  canSave: boolean;
  dirty: boolean;
  busy: string | null;
  submitBlocked: string[] | null;
  onShowBlocked: () => void;
  onSave: () => void;
  onPdf: () => void;
  onStep: (action: StepAction, input: StepInput) => Promise<unknown>;
}) {
  const { actions, canSave, dirty, busy, submitBlocked, onShowBlocked, onSave, onPdf, onStep } = props;
  const { t } = useTranslation();
  const [asking, setAsking] = useState<StepAction | null>(null);
  const [form] = Form.useForm<StepInput>();

  const run = async () => {
    if (!asking) return;
    const v = await form.validateFields();
    await onStep(asking, v);
    setAsking(null);
  };

  return (
    <Space wrap>
      <Button
        icon={<FilePdfOutlined />}
        onClick={onPdf}
        loading={busy === 'pdf'}
        data-testid="assessment-pdf"
      >
        {t('assessment.form.pdf')}
      </Button>
      {canSave && (
        <Button
          icon={<SaveOutlined />}
          onClick={onSave}
          loading={busy === 'save'}
          disabled={!dirty}
          data-testid="assessment-save"
        >
          {t('common.save')}
        </Button>
      )}
      {ORDER.filter((a) => actions.includes(a)).map((a) => {
        const blocked = a === 'submit' ? submitBlocked : null;
        return (
          <Space.Compact key={a}>
            <Button
              type={a === 'return' || a === 'reopen' ? 'default' : 'primary'}
              danger={a === 'return' || a === 'reopen'}
              disabled={!!blocked}
              loading={busy === a}
              onClick={() => {
                if (!ASKS.includes(a)) return void onStep(a, {}).catch(() => undefined);
                form.resetFields();
                setAsking(a);
              }}
              data-testid={`assessment-${a}`}
            >
              {t(`assessment.actions.${a}`)}
            </Button>
            {blocked && (
              <Popover
                trigger="click"
                placement="bottomRight"
                title={t('assessment.form.cannotSubmit', { count: blocked.length })}
                onOpenChange={(open) => open && onShowBlocked()}
                content={
                  <ul
                    style={{
                      margin: 0,
                      paddingInlineStart: 18,
                      maxWidth: 420,
                      maxHeight: 320,
                      overflow: 'auto',
                    }}
                    data-testid="submit-reasons-list"
                  >
                    {blocked.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                }
              >
                <Button danger icon={<ExclamationCircleOutlined />} data-testid="submit-reasons">
                  {t('assessment.form.reasons', { count: blocked.length })}
                </Button>
              </Popover>
            )}
          </Space.Compact>
        );
      })}
      <Modal
        open={asking !== null}
        title={asking ? t(`assessment.actions.${asking}Title`) : ''}
        okText={asking ? t(`assessment.actions.${asking}`) : ''}
        cancelText={t('common.cancel')}
        okButtonProps={
          { danger: asking === 'return' || asking === 'reopen', 'data-testid': 'step-ok' } as ButtonProps
        }
        confirmLoading={busy !== null}
        onOk={() => void run().catch(() => undefined)}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {asking && <p style={{ marginTop: 0 }}>{t(`assessment.actions.${asking}Hint`)}</p>}
          {asking !== 'publish' && (
            <Form.Item
              name="comment"
              label={t(
                asking && NEEDS_COMMENT.includes(asking)
                  ? 'assessment.actions.reason'
                  : 'assessment.actions.comment',
              )}
              rules={
                asking && NEEDS_COMMENT.includes(asking)
                  ? [{ required: true, whitespace: true, message: t('assessment.actions.reasonRequired') }]
                  : []
              }
            >
              <Input.TextArea rows={3} maxLength={4000} data-testid="step-comment" />
            </Form.Item>
          )}
          {asking === 'confirm' && (
            <Form.Item name="sanctioned" valuePropName="checked">
              <Checkbox data-testid="step-sanctioned">{t('assessment.actions.sanctioned')}</Checkbox>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
