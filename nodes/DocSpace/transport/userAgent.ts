/** Identifies this integration's calls in the portal's logs (and to the test emulator's call log). */
export const USER_AGENT = 'n8n-nodes-onlyoffice-docspace';
