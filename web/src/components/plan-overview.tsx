/** The plans in force of one province, each with its status counts and the targets that need attention. */
import { WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Col, Empty, Flex, List, Row, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import { overviewQuery } from '../api/plans';
import { ErrorAlert } from './error-alert';
import { StatusCounts, TargetStatusTag } from './plan-status';

/** One card per plan in force; at-risk and missed targets are listed with a link to the plan. */
export function PlanOverview({ provinceId, date }: { provinceId: number; date?: string }) {
  const { t } = useTranslation();
  const q = useQuery(overviewQuery(provinceId, date));
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Spin />;
  const d = q.data;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="overview-heading">
        {t('plan.overview.heading', { province: d.provinceLabel, date: formatDate(d.date) })}
      </Typography.Title>
      {d.plans.length === 0 && <Empty description={t('plan.overview.empty')} />}
      <Row gutter={[16, 16]}>
        {/* The province's own plans first, then the national ones it implements. */}
        {[...d.plans]
          .sort((a, b) => Number(a.plan.provinceId === null) - Number(b.plan.provinceId === null))
          .map((o) => (
            <Col key={o.plan.id} xs={24} xl={12}>
              <Card
                size="small"
                data-testid="overview-plan"
                title={
                  <Link to="/plans/$id" params={{ id: String(o.plan.id) }} data-testid="overview-plan-link">
                    {o.plan.kindLabel} {o.plan.number ?? ''}
                  </Link>
                }
                extra={
                  <Typography.Text type="secondary">{`${o.plan.startYear}–${o.plan.endYear}`}</Typography.Text>
                }
              >
                <Typography.Paragraph
                  ellipsis={{ rows: 2, tooltip: o.plan.title }}
                  style={{ marginBottom: 8 }}
                >
                  {o.plan.title}
                </Typography.Paragraph>
                <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
                  <Tag>{o.plan.unitLabel}</Tag>
                  <Typography.Text type="secondary">
                    {t('plan.overview.targets', { count: o.targetCount })}
                  </Typography.Text>
                  {o.approximate && (
                    <Tag icon={<WarningOutlined />} color="gold">
                      {t('plan.overview.approximate')}
                    </Tag>
                  )}
                </Flex>
                <StatusCounts summary={o.summary} />
                <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
                  {t('plan.overview.needsAttention')}
                </Typography.Text>
                {o.atRisk.length === 0 ? (
                  <Typography.Text type="secondary">{t('plan.overview.allGood')}</Typography.Text>
                ) : (
                  <List
                    size="small"
                    dataSource={o.atRisk.slice(0, 6)}
                    renderItem={(r) => (
                      <List.Item style={{ paddingInline: 0 }}>
                        <Flex gap={8} align="baseline" style={{ width: '100%' }}>
                          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                            {r.part ? `${r.code}${r.part}` : r.code}
                          </Typography.Text>
                          <Typography.Text ellipsis={{ tooltip: r.wording }} style={{ flex: 1 }}>
                            {r.wording}
                          </Typography.Text>
                          <TargetStatusTag status={r.status} />
                        </Flex>
                      </List.Item>
                    )}
                  />
                )}
                {o.atRisk.length > 6 && (
                  <Link to="/plans/$id" params={{ id: String(o.plan.id) }}>
                    {t('plan.overview.more', { count: o.atRisk.length - 6 })}
                  </Link>
                )}
              </Card>
            </Col>
          ))}
      </Row>
    </>
  );
}
