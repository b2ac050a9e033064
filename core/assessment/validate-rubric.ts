/**
 * Validation of a rubric version as data: item tree shape, maxima (children sum to the parent's maximum, groups to
 * the total), scoring thresholds ordered and within [0, max], band thresholds, override and exclusion rules. Items
 * whose official appendix is missing (needsAppendix) are checked against the nearest known maximum only, and make
 * the rubric "incomplete" (a warning, not an error): it can still be activated.
 */
import { scoringFigure } from './figures.js';
import { BAND_LABELS, NEEDS_APPENDIX_TEXT } from './labels.js';
import { effectiveMax, indexTree, type RubricTree, toCents } from './tree.js';
import { BANDS, type Issue, type RubricDefinition, type RubricItem } from './types.js';

/** The outcome: errors block activation; warnings (incomplete appendix) do not. */
export interface RubricValidation {
  valid: boolean;
  complete: boolean;
  errors: Issue[];
  warnings: Issue[];
}

const fmt = (x: number) => String(x).replace('.', ',');
const MD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const twoDecimals = (x: number) => Number.isFinite(x) && Math.abs(toCents(x) - x * 100) < 1e-6;

/** The known lower bound of an item's maximum: its own, else the sum of its children's known bounds. */
function knownFloor(tree: RubricTree, item: RubricItem, seen = new Set<string>()): number {
  if (item.maxPoints !== null) return toCents(item.maxPoints);
  if (seen.has(item.code)) return 0;
  seen.add(item.code);
  return (tree.children.get(item.code) ?? []).reduce((s, c) => s + knownFloor(tree, c, seen), 0);
}

function checkShape(def: RubricDefinition, tree: RubricTree, errors: Issue[]) {
  const seen = new Set<string>();
  for (const i of def.items) {
    const path = `items.${i.code}`;
    const err = (code: string, message: string) => errors.push({ path, code, message, itemCode: i.code });
    if (!i.code.trim() || i.code.length > 10)
      err('rubric.item_code', 'Mã tiêu chí phải có từ 1 đến 10 ký tự.');
    if (seen.has(i.code)) err('rubric.item_duplicate', `Mã tiêu chí "${i.code}" bị trùng.`);
    seen.add(i.code);
    if (!i.label.trim()) err('rubric.item_label', `Tiêu chí "${i.code}" chưa có tên.`);
    const parent = i.parentCode === null ? null : tree.byCode.get(i.parentCode);
    if (i.parentCode !== null && (!parent || i.parentCode === i.code)) {
      err('rubric.item_parent', `Tiêu chí "${i.code}" gắn với tiêu chí cha "${i.parentCode}" không tồn tại.`);
    } else if (i.level === 'group' && parent) {
      err('rubric.item_level', `Nhóm tiêu chí "${i.code}" không được nằm trong tiêu chí khác.`);
    } else if (i.level === 'criterion' && parent && parent.level !== 'group') {
      err('rubric.item_level', `Tiêu chí "${i.code}" chỉ được nằm trong một nhóm tiêu chí.`);
    } else if (i.level === 'sub' && parent?.level !== 'criterion') {
      err('rubric.item_level', `Tiêu chí thành phần "${i.code}" phải nằm trong một tiêu chí.`);
    }
    if (i.maxPoints === null && !i.needsAppendix) {
      err(
        'rubric.max_missing',
        `Tiêu chí "${i.code}" chưa có điểm tối đa (nếu văn bản chưa có, đánh dấu "${NEEDS_APPENDIX_TEXT}").`,
      );
    }
    if (
      i.maxPoints !== null &&
      (!(i.maxPoints > 0) || i.maxPoints > def.maxTotal || !twoDecimals(i.maxPoints))
    ) {
      err(
        'rubric.max_range',
        `Điểm tối đa của tiêu chí "${i.code}" phải lớn hơn 0, không quá ${fmt(def.maxTotal)} và tối đa 2 chữ số thập phân.`,
      );
    }
  }
}

/** Children against their parent's maximum (the root's is the rubric total). */
function checkSums(def: RubricDefinition, tree: RubricTree, errors: Issue[], warnings: Issue[]) {
  const parents: { code: string; max: number | null; appendix: boolean; label: string }[] = [
    { code: '', max: def.maxTotal, appendix: false, label: 'toàn bộ bảng điểm' },
    ...def.items.map((i) => ({
      code: i.code,
      max: i.maxPoints,
      appendix: i.needsAppendix,
      label: `tiêu chí "${i.code}"`,
    })),
  ];
  for (const p of parents) {
    const kids = tree.children.get(p.code) ?? [];
    if (kids.length === 0 || p.max === null) continue;
    const exact = !p.appendix && kids.every((k) => k.maxPoints !== null && !k.needsAppendix);
    const sum = kids.reduce((s, k) => s + knownFloor(tree, k), 0);
    const path = p.code ? `items.${p.code}` : 'maxTotal';
    if (exact && sum !== toCents(p.max)) {
      errors.push({
        path,
        code: 'rubric.children_sum',
        itemCode: p.code || undefined,
        message: `Tổng điểm tối đa các tiêu chí con của ${p.label} là ${fmt(sum / 100)}, phải bằng ${fmt(p.max)}.`,
      });
    } else if (!exact && sum > toCents(p.max)) {
      errors.push({
        path,
        code: 'rubric.children_exceed',
        itemCode: p.code || undefined,
        message: `Các tiêu chí con đã biết của ${p.label} cộng lại ${fmt(sum / 100)} điểm, vượt điểm tối đa ${fmt(p.max)}.`,
      });
    }
  }
  for (const i of def.items.filter((x) => x.needsAppendix)) {
    warnings.push({
      path: `items.${i.code}`,
      code: 'rubric.needs_appendix',
      itemCode: i.code,
      message: `Tiêu chí "${i.code}" ${NEEDS_APPENDIX_TEXT}: kiểm tra theo điểm tối đa ${fmt(effectiveMax(def, tree, i.code))} của cấp trên.`,
    });
  }
}

function checkScoring(def: RubricDefinition, tree: RubricTree, errors: Issue[]) {
  for (const i of def.items) {
    const r = i.scoring;
    if (!r) continue;
    const path = `items.${i.code}.scoring`;
    const err = (code: string, message: string) => errors.push({ path, code, message, itemCode: i.code });
    if ((tree.children.get(i.code) ?? []).length > 0)
      err(
        'rubric.scoring_not_leaf',
        `Chỉ tiêu chí không có tiêu chí con mới có quy tắc tính điểm ("${i.code}").`,
      );
    if (r.kind === 'survey_average') continue;
    if (!scoringFigure(r.figure))
      err(
        'rubric.scoring_figure',
        `Quy tắc của tiêu chí "${i.code}" dùng chỉ tiêu "${r.figure}" không có trong báo cáo năm.`,
      );
    if (r.levels.length === 0)
      err('rubric.scoring_empty', `Quy tắc của tiêu chí "${i.code}" chưa có mức điểm nào.`);
    const max = effectiveMax(def, tree, i.code);
    r.levels.forEach((l, k) => {
      if (!Number.isFinite(l.points) || l.points < 0 || l.points > max || !twoDecimals(l.points)) {
        err(
          'rubric.scoring_points',
          `Mức ${k + 1} của tiêu chí "${i.code}": điểm phải từ 0 đến ${fmt(max)}.`,
        );
      }
      if (l.min === null && k > 0)
        err(
          'rubric.scoring_order',
          `Mức ${k + 1} của tiêu chí "${i.code}" phải có ngưỡng (chỉ mức đầu được để trống).`,
        );
      const prev = k > 0 ? r.levels[k - 1].min : null;
      if (l.min !== null && (!Number.isFinite(l.min) || (k > 0 && prev !== null && !(l.min > prev)))) {
        err('rubric.scoring_order', `Ngưỡng các mức của tiêu chí "${i.code}" phải tăng dần.`);
      }
    });
  }
}

function checkRules(def: RubricDefinition, errors: Issue[]) {
  const err = (path: string, code: string, message: string) => errors.push({ path, code, message });
  if (!(def.maxTotal > 0) || def.maxTotal > 999 || !twoDecimals(def.maxTotal))
    err('maxTotal', 'rubric.total_range', 'Tổng điểm tối đa phải từ 0 đến 999.');
  const bands = def.bands;
  if (bands.length !== BANDS.length || BANDS.some((b, k) => bands[k]?.band !== b)) {
    err(
      'bands',
      'rubric.bands_set',
      'Ngưỡng xếp loại phải gồm đúng 4 loại theo thứ tự Tốt, Khá, Trung bình, Yếu.',
    );
  } else {
    bands.forEach((b, k) => {
      if (!Number.isFinite(b.min) || b.min < 0 || b.min > def.maxTotal || !twoDecimals(b.min)) {
        err(
          `bands.${b.band}`,
          'rubric.band_range',
          `Ngưỡng loại ${BAND_LABELS[b.band]} phải từ 0 đến ${fmt(def.maxTotal)}.`,
        );
      }
      if (k > 0 && !(b.min < bands[k - 1].min)) {
        err(
          `bands.${b.band}`,
          'rubric.band_order',
          `Ngưỡng loại ${BAND_LABELS[b.band]} phải thấp hơn ngưỡng loại ${BAND_LABELS[bands[k - 1].band]}.`,
        );
      }
    });
    if (bands[BANDS.length - 1].min !== 0)
      err('bands.yeu', 'rubric.band_floor', 'Loại Yếu phải bắt đầu từ 0 điểm (mọi tổng điểm đều có loại).');
  }
  def.overrides.forEach((o, k) => {
    if (!BANDS.includes(o.band))
      err(`overrides.${k}`, 'rubric.override_band', 'Quy tắc ghi đè phải chỉ ra một loại hợp lệ.');
  });
  def.exclusions.forEach((x, k) => {
    if (x.kind !== 'credit_fund' && (!Number.isInteger(x.months) || x.months < 1 || x.months > 12)) {
      err(`exclusions.${k}`, 'rubric.exclusion_months', 'Số tháng của quy tắc loại trừ phải từ 1 đến 12.');
    }
  });
  for (const k of ['self', 'commune', 'province'] as const) {
    if (!MD.test(def.deadlines[k])) err(`deadlines.${k}`, 'rubric.deadline', 'Hạn phải có dạng MM-DD.');
  }
  if (def.appliesTo.kinds.length === 0)
    err('appliesTo.kinds', 'rubric.applies_kinds', 'Bộ tiêu chí phải áp dụng cho ít nhất một loại hình.');
}

/** Validates a rubric definition; pure. */
export function validateRubric(def: RubricDefinition): RubricValidation {
  const tree = indexTree(def.items);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  checkShape(def, tree, errors);
  checkSums(def, tree, errors, warnings);
  checkScoring(def, tree, errors);
  checkRules(def, errors);
  if (def.items.length === 0)
    errors.push({ path: 'items', code: 'rubric.items_empty', message: 'Bộ tiêu chí chưa có tiêu chí nào.' });
  return { valid: errors.length === 0, complete: warnings.length === 0, errors, warnings };
}
