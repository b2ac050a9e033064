/** /login: username and password, with the server's message shown inline. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { login, ME_KEY } from '../api/auth';
import { errorMessage } from '../api/client';
import { LangSwitch } from '../components/lang-switch';
import { PageScope } from '../page-resources';
import { PRIMARY_COLOR } from '../theme';

interface LoginValues {
  username: string;
  password: string;
}

/** Sign-in page (outside the shell, so it sets up antd's providers itself). */
export function LoginPage() {
  return (
    <PageScope>
      <LoginForm />
    </PageScope>
  );
}

/** Sign-in form; on success the user lands on the dashboard. */
function LoginForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (values: LoginValues) => login(values.username.trim(), values.password),
    onSuccess: async (me) => {
      queryClient.setQueryData(ME_KEY, me);
      await navigate({ to: '/' });
    },
  });

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      <div style={{ position: 'absolute', top: 12, right: 16 }}>
        <LangSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
        <Flex vertical align="center" style={{ marginBottom: 24, textAlign: 'center' }}>
          <Typography.Title level={2} style={{ margin: 0, color: PRIMARY_COLOR }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        {mutation.error && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(mutation.error)}
            data-testid="login-error"
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginValues>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => mutation.mutate(values)}
          disabled={mutation.isPending}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={mutation.isPending}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
