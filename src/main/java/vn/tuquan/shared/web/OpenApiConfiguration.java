package vn.tuquan.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;

/**
 * The API's description at {@code /v3/api-docs}: its info and server here; what every operation
 * gets without being written on it (authentication, refusals as problem+json, schema names) in
 * {@link ApiDescription} and {@link ApiSchemaNames}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        ApiSchemaNames.install();
        // swagger-core knows Jackson 2's JsonNode, not Jackson 3's: without this it describes the node's
        // getters (isArray, isEmpty …) instead of the JSON it holds
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new JsonSchema().description("any JSON value"));
    }

    @Bean
    OpenAPI tuquanOpenApi(
            @Value("${tuquan.api.licence.name}") String licenceName,
            @Value("${tuquan.api.licence.identifier:}") String licenceIdentifier,
            @Value("${tuquan.api.licence.url:}") String licenceUrl,
            @Value("${tuquan.api.contact.name}") String contactName,
            @Value("${tuquan.api.contact.email:}") String contactEmail,
            @Value("${tuquan.api.contact.url:}") String contactUrl) {
        License licence = new License().name(licenceName);
        if (StringUtils.hasText(licenceUrl)) {
            licence.url(licenceUrl);
        } else if (StringUtils.hasText(licenceIdentifier)) {
            licence.identifier(licenceIdentifier);
        }
        Contact contact = new Contact().name(contactName);
        if (StringUtils.hasText(contactEmail)) {
            contact.email(contactEmail);
        }
        if (StringUtils.hasText(contactUrl)) {
            contact.url(contactUrl);
        }
        return new OpenAPI()
                .info(new Info()
                        .title("Tuquan API")
                        .description("REST API của Tuquan — phong trào \"Tự quản, tự phòng, tự bảo vệ\". "
                                + "Every call needs a personal access token (`Authorization: Bearer tq_…`, "
                                + "made at `/account/tokens` or with `./tuquan user token`) or a signed-in session "
                                + "(its cookie, and the CSRF header on writes). Errors are "
                                + "`application/problem+json` (RFC 9457) in the caller's language.")
                        .version("v1")
                        .contact(contact)
                        .license(licence))
                // the instance that serves the description, whatever address it is reached at
                .servers(List.of(new Server().url("/").description("this Tuquan instance")));
    }

    @Bean
    ApiDescription apiDescription(@Value("${server.servlet.session.cookie.name}") String sessionCookie) {
        return new ApiDescription(sessionCookie);
    }
}
