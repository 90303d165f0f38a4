package sale.itmall.assurance.portal.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;
import sale.itmall.assurance.portal.identity.ApiKeys;

/** How the API is described: who may call what, with which credential. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "ITMall Service Assurance API",
                        description = "Customers open and track returns with their portal sign-in (session with the"
                                + " XSRF-TOKEN cookie echoed, or HTTP Basic). Integrations call the"
                                + " installed-base import and the warehouse receipts with an API key of their"
                                + " integration role, issued by a service administrator under Staff > API keys"
                                + " and sent in the X-API-Key header; staff with the role may use HTTP Basic."))
@SecurityScheme(
        name = ApiDocs.API_KEY,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        paramName = ApiKeys.HEADER,
        description = "A key of the integration role the operation names (installed-base-import or"
                + " warehouse-receipts); opens that API only, never a page")
@SecurityScheme(
        name = ApiDocs.BASIC,
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "A portal sign-in (customer, or staff with the role the operation names)")
class ApiDocs {

    static final String API_KEY = "apiKey";
    static final String BASIC = "basic";
}
