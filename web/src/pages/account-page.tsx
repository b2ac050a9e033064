/** /account: own profile and password change. */
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/auth';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { useCurrentUser } from '../current-user';
import { applyFieldErrors, hasFieldErrors } from '../lib/form-errors';
import { MIN_PASSWORD_LENGTH, passwordPolicyError } from '../lib/password';

const FIELDS = ['currentPassword', 'newPassword'] as const;

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Profile facts and a change-password form whose checks mirror the server's. */
export function AccountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<PasswordValues>();
  const mutation = useMutation({
    mutationFn: (v: PasswordValues) => changePassword(v.currentPassword, v.newPassword),
    onSuccess: () => {
      form.resetFields();
      message.success(t('account.changed'));
    },
    onError: (err) => applyFieldErrors(form, err, FIELDS),
  });

  return (
    <>
      <PageHeader title={t('nav.account')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('account.profile')}>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'username', label: t('users.username'), children: me.username },
                { key: 'fullName', label: t('users.fullName'), children: me.fullName },
                { key: 'role', label: t('users.role'), children: me.roleLabel },
                { key: 'scope', label: t('users.scope'), children: me.scope.label },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('account.changePassword')}>
            <ErrorAlert
              error={hasFieldErrors(mutation.error, FIELDS) ? null : mutation.error}
              testId="password-error"
            />
            <Form<PasswordValues>
              form={form}
              layout="vertical"
              onFinish={(values) => mutation.mutate(values)}
              disabled={mutation.isPending}
            >
              <Form.Item
                name="currentPassword"
                label={t('account.currentPassword')}
                rules={[{ required: true, message: t('account.currentRequired') }]}
              >
                <Input.Password autoComplete="current-password" data-testid="current-password" />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label={t('account.newPassword')}
                extra={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
                rules={[
                  { required: true, message: t('account.newRequired') },
                  {
                    validator: (_, value: string | undefined) => {
                      const problem = value ? passwordPolicyError(value) : null;
                      return problem
                        ? Promise.reject(new Error(t(problem, { min: MIN_PASSWORD_LENGTH })))
                        : Promise.resolve();
                    },
                  },
                  ({ getFieldValue }) => ({
                    validator: (_, value: string | undefined) =>
                      value && value === getFieldValue('currentPassword')
                        ? Promise.reject(new Error(t('account.sameAsCurrent')))
                        : Promise.resolve(),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" data-testid="new-password" />
              </Form.Item>
              <Form.Item
                name="confirmPassword"
                label={t('account.confirmPassword')}
                dependencies={['newPassword']}
                rules={[
                  { required: true, message: t('account.confirmRequired') },
                  ({ getFieldValue }) => ({
                    validator: (_, value: string | undefined) =>
                      !value || value === getFieldValue('newPassword')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('account.mismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" data-testid="confirm-password" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={mutation.isPending}
                data-testid="password-submit"
              >
                {t('account.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
