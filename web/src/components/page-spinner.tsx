/** Centered spinner shown while a page or its data loads. */
import { Spin } from 'antd';

/** A full-width loading indicator for pending routes. */
export function PageSpinner() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin size="large" />
    </div>
  );
}
