/** "Hồ sơ" tab: registration data by section, warnings, change requests, lifecycle, products, union links. */
import { Alert, Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELDS } from '../../../core/registry/enums';
import type { Profile } from '../api/registry-types';
import { useCoded } from '../lib/coded';
import { ORG_FORM_GROUPS, type OrgField } from '../lib/org-form';
import { OrgChangeRequests } from './org-change-requests';
import { derivedField } from './org-form-field';
import { OrgProductsCard } from './org-products-card';
import { OrgTimelineCard } from './org-timeline-card';
import { OrgUnionCard } from './org-union-card';
import { OrgValue } from './org-value';

type Org = Profile['organisation'];

/** The value of a field on the profile, with unit names the profile already carries. */
function ProfileValue({ org, field }: { org: Org; field: OrgField }) {
  const { t } = useTranslation();
  const { label } = useCoded();
  if (field === 'communeId') return <>{`${org.communeName}, ${org.provinceName}`}</>;
  if (field === 'pre2025CommuneId') {
    const pre = org.pre2025Commune;
    if (!pre) return <Typography.Text type="secondary">—</Typography.Text>;
    return <>{[pre.name, pre.districtName].filter(Boolean).join(', ')}</>;
  }
  if (field === 'field' && !org.field && org.vsicCode) {
    const d = derivedField(org.vsicCode);
    if (d) return <>{t('org.fieldDerived', { field: label(FIELDS, d) })}</>;
    return <OrgValue field={field} value={null} />;
  }
  return <OrgValue field={field} value={(org as unknown as Record<string, unknown>)[field]} />;
}

/** Everything about the organisation that is not members, figures or history. */
export function OrgProfileTab({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const org = profile.organisation;
  const shown = (f: OrgField) => {
    if (f === 'creditFund') return org.kind === 'HTX';
    if (f === 'agriSubtype') return !!org.agriSubtype || org.field === 'agriculture';
    return true;
  };
  return (
    <>
      {profile.legalWarnings.map((w) => (
        <Alert
          key={`${w.code}-${w.year}`}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('org.legalWarning', { year: w.year })}
          description={w.message}
          data-testid="org-legal-warning"
        />
      ))}
      <OrgChangeRequests org={org} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          {ORG_FORM_GROUPS.map((g) => (
            <Card key={g.key} size="small" title={t(`orgForm.group.${g.key}`)} style={{ marginBottom: 16 }}>
              <Descriptions
                size="small"
                bordered
                column={1}
                styles={{ label: { width: '38%' } }}
                items={g.fields.filter(shown).map((f) => ({
                  key: f,
                  label: t(`orgField.${f}`),
                  children: <ProfileValue org={org} field={f} />,
                }))}
              />
            </Card>
          ))}
        </Col>
        <Col xs={24} xl={9}>
          <OrgTimelineCard profile={profile} />
          <OrgProductsCard orgId={org.id} products={profile.products} />
          <OrgUnionCard profile={profile} />
        </Col>
      </Row>
    </>
  );
}
