/** The indicator catalogue: every built-in and officer-defined indicator with its definition in vi/en. */
import { DeleteOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCES } from '../../../core/indicator/spec';
import { foldVietnamese } from '../../../core/text';
import { errorMessage } from '../api/client';
import { type Indicator, indicatorApi, indicatorsKey, indicatorsQuery } from '../api/indicators';
import { ErrorAlert } from './error-alert';

/** Searchable table; officers with indicator.define may delete their own custom indicators. */
export function IndicatorCatalogue({ mayDefine }: { mayDefine: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  const q = useQuery(indicatorsQuery());
  const [text, setText] = useState('');
  const remove = useMutation({
    mutationFn: (d: Indicator) => indicatorApi.deleteCustom(d.id ?? 0),
    onSuccess: async () => {
      message.success(t('plan.ind.deleted'));
      await queryClient.invalidateQueries({ queryKey: indicatorsKey });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const needle = foldVietnamese(text.trim());
  const items = (q.data?.items ?? []).filter(
    (d) =>
      !needle || foldVietnamese(`${d.key} ${d.name.vi} ${d.name.en} ${d.definition[lang]}`).includes(needle),
  );
  const sourceLabel = (s: string) => SOURCES.find((x) => x.value === s)?.[lang] ?? s;

  return (
    <>
      <ErrorAlert error={q.error} />
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('plan.ind.search')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ maxWidth: 420, marginBottom: 12 }}
        data-testid="indicator-search"
      />
      <Table<Indicator>
        rowKey="key"
        size="small"
        loading={q.isLoading}
        dataSource={items}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="indicator-table"
        columns={[
          {
            title: t('plan.ind.name'),
            key: 'name',
            width: 300,
            render: (_, d) => (
              <>
                <Typography.Text strong>{d.name[lang]}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                  {d.key}
                </Typography.Text>{' '}
                {d.builtIn ? (
                  <Tag>{t('plan.ind.builtIn')}</Tag>
                ) : (
                  <Tag color="purple">{t('plan.ind.custom')}</Tag>
                )}
              </>
            ),
          },
          { title: t('plan.ind.unit'), dataIndex: 'unit', width: 110 },
          {
            title: t('plan.ind.source'),
            key: 'source',
            width: 200,
            render: (_, d) => sourceLabel(d.spec.source),
          },
          {
            title: t('plan.ind.definition'),
            key: 'definition',
            render: (_, d) => (
              <Typography.Paragraph
                style={{ margin: 0 }}
                ellipsis={{ rows: 3, expandable: true, symbol: '…' }}
              >
                {d.definition[lang]}
              </Typography.Paragraph>
            ),
          },
          ...(mayDefine
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 48,
                  render: (_: unknown, d: Indicator) =>
                    !d.builtIn && (
                      <Popconfirm title={t('plan.ind.deleteCustom')} onConfirm={() => remove.mutate(d)}>
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('plan.target.delete')}
                        />
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
