// Sub-commands of `inventur`, one line per module.
import type { Command } from 'commander';
import type { Cli } from '../io.js';
import { registerBarcode } from './barcode.command.js';
import { registerCount } from './count.command.js';
import { registerDemo } from './demo.command.js';
import { registerInventory } from './inventory.command.js';
import { registerItem } from './item.command.js';
import { registerMigrate } from './migrate.command.js';
import { registerOpenapi } from './openapi.command.js';
import { registerServe } from './serve.command.js';
import { registerUser } from './user.command.js';

export const commandModules: Array<(program: Command, cli: Cli) => void> = [
  registerServe,
  registerBarcode,
  registerMigrate,
  registerUser,
  registerOpenapi,
  registerDemo,
  registerItem,
  registerCount,
  registerInventory,
];
