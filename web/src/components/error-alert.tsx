/** Inline display of a failed request. */
import { Alert } from 'antd';
import { errorMessage } from '../api/client';

/** Shows the server's Vietnamese `detail` for `error`, or nothing when there is no error. */
export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      data-testid={testId}
      style={{ marginBottom: 16 }}
    />
  );
}
