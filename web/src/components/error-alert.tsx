/** Inline display of a failed request. */
import { errorMessage } from '../api/client';
import { Icon } from './icons';

/** Shows the server's Vietnamese `detail` for `error` (antd's error Alert look), or nothing without an error. */
export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  if (!error) return null;
  return (
    <div className="ht-alert" role="alert" data-testid={testId}>
      <Icon name="closeCircleFilled" />
      <div>{errorMessage(error)}</div>
    </div>
  );
}
