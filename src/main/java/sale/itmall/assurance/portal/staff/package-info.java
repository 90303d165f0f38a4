/**
 * Staff administration pages under /staff/**: people (customers' users and the team), API keys, the installed-base
 * import and suspended accounts, each behind the role its work needs. The task queue lives in the tasks module, the
 * reports and case pages in reporting, the demo clock in config.
 */
package sale.itmall.assurance.portal.staff;
