/** Lifecycle timeline of an organisation and the "Ghi nhận sự kiện" form (rules of core/registry/lifecycle.ts). */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import { EVENT_KINDS, type EventKind } from '../../../core/registry/enums';
import { applyLifecycleEvent } from '../../../core/registry/lifecycle';
import { orgKey, recordEvent } from '../api/organisations';
import type { OrgEvent, Profile } from '../api/registry-types';
import { can, useCurrentUser } from '../current-user';
import { useCoded } from '../lib/coded';
import { DATE_FORMAT, toIsoDate } from '../lib/dates';
import { applyFieldErrors, hasFieldErrors } from '../lib/form-errors';
import { ErrorAlert } from './error-alert';
import { OrgSelect } from './org-select';
import { UnitPicker } from './unit-picker';

const COLOR: Partial<Record<EventKind, string>> = {
  founded: 'green',
  converted: 'blue',
  suspended: 'orange',
  resumed: 'green',
  dissolved: 'red',
  merged: 'red',
  split: 'gray',
  moved: 'blue',
};

interface EventValues {
  kind: EventKind;
  occurredOn: Dayjs;
  note?: string;
  communeId?: number | null;
  relatedOrganisationId?: number | null;
}

const EVENT_FIELDS = ['kind', 'occurredOn', 'note', 'communeId', 'relatedOrganisationId'];

function EventModal({ profile, open, onClose }: { profile: Profile; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCoded();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EventValues>();
  const kind = Form.useWatch('kind', form);
  const org = profile.organisation;
  const state = {
    kind: org.kind,
    legalStatus: org.legalStatus,
    hasFoundedEvent: profile.events.some((e) => e.kind === 'founded'),
  };
  const outcome = kind ? applyLifecycleEvent(state, kind) : null;
  const save = useMutation({
    mutationFn: (v: EventValues) =>
      recordEvent(org.id, {
        kind: v.kind,
        occurredOn: toIsoDate(v.occurredOn),
        note: v.note?.trim() || null,
        communeId: v.kind === 'moved' ? (v.communeId ?? null) : null,
        relatedOrganisationId:
          v.kind === 'merged' || v.kind === 'split' ? (v.relatedOrganisationId ?? null) : null,
      }),
    onSuccess: async () => {
      message.success(t('events.recorded'));
      await queryClient.invalidateQueries({ queryKey: orgKey(org.id) });
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      onClose();
    },
    onError: (err) => applyFieldErrors(form, err, EVENT_FIELDS),
  });
  return (
    <Modal
      open={open}
      title={t('events.recordTitle')}
      okText={t('events.record')}
      cancelText={t('common.cancel')}
      okButtonProps={
        { loading: save.isPending, disabled: outcome?.ok === false, 'data-testid': 'event-submit' } as never
      }
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(v) => {
        if (!v) {
          form.resetFields();
          save.reset();
        }
      }}
    >
      <ErrorAlert error={hasFieldErrors(save.error, EVENT_FIELDS) ? null : save.error} />
      <Form<EventValues>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ occurredOn: dayjs() }}
      >
        <Form.Item
          name="kind"
          label={t('events.kind')}
          rules={[{ required: true, message: t('events.kindRequired') }]}
        >
          <Select
            data-testid="event-kind"
            options={options(EVENT_KINDS).map((o) => ({
              ...o,
              disabled: !applyLifecycleEvent(state, o.value as EventKind).ok,
            }))}
          />
        </Form.Item>
        {outcome && !outcome.ok && (
          <Alert type="warning" showIcon title={outcome.message} style={{ marginBottom: 16 }} />
        )}
        {outcome?.ok && outcome.ends && (
          <Alert type="warning" showIcon title={t('events.endsHint')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          name="occurredOn"
          label={t('events.occurredOn')}
          rules={[{ required: true, message: t('events.dateRequired') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.datePlaceholder')}
            style={{ width: '100%' }}
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') ||
              (!!org.foundedOn && kind !== 'founded' && d.isBefore(dayjs(org.foundedOn), 'day'))
            }
            data-testid="event-date"
          />
        </Form.Item>
        {kind === 'moved' && (
          <Form.Item
            name="communeId"
            label={t('events.newCommune')}
            rules={[{ required: true, message: t('events.communeRequired') }]}
          >
            <UnitPicker level={3} data-testid="event-commune" />
          </Form.Item>
        )}
        {(kind === 'merged' || kind === 'split') && (
          <Form.Item
            name="relatedOrganisationId"
            label={t(kind === 'merged' ? 'events.mergedInto' : 'events.splitFrom')}
            rules={kind === 'merged' ? [{ required: true, message: t('events.relatedRequired') }] : []}
          >
            <OrgSelect excludeId={org.id} data-testid="event-related" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('events.note')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="event-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Events newest first; officers with org.write record new ones. */
export function OrgTimelineCard({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { label } = useCoded();
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  const events: OrgEvent[] = [...profile.events].sort(
    (a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.id - a.id,
  );
  return (
    <Card
      size="small"
      title={t('events.title')}
      style={{ marginBottom: 16 }}
      extra={
        can(me, 'org.write') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="event-add">
            {t('events.record')}
          </Button>
        )
      }
    >
      {events.length === 0 ? (
        <Typography.Text type="secondary">{t('events.none')}</Typography.Text>
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          data-testid="org-timeline"
          items={events.map((e) => ({
            key: e.id,
            color: COLOR[e.kind] ?? 'gray',
            content: (
              <>
                <Typography.Text strong>{formatDate(e.occurredOn)}</Typography.Text>{' '}
                <Typography.Text>{label(EVENT_KINDS, e.kind)}</Typography.Text>
                {e.note && <div style={{ color: '#595959' }}>{e.note}</div>}
                {e.createdByName && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('events.recordedBy', { name: e.createdByName })}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          }))}
        />
      )}
      <EventModal profile={profile} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
