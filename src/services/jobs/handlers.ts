// Every job kind's handler registers itself when its module is imported; importing them here makes sure
// the runner knows them all before it claims a job. Other modules add one import line each.
import '../inventory/open.service.js';
import '../inventory/close.service.js';
import '../inventory/close-inventory.service.js';
