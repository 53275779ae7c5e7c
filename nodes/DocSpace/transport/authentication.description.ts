// Moved to shared/; this path stays for the webhook trigger until it imports from there.
export { authenticationProperty, credentialsFor } from '../shared/authentication.description';
