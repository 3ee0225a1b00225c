/** The headers that make a page cross-origin isolated. */
export declare const ISOLATION: Record<string, string>;
/** Serves `dir` at `base` on 127.0.0.1; resolves to the site's URL and a `close()`. */
export declare function serveSite(dir: string, options?: { base?: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
