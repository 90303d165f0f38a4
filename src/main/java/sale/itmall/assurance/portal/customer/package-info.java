/**
 * Pages for customers: the Self-Service Returns Center (home, warranty lookup, the return wizard, tracking,
 * equipment and cover extensions, settings). Signed in as a customer user; every read is scoped to their account.
 */
package sale.itmall.assurance.portal.customer;
