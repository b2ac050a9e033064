/** /organisations/import: the Excel import wizard (template → upload and dry run → check → done). */
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { App, Breadcrumb, Card, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { commitImport, downloadRejected, uploadImport } from '../api/registry-io';
import type { ImportCommit, ImportDryRun, ImportKind } from '../api/registry-types';
import { Forbidden } from '../components/forbidden';
import { ImportDone, ImportKindStep, ImportResults, ImportUploadStep } from '../components/import-steps';
import { PageHeader } from '../components/page-header';
import { can, useCurrentUser } from '../current-user';

const route = getRouteApi('/_app/organisations/import');

/** Four steps on one page; nothing is written before "Nhập tất cả" or "Chỉ nhập các dòng hợp lệ". */
export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/organisations/import' });
  const kind: ImportKind = search.kind ?? 'organisations';
  const [step, setStep] = useState(0);
  const [dryRun, setDryRun] = useState<ImportDryRun | null>(null);
  const [done, setDone] = useState<ImportCommit | null>(null);

  const upload = useMutation({
    mutationFn: (file: File) => uploadImport(kind, file),
    onSuccess: (r) => {
      setDryRun(r);
      setStep(2);
    },
  });
  const commit = useMutation({
    mutationFn: (mode: 'all' | 'valid_only') => commitImport(dryRun?.jobId ?? 0, mode),
    onSuccess: (r) => {
      setDone(r);
      setStep(3);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const rejected = useMutation({
    mutationFn: () => downloadRejected(dryRun?.jobId ?? 0),
    onError: (err) => message.error(errorMessage(err)),
  });

  if (!can(me, 'registry.import')) return <Forbidden />;

  const restart = (keepKind = true) => {
    setDryRun(null);
    setDone(null);
    upload.reset();
    commit.reset();
    setStep(keepKind ? 1 : 0);
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: 'list', title: <Link to="/organisations">{t('nav.organisations')}</Link> },
          { key: 'import', title: t('import.title') },
        ]}
      />
      <PageHeader title={t('import.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          size="small"
          items={[
            { title: t('import.step.kind') },
            { title: t('import.step.upload') },
            { title: t('import.step.check') },
            { title: t('import.step.done') },
          ]}
        />
      </Card>
      {step === 0 && (
        <ImportKindStep
          kind={kind}
          onKind={(k) => void navigate({ search: { kind: k }, replace: true })}
          onNext={() => setStep(1)}
        />
      )}
      {step === 1 && (
        <ImportUploadStep
          kind={kind}
          uploading={upload.isPending}
          error={upload.error}
          onFile={(f) => upload.mutate(f)}
          onBack={() => setStep(0)}
        />
      )}
      {step === 2 && dryRun && (
        <ImportResults
          dryRun={dryRun}
          committing={commit.isPending ? (commit.variables ?? null) : null}
          downloading={rejected.isPending}
          onCommit={(mode) => commit.mutate(mode)}
          onDownloadRejected={() => rejected.mutate()}
          onAnotherFile={() => restart(true)}
        />
      )}
      {step === 3 && done && (
        <ImportDone
          kind={kind}
          result={done}
          onAgain={() => restart(false)}
          onList={() => void navigate({ to: '/organisations' })}
        />
      )}
    </>
  );
}
