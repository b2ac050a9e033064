/** Per-row actions of the user table: reset password, deactivate or activate. */
import { KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import type { User } from '../api/types';
import { resetUserPassword, setUserActive } from '../api/users';

/** Buttons behind a confirmation; the new temporary password is shown exactly once. */
export function UserRowActions({ user, isSelf }: { user: User; isSelf: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();

  const reset = useMutation({
    mutationFn: () => resetUserPassword(user.id),
    onSuccess: (password) => {
      modal.success({
        title: t('users.resetDoneTitle'),
        width: 480,
        content: (
          <>
            <Typography.Paragraph>{t('users.resetDoneBody', { name: user.fullName })}</Typography.Paragraph>
            <Typography.Paragraph copyable={{ text: password }} data-testid="temporary-password">
              <Typography.Text code strong style={{ fontSize: 16 }}>
                {password}
              </Typography.Text>
            </Typography.Paragraph>
          </>
        ),
      });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const toggle = useMutation({
    mutationFn: () => setUserActive(user.id, !user.active),
    onSuccess: async (updated) => {
      message.success(
        t(updated.active ? 'users.activated' : 'users.deactivated', { name: updated.fullName }),
      );
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  return (
    <Space size={4}>
      <Popconfirm
        title={t('users.resetPassword')}
        description={t('users.resetConfirm', { name: user.fullName })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => reset.mutateAsync().catch(() => undefined)}
      >
        <Tooltip title={t('users.resetPassword')}>
          <Button
            size="small"
            icon={<KeyOutlined />}
            loading={reset.isPending}
            aria-label={t('users.resetPassword')}
            data-testid="user-reset-password"
          />
        </Tooltip>
      </Popconfirm>
      <Popconfirm
        title={t(user.active ? 'users.deactivate' : 'users.activate')}
        description={t(user.active ? 'users.deactivateConfirm' : 'users.activateConfirm', {
          name: user.fullName,
        })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: user.active }}
        onConfirm={() => toggle.mutateAsync().catch(() => undefined)}
        disabled={isSelf}
      >
        <Button
          size="small"
          danger={user.active}
          icon={user.active ? <LockOutlined /> : <UnlockOutlined />}
          loading={toggle.isPending}
          disabled={isSelf}
          title={isSelf ? t('users.cannotDeactivateSelf') : undefined}
          data-testid={user.active ? 'user-deactivate' : 'user-activate'}
        >
          {t(user.active ? 'users.deactivate' : 'users.activate')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
