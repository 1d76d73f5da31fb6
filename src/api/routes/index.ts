// Every route module of the API, registered by buildApp in this order. One line per module.
import type { RouteModule } from '../types.js';
import authRoutes from './auth.routes.js';
import healthRoutes from './health.routes.js';
import usersRoutes from './users.routes.js';

export const routeModules: RouteModule[] = [
  healthRoutes,
  authRoutes,
  usersRoutes,
];
