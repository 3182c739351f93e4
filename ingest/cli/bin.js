#!/usr/bin/env node
// The `waymark` command. The CLI is TypeScript run through tsx, so there is no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
