/** Side-by-side view of an entity before and after a change. */
import { Col, Row, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { changedKeys, isRecord, unionKeys } from '../lib/json-diff';

const PRE: CSSProperties = {
  margin: 0,
  padding: 8,
  background: '#fafafa',
  border: '1px solid #f0f0f0',
  borderRadius: 4,
  fontSize: 12,
  fontFamily: "ui-monospace, SFMono-Regular, Consolas, 'Liberation Mono', Menlo, monospace",
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
};

function stringify(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}

function Side({
  value,
  keys,
  changed,
  tint,
}: {
  value: unknown;
  keys: string[];
  changed: Set<string>;
  tint: string;
}) {
  const { t } = useTranslation();
  if (value === null || value === undefined) {
    return <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text>;
  }
  if (!isRecord(value)) return <pre style={PRE}>{stringify(value)}</pre>;
  return (
    <pre style={PRE}>
      {keys
        .filter((k) => k in value)
        .map((k) => (
          <div key={k} style={changed.has(k) ? { background: tint, fontWeight: 600 } : undefined}>
            {`${JSON.stringify(k)}: ${stringify(value[k])}`}
          </div>
        ))}
    </pre>
  );
}

/** Two columns, "Trước" and "Sau", with the keys that changed highlighted on both sides; all text, no HTML. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const keys = unionKeys(before, after);
  const changed = new Set(changedKeys(before, after));
  return (
    <Row gutter={16} data-testid="audit-diff">
      <Col xs={24} md={12}>
        <Typography.Text strong>{t('audit.before')}</Typography.Text>
        <Side value={before} keys={keys} changed={changed} tint="#fff1f0" />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text strong>{t('audit.after')}</Typography.Text>
        <Side value={after} keys={keys} changed={changed} tint="#f6ffed" />
      </Col>
    </Row>
  );
}
