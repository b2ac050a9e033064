import type { AssessmentTables } from './tables/assessment.js';
import type { FoundationTables } from './tables/foundation.js';
import type { PlanTables } from './tables/plan.js';
import type { RegistryTables } from './tables/registry.js';

/** Every table the application reads or writes: one interface per module in ./tables, combined here. */
export interface DB extends FoundationTables, RegistryTables, PlanTables, AssessmentTables {}
