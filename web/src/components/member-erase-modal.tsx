/** Erasure of a member's personal data on their request (Luật BVDLCN 91/2025/QH15): reason + confirmation. */
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eraseMember } from '../api/members';
import type { Member } from '../api/registry-types';
import { ErrorAlert } from './error-alert';

/** Props: the member to erase (null: closed); onClose(true) after an erasure. */
export interface MemberEraseModalProps {
  orgId: number;
  member: Member | null;
  onClose: (erased: boolean) => void;
}

/** The erase button stays disabled until a reason is given and the irreversibility is confirmed. */
export function MemberEraseModal({ orgId, member, onClose }: MemberEraseModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const erase = useMutation({
    mutationFn: () => eraseMember(orgId, member?.id ?? 0, reason.trim()),
    onSuccess: () => {
      message.success(t('members.erased'));
      onClose(true);
    },
  });
  return (
    <Modal
      open={!!member}
      title={t('members.eraseTitle', { name: member?.fullName ?? '' })}
      okText={t('members.eraseOk')}
      cancelText={t('common.cancel')}
      okButtonProps={
        {
          danger: true,
          disabled: !reason.trim() || !confirmed,
          loading: erase.isPending,
          'data-testid': 'member-erase-ok',
        } as never
      }
      onOk={() => erase.mutate()}
      onCancel={() => onClose(false)}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) {
          setReason('');
          setConfirmed(false);
          erase.reset();
        }
      }}
    >
      <Alert type="warning" showIcon title={t('members.eraseWarning')} style={{ marginBottom: 12 }} />
      <ErrorAlert error={erase.error} />
      <Form layout="vertical" component="div">
        <Form.Item label={t('members.eraseReason')} required>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('members.eraseReasonPlaceholder')}
            data-testid="member-erase-reason"
          />
        </Form.Item>
        <Checkbox
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
          data-testid="member-erase-confirm"
        >
          {t('members.eraseConfirm')}
        </Checkbox>
      </Form>
    </Modal>
  );
}
