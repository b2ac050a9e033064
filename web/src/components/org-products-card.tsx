/** Products (OCOP stars), trademarks and certifications of an organisation. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Rate,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCT_KINDS } from '../../../core/registry/enums';
import { errorMessage } from '../api/client';
import { addProduct, orgKey, type ProductInput, removeProduct } from '../api/organisations';
import type { Product } from '../api/registry-types';
import { can, useCurrentUser } from '../current-user';
import { useCoded } from '../lib/coded';
import { currentYearVn } from '../lib/dates';
import { applyFieldErrors, hasFieldErrors } from '../lib/form-errors';
import { ErrorAlert } from './error-alert';

const FIELDS = ['kind', 'name', 'stars', 'year', 'note'];

function ProductModal({ orgId, open, onClose }: { orgId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCoded();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProductInput>();
  const kind = Form.useWatch('kind', form);
  const save = useMutation({
    mutationFn: (v: ProductInput) =>
      addProduct(orgId, {
        kind: v.kind,
        name: v.name.trim(),
        stars: v.kind === 'ocop' ? (v.stars ?? null) : null,
        year: v.year ?? null,
        note: v.note?.trim() || null,
      }),
    onSuccess: async () => {
      message.success(t('products.added'));
      await queryClient.invalidateQueries({ queryKey: orgKey(orgId) });
      onClose();
    },
    onError: (err) => applyFieldErrors(form, err, FIELDS),
  });
  return (
    <Modal
      open={open}
      title={t('products.addTitle')}
      okText={t('products.add')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={hasFieldErrors(save.error, FIELDS) ? null : save.error} />
      <Form<ProductInput>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'ocop' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="kind" label={t('products.kind')} rules={[{ required: true }]}>
          <Select options={options(PRODUCT_KINDS)} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('products.name')}
          rules={[{ required: true, whitespace: true, message: t('products.nameRequired') }]}
        >
          <Input maxLength={300} data-testid="product-name" />
        </Form.Item>
        {kind === 'ocop' && (
          <Form.Item name="stars" label={t('products.stars')}>
            <Rate count={5} />
          </Form.Item>
        )}
        <Form.Item name="year" label={t('products.year')}>
          <InputNumber min={1990} max={currentYearVn()} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="note" label={t('products.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** OCOP stars as a read-only Rate, other kinds as a tag. */
export function OrgProductsCard({ orgId, products }: { orgId: number; products: Product[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useCoded();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const write = can(me, 'org.write');
  const remove = useMutation({
    mutationFn: (productId: number) => removeProduct(orgId, productId),
    onSuccess: async () => {
      message.success(t('products.removed'));
      await queryClient.invalidateQueries({ queryKey: orgKey(orgId) });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Card
      size="small"
      title={t('products.title')}
      style={{ marginBottom: 16 }}
      extra={
        write && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            data-testid="product-add"
          >
            {t('products.add')}
          </Button>
        )
      }
    >
      {products.length === 0 && <Typography.Text type="secondary">{t('products.none')}</Typography.Text>}
      {products.map((p, i) => (
        <Flex
          key={p.id}
          justify="space-between"
          align="start"
          gap={8}
          style={{ padding: '6px 0', borderTop: i > 0 ? '1px solid #f0f0f0' : undefined }}
        >
          <Space orientation="vertical" size={0}>
            <Space size={6} wrap>
              <Typography.Text strong>{p.name}</Typography.Text>
              {p.kind === 'ocop' && p.stars ? (
                <Rate disabled count={5} value={p.stars} style={{ fontSize: 13 }} />
              ) : (
                <Tag>{label(PRODUCT_KINDS, p.kind)}</Tag>
              )}
            </Space>
            {(p.year || p.note) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[p.kind === 'ocop' && p.year ? t('products.ocopYear', { year: p.year }) : p.year, p.note]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            )}
          </Space>
          {write && (
            <Popconfirm
              title={t('products.removeConfirm', { name: p.name })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync(p.id).catch(() => undefined)}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('products.remove')}
              />
            </Popconfirm>
          )}
        </Flex>
      ))}
      <ProductModal orgId={orgId} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
