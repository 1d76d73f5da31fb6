// Placeholder: the module's routes land in this change.
import type { RouteModule } from '../types.js';

const routes: RouteModule = () => {};

export default routes;
