#!/usr/bin/env node
// Compiled by `npm install` (the `prepare` script): plain `node` starts faster than a TypeScript loader.
import {runMain} from '../dist/cli.bundle.js'

runMain(process.argv.slice(2))
