/** See xvfb-display.mjs: start Xvfb unless a display is set; returns its stop function, or null. */
export declare function startXvfb(): Promise<(() => void) | null>;
