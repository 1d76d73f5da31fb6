// Every route module of the API, registered by buildApp in this order. One line per module.
import type { RouteModule } from '../types.js';
import authRoutes from './auth.routes.js';
import healthRoutes from './health.routes.js';
import usersRoutes from './users.routes.js';
import postingsRoutes from './postings.routes.js';
import stockRoutes from './stock.routes.js';
import transactionKeysRoutes from './transaction-keys.routes.js';
import periodsRoutes from './periods.routes.js';
import reservationsRoutes from './reservations.routes.js';
import postingErrorsRoutes from './posting-errors.routes.js';
import lotsRoutes from './lots.routes.js';
import barcodesRoutes from './barcodes.routes.js';
import handheldRoutes from './handheld.routes.js';
import sitesRoutes from './sites.routes.js';
import ownersRoutes from './owners.routes.js';
import warehousesRoutes from './warehouses.routes.js';
import zonesRoutes from './zones.routes.js';
import binsRoutes from './bins.routes.js';
import unitsRoutes from './units.routes.js';
import classificationsRoutes from './classifications.routes.js';
import itemsRoutes from './items.routes.js';
import itemMasterItemsRoutes from './items-master-data.routes.js';
import itemMasterCodingRoutes from './items-coding.routes.js';
import itemMasterPricesRoutes from './items-prices.routes.js';
import itemMasterLotsRoutes from './items-lots.routes.js';
import itemMasterPlanningRoutes from './items-planning.routes.js';
import itemMasterImportRoutes from './items-import.routes.js';
import countListsRoutes from './count-lists.routes.js';
import countListPrintRoutes from './count-list-print.routes.js';
import jobsRoutes from './jobs.routes.js';
import inventoryTypesRoutes from './inventory-types.routes.js';
import inventoriesRoutes from './inventories.routes.js';
import generationRoutes from './generation.routes.js';
import numberSequencesRoutes from './number-sequences.routes.js';
import setupRoutes from './setup.routes.js';
import differencesRoutes from './differences.routes.js';
import countFilesRoutes from './count-files.routes.js';
import auditRoutes from './audit.routes.js';
import sampleRoutes from './sample.routes.js';
import approvalsRoutes from './approvals.routes.js';
import countPlansRoutes from './count-plans.routes.js';

export const routeModules: RouteModule[] = [
  healthRoutes,
  authRoutes,
  usersRoutes,
  postingsRoutes,
  stockRoutes,
  transactionKeysRoutes,
  periodsRoutes,
  reservationsRoutes,
  postingErrorsRoutes,
  lotsRoutes,
  barcodesRoutes,
  handheldRoutes,
  sitesRoutes,
  ownersRoutes,
  warehousesRoutes,
  zonesRoutes,
  binsRoutes,
  unitsRoutes,
  classificationsRoutes,
  itemsRoutes,
  itemMasterItemsRoutes,
  itemMasterCodingRoutes,
  itemMasterPricesRoutes,
  itemMasterLotsRoutes,
  itemMasterPlanningRoutes,
  itemMasterImportRoutes,
  countListsRoutes,
  countListPrintRoutes,
  jobsRoutes,
  inventoryTypesRoutes,
  inventoriesRoutes,
  generationRoutes,
  numberSequencesRoutes,
  setupRoutes,
  differencesRoutes,
  countFilesRoutes,
  auditRoutes,
  sampleRoutes,
  approvalsRoutes,
  countPlansRoutes,
];
