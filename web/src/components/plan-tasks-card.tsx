/** "Tổ chức thực hiện": the tasks of a plan (agency, task, due date or recurring deadline, status), editable. */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import { errorMessage } from '../api/client';
import { type PlanTask, planApi, plansKey } from '../api/plans';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../lib/dates';
import { applyFieldErrors } from '../lib/form-errors';
import { ErrorAlert } from './error-alert';

const STATUS_COLORS: Record<string, string> = { open: 'default', in_progress: 'processing', done: 'success' };
type Values = Omit<PlanTask, 'id' | 'sort' | 'dueOn'> & { dueOn?: Dayjs | null };

/** The recurring deadline in words ("hằng năm trước 20/12"). */
function useDue() {
  const { t } = useTranslation();
  return (task: PlanTask) => {
    if (task.recurrence && task.deadlineMd) {
      const [m, d] = task.deadlineMd.split('-');
      const date = `${d}/${m}`;
      return t(task.recurrence === 'annual' ? 'plan.task.everyYear' : 'plan.task.everyHalf', { date });
    }
    return task.dueOn ? formatDate(task.dueOn) : '—';
  };
}

function TaskModal({
  planId,
  task,
  onClose,
}: {
  planId: number;
  task: PlanTask | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        agency: v.agency.trim(),
        task: v.task.trim(),
        dueOn: v.dueOn ? toIsoDate(v.dueOn) : null,
        recurrence: v.recurrence ?? null,
        deadlineMd: v.deadlineMd?.trim() || null,
        status: v.status ?? 'open',
        note: v.note?.trim() || null,
      };
      return task ? planApi.updateTask(planId, task.id, body) : planApi.createTask(planId, body);
    },
    onSuccess: async () => {
      message.success(t('plan.form.saved'));
      await queryClient.invalidateQueries({ queryKey: plansKey });
      onClose();
    },
    onError: (err) => applyFieldErrors(form, err, ['agency', 'task', 'dueOn', 'deadlineMd', 'recurrence']),
  });
  const req = [{ required: true, message: t('plan.form.required') }];
  return (
    <Modal
      open
      title={t(task ? 'plan.form.editTask' : 'plan.form.newTask')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={680}
      okButtonProps={{ 'data-testid': 'task-form-submit' } as ButtonProps}
    >
      <ErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={task ? { ...task, dueOn: fromIsoDate(task.dueOn) ?? null } : { status: 'open' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="agency" label={t('plan.form.agency')} rules={req}>
          <Input maxLength={300} data-testid="task-form-agency" />
        </Form.Item>
        <Form.Item name="task" label={t('plan.form.task')} rules={req}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={3000}
            data-testid="task-form-task"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="dueOn" label={t('plan.form.dueOn')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="recurrence" label={t('plan.form.recurrence')}>
              <Select
                allowClear
                options={[
                  { value: 'semiannual', label: t('plan.form.semiannual') },
                  { value: 'annual', label: t('plan.form.annual') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="deadlineMd"
              label={t('plan.form.deadlineMd')}
              extra={t('plan.form.deadlineHint')}
            >
              <Input maxLength={5} placeholder="12-20" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="status" label={t('plan.form.taskStatus')}>
          <Select
            options={['open', 'in_progress', 'done'].map((s) => ({ value: s, label: t(`plan.task.${s}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The card with the task table; plan managers add, edit and delete tasks. */
export function PlanTasksCard({
  planId,
  tasks,
  manage,
}: {
  planId: number;
  tasks: PlanTask[];
  manage: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const due = useDue();
  const [editing, setEditing] = useState<PlanTask | null | 'new'>(null);
  const remove = useMutation({
    mutationFn: (task: PlanTask) => planApi.deleteTask(planId, task.id),
    onSuccess: async () => {
      message.success(t('plan.task.deleted'));
      await queryClient.invalidateQueries({ queryKey: plansKey });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Card
      size="small"
      title={t('plan.page.tasksTitle')}
      style={{ marginTop: 16 }}
      extra={
        manage && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="task-add"
          >
            {t('plan.page.addTask')}
          </Button>
        )
      }
    >
      <Table<PlanTask>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={tasks}
        data-testid="task-table"
        locale={{ emptyText: t('plan.task.none') }}
        columns={[
          { title: t('plan.task.agency'), dataIndex: 'agency', width: 240 },
          { title: t('plan.task.task'), dataIndex: 'task' },
          { title: t('plan.task.due'), key: 'due', width: 200, render: (_, r) => due(r) },
          {
            title: t('plan.task.status'),
            key: 'status',
            width: 150,
            render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`plan.task.${r.status}`)}</Tag>,
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, r: PlanTask) => (
                    <Space size={0}>
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        onClick={() => setEditing(r)}
                        aria-label={t('plan.target.edit')}
                      />
                      <Popconfirm title={t('plan.task.deleteConfirm')} onConfirm={() => remove.mutate(r)}>
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('plan.target.delete')}
                        />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <TaskModal
          planId={planId}
          task={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
