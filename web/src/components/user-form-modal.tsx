/** "Thêm người dùng" dialog. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_SCOPE, type Role } from '../../../core/permissions';
import type { User } from '../api/types';
import { createUser } from '../api/users';
import { useCurrentUser } from '../current-user';
import { applyFieldErrors, hasFieldErrors } from '../lib/form-errors';
import { generatePassword, MIN_PASSWORD_LENGTH, passwordPolicyError } from '../lib/password';
import { ErrorAlert } from './error-alert';
import { UserScopeField } from './user-scope-field';

interface UserFormValues {
  username: string;
  fullName: string;
  email?: string;
  role: Role;
  scopeUnitId?: number | null;
  password: string;
}

// Same rule as the server (it trims and lower-cases first).
const USERNAME = /^[a-z0-9._-]{3,50}$/;
const FIELDS = ['username', 'fullName', 'email', 'role', 'scopeUnitId', 'password'] as const;

/** Create-user form in a modal; roles are limited to those the signed-in user may assign. */
export function UserFormModal({ open, onClose }: { open: boolean; onClose: (created?: User) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch('role', form);
  const [showPassword, setShowPassword] = useState(false);

  const mutation = useMutation({
    mutationFn: (v: UserFormValues) => {
      const scope = ROLE_SCOPE[v.role];
      return createUser({
        username: v.username.trim().toLowerCase(),
        fullName: v.fullName.trim(),
        email: v.email?.trim() || undefined,
        role: v.role,
        scopeUnitId: scope === 'province' || scope === 'commune' ? (v.scopeUnitId ?? undefined) : undefined,
        password: v.password,
      });
    },
    onSuccess: async (user) => {
      message.success(t('users.created', { name: user.fullName }));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose(user);
    },
    onError: (err) => applyFieldErrors(form, err, FIELDS),
  });

  function onRoleChange(next: Role) {
    // A province user creating a province-level account most often means their own province.
    const ownProvince =
      ROLE_SCOPE[next] === 'province' && me.scope.type === 'province' ? me.scope.unitId : null;
    form.setFieldsValue({ scopeUnitId: ownProvince ?? undefined });
  }

  return (
    <Modal
      open={open}
      title={t('userForm.title')}
      onCancel={() => onClose()}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) return;
        form.resetFields();
        mutation.reset();
        setShowPassword(false);
      }}
      footer={[
        <Button key="cancel" onClick={() => onClose()}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={mutation.isPending}
          onClick={() => form.submit()}
          data-testid="user-form-submit"
        >
          {t('userForm.submit')}
        </Button>,
      ]}
    >
      <ErrorAlert
        error={hasFieldErrors(mutation.error, FIELDS) ? null : mutation.error}
        testId="user-form-error"
      />
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        disabled={mutation.isPending}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, whitespace: true, message: t('userForm.usernameRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || USERNAME.test(value.trim().toLowerCase())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('userForm.usernamePattern'))),
            },
          ]}
        >
          <Input autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={t('users.fullName')}
          rules={[{ required: true, whitespace: true, message: t('userForm.fullNameRequired') }]}
        >
          <Input autoComplete="off" data-testid="user-form-fullname" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('userForm.emailOptional')}
          rules={[{ type: 'email', message: t('userForm.emailInvalid') }]}
        >
          <Input type="email" autoComplete="off" data-testid="user-form-email" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('userForm.roleRequired') }]}
        >
          <Select<Role>
            data-testid="user-form-role"
            onChange={onRoleChange}
            options={me.assignableRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </Form.Item>
        <UserScopeField role={role} />
        <Form.Item
          label={t('userForm.password')}
          required
          extra={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="password"
              noStyle
              rules={[
                { required: true, message: t('userForm.passwordRequired') },
                {
                  validator: (_, value: string | undefined) => {
                    const problem = value ? passwordPolicyError(value) : null;
                    return problem
                      ? Promise.reject(new Error(t(problem, { min: MIN_PASSWORD_LENGTH })))
                      : Promise.resolve();
                  },
                },
              ]}
            >
              <Input.Password
                autoComplete="new-password"
                data-testid="user-form-password"
                visibilityToggle={{ visible: showPassword, onVisibleChange: setShowPassword }}
              />
            </Form.Item>
            <Button
              onClick={() => {
                form.setFieldsValue({ password: generatePassword() });
                void form.validateFields(['password']);
                setShowPassword(true);
              }}
              data-testid="user-form-generate"
            >
              {t('userForm.generate')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
