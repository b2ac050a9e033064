/** Bars of the yearly total score coloured by band; loaded lazily so echarts stays out of the entry chunk. */
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { HistoryItem } from '../api/assessment-types';
import { BAND_HEX } from './assessment-tags';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** One bar per year (grey when no band yet), the band's name above it. */
export default function AssessmentHistoryChart({ items }: { items: HistoryItem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const label = (i: HistoryItem) =>
      i.band
        ? t(`assessment.band.${i.band}`)
        : i.notClassifiedReason
          ? t(`assessment.reason.${i.notClassifiedReason}`, { defaultValue: i.notClassifiedLabel })
          : t(`assessment.status.${i.status}`);
    chart.setOption({
      grid: { left: 40, right: 16, top: 28, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { dataIndex: number }[]) => {
          const i = items[ps[0]?.dataIndex ?? 0];
          const total = i.total ?? i.selfTotal;
          return `${i.year}: ${total === null ? '—' : formatNumber(total, 2)} · ${label(i)}`;
        },
      },
      xAxis: { type: 'category', data: items.map((i) => String(i.year)) },
      yAxis: { type: 'value', min: 0, max: Math.max(100, ...items.map((i) => i.maxTotal)) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          data: items.map((i) => ({
            value: i.total ?? i.selfTotal,
            itemStyle: { color: i.band ? BAND_HEX[i.band] : '#bfbfbf' },
          })),
          label: {
            show: true,
            position: 'top',
            formatter: (p: { dataIndex: number }) =>
              items[p.dataIndex].band ? label(items[p.dataIndex]) : '',
          },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [items, t]);

  return (
    <div
      ref={ref}
      style={{ width: '100%', height: 260 }}
      role="img"
      aria-label={t('assessment.history.chart')}
    />
  );
}
