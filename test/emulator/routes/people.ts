/**
 * People: the current user (API.md §1.7). Later modules add listing, invite, update, etc.
 */
import { currentUser, defineRoute, ok } from '../http';
import { employeeFullDto } from '../dto/people';

defineRoute('GET', '/api/2.0/people/@self', (ctx) => ok(employeeFullDto(ctx, currentUser(ctx))));
