/** The payments page's script: defines `<ogone-admin>` (bundled into dist/admin-ui/admin.js). */
import { OgoneAdmin } from './admin-app.js';

if (!customElements.get('ogone-admin')) customElements.define('ogone-admin', OgoneAdmin);
