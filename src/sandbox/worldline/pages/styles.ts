/**
 * The one stylesheet of the Worldline sandbox pages: its own look (a mint and ink palette, one
 * narrow column), light and dark by `prefers-color-scheme`, comfortable at 390 px. Served inline
 * under a CSP hash: no `unsafe-inline`, no script.
 */
export const CHECKOUT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #eaf5f2;
  --card: #ffffff;
  --ink: #10231f;
  --muted: #4d635e;
  --line: #cfe3dd;
  --brand: #00796b;
  --brand-ink: #ffffff;
  --brand-soft: #d7f0ea;
  --focus: #2f6fde;
  --error: #b3261e;
  --error-soft: #fdecea;
  --ok: #0b7a3b;
  --radius: 14px;
  font: 16px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--ink);
  background: var(--bg);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0c1513;
    --card: #15211e;
    --ink: #e4f1ed;
    --muted: #9db4ae;
    --line: #2a3c37;
    --brand: #4fd1b5;
    --brand-ink: #062019;
    --brand-soft: #1d332d;
    --focus: #8ab4ff;
    --error: #ffb4ab;
    --error-soft: #3b1d1a;
    --ok: #7ee2a8;
  }
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; align-items: center; padding: 16px; }
.shell { width: 100%; max-width: 440px; }
.masthead { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px 12px; margin: 4px 2px 14px; }
.brand { display: flex; align-items: center; gap: 8px; font-weight: 700; letter-spacing: 0.01em; white-space: nowrap; }
.brand-mark { width: 22px; height: 22px; border-radius: 6px; background: linear-gradient(135deg, var(--brand), #9be7d6); }
.tag { font-size: 0.7rem; font-weight: 700; letter-spacing: 0.08em; padding: 2px 7px; border-radius: 6px; border: 1px solid var(--brand); color: var(--brand); }
.secure { font-size: 0.8rem; color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 20px; margin-bottom: 14px; }
.summary { display: grid; gap: 2px; }
.summary .amount { font-size: 2rem; font-weight: 700; line-height: 1.2; }
.summary .meta { color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
h1 { font-size: 1.15rem; margin: 0 0 12px; }
h2 { font-size: 1rem; margin: 0 0 10px; }
.field { display: grid; gap: 4px; margin-bottom: 12px; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; align-items: end; }
label { font-size: 0.9rem; font-weight: 600; }
input[type="text"] {
  width: 100%; font: inherit; padding: 11px 12px; border-radius: 10px;
  border: 1px solid var(--line); background: var(--bg); color: var(--ink);
}
input[aria-invalid="true"] { border-color: var(--error); }
input:focus-visible, button:focus-visible, summary:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.field-error { margin: 0; color: var(--error); font-size: 0.85rem; }
.notice { padding: 10px 12px; border-radius: 10px; background: var(--error-soft); color: var(--error); margin: 0 0 12px; }
.consent { display: flex; gap: 10px; align-items: flex-start; margin: 4px 0 14px; }
.consent input { width: 20px; height: 20px; margin: 2px 0 0; accent-color: var(--brand); }
.consent label { font-weight: 400; }
.saved { display: grid; gap: 8px; margin: 0 0 12px; padding: 0; list-style: none; }
.saved li { display: flex; gap: 10px; align-items: center; padding: 10px 12px; border: 1px solid var(--line); border-radius: 10px; }
.saved input { accent-color: var(--brand); width: 18px; height: 18px; margin: 0; }
.saved label { font-weight: 500; font-variant-numeric: tabular-nums; }
button, .button {
  display: block; width: 100%; font: inherit; font-weight: 700; text-align: center; text-decoration: none;
  padding: 12px 16px; border-radius: 999px; border: 1px solid var(--brand); cursor: pointer;
}
.primary { background: var(--brand); color: var(--brand-ink); }
.secondary { background: transparent; color: var(--brand); margin-top: 10px; }
details { font-size: 0.9rem; color: var(--muted); }
summary { cursor: pointer; font-weight: 600; color: var(--ink); }
.cards { margin: 8px 0 0; padding: 0; list-style: none; display: grid; gap: 6px; }
.cards code { font-size: 0.95rem; color: var(--ink); font-variant-numeric: tabular-nums; }
.result { font-size: 1.3rem; font-weight: 700; margin: 0 0 6px; }
.result.ok { color: var(--ok); }
.result.bad { color: var(--error); }
.note { font-size: 0.8rem; color: var(--muted); text-align: center; margin: 6px 0 0; }
@media (max-width: 359px) { .row { grid-template-columns: 1fr; } }
`;
