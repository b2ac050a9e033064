/** Tag colours of the registry's coded values, shared by antd's tags (registry-tags.tsx) and the dashboard's. */

/** Colour of an organisation kind. */
export const KIND_COLOR: Record<string, string> = { THT: 'cyan', HTX: 'blue', LHHTX: 'purple' };

/** Colour of a legal status (NĐ 92/2024 Art. 27–28). */
export const STATUS_COLOR: Record<string, string> = {
  active: 'green',
  suspended: 'orange',
  tax_revoked: 'red',
  dissolving: 'volcano',
  bankruptcy: 'volcano',
  terminating: 'volcano',
  dissolved: 'default',
  terminated: 'default',
  not_at_address: 'magenta',
};

/** Colour of a yearly report's workflow status. */
export const REPORT_COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};
