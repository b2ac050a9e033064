/** Create / edit form of an organisation: sections from lib/org-form.ts, live duplicate check, conflicts. */
import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Col, Flex, Form, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '../../../core/registry/enums';
import { statusAllowedFor } from '../../../core/registry/lifecycle';
import { isRegistrationField, OFFICER_ONLY_FIELDS } from '../../../core/registry/organisation-changes';
import { checkOrganisationRules } from '../../../core/registry/organisation-rules';
import { organisationNameKey } from '../../../core/text';
import { ApiError } from '../api/client';
import { createOrganisation, duplicatesQuery, orgKey, updateOrganisation } from '../api/organisations';
import type { Organisation } from '../api/registry-types';
import { can, useCurrentUser } from '../current-user';
import { applyFieldErrors, hasFieldErrors } from '../lib/form-errors';
import {
  changedFields,
  type FieldIssue,
  formValuesOf,
  inputOf,
  ORG_FORM_GROUPS,
  ORG_WIDGETS,
  type OrgField,
  type OrgFormValues,
  parseInput,
} from '../lib/org-form';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { DuplicateList } from './duplicate-list';
import { ErrorAlert } from './error-alert';
import { derivedField, type OrgFieldContext, OrgFormField } from './org-form-field';
import { type VersionConflict, VersionConflictModal } from './version-conflict-modal';

const ALL_FIELDS = ORG_FORM_GROUPS.flatMap((g) => [...g.fields]) as OrgField[];

/** Props: the organisation to edit, or null to register a new one. */
export interface OrgFormProps {
  organisation: Organisation | null;
}

/** The form with its sticky save bar; on success it opens the organisation's page. */
export function OrgForm({ organisation }: OrgFormProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrgFormValues>();
  const [base, setBase] = useState<Organisation | null>(organisation);
  const [conflict, setConflict] = useState<VersionConflict | null>(null);
  const values: OrgFormValues =
    Form.useWatch((v: OrgFormValues) => v, { form, preserve: true }) ?? formValuesOf(organisation);
  const officer = can(me, 'org.write');
  const editing = !!organisation;

  // Possible duplicates while the name (or representative, or commune) is typed.
  const dupParams = useDebouncedValue(
    {
      name: typeof values.name === 'string' ? values.name.trim() : '',
      communeId: values.communeId ?? undefined,
      legalRepName: typeof values.legalRepName === 'string' ? values.legalRepName.trim() : '',
    },
    400,
  );
  const nameChanged =
    !editing || dupParams.name !== base?.name || dupParams.legalRepName !== (base?.legalRepName ?? '');
  const dupEnabled =
    nameChanged && (organisationNameKey(dupParams.name).length >= 3 || dupParams.legalRepName.length >= 5);
  const duplicates = useQuery({
    ...duplicatesQuery({
      name: dupParams.name || undefined,
      communeId: dupParams.communeId,
      legalRepName: dupParams.legalRepName || undefined,
      excludeId: organisation?.id,
    }),
    enabled: dupEnabled,
  });

  const showError = (issues: FieldIssue[]) => {
    const known = issues.filter((i) => ALL_FIELDS.includes(i.path as OrgField));
    // biome-ignore lint/suspicious/noExplicitAny: antd's NamePath is generic over the form values.
    form.setFields(known.map((i) => ({ name: i.path as any, errors: [i.message] })));
    if (known[0]) form.scrollToField(known[0].path as OrgField, { block: 'center' });
  };

  const save = useMutation({
    mutationFn: async (v: OrgFormValues) => {
      const input = inputOf(v);
      const parsed = parseInput(input);
      const rules = checkOrganisationRules({
        kind: (input.kind as OrganisationKind) ?? 'HTX',
        vsicCode: input.vsicCode as string | null,
        field: input.field as never,
        agriSubtype: input.agriSubtype as string | null,
        governance: input.governance as string | null,
        legalStatus: (input.legalStatus as string) ?? 'active',
      });
      const issues = [...(parsed.ok ? [] : parsed.issues), ...rules.errors];
      if (issues.length > 0 || !parsed.ok) throw { clientIssues: issues };
      if (!base) return { kind: 'created', created: await createOrganisation(parsed.value) } as const;
      const changed = changedFields(inputOf(formValuesOf(base)), input);
      if (changed.length === 0) return { kind: 'unchanged' } as const;
      const changes = Object.fromEntries(changed.map((k) => [k, parsed.value[k] ?? null]));
      return { kind: 'updated', updated: await updateOrganisation(base.id, changes, base.version) } as const;
    },
    onSuccess: async (r) => {
      if (r.kind === 'unchanged') {
        message.info(t('orgForm.noChanges'));
        return;
      }
      const org = r.kind === 'created' ? r.created.organisation : r.updated.organisation;
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      await queryClient.invalidateQueries({ queryKey: orgKey(org.id) });
      const warnings = r.kind === 'created' ? r.created.warnings : r.updated.warnings;
      if (r.kind === 'updated' && r.updated.status === 'requested') {
        modal.success({
          title: t('orgForm.requestSent'),
          content: t('orgForm.requestSentBody'),
          okText: t('common.close'),
        });
      } else {
        message.success(t(editing ? 'orgForm.saved' : 'orgForm.created', { name: org.name }));
      }
      const dups = r.kind === 'created' ? r.created.possibleDuplicates : [];
      if (warnings.length > 0 || dups.length > 0) {
        modal.warning({
          title: t('orgForm.checkTitle'),
          okText: t('common.close'),
          width: 640,
          content: (
            <>
              {warnings.map((w) => (
                <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
              ))}
              <DuplicateList items={dups} />
            </>
          ),
        });
      }
      await navigate({ to: '/organisations/$id', params: { id: String(org.id) } });
    },
    onError: (err) => {
      const local = (err as { clientIssues?: FieldIssue[] }).clientIssues;
      if (local) return showError(local);
      if (err instanceof ApiError && err.code === 'organisation.version_conflict') {
        const p = err.problem as unknown as VersionConflict;
        if (p.current) setConflict({ current: p.current, changedFields: p.changedFields ?? [] });
        return;
      }
      applyFieldErrors(form, err, ALL_FIELDS);
    },
  });

  const ctx: OrgFieldContext = {
    values,
    needsApproval: (f) => !officer && editing && isRegistrationField(f),
    currentStatus: base?.legalStatus,
  };
  const effectiveField = values.field ?? derivedField(values.vsicCode);
  const visible = (f: OrgField): boolean => {
    if (f === 'creditFund') return values.kind === 'HTX';
    if (f === 'agriSubtype') return effectiveField === 'agriculture' || !!values.agriSubtype;
    if (OFFICER_ONLY_FIELDS.includes(f)) return officer;
    return true;
  };
  const warnings = checkOrganisationRules({
    kind: (values.kind as OrganisationKind) ?? 'HTX',
    vsicCode: typeof values.vsicCode === 'string' && /^\d{4}$/.test(values.vsicCode) ? values.vsicCode : null,
    field: (values.field as never) ?? null,
    agriSubtype: null,
    governance: values.governance ?? null,
    legalStatus: values.legalStatus ?? 'active',
  }).warnings;
  const serverError =
    save.error && !(save.error as { clientIssues?: unknown }).clientIssues ? save.error : null;

  return (
    <>
      {!officer && editing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('orgForm.coopNotice')}
          data-testid="org-form-coop-notice"
        />
      )}
      <ErrorAlert
        error={hasFieldErrors(serverError, ALL_FIELDS) ? null : serverError}
        testId="org-form-error"
      />
      <Form<OrgFormValues>
        form={form}
        layout="vertical"
        initialValues={formValuesOf(organisation)}
        disabled={save.isPending}
        scrollToFirstError={{ block: 'center' }}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed: OrgFormValues) => {
          if (
            changed.kind &&
            !statusAllowedFor(changed.kind, form.getFieldValue('legalStatus') ?? 'active')
          ) {
            form.setFieldValue('legalStatus', 'active');
          }
        }}
      >
        {ORG_FORM_GROUPS.map((group) => (
          <Card
            key={group.key}
            size="small"
            title={t(`orgForm.group.${group.key}`)}
            style={{ marginBottom: 16 }}
          >
            <Row gutter={16}>
              {group.fields.filter(visible).map((f) => {
                const w = ORG_WIDGETS[f];
                const wide = (w.type === 'text' && w.wide) || f === 'communeId' || f === 'pre2025CommuneId';
                return (
                  <Col key={f} xs={24} md={wide ? 24 : 12} xl={wide ? 16 : 8}>
                    <OrgFormField field={f} ctx={ctx} />
                    {f === 'name' && (
                      <DuplicateList items={dupEnabled ? (duplicates.data?.items ?? []) : []} />
                    )}
                  </Col>
                );
              })}
            </Row>
            {group.key === 'activity' &&
              warnings.map((w) => (
                <Alert key={w} type="warning" showIcon title={w} style={{ marginTop: 8 }} />
              ))}
          </Card>
        ))}
        <Flex
          justify="flex-end"
          gap={8}
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 5,
            background: '#fff',
            padding: '12px 16px',
            border: '1px solid #e5e9f0',
            borderRadius: 4,
          }}
        >
          <Button
            onClick={() =>
              void (organisation
                ? navigate({ to: '/organisations/$id', params: { id: String(organisation.id) } })
                : navigate({ to: '/organisations' }))
            }
          >
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={save.isPending}
            data-testid="org-form-submit"
          >
            {t(editing ? 'orgForm.save' : 'orgForm.create')}
          </Button>
        </Flex>
      </Form>
      <VersionConflictModal
        conflict={conflict}
        mine={inputOf(values)}
        touched={conflict && base ? changedFields(inputOf(formValuesOf(base)), inputOf(values)) : []}
        onReload={() => {
          if (!conflict) return;
          setBase(conflict.current);
          form.resetFields();
          form.setFieldsValue(formValuesOf(conflict.current));
          setConflict(null);
        }}
        onKeepEditing={() => {
          if (!conflict || !base) return setConflict(null);
          // Keep what the user changed; take the other user's values everywhere else.
          const mine = inputOf(form.getFieldsValue(true));
          const touched = changedFields(inputOf(formValuesOf(base)), mine);
          const next = formValuesOf(conflict.current);
          const kept = Object.fromEntries(touched.map((k) => [k, form.getFieldValue(k)]));
          setBase(conflict.current);
          form.setFieldsValue({ ...next, ...kept });
          setConflict(null);
        }}
      />
    </>
  );
}
