// Entry point of `npm start`: the compiled web server (dist/server/main.js), rebuilt first when
// src/ changed since it was built, or the TypeScript sources through tsx where it cannot be built
// (bin/compiled.js). The server starts when its module is loaded.
import { loadEntry } from './compiled.js';

await loadEntry('server/main');
