// How every suite launches the system Chromium (apt's /usr/bin/chromium; nothing downloads a
// browser). As root it needs --no-sandbox; the rest keeps it off the closed network.
export const CHROMIUM_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
