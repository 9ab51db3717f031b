/** Path of the system Chromium (`CHROME_PATH`, else `/usr/bin/chromium`). */
export declare const CHROMIUM_PATH: string;
/** Launch flags every suite uses. */
export declare const CHROMIUM_ARGS: string[];
