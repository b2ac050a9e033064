import type { Field, OrganisationKind } from './enums.js';
import { statusAllowedFor } from './lifecycle.js';
import { fieldFromVsic } from './vsic.js';

/** The fields the cross-field rules look at. */
export interface OrganisationRuleInput {
  kind: OrganisationKind;
  vsicCode?: string | null;
  field?: Field | null;
  agriSubtype?: string | null;
  governance?: string | null;
  legalStatus: string;
}

/** A rule broken, with the input field it concerns and a stable code. */
export interface RuleError {
  path: string;
  code: string;
  message: string;
}

/** Outcome of the rules: the field of activity to store, errors that block, warnings that do not. */
export interface RuleOutcome {
  field: Field | null;
  errors: RuleError[];
  warnings: string[];
}

/**
 * Cross-field rules of an organisation's registration data, shared by the form, the API and the import:
 * the field of activity is the main business line's (NĐ 113/2024 Art. 4(1)) and is derived from the VSIC
 * code when not given; agricultural sub-types (TT 09/2017) only for agriculture; reduced governance only for
 * an HTX or LHHTX (Luật HTX 2023 Art. 56) and only when small enough, which depends on the year's figures, so
 * that part is a warning; the legal status must exist for the kind (NĐ 92/2024 Art. 27–28).
 */
export function checkOrganisationRules(o: OrganisationRuleInput): RuleOutcome {
  const errors: RuleError[] = [];
  const warnings: string[] = [];
  const derived = o.vsicCode ? fieldFromVsic(o.vsicCode) : null;
  const field = o.field ?? derived;
  if (o.field && derived && o.field !== derived) {
    warnings.push(
      'Lĩnh vực đã chọn khác với lĩnh vực của ngành nghề kinh doanh chính (mã VSIC); theo NĐ 113/2024 Điều 4, lĩnh vực là lĩnh vực của ngành nghề chính.',
    );
  }
  if (o.agriSubtype && field !== 'agriculture') {
    errors.push({
      path: 'agriSubtype',
      code: 'organisation.agri_subtype_field',
      message: 'Loại hình nông nghiệp chỉ áp dụng cho tổ chức hoạt động trong lĩnh vực nông nghiệp.',
    });
  }
  if (o.governance === 'reduced') {
    if (o.kind === 'THT') {
      errors.push({
        path: 'governance',
        code: 'organisation.governance_kind',
        message:
          'Mô hình quản trị rút gọn chỉ áp dụng cho hợp tác xã hoặc liên hiệp hợp tác xã (Luật HTX 2023, Điều 56).',
      });
    } else {
      warnings.push(
        o.kind === 'HTX'
          ? 'Mô hình quản trị rút gọn chỉ dành cho HTX quy mô siêu nhỏ (Luật HTX 2023, Điều 56); hãy đối chiếu với số liệu năm.'
          : 'Mô hình quản trị rút gọn chỉ dành cho liên hiệp HTX có dưới 10 thành viên (Luật HTX 2023, Điều 56); hãy đối chiếu với số liệu năm.',
      );
    }
  }
  if (!statusAllowedFor(o.kind, o.legalStatus)) {
    errors.push({
      path: 'legalStatus',
      code: 'organisation.legal_status_kind',
      message: 'Tình trạng pháp lý này không áp dụng cho loại hình tổ chức đã chọn (NĐ 92/2024, Điều 27–28).',
    });
  }
  return { field, errors, warnings };
}
