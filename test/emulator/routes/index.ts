/**
 * The one list of route modules. Each module registers its routes with `defineRoute` when
 * imported; add one import line per new module.
 */
import './oauth';
import './authentication';
import './people';
import './reassign';
import './settings';
import './groups';
import './keys';
import './folders';
import './fileops';
import './files';
import './fileSettings';
import './fileDownload';
import './bulkDownload';
import './fileLinks';
import './upload';
import './uploadSessions';
import './rooms';
import './roomSharing';
import './forms';
import './formFill';
import './templates';
import './webhooks';
