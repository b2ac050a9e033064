/** The scope input of the user form, which depends on the chosen role. */
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_SCOPE, type Role } from '../../../core/permissions';
import { UnitPicker } from './unit-picker';

/** Province picker, commune picker, organisation id (not yet available) or "whole country". */
export function UserScopeField({ role }: { role: Role | undefined }) {
  const { t } = useTranslation();
  if (!role) return null;
  const scope = ROLE_SCOPE[role];
  if (scope === 'nation') {
    return (
      <Form.Item label={t('userForm.scope')}>
        <Typography.Text>{t('userForm.scopeNation')}</Typography.Text>
      </Form.Item>
    );
  }
  if (scope === 'organisation') {
    return (
      <Form.Item
        name="organisationId"
        label={t('userForm.organisation')}
        extra={t('userForm.organisationHint')}
      >
        <Input disabled />
      </Form.Item>
    );
  }
  const level = scope === 'province' ? 1 : 3;
  return (
    <Form.Item
      name="scopeUnitId"
      label={t(scope === 'province' ? 'userForm.scopeProvince' : 'userForm.scopeCommune')}
      rules={[{ required: true, message: t('userForm.scopeRequired') }]}
    >
      <UnitPicker level={level} />
    </Form.Item>
  );
}
