/**
 * Who is signing in and as whom: the security configuration, customer and staff sign-ins (local and OpenID
 * Connect), invitations and password resets (SignInLinks, SignInPages), API keys, and each reader's language and
 * time zone (PortalAudiences, UserAudiences).
 */
package sale.itmall.assurance.portal.identity;
