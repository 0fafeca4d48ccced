// Types of bin/compiled.js (plain JavaScript: it runs before anything compiles TypeScript).
export declare const ROOT: string;
export declare const STAMP: string;
export declare function scanSources(root?: string): { sources: string[]; assets: string[]; newest: number };
export declare function staleness(root?: string): 'missing' | 'stale' | undefined;
export declare function build(root?: string, options?: { force?: boolean }): Promise<{ files: number; ms: number }>;
export declare function loadEntry(entry: string): Promise<Record<string, unknown>>;
