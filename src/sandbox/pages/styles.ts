/** The one stylesheet of the sandbox pages (served inline; allowed by a CSP hash, no scripts). */
export const SANDBOX_CSS = `
:root {
  color-scheme: light dark;
  --ink: #0f1b2d;
  --muted: #5b6b80;
  --line: #dbe2ec;
  --surface: #ffffff;
  --canvas: #eef2f7;
  --navy: #0b1f3a;
  --accent: #0a5cd8;
  --accent-dark: #0847a8;
  --danger: #b42318;
  --danger-soft: #fef3f2;
  --ok: #067647;
  --ok-soft: #ecfdf3;
  --warn: #b54708;
  --warn-soft: #fffaeb;
  --info-soft: #eef4ff;
  --soft-surface: #f8fafc;
  --hover: #f1f5f9;
  --input-line: #c3cddb;
  --input: #ffffff;
  --danger-line: #fecdca;
  --placeholder: #98a2b3;
  --code: #0f1b2d;
  --radius: 12px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 16px;
  line-height: 1.5;
  color: var(--ink);
  background: var(--canvas);
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
.topbar { background: var(--navy); color: #fff; }
.topbar-inner {
  max-width: 980px; margin: 0 auto; padding: 14px 24px;
  display: flex; align-items: center; justify-content: space-between; gap: 16px;
}
.logo { display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 1.15rem; letter-spacing: 0.01em; }
.logo-mark {
  width: 30px; height: 30px; border-radius: 50%;
  background: conic-gradient(from 210deg, #38bdf8, #0a5cd8, #22c55e, #38bdf8);
  box-shadow: inset 0 0 0 7px var(--navy);
}
.badge {
  display: inline-block; padding: 2px 8px; border-radius: 999px;
  background: #fbbf24; color: #422006; font-size: 0.7rem; font-weight: 800; letter-spacing: 0.08em;
}
.secure { display: flex; align-items: center; gap: 6px; font-size: 0.9rem; color: #c7d4e6; }
.secure svg { width: 16px; height: 16px; fill: currentColor; }
main { flex: 1; width: 100%; max-width: 980px; margin: 0 auto; padding: 32px 24px 24px; }
.layout { display: grid; grid-template-columns: minmax(0, 340px) minmax(0, 1fr); gap: 24px; align-items: start; }
.panel {
  background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius);
  box-shadow: 0 1px 2px rgba(15, 27, 45, 0.04), 0 8px 24px rgba(15, 27, 45, 0.06);
  padding: 24px;
}
.eyebrow { margin: 0; color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; font-weight: 600; }
.merchant { margin: 2px 0 20px; font-size: 1.35rem; line-height: 1.3; overflow-wrap: anywhere; }
.facts { margin: 0; display: grid; gap: 12px; }
.facts div { display: flex; justify-content: space-between; gap: 12px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; text-align: right; overflow-wrap: anywhere; }
.total { margin-top: 8px; padding-top: 16px; border-top: 1px dashed var(--line); align-items: baseline; }
.total dd { font-size: 1.6rem; font-weight: 750; font-variant-numeric: tabular-nums; }
h1, h2 { letter-spacing: -0.01em; }
.pay h2 { margin: 0 0 4px; font-size: 1.25rem; }
.brands { display: flex; gap: 6px; margin: 0 0 20px; padding: 0; list-style: none; }
.brands li {
  font-size: 0.68rem; font-weight: 800; letter-spacing: 0.04em; padding: 3px 7px; border-radius: 4px;
  border: 1px solid var(--line); color: var(--muted); background: var(--soft-surface);
}
.brands .visa { color: #1a1f71; }
.brands .mc { color: #c2410c; }
.alert {
  display: flex; gap: 10px; align-items: flex-start; margin: 0 0 18px; padding: 12px 14px;
  border-radius: 8px; background: var(--danger-soft); color: var(--danger); border: 1px solid var(--danger-line);
  font-weight: 600;
}
.alert svg { flex: none; width: 20px; height: 20px; fill: currentColor; margin-top: 1px; }
.field { margin: 0 0 16px; }
.field label { display: block; font-weight: 600; font-size: 0.92rem; margin-bottom: 6px; }
.field input[type="text"] {
  width: 100%; font: inherit; font-size: 1rem; padding: 11px 12px; color: var(--ink);
  border: 1px solid var(--input-line); border-radius: 8px; background: var(--input);
  transition: border-color 120ms, box-shadow 120ms;
}
.field input[type="text"]::placeholder { color: var(--placeholder); }
.field input[type="text"]:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px rgba(10, 92, 216, 0.18); }
.field input[aria-invalid="true"] { border-color: var(--danger); background: var(--danger-soft); }
.field input[aria-invalid="true"]:focus { box-shadow: 0 0 0 3px rgba(180, 35, 24, 0.18); }
.mono { font-variant-numeric: tabular-nums; letter-spacing: 0.04em; }
.field-error { margin: 6px 0 0; color: var(--danger); font-size: 0.86rem; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.consent {
  display: flex; gap: 10px; align-items: flex-start; margin: 4px 0 20px; padding: 12px 14px;
  border: 1px solid var(--line); border-radius: 8px; background: var(--soft-surface); font-size: 0.92rem;
}
.consent input { width: 18px; height: 18px; margin: 2px 0 0; accent-color: var(--accent); flex: none; }
.actions { display: grid; gap: 10px; margin-top: 8px; }
button {
  font: inherit; font-weight: 700; font-size: 1rem; border-radius: 8px; padding: 12px 18px; cursor: pointer;
  transition: background 120ms, border-color 120ms;
}
button:focus-visible, a:focus-visible, input[type="checkbox"]:focus-visible { outline: 3px solid rgba(10, 92, 216, 0.45); outline-offset: 2px; }
.primary {
  background: var(--accent); color: #fff; border: 1px solid var(--accent);
  display: flex; align-items: center; justify-content: center; gap: 8px;
}
.primary svg { width: 16px; height: 16px; fill: currentColor; opacity: 0.9; }
.primary:hover { background: var(--accent-dark); border-color: var(--accent-dark); }
.secondary { background: transparent; color: var(--muted); border: 1px solid transparent; }
.secondary:hover { color: var(--ink); background: var(--hover); }
.amount-note { margin: 0; text-align: center; color: var(--muted); font-size: 0.85rem; }
.test-cards { margin-top: 24px; }
.test-cards h2 { margin: 0 0 4px; font-size: 1rem; }
.test-cards p { margin: 0 0 12px; color: var(--muted); font-size: 0.9rem; }
table { width: 100%; border-collapse: collapse; font-size: 0.92rem; }
th, td { text-align: left; padding: 8px 10px; border-top: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; border-top: 0; }
td code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9rem; white-space: nowrap; }
.pill { display: inline-block; padding: 2px 8px; border-radius: 6px; font-size: 0.78rem; font-weight: 700; }
.pill.success { background: var(--ok-soft); color: var(--ok); }
.pill.refused { background: var(--danger-soft); color: var(--danger); }
.pill.uncertain, .pill.waiting { background: var(--warn-soft); color: var(--warn); }
.pill.challenge, .pill.authentication-required { background: var(--info-soft); color: var(--accent); }
footer { text-align: center; color: var(--muted); font-size: 0.82rem; padding: 8px 24px 28px; }
.message { max-width: 620px; margin: 24px auto 0; text-align: center; }
.message .icon {
  width: 56px; height: 56px; margin: 0 auto 12px; border-radius: 50%; display: grid; place-items: center;
}
.message .icon svg { width: 28px; height: 28px; fill: currentColor; }
.message.error .icon { background: var(--danger-soft); color: var(--danger); }
.message.success .icon { background: var(--ok-soft); color: var(--ok); }
.message.neutral .icon { background: var(--warn-soft); color: var(--warn); }
.message.challenge .icon { background: var(--info-soft); color: var(--accent); }
.message form.actions { margin: 20px 0 12px; }
.message h1 { margin: 0 0 8px; font-size: 1.4rem; }
.message .lead { margin: 0 0 16px; color: var(--muted); }
.error-text {
  display: inline-block; margin: 0 0 16px; padding: 8px 14px; border-radius: 8px;
  background: var(--code); color: #f8fafc; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 0.95rem; overflow-wrap: anywhere;
}
.hint { margin: 0 0 12px; text-align: left; color: var(--ink); font-size: 0.92rem; }
.message .facts { text-align: left; margin-top: 8px; }
.names { text-align: left; font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; margin: 0; }
.names code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--ink); }
.back { margin: 20px 0 0; }
.saved-card {
  margin: 0 0 12px; padding: 14px; border: 1px solid var(--line); border-radius: 8px; background: var(--soft-surface);
}
.saved-card h3 { margin: 0 0 4px; font-size: 0.95rem; }
.saved-card p { margin: 0 0 12px; }
.saved-card button { width: 100%; }
.or { margin: 0 0 14px; color: var(--muted); font-size: 0.9rem; text-align: center; }
.button-link {
  display: inline-block; padding: 10px 18px; border-radius: 8px; font-weight: 700;
  background: var(--accent); color: #fff; text-decoration: none;
}
.button-link:hover { background: var(--accent-dark); }
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e6edf6;
    --muted: #a3b1c2;
    --line: #2c3a4d;
    --surface: #152133;
    --canvas: #0b1320;
    --navy: #060d18;
    --accent: #5b9bff;
    --accent-dark: #7fb0ff;
    --danger: #ff8a7f;
    --danger-soft: #3a1715;
    --ok: #5fd39a;
    --ok-soft: #0f2e20;
    --warn: #ffb86b;
    --warn-soft: #33230f;
    --info-soft: #14264a;
    --soft-surface: #101b2b;
    --hover: #1c2a3e;
    --input-line: #3b4c63;
    --input: #0f1a29;
    --danger-line: #6b2520;
    --placeholder: #74859b;
    --code: #05090f;
  }
  .primary, .button-link { color: #06142b; }
  .brands .visa { color: #8ea2ff; }
  .brands .mc { color: #ff9d6b; }
  .panel { box-shadow: none; }
}
@media (max-width: 760px) {
  main { padding: 20px 14px; }
  .layout { grid-template-columns: 1fr; }
  .secure span { display: none; }
  th, td { padding: 8px 6px; }
  td code { font-size: 0.82rem; }
}
@media (max-width: 440px) {
  .row { grid-template-columns: 1fr; gap: 0; }
}
`;
