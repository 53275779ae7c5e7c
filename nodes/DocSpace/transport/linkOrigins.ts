/**
 * Links the caller took IDs from must point at the credential's portal: an ID from another
 * portal's link would act on whatever has that ID here. The action layer notes each link's origin
 * per item; the first request of the item checks them against the portal before sending anything.
 */
interface NotedLink {
	origin: string;
	/** The error to throw when the origin is not the portal's. */
	mismatch: (portalOrigin: string) => Error;
}

const notedByContext = new WeakMap<object, NotedLink[]>();

export function noteLinkOrigin(context: object, link: NotedLink): void {
	notedByContext.set(context, [...(notedByContext.get(context) ?? []), link]);
}

/** Forgets the links noted so far (at the start of each item). */
export function forgetLinkOrigins(context: object): void {
	notedByContext.delete(context);
}

/** Throws the first noted link's error whose origin is not the portal's. */
export function checkLinkOrigins(context: object, portalUrl: string): void {
	const noted = notedByContext.get(context);
	if (!noted) return;
	const portalOrigin = new URL(portalUrl).origin;
	notedByContext.delete(context);
	const foreign = noted.find((link) => link.origin !== portalOrigin);
	if (foreign) throw foreign.mismatch(portalOrigin);
}
