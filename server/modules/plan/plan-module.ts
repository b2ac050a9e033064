import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.js';
import { registerIndicatorRoutes } from '../indicator/indicator.routes.js';
import { registerPlanRoutes } from './plan.routes.js';
import { registerPlanDeleteRoutes } from './plan-delete.routes.js';

/** Registers the indicator routes and the plan routes (issue 5). */
export function registerPlanModule(app: OpenAPIHono<AppEnv>) {
  registerIndicatorRoutes(app);
  registerPlanRoutes(app);
  registerPlanDeleteRoutes(app);
}
