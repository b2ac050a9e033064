/** The rubric versions shipped with HopTac (loaded by migration 0007). */
import type { RubricDefinition } from '../types.js';
import { TT01_2020 } from './tt01-2020.js';
import { TT09_2017 } from './tt09-2017.js';

export { TT01_2020, TT09_2017 };

/** Every shipped rubric, each active from first start. */
export const SHIPPED_RUBRICS: readonly RubricDefinition[] = [TT01_2020, TT09_2017];
