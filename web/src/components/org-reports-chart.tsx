/** Line chart of members, revenue and profit across years; loaded lazily so echarts stays out of the entry. */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { ReportSummary } from '../api/registry-types';
import { PRIMARY_COLOR } from '../theme';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const MILLION = 1_000_000;
const toMillions = (v: number | null) => (v === null ? null : Math.round(v / MILLION));

/** Members on the left axis, revenue and profit in million đồng on the right; gaps where not reported. */
export default function OrgReportsChart({ reports }: { reports: ReportSummary[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const members = t('reports.members');
    chart.setOption({
      grid: { left: 56, right: 72, top: 48, bottom: 32 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : '—'),
      },
      xAxis: { type: 'category', data: reports.map((r) => String(r.year)) },
      yAxis: [
        {
          type: 'value',
          name: members,
          minInterval: 1,
          axisLabel: { formatter: (v: number) => formatNumber(v) },
        },
        {
          type: 'value',
          name: t('reports.millionDong'),
          axisLabel: { formatter: (v: number) => formatNumber(v) },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: members,
          type: 'line',
          yAxisIndex: 0,
          itemStyle: { color: PRIMARY_COLOR },
          data: reports.map((r) => r.membersTotal),
        },
        {
          name: t('reports.revenueMillion'),
          type: 'line',
          yAxisIndex: 1,
          itemStyle: { color: '#52c41a' },
          data: reports.map((r) => toMillions(r.revenueTotal)),
        },
        {
          name: t('reports.profitMillion'),
          type: 'line',
          yAxisIndex: 1,
          itemStyle: { color: '#fa8c16' },
          data: reports.map((r) => toMillions(r.profitBeforeTax)),
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [reports, t]);

  return (
    <div ref={ref} style={{ width: '100%', height: 300 }} role="img" aria-label={t('reports.chartTitle')} />
  );
}
