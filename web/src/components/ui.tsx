/**
 * The few building blocks the shell and the dashboard are drawn with: plain elements styled by shell.css to look
 * like their antd counterparts (Card, Button, Tag, Statistic, Descriptions). They keep antd out of the dashboard's
 * first load (issue 6); pages with forms, tables and dialogs use antd itself.
 */
import type { ButtonHTMLAttributes, CSSProperties, ReactNode } from 'react';
import { Icon, type IconName } from './icons';

/** A bordered white card, antd's `size="small"`; `inner` is the grey-headed card nested in another. */
export function Card({
  title,
  extra,
  inner,
  style,
  testId,
  children,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  inner?: boolean;
  style?: CSSProperties;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className={inner ? 'ht-card ht-card-inner' : 'ht-card'} style={style} data-testid={testId}>
      {(title || extra) && (
        <div className="ht-card-head">
          <div className="ht-card-title">{title}</div>
          {extra && <div className="ht-card-extra">{extra}</div>}
        </div>
      )}
      <div className="ht-card-body">{children}</div>
    </section>
  );
}

/** Props of Button: a native button with antd's variants, an optional leading icon and a busy state. */
export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: 'default' | 'primary' | 'text';
  icon?: IconName;
  loading?: boolean;
  testId?: string;
}

/** A button like antd's (32 px high, 4 px radius); while `loading` it shows a spinning icon and is disabled. */
export function Button({
  variant = 'default',
  icon,
  loading,
  testId,
  disabled,
  className,
  children,
  ...rest
}: ButtonProps) {
  const classes = ['ht-btn', variant === 'default' ? '' : `ht-btn-${variant}`, className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      data-testid={testId}
      {...rest}
    >
      {loading ? <Icon name="loading" className="ht-icon-spin" /> : icon && <Icon name={icon} />}
      {children}
    </button>
  );
}

/** antd's preset and status colours a Tag can take. */
export type TagColor =
  | 'default'
  | 'blue'
  | 'processing'
  | 'cyan'
  | 'purple'
  | 'green'
  | 'success'
  | 'orange'
  | 'gold'
  | 'warning'
  | 'red'
  | 'volcano'
  | 'magenta';

/** A small coloured label; `title` is shown as the browser's tooltip. */
export function Tag({
  color = 'default',
  wrap,
  title,
  testId,
  children,
}: {
  color?: string;
  wrap?: boolean;
  title?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <span
      className={`ht-tag ht-tag-${color}${wrap ? ' ht-tag-normal' : ''}`}
      title={title}
      data-testid={testId}
    >
      {children}
    </span>
  );
}

/** A counter card: the title, then the value (already formatted) or a skeleton line while it loads. */
export function StatisticCard({
  title,
  value,
  loading,
}: {
  title: string;
  value: string;
  loading?: boolean;
}) {
  return (
    <Card style={{ height: '100%' }}>
      <div className="ht-stat-title">{title}</div>
      {loading ? <span className="ht-skeleton" /> : <div className="ht-stat-value">{value}</div>}
    </Card>
  );
}

/** Label–value pairs in one column on narrow screens, two from 768 px (antd's Descriptions, small). */
export function Descriptions({ items }: { items: { key: string; label: string; children: ReactNode }[] }) {
  return (
    <dl className="ht-desc">
      {items.map((item) => (
        <div key={item.key} className="ht-desc-item">
          <dt>{item.label}</dt>
          <dd>{item.children}</dd>
        </div>
      ))}
    </dl>
  );
}
