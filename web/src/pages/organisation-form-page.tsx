/** /organisations/new and /organisations/$id/edit: the organisation form in a page of its own. */
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Breadcrumb, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { profileQuery } from '../api/organisations';
import { ErrorAlert } from '../components/error-alert';
import { Forbidden } from '../components/forbidden';
import { OrgForm } from '../components/org-form';
import { PageHeader } from '../components/page-header';
import { PageSpinner } from '../components/page-spinner';
import { can, useCurrentUser } from '../current-user';

const editRoute = getRouteApi('/_app/organisations/$id/edit');

function Crumbs({ items }: { items: { key: string; title: ReactNode }[] }) {
  return <Breadcrumb style={{ marginBottom: 8 }} items={items} />;
}

/** "Thêm tổ chức": registers a new organisation (officers with org.write). */
export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!can(me, 'org.write')) return <Forbidden />;
  return (
    <>
      <Crumbs
        items={[
          { key: 'list', title: <Link to="/organisations">{t('nav.organisations')}</Link> },
          { key: 'new', title: t('orgForm.newTitle') },
        ]}
      />
      <PageHeader title={t('orgForm.newTitle')} />
      <OrgForm organisation={null} />
    </>
  );
}

/** "Sửa thông tin": officers change any field; a cooperative's registration changes wait for approval. */
export function OrganisationEditPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { id } = editRoute.useParams();
  const orgId = Number(id);
  const allowed = can(me, 'org.write') || can(me, 'org.self_edit');
  const valid = Number.isInteger(orgId) && orgId > 0;
  const profile = useQuery({ ...profileQuery(orgId), enabled: allowed && valid, staleTime: 0 });

  if (!allowed) return <Forbidden />;
  if (!valid || (profile.error instanceof ApiError && profile.error.status === 404)) {
    return <Result status="404" title={t('org.notFound')} />;
  }
  if (profile.error) return <ErrorAlert error={profile.error} />;
  if (!profile.data) return <PageSpinner />;
  const org = profile.data.organisation;
  return (
    <>
      <Crumbs
        items={[
          { key: 'list', title: <Link to="/organisations">{t('nav.organisations')}</Link> },
          {
            key: 'org',
            title: (
              <Link to="/organisations/$id" params={{ id: String(org.id) }}>
                {org.name}
              </Link>
            ),
          },
          { key: 'edit', title: t('orgForm.editTitle') },
        ]}
      />
      <PageHeader title={t('orgForm.editHeading', { name: org.name })} />
      <OrgForm key={org.id} organisation={org} />
    </>
  );
}
