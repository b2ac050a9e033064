/** /organisations/$id: one organisation with its tabs (profile, members, yearly figures, history…). */
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Badge, Breadcrumb, Button, Flex, Result, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { profileQuery } from '../api/organisations';
import { AssessmentHistoryTab } from '../components/assessment-history-tab';
import { ErrorAlert } from '../components/error-alert';
import { OrgHistoryTab } from '../components/org-history-tab';
import { OrgMembersTab } from '../components/org-members-tab';
import { OrgProfileTab } from '../components/org-profile-tab';
import { OrgReportsTab } from '../components/org-reports-tab';
import { PageHeader } from '../components/page-header';
import { PageSpinner } from '../components/page-spinner';
import { DemoTag, KindTag, LegalStatusTag, PaperOnlyTag } from '../components/registry-tags';
import { can, useCurrentUser } from '../current-user';

const route = getRouteApi('/_app/organisations/$id');

/** Header with the name, tags and the edit button; tabs kept in the URL (?tab=). */
export function OrganisationPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate({ from: '/organisations/$id' });
  const { id } = route.useParams();
  const { tab = 'profile' } = route.useSearch();
  const orgId = Number(id);
  const valid = Number.isInteger(orgId) && orgId > 0;
  const profile = useQuery({ ...profileQuery(orgId), enabled: valid });

  if (!valid || (profile.error instanceof ApiError && profile.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('org.notFound')}
        subTitle={t('org.notFoundHint')}
        extra={<Link to="/organisations">{t('nav.organisations')}</Link>}
      />
    );
  }
  if (profile.error) return <ErrorAlert error={profile.error} />;
  if (!profile.data) return <PageSpinner />;

  const p = profile.data;
  const org = p.organisation;
  const ownOrg = me.scope.type === 'organisation';
  const mayEdit = can(me, 'org.write') || (can(me, 'org.self_edit') && ownOrg);
  const tabLabel = (key: string, text: string, count?: number) => (
    <span data-testid={`org-tab-${key}`}>
      {text}
      {count ? <Badge count={count} size="small" style={{ marginInlineStart: 6 }} /> : null}
    </span>
  );

  return (
    <>
      {!ownOrg && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            { key: 'list', title: <Link to="/organisations">{t('nav.organisations')}</Link> },
            { key: 'self', title: org.name },
          ]}
        />
      )}
      <PageHeader
        title={org.name}
        titleTestId="org-title"
        extra={
          mayEdit && (
            <Button
              icon={<EditOutlined />}
              onClick={() => void navigate({ to: '/organisations/$id/edit', params: { id: String(org.id) } })}
              data-testid="org-edit"
            >
              {t('org.edit')}
            </Button>
          )
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginTop: -8, marginBottom: 12 }}>
        <KindTag kind={org.kind} />
        <LegalStatusTag status={org.legalStatus} />
        {org.paperOnly && <PaperOnlyTag />}
        {org.demo && <DemoTag />}
        <Space size={4} wrap>
          <Typography.Text type="secondary">{t('org.regCodeShort')}</Typography.Text>
          <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
            {org.regCode}
          </Typography.Text>
          <Typography.Text type="secondary">· {`${org.communeName}, ${org.provinceName}`}</Typography.Text>
        </Space>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          void navigate({ search: key === 'profile' ? {} : { tab: key }, replace: true, resetScroll: false })
        }
        destroyOnHidden
        items={[
          {
            key: 'profile',
            label: tabLabel('profile', t('org.tabs.profile'), p.openChangeRequests),
            children: <OrgProfileTab profile={p} />,
          },
          ...(can(me, 'member.read')
            ? [
                {
                  key: 'members',
                  label: tabLabel('members', t('org.tabs.members')),
                  children: <OrgMembersTab org={org} />,
                },
              ]
            : []),
          {
            key: 'reports',
            label: tabLabel('reports', t('org.tabs.reports')),
            children: <OrgReportsTab org={org} />,
          },
          {
            key: 'history',
            label: tabLabel('history', t('org.tabs.history')),
            children: <OrgHistoryTab orgId={org.id} />,
          },
          {
            key: 'assessments',
            label: tabLabel('assessments', t('org.tabs.assessments')),
            children: <AssessmentHistoryTab org={org} />,
          },
        ]}
      />
    </>
  );
}
