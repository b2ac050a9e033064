/** Bar chart of unit counts before and after 1/7/2025; loaded lazily so echarts stays out of the entry. */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { UnitStats } from '../api/types';
import { PRIMARY_COLOR } from '../theme';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Grouped bars: provinces, districts and communes before and after the reorganisation. */
export default function UnitReformChart({ stats }: { stats: UnitStats }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption({
      grid: { left: 64, right: 16, top: 56, bottom: 32 },
      legend: { top: 0 },
      // Missing values ('-', the district level after 1/7/2025) read as zero.
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => formatNumber(typeof v === 'number' ? v : 0),
      },
      xAxis: {
        type: 'category',
        data: [t('dashboard.levelProvince'), t('dashboard.levelDistrict'), t('dashboard.levelCommune')],
      },
      // Log scale: 34 provinces and 3.321 communes must both stay visible.
      yAxis: {
        type: 'log',
        min: 1,
        name: t('dashboard.logScale'),
        axisLabel: { formatter: (v: number) => formatNumber(v) },
      },
      series: [
        {
          name: t('dashboard.before'),
          type: 'bar',
          itemStyle: { color: '#9fb3cc' },
          data: [stats.preProvinces, stats.preDistricts, stats.preCommunes],
        },
        {
          name: t('dashboard.after'),
          type: 'bar',
          itemStyle: { color: PRIMARY_COLOR },
          data: [stats.provinces, '-', stats.communes],
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [stats, t]);

  return (
    <div ref={ref} style={{ width: '100%', height: 280 }} role="img" aria-label={t('dashboard.chartTitle')} />
  );
}
