// Sources beyond --file register themselves here (kept apart so the file path has no API code).
// The API source (axios, zod, proxy agents) is loaded only when --url asks for it: --file runs
// do not pay for initialising it (about 0.1 s of CPU), nor for parsing it: esbuild.js bundles it
// apart, as dist/apiSource.js beside dist/cli.js, which this require finds at run time. (Its
// UsageError is then another class than main's; main reports both kinds alike: one line, exit 2.)
import type * as ApiSource from './apiSource';
import { overviewSources } from './overviewCommand';

overviewSources.url = (args, io, extra) => (require('./apiSource') as typeof ApiSource).apiSource(args, io, extra);
