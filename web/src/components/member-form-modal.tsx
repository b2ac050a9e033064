/** Add / edit a member register entry; checked with the shared rules (core/registry/member-input.ts). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_TYPES, type MemberType } from '../../../core/registry/enums';
import { checkMember, type MemberData, ZMemberCreate } from '../../../core/registry/member-input';
import { createMember, updateMember } from '../api/members';
import { orgKey } from '../api/organisations';
import type { Member } from '../api/registry-types';
import { useCoded } from '../lib/coded';
import { DATE_FORMAT, fromIsoDate, todayIso, toIsoDate } from '../lib/dates';
import { applyFieldErrors, hasFieldErrors } from '../lib/form-errors';
import { integerFormatter, integerParser } from '../lib/number-input';
import { ErrorAlert } from './error-alert';

/** The register's fields, in the order of the member list form (Phụ lục I-3). */
const MEMBER_FIELDS = Object.keys(ZMemberCreate.shape) as (keyof typeof ZMemberCreate.shape)[];
type MemberField = (typeof MEMBER_FIELDS)[number];
const DATE_FIELDS: MemberField[] = ['birthDate', 'joinedOn', 'leftOn'];
const MONEY_FIELDS: MemberField[] = ['capitalPledged', 'capitalPaid'];

type Values = Partial<Record<MemberField, string | Dayjs | null>>;

function valuesOf(m: Member | null): Values {
  if (!m) return { memberType: 'official', nationality: 'Việt Nam', joinedOn: dayjs() };
  const out: Values = {};
  for (const k of MEMBER_FIELDS) {
    const v = (m as unknown as Record<string, unknown>)[k];
    out[k] = DATE_FIELDS.includes(k)
      ? (fromIsoDate(v as string | null) ?? null)
      : v == null
        ? null
        : String(v);
  }
  return out;
}

function inputOf(v: Values): Record<MemberField, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of MEMBER_FIELDS) {
    const x = v[k];
    if (DATE_FIELDS.includes(k)) out[k] = x ? toIsoDate(x as Dayjs) : null;
    else out[k] = typeof x === 'string' ? (x.trim() === '' ? null : x.trim()) : (x ?? null);
  }
  return out as Record<MemberField, unknown>;
}

/** Props: the entry to edit (already revealed, so no masked value is sent back) or null for a new one. */
export interface MemberFormModalProps {
  orgId: number;
  open: boolean;
  member: Member | null;
  onClose: () => void;
}

/** Modal form; only changed fields are sent on edit, with the entry's version. */
export function MemberFormModal({ orgId, open, member, onClose }: MemberFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCoded();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const memberType = Form.useWatch('memberType', form) as MemberType | undefined;

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const input = inputOf(v);
      const parsed = ZMemberCreate.safeParse(input);
      let issues: { path: string; message: string }[];
      if (parsed.success) {
        const d = parsed.data as Record<string, unknown>;
        const data = Object.fromEntries(MEMBER_FIELDS.map((k) => [k, d[k] ?? null])) as unknown as MemberData;
        issues = checkMember(data, todayIso());
      } else {
        issues = parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message }));
      }
      if (issues.length > 0) throw { clientIssues: issues };
      if (!member) return createMember(orgId, input);
      const before = inputOf(valuesOf(member));
      const changes = Object.fromEntries(
        MEMBER_FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(input[k])).map((k) => [
          k,
          input[k],
        ]),
      );
      return updateMember(orgId, member.id, changes, member.version);
    },
    onSuccess: async (saved) => {
      message.success(t(member ? 'members.saved' : 'members.added'));
      for (const w of saved.warnings) message.warning(w.message, 8);
      await queryClient.invalidateQueries({ queryKey: [...orgKey(orgId), 'members'] });
      onClose();
    },
    onError: (err) => {
      const local = (err as { clientIssues?: { path: string; message: string }[] }).clientIssues;
      if (local) {
        // biome-ignore lint/suspicious/noExplicitAny: antd's NamePath is generic over the form values.
        form.setFields(local.map((i) => ({ name: i.path as any, errors: [i.message] })));
        return;
      }
      applyFieldErrors(form, err, MEMBER_FIELDS);
    },
  });

  const widget = (k: MemberField): ReactNode => {
    if (k === 'memberType') return <Select options={options(MEMBER_TYPES)} data-testid="member-form-type" />;
    if (k === 'gender') {
      return (
        <Select
          allowClear
          options={['male', 'female', 'other'].map((g) => ({ value: g, label: t(`members.gender.${g}`) }))}
        />
      );
    }
    if (DATE_FIELDS.includes(k)) {
      return (
        <DatePicker
          format={DATE_FORMAT}
          placeholder={t('common.datePlaceholder')}
          style={{ width: '100%' }}
        />
      );
    }
    if (MONEY_FIELDS.includes(k)) {
      return (
        <InputNumber<string>
          stringMode
          min="0"
          precision={0}
          style={{ width: '100%' }}
          formatter={integerFormatter}
          parser={integerParser}
          suffix={t('common.dong')}
          disabled={memberType === 'associate_noncapital'}
        />
      );
    }
    return <Input autoComplete="off" data-testid={`member-form-${k}`} />;
  };

  const serverError =
    save.error && !(save.error as { clientIssues?: unknown }).clientIssues ? save.error : null;
  return (
    <Modal
      open={open}
      width={820}
      title={t(member ? 'members.editTitle' : 'members.addTitle')}
      okText={t(member ? 'common.save' : 'members.add')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'member-form-submit' } as never}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={hasFieldErrors(serverError, MEMBER_FIELDS) ? null : serverError} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={valuesOf(member)}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={16}>
          {MEMBER_FIELDS.map((k) => (
            <Col key={k} xs={24} md={k === 'fullName' || k === 'address' ? 24 : 12}>
              <Form.Item
                name={k}
                label={t(`memberField.${k}`)}
                extra={t(`memberFieldHelp.${k}`, { defaultValue: '' }) || undefined}
                rules={
                  k === 'fullName' || k === 'memberType'
                    ? [{ required: true, message: t('members.required') }]
                    : []
                }
              >
                {widget(k)}
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
