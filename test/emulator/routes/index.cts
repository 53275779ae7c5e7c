/**
 * The one list of route modules. Each module registers its routes with `defineRoute` when
 * imported; add one import line per new module.
 */
import './oauth.cjs';
import './authentication.cjs';
import './people.cjs';
import './reassign.cjs';
import './settings.cjs';
import './groups.cjs';
import './keys.cjs';
import './folders.cjs';
import './fileops.cjs';
import './files.cjs';
import './fileSettings.cjs';
import './fileDownload.cjs';
import './bulkDownload.cjs';
import './fileLinks.cjs';
import './upload.cjs';
import './uploadSessions.cjs';
import './rooms.cjs';
import './roomSharing.cjs';
import './forms.cjs';
import './formFill.cjs';
import './templates.cjs';
import './webhooks.cjs';
