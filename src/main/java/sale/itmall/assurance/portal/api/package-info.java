/**
 * The public REST API (/api/**, OpenAPI at /v3/api-docs): returns, warranty, tracking and the warehouse's receipts
 * for customers' systems and the vendor's integrations, and the installed-base import for administrators; answers
 * are problem details (ProblemAdvice) whatever goes wrong.
 */
package sale.itmall.assurance.portal.api;
