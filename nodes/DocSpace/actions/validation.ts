// Moved to shared/; this path stays for the webhook trigger until it imports from there.
export * from '../shared/validation';
