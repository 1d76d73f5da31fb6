#!/usr/bin/env node
// The package's command: runs the TypeScript CLI through tsx so `npx inventur …` works in a checkout
// without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
