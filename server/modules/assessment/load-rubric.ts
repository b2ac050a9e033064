/** Loading rubric versions as definitions, for every service of the module. */
import type { Kysely } from 'kysely';
import type { RubricDefinition } from '../../../core/assessment/types.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../http/problem.js';
import * as repo from './rubric.repo.js';
import { toDefinition } from './rubric-mapper.js';

/** A stored version and its definition. */
export interface LoadedRubric {
  row: repo.RubricVersionRow;
  def: RubricDefinition;
}

/** The version with its items, or 404 rubric not found. */
export async function loadRubric(db: Kysely<DB>, id: number, lock = false): Promise<LoadedRubric> {
  const row = await repo.findRubricVersion(db, id, lock);
  if (!row) throw notFound('Không tìm thấy bộ tiêu chí đánh giá.');
  return { row, def: toDefinition(row, await repo.listRubricItems(db, [id])) };
}

/** Several versions by id (missing ids are skipped). */
export async function loadRubrics(db: Kysely<DB>, ids: number[]): Promise<Map<number, LoadedRubric>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('rubric_version').selectAll().where('id', 'in', unique).execute();
  const items = await repo.listRubricItems(db, unique);
  return new Map(rows.map((row) => [row.id, { row, def: toDefinition(row, items) }]));
}
